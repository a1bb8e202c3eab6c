package metrics_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/shopspring/decimal"
)

// The blended cost per view: a CPV on the base fee alone flatters the deal.
func Example() {
	video := pricing.MustParseMoney("2500.00 USD")
	usage := pricing.MustParseMoney("750.00 USD")
	total, err := video.Add(usage)
	if err != nil {
		panic(err)
	}
	base, _ := metrics.CPV(video, 150000)
	blended, _ := metrics.CPV(total, 150000)
	// A CPV is shown to the currency's minor units plus two: 4 places for USD.
	places := metrics.DisplayPlaces(metrics.FormulaCPV, "USD")
	fmt.Println("base-only CPV:", base.StringFixed(places, pricing.HalfUp))
	fmt.Println("blended CPV:  ", blended.StringFixed(places, pricing.HalfUp), "on", total)
	fmt.Println("full precision:", blended.Amount())
	// Output:
	// base-only CPV: 0.0167 USD
	// blended CPV:   0.0217 USD on 3250.00 USD
	// full precision: 0.0216666666666667
}

func ExampleCPM() {
	cpm, err := metrics.CPM(pricing.MustParseMoney("2000.00 USD"), 200000)
	fmt.Println(cpm.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPM, cpm.Currency()), pricing.HalfUp), err)

	_, err = metrics.CPM(pricing.MustParseMoney("2000.00 USD"), 0)
	fmt.Println(errors.Is(err, metrics.ErrUndefined), err)
	_, err = metrics.CPM(pricing.MustParseMoney("2000.00 USD"), -10)
	fmt.Println(errors.Is(err, metrics.ErrInvalid), err)
	// Output:
	// 10.00 USD <nil>
	// true metrics: impressions: CPM: impressions 0: zero denominator
	// true metrics: impressions: CPM: impressions -10: negative count
}

func ExampleCPV() {
	cpv, _ := metrics.CPV(pricing.MustParseMoney("1200.00 USD"), 80000)
	places := metrics.DisplayPlaces(metrics.FormulaCPV, cpv.Currency())
	fmt.Println(places, cpv.StringFixed(places, pricing.HalfUp)) // four places, not "0.02 USD"
	fmt.Println(cpv)                                             // full precision, as Money prints it
	// Output:
	// 4 0.0150 USD
	// 0.015 USD
}

func ExampleCPA() {
	cpa, _ := metrics.CPA(pricing.MustParseMoney("3000.00 USD"), 60)
	fmt.Println(cpa.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPA, cpa.Currency()), pricing.HalfUp))
	// Output: 50.00 USD
}

func ExampleCPE() {
	def := metrics.MustNewDefinition(metrics.BasisReach, metrics.AllInteractions)
	post := metrics.Counts{Reach: metrics.Known(120000), Likes: metrics.Known(3000),
		Comments: metrics.Known(300), Shares: metrics.Known(200), Saves: metrics.Known(100)}
	engagements, _ := def.Engagements(post)
	cpe, _ := metrics.CPE(pricing.MustParseMoney("2500.00 USD"), engagements)
	fmt.Println(engagements, "engagements:", cpe.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPE, cpe.Currency()), pricing.HalfUp))
	// Output: 3600 engagements: 0.6944 USD
}

func ExampleCTR() {
	ctr, err := metrics.CTR(1800, 120000)
	fmt.Println(ctr, metrics.Percent(ctr), err)

	_, err = metrics.CTR(10, 0)
	fmt.Println(errors.Is(err, metrics.ErrUndefined))
	var ve *metrics.ValidationError
	if errors.As(err, &ve) { // what a service answers with a 400
		p := ve.Problems[0]
		fmt.Printf("path=%s code=%s message=%q\n", p.Path, p.Code, p.Message)
	}
	// Output:
	// 0.015 1.50% <nil>
	// true
	// path=impressions code=undefined message="CTR: impressions 0: zero denominator"
}

