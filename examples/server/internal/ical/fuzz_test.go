package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/creatorops/creatorops/examples/server/internal/ical"
	"github.com/creatorops/creatorops/sla/timeline"
)

// FuzzWrite: whatever the names hold, the feed is lines of at most 75 octets
// ending in CRLF, parses back to the same events (no name adds or ends one),
// and each summary reads back with the owner's name as written, less control
// characters.
func FuzzWrite(f *testing.F) {
	f.Add("Bea Brand", "Cleo Creator", "tiktok-1")
	f.Add(hostile, "a,b;c\\d\ne", "x\r\nEND:VCALENDAR")
	f.Add(strings.Repeat("é", 60), strings.Repeat("\\,", 50), "")
	now := time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
	var p timeline.Plan
	var st timeline.State
	f.Fuzz(func(t *testing.T, brand, creator, name string) {
		if p.ID == "" {
			p, st = sample(t, "x", true, now)
		}
		q := p
		q.Brand.Owner.Name, q.Creator.Owner.Name = brand, creator
		doc := ical.Write(ical.Feed{Name: name, Workspace: "ws_1", Timeline: "tiktok-1", Plan: q, State: st})
		s := string(doc)
		if !strings.HasSuffix(s, "\r\n") {
			t.Fatal("no CRLF at the end")
		}
		for _, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
			if len(l) > 75 || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("line %q", l)
			}
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(doc))
		if err != nil {
			t.Fatalf("does not parse: %v\n%s", err, s)
		}
		n := 0
		for _, m := range st.Milestones {
			if !m.Due.IsZero() || m.Step == timeline.StepPost || m.Step == timeline.StepShip {
				n++
			}
		}
		if len(cal.Events()) != n {
			t.Fatalf("%d events, want %d\n%s", len(cal.Events()), n, s)
		}
		for _, e := range cal.Events() {
			cats := e.GetProperties(ics.ComponentPropertyCategories)
			if len(cats) != 2 {
				t.Fatalf("categories %v", cats)
			}
			who := brand
			if cats[0].Value == "creator" {
				who = creator
			}
			sum := e.GetProperty(ics.ComponentPropertySummary).Value
			if who != "" && !strings.Contains(sum, "("+ical.Text(who)+")") {
				t.Fatalf("summary %q does not hold %q", sum, ical.Text(who))
			}
		}
	})
}
