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
	if got := metrics.Unknown.String(); got != "unknown" {
		t.Errorf("Unknown.String() = %q", got)
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want metrics.Count
		ok   bool
	}{
		{"", metrics.Unknown, true},
		{"unknown", metrics.Unknown, true},
		{"UNKNOWN", metrics.Unknown, true},
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
