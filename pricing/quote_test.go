package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

var issued = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func workedRequest() pricing.Request {
	return pricing.Request{
		Platform: "tiktok", Format: "short_video", Seconds: 45,
		Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok", "instagram"}, Duration: pricing.Months(3)},
	}
}

// The worked example of the issue: 2500.00 USD short video with 3 months of
// paid usage at 30% is 750.00 USD of usage and 3250.00 USD in total.
func TestWorkedExample(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Quote(workedRequest(), issued)
	require.NoError(t, err)
	assert.Equal(t, 2, len(q.Lines))
	assert.Equal(t, "2500.00 USD", q.Lines[0].Amount.String())
	assert.Equal(t, "750.00 USD", q.Lines[1].Amount.String())
	assert.Equal(t, "usage rights, paid, 3 months (tiktok, instagram): 30% of base 2500.00 USD = 750.00 USD", q.Lines[1].Rule)
	assert.Equal(t, "2500.00 USD", q.BaseSubtotal.String())
	assert.Equal(t, "750.00 USD", q.AddOnSubtotal.String())
	assert.Equal(t, "3250.00 USD", q.Total.String())
	assert.Equal(t, "Net 30", q.PaymentTerms)
	assert.Equal(t, time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC), q.ValidUntil)
	assert.Equal(t, "example-2026-01", q.RateCardVersion)
	assert.True(t, q.Example)
	require.NoError(t, q.Check())
}

func TestQuoteRules(t *testing.T) {
	card := pricing.SampleRateCard()
	tests := []struct {
		name  string
		req   pricing.Request
		lines map[string]string // code → amount
		total string
	}{
		{"base only", pricing.Request{Platform: "instagram", Format: "post"},
			map[string]string{"instagram-post": "1200.00 USD"}, "1200.00 USD"},
		{"two posts", pricing.Request{Platform: "instagram", Format: "post", Quantity: 2},
			map[string]string{"instagram-post": "2400.00 USD"}, "2400.00 USD"},
		{"story frames pro rata", pricing.Request{Platform: "instagram", Format: "story", Quantity: 4},
			map[string]string{"instagram-story-set": "1200.00 USD"}, "1200.00 USD"},
		{"one story frame", pricing.Request{Platform: "instagram", Format: "story", Quantity: 1},
			map[string]string{"instagram-story-set": "300.00 USD"}, "300.00 USD"},
		{"organic usage 6 months", pricing.Request{Platform: "instagram", Format: "post",
			Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Months(6)}},
			map[string]string{"instagram-post": "1200.00 USD", "usage": "180.00 USD"}, "1380.00 USD"},
		{"perpetual paid usage", pricing.Request{Platform: "instagram", Format: "post",
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"facebook"}, Duration: pricing.Perpetual()}},
			map[string]string{"instagram-post": "1200.00 USD", "usage": "1800.00 USD"}, "3000.00 USD"},
		{"whitelisting with setup", pricing.Request{Platform: "instagram", Format: "post",
			Whitelisting: &pricing.WhitelistingRequest{Months: 3, SpendCap: pricing.MustParseMoney("10000 USD"), Regions: []string{"US", "CA"}}},
			map[string]string{"instagram-post": "1200.00 USD", "whitelisting": "1500.00 USD", "whitelisting_setup": "250.00 USD"}, "2950.00 USD"},
		{"exclusivity", pricing.Request{Platform: "instagram", Format: "post",
			Exclusivity: &pricing.ExclusivityRequest{Scope: "category", Months: 2}},
			map[string]string{"instagram-post": "1200.00 USD", "exclusivity:category": "800.00 USD"}, "2000.00 USD"},
		{"rush percent of base", pricing.Request{Platform: "instagram", Format: "post", Rush: true},
			map[string]string{"instagram-post": "1200.00 USD", "rush": "300.00 USD"}, "1500.00 USD"},
		{"included revision is free", pricing.Request{Platform: "instagram", Format: "post", Revisions: 1},
			map[string]string{"instagram-post": "1200.00 USD"}, "1200.00 USD"},
		{"extra revisions", pricing.Request{Platform: "instagram", Format: "post", Revisions: 3},
			map[string]string{"instagram-post": "1200.00 USD", "revisions": "600.00 USD"}, "1800.00 USD"},
		{"net 0 on the subtotal", pricing.Request{Platform: "instagram", Format: "post", Rush: true, NetZero: true},
			map[string]string{"instagram-post": "1200.00 USD", "rush": "300.00 USD", "net_zero": "45.00 USD"}, "1545.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := card.Quote(tt.req, issued)
			require.NoError(t, err)
			got := map[string]string{}
			for _, l := range q.Lines {
				got[l.Code] = l.Amount.String()
				assert.True(t, strings.HasSuffix(l.Rule, l.Amount.String()), "rule %q does not end with its amount %v", l.Rule, l.Amount)
			}
			assert.Equal(t, tt.lines, got)
			assert.Equal(t, tt.total, q.Total.String())
			require.NoError(t, q.Check())
		})
	}
}

