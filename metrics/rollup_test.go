package metrics_test

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

var (
	posted   = time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC)
	captured = posted.AddDate(0, 0, 7)
	byViews  = metrics.MustDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments|metrics.CountShares)
)

func actual(c metrics.Counts) *metrics.Actual {
	return &metrics.Actual{Counts: c, Source: metrics.Source{Kind: metrics.SourceExport, CapturedAt: captured, Window: metrics.Report7Days}}
}

func k(n int64) metrics.Count { return metrics.Known(n) }

// campaign: two creators on two platforms; one post unreported, one without clicks.
func campaign() []metrics.Post {
	return []metrics.Post{
		{ID: "anna-reel", Creator: "anna", Platform: "instagram", PostedAt: posted, Cost: usd("3250.00"), ExpectedViews: k(150000),
			Actual: actual(metrics.Counts{Impressions: k(200000), Views: k(120000), Likes: k(3000), Comments: k(300), Shares: k(300), Clicks: k(1800), Conversions: k(54)})},
		{ID: "anna-story", Creator: "anna", Platform: "instagram", Cost: usd("750.00"), ExpectedViews: k(30000),
			Actual: actual(metrics.Counts{Impressions: k(50000), Views: k(30000), Likes: k(100), Comments: k(20), Shares: k(80)})},
		{ID: "ben-tiktok", Creator: "ben", Platform: "tiktok", Cost: usd("1000.00"), ExpectedViews: k(100000),
			Actual: actual(metrics.Counts{Views: k(250000), Likes: k(9000), Comments: k(500), Shares: k(500), Clicks: k(700), Conversions: k(6)})},
		{ID: "ben-youtube", Creator: "ben", Platform: "youtube", Cost: usd("2000.00"), ExpectedViews: k(50000)},
	}
}

func TestSummaryDividesSums(t *testing.T) {
	s, err := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Cost(); !got.Equal(usd("7000.00")) {
		t.Errorf("Cost() = %v, want 7000.00 USD (every post)", got)
	}
	if got := s.Missing(); !slices.Equal(got, []string{"ben-youtube"}) {
		t.Errorf("Missing() = %v", got)
	}
	if got := s.MissingFor(metrics.Clicks); !slices.Equal(got, []string{"anna-story", "ben-youtube"}) {
		t.Errorf("MissingFor(Clicks) = %v", got)
	}
	// CPV: the reported posts' cost (5000) over their views (400000); the unreported
	// post's 2000 USD is not spread over other posts' views.
	cpv, err := s.CPV()
	if err != nil || !cpv.Equal(usd("0.0125")) {
		t.Errorf("CPV() = %v, %v; want 0.0125 USD", cpv, err)
	}
	// CPM: impressions only from the two Instagram posts: 4000 × 1000 / 250000.
	if cpm, err := s.CPM(); err != nil || !cpm.Equal(usd("16")) {
		t.Errorf("CPM() = %v, %v; want 16 USD", cpm, err)
	}
	// CPC: 4250 / 2500 clicks.
	if cpc, err := s.CPC(); err != nil || !cpc.Equal(usd("1.7")) {
		t.Errorf("CPC() = %v, %v; want 1.7 USD", cpc, err)
	}
	if cpa, err := s.CPA(); err != nil || !cpa.Equal(usd("70.8333333333333333")) {
		t.Errorf("CPA() = %v, %v; want 4250/60", cpa, err)
	}
	if ctr, err := s.CTR(); err != nil || !ctr.Equal(dec("0.009")) { // 1800/200000, the only post with both
		t.Errorf("CTR() = %v, %v; want 0.009", ctr, err)
	}
	if cr, err := s.ConversionRate(); err != nil || !cr.Equal(dec("0.024")) { // 60/2500
		t.Errorf("ConversionRate() = %v, %v; want 0.024", cr, err)
	}
	er, err := s.EngagementRate()
	if err != nil {
		t.Fatal(err)
	}
	// (3600 + 200 + 10000) / 400000
	if !er.Value().Equal(dec("0.0345")) || er.Posts() != 3 || er.Definition() != byViews {
		t.Errorf("EngagementRate() = %#v (%v), want 0.0345 over 3 posts", er, er.Value())
	}
	if cpe, err := s.CPE(); err != nil || !cpe.Equal(usd("0.3623188405797101")) { // 5000 / 13800
		t.Errorf("CPE() = %v, %v; want 0.3623188405797101 USD", cpe, err)
	}
	if v, err := s.Total(metrics.Views); err != nil || v != 400000 {
		t.Errorf("Total(Views) = %d, %v", v, err)
	}
	if _, err := s.Total(metrics.Saves); !errors.Is(err, metrics.ErrUnknown) {
		t.Errorf("Total(Saves) error = %v, want ErrUnknown (no post reports saves)", err)
	}
}

