package metrics

import (
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

var thousand = decimal.NewFromInt(1000)

// costPer returns cost × scale / n as Money in cost's currency, at [Precision].
func costPer(op string, cost pricing.Money, scale decimal.Decimal, name string, n int64) (pricing.Money, error) {
	if err := checkCost(op, cost); err != nil {
		return pricing.Money{}, err
	}
	if err := checkDenominator(op, name, n); err != nil {
		return pricing.Money{}, err
	}
	amount := cost.Amount()
	if !scale.IsZero() {
		amount = amount.Mul(scale)
	}
	m, err := pricing.NewMoney(div(amount, n), cost.Currency())
	if err != nil { // only a result beyond Money's bounds (40 integer digits) gets here
		return pricing.Money{}, invalid(op, "cost", cost.String(), CodeOutOfRange, "result exceeds the bounds of pricing.Money")
	}
	return m, nil
}

func checkCost(op string, cost pricing.Money) error {
	if cost.Currency() == "" {
		return invalid(op, "cost", "", CodeRequired, "zero Money has no currency")
	}
	if cost.IsNegative() {
		return invalid(op, "cost", cost.String(), CodeNegative, "negative cost")
	}
	return nil
}

// CPM returns the cost per thousand impressions, cost × 1000 / impressions, in cost's
// currency at [Precision]: 2000.00 USD for 200,000 impressions is 10 USD. Pass the total
// cost, base fee plus every add-on. Zero impressions return an error wrapping
// [ErrUndefined]; a negative count, a negative cost or the zero Money one wrapping
// [ErrInvalid]. A zero cost is a valid zero CPM. Show it at [DisplayPlaces] (2 places for USD).
func CPM(cost pricing.Money, impressions int64) (pricing.Money, error) {
	return costPer("CPM", cost, thousand, "impressions", impressions)
}

// CPV returns the cost per view, cost / views, in cost's currency at [Precision]:
// 1200.00 USD for 80,000 views is 0.015 USD. Pass the total cost: 2500.00 USD of video
// plus 750.00 USD of usage rights over 150,000 views is 0.0217 USD, not the 0.0167 USD
// of the base fee alone. Errors as for [CPM]. Show
// it at [DisplayPlaces] (4 places for USD).
func CPV(cost pricing.Money, views int64) (pricing.Money, error) {
	return costPer("CPV", cost, decimal.Decimal{}, "views", views)
}

// CPA returns the cost per action (purchase, sign-up), cost / conversions, in cost's
// currency at [Precision]: 3000.00 USD for 60 purchases is 50 USD. Errors as for [CPM].
// Show it at [DisplayPlaces] (2 places for USD).
func CPA(cost pricing.Money, conversions int64) (pricing.Money, error) {
	return costPer("CPA", cost, decimal.Decimal{}, "conversions", conversions)
}

// CPC returns the cost per link click, cost / clicks, in cost's currency at [Precision].
// Errors as for [CPM]. Show it at [DisplayPlaces] (4 places for USD).
func CPC(cost pricing.Money, clicks int64) (pricing.Money, error) {
	return costPer("CPC", cost, decimal.Decimal{}, "clicks", clicks)
}

// CPE returns the cost per engagement, cost / engagements, in cost's currency at
// [Precision]. Count engagements under the campaign's [Definition] (see
// [Definition.Engagements]) so that CPE and engagement rate agree. Errors as for [CPM].
// Show it at [DisplayPlaces] (4 places for USD).
func CPE(cost pricing.Money, engagements int64) (pricing.Money, error) {
	return costPer("CPE", cost, decimal.Decimal{}, "engagements", engagements)
}

// Formula names a cost formula, for [DisplayPlaces].
type Formula uint8

// The cost formulas. The zero Formula is invalid.
const (
	FormulaCPM Formula = iota + 1 // [CPM]
	FormulaCPV                    // [CPV]
	FormulaCPA                    // [CPA]
	FormulaCPC                    // [CPC]
	FormulaCPE                    // [CPE]
)

// String returns the formula's name: "CPM", "CPV", "CPA", "CPC" or "CPE".
func (f Formula) String() string {
	switch f {
	case FormulaCPM:
		return "CPM"
	case FormulaCPV:
		return "CPV"
	case FormulaCPA:
		return "CPA"
	case FormulaCPC:
		return "CPC"
	case FormulaCPE:
		return "CPE"
	}
	return "invalid formula"
}

// DisplayPlaces returns the number of decimal places a result of formula f in currency
// is shown at: the currency's minor units ([pricing.MinorUnits]) for a CPM or a CPA (2
// for USD: "10.00 USD"; 0 for JPY; 3 for KWD), and two places more for a CPV, CPC or CPE,
// whose amounts are fractions of a cent (4 for USD: "0.0217 USD", not "0.02 USD"; 2 for
// JPY). A code without minor units (the zero Money's "") counts as 0 minor units, and
// the zero Formula as a CPM. Display with [pricing.Money.StringFixed] and
// [pricing.HalfUp], which rounds half away from zero and always prints the places:
//
//	cpv.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPV, cpv.Currency()), pricing.HalfUp) // "0.0150 USD"
//
// Display is a separate step: keep the full-precision value for arithmetic.
func DisplayPlaces(f Formula, currency string) int32 {
	digits, _ := pricing.MinorUnits(currency)
	switch f {
	case FormulaCPV, FormulaCPC, FormulaCPE:
		return digits + 2
	}
	return digits
}
