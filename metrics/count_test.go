package metrics_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
)

func TestCountUnknownIsNotZero(t *testing.T) {
	var c metrics.Counts
	require.False(t, c.Views.IsKnown(), "zero Counts has known views, want unknown")
	require.NotEqual(t, metrics.Known(0), c.Views, "unknown Count == Known(0)")
	n, ok := metrics.Known(0).Get()
	assert.True(t, ok)
	assert.Equal(t, int64(0), n)
	assert.Equal(t, "unknown", metrics.Count{}.String())
	n, ok = metrics.Count{}.Get()
	assert.False(t, ok)
	assert.Equal(t, int64(0), n)
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want metrics.Count
		code string // "" when the text parses
	}{
		{"", metrics.Count{}, ""},
		{"unknown", metrics.Count{}, ""},
		{"UNKNOWN", metrics.Count{}, ""},
		{"0", metrics.Known(0), ""},
		{"120000", metrics.Known(120000), ""},
		{"9223372036854775807", metrics.Known(9223372036854775807), ""},
		{"9223372036854775808", metrics.Count{}, metrics.CodeOutOfRange},
		{"-1", metrics.Count{}, metrics.CodeNegative},
		{"+1", metrics.Count{}, metrics.CodeMalformed},
		{"1,000", metrics.Count{}, metrics.CodeMalformed},
		{"1e3", metrics.Count{}, metrics.CodeMalformed},
		{" 1", metrics.Count{}, metrics.CodeMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := metrics.ParseCount(tt.in)
			if tt.code != "" {
				requireParseError(t, err, tt.in, tt.code)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCountsJSON(t *testing.T) {
	in := metrics.Counts{Views: metrics.Known(80000), Saves: metrics.Known(0)}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"views":"80000","saves":"0"}`, string(b))
	var out metrics.Counts
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out, "JSON round trip via %s", b)
	assert.False(t, out.Likes.IsKnown(), "unset likes came back known")

	all := metrics.Counts{Impressions: metrics.Known(1), Reach: metrics.Known(2), Views: metrics.Known(3),
		CompletedViews: metrics.Known(4), Followers: metrics.Known(5), Likes: metrics.Known(6),
		Comments: metrics.Known(7), Shares: metrics.Known(8), Saves: metrics.Known(9),
		Clicks: metrics.Known(10), Conversions: metrics.Known(11)}
	b, err = json.Marshal(all)
	require.NoError(t, err)
	want := `{"impressions":"1","reach":"2","views":"3","completed_views":"4","followers":"5","likes":"6",` +
		`"comments":"7","shares":"8","saves":"9","clicks":"10","conversions":"11"}`
	assert.Equal(t, want, string(b))

	// Unknown may be written as "", as "unknown" or left out.
	var got metrics.Counts
	require.NoError(t, json.Unmarshal([]byte(`{"views":"","likes":"unknown","shares":"12"}`), &got))
	assert.Equal(t, metrics.Counts{Shares: metrics.Known(12)}, got)
	for _, bad := range []string{`{"views":80000}`, `{"views":"-1"}`, `{"views":"8e4"}`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &got), "json.Unmarshal(%s)", bad)
	}
}

// Regression: json.Marshal(Counts{Views: Known(-5)}) wrote {"views":"-5"}, which
// ParseCount does not read back. A negative count has no text form: marshalling fails
// with ErrInvalid, naming the count.
func TestNegativeCountDoesNotMarshal(t *testing.T) {
	_, err := json.Marshal(metrics.Counts{Views: metrics.Known(-5)})
	require.ErrorIs(t, err, metrics.ErrInvalid)
	assert.Contains(t, err.Error(), "-5: negative count")

	_, err = metrics.Known(-5).MarshalText()
	var fe *metrics.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, metrics.CodeNegative, fe.Code)

	// What does marshal reads back.
	for _, c := range []metrics.Count{{}, metrics.Known(0), metrics.Known(1<<63 - 1)} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		back, err := metrics.ParseCount(string(b))
		require.NoError(t, err)
		assert.Equal(t, c, back)
	}
}

func TestCountsValidate(t *testing.T) {
	c := metrics.Counts{Views: metrics.Known(-1), CompletedViews: metrics.Known(-2), Shares: metrics.Known(3)}
	err := c.Validate()
	require.ErrorIs(t, err, metrics.ErrInvalid)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "views", ve.Problems[0].Path)
	assert.Equal(t, "completed_views", ve.Problems[1].Path)
	assert.Equal(t, metrics.CodeNegative, ve.Problems[1].Code)
	assert.EqualError(t, err, "metrics: counts: views: -1: negative count; completed_views: -2: negative count")
	assert.NoError(t, metrics.Counts{}.Validate())
}

// requireParseError requires err to be a *ParseError of input wrapping
// ErrInvalid, read as one problem with code.
func requireParseError(t *testing.T, err error, input, code string) {
	t.Helper()
	require.ErrorIs(t, err, metrics.ErrInvalid)
	var pe *metrics.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, input, pe.Input)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, code, ve.Problems[0].Code)
}
