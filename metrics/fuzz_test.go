package metrics_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
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
			require.ErrorIs(t, err, metrics.ErrInvalid, "ParseDefinition(%q)", s)
			return
		}
		back, err := metrics.ParseDefinition(d.String())
		require.NoError(t, err, "reparsing %q", d.String())
		require.Equal(t, d, back, "ParseDefinition(%q) = %v; reparsing %q", s, d, d.String())
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"", "unknown", "0", "120000", "9223372036854775807", "9223372036854775808", "-1", "+1", "1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := metrics.ParseCount(s)
		if err != nil {
			require.ErrorIs(t, err, metrics.ErrInvalid, "ParseCount(%q)", s)
			return
		}
		n, ok := c.Get()
		require.False(t, ok && n < 0, "ParseCount(%q) = %d, negative", s, n)
		b, err := c.MarshalText()
		require.NoError(t, err)
		back, err := metrics.ParseCount(string(b))
		require.NoError(t, err)
		require.Equal(t, c, back, "ParseCount(%q) round trip via %q", s, b)
	})
}

// FuzzCountRoundTrip: every Count and every Counts either marshals to text that its
// parser reads back to an equal value, or (a negative known count) fails to marshal
// with ErrInvalid. Regression for {"views":"-5"}, which did not read back.
func FuzzCountRoundTrip(f *testing.F) {
	f.Add(int64(80000), true, int64(0), true, int64(-5), false)
	f.Add(int64(-5), true, int64(1), false, int64(9223372036854775807), true)
	f.Add(int64(0), false, int64(-9223372036854775808), true, int64(7), true)
	f.Fuzz(func(t *testing.T, views int64, viewsKnown bool, saves int64, savesKnown bool, clicks int64, clicksKnown bool) {
		count := func(n int64, known bool) metrics.Count {
			if known {
				return metrics.Known(n)
			}
			return metrics.Count{}
		}
		c := count(views, viewsKnown)
		text, err := c.MarshalText()
		if viewsKnown && views < 0 {
			require.ErrorIs(t, err, metrics.ErrInvalid, "MarshalText of %v", c)
		} else {
			require.NoError(t, err)
			back, err := metrics.ParseCount(string(text))
			require.NoError(t, err, "ParseCount(%q)", text)
			require.Equal(t, c, back)
		}

		counts := metrics.Counts{Views: c, Saves: count(saves, savesKnown), Clicks: count(clicks, clicksKnown)}
		b, err := json.Marshal(counts)
		if counts.Validate() != nil {
			require.ErrorIs(t, err, metrics.ErrInvalid, "json.Marshal(%+v) = %s", counts, b)
			return
		}
		require.NoError(t, err)
		back, err := metrics.DecodeCounts(b)
		require.NoError(t, err, "DecodeCounts(%s)", b)
		require.Equal(t, counts, back, "round trip via %s", b)
		var viaJSON metrics.Counts
		require.NoError(t, json.Unmarshal(b, &viaJSON))
		require.Equal(t, counts, viaJSON)
	})
}

func FuzzSourceText(f *testing.F) {
	for _, s := range []string{"", "screenshot", "EXPORT", "api", "link_tracker", "promo_code", "7d", "30D", "7 days", "30 Days", "14d", "263 days", "rumour"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k metrics.SourceKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			require.ErrorIs(t, err, metrics.ErrInvalid, "SourceKind.UnmarshalText(%q)", s)
		} else if k != 0 {
			b, err := k.MarshalText()
			require.NoError(t, err)
			var back metrics.SourceKind
			require.NoError(t, back.UnmarshalText(b))
			require.Equal(t, k, back, "SourceKind %q round trip via %q", s, b)
		}
		w, err := metrics.ParseReportWindow(s)
		if err != nil {
			require.ErrorIs(t, err, metrics.ErrInvalid, "ParseReportWindow(%q)", s)
			return
		}
		require.NotZero(t, w.Days(), "ParseReportWindow(%q) = %v", s, w)
		back, err := metrics.ParseReportWindow(w.String())
		require.NoError(t, err)
		require.Equal(t, w, back, "ReportWindow %q round trip via %q", s, w.String())
	})
}

// FuzzDecodePosts: the strict decoder never panics, and what it accepts marshals to
// JSON that it reads back the same.
func FuzzDecodePosts(f *testing.F) {
	f.Add([]byte("[" + postDoc + "]"))
	f.Add([]byte(`[{"id":"a","cost":"1.00 USD","actual":{"counts":{"viewz":"1"}}}]`))
	f.Add([]byte(`[{"id":"a","id":"b"}]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		posts, err := metrics.DecodePosts(data)
		if err != nil {
			require.ErrorIs(t, err, metrics.ErrInvalid)
			var ve *metrics.ValidationError
			require.ErrorAs(t, err, &ve)
			return
		}
		b, err := json.Marshal(posts)
		if err != nil {
			return // a value such as a zero SourceKind decoded from "" does not marshal
		}
		back, err := metrics.DecodePosts(b)
		require.NoError(t, err, "DecodePosts(%s)", b)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(b), string(b2))
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
				require.Empty(t, got.Currency(), "%s(%v, %d) = %v with error %v", name, cost, a, got, err)
				var ve *metrics.ValidationError
				require.ErrorAs(t, err, &ve)
				if !errors.Is(err, metrics.ErrInvalid) {
					require.ErrorIs(t, err, metrics.ErrUndefined, "%s(%v, %d) error wraps no sentinel", name, cost, a)
				}
				continue
			}
			require.False(t, a <= 0 || cost.IsNegative(), "%s(%v, %d) = %v, want an error", name, cost, a, got)
			scale := decimal.NewFromInt(1)
			if name == "CPM" {
				scale = decimal.NewFromInt(1000)
			}
			// |got × a − cost × scale| ≤ a × 0.5e-16
			diff := got.Amount().Mul(decimal.NewFromInt(a)).Sub(cost.Amount().Mul(scale)).Abs()
			require.False(t, diff.GreaterThan(decimal.NewFromInt(a).Mul(decimal.New(5, -17))), "%s(%v, %d) = %v: off by %v", name, cost, a, got, diff)
		}
		if r, err := metrics.CTR(a, b); err == nil {
			require.False(t, a < 0 || b <= 0 || r.IsNegative(), "CTR(%d, %d) = %v, want an error", a, b, r)
		}
	})
}
