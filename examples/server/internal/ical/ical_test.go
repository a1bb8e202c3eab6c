package ical_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/ical"
	"github.com/creatorops/creatorops/sla/timeline"
)

// hostile is a name that tries every trick of the format.
const hostile = "Evil, Inc.; \"Q\" \\ back\r\nBEGIN:VEVENT\nUID:forged\rEND:VCALENDAR\x00\x1b[31m\u2028é"

// sample compiles the API's sample plan with names replaced, and its state
// after the events, at now.
func sample(t *testing.T, brandName string, product bool, now time.Time) (timeline.Plan, timeline.State) {
	t.Helper()
	var plan map[string]any
	raw, err := os.ReadFile("../api/testdata/plan.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &plan))
	plan["brand"].(map[string]any)["owner"].(map[string]any)["name"] = brandName
	if product {
		plan["product"] = map[string]any{"ship_by": "2027-02-16"}
	}
	b, err := json.Marshal(plan)
	require.NoError(t, err)
	p, err := timeline.DecodePlan(b)
	require.NoError(t, err)
	tl, err := timeline.Compile(p)
	require.NoError(t, err)
	evRaw, err := os.ReadFile("../api/testdata/events.json")
	require.NoError(t, err)
	events, err := timeline.DecodeEvents(evRaw)
	require.NoError(t, err)
	if product {
		events = append([]timeline.Event{{Seq: 100, At: time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC), Kind: timeline.ProductShipped},
			{Seq: 101, At: time.Date(2027, 2, 16, 12, 0, 0, 0, time.UTC), Kind: timeline.ProductReceived}}, events...)
	}
	st, err := tl.State(events, now)
	require.NoError(t, err)
	return p, st
}

// checkFormat holds a document to RFC 5545's lines: CRLF only, at most 75
// octets, and times in UTC or as dates.
func checkFormat(t *testing.T, doc []byte) {
	t.Helper()
	require.True(t, bytes.HasSuffix(doc, []byte("\r\n")))
	lines := strings.Split(strings.TrimSuffix(string(doc), "\r\n"), "\r\n")
	for _, l := range lines {
		assert.NotContains(t, l, "\n", "a bare LF")
		assert.NotContains(t, l, "\r", "a bare CR")
		assert.LessOrEqual(t, len(l), 75, "a line over 75 octets: %q", l)
		for _, r := range l {
			assert.False(t, r < 0x20 && r != '\t', "a control character in %q", l)
		}
		if strings.HasPrefix(l, "DTSTART") || strings.HasPrefix(l, "DTEND") {
			assert.NotContains(t, l, "TZID", "no TZID (no VTIMEZONE is written)")
			assert.Regexp(t, `^DT(START|END)(:[0-9]{8}T[0-9]{6}Z|;VALUE=DATE:[0-9]{8})$`, l)
		}
	}
}

