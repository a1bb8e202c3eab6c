package metrics_test

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

var (
	posted   = time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC)
	captured = posted.AddDate(0, 0, 7)
	byViews  = metrics.MustNewDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments|metrics.CountShares)
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

// money asserts that got is want, compared with Money.Equal.
func money(t *testing.T, want string, got pricing.Money, err error, what string) {
	t.Helper()
	if assert.NoError(t, err, what) {
		assert.True(t, got.Equal(usd(want)), "%s = %v, want %s USD", what, got, want)
	}
}

// fraction asserts that got is want, compared with decimal.Decimal.Equal.
func fraction(t *testing.T, want string, got decimal.Decimal, err error, what string) {
	t.Helper()
	if assert.NoError(t, err, what) {
		assert.True(t, got.Equal(dec(want)), "%s = %v, want %s", what, got, want)
	}
}

func TestSummaryDividesSums(t *testing.T) {
	s, err := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	require.NoError(t, err)
	assert.True(t, s.Cost().Equal(usd("7000.00")), "Cost() = %v, want 7000.00 USD (every post)", s.Cost())
	assert.Equal(t, int64(4), s.Posts())
	assert.Equal(t, []string{"ben-youtube"}, s.Missing())
	assert.Equal(t, []string{"anna-story", "ben-youtube"}, s.MissingFor(metrics.Clicks))
	// CPV: the reported posts' cost (5000) over their views (400000); the unreported
	// post's 2000 USD is not spread over other posts' views.
	cpv, err := s.CPV()
	money(t, "0.0125", cpv, err, "CPV()")
	// CPM: impressions only from the two Instagram posts: 4000 × 1000 / 250000.
	cpm, err := s.CPM()
	money(t, "16", cpm, err, "CPM()")
	// CPC: 4250 / 2500 clicks.
	cpc, err := s.CPC()
	money(t, "1.7", cpc, err, "CPC()")
	cpa, err := s.CPA()
	money(t, "70.8333333333333333", cpa, err, "CPA()")
	ctr, err := s.CTR()
	fraction(t, "0.009", ctr, err, "CTR()") // 1800/200000, the only post with both
	cr, err := s.ConversionRate()
	fraction(t, "0.024", cr, err, "ConversionRate()") // 60/2500
	er, err := s.EngagementRate()
	require.NoError(t, err)
	// (3600 + 200 + 10000) / 400000
	fraction(t, "0.0345", er.Value(), nil, "EngagementRate()")
	assert.Equal(t, int64(3), er.Posts())
	assert.Equal(t, byViews, er.Definition())
	cpe, err := s.CPE()
	money(t, "0.3623188405797101", cpe, err, "CPE()") // 5000 / 13800
	v, err := s.Total(metrics.Views)
	require.NoError(t, err)
	assert.Equal(t, int64(400000), v)
	_, err = s.Total(metrics.Saves)
	assert.ErrorIs(t, err, metrics.ErrUnknown, "no post reports saves")
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
	assert.True(t, cpv.Amount().LessThan(mean), "roll-up CPV %v should be below the misleading mean of ratios %v", cpv.Amount(), mean)
}

func TestSummaryBreakdowns(t *testing.T) {
	s, err := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	require.NoError(t, err)
	byCreator := s.ByCreator()
	require.Len(t, byCreator, 2)
	assert.Equal(t, "anna", byCreator[0].Key)
	assert.Equal(t, "ben", byCreator[1].Key)
	cpv, err := byCreator[0].Summary.CPV()
	money(t, "0.0266666666666667", cpv, err, "anna CPV") // 4000/150000
	ben := byCreator[1].Summary
	assert.True(t, ben.Cost().Equal(usd("3000.00")), "ben cost %v", ben.Cost())
	assert.Equal(t, []string{"ben-youtube"}, ben.Missing())
	platforms := s.ByPlatform()
	var keys []string
	for _, g := range platforms {
		keys = append(keys, g.Key)
	}
	require.Equal(t, []string{"instagram", "tiktok", "youtube"}, keys)
	_, err = platforms[2].Summary.CPV()
	assert.ErrorIs(t, err, metrics.ErrUnknown, "youtube CPV: no data is not zero")
	_, err = platforms[1].Summary.CPM()
	assert.ErrorIs(t, err, metrics.ErrUnknown, "tiktok CPM")
}

func TestSummaryReachIsNotSummed(t *testing.T) {
	reach := metrics.MustNewDefinition(metrics.BasisReach, metrics.CountLikes)
	posts := []metrics.Post{
		{ID: "a", Creator: "anna", Cost: usd("100.00"), Actual: actual(metrics.Counts{Reach: k(1000), Likes: k(30)})},
		{ID: "b", Creator: "ben", Cost: usd("100.00"), Actual: actual(metrics.Counts{Reach: k(2000), Likes: k(20)})},
	}
	s, err := metrics.Summarize(reach, metrics.Report7Days, posts)
	require.NoError(t, err)
	_, err = s.EngagementRate()
	assert.ErrorIs(t, err, metrics.ErrUndefined, "reach-based EngagementRate of two posts")
	_, err = s.Total(metrics.Reach)
	assert.ErrorIs(t, err, metrics.ErrUndefined, "Total(Reach) of two posts")
	er, err := s.ByCreator()[0].Summary.EngagementRate()
	require.NoError(t, err)
	assert.Equal(t, "3.00%", metrics.Percent(er.Value()))
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
				assert.ErrorIs(t, err, want)
			}
			var ve *metrics.ValidationError
			assert.ErrorAs(t, err, &ve)
		})
	}
}