func TestSummaryAveragingRatiosTrap(t *testing.T) {
	s, _ := metrics.Summarize(byViews, metrics.Report7Days, campaign()[:3])
	var mean decimal.Decimal
	for _, p := range campaign()[:3] {
		v, _ := p.Actual.Counts.Views.Get()
		c, _ := metrics.CPV(p.Cost, v)
		mean = mean.Add(c.Amount())
	}
	mean = mean.Div(decimal.NewFromInt(3))
	cpv, _ := s.CPV()
	// Per-post CPVs 0.0270833, 0.025, 0.004 average to 0.0187; the campaign paid 0.0125.
	if cpv.Amount().Equal(mean) || cpv.Amount().GreaterThan(mean) {
		t.Errorf("roll-up CPV %v should be below the misleading mean of ratios %v", cpv.Amount(), mean)
	}
}

func TestSummaryBreakdowns(t *testing.T) {
	s, _ := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	byCreator := s.ByCreator()
	if len(byCreator) != 2 || byCreator[0].Key != "anna" || byCreator[1].Key != "ben" {
		t.Fatalf("ByCreator keys = %v", byCreator)
	}
	if cpv, err := byCreator[0].Summary.CPV(); err != nil || !cpv.Equal(usd("0.0266666666666667")) { // 4000/150000
		t.Errorf("anna CPV = %v, %v", cpv, err)
	}
	ben := byCreator[1].Summary
	if !ben.Cost().Equal(usd("3000.00")) || !slices.Equal(ben.Missing(), []string{"ben-youtube"}) {
		t.Errorf("ben: cost %v, missing %v", ben.Cost(), ben.Missing())
	}
	platforms := s.ByPlatform()
	var keys []string
	for _, g := range platforms {
		keys = append(keys, g.Key)
	}
	if !slices.Equal(keys, []string{"instagram", "tiktok", "youtube"}) {
		t.Errorf("ByPlatform keys = %v", keys)
	}
	if _, err := platforms[2].Summary.CPV(); !errors.Is(err, metrics.ErrUnknown) {
		t.Errorf("youtube CPV error = %v, want ErrUnknown: no data is not zero", err)
	}
	if _, err := platforms[1].Summary.CPM(); !errors.Is(err, metrics.ErrUnknown) {
		t.Errorf("tiktok CPM error = %v, want ErrUnknown", err)
	}
}

