package metrics_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/creatorops/creatorops/metrics"
)

func TestCountUnknownIsNotZero(t *testing.T) {
	var c metrics.Counts
	if c.Views.IsKnown() {
		t.Fatal("zero Counts has known views, want unknown")
	}
	if c.Views == metrics.Known(0) {
		t.Fatal("unknown Count == Known(0)")
	}
	if n, ok := metrics.Known(0).Get(); !ok || n != 0 {
		t.Errorf("Known(0).Get() = %d, %v, want 0, true", n, ok)
	}
	if got := (metrics.Count{}).String(); got != "unknown" {
		t.Errorf("Count{}.String() = %q, want \"unknown\"", got)
	}
	if n, ok := (metrics.Count{}).Get(); ok || n != 0 {
		t.Errorf("Count{}.Get() = %d, %v, want 0, false", n, ok)
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want metrics.Count
		ok   bool
	}{
		{"", metrics.Count{}, true},
		{"unknown", metrics.Count{}, true},
		{"UNKNOWN", metrics.Count{}, true},
		{"0", metrics.Known(0), true},
		{"120000", metrics.Known(120000), true},
		{"9223372036854775807", metrics.Known(9223372036854775807), true},
		{"9223372036854775808", metrics.Count{}, false},
		{"-1", metrics.Count{}, false},
		{"+1", metrics.Count{}, false},
		{"1,000", metrics.Count{}, false},
		{"1e3", metrics.Count{}, false},
		{" 1", metrics.Count{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := metrics.ParseCount(tt.in)
			if !tt.ok {
				if !errors.Is(err, metrics.ErrInvalid) {
					t.Fatalf("ParseCount(%q) error = %v, want ErrInvalid", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseCount(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestCountsJSON(t *testing.T) {
	in := metrics.Counts{Views: metrics.Known(80000), Saves: metrics.Known(0)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out metrics.Counts
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("JSON round trip of %+v = %+v (via %s)", in, out, b)
	}
	if out.Likes.IsKnown() {
		t.Errorf("unset likes came back known")
	}
	if want := `{"views":"80000","saves":"0"}`; string(b) != want {
		t.Errorf("json.Marshal(%+v) = %s, want %s", in, b, want)
	}

	all := metrics.Counts{Impressions: metrics.Known(1), Reach: metrics.Known(2), Views: metrics.Known(3),
		CompletedViews: metrics.Known(4), Followers: metrics.Known(5), Likes: metrics.Known(6),
		Comments: metrics.Known(7), Shares: metrics.Known(8), Saves: metrics.Known(9),
		Clicks: metrics.Known(10), Conversions: metrics.Known(11)}
	b, err = json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"impressions":"1","reach":"2","views":"3","completed_views":"4","followers":"5","likes":"6",` +
		`"comments":"7","shares":"8","saves":"9","clicks":"10","conversions":"11"}`
	if string(b) != want {
		t.Errorf("json.Marshal(every count) = %s, want %s", b, want)
	}

	// Unknown may be written as "", as "unknown" or left out.
	var got metrics.Counts
	if err := json.Unmarshal([]byte(`{"views":"","likes":"unknown","shares":"12"}`), &got); err != nil {
		t.Fatal(err)
	}
	if want := (metrics.Counts{Shares: metrics.Known(12)}); got != want {
		t.Errorf("decoded %+v, want %+v", got, want)
	}
	for _, bad := range []string{`{"views":80000}`, `{"views":"-1"}`, `{"views":"8e4"}`} {
		if err := json.Unmarshal([]byte(bad), &got); err == nil {
			t.Errorf("json.Unmarshal(%s) succeeded, want an error", bad)
		}
	}
}

func TestCountsValidate(t *testing.T) {
	c := metrics.Counts{Views: metrics.Known(-1), Likes: metrics.Known(-2), Shares: metrics.Known(3)}
	err := c.Validate()
	if !errors.Is(err, metrics.ErrInvalid) {
		t.Fatalf("Validate() = %v, want ErrInvalid", err)
	}
	want := "metrics: counts: views -1: negative count\nmetrics: counts: likes -2: negative count"
	if err.Error() != want {
		t.Errorf("Validate() = %q, want both problems %q", err, want)
	}
	if err := (metrics.Counts{}).Validate(); err != nil {
		t.Errorf("zero Counts Validate() = %v", err)
	}
}