func ExampleConversionRate() {
	cr, _ := metrics.ConversionRate(54, 1800)
	ctr, _ := metrics.CTR(1800, 120000)
	fmt.Println("conversion rate", metrics.Percent(cr), "=", cr)
	fmt.Println("click-through rate", metrics.Percent(ctr))
	// Output:
	// conversion rate 3.00% = 0.03
	// click-through rate 1.50%
}

func ExampleFormatPercent() {
	r, _ := metrics.CompletionRate(1, 3)
	fmt.Println(metrics.FormatPercent(r, 0), metrics.FormatPercent(r, 1), metrics.Percent(r))
	// Output: 33% 33.3% 33.33%
}

func ExampleDefinition_Rate() {
	def, err := metrics.ParseDefinition("likes+comments+shares+saves / reach")
	if err != nil {
		panic(err)
	}
	post := metrics.Counts{Reach: metrics.Known(120000), Likes: metrics.Known(3000),
		Comments: metrics.Known(300), Shares: metrics.Known(200), Saves: metrics.Known(100)}
	er, _ := def.Rate(post)
	fmt.Println(er)
	fmt.Println(er.Value().StringFixed(4), "=", metrics.FormatPercent(er.Value(), 1))

	// TikTok exposes no saves: under this definition a TikTok post is unknown, not zero.
	tiktok := metrics.Counts{Reach: metrics.Known(50000), Likes: metrics.Known(2000),
		Comments: metrics.Known(100), Shares: metrics.Known(400)}
	_, err = def.Rate(tiktok)
	fmt.Println(errors.Is(err, metrics.ErrUnknown), err)
	// Output:
	// 3.00% (likes+comments+shares+saves / reach)
	// 0.0300 = 3.0%
	// true metrics: saves: engagement rate: saves: unknown (no data)
}

func ExampleEngagementRate_Combine() {
	byViews := metrics.MustNewDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments)
	big, _ := metrics.NewEngagementRate(byViews, 1000, 100000) // 1%
	small, _ := metrics.NewEngagementRate(byViews, 500, 5000)  // 10%
	both, _ := big.Combine(small)
	fmt.Println("combined:", both, "not the 5.50% average of the two rates")

	byReach := metrics.MustNewDefinition(metrics.BasisReach, metrics.CountLikes|metrics.CountComments)
	other, _ := metrics.NewEngagementRate(byReach, 500, 5000)
	_, err := big.Combine(other)
	fmt.Println(errors.Is(err, metrics.ErrMismatch))
	_, err = other.Combine(other)
	fmt.Println(errors.Is(err, metrics.ErrUndefined), err)
	// Output:
	// combined: 1.43% (likes+comments / views) not the 5.50% average of the two rates
	// true
	// true metrics: reach: combine engagement rates: reach: reach is unique per post and cannot be summed across posts
}

