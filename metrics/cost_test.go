package metrics_test

import (
	"errors"
	"math"
	"testing"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

func usd(s string) pricing.Money { return pricing.MustParseMoney(s + " USD") }

func TestCostFormulas(t *testing.T) {
	type costFunc func(pricing.Money, int64) (pricing.Money, error)
	tests := []struct {
		name    string
		f       costFunc
		round   func(pricing.Money) pricing.Money
		format  func(pricing.Money) string
		cost    pricing.Money
		n       int64
		exact   string // full-precision amount
		display string // String() of the rounded value
	}{
		{"CPM 2000 USD for 200000 impressions", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, usd("2000.00"), 200000, "10", "10.00 USD"},
		{"CPV 1200 USD for 80000 views", metrics.CPV, metrics.RoundCPV, metrics.FormatCPV, usd("1200.00"), 80000, "0.015", "0.0150 USD"},
		{"CPA 3000 USD for 60 purchases", metrics.CPA, metrics.RoundCPA, metrics.FormatCPA, usd("3000.00"), 60, "50", "50.00 USD"},
		{"blended CPV 3250 USD over 150000 views", metrics.CPV, metrics.RoundCPV, metrics.FormatCPV, usd("3250.00"), 150000, "0.0216666666666667", "0.0217 USD"},
		{"base-only CPV 2500 USD over 150000 views", metrics.CPV, metrics.RoundCPV, metrics.FormatCPV, usd("2500.00"), 150000, "0.0166666666666667", "0.0167 USD"},
		{"CPC rounds half up at display", metrics.CPC, metrics.RoundCPC, metrics.FormatCPC, usd("1.00"), 16, "0.0625", "0.0625 USD"},
		{"CPC display is not truncation", metrics.CPC, metrics.RoundCPC, metrics.FormatCPC, usd("2.00"), 3, "0.6666666666666667", "0.6667 USD"},
		{"CPE", metrics.CPE, metrics.RoundCPE, metrics.FormatCPE, usd("2500.00"), 3600, "0.6944444444444444", "0.6944 USD"},
		{"CPM half cent rounds up", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, usd("0.01"), 2, "5", "5.00 USD"},
		{"CPM 0.125 rounds half up", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, usd("1.00"), 8000, "0.125", "0.13 USD"},
		{"zero cost is a zero CPM", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, usd("0.00"), 1000, "0", "0.00 USD"},
		{"JPY CPM to 0 places", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, pricing.MustParseMoney("250000 JPY"), 300000, "833.3333333333333333", "833 JPY"},
		{"JPY CPV to 2 places", metrics.CPV, metrics.RoundCPV, metrics.FormatCPV, pricing.MustParseMoney("250000 JPY"), 150000, "1.6666666666666667", "1.67 JPY"},
		{"KWD CPV to 5 places", metrics.CPV, metrics.RoundCPV, metrics.FormatCPV, pricing.MustParseMoney("100.000 KWD"), 30000, "0.0033333333333333", "0.00333 KWD"},
		{"max int64 impressions", metrics.CPM, metrics.RoundCPM, metrics.FormatCPM, usd("1.00"), math.MaxInt64, "0.0000000000000001", "0.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f(tt.cost, tt.n)
			if err != nil {
				t.Fatalf("(%v, %d) error = %v", tt.cost, tt.n, err)
			}
			if got.Currency() != tt.cost.Currency() {
				t.Errorf("(%v, %d) currency = %s, want %s", tt.cost, tt.n, got.Currency(), tt.cost.Currency())
			}
			if !got.Amount().Equal(dec(tt.exact)) {
				t.Errorf("(%v, %d) = %v, want exactly %s", tt.cost, tt.n, got.Amount(), tt.exact)
			}
			if s := tt.format(got); s != tt.display {
				t.Errorf("formatted (%v, %d) = %s, want %s", tt.cost, tt.n, s, tt.display)
			}
			if r := tt.round(got); !r.Equal(pricing.MustParseMoney(tt.display)) {
				t.Errorf("rounded (%v, %d) = %v, want %s", tt.cost, tt.n, r, tt.display)
			}
			if !got.Amount().Equal(dec(tt.exact)) {
				t.Errorf("display rounding changed the value to %v", got.Amount())
			}
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
				if !errors.Is(err, tt.err) {
					t.Fatalf("%s(%v, %d) = %v, %v; want error wrapping %v", fname, tt.cost, tt.n, got, err, tt.err)
				}
				var ie *metrics.InputError
				if !errors.As(err, &ie) || ie.Op != fname {
					t.Errorf("%s error %v is not an *InputError naming %s", fname, err, fname)
				}
				if got.Currency() != "" {
					t.Errorf("%s returned %v with an error, want the zero Money", fname, got)
				}
			})
		}
	}
}

func TestCostErrorMessages(t *testing.T) {
	_, err := metrics.CPM(usd("2000.00"), 0)
	if want := "metrics: CPM: impressions 0: zero denominator"; err.Error() != want {
		t.Errorf("CPM error = %q, want %q", err, want)
	}
	_, err = metrics.CPV(usd("-5.00"), 10)
	if want := "metrics: CPV: cost -5.00 USD: negative cost"; err.Error() != want {
		t.Errorf("CPV error = %q, want %q", err, want)
	}
}

func TestDisplayHelpersLeaveZeroMoney(t *testing.T) {
	if got := metrics.RoundCPV(pricing.Money{}); got.Currency() != "" {
		t.Errorf("RoundCPV(zero Money) = %v", got)
	}
	if got := metrics.FormatCPV(pricing.Money{}); got != "invalid Money" {
		t.Errorf("FormatCPV(zero Money) = %q", got)
	}
}
