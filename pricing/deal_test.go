package pricing_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// sampleDeal is "1 TikTok video 20–35 s + 3 story frames": paid usage on
// the video, Net 0 on the whole deal.
func sampleDeal() pricing.DealRequest {
	return pricing.DealRequest{
		Items: []pricing.DealItem{
			{Name: "tiktok-video", Request: pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 30,
				Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok"}, Duration: pricing.Months(3)}}},
			{Name: "stories", Request: pricing.Request{Platform: "instagram", Format: "story", Quantity: 3}},
		},
		NetZero: true,
	}
}

// lineText is a line as one string: "code kind quantity × unit = amount | rule".
func lineText(l pricing.Line) string {
	return fmt.Sprintf("%s %s %d × %s = %s | %s", l.Code, l.Kind, l.Quantity, l.Unit, l.Amount, l.Rule)
}

func lineTexts(lines []pricing.Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = lineText(l)
	}
	return out
}

func TestDealSample(t *testing.T) {
	card := pricing.SampleRateCard()
	q, err := card.Deal(sampleDeal(), issued)
	require.NoError(t, err)
	require.Len(t, q.Items, 2)
	assert.Equal(t, "tiktok-video", q.Items[0].Name)
	assert.Equal(t, []string{
		"tiktok-video/tiktok-short-video base 1 × 2500.00 USD = 2500.00 USD | tiktok short_video (15–60 s): 1 × 2500.00 USD = 2500.00 USD",
		"tiktok-video/usage usage 1 × 750.00 USD = 750.00 USD | usage rights, paid, 3 months (tiktok): 30% of base 2500.00 USD = 750.00 USD",
	}, lineTexts(q.Items[0].Lines))
	assert.Equal(t, "3250.00 USD", q.Items[0].Subtotal.String())
	assert.Equal(t, "stories", q.Items[1].Name)
	assert.Equal(t, []string{
		"stories/instagram-story-set base 3 × 300.00 USD = 900.00 USD | instagram story: 3 units at 900.00 USD per 3 = 900.00 USD",
	}, lineTexts(q.Items[1].Lines))
	assert.Equal(t, "900.00 USD", q.Items[1].Subtotal.String())
	assert.Equal(t, []string{
		"net_zero net_zero 1 × 124.50 USD = 124.50 USD | Net 0 payment (instead of Net 30): 3% of subtotal 4150.00 USD = 124.50 USD",
	}, lineTexts(q.Lines))
	assert.Equal(t, "3400.00 USD", q.BaseSubtotal.String())
	assert.Equal(t, "874.50 USD", q.AddOnSubtotal.String())
	assert.Equal(t, "4274.50 USD", q.Total.String())
	assert.Equal(t, pricing.QuoteNew, q.Type)
	assert.Equal(t, "Net 0", q.PaymentTerms)
	assert.Equal(t, "USD", q.Currency)
	assert.Equal(t, "example-2026-01", q.RateCardVersion)
	assert.True(t, q.Example)
	assert.Equal(t, pricing.HalfUp, q.Rounding)
	assert.Equal(t, issued, q.Issued)
	assert.Equal(t, time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC), q.ValidUntil)
	require.NoError(t, q.Check())

	// Without Net 0: no deal line, and Net 30.
	req := sampleDeal()
	req.NetZero = false
	q, err = card.Deal(req, issued)
	require.NoError(t, err)
	assert.Empty(t, q.Lines)
	assert.NotNil(t, q.Lines, "deal lines are [] in JSON, not null")
	assert.Equal(t, "4150.00 USD", q.Total.String())
	assert.Equal(t, "Net 30", q.PaymentTerms)
}

