package metrics_test

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestRates(t *testing.T) {
	type rateFunc func(a, b int64) (decimal.Decimal, error)
	tests := []struct {
		name    string
		f       rateFunc
		a, b    int64
		want    string // exact fraction at Precision; "" when an error is wanted
		percent string
		err     error
	}{
		{"conversion rate 54 of 1800", metrics.ConversionRate, 54, 1800, "0.03", "3.00%", nil},
		{"ctr 1800 of 120000", metrics.CTR, 1800, 120000, "0.015", "1.50%", nil},
		{"ctr one third keeps 16 places", metrics.CTR, 1, 3, "0.3333333333333333", "33.33%", nil},
		{"ctr two thirds rounds half up at the 16th place", metrics.CTR, 2, 3, "0.6666666666666667", "66.67%", nil},
		{"ctr zero clicks", metrics.CTR, 0, 500, "0", "0.00%", nil},
		{"ctr more clicks than impressions is reported, not refused", metrics.CTR, 3, 2, "1.5", "150.00%", nil},
		{"view-through", metrics.ViewThroughRate, 80000, 200000, "0.4", "40.00%", nil},
		{"completion", metrics.CompletionRate, 27000, 90000, "0.3", "30.00%", nil},
		{"revisions per deliverable", metrics.RevisionsPerDeliverable, 3, 2, "1.5", "150.00%", nil},
		{"huge counts", metrics.CTR, math.MaxInt64, math.MaxInt64, "1", "100.00%", nil},
		{"ctr zero impressions", metrics.CTR, 10, 0, "", "", metrics.ErrUndefined},
		{"ctr zero over zero", metrics.CTR, 0, 0, "", "", metrics.ErrUndefined},
		{"conversion zero clicks", metrics.ConversionRate, 5, 0, "", "", metrics.ErrUndefined},
		{"negative clicks", metrics.CTR, -1, 100, "", "", metrics.ErrInvalid},
		{"negative impressions", metrics.CTR, 1, -100, "", "", metrics.ErrInvalid},
		{"negative conversions", metrics.ConversionRate, -54, 1800, "", "", metrics.ErrInvalid},
		{"min int64", metrics.CompletionRate, math.MinInt64, 1, "", "", metrics.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f(tt.a, tt.b)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.True(t, got.IsZero(), "rate(%d, %d) = %v with an error, want zero value", tt.a, tt.b, got)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(dec(tt.want)), "rate(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
			assert.Equal(t, tt.percent, metrics.Percent(got))
		})
	}
}

func TestRateErrorMessageNamesInput(t *testing.T) {
	_, err := metrics.CTR(10, 0)
	var fe *metrics.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "impressions", fe.Path)
	assert.Equal(t, metrics.CodeUndefined, fe.Code)
	assert.Equal(t, "CTR: impressions 0: zero denominator", fe.Message)

	_, err = metrics.ConversionRate(-3, 10)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "conversions", fe.Path)
	assert.Equal(t, metrics.CodeNegative, fe.Code)
	assert.EqualError(t, err, "metrics: conversions: ConversionRate: conversions -3: negative count")
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"0.03", 2, "3.00%"},
		{"0.021666", 1, "2.2%"},
		{"0.00005", 2, "0.01%"}, // half up, not truncated
		{"0.000049", 2, "0.00%"},
		{"0.125", 0, "13%"},
		{"1", 2, "100.00%"},
		{"0.03", -1, "3%"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, metrics.FormatPercent(dec(tt.in), tt.places))
		})
	}
}
