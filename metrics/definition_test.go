package metrics_test

import (
	"errors"
	"math"
	"testing"

	"github.com/creatorops/creatorops/metrics"
)

var allOverReach = metrics.MustDefinition(metrics.BasisReach, metrics.AllInteractions)

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
				var pe *metrics.ParseError
				if !errors.Is(err, metrics.ErrInvalid) || !errors.As(err, &pe) || pe.Input != tt.in {
					t.Fatalf("ParseDefinition(%q) = %v, %v; want a *ParseError wrapping ErrInvalid", tt.in, d, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDefinition(%q) error = %v", tt.in, err)
			}
			if d.Basis() != tt.basis || d.Interactions() != tt.counts || d.String() != tt.str {
				t.Errorf("ParseDefinition(%q) = %v (basis %v, counts %v), want %q", tt.in, d, d.Basis(), d.Interactions(), tt.str)
			}
		})
	}
}

func TestParseDefinitionErrorMessage(t *testing.T) {
	_, err := metrics.ParseDefinition("likes / fans")
	want := `metrics: parse definition "likes / fans": unknown basis "fans", want reach, impressions, views or followers`
	if err == nil || err.Error() != want {
		t.Errorf("ParseDefinition error = %v, want %q", err, want)
	}
}

func TestNewDefinitionRejects(t *testing.T) {
	for _, tt := range []struct {
		name   string
		basis  metrics.Basis
		counts metrics.Interactions
	}{
		{"zero basis", 0, metrics.CountLikes},
		{"unknown basis", 9, metrics.CountLikes},
		{"no interactions", metrics.BasisReach, 0},
		{"unknown interaction bit", metrics.BasisReach, 1 << 6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := metrics.NewDefinition(tt.basis, tt.counts); !errors.Is(err, metrics.ErrInvalid) {
				t.Errorf("NewDefinition(%d, %d) error = %v, want ErrInvalid", tt.basis, tt.counts, err)
			}
		})
	}
}

func TestDefinitionText(t *testing.T) {
	var d metrics.Definition
	if err := d.UnmarshalText([]byte("likes+comments / views")); err != nil {
		t.Fatal(err)
	}
	b, _ := d.MarshalText()
	if string(b) != "likes+comments / views" {
		t.Errorf("MarshalText = %q", b)
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want zero Definition", d, err)
	}
}

func TestEngagementRate(t *testing.T) {
	noSaves := metrics.MustDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments|metrics.CountShares)
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
		{"tiktok under a definition that counts saves is unknown", metrics.MustDefinition(metrics.BasisViews, metrics.AllInteractions), tiktok, "", metrics.ErrUnknown},
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
				if !errors.Is(err, tt.err) {
					t.Fatalf("Rate(%+v) error = %v, want %v", tt.counts, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := metrics.Percent(r.Value()); got != tt.want {
				t.Errorf("Rate(%+v) = %s, want %s", tt.counts, got, tt.want)
			}
			if r.Definition() != tt.def {
				t.Errorf("Rate carries definition %v, want %v", r.Definition(), tt.def)
			}
		})
	}
}

func TestEngagementRateUnknownNamesInput(t *testing.T) {
	_, err := allOverReach.Rate(metrics.Counts{Reach: metrics.Known(10), Likes: metrics.Known(1), Comments: metrics.Known(1), Shares: metrics.Known(1)})
	if want := "metrics: engagement rate: saves: unknown (no data)"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestEngagementRateCombine(t *testing.T) {
	byViews := metrics.MustDefinition(metrics.BasisViews, metrics.CountLikes|metrics.CountComments)
	a, _ := metrics.NewEngagementRate(byViews, 300, 10000)  // 3%
	b, _ := metrics.NewEngagementRate(byViews, 100, 100000) // 0.1%
	ab, err := a.Combine(b)
	if err != nil {
		t.Fatal(err)
	}
	// 400 / 110000, not (3% + 0.1%) / 2.
	if got, want := ab.Value(), dec("400").DivRound(dec("110000"), metrics.Precision); !got.Equal(want) {
		t.Errorf("Combine = %v, want %v", got, want)
	}
	if ab.Engagements() != 400 || ab.Basis() != 110000 || ab.Posts() != 2 {
		t.Errorf("Combine sums = %#v", ab)
	}
	if c, err := ab.Cmp(a); err != nil || c != -1 {
		t.Errorf("Cmp = %d, %v; want -1", c, err)
	}

	other, _ := metrics.NewEngagementRate(allOverReach, 300, 10000)
	if _, err := a.Combine(other); !errors.Is(err, metrics.ErrMismatch) {
		t.Errorf("Combine across definitions error = %v, want ErrMismatch", err)
	}
	if _, err := a.Cmp(other); !errors.Is(err, metrics.ErrMismatch) {
		t.Errorf("Cmp across definitions error = %v, want ErrMismatch", err)
	}
	if _, err := other.Combine(other); !errors.Is(err, metrics.ErrUndefined) {
		t.Errorf("Combine of reach-based rates error = %v, want ErrUndefined", err)
	}
	if _, err := a.Combine(metrics.EngagementRate{}); !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("Combine with zero rate error = %v, want ErrInvalid", err)
	}
	same, _ := metrics.NewEngagementRate(byViews, 600, 20000)
	if c, _ := same.Cmp(a); c != 0 || same == a {
		t.Errorf("600/20000 vs 300/10000: Cmp = %d, == %v; want equal values, different sums", c, same == a)
	}
	if got := a.String(); got != "3.00% (likes+comments / views)" {
		t.Errorf("String() = %q", got)
	}
}