func TestQuoteWhitelistingRule(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Quote(pricing.Request{Platform: "instagram", Format: "post",
		Whitelisting: &pricing.WhitelistingRequest{Months: 3, SpendCap: pricing.MustParseMoney("10000 USD"), Regions: []string{"US", "CA"}}}, issued)
	require.NoError(t, err)
	assert.Equal(t, "whitelisting (paid ads from the creator's handle; spend cap 10000.00 USD; regions US, CA): 3 months × 500.00 USD = 1500.00 USD", q.Lines[1].Rule)
}

func TestQuoteOneMonthIsSingular(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Quote(pricing.Request{Platform: "instagram", Format: "post",
		Whitelisting: &pricing.WhitelistingRequest{Months: 1, SpendCap: pricing.MustParseMoney("1000 USD"), Regions: []string{"US"}},
		Exclusivity:  &pricing.ExclusivityRequest{Scope: card.Exclusivity[0].Scope, Months: 1}}, issued)
	require.NoError(t, err)
	var rules []string
	for _, l := range q.Lines {
		rules = append(rules, l.Rule)
	}
	joined := strings.Join(rules, "\n")
	assert.Contains(t, joined, ": 1 month × ")
	assert.NotContains(t, joined, "1 months")
}

func TestQuoteRounding(t *testing.T) {
	card := pricing.SampleRateCard()
	card.Base = append(card.Base, pricing.BaseRate{Code: "odd", Platform: "x", Format: "post", Fee: pricing.MustParseMoney("100.01 USD")})
	card.Rush = &pricing.Charge{Percent: ptr(pricing.MustParsePercent("12.5"))}
	req := pricing.Request{Platform: "x", Format: "post", Rush: true}
	for _, tt := range []struct {
		mode pricing.RoundingMode
		want string
	}{
		// 12.5% of 100.01 = 12.50125
		{pricing.HalfUp, "12.50 USD"}, {pricing.Up, "12.51 USD"}, {pricing.Down, "12.50 USD"},
	} {
		card.Rounding = tt.mode
		q, err := card.Quote(req, issued)
		require.NoError(t, err)
		assert.Equal(t, tt.want, q.Lines[1].Amount.String(), tt.mode.String())
		assert.Equal(t, tt.mode, q.Rounding)
		require.NoError(t, q.Check())
	}
	// Story frames: 1000.00 per 3, one frame is 333.333… → 333.33, and 2 frames 666.67.
	card.Rounding = pricing.HalfUp
	card.Base = append(card.Base, pricing.BaseRate{Code: "thirds", Platform: "x", Format: "story", Count: 3, Fee: pricing.MustParseMoney("1000.00 USD")})
	for qty, want := range map[int64]string{1: "333.33 USD", 2: "666.67 USD", 3: "1000.00 USD"} {
		q, err := card.Quote(pricing.Request{Platform: "x", Format: "story", Quantity: qty}, issued)
		require.NoError(t, err)
		assert.Equal(t, want, q.Total.String(), qty)
	}
}

func ptr[T any](v T) *T { return &v }

func TestQuoteRequestErrors(t *testing.T) {
	card := pricing.SampleRateCard()
	tests := []struct {
		name  string
		req   pricing.Request
		paths []string
	}{
		{"no base rate", pricing.Request{Platform: "snapchat", Format: "post"}, []string{"request.platform"}},
		{"too long for the range", pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 90}, []string{"request.platform"}},
		{"negative quantity", pricing.Request{Platform: "instagram", Format: "post", Quantity: -1}, []string{"request.quantity"}},
		{"no tier for duration", pricing.Request{Platform: "instagram", Format: "post",
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"instagram"}, Duration: pricing.Months(4)}}, []string{"request.usage.duration"}},
		{"channel not covered", pricing.Request{Platform: "instagram", Format: "post",
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tv"}, Duration: pricing.Months(3)}}, []string{"request.usage.duration"}},
		{"zero duration", pricing.Request{Platform: "instagram", Format: "post",
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"instagram"}}}, []string{"request.usage.duration"}},
		{"several at once", pricing.Request{Platform: "instagram", Format: "post", Revisions: -2,
			Whitelisting: &pricing.WhitelistingRequest{Months: 0, SpendCap: pricing.MustParseMoney("100 EUR")},
			Exclusivity:  &pricing.ExclusivityRequest{Scope: "galaxy", Months: 13000}},
			[]string{"request.revisions", "request.whitelisting.months", "request.exclusivity.months", "request.whitelisting.spend_cap", "request.exclusivity.scope"}},
		{"whitelisting beyond max", pricing.Request{Platform: "instagram", Format: "post",
			Whitelisting: &pricing.WhitelistingRequest{Months: 13}}, []string{"request.whitelisting.months"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := card.Quote(tt.req, issued)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			var ve *pricing.ValidationError
			require.ErrorAs(t, err, &ve)
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.paths, paths)
		})
	}
	_, err := card.Quote(workedRequest(), time.Time{})
	assert.ErrorIs(t, err, pricing.ErrInvalid)
}