// The trap of averaging ratios: the campaign's CPV is total cost over total views, not
// the mean of the posts' CPVs.
func ExampleSummarize() {
	src := metrics.Source{Kind: metrics.SourceExport, Window: metrics.Report7Days,
		CapturedAt: time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)}
	posts := []metrics.Post{
		{ID: "big", Creator: "anna", Platform: "youtube", Cost: pricing.MustParseMoney("4000.00 USD"),
			Actual: &metrics.Actual{Counts: metrics.Counts{Views: metrics.Known(400000)}, Source: src}},
		{ID: "small", Creator: "ben", Platform: "tiktok", Cost: pricing.MustParseMoney("1000.00 USD"),
			Actual: &metrics.Actual{Counts: metrics.Counts{Views: metrics.Known(10000)}, Source: src}},
		{ID: "late", Creator: "ben", Platform: "instagram", Cost: pricing.MustParseMoney("500.00 USD")},
	}
	def := metrics.MustNewDefinition(metrics.BasisViews, metrics.CountLikes)
	s, err := metrics.Summarize(def, metrics.Report7Days, posts)
	if err != nil {
		panic(err)
	}
	a, _ := metrics.CPV(posts[0].Cost, 400000)
	b, _ := metrics.CPV(posts[1].Cost, 10000)
	wrong := a.Amount().Add(b.Amount()).Div(decimal.NewFromInt(2))
	cpv, _ := s.CPV()
	places := metrics.DisplayPlaces(metrics.FormulaCPV, "USD")
	fmt.Println("mean of the CPVs (wrong):", wrong.StringFixed(places), "USD")
	fmt.Println("campaign CPV:            ", cpv.StringFixed(places, pricing.HalfUp))
	fmt.Println("missing:", s.Missing(), "total cost:", s.Cost())
	for _, g := range s.ByCreator() {
		cpv, err := g.Summary.CPV()
		fmt.Println(g.Key, cpv.StringFixed(places, pricing.HalfUp), err)
	}
	// Output:
	// mean of the CPVs (wrong): 0.0550 USD
	// campaign CPV:             0.0122 USD
	// missing: [late] total cost: 5500.00 USD
	// anna 0.0100 USD <nil>
	// ben 0.1000 USD <nil>
}

func ExampleSummary_Estimate() {
	cost, _ := pricing.MustParseMoney("2500.00 USD").Add(pricing.MustParseMoney("750.00 USD"))
	src := metrics.Source{Kind: metrics.SourceScreenshot, Window: metrics.Report30Days,
		CapturedAt: time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}
	s, _ := metrics.Summarize(metrics.MustNewDefinition(metrics.BasisViews, metrics.AllInteractions),
		metrics.Report30Days, []metrics.Post{{ID: "reel", Cost: cost, ExpectedViews: metrics.Known(150000),
			Actual: &metrics.Actual{Counts: metrics.Counts{Views: metrics.Known(120000)}, Source: src}}})
	e, _ := s.Estimate()
	d, _ := e.CPVDifference()
	places := metrics.DisplayPlaces(metrics.FormulaCPV, cost.Currency())
	fmt.Println("estimated", e.EstimatedCPV.StringFixed(places, pricing.HalfUp), "actual", e.ActualCPV.StringFixed(places, pricing.HalfUp))
	fmt.Println("views", e.ViewsDifference(), "CPV", d.StringFixed(places, pricing.HalfUp))
	// Output:
	// estimated 0.0217 USD actual 0.0271 USD
	// views -30000 CPV 0.0054 USD
}

func ExampleParseReportWindow() {
	for _, s := range []string{"7d", "30 Days", "14 days"} {
		w, err := metrics.ParseReportWindow(s)
		fmt.Println(w, err)
	}
	// Output:
	// 7 days <nil>
	// 30 days <nil>
	// invalid window metrics: parse report window "14 days": want "7 days" or "30 days", found "14 days"
}

func ExampleApprovalTimes() {
	s, _ := metrics.ApprovalTimes([]time.Duration{2 * time.Hour, 30 * time.Hour, 4 * time.Hour})
	fmt.Println("mean", s.Mean, "median", s.Median)
	// Output: mean 12h0m0s median 4h0m0s
}

func ExampleOnTimePosting() {
	due := time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC)
	o, _ := metrics.OnTimePosting([]metrics.Posting{
		{Due: due, Posted: due.Add(-time.Hour)},
		{Due: due, Posted: due.Add(time.Hour)},
		{Due: due.AddDate(0, 0, 7)},
	}, due.AddDate(0, 0, 1))
	r, _ := o.Rate()
	fmt.Printf("%+v %s\n", o, metrics.Percent(r))
	revisions, _ := metrics.RevisionsPerDeliverable(3, 2)
	fmt.Println("revisions per deliverable:", revisions)
	// Output:
	// {OnTime:1 Late:1 Pending:1} 50.00%
	// revisions per deliverable: 1.5
}
