package metrics

import (
	"strconv"

	"github.com/creatorops/creatorops/internal/problem"

	"github.com/shopspring/decimal"
)

// EngagementRate is an engagement rate together with the definition it was made under
// and the sums it divides, so that rates combine by summing (never by averaging ratios)
// and refuse to mix definitions. The zero EngagementRate is invalid: its Value is zero
// and its Definition the zero Definition. EngagementRates are comparable with ==, which
// compares the sums, not only the value: 30 of 1,000 and 60 of 2,000 are both 3% but
// not ==; use [EngagementRate.Cmp] to compare values.
type EngagementRate struct {
	def         Definition
	engagements int64
	basis       int64
	posts       int64
}

// NewEngagementRate returns the rate engagements/basis under def, for one post. Zero
// basis returns an error wrapping [ErrUndefined]; a negative count or the zero
// Definition one wrapping [ErrInvalid].
func NewEngagementRate(def Definition, engagements, basis int64) (EngagementRate, error) {
	const op = "engagement rate"
	if def.IsZero() {
		return EngagementRate{}, invalid(op, "definition", "", CodeRequired, "zero Definition")
	}
	if err := checkCount(op, "engagements", engagements); err != nil {
		return EngagementRate{}, err
	}
	if err := checkDenominator(op, def.basis.String(), basis); err != nil {
		return EngagementRate{}, err
	}
	return EngagementRate{def: def, engagements: engagements, basis: basis, posts: 1}, nil
}

// Rate returns the engagement rate of one post's counts under d. An unknown count that
// the definition needs returns an error wrapping [ErrUnknown] (a TikTok post under a
// definition that counts saves); otherwise errors are those of [NewEngagementRate].
func (d Definition) Rate(c Counts) (EngagementRate, error) {
	eng, err := d.Engagements(c)
	if err != nil {
		return EngagementRate{}, err
	}
	b, ok := c.Get(d.basis.Metric()).Get()
	if !ok {
		return EngagementRate{}, unknown("engagement rate", d.basis.String())
	}
	return NewEngagementRate(d, eng, b)
}

// Value returns the rate as a fraction (0.03 for 3%) at [Precision].
func (r EngagementRate) Value() decimal.Decimal {
	if r.basis <= 0 {
		return decimal.Decimal{}
	}
	return div(decimal.NewFromInt(r.engagements), r.basis)
}

// Definition returns the definition the rate was made under.
func (r EngagementRate) Definition() Definition { return r.def }

// Engagements returns the summed interactions the rate divides.
func (r EngagementRate) Engagements() int64 { return r.engagements }

// Basis returns the summed basis (reach, impressions, views or followers) the rate
// divides by.
func (r EngagementRate) Basis() int64 { return r.basis }

// Posts returns the number of posts combined into the rate.
func (r EngagementRate) Posts() int64 { return r.posts }

// String returns the rate with its definition, e.g.
// "3.00% (likes+comments+shares+saves / reach)".
func (r EngagementRate) String() string {
	if r.def.IsZero() {
		return "invalid engagement rate"
	}
	return Percent(r.Value()) + " (" + r.def.String() + ")"
}

// Combine returns the engagement rate of r and o together: total engagements over the
// total basis, which is the basis-weighted mean of the two rates, not their average.
//
// It returns an error wrapping [ErrMismatch] if the definitions differ, and one wrapping
// [ErrUndefined] if the basis is reach: reach counts unique accounts, so the reach of two
// posts is not the sum of their reaches. Compute a reach-based rate for several posts
// from a de-duplicated campaign reach with [NewEngagementRate] instead. A followers
// basis sums the followers of each post, so the combined rate is engagement per post per
// follower.
func (r EngagementRate) Combine(o EngagementRate) (EngagementRate, error) {
	const op = "combine engagement rates"
	if r.def.IsZero() || o.def.IsZero() {
		return EngagementRate{}, invalid(op, "definition", "", CodeRequired, "zero EngagementRate")
	}
	if r.def != o.def {
		return EngagementRate{}, definitionMismatch(op, r.def, o.def)
	}
	if r.def.basis == BasisReach {
		return EngagementRate{}, undefined(op, "reach", "", "reach is unique per post and cannot be summed across posts")
	}
	if r.engagements > maxInt64-o.engagements || r.basis > maxInt64-o.basis {
		return EngagementRate{}, overflow(op, "sum")
	}
	return EngagementRate{
		def:         r.def,
		engagements: r.engagements + o.engagements,
		basis:       r.basis + o.basis,
		posts:       r.posts + o.posts,
	}, nil
}

// Cmp compares the values of r and o: -1 if r is lower, 0 if equal, +1 if higher. Rates
// under different definitions return an error wrapping [ErrMismatch]: 4% of reach is not
// higher than 3% of followers in any useful sense.
func (r EngagementRate) Cmp(o EngagementRate) (int, error) {
	if r.def != o.def {
		return 0, definitionMismatch("compare engagement rates", r.def, o.def)
	}
	// a/b vs c/d with positive b, d: compare a*d with c*b exactly.
	lhs := decimal.NewFromInt(r.engagements).Mul(decimal.NewFromInt(o.basis))
	rhs := decimal.NewFromInt(o.engagements).Mul(decimal.NewFromInt(r.basis))
	return lhs.Cmp(rhs), nil
}

// GoString returns a form useful in test failures.
func (r EngagementRate) GoString() string {
	return "metrics.EngagementRate{" + strconv.FormatInt(r.engagements, 10) + "/" +
		strconv.FormatInt(r.basis, 10) + " " + r.def.String() + "}"
}

func definitionMismatch(op string, a, b Definition) error {
	return problem.NewMismatchError(pkg, MismatchError{Op: op, What: "definition", A: a.String(), B: b.String()}, ErrMismatch)
}