func TestQuoteJSONRoundTrip(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Quote(sixLineRequest(), issued)
	require.NoError(t, err)
	b, err := json.Marshal(q)
	require.NoError(t, err)
	var back pricing.Quote
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(q), "JSON round trip changed the quote:\n%s", b)
	back.Lines[0].Amount = pricing.MustParseMoney("1.00 USD")
	require.Error(t, back.Check())
}

func sixLineRequest() pricing.Request {
	return pricing.Request{
		Platform: "tiktok", Format: "short_video", Seconds: 30, Revisions: 2, Rush: true,
		Usage:        &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok"}, Duration: pricing.Months(6)},
		Whitelisting: &pricing.WhitelistingRequest{Months: 2, SpendCap: pricing.MustParseMoney("5000 USD"), Regions: []string{"US"}},
		Exclusivity:  &pricing.ExclusivityRequest{Scope: "category", Months: 3},
	}
}

func TestSixLineQuote(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Quote(sixLineRequest(), issued)
	require.NoError(t, err)
	// base 2500, usage 50% 1250, whitelisting 1000 + setup 250, exclusivity 1200, 1 extra revision 300, rush 625
	assert.Equal(t, 7, len(q.Lines))
	assert.Equal(t, "7125.00 USD", q.Total.String())
}

// The keys SampleRateCard documents are the keys a request must use.
func TestSampleRateCardKeys(t *testing.T) {
	card := pricing.SampleRateCard()
	bases := []pricing.Request{
		{Platform: "tiktok", Format: "short_video", Seconds: 30},
		{Platform: "instagram", Format: "short_video", Seconds: 30},
		{Platform: "instagram", Format: "story", Quantity: 3},
		{Platform: "instagram", Format: "post"},
		{Platform: "youtube", Format: "integration", Seconds: 300},
	}
	for _, req := range bases {
		_, err := card.Quote(req, issued)
		require.NoError(t, err, "%s %s", req.Platform, req.Format)
	}
	post := func() pricing.Request { return pricing.Request{Platform: "instagram", Format: "post"} }
	for _, ch := range []string{"tiktok", "instagram", "facebook"} {
		for _, d := range []pricing.Duration{pricing.Months(3), pricing.Months(6), pricing.Months(12)} {
			for _, paid := range []bool{false, true} {
				req := post()
				req.Usage = &pricing.UsageRequest{Paid: paid, Channels: []string{ch}, Duration: d}
				_, err := card.Quote(req, issued)
				require.NoError(t, err, "usage on %s for %v, paid %v", ch, d, paid)
			}
		}
		req := post()
		req.Usage = &pricing.UsageRequest{Paid: true, Channels: []string{ch}, Duration: pricing.Perpetual()}
		_, err := card.Quote(req, issued)
		require.NoError(t, err, "perpetual paid usage on %s", ch)
	}
	for _, scope := range []string{"category", "industry"} {
		req := post()
		req.Exclusivity = &pricing.ExclusivityRequest{Scope: scope, Months: 1}
		q, err := card.Quote(req, issued)
		require.NoError(t, err, "exclusivity scope %q", scope)
		assert.True(t, len(q.Lines) == 2 && q.Lines[1].Code == "exclusivity:"+scope, "exclusivity line of scope %q: %+v", scope, q.Lines)
	}
	for _, bad := range []pricing.Request{
		{Platform: "instagram", Format: "post", Exclusivity: &pricing.ExclusivityRequest{Scope: "skincare", Months: 1}},
		{Platform: "instagram", Format: "post", Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Days(90)}},
		{Platform: "instagram", Format: "post", Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Perpetual()}},
		{Platform: "youtube", Format: "long_video", Seconds: 300},
	} {
		_, err := card.Quote(bad, issued)
		assert.ErrorIs(t, err, pricing.ErrNoRule, "%+v", bad)
	}
}