func TestWrite(t *testing.T) {
	now := time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
	p, st := sample(t, "Bea Brand", true, now)
	created := time.Date(2027, 2, 10, 9, 0, 0, 123, time.UTC)
	doc := ical.Write(ical.Feed{Name: "tiktok-1", Workspace: "ws_1", Timeline: "tiktok-1", Plan: p, State: st, Created: created})
	checkFormat(t, doc)
	cal, err := ics.ParseCalendar(bytes.NewReader(doc))
	require.NoError(t, err)
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		events[e.Id()] = e
	}
	withDate := 0
	for _, m := range st.Milestones {
		if !m.Due.IsZero() || m.Step == timeline.StepPost {
			withDate++
		}
	}
	assert.Len(t, events, withDate, "one event per milestone with a date")

	ship := events[ical.UID("ws_1", "tiktok-1", timeline.StepShip, 0)]
	require.NotNil(t, ship)
	assert.Equal(t, "20270216", ship.GetProperty(ics.ComponentPropertyDtStart).Value)
	assert.Equal(t, []string{"DATE"}, ship.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["VALUE"])
	assert.Equal(t, "20270217", ship.GetProperty(ics.ComponentPropertyDtEnd).Value, "an all-day event ends the next day")

	review := events[ical.UID("ws_1", "tiktok-1", timeline.StepReview, 1)]
	require.NotNil(t, review)
	start, err := review.GetStartAt()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2027, 3, 10, 18, 0, 0, 0, time.UTC), start, "Wed 10 Mar 13:00 EST, in UTC")
	assert.Equal(t, "Final approval due · tiktok-1 · brand (Bea Brand) · breached", review.GetProperty(ics.ComponentPropertySummary).Value)
	desc := review.GetProperty(ics.ComponentPropertyDescription).Value
	assert.Contains(t, desc, "Owner: brand (Bea Brand <bea@brand.example>)")
	assert.Contains(t, desc, "Why this date: 48 hours after the draft came Mon 8 Mar 2027 13:00 EST")
	var cats []string
	for _, c := range review.GetProperties(ics.ComponentPropertyCategories) {
		cats = append(cats, c.Value)
	}
	assert.Equal(t, []string{"brand", "review"}, cats)
	stamp, err := review.GetDtStampTime()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2027, 3, 10, 18, 0, 0, 0, time.UTC), stamp, "the review was breached at its due instant, Wed 10 Mar 13:00 EST")
	concept := events[ical.UID("ws_1", "tiktok-1", timeline.StepConcept, 1)]
	require.NotNil(t, concept)
	stamp, err = concept.GetLastModifiedAt()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2027, 2, 16, 19, 0, 0, 0, time.UTC), stamp, "met Tue 16 Feb 11:00 PST")

	assert.NotContains(t, string(doc), "METHOD:", "DTSTAMP is when the event last changed, which needs no METHOD")
	assert.Contains(t, string(doc), "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n", "fetch again hourly")

	// The same state gives the same bytes.
	assert.Equal(t, doc, ical.Write(ical.Feed{Name: "tiktok-1", Workspace: "ws_1", Timeline: "tiktok-1", Plan: p, State: st, Created: created}))
	// Another workspace's timeline of the same id has other UIDs.
	assert.NotEqual(t, ical.UID("ws_1", "tiktok-1", timeline.StepPost, 0), ical.UID("ws_2", "tiktok-1", timeline.StepPost, 0))
}

func TestParty(t *testing.T) {
	now := time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
	p, st := sample(t, "Bea Brand", true, now)
	for _, party := range []timeline.Party{timeline.Brand, timeline.Creator} {
		doc := ical.Write(ical.Feed{Name: "x", Workspace: "ws_1", Timeline: "tiktok-1", Party: party, Plan: p, State: st})
		checkFormat(t, doc)
		cal, err := ics.ParseCalendar(bytes.NewReader(doc))
		require.NoError(t, err)
		steps := map[string]bool{}
		for _, e := range cal.Events() {
			cats := e.GetProperties(ics.ComponentPropertyCategories)
			require.Len(t, cats, 2)
			steps[cats[1].Value] = true
			if cats[1].Value != "post" {
				assert.Equal(t, string(party), cats[0].Value, "%s's feed", party)
			}
		}
		assert.True(t, steps["post"], "the post is in both feeds")
		if party == timeline.Brand {
			assert.Equal(t, map[string]bool{"ship": true, "concept_review": true, "compliance": true, "review": true, "post": true}, steps)
		} else {
			assert.Equal(t, map[string]bool{"concept": true, "draft": true, "post": true}, steps)
		}
	}
}

func TestHostileText(t *testing.T) {
	now := time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
	p, st := sample(t, hostile, false, now)
	doc := ical.Write(ical.Feed{Name: "tiktok-1; " + hostile, Workspace: "ws_1", Timeline: "tiktok-1", Plan: p, State: st})
	checkFormat(t, doc)
	// The names hold BEGIN:VEVENT and END:VCALENDAR, never at the start of a line.
	assert.Len(t, regexp.MustCompile(`(?m)^END:VCALENDAR\r$`).FindAllString(string(doc), -1), 1)
	withDate := 0
	for _, m := range st.Milestones {
		if !m.Due.IsZero() || m.Step == timeline.StepPost {
			withDate++
		}
	}
	assert.Len(t, regexp.MustCompile(`(?m)^BEGIN:VEVENT\r$`).FindAllString(string(doc), -1), withDate)
	unfolded := strings.ReplaceAll(string(doc), "\r\n ", "")
	assert.Contains(t, unfolded, `Evil\, Inc.\; "Q" \\ back\nBEGIN:VEVENT\nUID:forged\nEND:VCALENDAR[31m`)
	assert.NotRegexp(t, regexp.MustCompile(`(?m)^UID:forged`), unfolded)

	cal, err := ics.ParseCalendar(bytes.NewReader(doc))
	require.NoError(t, err)
	n := 0
	for _, e := range cal.Events() {
		assert.NotEqual(t, "forged", e.Id())
		if strings.Contains(e.GetProperty(ics.ComponentPropertySummary).Value, "brand") {
			n++
			assert.Contains(t, e.GetProperty(ics.ComponentPropertySummary).Value,
				"brand (Evil, Inc.; \"Q\" \\ back\nBEGIN:VEVENT\nUID:forged\nEND:VCALENDAR[31mé)", "read back as written, less the control characters")
		}
	}
	assert.Positive(t, n)
	assert.Len(t, cal.Events(), withDate, "no event forged by a name")
}

