package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// timelineSection runs one deliverable's timeline: the draft goes in for final
// approval, the brand approves two business days late and the post date moves
// with its reason; then the same deliverable with a silent brand, followed up
// and escalated; then a small board.
func timelineSection(w io.Writer) error {
	brand, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"mon-fri 09:00-17:00"}, Quiet: []string{"sat-sun"}})
	if err != nil {
		return err
	}
	creator, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 10:00-18:00"}, Quiet: []string{"sat-sun"}})
	if err != nil {
		return err
	}
	ny, la := brand.Location(), creator.Location()
	plan := timeline.Plan{
		ID:       "tiktok-video-1",
		Policy:   sla.DefaultPolicy(),
		Brand:    timeline.Side{Calendar: brand, Owner: timeline.Contact{Name: "Bea (brand)"}, Manager: timeline.Contact{Name: "Max (brand manager)"}},
		Creator:  timeline.Side{Calendar: creator, Owner: timeline.Contact{Name: "Cleo (creator)"}, Manager: timeline.Contact{Name: "Ada (agent)"}},
		Kickoff:  time.Date(2027, 2, 15, 10, 0, 0, 0, la),
		PostDate: date.New(2027, 3, 15),
		PostTime: clock.New(12, 0, 0, 0),
	}
	tl, err := timeline.Compile(plan)
	if err != nil {
		return err
	}
	events := []timeline.Event{
		{Seq: 1, At: time.Date(2027, 2, 16, 11, 0, 0, 0, la), Kind: timeline.ConceptSubmitted},
		{Seq: 2, At: time.Date(2027, 2, 17, 10, 0, 0, 0, ny), Kind: timeline.ConceptApproved},
		{Seq: 3, At: time.Date(2027, 2, 17, 15, 0, 0, 0, ny), Kind: timeline.ComplianceChecked},
		{Seq: 4, At: time.Date(2027, 3, 8, 10, 0, 0, 0, la), Kind: timeline.DraftSubmitted},
	}
	const stamp = "Mon 2 Jan 15:04 MST"

	fmt.Fprintf(w, "\n== The timeline: %s, post planned %s ==\n", plan.ID, tl.PlannedPost().Format(stamp))
	st, err := tl.State(events, time.Date(2027, 3, 8, 15, 0, 0, 0, ny))
	if err != nil {
		return err
	}
	review, _ := st.Milestone(timeline.StepReview)
	fmt.Fprintf(w, "draft in %s; final approval due %s (%s)\n", events[3].At.Format(stamp), review.Due.Format(stamp), review.Reason())
	fmt.Fprintf(w, "approve by %s to keep the post; the creator is promised %v of working time before it\n",
		review.ApproveBy.Format(stamp), st.Post.Promised)

	approved := time.Date(2027, 3, 12, 13, 0, 0, 0, ny)
	late := append(append([]timeline.Event{}, events...), timeline.Event{Seq: 5, At: approved, Kind: timeline.Approved})
	if st, err = tl.State(late, approved.Add(time.Hour)); err != nil {
		return err
	}
	fmt.Fprintf(w, "\napproved %s: the post is now %s\n  %s\n", approved.Format(stamp), st.Post.Current.Format(stamp), st.Post.Shifts[0].Reason())

	fmt.Fprintf(w, "\nthe same deliverable with a silent brand:\n")
	silent := append([]timeline.Event{}, events...)
	for _, now := range []time.Time{
		time.Date(2027, 3, 10, 13, 0, 0, 0, ny), time.Date(2027, 3, 11, 13, 0, 0, 0, ny), time.Date(2027, 3, 12, 13, 0, 0, 0, ny),
	} {
		st, err := tl.State(silent, now)
		if err != nil {
			return err
		}
		for _, a := range st.Actions {
			fmt.Fprintf(w, "  %-9s to %-20s at %s: %s\n", a.Kind, a.To.Name, a.At.Format(stamp), a.Reason)
			kind, at := timeline.FollowUpSent, now
			if a.Kind == timeline.Escalate {
				kind, at = timeline.Escalated, now.Add(5*time.Minute)
			}
			silent = append(silent, timeline.Event{Seq: int64(len(silent) + 1), At: at, Kind: kind, To: a.Party})
		}
	}
	if st, err = tl.State(silent, time.Date(2027, 3, 12, 14, 0, 0, 0, ny)); err != nil {
		return err
	}
	review, _ = st.Milestone(timeline.StepReview)
	fmt.Fprintf(w, "  escalated: final approval due again %s (%s)\n", review.Due.Format(stamp), review.Reason())

	// The weekly ops check over three deliverables.
	onTime := plan
	onTime.ID = "ig-reel-2"
	creatorLate := plan
	creatorLate.ID = "story-frames-3"
	board := timeline.NewBoard([]timeline.Item{
		{Plan: plan, Events: events},
		{Plan: onTime, Events: append(append([]timeline.Event{}, events...), timeline.Event{Seq: 5, At: time.Date(2027, 3, 9, 11, 0, 0, 0, ny), Kind: timeline.Approved})},
		{Plan: creatorLate, Events: events[:3]},
	}, time.Date(2027, 3, 11, 9, 30, 0, 0, ny))
	fmt.Fprintf(w, "\nweekly ops check, %s:\n", board.Now.Format(stamp))
	for _, g := range []struct {
		name  string
		cards []timeline.Card
	}{{"waiting on brand", board.WaitingOnBrand}, {"waiting on creator", board.WaitingOnCreator}, {"at risk", board.AtRisk}, {"breached", board.Breached}, {"done", board.Done}} {
		var ids []string
		for _, c := range g.cards {
			o, _ := c.Worst("")
			ids = append(ids, fmt.Sprintf("%s (%s %s)", c.Plan, o.Step, o.Status))
		}
		fmt.Fprintf(w, "  %-18s %s\n", g.name+":", strings.Join(ids, ", "))
	}
	fmt.Fprintf(w, "  brand approval time: mean %v over %d reviews; on-time posting: %d on time, %d late, %d pending\n",
		board.Ops.ApprovalTimes.Mean, board.Ops.ApprovalTimes.N, board.Ops.OnTime.OnTime, board.Ops.OnTime.Late, board.Ops.OnTime.Pending)
	return nil
}