func TestSummaryReachIsNotSummed(t *testing.T) {
	reach := metrics.MustDefinition(metrics.BasisReach, metrics.CountLikes)
	posts := []metrics.Post{
		{ID: "a", Creator: "anna", Cost: usd("100.00"), Actual: actual(metrics.Counts{Reach: k(1000), Likes: k(30)})},
		{ID: "b", Creator: "ben", Cost: usd("100.00"), Actual: actual(metrics.Counts{Reach: k(2000), Likes: k(20)})},
	}
	s, err := metrics.Summarize(reach, metrics.Report7Days, posts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EngagementRate(); !errors.Is(err, metrics.ErrUndefined) {
		t.Errorf("reach-based EngagementRate of two posts error = %v, want ErrUndefined", err)
	}
	if _, err := s.Total(metrics.Reach); !errors.Is(err, metrics.ErrUndefined) {
		t.Errorf("Total(Reach) of two posts error = %v, want ErrUndefined", err)
	}
	er, err := s.ByCreator()[0].Summary.EngagementRate()
	if err != nil || metrics.Percent(er.Value()) != "3.00%" {
		t.Errorf("one post's reach-based rate = %v, %v; want 3.00%%", er, err)
	}
}

func TestSummarizeRejects(t *testing.T) {
	eur := pricing.MustParseMoney("100.00 EUR")
	tests := []struct {
		name   string
		def    metrics.Definition
		window metrics.ReportWindow
		mutate func([]metrics.Post) []metrics.Post
		errs   []error
	}{
		{"no posts", byViews, metrics.Report7Days, func([]metrics.Post) []metrics.Post { return nil }, []error{metrics.ErrUndefined}},
		{"zero definition", metrics.Definition{}, metrics.Report7Days, nil, []error{metrics.ErrInvalid}},
		{"zero window", byViews, 0, nil, []error{metrics.ErrInvalid}},
		{"mixed currencies", byViews, metrics.Report7Days, func(p []metrics.Post) []metrics.Post { p[2].Cost = eur; return p }, []error{pricing.ErrCurrencyMismatch, metrics.ErrMismatch}},
		{"30-day actuals in a 7-day roll-up", byViews, metrics.Report30Days, nil, []error{metrics.ErrMismatch}},
		{"every problem at once", byViews, metrics.Report7Days, func(p []metrics.Post) []metrics.Post {
			p[0].ID = ""
			p[1].ID = "ben-tiktok"
			p[2].Cost = usd("-1.00")
			p[3].ExpectedViews = k(-5)
			p[1].Actual.Counts.Likes = k(-1)
			p[2].Actual.Source.Kind = 0
			return p
		}, []error{metrics.ErrInvalid}},
		{"captured before posting", byViews, metrics.Report7Days, func(p []metrics.Post) []metrics.Post {
			p[0].Actual.Source.CapturedAt = posted.Add(-time.Hour)
			return p
		}, []error{metrics.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts := campaign()
			if tt.mutate != nil {
				posts = tt.mutate(posts)
			}
			_, err := metrics.Summarize(tt.def, tt.window, posts)
			for _, want := range tt.errs {
				if !errors.Is(err, want) {
					t.Errorf("Summarize error = %v, want one wrapping %v", err, want)
				}
			}
		})
	}
	// Every problem at once: six lines.
	posts := campaign()
	posts[0].ID, posts[1].ID = "", "ben-tiktok"
	posts[2].Cost, posts[3].ExpectedViews = usd("-1.00"), k(-5)
	posts[1].Actual.Counts.Likes = k(-1)
	posts[2].Actual.Source.Kind = 0
	_, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) || len(joined.Unwrap()) != 6 {
		t.Errorf("Summarize reported %v, want 6 problems joined", err)
	}
}

func TestSummaryCopiesInput(t *testing.T) {
	posts := campaign()
	s, _ := metrics.Summarize(byViews, metrics.Report7Days, posts)
	posts[0].Actual.Counts.Views = k(1)
	posts[0].Cost = usd("1.00")
	if v, _ := s.Total(metrics.Views); v != 400000 {
		t.Errorf("Summary changed with its input: views %d", v)
	}
}

func TestEstimate(t *testing.T) {
	s, _ := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	e, err := s.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	// The three reported posts: 5000 USD, expected 280000, actual 400000 views.
	want, _ := metrics.CompareEstimate(usd("5000.00"), 280000, 400000)
	want.Posts = 3
	if !e.Equal(want) {
		t.Errorf("Estimate() = %+v, want %+v", e, want)
	}
	if e.ViewsDifference() != 120000 {
		t.Errorf("ViewsDifference() = %d", e.ViewsDifference())
	}
	d, err := e.CPVDifference()
	if err != nil || metrics.FormatCPV(d) != "-0.0054 USD" { // 0.0125 − 0.017857...
		t.Errorf("CPVDifference() = %v, %v; want -0.0054 USD", d, err)
	}

	one, err := metrics.CompareEstimate(usd("3250.00"), 150000, 120000)
	if err != nil {
		t.Fatal(err)
	}
	if metrics.FormatCPV(one.EstimatedCPV) != "0.0217 USD" || metrics.FormatCPV(one.ActualCPV) != "0.0271 USD" {
		t.Errorf("CompareEstimate = %+v", one)
	}
	if _, err := metrics.CompareEstimate(usd("3250.00"), 150000, 0); !errors.Is(err, metrics.ErrUndefined) {
		t.Errorf("zero actual views error = %v, want ErrUndefined", err)
	}
	noExpected := campaign()
	for i := range noExpected {
		noExpected[i].ExpectedViews = metrics.Count{}
	}
	s, _ = metrics.Summarize(byViews, metrics.Report7Days, noExpected)
	if _, err := s.Estimate(); !errors.Is(err, metrics.ErrUnknown) {
		t.Errorf("Estimate() without expectations error = %v, want ErrUnknown", err)
	}
}

