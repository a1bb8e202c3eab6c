// Package ical writes a deliverable's milestones as an iCalendar feed (RFC
// 5545) that Google Calendar, Outlook and Apple Calendar subscribe to, with
// github.com/arran4/golang-ical.
//
// Each milestone that has a date is one VEVENT:
//
//   - its owner (brand or creator, and the owner's name) in the summary, in
//     CATEGORIES and in the description, with its status and the reason for
//     its date in words; the post carries the reason of each shift of the
//     post date ("post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00:
//     final approval was due ... and came ..., 2 business days late");
//   - a UID that depends only on the workspace, the timeline and the
//     milestone (step and round), so a calendar app updates the event when its
//     date moves instead of adding another;
//   - SEQUENCE: the times its date was moved (the post's shifts, a step's
//     escalations); DTSTAMP and LAST-MODIFIED: the last instant, up to the
//     state's now, at which what the event says may have changed: the
//     timeline's creation, the milestone's opening, its at-risk and due
//     instants (its status changes then), its being met, an escalation of its
//     owner, a rush or a renegotiation, and for the post the shipment and the
//     approval that can move it. So fetching a feed twice gives the same bytes
//     unless something happened in between (the feed has no METHOD: RFC 5545
//     3.8.7.2 reads DTSTAMP so only without one; with one it would be the
//     instant the document was written);
//   - timed events (a due instant) in UTC ("20270310T180000Z"), as points in
//     time (no DTEND: RFC 5545 3.6.1); the product shipment, a date without a
//     time, as an all-day event (DTSTART;VALUE=DATE, DTEND the next day).
//     There is no TZID, so no VTIMEZONE is needed; the description gives each
//     time in the owner's zone too.
//
// Milestones that are not open yet have no due date and no event, except the
// post, which is on the plan from the start (at the current post instant).
// Lines end in CRLF and are folded at 75 octets; text is escaped (\, ; , and
// newlines) and control characters are dropped, so no name can start a line
// of its own.
package ical

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/creatorops/creatorops/sla/timeline"
)

// ProductID is the feed's PRODID.
const ProductID = "-//creatorops//reference service//EN"

// Refresh is how often a subscriber is asked to fetch the feed again
// (REFRESH-INTERVAL and X-PUBLISHED-TTL).
const Refresh = "PT1H"

// Feed is what a feed is made of.
type Feed struct {
	// Name is the calendar's name (NAME, X-WR-CALNAME).
	Name string
	// Workspace and Timeline identify the timeline: the UIDs are derived from
	// them.
	Workspace, Timeline string
	// Party, when not empty, keeps only that party's milestones, and the post.
	Party timeline.Party
	// Plan is the timeline's plan; State its state now.
	Plan  timeline.Plan
	State timeline.State
	// Created is when the timeline was stored.
	Created time.Time
	// Events are the timeline's events (those after the state's now are
	// not read).
	Events []timeline.Event
}

// Write returns the feed as an iCalendar document.
func Write(f Feed) []byte {
	c := ics.NewCalendarFor("creatorops")
	c.SetProductId(ProductID)
	c.SetCalscale("GREGORIAN")
	c.SetName(text(f.Name))
	c.SetXWRCalName(text(f.Name))
	c.SetRefreshInterval(Refresh) // with VALUE=DURATION
	c.SetXPublishedTTL(Refresh)
	for _, m := range f.State.Milestones {
		if f.Party != "" && m.Owner != f.Party && m.Step != timeline.StepPost {
			continue
		}
		if e := event(f, m); e != nil {
			c.AddVEvent(e)
		}
	}
	return []byte(c.Serialize(ics.WithNewLineWindows))
}

// UID returns the UID of a milestone's event: a hash of the workspace, the
// timeline, the step and the round, at creatorops.
func UID(workspace, tl string, step timeline.Step, round int) string {
	h := sha256.Sum256([]byte("creatorops milestone\x00" + workspace + "\x00" + tl + "\x00" + string(step) + "\x00" + strconv.Itoa(round)))
	return hex.EncodeToString(h[:16]) + "@creatorops"
}

func event(f Feed, m timeline.Milestone) *ics.VEvent {
	p := f.Plan
	post := m.Step == timeline.StepPost
	ship := m.Step == timeline.StepShip && p.Product != nil
	due := m.Due
	if post && due.IsZero() {
		due = f.State.Post.Current
	}
	if due.IsZero() && !ship {
		return nil
	}
	e := ics.NewEvent(UID(f.Workspace, f.Timeline, m.Step, m.Round))
	stamp := changed(f, m)
	e.SetDtStampTime(stamp)
	e.SetLastModifiedAt(stamp)
	seq := m.Escalations
	if post {
		seq = len(f.State.Post.Shifts)
	}
	e.SetSequence(seq)
	if ship {
		start := p.Product.ShipBy.UTC() // midnight UTC of the date
		e.SetAllDayStartAt(start)
		e.SetAllDayEndAt(start.AddDate(0, 0, 1))
	} else {
		e.SetStartAt(due) // UTC: SetStartAt writes the instant in UTC
	}
	owner := side(p, m.Owner).Owner
	e.SetSummary(text(summary(f, m, owner)))
	e.SetDescription(text(description(f, m, due, ship)))
	e.AddCategory(string(m.Owner)) // "brand" or "creator"
	e.AddCategory(string(m.Step))
	e.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
	e.SetStatus(ics.ObjectStatusConfirmed)
	return e
}