// TestEscalation: an escalation restarts a step's window, and its event's
// SEQUENCE counts it.
func TestEscalation(t *testing.T) {
	now := time.Date(2027, 3, 11, 16, 0, 0, 0, time.UTC)
	p, _ := sample(t, "Bea Brand", false, now)
	tl, err := timeline.Compile(p)
	require.NoError(t, err)
	evRaw, err := os.ReadFile("../api/testdata/events.json")
	require.NoError(t, err)
	events, err := timeline.DecodeEvents(evRaw)
	require.NoError(t, err)
	events = append(events, timeline.Event{Seq: 5, At: time.Date(2027, 3, 11, 15, 0, 0, 0, time.UTC), Kind: timeline.Escalated, To: timeline.Brand})
	st, err := tl.State(events, now)
	require.NoError(t, err)
	doc := ical.Write(ical.Feed{Name: "x", Workspace: "ws_1", Timeline: "tiktok-1", Plan: p, State: st})
	cal, err := ics.ParseCalendar(bytes.NewReader(doc))
	require.NoError(t, err)
	var review *ics.VEvent
	for _, e := range cal.Events() {
		if e.Id() == ical.UID("ws_1", "tiktok-1", timeline.StepReview, 1) {
			review = e
		}
	}
	require.NotNil(t, review)
	m, ok := st.Milestone(timeline.StepReview)
	require.True(t, ok)
	require.Equal(t, 1, m.Escalations)
	assert.Equal(t, "1", review.GetProperty(ics.ComponentPropertySequence).Value)
	start, err := review.GetStartAt()
	require.NoError(t, err)
	assert.Equal(t, m.Due.UTC(), start, "the restarted due")
	assert.Contains(t, review.GetProperty(ics.ComponentPropertyDescription).Value, "Escalated 1 time(s)")
}

// TestLateShipment: a late shipment moves the post before the post opens; the
// post's event says so, its SEQUENCE counts it and its LAST-MODIFIED is when
// the product came.
func TestLateShipment(t *testing.T) {
	now := time.Date(2027, 2, 22, 18, 0, 0, 0, time.UTC)
	p, _ := sample(t, "Bea Brand", true, now)
	tl, err := timeline.Compile(p)
	require.NoError(t, err)
	shipped := time.Date(2027, 2, 19, 15, 0, 0, 0, time.UTC) // ship by Tue 16 Feb: three days late
	events := []timeline.Event{
		{Seq: 1, At: shipped, Kind: timeline.ProductShipped},
		{Seq: 2, At: shipped.Add(time.Hour), Kind: timeline.ProductReceived},
	}
	st, err := tl.State(events, now)
	require.NoError(t, err)
	require.Len(t, st.Post.Shifts, 1, "the late shipment moved the post")
	created := time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)
	doc := ical.Write(ical.Feed{Name: "x", Workspace: "ws_1", Timeline: "tiktok-1", Plan: p, State: st, Created: created, Events: events})
	cal, err := ics.ParseCalendar(bytes.NewReader(doc))
	require.NoError(t, err)
	var post *ics.VEvent
	for _, e := range cal.Events() {
		if e.Id() == ical.UID("ws_1", "tiktok-1", timeline.StepPost, 0) {
			post = e
		}
	}
	require.NotNil(t, post)
	start, err := post.GetStartAt()
	require.NoError(t, err)
	assert.Equal(t, st.Post.Current.UTC(), start)
	assert.NotEqual(t, st.Post.Planned.UTC(), start)
	assert.Equal(t, "1", post.GetProperty(ics.ComponentPropertySequence).Value)
	lm, err := post.GetLastModifiedAt()
	require.NoError(t, err)
	assert.Equal(t, shipped.Add(time.Hour), lm, "when the product came, not the timeline's creation")
	assert.Contains(t, post.GetProperty(ics.ComponentPropertyDescription).Value, "Moved: post date moved from Mon 15 Mar 12:00 to ")
}