// The deal's terms are charged once for the whole deal, after the items:
// whitelisting with its setup fee, exclusivity, then Net 0 on everything.
// Rush and revisions stay with their item.
func TestDealTermsChargedOnce(t *testing.T) {
	card := pricing.SampleRateCard()
	req := sampleDeal()
	req.Items[0].Rush = true
	req.Items[1].Revisions = 3
	req.Whitelisting = &pricing.WhitelistingRequest{Months: 2, SpendCap: pricing.MustParseMoney("5000 USD"), Regions: []string{"US"}}
	req.Exclusivity = &pricing.ExclusivityRequest{Scope: "category", Months: 3}
	q, err := card.Deal(req, issued)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"tiktok-video/tiktok-short-video base 1 × 2500.00 USD = 2500.00 USD | tiktok short_video (15–60 s): 1 × 2500.00 USD = 2500.00 USD",
		"tiktok-video/usage usage 1 × 750.00 USD = 750.00 USD | usage rights, paid, 3 months (tiktok): 30% of base 2500.00 USD = 750.00 USD",
		"tiktok-video/rush rush 1 × 625.00 USD = 625.00 USD | rush turnaround: 25% of base 2500.00 USD = 625.00 USD",
	}, lineTexts(q.Items[0].Lines))
	assert.Equal(t, []string{
		"stories/instagram-story-set base 3 × 300.00 USD = 900.00 USD | instagram story: 3 units at 900.00 USD per 3 = 900.00 USD",
		"stories/revisions revisions 2 × 300.00 USD = 600.00 USD | extra revision rounds: 3 asked, 1 included, 2 × 300.00 USD = 600.00 USD",
	}, lineTexts(q.Items[1].Lines))
	assert.Equal(t, []string{
		"whitelisting whitelisting 2 × 500.00 USD = 1000.00 USD | whitelisting (paid ads from the creator's handle; spend cap 5000.00 USD; regions US): 2 months × 500.00 USD = 1000.00 USD",
		"whitelisting_setup whitelisting_setup 1 × 250.00 USD = 250.00 USD | whitelisting setup: fixed fee 250.00 USD",
		"exclusivity:category exclusivity 3 × 400.00 USD = 1200.00 USD | exclusivity, scope \"category\": 3 months × 400.00 USD = 1200.00 USD",
		"net_zero net_zero 1 × 234.75 USD = 234.75 USD | Net 0 payment (instead of Net 30): 3% of subtotal 7825.00 USD = 234.75 USD",
	}, lineTexts(q.Lines))
	assert.Equal(t, "3875.00 USD", q.Items[0].Subtotal.String())
	assert.Equal(t, "1500.00 USD", q.Items[1].Subtotal.String())
	assert.Equal(t, "8059.75 USD", q.Total.String())
	require.NoError(t, q.Check())
}

// TestGoldenDeal decodes testdata/deal_request.json, prices it on the
// sample card and compares the quote's JSON with testdata/deal.golden.json.
// Run with UPDATE_GOLDEN=1 to rewrite it after an intended change, and
// review the diff.
func TestGoldenDeal(t *testing.T) {
	in, err := os.ReadFile("testdata/deal_request.json")
	require.NoError(t, err)
	req, err := pricing.DecodeDealRequest(in)
	require.NoError(t, err)
	card := pricing.SampleRateCard()
	q, err := card.Deal(req, issued)
	require.NoError(t, err)
	got, err := json.MarshalIndent(q, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	const path = "testdata/deal.golden.json"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "deal quote JSON differs from %s", path)
	var back pricing.DealQuote
	require.NoError(t, json.Unmarshal(want, &back))
	assert.True(t, back.Equal(q))
	require.NoError(t, back.Check())
}

