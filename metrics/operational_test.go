package metrics_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/creatorops/creatorops/metrics"
)

func TestApprovalTimes(t *testing.T) {
	h := time.Hour
	tests := []struct {
		name         string
		in           []time.Duration
		mean, median time.Duration
		err          error
	}{
		{"one", []time.Duration{5 * h}, 5 * h, 5 * h, nil},
		{"odd, unsorted", []time.Duration{30 * h, 2 * h, 4 * h}, 12 * h, 4 * h, nil},
		{"even takes the middle pair's mean", []time.Duration{2 * h, 4 * h, 6 * h, 100 * h}, 28 * h, 5 * h, nil},
		{"median rounds half up to the nanosecond", []time.Duration{1, 2}, 2, 2, nil},
		{"mean of huge durations does not overflow", []time.Duration{math.MaxInt64, math.MaxInt64}, math.MaxInt64, math.MaxInt64, nil},
		{"zero durations count", []time.Duration{0, 0, 3 * h}, h, 0, nil},
		{"median of the widest pair does not overflow", []time.Duration{0, math.MaxInt64}, math.MaxInt64/2 + 1, math.MaxInt64/2 + 1, nil},
		{"median of odd neighbours rounds half up", []time.Duration{3, 6}, 5, 5, nil},
		{"empty", nil, 0, 0, metrics.ErrUndefined},
		{"negative", []time.Duration{h, -h}, 0, 0, metrics.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]time.Duration(nil), tt.in...)
			got, err := metrics.ApprovalTimes(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("ApprovalTimes(%v) error = %v, want %v", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Mean != tt.mean || got.Median != tt.median || got.N != len(tt.in) {
				t.Errorf("ApprovalTimes(%v) = %+v, want mean %v median %v", tt.in, got, tt.mean, tt.median)
			}
			for i := range in {
				if in[i] != tt.in[i] {
					t.Fatalf("ApprovalTimes modified its input")
				}
			}
		})
	}
}

func TestOnTimePosting(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	due := time.Date(2026, 3, 10, 18, 0, 0, 0, ny)
	now := time.Date(2026, 3, 12, 9, 0, 0, 0, ny)
	postings := []metrics.Posting{
		{ID: "exactly at due", Due: due, Posted: due},
		{ID: "early, other zone", Due: due, Posted: time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC)}, // 16:00 in New York
		{ID: "one second late", Due: due, Posted: due.Add(time.Second)},
		{ID: "never posted, overdue", Due: due},
		{ID: "not due yet", Due: now.Add(time.Hour)},
	}
	got, err := metrics.OnTimePosting(postings, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := (metrics.OnTime{OnTime: 2, Late: 2, Pending: 1}); got != want {
		t.Fatalf("OnTimePosting = %+v, want %+v", got, want)
	}
	rate, err := got.Rate()
	if err != nil || !rate.Equal(dec("0.5")) {
		t.Errorf("Rate() = %v, %v; want 0.5", rate, err)
	}
	if _, err := (metrics.OnTime{Pending: 3}).Rate(); !errors.Is(err, metrics.ErrUndefined) {
		t.Errorf("Rate() with nothing decided error = %v, want ErrUndefined", err)
	}
	if _, err := metrics.OnTimePosting([]metrics.Posting{{ID: "x"}}, now); !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("zero Due error = %v, want ErrInvalid", err)
	}
}

// Each count is checked on its own: a negative Late must not cancel OnTime.
func TestOnTimeRateNegativeCounts(t *testing.T) {
	for _, o := range []metrics.OnTime{
		{OnTime: 5, Late: -2},
		{OnTime: 1, Late: -1},
		{OnTime: -1, Late: 3},
		{OnTime: -1, Late: 1},
		{OnTime: 2, Late: 2, Pending: -1},
		{OnTime: -1, Late: -1},
	} {
		r, err := o.Rate()
		if !errors.Is(err, metrics.ErrInvalid) {
			t.Errorf("%+v.Rate() = %v, %v; want an error wrapping ErrInvalid", o, r, err)
		}
		var ie *metrics.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%+v.Rate() error %v is not an *InputError", o, err)
		}
	}
	const maxInt = int(^uint(0) >> 1)
	if r, err := (metrics.OnTime{OnTime: maxInt, Late: maxInt}).Rate(); err != nil || !r.Equal(dec("0.5")) {
		t.Errorf("Rate() of huge counts = %v, %v; want 0.5", r, err)
	}
}
