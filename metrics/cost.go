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
// [ErrInvalid]. A zero cost is a valid zero CPM. Show it with [RoundCPM].
func CPM(cost pricing.Money, impressions int64) (pricing.Money, error) {
	return costPer("CPM", cost, thousand, "impressions", impressions)
}

// CPV returns the cost per view, cost / views, in cost's currency at [Precision]:
// 1200.00 USD for 80,000 views is 0.015 USD. Pass the total cost: 2500.00 USD of video
// plus 750.00 USD of usage rights over 150,000 views is 0.0217 USD, not the 0.0167 USD
// of the base fee alone. Errors as for [CPM]. Show it with [RoundCPV].
func CPV(cost pricing.Money, views int64) (pricing.Money, error) {
	return costPer("CPV", cost, decimal.Decimal{}, "views", views)
}

// CPA returns the cost per action (purchase, sign-up), cost / conversions, in cost's
// currency at [Precision]: 3000.00 USD for 60 purchases is 50 USD. Errors as for [CPM].
// Show it with [RoundCPA].
func CPA(cost pricing.Money, conversions int64) (pricing.Money, error) {
	return costPer("CPA", cost, decimal.Decimal{}, "conversions", conversions)
}

// CPC returns the cost per link click, cost / clicks, in cost's currency at [Precision].
// Errors as for [CPM]. Show it with [RoundCPC].
func CPC(cost pricing.Money, clicks int64) (pricing.Money, error) {
	return costPer("CPC", cost, decimal.Decimal{}, "clicks", clicks)
}

// CPE returns the cost per engagement, cost / engagements, in cost's currency at
// [Precision]. Count engagements under the campaign's [Definition] (see
// [Definition.Engagements]) so that CPE and engagement rate agree. Errors as for [CPM].
// Show it with [RoundCPE].
func CPE(cost pricing.Money, engagements int64) (pricing.Money, error) {
	return costPer("CPE", cost, decimal.Decimal{}, "engagements", engagements)
}

// Display precision. Each helper returns a new Money rounded half up (away from zero)
// to the documented places; the full-precision value is unchanged. The zero Money is
// returned as is.

// RoundCPM rounds a CPM for display to the currency's minor units: 2 places for USD and
// EUR ("10.00 USD"), 0 for JPY, 3 for KWD.
func RoundCPM(cpm pricing.Money) pricing.Money { return roundExtra(cpm, 0) }

// RoundCPA rounds a CPA for display to the currency's minor units, like [RoundCPM]:
// "50.00 USD".
func RoundCPA(cpa pricing.Money) pricing.Money { return roundExtra(cpa, 0) }

// RoundCPV rounds a CPV for display to two places more than the currency's minor units:
// 4 places for USD ("0.0217 USD", not "0.02 USD"), 2 for JPY.
func RoundCPV(cpv pricing.Money) pricing.Money { return roundExtra(cpv, 2) }

// RoundCPC rounds a CPC for display like [RoundCPV]: 4 places for USD.
func RoundCPC(cpc pricing.Money) pricing.Money { return roundExtra(cpc, 2) }

// RoundCPE rounds a CPE for display like [RoundCPV]: 4 places for USD.
func RoundCPE(cpe pricing.Money) pricing.Money { return roundExtra(cpe, 2) }

func roundExtra(m pricing.Money, extra int32) pricing.Money {
	digits, ok := pricing.MinorUnits(m.Currency())
	if !ok {
		return m
	}
	return m.RoundTo(digits+extra, pricing.HalfUp)
}

// FormatCPM returns a CPM as display text, rounded like [RoundCPM] and always showing
// its places: "10.00 USD". The zero Money is "invalid Money".
func FormatCPM(cpm pricing.Money) string { return formatExtra(cpm, 0) }

// FormatCPA returns a CPA as display text, rounded like [RoundCPA]: "50.00 USD".
func FormatCPA(cpa pricing.Money) string { return formatExtra(cpa, 0) }

// FormatCPV returns a CPV as display text, rounded like [RoundCPV] and always showing
// its places: "0.0150 USD", where Money's own String would print "0.015 USD".
func FormatCPV(cpv pricing.Money) string { return formatExtra(cpv, 2) }

// FormatCPC returns a CPC as display text, rounded like [RoundCPC]: "0.0625 USD".
func FormatCPC(cpc pricing.Money) string { return formatExtra(cpc, 2) }

// FormatCPE returns a CPE as display text, rounded like [RoundCPE]: "0.6944 USD".
func FormatCPE(cpe pricing.Money) string { return formatExtra(cpe, 2) }

func formatExtra(m pricing.Money, extra int32) string {
	digits, ok := pricing.MinorUnits(m.Currency())
	if !ok {
		return m.String()
	}
	places := digits + extra
	return m.RoundTo(places, pricing.HalfUp).Amount().StringFixed(places) + " " + m.Currency()
}
