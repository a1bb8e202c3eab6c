package metrics

import (
	"github.com/shopspring/decimal"
)

// Precision is the number of decimal places every division in this package keeps
// ("full precision"): quotients are rounded half away from zero at the 16th place with
// [decimal.Decimal.DivRound]. Display rounding ([DisplayPlaces], [FormatPercent]) happens
// only on request and never feeds back into a computation.
const Precision int32 = 16

// div returns num/den at [Precision]. den must be positive.
func div(num decimal.Decimal, den int64) decimal.Decimal {
	return num.DivRound(decimal.NewFromInt(den), Precision)
}

// ratio returns num/den as a fraction after checking both counts.
func ratio(op, numName string, num int64, denName string, den int64) (decimal.Decimal, error) {
	if err := checkCount(op, numName, num); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkDenominator(op, denName, den); err != nil {
		return decimal.Decimal{}, err
	}
	return div(decimal.NewFromInt(num), den), nil
}

// CTR returns the click-through rate clicks/impressions as a fraction (0.03 for 3%), at
// [Precision]. Zero impressions return an error wrapping [ErrUndefined]; a negative count
// one wrapping [ErrInvalid]. More clicks than impressions is not an error: platforms count
// them differently, and the rate says so by exceeding 1.
func CTR(clicks, impressions int64) (decimal.Decimal, error) {
	return ratio("CTR", "clicks", clicks, "impressions", impressions)
}

// ConversionRate returns conversions/clicks as a fraction (54 purchases from 1,800 clicks
// is 0.03), at [Precision]. Zero clicks return an error wrapping [ErrUndefined]; a
// negative count one wrapping [ErrInvalid]. More conversions than clicks is not an error
// (promo codes and view-through conversions need no click).
func ConversionRate(conversions, clicks int64) (decimal.Decimal, error) {
	return ratio("ConversionRate", "conversions", conversions, "clicks", clicks)
}

// ViewThroughRate returns views/impressions as a fraction: how many times the post was
// watched, by the platform's definition of a view, per time it was shown (80,000 views
// of 200,000 impressions is 0.4). Errors as for [CTR].
func ViewThroughRate(views, impressions int64) (decimal.Decimal, error) {
	return ratio("ViewThroughRate", "views", views, "impressions", impressions)
}

// CompletionRate returns completedViews/views as a fraction: the share of views watched
// to the end. Errors as for [CTR].
func CompletionRate(completedViews, views int64) (decimal.Decimal, error) {
	return ratio("CompletionRate", "completed views", completedViews, "views", views)
}

var hundred = decimal.NewFromInt(100)

// FormatPercent formats a fraction as a percentage with the given number of decimal
// places, rounding half away from zero (half up for the non-negative rates of this
// package): FormatPercent(0.03, 2) is "3.00%", FormatPercent(0.021666, 1) is "2.2%".
// Negative places are treated as zero. It formats only; keep the fraction for arithmetic.
func FormatPercent(fraction decimal.Decimal, places int32) string {
	if places < 0 {
		places = 0
	}
	return fraction.Mul(hundred).StringFixed(places) + "%"
}

// Percent formats a fraction as a percentage with two decimal places: "3.00%".
// It is FormatPercent(fraction, 2).
func Percent(fraction decimal.Decimal) string { return FormatPercent(fraction, 2) }