// Property: the roll-up CPV and CPM (sum, then divide) equal the count-weighted means of
// the per-post figures, and the roll-up engagement rate equals the per-post rates
// combined; none of them equals the plain mean of ratios in general.
func TestSummaryIsWeightedMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2026))
	tolerance := dec("1e-12")
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(12)
		posts := make([]metrics.Post, n)
		var views, impressions int64
		for i := range posts {
			cost := decimal.New(rng.Int64N(1_000_000_00), -2)
			v, imp := 1+rng.Int64N(5_000_000), 1+rng.Int64N(9_000_000)
			c, _ := pricing.NewMoney(cost, "USD")
			posts[i] = metrics.Post{ID: strconv.Itoa(i), Platform: []string{"instagram", "tiktok", "youtube"}[rng.IntN(3)], Cost: c, Actual: actual(metrics.Counts{
				Views: k(v), Impressions: k(imp), Likes: k(rng.Int64N(v)), Comments: k(rng.Int64N(1000)), Shares: k(rng.Int64N(1000))})}
			views += v
			impressions += imp
		}
		s, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
		if err != nil {
			t.Fatal(err)
		}
		var wantCPV, wantCPM decimal.Decimal
		// The engagement rate's weighted mean, Σ(rate_i × views_i) / Σ views_i, in exact
		// rationals from the raw counts: nothing of the package's own summing is used.
		weighted, basis := new(big.Rat), new(big.Rat)
		for _, p := range posts {
			v, _ := p.Actual.Counts.Views.Get()
			imp, _ := p.Actual.Counts.Impressions.Get()
			cpv, _ := metrics.CPV(p.Cost, v)
			cpm, _ := metrics.CPM(p.Cost, imp)
			wantCPV = wantCPV.Add(cpv.Amount().Mul(decimal.NewFromInt(v)).Div(decimal.NewFromInt(views)))
			wantCPM = wantCPM.Add(cpm.Amount().Mul(decimal.NewFromInt(imp)).Div(decimal.NewFromInt(impressions)))
			likes, _ := p.Actual.Counts.Likes.Get()
			comments, _ := p.Actual.Counts.Comments.Get()
			shares, _ := p.Actual.Counts.Shares.Get()
			rate := big.NewRat(likes+comments+shares, v) // byViews: likes+comments+shares / views
			weighted.Add(weighted, new(big.Rat).Mul(rate, new(big.Rat).SetInt64(v)))
			basis.Add(basis, new(big.Rat).SetInt64(v))
		}
		wantER := new(big.Rat).Quo(weighted, basis)
		gotCPV, _ := s.CPV()
		gotCPM, _ := s.CPM()
		gotER, _ := s.EngagementRate()
		if gotCPV.Amount().Sub(wantCPV).Abs().GreaterThan(tolerance) {
			t.Fatalf("trial %d: roll-up CPV %v, weighted mean of CPVs %v", trial, gotCPV.Amount(), wantCPV)
		}
		if gotCPM.Amount().Sub(wantCPM).Abs().GreaterThan(tolerance) {
			t.Fatalf("trial %d: roll-up CPM %v, weighted mean of CPMs %v", trial, gotCPM.Amount(), wantCPM)
		}
		if exact := big.NewRat(gotER.Engagements(), gotER.Basis()); exact.Cmp(wantER) != 0 {
			t.Fatalf("trial %d: roll-up rate %#v = %v, weighted mean of per-post rates %v", trial, gotER, exact, wantER)
		}
		wantValue := decimal.NewFromBigInt(wantER.Num(), 0).DivRound(decimal.NewFromBigInt(wantER.Denom(), 0), metrics.Precision)
		if !gotER.Value().Equal(wantValue) || gotER.Posts() != int64(n) {
			t.Fatalf("trial %d: roll-up rate %v of %d posts, weighted mean of per-post rates %v of %d", trial, gotER.Value(), gotER.Posts(), wantValue, n)
		}
		// Splitting the posts into groups and rolling the groups up again gives the same.
		var total metrics.EngagementRate
		for i, g := range s.ByPlatform() {
			r, _ := g.Summary.EngagementRate()
			if i == 0 {
				total = r
			} else {
				total, _ = total.Combine(r)
			}
		}
		if total != gotER {
			t.Fatalf("trial %d: combining groups %#v != roll-up %#v", trial, total, gotER)
		}
	}
}

