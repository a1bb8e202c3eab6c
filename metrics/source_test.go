package metrics_test

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s: %v", name, err)
	}
	return loc
}

func TestParseReportWindow(t *testing.T) {
	tests := []struct {
		in   string
		want metrics.ReportWindow
		code string // "" when the text parses
	}{
		{"7 days", metrics.Report7Days, ""},
		{"7d", metrics.Report7Days, ""},
		{"7D", metrics.Report7Days, ""},
		{"7 day", metrics.Report7Days, ""},
		{" 007  Days ", metrics.Report7Days, ""},
		{"30 Days", metrics.Report30Days, ""},
		{"30days", metrics.Report30Days, ""},
		{"14 days", 0, metrics.CodeOutOfRange},
		{"263 days", 0, metrics.CodeOutOfRange}, // 263 = 7 mod 256: no wrap-around
		{"1000 days", 0, metrics.CodeMalformed},
		{"-7 days", 0, metrics.CodeMalformed},
		{"7 weeks", 0, metrics.CodeMalformed},
		{"7", 0, metrics.CodeMalformed},
		{"", 0, metrics.CodeMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := metrics.ParseReportWindow(tt.in)
			if tt.code != "" {
				requireParseError(t, err, tt.in, tt.code)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			back, err := metrics.ParseReportWindow(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back)
		})
	}
	assert.Equal(t, "7 days", metrics.Report7Days.String())
	assert.Equal(t, "30 days", metrics.Report30Days.String())
	assert.Equal(t, "invalid window", metrics.ReportWindow(0).String())
	_, err := metrics.ReportWindow(14).MarshalText()
	assert.ErrorIs(t, err, metrics.ErrInvalid)
	var w metrics.ReportWindow = metrics.Report30Days
	require.NoError(t, w.UnmarshalText(nil))
	assert.Zero(t, w, "empty text gives the zero ReportWindow")
}

// Regression: ReportWindow.Deadline did its own date arithmetic. A post from New York
// 2026-03-01 02:30 plus 7 days lands on 2026-03-08 02:30, a wall time that does not
// exist (spring forward): Deadline gave 01:30 EST, 167 h later, where sla's documented
// rule gives 03:30 EDT. Calendar arithmetic has one home, package sla, and report
// deadlines come from the timeline engine: metrics offers no instant arithmetic
// (ReportWindow has no Deadline, Source no Early) and does not import sla.
func TestMetricsComputesNoDeadlines(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[metrics.ReportWindow](), reflect.TypeFor[metrics.Source]()} {
		for _, name := range []string{"Deadline", "Early", "Due"} {
			_, ok := typ.MethodByName(name)
			assert.False(t, ok, "%v has a %s method: report deadlines come from sla/timeline", typ, name)
		}
	}

	// No file of the package imports sla.
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			assert.NotContains(t, imp.Path.Value, "creatorops/sla", "%s imports %s", name, imp.Path.Value)
		}
	}

	// A source captured at New York 2026-03-08 02:00 EST, between the old answer (01:30
	// EST) and sla's (03:30 EDT), for a post from 2026-03-01 02:30: metrics validates
	// it on what it is given and makes no claim about it being early or late.
	ny := mustLoad(t, "America/New_York")
	postedAt := time.Date(2026, 3, 1, 2, 30, 0, 0, ny)
	capturedAt := time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC) // 02:00 EST
	src := metrics.Source{Kind: metrics.SourceAPI, CapturedAt: capturedAt, Window: metrics.Report7Days}
	require.NoError(t, src.Validate())
	_, err = metrics.Summarize(byViews, metrics.Report7Days, []metrics.Post{{ID: "reel", PostedAt: postedAt,
		Cost: usd("100.00"), Actual: &metrics.Actual{Counts: metrics.Counts{Views: k(10)}, Source: src}}})
	assert.NoError(t, err)
}

func TestSourceValidate(t *testing.T) {
	ok := metrics.Source{Kind: metrics.SourceScreenshot, CapturedAt: time.Date(2026, 3, 12, 18, 0, 0, 0, time.UTC), Window: metrics.Report7Days}
	require.NoError(t, ok.Validate())
	err := metrics.Source{}.Validate()
	require.ErrorIs(t, err, metrics.ErrInvalid)
	var ve *metrics.ValidationError
	require.ErrorAs(t, err, &ve)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
		assert.Equal(t, metrics.CodeRequired, p.Code)
	}
	assert.Equal(t, []string{"kind", "captured_at", "window"}, paths)
}