// A DealItem is a request's JSON object with a name; it reads back.
func TestDealItemJSON(t *testing.T) {
	it := pricing.DealItem{Name: "stories", Request: pricing.Request{Platform: "instagram", Format: "story", Quantity: 3, Rush: true}}
	b, err := json.Marshal(pricing.DealRequest{Items: []pricing.DealItem{it}, NetZero: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"items":[{"name":"stories","platform":"instagram","format":"story","quantity":3,"rush":true}],"net_zero":true}`, string(b))
	back, err := pricing.DecodeDealRequest(b)
	require.NoError(t, err)
	assert.Equal(t, pricing.DealRequest{Items: []pricing.DealItem{it}, NetZero: true}, back)
}

// Every problem of a deal, at once, with its path: DecodeDealRequest finds
// what needs no card, Deal also what the card does not price.
func TestDealProblems(t *testing.T) {
	const video = `"platform":"tiktok","format":"short_video","seconds":30`
	const story = `"platform":"instagram","format":"story","quantity":3`
	many := make([]string, pricing.MaxDealItems+1)
	for i := range many {
		many[i] = `{"name":"i` + strconv.Itoa(i) + `",` + story + `}`
	}
	tests := []struct {
		name   string
		in     string
		decode []string // DecodeDealRequest's problems, "path code" in order; nil: none
		deal   []string // Deal's problems on the sample card; nil: the same as decode
		noDeal bool     // problems only a strict decoder sees: Deal is not tried
	}{
		{"no items", `{"items":[]}`, []string{"items required"}, nil, false},
		{"items missing", `{"net_zero":true}`, []string{"items required"}, nil, false},
		{"too many items", `{"items":[` + strings.Join(many, ",") + `]}`, []string{"items out_of_range"}, nil, false},
		{"empty and duplicate names", `{"items":[{"name":"v",` + video + `},{"name":"",` + story + `},{"name":"v",` + story + `}]}`,
			[]string{"items[1].name required", "items[2].name duplicate"}, nil, false},
		{"bad names", `{"items":[{"name":"` + strings.Repeat("é", pricing.MaxItemNameLength+1) + `",` + story + `},{"name":"a/b",` + story +
			`},{"name":" v",` + story + `},{"name":"v\u0007",` + story + `},{"name":"v\u00a0w",` + story + `}]}`,
			[]string{"items[0].name out_of_range", "items[1].name malformed", "items[2].name malformed", "items[3].name malformed", "items[4].name malformed"}, nil, false},
		{"a name of 64 characters", `{"items":[{"name":"` + strings.Repeat("é", pricing.MaxItemNameLength) + `",` + story + `}]}`, nil, nil, false},
		{"deal terms on an item", `{"items":[{"name":"v",` + video + `,"net_zero":true,"exclusivity":{"scope":"category","months":0},"whitelisting":{"months":1}}]}`,
			[]string{"items[0].whitelisting deal_level", "items[0].exclusivity deal_level", "items[0].net_zero deal_level"}, nil, false},
		{"strict keys inside an item", `{"items":[{"name":"v",` + video + `,"Rush":true,"colour":"red","name":"w"}]}`,
			[]string{"items[0].Rush unknown_field", "items[0].colour unknown_field", "items[0].name duplicate_key"}, nil, true},
		{"strict keys at the top", `{"items":[{"name":"v",` + video + `}],"Items":[],"rush":true}`,
			[]string{"Items unknown_field", "rush unknown_field"}, nil, true},
		{"an item's own problems", `{"items":[{"name":"v",` + video + `},{"name":"s",` + story + `,"revisions":-1,"usage":{"paid":true,"channels":[],"duration":"3 months"}}]}`,
			[]string{"items[1].revisions out_of_range", "items[1].usage.channels required"}, nil, false},
		{"a malformed value in an item", `{"items":[{"name":"v",` + video + `,"usage":{"paid":true,"channels":["tiktok"],"duration":"3 fortnights"}}]}`,
			[]string{"items[0].usage.duration malformed"}, nil, true},
		{"deal terms out of range", `{"items":[{"name":"v",` + video + `}],"exclusivity":{"scope":"category","months":0},"whitelisting":{"months":13,"spend_cap":"-1 USD"}}`,
			[]string{"whitelisting.spend_cap negative", "exclusivity.months zero_duration"},
			[]string{"whitelisting.spend_cap negative", "whitelisting.months out_of_range", "exclusivity.months zero_duration"}, false},
		{"what the card does not price", `{"items":[{"name":"v",` + video + `},{"name":"p","platform":"myspace","format":"post","usage":{"paid":false,"channels":["tiktok"],"duration":"perpetual"}}],"exclusivity":{"scope":"galaxy","months":2}}`,
			nil, []string{"items[1].platform no_rule", "items[1].usage.duration no_rule", "exclusivity.scope no_rule"}, false},
		{"a spend cap in another currency", `{"items":[{"name":"v",` + video + `}],"whitelisting":{"months":2,"spend_cap":"5000 EUR"}}`,
			nil, []string{"whitelisting.spend_cap currency_mismatch"}, false},
		{"an item too long for the card", `{"items":[{"name":"v","platform":"tiktok","format":"short_video","seconds":61}]}`,
			nil, []string{"items[0].platform no_rule"}, false},
		{"not an object", `[]`, []string{" malformed"}, nil, true},
	}
	card := pricing.SampleRateCard()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeDealRequest([]byte(tt.in))
			if tt.decode == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, pricing.ErrInvalid)
				assert.Equal(t, tt.decode, problemList(t, err), "DecodeDealRequest")
			}
			if tt.noDeal {
				return
			}
			// Deal judges the value a lenient decoder gives.
			var req pricing.DealRequest
			require.NoError(t, json.Unmarshal([]byte(tt.in), &req))
			want := tt.deal
			if want == nil {
				want = tt.decode
			}
			_, err = card.Deal(req, issued)
			if want == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, want, problemList(t, err), "Deal")
		})
	}
}

// Deal checks the Go values DecodeDealRequest never produces too, and
// reports what decoding would: names, counts, terms on items, the issue
// time once (not once per item).
func TestDealProblemsFromGo(t *testing.T) {
	card := pricing.SampleRateCard()
	video := pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 30}
	tests := []struct {
		name   string
		req    pricing.DealRequest
		issued time.Time
		want   []string
	}{
		{"no issue time, reported once", sampleDeal(), time.Time{}, []string{"issued required"}},
		{"nil items", pricing.DealRequest{NetZero: true}, issued, []string{"items required"}},
		{"invalid UTF-8 name", pricing.DealRequest{Items: []pricing.DealItem{{Name: "v\xff", Request: video}}}, issued, []string{"items[0].name malformed"}},
		{"duplicates and a term on an item", pricing.DealRequest{Items: []pricing.DealItem{
			{Name: "v", Request: video}, {Name: "v", Request: pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 30, NetZero: true, Quantity: -2}},
		}}, issued, []string{"items[1].name duplicate", "items[1].net_zero deal_level", "items[1].quantity out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := card.Deal(tt.req, tt.issued)
			require.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, tt.want, problemList(t, err))
		})
	}
	noNetZero := pricing.SampleRateCard()
	noNetZero.NetZero = nil
	_, err := noNetZero.Deal(sampleDeal(), issued)
	assert.Equal(t, []string{"net_zero no_rule"}, problemList(t, err))
	assert.ErrorIs(t, err, pricing.ErrNoRule)
	bad := pricing.SampleRateCard()
	bad.Version = ""
	_, err = bad.Deal(sampleDeal(), issued)
	assert.Equal(t, []string{"version required"}, problemList(t, err), "an invalid card is reported as such")
}

// A line in another currency cannot come out of Deal: every amount is
// priced from the card, and a spend cap in another currency is an error.
// Check rejects a quote whose lines mix currencies.
func TestDealCurrencies(t *testing.T) {
	card := pricing.SampleRateCard()
	req := sampleDeal()
	req.Whitelisting = &pricing.WhitelistingRequest{Months: 1, SpendCap: pricing.MustParseMoney("5000 EUR")}
	_, err := card.Deal(req, issued)
	require.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	assert.Equal(t, []string{"whitelisting.spend_cap currency_mismatch"}, problemList(t, err))

	req.Whitelisting.SpendCap = pricing.MustParseMoney("5000 USD")
	q, err := card.Deal(req, issued)
	require.NoError(t, err)
	for _, l := range allLines(q) {
		assert.Equal(t, "USD", l.Amount.Currency(), l.Code)
		assert.Equal(t, "USD", l.Unit.Currency(), l.Code)
	}
	q.Items[1].Lines[0].Amount = pricing.MustParseMoney("900.00 EUR")
	err = q.Check()
	require.ErrorIs(t, err, pricing.ErrInvalid)
	assert.Equal(t, map[string]string{"items[1].lines[0].amount": pricing.CodeMalformed}, problemPaths(t, err))
}

// Check catches a quote changed after it was computed.
func TestDealCheckCatchesTampering(t *testing.T) {
	card := pricing.SampleRateCard()
	req := sampleDeal()
	req.Exclusivity = &pricing.ExclusivityRequest{Scope: "category", Months: 1}
	fresh := func() pricing.DealQuote {
		q, err := card.Deal(req, issued)
		require.NoError(t, err)
		require.NoError(t, q.Check())
		return q
	}
	usd := pricing.MustParseMoney
	tests := []struct {
		name   string
		tamper func(q *pricing.DealQuote)
		path   string // where Check reports it, with code malformed
	}{
		{"total", func(q *pricing.DealQuote) { q.Total = usd("1.00 USD") }, "total"},
		{"total one cent off", func(q *pricing.DealQuote) { q.Total, _ = q.Total.Add(usd("0.01 USD")) }, "total"},
		{"item subtotal", func(q *pricing.DealQuote) { q.Items[0].Subtotal = usd("3000.00 USD") }, "items[0].subtotal"},
		{"item line", func(q *pricing.DealQuote) { q.Items[0].Lines[1].Amount = usd("700.00 USD") }, "items[0].subtotal"},
		{"deal line", func(q *pricing.DealQuote) { q.Lines[0].Amount = usd("1.00 USD") }, "add_on_subtotal"},
		{"base subtotal", func(q *pricing.DealQuote) { q.BaseSubtotal = usd("3399.99 USD") }, "base_subtotal"},
		{"line kind", func(q *pricing.DealQuote) { q.Items[1].Lines[0].Kind = pricing.KindUsage }, "base_subtotal"},
		{"unrounded line", func(q *pricing.DealQuote) { q.Lines[1].Amount = usd("152.505 USD") }, "lines[1].amount"},
		{"zero Money", func(q *pricing.DealQuote) { q.Items[0].Lines[0].Amount = pricing.Money{} }, "items[0].lines[0].amount"},
		{"a line removed", func(q *pricing.DealQuote) { q.Lines = q.Lines[:1] }, "add_on_subtotal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := fresh()
			tt.tamper(&q)
			err := q.Check()
			require.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, map[string]string{tt.path: pricing.CodeMalformed}, problemPaths(t, err))
		})
	}
	q := fresh()
	q.Currency = "XYZ"
	err := q.Check()
	require.ErrorIs(t, err, pricing.ErrUnknownCurrency)
	assert.Equal(t, map[string]string{"currency": pricing.CodeUnknownCurrency}, problemPaths(t, err))
}

// allLines returns every line of q: each item's, then the deal's.
func allLines(q pricing.DealQuote) []pricing.Line {
	var out []pricing.Line
	for _, it := range q.Items {
		out = append(out, it.Lines...)
	}
	return append(out, q.Lines...)
}

// randomCard returns a valid card in cur with three base rates (one a set
// of count units, one for a length range), random fees, percentages and
// rounding, and every add-on.
func randomCard(rng *rand.Rand, cur string) pricing.RateCard {
	money := func() pricing.Money {
		m, err := pricing.NewMoney(decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(5))), cur)
		if err != nil {
			panic(err)
		}
		return m
	}
	pct := func() *pricing.Percent {
		p, err := pricing.NewPercent(decimal.New(rng.Int64N(50_000), -int32(2+rng.IntN(3))))
		if err != nil {
			panic(err)
		}
		return &p
	}
	charge := func() *pricing.Charge {
		if rng.IntN(3) == 0 {
			m := money()
			return &pricing.Charge{Fixed: &m}
		}
		return &pricing.Charge{Percent: pct()}
	}
	rev := money()
	return pricing.RateCard{
		Version: "prop", Currency: cur, ValidDays: 1 + rng.IntN(60), NetDays: rng.IntN(61),
		Rounding: pricing.RoundingMode(rng.IntN(6)),
		Base: []pricing.BaseRate{
			{Code: "video", Platform: "p", Format: "video", MinSeconds: 10, MaxSeconds: 90, Fee: money(), IncludedRevisions: rng.Int64N(3)},
			{Code: "frames", Platform: "p", Format: "story", Count: 1 + rng.Int64N(7), Fee: money(), IncludedRevisions: rng.Int64N(3)},
			{Code: "post", Platform: "q", Format: "post", Fee: money()},
		},
		Usage: []pricing.UsageTier{
			{Paid: true, Channels: []string{"c", "d"}, Duration: pricing.Months(3), Percent: pct()},
			{Paid: false, Channels: []string{"c"}, Duration: pricing.Months(6), Fixed: func() *pricing.Money { m := money(); return &m }()},
		},
		Whitelisting:  &pricing.WhitelistingRate{MonthlyFee: money(), SetupFee: money()},
		Exclusivity:   []pricing.ExclusivityRate{{Scope: "s", MonthlyFee: money()}},
		Rush:          charge(),
		NetZero:       charge(),
		ExtraRevision: &rev,
	}
}

// randomRequest returns a request randomCard prices, with random add-ons
// (the deal's terms included).
func randomRequest(rng *rand.Rand) pricing.Request {
	var r pricing.Request
	switch rng.IntN(3) {
	case 0:
		r = pricing.Request{Platform: "p", Format: "video", Seconds: 10 + rng.IntN(81)}
	case 1:
		r = pricing.Request{Platform: "p", Format: "story", Quantity: rng.Int64N(10)}
	default:
		r = pricing.Request{Platform: "q", Format: "post", Quantity: rng.Int64N(4)}
	}
	r.Revisions = rng.Int64N(6)
	r.Rush = rng.IntN(3) == 0
	switch rng.IntN(3) {
	case 0:
		r.Usage = &pricing.UsageRequest{Paid: true, Channels: []string{"d"}, Duration: pricing.Months(3)}
	case 1:
		r.Usage = &pricing.UsageRequest{Channels: []string{"c"}, Duration: pricing.Months(6)}
	}
	if rng.IntN(3) == 0 {
		r.Whitelisting = &pricing.WhitelistingRequest{Months: 1 + rng.IntN(24), Regions: []string{"US"}}
	}
	if rng.IntN(3) == 0 {
		r.Exclusivity = &pricing.ExclusivityRequest{Scope: "s", Months: 1 + rng.IntN(24)}
	}
	r.NetZero = rng.IntN(2) == 0
	return r
}

// dealOf moves the deal's terms of reqs to the deal and names the items.
func dealOf(reqs ...pricing.Request) pricing.DealRequest {
	var d pricing.DealRequest
	for i, r := range reqs {
		if r.Whitelisting != nil && d.Whitelisting == nil {
			d.Whitelisting = r.Whitelisting
		}
		if r.Exclusivity != nil && d.Exclusivity == nil {
			d.Exclusivity = r.Exclusivity
		}
		d.NetZero = d.NetZero || r.NetZero
		r.Whitelisting, r.Exclusivity, r.NetZero = nil, nil, false
		d.Items = append(d.Items, pricing.DealItem{Name: "item " + strconv.Itoa(i), Request: r})
	}
	return d
}

// TestDealTotalIsSumOfLines: for random cards (USD, JPY, KWD) and deals of
// 1 to 10 items, the total is exactly the sum of every line, each item's
// subtotal the sum of its lines, every line rounded to the currency's
// digits and in the card's currency, the quote passes Check, its JSON reads
// back Equal, and the order of the items changes no amount.
func TestDealTotalIsSumOfLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 8))
	for _, cur := range []string{"USD", "JPY", "KWD"} {
		minor, _ := pricing.MinorUnits(cur)
		for range 150 {
			card := randomCard(rng, cur)
			require.NoError(t, card.Validate())
			reqs := make([]pricing.Request, 1+rng.IntN(10))
			for i := range reqs {
				reqs[i] = randomRequest(rng)
			}
			deal := dealOf(reqs...)
			q, err := card.Deal(deal, issued)
			require.NoError(t, err)
			sum := decimal.Zero
			for _, it := range q.Items {
				sub := decimal.Zero
				for _, l := range it.Lines {
					sub = sub.Add(l.Amount.Amount())
				}
				require.True(t, sub.Equal(it.Subtotal.Amount()), "item %q: subtotal %v, sum of lines %v", it.Name, it.Subtotal, sub)
				sum = sum.Add(sub)
			}
			for _, l := range q.Lines {
				sum = sum.Add(l.Amount.Amount())
			}
			require.True(t, sum.Equal(q.Total.Amount()), "total %v, sum of lines %v", q.Total, sum)
			for _, l := range allLines(q) {
				require.Equal(t, cur, l.Amount.Currency(), l.Code)
				require.True(t, l.Amount.Amount().Equal(l.Amount.Amount().Round(minor)), "line %q amount %v not rounded to %d digits", l.Code, l.Amount, minor)
			}
			require.NoError(t, q.Check())
			b, err := json.Marshal(q)
			require.NoError(t, err)
			var back pricing.DealQuote
			require.NoError(t, json.Unmarshal(b, &back), "%s", b)
			require.True(t, back.Equal(q), "deal quote JSON does not read back:\n%s", b)

			rev := deal
			rev.Items = slices.Clone(deal.Items)
			slices.Reverse(rev.Items)
			qr, err := card.Deal(rev, issued)
			require.NoError(t, err)
			assertMoney(t, q.Total, qr.Total, "items reversed")
			assertMoney(t, q.BaseSubtotal, qr.BaseSubtotal, "items reversed")
		}
	}
}

// TestDealOfOneItemIsQuote: a deal of one item, with the request's deal
// terms on the deal, prices the same lines (codes without the item's
// prefix; the deal's lines after the item's, so compared in Quote's order
// of kinds), the same subtotals, total and terms as Quote of the request.
func TestDealOfOneItemIsQuote(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	kindOrder := []pricing.LineKind{pricing.KindBase, pricing.KindUsage, pricing.KindWhitelisting, pricing.KindWhitelistingSetup,
		pricing.KindExclusivity, pricing.KindRevisions, pricing.KindRush, pricing.KindNetZero}
	for _, cur := range []string{"USD", "JPY", "KWD"} {
		for range 300 {
			card := randomCard(rng, cur)
			r := randomRequest(rng)
			want, err := card.Quote(r, issued)
			require.NoError(t, err)
			d := dealOf(r)
			q, err := card.Deal(d, issued)
			require.NoError(t, err)
			require.Len(t, q.Items, 1)
			var got []pricing.Line
			for _, l := range q.Items[0].Lines {
				code, ok := strings.CutPrefix(l.Code, "item 0/")
				require.True(t, ok, l.Code)
				l.Code = code
				got = append(got, l)
			}
			got = append(got, q.Lines...)
			slices.SortStableFunc(got, func(a, b pricing.Line) int {
				return slices.Index(kindOrder, a.Kind) - slices.Index(kindOrder, b.Kind)
			})
			require.Equal(t, lineTexts(want.Lines), lineTexts(got), "%+v", r)
			assertMoney(t, want.Total, q.Total)
			assertMoney(t, want.BaseSubtotal, q.BaseSubtotal)
			assertMoney(t, want.AddOnSubtotal, q.AddOnSubtotal)
			assert.Equal(t, want.PaymentTerms, q.PaymentTerms)
			assert.Equal(t, want.ValidUntil, q.ValidUntil)
			assert.Equal(t, want.Type, q.Type)
		}
	}
}

// ExtraRevisions prices n rounds as Quote prices the rounds beyond the
// included ones: the same code, kind, quantity, unit, amount and rounding,
// and the same rule without "asked, included".
func TestExtraRevisionsMatchesQuote(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	cards := []pricing.RateCard{pricing.SampleRateCard()}
	for _, cur := range []string{"USD", "JPY", "KWD"} {
		for range 20 {
			cards = append(cards, randomCard(rng, cur))
		}
	}
	for ci, card := range cards {
		for _, n := range []int64{1, 2, 3, 7, 1000, pricing.MaxCount - 5} {
			included := card.Base[0].IncludedRevisions
			req := pricing.Request{Platform: card.Base[0].Platform, Format: card.Base[0].Format, Seconds: card.Base[0].MinSeconds, Revisions: included + n}
			q, err := card.Quote(req, issued)
			require.NoError(t, err)
			i := slices.IndexFunc(q.Lines, func(l pricing.Line) bool { return l.Kind == pricing.KindRevisions })
			require.GreaterOrEqual(t, i, 0)
			want := q.Lines[i]
			got, err := card.ExtraRevisions(n)
			require.NoError(t, err)
			name := fmt.Sprintf("card %d, %d rounds", ci, n)
			assert.Equal(t, want.Code, got.Code, name)
			assert.Equal(t, want.Kind, got.Kind, name)
			assert.Equal(t, want.Quantity, got.Quantity, name)
			assertMoney(t, want.Unit, got.Unit, name)
			assertMoney(t, want.Amount, got.Amount, name)
			asked := strconv.FormatInt(req.Revisions, 10) + " asked, " + strconv.FormatInt(included, 10) + " included, "
			rest, ok := strings.CutPrefix(got.Rule, "extra revision rounds: ")
			require.True(t, ok, got.Rule)
			assert.Equal(t, want.Rule, "extra revision rounds: "+asked+rest, name)
		}
	}
	sample := pricing.SampleRateCard()
	l, err := sample.ExtraRevisions(2)
	require.NoError(t, err)
	assert.Equal(t, "revisions revisions 2 × 300.00 USD = 600.00 USD | extra revision rounds: 2 × 300.00 USD = 600.00 USD", lineText(l))
}

func TestExtraRevisionsEdges(t *testing.T) {
	card := pricing.SampleRateCard()
	l, err := card.ExtraRevisions(0)
	require.NoError(t, err)
	assert.Equal(t, "revisions revisions 0 × 300.00 USD = 0.00 USD | extra revision rounds: 0 × 300.00 USD = 0.00 USD", lineText(l))

	jpy := pricing.SampleRateCard()
	jpy.Currency = "JPY"
	fee := pricing.MustParseMoney("3333 JPY")
	jpy.ExtraRevision = &fee
	for i := range jpy.Base {
		jpy.Base[i].Fee = pricing.MustParseMoney("100000 JPY")
	}
	jpy.Whitelisting, jpy.Exclusivity = nil, nil
	l, err = jpy.ExtraRevisions(3)
	require.NoError(t, err)
	assert.Equal(t, "9999 JPY", l.Amount.String())

	noFee := pricing.SampleRateCard()
	noFee.ExtraRevision = nil
	huge := pricing.MustParseMoney(forty + " USD")
	hugeFee := pricing.SampleRateCard()
	hugeFee.ExtraRevision = &huge
	badCard := pricing.SampleRateCard()
	badCard.ValidDays = 0
	tests := []struct {
		name     string
		card     pricing.RateCard
		rounds   int64
		want     []string
		sentinel error
	}{
		{"no fee on the card", noFee, 2, []string{"rounds no_rule"}, pricing.ErrNoRule},
		{"no fee on the card, zero rounds", noFee, 0, []string{"rounds no_rule"}, pricing.ErrNoRule},
		{"negative", card, -1, []string{"rounds out_of_range"}, pricing.ErrInvalid},
		{"beyond MaxCount", card, pricing.MaxCount + 1, []string{"rounds out_of_range"}, pricing.ErrInvalid},
		{"amount beyond the range of Money", hugeFee, 10, []string{"rounds out_of_range"}, pricing.ErrInvalid},
		{"invalid card", badCard, 1, []string{"valid_days out_of_range"}, pricing.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.card.ExtraRevisions(tt.rounds)
			require.ErrorIs(t, err, tt.sentinel)
			require.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, tt.want, problemList(t, err))
		})
	}
}

// An amount beyond the range of Money is an error naming where, never a
// quote that does not read back.
func TestDealOutOfRange(t *testing.T) {
	card := pricing.SampleRateCard()
	huge := pricing.MustParseMoney(forty + " USD")
	card.Base[2].Fee = huge // the story set
	stories := sampleDeal().Items[1]
	req := pricing.DealRequest{Items: []pricing.DealItem{stories}}
	q, err := card.Deal(req, issued)
	require.NoError(t, err, "a line of (10^40 - 1) / 3 × 3 is in range")
	assertMoney(t, huge, q.Total)
	req.Items[0].Quantity = 30
	_, err = card.Deal(req, issued)
	assert.Equal(t, []string{"items[0].quantity out_of_range"}, problemList(t, err))
	req.Items[0].Quantity = 3
	req.Items = append(req.Items, sampleDeal().Items[0])
	req.NetZero = true
	_, err = card.Deal(req, issued)
	require.ErrorIs(t, err, pricing.ErrInvalid)
	assert.Equal(t, []string{"net_zero out_of_range"}, problemList(t, err), "the subtotal Net 0 is a percentage of is beyond the range")
	req.NetZero = false
	_, err = card.Deal(req, issued)
	require.ErrorIs(t, err, pricing.ErrInvalid)
	assert.Equal(t, []string{" out_of_range"}, problemList(t, err), "the total is beyond the range")
}