// A currency mismatch is a metrics mismatch too, as the sentinels' doc says: it matches
// ErrMismatch and pricing.ErrCurrencyMismatch, and not ErrInvalid.
func TestCurrencyMismatchWrapsBothSentinels(t *testing.T) {
	posts := []metrics.Post{
		{ID: "a", Cost: usd("1.00")},
		{ID: "b", Cost: pricing.MustParseMoney("1.00 EUR")},
	}
	_, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	for _, want := range []error{metrics.ErrMismatch, pricing.ErrCurrencyMismatch} {
		if !errors.Is(err, want) {
			t.Errorf("Summarize(USD and EUR posts) error = %v, want one wrapping %v", err, want)
		}
	}
	for _, not := range []error{metrics.ErrInvalid, metrics.ErrUndefined, metrics.ErrUnknown, pricing.ErrInvalid} {
		if errors.Is(err, not) {
			t.Errorf("Summarize(USD and EUR posts) error = %v wraps %v, want only the mismatch sentinels", err, not)
		}
	}
	var me *metrics.MismatchError
	if !errors.As(err, &me) || me.A != "EUR" || me.B != "USD" {
		t.Fatalf("Summarize(USD and EUR posts) error = %v (%#v), want a *MismatchError EUR vs USD", err, me)
	}

	e := metrics.Estimate{EstimatedCPV: usd("0.01"), ActualCPV: pricing.MustParseMoney("0.02 EUR")}
	_, err = e.CPVDifference()
	for _, want := range []error{metrics.ErrMismatch, pricing.ErrCurrencyMismatch} {
		if !errors.Is(err, want) {
			t.Errorf("CPVDifference(USD, EUR) error = %v, want one wrapping %v", err, want)
		}
	}
	_, err = metrics.Estimate{}.CPVDifference()
	if !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("CPVDifference() of the zero Estimate error = %v, want one wrapping ErrInvalid", err)
	}
}

// A post costing 0.00 (a gifted post) is valid; its views still count.
func TestSummarizeZeroCost(t *testing.T) {
	posts := []metrics.Post{
		{ID: "gifted", Cost: usd("0.00"), Actual: actual(metrics.Counts{Views: k(1000)})},
		{ID: "paid", Cost: usd("30.00"), Actual: actual(metrics.Counts{Views: k(2000)})},
	}
	s, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	if err != nil {
		t.Fatalf("Summarize with a 0.00 USD post: %v", err)
	}
	if cpv, err := s.CPV(); err != nil || !cpv.Amount().Equal(dec("0.01")) {
		t.Errorf("CPV() = %v, %v; want 0.01 USD", cpv, err)
	}
}

// An error holding several problems matches the sentinel of each, as the sentinels'
// doc says: a negative count (ErrInvalid) and an actual from another window
// (ErrMismatch) in one roll-up.
func TestSeveralProblemsMatchEachSentinel(t *testing.T) {
	posts := campaign()
	posts[0].Actual.Counts.Likes = k(-1)
	posts[1].Actual.Source.Window = metrics.Report30Days
	_, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	for _, want := range []error{metrics.ErrInvalid, metrics.ErrMismatch} {
		if !errors.Is(err, want) {
			t.Errorf("Summarize error = %v, want one wrapping %v", err, want)
		}
	}
	if errors.Is(err, metrics.ErrUndefined) || errors.Is(err, metrics.ErrUnknown) {
		t.Errorf("Summarize error = %v matches a sentinel of no problem it holds", err)
	}
}
