package metrics_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

func usd(s string) pricing.Money { return pricing.MustParseMoney(s + " USD") }

func TestCostFormulas(t *testing.T) {
	type costFunc func(pricing.Money, int64) (pricing.Money, error)
	tests := []struct {
		name    string
		f       costFunc
		formula metrics.Formula
		cost    pricing.Money
		n       int64
		exact   string // full-precision amount
		display string // shown at DisplayPlaces
	}{
		{"CPM 2000 USD for 200000 impressions", metrics.CPM, metrics.FormulaCPM, usd("2000.00"), 200000, "10", "10.00 USD"},
		{"CPV 1200 USD for 80000 views", metrics.CPV, metrics.FormulaCPV, usd("1200.00"), 80000, "0.015", "0.0150 USD"},
		{"CPA 3000 USD for 60 purchases", metrics.CPA, metrics.FormulaCPA, usd("3000.00"), 60, "50", "50.00 USD"},
		{"blended CPV 3250 USD over 150000 views", metrics.CPV, metrics.FormulaCPV, usd("3250.00"), 150000, "0.0216666666666667", "0.0217 USD"},
		{"base-only CPV 2500 USD over 150000 views", metrics.CPV, metrics.FormulaCPV, usd("2500.00"), 150000, "0.0166666666666667", "0.0167 USD"},
		{"CPC rounds half up at display", metrics.CPC, metrics.FormulaCPC, usd("1.00"), 16, "0.0625", "0.0625 USD"},
		{"CPC display is not truncation", metrics.CPC, metrics.FormulaCPC, usd("2.00"), 3, "0.6666666666666667", "0.6667 USD"},
		{"CPE", metrics.CPE, metrics.FormulaCPE, usd("2500.00"), 3600, "0.6944444444444444", "0.6944 USD"},
		{"CPM half cent rounds up", metrics.CPM, metrics.FormulaCPM, usd("0.01"), 2, "5", "5.00 USD"},
		{"CPM 0.125 rounds half up", metrics.CPM, metrics.FormulaCPM, usd("1.00"), 8000, "0.125", "0.13 USD"},
		{"zero cost is a zero CPM", metrics.CPM, metrics.FormulaCPM, usd("0.00"), 1000, "0", "0.00 USD"},
		{"JPY CPM to 0 places", metrics.CPM, metrics.FormulaCPM, pricing.MustParseMoney("250000 JPY"), 300000, "833.3333333333333333", "833 JPY"},
		{"JPY CPV to 2 places", metrics.CPV, metrics.FormulaCPV, pricing.MustParseMoney("250000 JPY"), 150000, "1.6666666666666667", "1.67 JPY"},
		{"KWD CPV to 5 places", metrics.CPV, metrics.FormulaCPV, pricing.MustParseMoney("100.000 KWD"), 30000, "0.0033333333333333", "0.00333 KWD"},
		{"max int64 impressions", metrics.CPM, metrics.FormulaCPM, usd("1.00"), math.MaxInt64, "0.0000000000000001", "0.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f(tt.cost, tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.cost.Currency(), got.Currency())
			assert.True(t, got.Amount().Equal(dec(tt.exact)), "(%v, %d) = %v, want exactly %s", tt.cost, tt.n, got.Amount(), tt.exact)
			assert.Equal(t, tt.display, show(tt.formula, got))
			// The display reads back as the value rounded to its places.
			places := metrics.DisplayPlaces(tt.formula, got.Currency())
			back := pricing.MustParseMoney(tt.display)
			assert.True(t, back.Equal(got.RoundTo(places, pricing.HalfUp)), "display %s of %v does not read back", tt.display, got)
			assert.True(t, got.Amount().Equal(dec(tt.exact)), "display rounding changed the value to %v", got.Amount())
		})
	}
}

func TestCostFormulaErrors(t *testing.T) {
	formulas := map[string]func(pricing.Money, int64) (pricing.Money, error){
		"CPM": metrics.CPM, "CPV": metrics.CPV, "CPA": metrics.CPA, "CPC": metrics.CPC, "CPE": metrics.CPE,
	}
	tests := []struct {
		name string
		cost pricing.Money
		n    int64
		err  error
	}{
		{"zero denominator", usd("100.00"), 0, metrics.ErrUndefined},
		{"zero cost over zero", usd("0.00"), 0, metrics.ErrUndefined},
		{"negative count", usd("100.00"), -1, metrics.ErrInvalid},
		{"min int64", usd("100.00"), math.MinInt64, metrics.ErrInvalid},
		{"negative cost", usd("-100.00"), 10, metrics.ErrInvalid},
		{"zero Money", pricing.Money{}, 10, metrics.ErrInvalid},
	}
	for fname, f := range formulas {
		for _, tt := range tests {
			t.Run(fname+"/"+tt.name, func(t *testing.T) {
				got, err := f(tt.cost, tt.n)
				require.ErrorIs(t, err, tt.err)
				var fe *metrics.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Contains(t, fe.Message, fname+": ")
				var ve *metrics.ValidationError
				assert.ErrorAs(t, err, &ve, "every error reads as a *ValidationError")
				assert.Empty(t, got.Currency(), "%s returned %v with an error, want the zero Money", fname, got)
			})
		}
	}
}

func TestCostErrorMessages(t *testing.T) {
	_, err := metrics.CPM(usd("2000.00"), 0)
	var fe *metrics.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "impressions", fe.Path)
	assert.Equal(t, metrics.CodeUndefined, fe.Code)
	assert.Equal(t, "CPM: impressions 0: zero denominator", fe.Message)
	assert.EqualError(t, err, "metrics: impressions: CPM: impressions 0: zero denominator")

	_, err = metrics.CPV(usd("-5.00"), 10)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "cost", fe.Path)
	assert.Equal(t, metrics.CodeNegative, fe.Code)
	assert.Equal(t, "CPV: cost -5.00 USD: negative cost", fe.Message)

	_, err = metrics.CPA(pricing.Money{}, 10)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, metrics.CodeRequired, fe.Code)
}

// show displays a result of formula f as the package documents: StringFixed at
// DisplayPlaces, half up.
func show(f metrics.Formula, m pricing.Money) string {
	return m.StringFixed(metrics.DisplayPlaces(f, m.Currency()), pricing.HalfUp)
}

func TestDisplayPlaces(t *testing.T) {
	tests := []struct {
		f        metrics.Formula
		currency string
		want     int32
	}{
		{metrics.FormulaCPM, "USD", 2},
		{metrics.FormulaCPA, "EUR", 2},
		{metrics.FormulaCPV, "USD", 4},
		{metrics.FormulaCPC, "USD", 4},
		{metrics.FormulaCPE, "USD", 4},
		{metrics.FormulaCPM, "JPY", 0},
		{metrics.FormulaCPV, "JPY", 2},
		{metrics.FormulaCPV, "KWD", 5},
		{metrics.FormulaCPM, "KWD", 3},
		{metrics.FormulaCPV, "", 2},
		{0, "USD", 2},
	}
	for _, tt := range tests {
		t.Run(tt.f.String()+" "+tt.currency, func(t *testing.T) {
			assert.Equal(t, tt.want, metrics.DisplayPlaces(tt.f, tt.currency))
		})
	}
	assert.Equal(t, "invalid Money", show(metrics.FormulaCPV, pricing.Money{}))
	assert.Equal(t, "CPE", metrics.FormulaCPE.String())
	assert.Equal(t, "invalid formula", metrics.Formula(0).String())
}
