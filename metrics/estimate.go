package metrics

import (
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

// Estimate sets the CPV estimated at quote time beside the actual one, for the same
// posts and the same cost. Both CPVs are at [Precision].
type Estimate struct {
	Posts         int64         // posts with both expected and actual views
	Cost          pricing.Money // their total cost
	ExpectedViews int64
	ActualViews   int64
	EstimatedCPV  pricing.Money // Cost / ExpectedViews
	ActualCPV     pricing.Money // Cost / ActualViews
}

// CompareEstimate returns the estimate (cost over the views expected at quote time)
// beside the actual (the same cost over the views reported), for one post or a set.
// Zero views on either side return an error wrapping [ErrUndefined]; negative views or
// cost one wrapping [ErrInvalid].
func CompareEstimate(cost pricing.Money, expectedViews, actualViews int64) (Estimate, error) {
	est, err := costPer("CompareEstimate", cost, decimal.Decimal{}, "expected views", expectedViews)
	if err != nil {
		return Estimate{}, err
	}
	act, err := costPer("CompareEstimate", cost, decimal.Decimal{}, "actual views", actualViews)
	if err != nil {
		return Estimate{}, err
	}
	return Estimate{Posts: 1, Cost: cost, ExpectedViews: expectedViews, ActualViews: actualViews,
		EstimatedCPV: est, ActualCPV: act}, nil
}

// ViewsDifference returns ActualViews − ExpectedViews: negative when the posts
// under-delivered.
func (e Estimate) ViewsDifference() int64 { return e.ActualViews - e.ExpectedViews }

// CPVDifference returns ActualCPV − EstimatedCPV: positive when views cost more than
// quoted. An Estimate built by hand with CPVs in different currencies returns a
// *[MismatchError] wrapping [ErrMismatch] and [pricing.ErrCurrencyMismatch]; the zero
// Estimate, an error wrapping [ErrInvalid].
func (e Estimate) CPVDifference() (pricing.Money, error) {
	const op = "Estimate.CPVDifference"
	if e.ActualCPV.Currency() == "" || e.EstimatedCPV.Currency() == "" {
		return pricing.Money{}, invalid(op, "CPV", "", CodeRequired, "zero Money has no currency")
	}
	d, err := e.ActualCPV.Sub(e.EstimatedCPV)
	if err != nil {
		return pricing.Money{}, moneyError(op, "CPV", e.ActualCPV, e.EstimatedCPV, err)
	}
	return d, nil
}

// Equal reports whether e and o hold the same figures; Money amounts compare by value.
func (e Estimate) Equal(o Estimate) bool {
	return e.Posts == o.Posts && e.ExpectedViews == o.ExpectedViews && e.ActualViews == o.ActualViews &&
		e.Cost.Equal(o.Cost) && e.EstimatedCPV.Equal(o.EstimatedCPV) && e.ActualCPV.Equal(o.ActualCPV)
}

// Estimate compares the CPV expected at quote time with the actual CPV over the posts
// that have both an expected and a reported view count. It returns an error wrapping
// [ErrUnknown] if no post has both; otherwise errors are those of [CompareEstimate].
func (s Summary) Estimate() (Estimate, error) {
	var exp, act int64
	var cost pricing.Money
	var n int
	for i := range s.rows {
		r := &s.rows[i]
		e, oke := r.expected.Get()
		a, oka := r.get(Views).Get()
		if !oke || !oka {
			continue
		}
		if exp > maxInt64-e || act > maxInt64-a {
			return Estimate{}, overflow("Summary.Estimate", "views")
		}
		exp, act = exp+e, act+a
		if n == 0 {
			cost = r.cost
		} else {
			sum, err := cost.Add(r.cost)
			if err != nil {
				return Estimate{}, moneyError("Summary.Estimate", "cost", cost, r.cost, err)
			}
			cost = sum
		}
		n++
	}
	if n == 0 {
		return Estimate{}, unknown("Summary.Estimate", "expected and actual views")
	}
	e, err := CompareEstimate(cost, exp, act)
	if err != nil {
		return Estimate{}, err
	}
	e.Posts = int64(n)
	return e, nil
}
