package metrics_test

import (
	"encoding/json"
	"github.com/shopspring/decimal"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.mean, got.Mean, "mean")
			assert.Equal(t, tt.median, got.Median, "median")
			assert.Equal(t, int64(len(tt.in)), got.N)
			assert.Equal(t, in, tt.in, "ApprovalTimes modified its input")
		})
	}
	_, err := metrics.ApprovalTimes([]time.Duration{h, -h, -2 * h})
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "durations[1]", ve.Problems[0].Path)
	assert.Equal(t, "durations[2]", ve.Problems[1].Path)
	assert.Equal(t, metrics.CodeNegative, ve.Problems[0].Code)
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
	require.NoError(t, err)
	require.Equal(t, metrics.OnTime{OnTime: 2, Late: 2, Pending: 1}, got)
	rate, err := got.Rate()
	require.NoError(t, err)
	assert.True(t, rate.Equal(dec("0.5")), "Rate() = %v, want 0.5", rate)

	_, err = metrics.OnTime{Pending: 3}.Rate()
	assert.ErrorIs(t, err, metrics.ErrUndefined)

	_, err = metrics.OnTimePosting([]metrics.Posting{{Due: due}, {ID: "x"}, {}}, now)
	require.ErrorIs(t, err, metrics.ErrInvalid)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "postings[1].due", ve.Problems[0].Path)
	assert.Equal(t, metrics.CodeRequired, ve.Problems[0].Code)
	assert.Contains(t, ve.Problems[0].Message, `"x"`)
	assert.Equal(t, "postings[2].due", ve.Problems[1].Path)
}

// Each count is checked on its own: a negative Late must not cancel OnTime.
func TestOnTimeRateNegativeCounts(t *testing.T) {
	for _, tt := range []struct {
		o     metrics.OnTime
		paths []string
	}{
		{metrics.OnTime{OnTime: 5, Late: -2}, []string{"late"}},
		{metrics.OnTime{OnTime: 1, Late: -1}, []string{"late"}},
		{metrics.OnTime{OnTime: -1, Late: 3}, []string{"on_time"}},
		{metrics.OnTime{OnTime: -1, Late: 1}, []string{"on_time"}},
		{metrics.OnTime{OnTime: 2, Late: 2, Pending: -1}, []string{"pending"}},
		{metrics.OnTime{OnTime: -1, Late: -1}, []string{"on_time", "late"}},
	} {
		r, err := tt.o.Rate()
		require.ErrorIs(t, err, metrics.ErrInvalid, "%+v.Rate() = %v", tt.o, r)
		var ve *metrics.ValidationError
		require.ErrorAs(t, err, &ve)
		var paths []string
		for _, p := range ve.Problems {
			paths = append(paths, p.Path)
			assert.Equal(t, metrics.CodeNegative, p.Code)
		}
		assert.Equal(t, tt.paths, paths, "%+v", tt.o)
	}
	r, err := metrics.OnTime{OnTime: math.MaxInt64, Late: math.MaxInt64}.Rate()
	require.NoError(t, err)
	assert.True(t, r.Equal(dec("0.5")), "Rate() of huge counts = %v, want 0.5", r)
}

// TestApprovalTimesMeanMatchesDecimal holds the 128-bit mean to an exact
// decimal mean, rounded half up, on random durations up to MaxInt64.
func TestApprovalTimesMeanMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		ds := make([]time.Duration, 1+rng.IntN(9))
		sum := decimal.Zero
		for i := range ds {
			switch rng.IntN(3) {
			case 0:
				ds[i] = time.Duration(rng.Int64())
			case 1:
				ds[i] = time.Duration(math.MaxInt64 - rng.Int64N(3))
			default:
				ds[i] = time.Duration(rng.Int64N(10))
			}
			sum = sum.Add(decimal.NewFromInt(int64(ds[i])))
		}
		want := sum.DivRound(decimal.NewFromInt(int64(len(ds))), 0).IntPart()
		got, err := metrics.ApprovalTimes(ds)
		require.NoError(t, err)
		require.Equal(t, time.Duration(want), got.Mean, "ApprovalTimes(%v).Mean", ds)
	}
}

func TestDurationStatsJSON(t *testing.T) {
	s, err := metrics.ApprovalTimes([]time.Duration{2 * time.Hour, 48 * time.Hour, 21 * time.Hour, 11 * time.Hour})
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":4,"mean":"20h30m0s","median":"16h0m0s","min":"2h0m0s","max":"48h0m0s"}`, string(b))
	var back struct{ Mean, Median, Min, Max string }
	require.NoError(t, json.Unmarshal(b, &back))
	for _, d := range []struct {
		text string
		want time.Duration
	}{{back.Mean, s.Mean}, {back.Median, s.Median}, {back.Min, s.Min}, {back.Max, s.Max}} {
		got, err := time.ParseDuration(d.text)
		require.NoError(t, err)
		assert.Equal(t, d.want, got, "%s reads back", d.text)
	}
	b, err = json.Marshal(metrics.DurationStats{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":0}`, string(b))
}

func TestDurationStatsJSONReadsBack(t *testing.T) {
	s, err := metrics.ApprovalTimes([]time.Duration{90 * time.Minute, 3*time.Hour + 7*time.Second})
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var back metrics.DurationStats
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	for _, bad := range []string{`{"n":-1}`, `{"n":1,"mean":"soon"}`, `{"n":1,"Mean":"1h"}`, `{"n":1,"mean":3600}`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &back), bad)
	}
}