func TestSourceJSON(t *testing.T) {
	in := metrics.Source{Kind: metrics.SourcePromoCode, CapturedAt: time.Date(2026, 3, 31, 9, 0, 0, 0, time.FixedZone("", 2*3600)), Window: metrics.Report30Days, Reference: "ANNA15"}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.Equal(t, `{"kind":"promo_code","captured_at":"2026-03-31T09:00:00+02:00","window":"30 days","reference":"ANNA15"}`, string(b))
	var out metrics.Source
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in.Kind, out.Kind)
	assert.Equal(t, in.Window, out.Window)
	assert.True(t, out.CapturedAt.Equal(in.CapturedAt))
	assert.Equal(t, in.Reference, out.Reference)

	assert.ErrorIs(t, json.Unmarshal([]byte(`{"kind":"rumour"}`), &out), metrics.ErrInvalid)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"window":"14d"}`), &out), metrics.ErrInvalid)
	_, err = json.Marshal(metrics.Source{})
	assert.ErrorIs(t, err, metrics.ErrInvalid)
}

// The JSON form the Post doc comment shows round-trips exactly.
func TestPostJSON(t *testing.T) {
	const doc = `{"id":"reel-1","creator":"anna","platform":"instagram",` +
		`"posted_at":"2026-03-02T18:00:00-05:00","cost":"3250.00 USD","expected_views":"150000",` +
		`"actual":{"counts":{"views":"120000"},` +
		`"source":{"kind":"export","captured_at":"2026-03-09T18:00:00-04:00","window":"7 days"}}}`
	var p metrics.Post
	require.NoError(t, json.Unmarshal([]byte(doc), &p))
	assert.Equal(t, "reel-1", p.ID)
	assert.Equal(t, "anna", p.Creator)
	assert.Equal(t, "instagram", p.Platform)
	assert.True(t, p.Cost.Equal(pricing.MustParseMoney("3250.00 USD")), "cost %v", p.Cost)
	assert.Equal(t, metrics.Known(150000), p.ExpectedViews)
	require.NotNil(t, p.Actual)
	assert.Equal(t, metrics.Counts{Views: metrics.Known(120000)}, p.Actual.Counts)
	assert.Equal(t, metrics.SourceExport, p.Actual.Source.Kind)
	assert.Equal(t, metrics.Report7Days, p.Actual.Source.Window)
	assert.True(t, p.PostedAt.Equal(time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)), "PostedAt = %v", p.PostedAt)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, doc, string(b))

	// A post without a report, a posting instant or an estimate leaves them out, and
	// comes back the same.
	bare := metrics.Post{ID: "story-2", Cost: pricing.MustParseMoney("0.00 USD")}
	b, err = json.Marshal(bare)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"story-2","cost":"0.00 USD"}`, string(b))
	var back metrics.Post
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, bare.ID, back.ID)
	assert.True(t, back.Cost.Equal(bare.Cost))
	assert.Nil(t, back.Actual)
	assert.False(t, back.ExpectedViews.IsKnown())
	assert.True(t, back.PostedAt.IsZero())
}

func TestPostingJSON(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	in := []metrics.Posting{
		{ID: "reel-1", Due: time.Date(2026, 3, 10, 18, 0, 0, 0, ny)},
		{Due: time.Date(2026, 3, 10, 18, 0, 0, 0, ny), Posted: time.Date(2026, 3, 10, 17, 30, 0, 0, ny)},
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	want := `[{"id":"reel-1","due":"2026-03-10T18:00:00-04:00"},` +
		`{"due":"2026-03-10T18:00:00-04:00","posted":"2026-03-10T17:30:00-04:00"}]`
	assert.Equal(t, want, string(b))
	var out []metrics.Posting
	require.NoError(t, json.Unmarshal(b, &out))
	require.Len(t, out, 2)
	assert.Equal(t, "reel-1", out[0].ID)
	assert.True(t, out[0].Due.Equal(in[0].Due))
	assert.True(t, out[0].Posted.IsZero())
	assert.True(t, out[1].Posted.Equal(in[1].Posted))
}
