package metrics_test

import (
	"errors"
	"testing"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

func FuzzParseDefinition(f *testing.F) {
	for _, s := range []string{
		"likes+comments+shares+saves / reach", "Saves + Likes/Views", "comments/followers",
		" shares / IMPRESSIONS ", "likes", "likes / fans", "/ reach", "likes+ / reach",
		"likes+likes / reach", "likes / reach / views", "", "\xff/reach",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := metrics.ParseDefinition(s)
		if err != nil {
			if !errors.Is(err, metrics.ErrInvalid) {
				t.Fatalf("ParseDefinition(%q) error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		back, err := metrics.ParseDefinition(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDefinition(%q) = %v; reparsing %q gives %v, %v", s, d, d.String(), back, err)
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"", "unknown", "0", "120000", "9223372036854775807", "9223372036854775808", "-1", "+1", "1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := metrics.ParseCount(s)
		if err != nil {
			if !errors.Is(err, metrics.ErrInvalid) {
				t.Fatalf("ParseCount(%q) error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		if n, ok := c.Get(); ok && n < 0 {
			t.Fatalf("ParseCount(%q) = %d, negative", s, n)
		}
		b, _ := c.MarshalText()
		back, err := metrics.ParseCount(string(b))
		if err != nil || back != c {
			t.Fatalf("ParseCount(%q) = %v; round trip via %q gives %v, %v", s, c, b, back, err)
		}
	})
}

func FuzzSourceText(f *testing.F) {
	for _, s := range []string{"", "screenshot", "EXPORT", "api", "link_tracker", "promo_code", "7d", "30D", "14d", "rumour"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k metrics.SourceKind
		if err := k.UnmarshalText([]byte(s)); err == nil && k != 0 {
			b, err := k.MarshalText()
			var back metrics.SourceKind
			if err != nil || back.UnmarshalText(b) != nil || back != k {
				t.Fatalf("SourceKind %q: round trip via %q gives %v", s, b, back)
			}
		} else if err != nil && !errors.Is(err, metrics.ErrInvalid) {
			t.Fatalf("SourceKind.UnmarshalText(%q) error %v does not wrap ErrInvalid", s, err)
		}
		var w metrics.ReportWindow
		if err := w.UnmarshalText([]byte(s)); err == nil && w != 0 {
			b, err := w.MarshalText()
			var back metrics.ReportWindow
			if err != nil || back.UnmarshalText(b) != nil || back != w || w.Days() == 0 {
				t.Fatalf("ReportWindow %q: round trip via %q gives %v", s, b, back)
			}
		} else if err != nil && !errors.Is(err, metrics.ErrInvalid) {
			t.Fatalf("ReportWindow.UnmarshalText(%q) error %v does not wrap ErrInvalid", s, err)
		}
	})
}

// FuzzFormulas checks that no cost or rate formula panics or returns a value with an
// error, for any amount and any counts, and that a result times its denominator gives
// back the cost within the rounding of Precision.
func FuzzFormulas(f *testing.F) {
	f.Add("2000.00", int64(200000), int64(1800))
	f.Add("0", int64(0), int64(0))
	f.Add("-1", int64(-1), int64(9223372036854775807))
	f.Add("99999999999999999999999999999999999999.99", int64(1), int64(-9223372036854775808))
	f.Fuzz(func(t *testing.T, amount string, a, b int64) {
		d, err := decimal.NewFromString(amount)
		if err != nil {
			return
		}
		cost, err := pricing.NewMoney(d, "USD")
		if err != nil {
			return
		}
		for name, fn := range map[string]func(pricing.Money, int64) (pricing.Money, error){
			"CPV": metrics.CPV, "CPM": metrics.CPM, "CPA": metrics.CPA, "CPC": metrics.CPC, "CPE": metrics.CPE,
		} {
			got, err := fn(cost, a)
			if err != nil {
				if got.Currency() != "" {
					t.Fatalf("%s(%v, %d) = %v with error %v", name, cost, a, got, err)
				}
				if !errors.Is(err, metrics.ErrInvalid) && !errors.Is(err, metrics.ErrUndefined) {
					t.Fatalf("%s(%v, %d) error %v wraps no sentinel", name, cost, a, err)
				}
				continue
			}
			if a <= 0 || cost.IsNegative() {
				t.Fatalf("%s(%v, %d) = %v, want an error", name, cost, a, got)
			}
			scale := decimal.NewFromInt(1)
			if name == "CPM" {
				scale = decimal.NewFromInt(1000)
			}
			// |got × a − cost × scale| ≤ a × 0.5e-16
			diff := got.Amount().Mul(decimal.NewFromInt(a)).Sub(cost.Amount().Mul(scale)).Abs()
			if diff.GreaterThan(decimal.NewFromInt(a).Mul(decimal.New(5, -17))) {
				t.Fatalf("%s(%v, %d) = %v: off by %v", name, cost, a, got, diff)
			}
		}
		if r, err := metrics.CTR(a, b); err == nil && (a < 0 || b <= 0 || r.IsNegative()) {
			t.Fatalf("CTR(%d, %d) = %v, want an error", a, b, r)
		}
	})
}
