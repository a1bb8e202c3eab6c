package metrics_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

var (
	sinkMoney pricing.Money
	sinkErr   error
)

func BenchmarkCPM(b *testing.B) {
	cost := pricing.MustParseMoney("2000.00 USD")
	b.ReportAllocs()
	for b.Loop() {
		sinkMoney, sinkErr = metrics.CPM(cost, 200000)
	}
}

func BenchmarkCPV(b *testing.B) {
	cost := pricing.MustParseMoney("3250.00 USD")
	b.ReportAllocs()
	for b.Loop() {
		sinkMoney, sinkErr = metrics.CPV(cost, 150000)
	}
}

func BenchmarkCTR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = metrics.CTR(1800, 120000)
	}
}

func BenchmarkEngagementRate(b *testing.B) {
	def := metrics.MustNewDefinition(metrics.BasisReach, metrics.AllInteractions)
	c := metrics.Counts{Reach: metrics.Known(120000), Likes: metrics.Known(3000),
		Comments: metrics.Known(300), Shares: metrics.Known(200), Saves: metrics.Known(100)}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = def.Rate(c)
	}
}

// BenchmarkDisplayCPV shows a CPV as the package documents: StringFixed at
// DisplayPlaces, half up.
func BenchmarkDisplayCPV(b *testing.B) {
	cpv, _ := metrics.CPV(pricing.MustParseMoney("3250.00 USD"), 150000)
	b.ReportAllocs()
	for b.Loop() {
		_ = cpv.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPV, cpv.Currency()), pricing.HalfUp)
	}
}

func posts1000() []metrics.Post {
	posts := make([]metrics.Post, 1000)
	platforms := []string{"instagram", "tiktok", "youtube"}
	for i := range posts {
		p := metrics.Post{
			ID: "post-" + strconv.Itoa(i), Creator: "creator-" + strconv.Itoa(i%40), Platform: platforms[i%3],
			Cost: pricing.MustParseMoney(strconv.Itoa(500+i) + ".00 USD"), ExpectedViews: metrics.Known(int64(50000 + i*10)),
		}
		if i%10 != 0 { // every tenth post is unreported
			p.Actual = actual(metrics.Counts{Impressions: metrics.Known(int64(90000 + i)), Views: metrics.Known(int64(40000 + i*7)),
				Likes: metrics.Known(int64(1000 + i)), Comments: metrics.Known(50), Shares: metrics.Known(20), Clicks: metrics.Known(300)})
		}
		posts[i] = p
	}
	return posts
}

// BenchmarkRollup1000 validates and rolls up 1,000 posts, then computes the campaign's
// CPV, CPM and engagement rate.
func BenchmarkRollup1000(b *testing.B) {
	posts := posts1000()
	b.ReportAllocs()
	for b.Loop() {
		s, err := metrics.Summarize(byViews, metrics.Report7Days, posts)
		require.NoError(b, err)
		sinkMoney, sinkErr = s.CPV()
		sinkMoney, sinkErr = s.CPM()
		_, sinkErr = s.EngagementRate()
	}
}

// BenchmarkRollup1000ByCreator breaks a summary of 1,000 posts down into 40 creators and
// computes each creator's CPV.
func BenchmarkRollup1000ByCreator(b *testing.B) {
	s, err := metrics.Summarize(byViews, metrics.Report7Days, posts1000())
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		for _, g := range s.ByCreator() {
			sinkMoney, sinkErr = g.Summary.CPV()
		}
	}
}

// The engagement rate of one post does not allocate; keep it that way.
func TestEngagementRateDoesNotAllocate(t *testing.T) {
	def := metrics.MustNewDefinition(metrics.BasisReach, metrics.AllInteractions)
	c := metrics.Counts{Reach: metrics.Known(120000), Likes: metrics.Known(3000),
		Comments: metrics.Known(300), Shares: metrics.Known(200), Saves: metrics.Known(100)}
	n := testing.AllocsPerRun(100, func() { _, sinkErr = def.Rate(c) })
	assert.Zero(t, n, "Definition.Rate allocates %v times per call, want 0", n)
}

// BenchmarkDecodePosts1000 decodes 1,000 posts (about 340 KB of JSON) strictly.
func BenchmarkDecodePosts1000(b *testing.B) {
	data, err := json.Marshal(posts1000())
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = metrics.DecodePosts(data)
	}
}