// changed returns the last instant, up to the state's now, at which what the
// event says may have changed, in UTC, to the second: the timeline's creation,
// the milestone's opening, at-risk and due instants and its being met, and
// the events that move dates.
func changed(f Feed, m timeline.Milestone) time.Time {
	t := f.Created
	later := func(c time.Time) {
		if c.After(t) && !c.After(f.State.Now) {
			t = c
		}
	}
	later(m.Opened)
	later(m.Met)
	for _, c := range []time.Time{m.AtRisk, m.Due} {
		if m.Met.IsZero() || c.Before(m.Met) { // its status changed then
			later(c)
		}
	}
	for _, e := range f.Events {
		switch e.Kind {
		case timeline.RushRequested, timeline.RushConfirmed, timeline.PostRenegotiated:
			later(e.At)
		case timeline.Escalated:
			if e.To == m.Owner {
				later(e.At)
			}
		case timeline.ProductShipped, timeline.ProductReceived, timeline.Approved:
			if m.Step == timeline.StepPost {
				later(e.At)
			}
		}
	}
	return t.UTC().Truncate(time.Second)
}

func side(p timeline.Plan, party timeline.Party) timeline.Side {
	if party == timeline.Brand {
		return p.Brand
	}
	return p.Creator
}

// what says what a milestone is.
var what = map[timeline.Step]string{
	timeline.StepShip:          "Product ships",
	timeline.StepConcept:       "Concept due",
	timeline.StepConceptReview: "Concept review due",
	timeline.StepCompliance:    "Compliance check due",
	timeline.StepDraft:         "Draft due",
	timeline.StepReview:        "Final approval due",
	timeline.StepRevision:      "Revision due",
	timeline.StepPost:          "Post goes live",
	timeline.StepLiveCheck:     "Live check due",
	timeline.StepReport:        "Report due",
	timeline.StepInvoice:       "Invoice due",
	timeline.StepPayment:       "Payment due",
}

func stepWords(m timeline.Milestone) string {
	w, ok := what[m.Step]
	if !ok {
		w = string(m.Step)
	}
	if m.Round > 1 {
		w += " (round " + strconv.Itoa(m.Round) + ")"
	}
	return w
}

// summary: "Final approval due · tiktok-1 · brand (Bea Brand) · met late".
func summary(f Feed, m timeline.Milestone, owner timeline.Contact) string {
	s := stepWords(m) + " · " + f.Plan.ID + " · " + string(m.Owner)
	if owner.Name != "" {
		s += " (" + owner.Name + ")"
	}
	switch m.Status {
	case timeline.Met, timeline.MetLate, timeline.AtRisk, timeline.Breached:
		s += " · " + statusWords(m.Status)
	}
	return s
}

func statusWords(s timeline.Status) string { return strings.ReplaceAll(string(s), "_", " ") }

// description: the owner, the status, the date in the owner's zone and why.
func description(f Feed, m timeline.Milestone, due time.Time, ship bool) string {
	sd := side(f.Plan, m.Owner)
	loc := time.UTC
	if sd.Calendar != nil {
		loc = sd.Calendar.Location()
	}
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s for %s.", stepWords(m), f.Plan.ID)
	owner := "Owner: " + string(m.Owner)
	if sd.Owner.Name != "" {
		owner += " (" + sd.Owner.Name
		if sd.Owner.Email != "" {
			owner += " <" + sd.Owner.Email + ">"
		}
		owner += ")"
	}
	line("%s", owner)
	line("Status: %s", statusWords(m.Status))
	if ship {
		line("Ship by: %s (the brand's calendar)", f.Plan.Product.ShipBy.UTC().Format("Mon 2 Jan 2006"))
	} else {
		line("Due: %s (%s)", due.In(loc).Format("Mon 2 Jan 2006 15:04 MST"), loc)
	}
	if !m.Met.IsZero() {
		line("Met: %s", m.Met.In(loc).Format("Mon 2 Jan 2006 15:04 MST"))
	}
	line("Why this date: %s", m.Reason())
	if m.Escalations > 0 {
		line("Escalated %d time(s): the window restarted.", m.Escalations)
	}
	if m.Step == timeline.StepPost {
		if len(f.State.Post.Shifts) == 0 {
			line("The post date is the planned one.")
		}
		for _, s := range f.State.Post.Shifts {
			line("Moved: %s", s.Reason())
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// text makes s fit for a TEXT value: valid UTF-8, CR and CRLF as LF (which the
// writer escapes as \n), and no other control character but tab. The writer
// escapes \, ; and , itself.
func text(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
}