// Every problem at once, each at its path.
func TestSummarizeReportsEveryProblemWithItsPath(t *testing.T) {
	posts := campaign()
	posts[0].ID, posts[1].ID = "", "ben-tiktok"
	posts[2].Cost, posts[3].ExpectedViews = usd("-1.00"), k(-5)
	posts[1].Actual.Counts.Likes = k(-1)
	posts[2].Actual.Counts.CompletedViews = k(-2)
	posts[2].Actual.Source.Kind = 0
	posts[0].Actual.Source.CapturedAt = posted.Add(-time.Hour)
	_, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	type pc struct{ path, code string }
	var got []pc
	for _, p := range ve.Problems {
		got = append(got, pc{p.Path, p.Code})
	}
	assert.Equal(t, []pc{
		{"posts[0].id", metrics.CodeRequired},
		{"posts[0].actual.source.captured_at", metrics.CodeOutOfRange},
		{"posts[1].actual.counts.likes", metrics.CodeNegative},
		{"posts[2].id", metrics.CodeDuplicate},
		{"posts[2].cost", metrics.CodeNegative},
		{"posts[2].actual.counts.completed_views", metrics.CodeNegative},
		{"posts[2].actual.source.kind", metrics.CodeRequired},
		{"posts[3].expected_views", metrics.CodeNegative},
	}, got)
	assert.Contains(t, err.Error(), "metrics: Summarize: posts[0].id: missing; ")
}

func TestSummaryCopiesInput(t *testing.T) {
	posts := campaign()
	s, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	require.NoError(t, err)
	posts[0].Actual.Counts.Views = k(1)
	posts[0].Cost = usd("1.00")
	v, err := s.Total(metrics.Views)
	require.NoError(t, err)
	assert.Equal(t, int64(400000), v, "Summary changed with its input")
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
		require.NoError(t, err)
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
		require.False(t, gotCPV.Amount().Sub(wantCPV).Abs().GreaterThan(tolerance),
			"trial %d: roll-up CPV %v, weighted mean of CPVs %v", trial, gotCPV.Amount(), wantCPV)
		require.False(t, gotCPM.Amount().Sub(wantCPM).Abs().GreaterThan(tolerance),
			"trial %d: roll-up CPM %v, weighted mean of CPMs %v", trial, gotCPM.Amount(), wantCPM)
		exact := big.NewRat(gotER.Engagements(), gotER.Basis())
		require.Zero(t, exact.Cmp(wantER), "trial %d: roll-up rate %#v = %v, weighted mean of per-post rates %v", trial, gotER, exact, wantER)
		wantValue := decimal.NewFromBigInt(wantER.Num(), 0).DivRound(decimal.NewFromBigInt(wantER.Denom(), 0), metrics.Precision)
		require.True(t, gotER.Value().Equal(wantValue), "trial %d: roll-up rate %v, weighted mean of per-post rates %v", trial, gotER.Value(), wantValue)
		require.Equal(t, int64(n), gotER.Posts(), "trial %d", trial)
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
		require.Equal(t, gotER, total, "trial %d: combining groups", trial)
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
	assert.ErrorIs(t, err, metrics.ErrMismatch)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	for _, not := range []error{metrics.ErrInvalid, metrics.ErrUndefined, metrics.ErrUnknown, pricing.ErrInvalid} {
		assert.NotErrorIs(t, err, not)
	}
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1)
	assert.Equal(t, "posts[1].cost", ve.Problems[0].Path)
	assert.Equal(t, metrics.CodeCurrencyMismatch, ve.Problems[0].Code)

	e := metrics.Estimate{EstimatedCPV: usd("0.01"), ActualCPV: pricing.MustParseMoney("0.02 EUR")}
	_, err = e.CPVDifference()
	assert.ErrorIs(t, err, metrics.ErrMismatch)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	var me *metrics.MismatchError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "EUR", me.A)
	assert.Equal(t, "USD", me.B)
	assert.Equal(t, metrics.CodeCurrencyMismatch, me.Code)
	_, err = metrics.Estimate{}.CPVDifference()
	assert.ErrorIs(t, err, metrics.ErrInvalid, "CPVDifference() of the zero Estimate")
}

// A post costing 0.00 (a gifted post) is valid; its views still count.
func TestSummarizeZeroCost(t *testing.T) {
	posts := []metrics.Post{
		{ID: "gifted", Cost: usd("0.00"), Actual: actual(metrics.Counts{Views: k(1000)})},
		{ID: "paid", Cost: usd("30.00"), Actual: actual(metrics.Counts{Views: k(2000)})},
	}
	s, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	require.NoError(t, err, "Summarize with a 0.00 USD post")
	cpv, err := s.CPV()
	money(t, "0.01", cpv, err, "CPV()")
}

// An error holding several problems matches the sentinel of each, as the sentinels'
// doc says: a negative count (ErrInvalid) and an actual from another window
// (ErrMismatch) in one roll-up.
func TestSeveralProblemsMatchEachSentinel(t *testing.T) {
	posts := campaign()
	posts[0].Actual.Counts.Likes = k(-1)
	posts[1].Actual.Source.Window = metrics.Report30Days
	_, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
	assert.ErrorIs(t, err, metrics.ErrInvalid)
	assert.ErrorIs(t, err, metrics.ErrMismatch)
	assert.NotErrorIs(t, err, metrics.ErrUndefined, "matches a sentinel of no problem it holds")
	assert.NotErrorIs(t, err, metrics.ErrUnknown, "matches a sentinel of no problem it holds")
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "posts[1].actual.source.window", ve.Problems[1].Path)
	assert.Equal(t, metrics.CodeMismatch, ve.Problems[1].Code)
}
