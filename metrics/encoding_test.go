package metrics_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
)

type pathCode struct{ Path, Code string }

// problemsOf returns the path and code of every problem of err, a *ValidationError.
func problemsOf(t *testing.T, err error) []pathCode {
	t.Helper()
	require.ErrorIs(t, err, metrics.ErrInvalid)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	var out []pathCode
	for _, p := range ve.Problems {
		out = append(out, pathCode{p.Path, p.Code})
	}
	return out
}

const postDoc = `{"id":"reel-1","creator":"anna","platform":"instagram",` +
	`"posted_at":"2026-03-02T18:00:00-05:00","cost":"3250.00 USD","expected_views":"150000",` +
	`"actual":{"counts":{"views":"120000"},` +
	`"source":{"kind":"export","captured_at":"2026-03-09T18:00:00-04:00","window":"7 days"}}}`

// A misspelled "viewz" used to be dropped silently, so the post read as having no
// views. Every decoder of the package rejects it, with its path.
func TestDecodePostsRejectsUnknownFields(t *testing.T) {
	good := postDoc
	bad := strings.Replace(postDoc, `"views"`, `"viewz"`, 1)
	_, err := metrics.DecodePosts([]byte("[" + good + "," + good + "," + good + "," + bad + "]"))
	assert.Equal(t, []pathCode{{"[3].actual.counts.viewz", metrics.CodeUnknownField}}, problemsOf(t, err))

	var posts []metrics.Post
	err = json.Unmarshal([]byte("["+bad+"]"), &posts)
	assert.Equal(t, []pathCode{{"actual.counts.viewz", metrics.CodeUnknownField}}, problemsOf(t, err),
		"encoding/json decodes strictly too, through UnmarshalJSON")
}

func TestDecodePostsReportsEveryProblem(t *testing.T) {
	doc := `[{"id":"a","ID":"b","cost":"1.00 USD","expected_views":"-5",` +
		`"actual":{"counts":{"views":"1","views":"2","Likes":"3","clicks":4},` +
		`"source":{"kind":"rumour","captured_at":"yesterday","window":"14 days"}}},` +
		`{"id":7,"cost":"1.00","extra":true}]`
	_, err := metrics.DecodePosts([]byte(doc))
	assert.ElementsMatch(t, []pathCode{
		{"[0].ID", metrics.CodeUnknownField},
		{"[0].expected_views", metrics.CodeNegative},
		{"[0].actual.counts.views", metrics.CodeDuplicateKey},
		{"[0].actual.counts.Likes", metrics.CodeUnknownField},
		{"[0].actual.counts.clicks", metrics.CodeMalformed},
		{"[0].actual.source.kind", metrics.CodeMalformed},
		{"[0].actual.source.captured_at", metrics.CodeMalformed},
		{"[0].actual.source.window", metrics.CodeOutOfRange},
		{"[1].id", metrics.CodeMalformed},
		{"[1].cost", metrics.CodeMalformed},
		{"[1].extra", metrics.CodeUnknownField},
	}, problemsOf(t, err))
	assert.Contains(t, err.Error(), `did you mean "id"?`)
}

func TestDecodePostsRoundTrip(t *testing.T) {
	in := campaign()
	b, err := json.Marshal(in)
	require.NoError(t, err)
	out, err := metrics.DecodePosts(b)
	require.NoError(t, err)
	require.Len(t, out, len(in))
	for i := range in {
		assert.Equal(t, in[i].ID, out[i].ID)
		assert.True(t, in[i].Cost.Equal(out[i].Cost), "cost %v, want %v", out[i].Cost, in[i].Cost)
		assert.Equal(t, in[i].ExpectedViews, out[i].ExpectedViews)
		assert.True(t, in[i].PostedAt.Equal(out[i].PostedAt))
		if in[i].Actual == nil {
			assert.Nil(t, out[i].Actual)
			continue
		}
		require.NotNil(t, out[i].Actual)
		assert.Equal(t, in[i].Actual.Counts, out[i].Actual.Counts)
		assert.Equal(t, in[i].Actual.Source.Kind, out[i].Actual.Source.Kind)
		assert.Equal(t, in[i].Actual.Source.Window, out[i].Actual.Source.Window)
		assert.True(t, in[i].Actual.Source.CapturedAt.Equal(out[i].Actual.Source.CapturedAt))
	}
	// The decoded posts roll up as the originals do.
	want, err := metrics.Summarize(byViews, metrics.Report7Days, in)
	require.NoError(t, err)
	got, err := metrics.Summarize(byViews, metrics.Report7Days, out)
	require.NoError(t, err)
	wantCPV, _ := want.CPV()
	gotCPV, _ := got.CPV()
	assert.True(t, wantCPV.Equal(gotCPV))

	none, err := metrics.DecodePosts([]byte("null"))
	require.NoError(t, err)
	assert.Nil(t, none)
}

