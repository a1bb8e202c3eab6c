package metrics_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
)

var allOverReach = metrics.MustNewDefinition(metrics.BasisReach, metrics.AllInteractions)

func TestParseDefinition(t *testing.T) {
	tests := []struct {
		in     string
		basis  metrics.Basis
		counts metrics.Interactions
		str    string // canonical form; "" for an error
	}{
		{"likes+comments+shares+saves / reach", metrics.BasisReach, metrics.AllInteractions, "likes+comments+shares+saves / reach"},
		{"Saves + Likes/Views", metrics.BasisViews, metrics.CountLikes | metrics.CountSaves, "likes+saves / views"},
		{"comments/followers", metrics.BasisFollowers, metrics.CountComments, "comments / followers"},
		{" shares / IMPRESSIONS ", metrics.BasisImpressions, metrics.CountShares, "shares / impressions"},
		{"likes", 0, 0, ""},
		{"likes / fans", 0, 0, ""},
		{"/ reach", 0, 0, ""},
		{"likes+ / reach", 0, 0, ""},
		{"likes+likes / reach", 0, 0, ""},
		{"likes / reach / views", 0, 0, ""},
		{"hearts / reach", 0, 0, ""},
		{"", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := metrics.ParseDefinition(tt.in)
			if tt.str == "" {
				requireParseError(t, err, tt.in, metrics.CodeMalformed)
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.basis, d.Basis())
			assert.Equal(t, tt.counts, d.Interactions())
			assert.Equal(t, tt.str, d.String())
		})
	}
}

func TestParseDefinitionErrorMessage(t *testing.T) {
	_, err := metrics.ParseDefinition("likes / fans")
	assert.EqualError(t, err, `metrics: parse definition "likes / fans": unknown basis "fans", want reach, impressions, views or followers`)
	var pe *metrics.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "fans", pe.Token)
}

func TestNewDefinitionRejects(t *testing.T) {
	for _, tt := range []struct {
		name   string
		basis  metrics.Basis
		counts metrics.Interactions
		path   string
	}{
		{"zero basis", 0, metrics.CountLikes, "basis"},
		{"unknown basis", 9, metrics.CountLikes, "basis"},
		{"no interactions", metrics.BasisReach, 0, "interactions"},
		{"unknown interaction bit", metrics.BasisReach, 1 << 6, "interactions"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := metrics.NewDefinition(tt.basis, tt.counts)
			require.ErrorIs(t, err, metrics.ErrInvalid)
			var fe *metrics.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
		})
	}
	assert.Panics(t, func() { metrics.MustNewDefinition(0, metrics.CountLikes) })
}

func TestDefinitionText(t *testing.T) {
	var d metrics.Definition
	require.NoError(t, d.UnmarshalText([]byte("likes+comments / views")))
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "likes+comments / views", string(b))
	require.NoError(t, d.UnmarshalText(nil))
	assert.True(t, d.IsZero(), "UnmarshalText(empty) = %v, want the zero Definition", d)
}

func TestEngagementRate(t *testing.T) {
	noSaves := metrics.MustNewDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments|metrics.CountShares)
	tiktok := metrics.Counts{Views: metrics.Known(50000), Likes: metrics.Known(2000), Comments: metrics.Known(300), Shares: metrics.Known(200)}
	tests := []struct {
		name   string
		def    metrics.Definition
		counts metrics.Counts
		want   string // percent; "" when err
		err    error
	}{
		{"3600 engagements on 120000 reach", allOverReach, metrics.Counts{
			Reach: metrics.Known(120000), Likes: metrics.Known(3000), Comments: metrics.Known(300),
			Shares: metrics.Known(200), Saves: metrics.Known(100)}, "3.00%", nil},
		{"tiktok without saves", noSaves, tiktok, "5.00%", nil},
		{"tiktok under a definition that counts saves is unknown", metrics.MustNewDefinition(metrics.BasisViews, metrics.AllInteractions), tiktok, "", metrics.ErrUnknown},
		{"unknown basis", allOverReach, metrics.Counts{Likes: metrics.Known(1), Comments: metrics.Known(1), Shares: metrics.Known(1), Saves: metrics.Known(1)}, "", metrics.ErrUnknown},
		{"zero reach", allOverReach, metrics.Counts{Reach: metrics.Known(0), Likes: metrics.Known(0), Comments: metrics.Known(0), Shares: metrics.Known(0), Saves: metrics.Known(0)}, "", metrics.ErrUndefined},
		{"negative likes", noSaves, metrics.Counts{Views: metrics.Known(10), Likes: metrics.Known(-1), Comments: metrics.Known(0), Shares: metrics.Known(0)}, "", metrics.ErrInvalid},
		{"overflowing engagements", noSaves, metrics.Counts{Views: metrics.Known(10), Likes: metrics.Known(math.MaxInt64), Comments: metrics.Known(1), Shares: metrics.Known(0)}, "", metrics.ErrInvalid},
		{"zero definition", metrics.Definition{}, tiktok, "", metrics.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.def.Rate(tt.counts)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, metrics.Percent(r.Value()))
			assert.Equal(t, tt.def, r.Definition())
		})
	}
}

func TestEngagementRateUnknownNamesInput(t *testing.T) {
	_, err := allOverReach.Rate(metrics.Counts{Reach: metrics.Known(10), Likes: metrics.Known(1), Comments: metrics.Known(1), Shares: metrics.Known(1)})
	var fe *metrics.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "saves", fe.Path)
	assert.Equal(t, metrics.CodeUnknown, fe.Code)
	assert.Equal(t, "engagement rate: saves: unknown (no data)", fe.Message)
}

func TestEngagementRateCombine(t *testing.T) {
	byViews := metrics.MustNewDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments)
	a, _ := metrics.NewEngagementRate(byViews, 300, 10000)  // 3%
	b, _ := metrics.NewEngagementRate(byViews, 100, 100000) // 0.1%
	ab, err := a.Combine(b)
	require.NoError(t, err)
	// 400 / 110000, not (3% + 0.1%) / 2.
	want := dec("400").DivRound(dec("110000"), metrics.Precision)
	assert.True(t, ab.Value().Equal(want), "Combine = %v, want %v", ab.Value(), want)
	assert.Equal(t, int64(400), ab.Engagements())
	assert.Equal(t, int64(110000), ab.Basis())
	assert.Equal(t, int64(2), ab.Posts())
	c, err := ab.Cmp(a)
	require.NoError(t, err)
	assert.Equal(t, -1, c)

	other, _ := metrics.NewEngagementRate(allOverReach, 300, 10000)
	_, err = a.Combine(other)
	assert.ErrorIs(t, err, metrics.ErrMismatch)
	var me *metrics.MismatchError
	if assert.ErrorAs(t, err, &me) {
		assert.Equal(t, "definition", me.What)
		assert.Equal(t, "likes+comments / views", me.A)
		assert.Equal(t, "likes+comments+shares+saves / reach", me.B)
	}
	_, err = a.Cmp(other)
	assert.ErrorIs(t, err, metrics.ErrMismatch)
	_, err = other.Combine(other)
	assert.ErrorIs(t, err, metrics.ErrUndefined)
	_, err = a.Combine(metrics.EngagementRate{})
	assert.ErrorIs(t, err, metrics.ErrInvalid)
	same, _ := metrics.NewEngagementRate(byViews, 600, 20000)
	c, _ = same.Cmp(a)
	assert.Equal(t, 0, c, "600/20000 vs 300/10000: equal values")
	assert.NotEqual(t, a, same, "different sums")
	assert.Equal(t, "3.00% (likes+comments / views)", a.String())
}
