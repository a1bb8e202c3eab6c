package metrics_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

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
	if err := ok.Validate(); err != nil {
		t.Fatalf("Validate(%+v) = %v", ok, err)
	}
	err := metrics.Source{}.Validate()
	if !errors.Is(err, metrics.ErrInvalid) {
		t.Fatalf("zero Source Validate() = %v, want ErrInvalid", err)
	}
	for _, field := range []string{"kind", "captured_at", "window"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("zero Source Validate() = %q, does not name %s", err, field)
		}
	}
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
	if err != nil {
		t.Fatal(err)
	}
	want := `{"kind":"promo_code","captured_at":"2026-03-31T09:00:00+02:00","window":"30d","reference":"ANNA15"}`
	if string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	var out metrics.Source
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Kind != in.Kind || out.Window != in.Window || !out.CapturedAt.Equal(in.CapturedAt) || out.Reference != in.Reference {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	if err := json.Unmarshal([]byte(`{"kind":"rumour"}`), &out); !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("unknown kind error = %v, want ErrInvalid", err)
	}
	if err := json.Unmarshal([]byte(`{"window":"14d"}`), &out); !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("unknown window error = %v, want ErrInvalid", err)
	}
	if _, err := json.Marshal(metrics.Source{}); !errors.Is(err, metrics.ErrInvalid) {
		t.Errorf("Marshal zero Source error = %v, want ErrInvalid", err)
	}
}

// The JSON form the Post doc comment shows round-trips exactly.
func TestPostJSON(t *testing.T) {
	const doc = `{"id":"reel-1","creator":"anna","platform":"instagram",` +
		`"posted_at":"2026-03-02T18:00:00-05:00","cost":"3250.00 USD","expected_views":"150000",` +
		`"actual":{"counts":{"views":"120000"},` +
		`"source":{"kind":"export","captured_at":"2026-03-09T18:00:00-04:00","window":"7d"}}}`
	var p metrics.Post
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != "reel-1" || p.Creator != "anna" || p.Platform != "instagram" ||
		!p.Cost.Equal(pricing.MustParseMoney("3250.00 USD")) || p.ExpectedViews != metrics.Known(150000) ||
		p.Actual == nil || p.Actual.Counts != (metrics.Counts{Views: metrics.Known(120000)}) ||
		p.Actual.Source.Kind != metrics.SourceExport || p.Actual.Source.Window != metrics.Report7Days {
		t.Fatalf("decoded %+v", p)
	}
	if want := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC); !p.PostedAt.Equal(want) {
		t.Errorf("PostedAt = %v, want %v", p.PostedAt, want)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != doc {
		t.Errorf("json.Marshal(decoded Post) =\n%s\nwant\n%s", b, doc)
	}

	// A post without a report, a posting instant or an estimate leaves them out, and
	// comes back the same.
	bare := metrics.Post{ID: "story-2", Cost: pricing.MustParseMoney("0.00 USD")}
	b, err = json.Marshal(bare)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"story-2","cost":"0.00 USD"}`; string(b) != want {
		t.Errorf("json.Marshal(%+v) = %s, want %s", bare, b, want)
	}
	var back metrics.Post
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.ID != bare.ID || !back.Cost.Equal(bare.Cost) || back.Actual != nil ||
		back.ExpectedViews.IsKnown() || !back.PostedAt.IsZero() {
		t.Errorf("round trip of %+v = %+v", bare, back)
	}
}

func TestPostingJSON(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	in := []metrics.Posting{
		{ID: "reel-1", Due: time.Date(2026, 3, 10, 18, 0, 0, 0, ny)},
		{Due: time.Date(2026, 3, 10, 18, 0, 0, 0, ny), Posted: time.Date(2026, 3, 10, 17, 30, 0, 0, ny)},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"id":"reel-1","due":"2026-03-10T18:00:00-04:00"},` +
		`{"due":"2026-03-10T18:00:00-04:00","posted":"2026-03-10T17:30:00-04:00"}]`
	if string(b) != want {
		t.Errorf("json.Marshal(postings) = %s, want %s", b, want)
	}
	var out []metrics.Posting
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].ID != "reel-1" || !out[0].Due.Equal(in[0].Due) || !out[0].Posted.IsZero() ||
		!out[1].Posted.Equal(in[1].Posted) {
		t.Errorf("round trip of %+v = %+v", in, out)
	}
}