func TestDecodeLimits(t *testing.T) {
	big := make([]byte, metrics.MaxJSONSize+1)
	for i := range big {
		big[i] = ' '
	}
	_, err := metrics.DecodePosts(big)
	assert.Equal(t, []pathCode{{"", metrics.CodeTooLarge}}, problemsOf(t, err))
	_, err = metrics.DecodeCounts([]byte(strings.Repeat("[", 100)))
	assert.Equal(t, []pathCode{{"", metrics.CodeMalformed}}, problemsOf(t, err))
	_, err = metrics.DecodeCounts([]byte(`{"views":"1"} {}`))
	assert.Equal(t, []pathCode{{"", metrics.CodeMalformed}}, problemsOf(t, err), "data after the document")
}

func TestDecoders(t *testing.T) {
	t.Run("counts", func(t *testing.T) {
		c, err := metrics.DecodeCounts([]byte(`{"views":"80000","saves":"0","likes":""}`))
		require.NoError(t, err)
		assert.Equal(t, metrics.Counts{Views: k(80000), Saves: k(0)}, c)
		_, err = metrics.DecodeCounts([]byte(`{"Views":"1","views":"2","views":"3","completedViews":"4"}`))
		assert.Equal(t, []pathCode{{"Views", metrics.CodeUnknownField}, {"views", metrics.CodeDuplicateKey},
			{"completedViews", metrics.CodeUnknownField}}, problemsOf(t, err), "in document order")
		var viaJSON metrics.Counts
		assert.Error(t, json.Unmarshal([]byte(`{"VIEWS":"1"}`), &viaJSON))
		assert.Equal(t, metrics.Counts{}, viaJSON, "unchanged on error")
	})
	t.Run("source", func(t *testing.T) {
		s, err := metrics.DecodeSource([]byte(`{"kind":"api","captured_at":"2026-03-09T18:00:00-04:00","window":"30d"}`))
		require.NoError(t, err)
		assert.Equal(t, metrics.SourceAPI, s.Kind)
		assert.Equal(t, metrics.Report30Days, s.Window)
		_, err = metrics.DecodeSource([]byte(`{"kind":"api","capturedAt":"2026-03-09T18:00:00-04:00"}`))
		assert.Equal(t, []pathCode{{"capturedAt", metrics.CodeUnknownField}}, problemsOf(t, err))
	})
	t.Run("actual", func(t *testing.T) {
		a, err := metrics.DecodeActual([]byte(`{"counts":{"views":"5"},"source":{"kind":"screenshot"}}`))
		require.NoError(t, err)
		assert.Equal(t, k(5), a.Counts.Views)
		_, err = metrics.DecodeActual([]byte(`{"counts":{"views":"5"},"counts":{}}`))
		assert.Equal(t, []pathCode{{"counts", metrics.CodeDuplicateKey}}, problemsOf(t, err))
	})
	t.Run("post", func(t *testing.T) {
		p, err := metrics.DecodePost([]byte(postDoc))
		require.NoError(t, err)
		assert.Equal(t, "reel-1", p.ID)
		require.NotNil(t, p.Actual)
		assert.Equal(t, k(120000), p.Actual.Counts.Views)
		_, err = metrics.DecodePost([]byte(`{"id":"x","Cost":"1.00 USD"}`))
		assert.Equal(t, []pathCode{{"Cost", metrics.CodeUnknownField}}, problemsOf(t, err))
	})
	t.Run("postings", func(t *testing.T) {
		ps, err := metrics.DecodePostings([]byte(`[{"id":"a","due":"2026-03-10T18:00:00-04:00"}]`))
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.True(t, ps[0].Due.Equal(time.Date(2026, 3, 10, 22, 0, 0, 0, time.UTC)))
		_, err = metrics.DecodePostings([]byte(`[{"id":"a","due":"2026-03-10T18:00:00-04:00","postedAt":"2026-03-10T18:00:00-04:00"}]`))
		assert.Equal(t, []pathCode{{"[0].postedAt", metrics.CodeUnknownField}}, problemsOf(t, err))
		var p metrics.Posting
		assert.Error(t, json.Unmarshal([]byte(`{"Due":"2026-03-10T18:00:00-04:00"}`), &p))
	})
	t.Run("on time", func(t *testing.T) {
		o, err := metrics.DecodeOnTime([]byte(`{"on_time":3,"late":1,"pending":0}`))
		require.NoError(t, err)
		assert.Equal(t, metrics.OnTime{OnTime: 3, Late: 1}, o)
		_, err = metrics.DecodeOnTime([]byte(`{"on_time":3,"Late":1,"pending":1.5}`))
		assert.Equal(t, []pathCode{{"Late", metrics.CodeUnknownField}, {"pending", metrics.CodeOutOfRange}}, problemsOf(t, err))
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back metrics.OnTime
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, o, back)
	})
	t.Run("null leaves the value unchanged", func(t *testing.T) {
		c := metrics.Counts{Views: k(1)}
		require.NoError(t, json.Unmarshal([]byte("null"), &c))
		assert.Equal(t, metrics.Counts{Views: k(1)}, c)
	})
}
