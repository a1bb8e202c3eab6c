package metrics_test

import (
	"encoding/json"
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

func TestReportWindowDeadlineAcrossDST(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	berlin := mustLoad(t, "Europe/Berlin")
	tests := []struct {
		name   string
		posted time.Time
		w      metrics.ReportWindow
		want   time.Time
	}{
		// New York springs forward on 8 March 2026: the 7-day report is due at 18:00
		// local, 167 real hours later.
		{"7d across spring forward", time.Date(2026, 3, 5, 18, 0, 0, 0, ny), metrics.Report7Days, time.Date(2026, 3, 12, 18, 0, 0, 0, ny)},
		// Berlin falls back on 25 October 2026.
		{"30d across fall back", time.Date(2026, 10, 10, 12, 0, 0, 0, berlin), metrics.Report30Days, time.Date(2026, 11, 9, 12, 0, 0, 0, berlin)},
		{"invalid window", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 0, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.w.Deadline(tt.posted)
			if !got.Equal(tt.want) {
				t.Errorf("Deadline(%v) = %v, want %v", tt.posted, got, tt.want)
			}
		})
	}
	if d := metrics.Report7Days.Deadline(time.Date(2026, 3, 5, 18, 0, 0, 0, ny)).Sub(time.Date(2026, 3, 5, 18, 0, 0, 0, ny)); d != 167*time.Hour {
		t.Errorf("7 days across spring forward in New York = %v, want 167h", d)
	}
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

func TestSourceEarly(t *testing.T) {
	posted := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s := metrics.Source{Kind: metrics.SourceAPI, Window: metrics.Report7Days}
	for _, tt := range []struct {
		captured time.Time
		want     bool
	}{
		{posted.AddDate(0, 0, 5), true},
		{posted.AddDate(0, 0, 7), false},
		{posted.AddDate(0, 0, 8), false},
	} {
		s.CapturedAt = tt.captured
		if got := s.Early(posted); got != tt.want {
			t.Errorf("Early(captured %v) = %v, want %v", tt.captured, got, tt.want)
		}
	}
}

func TestSourceJSON(t *testing.T) {
	in := metrics.Source{Kind: metrics.SourcePromoCode, CapturedAt: time.Date(2026, 3, 31, 9, 0, 0, 0, time.FixedZone("", 2*3600)), Window: metrics.Report30Days, Reference: "ANNA15"}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.Equal(t, `{"kind":"promo_code","captured_at":"2026-03-31T09:00:00+02:00","window":"30d","reference":"ANNA15"}`, string(b))
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
		`"source":{"kind":"export","captured_at":"2026-03-09T18:00:00-04:00","window":"7d"}}}`
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
