package timeline_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// examplePlan is DESIGN.md's worked example: a brand in New York, a creator in
// Los Angeles, the default policy, a post on Mon 15 Mar 2027 at 12:00 in Los
// Angeles.
func examplePlan() timeline.Plan {
	brand := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Quiet: []string{"sat-sun"}})
	creator := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 10:00-18:00"}, Quiet: []string{"sat-sun"}})
	return timeline.Plan{
		ID:       "tiktok-1",
		Policy:   sla.DefaultPolicy(),
		Brand:    timeline.Side{Calendar: brand, Owner: timeline.Contact{Name: "Bea"}, Manager: timeline.Contact{Name: "Max"}},
		Creator:  timeline.Side{Calendar: creator, Owner: timeline.Contact{Name: "Cleo"}, Manager: timeline.Contact{Name: "Ada"}},
		Kickoff:  time.Date(2027, 2, 15, 10, 0, 0, 0, creator.Location()),
		PostDate: date.New(2027, 3, 15),
		PostTime: clock.New(12, 0, 0, 0),
	}
}

// exampleEvents runs to the draft, submitted Mon 8 Mar 2027 10:00 in Los Angeles.
func exampleEvents() []timeline.Event {
	ny, _ := time.LoadLocation("America/New_York")
	la, _ := time.LoadLocation("America/Los_Angeles")
	return []timeline.Event{
		{Seq: 1, At: time.Date(2027, 2, 16, 11, 0, 0, 0, la), Kind: timeline.ConceptSubmitted},
		{Seq: 2, At: time.Date(2027, 2, 17, 10, 0, 0, 0, ny), Kind: timeline.ConceptApproved},
		{Seq: 3, At: time.Date(2027, 2, 17, 15, 0, 0, 0, ny), Kind: timeline.ComplianceChecked},
		{Seq: 4, At: time.Date(2027, 3, 8, 10, 0, 0, 0, la), Kind: timeline.DraftSubmitted},
	}
}

// The happy path: the draft is in, the brand has 48 hours of time that is not
// quiet to approve it, and the state says when to wake up next.
func Example() {
	tl, err := timeline.Compile(examplePlan())
	if err != nil {
		fmt.Println(err)
		return
	}
	ny, _ := time.LoadLocation("America/New_York")
	st, _ := tl.State(exampleEvents(), time.Date(2027, 3, 8, 15, 0, 0, 0, ny))
	for _, m := range st.Milestones[:6] {
		fmt.Printf("%-14s %-7s %-9s %s\n", m.Step, m.Owner, m.Status, m.Due.Format("Mon 2 Jan 15:04 MST"))
	}
	review, _ := st.Milestone(timeline.StepReview)
	fmt.Println("why:", review.Reason())
	fmt.Println("approve by:", review.ApproveBy.Format("Mon 2 Jan 15:04 MST"), "to keep", st.Post.Current.Format("Mon 2 Jan 15:04 MST"))
	fmt.Println("waiting on:", st.WaitingOn, "next change:", st.Next.In(ny).Format("Mon 2 Jan 15:04 MST"))
	// Output:
	// concept        creator met       Tue 16 Feb 18:00 PST
	// concept_review brand   met       Thu 18 Feb 14:00 EST
	// compliance     brand   met       Thu 18 Feb 10:00 EST
	// draft          creator met_late  Wed 24 Feb 12:00 PST
	// review         brand   on_track  Wed 10 Mar 13:00 EST
	// post           creator pending   Mon 15 Mar 12:00 PDT
	// why: 48 hours after the draft came Mon 8 Mar 2027 13:00 EST
	// approve by: Wed 10 Mar 13:00 EST to keep Mon 15 Mar 12:00 PDT
	// waiting on: [brand] next change: Wed 10 Mar 01:00 EST
}

// A late approval moves the post date, with the reason, and never takes away
// the creator's promised working time.
func ExampleTimeline_State_lateApproval() {
	tl := timeline.MustCompile(examplePlan())
	ny, _ := time.LoadLocation("America/New_York")
	approved := time.Date(2027, 3, 12, 13, 0, 0, 0, ny)
	events := append(exampleEvents(), timeline.Event{Seq: 5, At: approved, Kind: timeline.Approved})
	st, _ := tl.State(events, approved.Add(time.Hour))
	fmt.Println(st.Post.Current.Format("Mon 2 Jan 2006 15:04 MST"))
	fmt.Println(st.Post.Shifts[0].Reason())
	fmt.Println("promised:", st.Post.Promised)
	// Output:
	// Wed 17 Mar 2027 12:00 PDT
	// post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days late
	// promised: 26h0m0s
}

// A silent brand: follow-ups at once and one business day apart, then
// escalation to the manager, which restarts the approval window.
func ExampleTimeline_State_escalation() {
	tl := timeline.MustCompile(examplePlan())
	ny, _ := time.LoadLocation("America/New_York")
	events := exampleEvents()
	for _, now := range []time.Time{
		time.Date(2027, 3, 10, 13, 0, 0, 0, ny),
		time.Date(2027, 3, 11, 13, 0, 0, 0, ny),
		time.Date(2027, 3, 12, 13, 0, 0, 0, ny),
	} {
		st, _ := tl.State(events, now)
		for _, a := range st.Actions {
			fmt.Printf("%s to %s at %s\n", a.Kind, a.To.Name, a.At.Format("Mon 2 Jan 15:04 MST"))
			kind := timeline.FollowUpSent
			if a.Kind == timeline.Escalate {
				kind = timeline.Escalated
				now = now.Add(5 * time.Minute) // the platform escalates at 13:05
			}
			events = append(events, timeline.Event{Seq: int64(len(events) + 1), At: now, Kind: kind, To: a.Party})
		}
	}
	st, _ := tl.State(events, time.Date(2027, 3, 12, 14, 0, 0, 0, ny))
	review, _ := st.Milestone(timeline.StepReview)
	fmt.Println("approval due again", review.Due.Format("Mon 2 Jan 2006 15:04 MST"))
	fmt.Println(review.Reason())
	// Output:
	// follow_up to Bea at Wed 10 Mar 13:00 EST
	// follow_up to Bea at Thu 11 Mar 13:00 EST
	// escalate to Max at Fri 12 Mar 13:00 EST
	// approval due again Tue 16 Mar 2027 13:05 EDT
	// 48 hours from the escalation of Fri 12 Mar 2027 13:05 EST (window restarted)
}
