package timeline_test

import (
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

var (
	brandCal   = sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"mon-fri 09:00-17:00"}, Quiet: []string{"sat-sun"}})
	creatorCal = sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 10:00-18:00"}, Quiet: []string{"sat-sun"}})
	ny         = brandCal.Location()
	la         = creatorCal.Location()
)

// workedPlan is DESIGN.md's worked example: the post Mon 2027-03-15 12:00 in Los
// Angeles, after the US clock change of Sun 2027-03-14.
func workedPlan() timeline.Plan {
	return timeline.Plan{
		ID:     "tiktok-1",
		Policy: sla.DefaultPolicy(),
		Brand: timeline.Side{Calendar: brandCal,
			Owner: timeline.Contact{Name: "Bea Brand", Email: "bea@brand.example"}, Manager: timeline.Contact{Name: "Max Manager"}},
		Creator: timeline.Side{Calendar: creatorCal,
			Owner: timeline.Contact{Name: "Cleo Creator"}, Manager: timeline.Contact{Name: "Ada Agent"}},
		Kickoff:  time.Date(2027, 2, 15, 10, 0, 0, 0, la),
		PostDate: date.New(2027, 3, 15),
		PostTime: clock.New(12, 0, 0, 0),
	}
}

// upToDraft are the events before the draft goes in for final approval, and the
// draft itself: Mon 2027-03-08 10:00 PST.
func upToDraft() []timeline.Event {
	return []timeline.Event{
		{Seq: 1, At: time.Date(2027, 2, 16, 11, 0, 0, 0, la), Kind: timeline.ConceptSubmitted},
		{Seq: 2, At: time.Date(2027, 2, 17, 10, 0, 0, 0, ny), Kind: timeline.ConceptApproved},
		{Seq: 3, At: time.Date(2027, 2, 17, 15, 0, 0, 0, ny), Kind: timeline.ComplianceChecked},
		{Seq: 4, At: time.Date(2027, 3, 8, 10, 0, 0, 0, la), Kind: timeline.DraftSubmitted},
	}
}

func TestWorkedExampleLateApproval(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	assert.Equal(t, "2027-03-15T12:00:00-07:00", tl.PlannedPost().Format(time.RFC3339))

	st, err := tl.State(upToDraft(), time.Date(2027, 3, 8, 12, 0, 0, 0, la))
	require.NoError(t, err)
	review, ok := st.Milestone(timeline.StepReview)
	require.True(t, ok)
	assert.Equal(t, "2027-03-10T13:00:00-05:00", review.Due.Format(time.RFC3339), "final approval due: 48h, no quiet time in between")
	assert.Equal(t, "2027-03-10T13:00:00-05:00", review.ApproveBy.Format(time.RFC3339), "approve by")
	assert.Equal(t, 26*time.Hour, st.Post.Promised, "the creator was promised 26h of working time")
	assert.Equal(t, []timeline.Party{timeline.Brand}, st.WaitingOn)

	events := append(upToDraft(), timeline.Event{Seq: 5, At: time.Date(2027, 3, 12, 13, 0, 0, 0, ny), Kind: timeline.Approved})
	st, err = tl.State(events, time.Date(2027, 3, 12, 14, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.Equal(t, "2027-03-17T12:00:00-07:00", st.Post.Current.Format(time.RFC3339))
	require.Len(t, st.Post.Shifts, 1)
	assert.Equal(t, "post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days late",
		st.Post.Shifts[0].Reason())
	assert.Equal(t, timeline.StepReview, st.Post.Shifts[0].Step)
	review, _ = st.Milestone(timeline.StepReview)
	assert.Equal(t, timeline.MetLate, review.Status)
	post, _ := st.Milestone(timeline.StepPost)
	assert.Equal(t, st.Post.Current, post.Due)
	// The creator keeps every hour promised.
	assert.GreaterOrEqual(t, creatorCal.WorkingTime(time.Date(2027, 3, 12, 13, 0, 0, 0, ny), st.Post.Current), 26*time.Hour)
}

func TestWorkedExampleSilentBrand(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	wed := time.Date(2027, 3, 10, 13, 0, 0, 0, ny)
	thu := time.Date(2027, 3, 11, 13, 0, 0, 0, ny)
	fri := time.Date(2027, 3, 12, 13, 0, 0, 0, ny)

	// At the due instant, the first follow-up is due at once.
	st, err := tl.State(upToDraft(), wed)
	require.NoError(t, err)
	require.Len(t, st.Actions, 1)
	assert.Equal(t, timeline.FollowUp, st.Actions[0].Kind)
	assert.Equal(t, "Bea Brand", st.Actions[0].To.Name)
	assert.True(t, st.Actions[0].At.Equal(wed), "follow-up 1 at %v", st.Actions[0].At)

	evs := append(upToDraft(), timeline.Event{Seq: 5, At: wed, Kind: timeline.FollowUpSent, To: timeline.Brand})
	st, err = tl.State(evs, wed.Add(time.Minute))
	require.NoError(t, err)
	assert.Empty(t, st.Actions)
	assert.True(t, st.Next.Equal(thu), "next change %v, want the second follow-up Thu 13:00 EST", st.Next)

	st, _ = tl.State(evs, thu)
	require.Len(t, st.Actions, 1)
	assert.Equal(t, timeline.FollowUp, st.Actions[0].Kind)
	assert.True(t, st.Actions[0].At.Equal(thu), "follow-up 2 at %v", st.Actions[0].At)

	evs = append(evs, timeline.Event{Seq: 6, At: thu, Kind: timeline.FollowUpSent, To: timeline.Brand})
	st, _ = tl.State(evs, fri)
	require.Len(t, st.Actions, 1)
	assert.Equal(t, timeline.Escalate, st.Actions[0].Kind)
	assert.Equal(t, "Max Manager", st.Actions[0].To.Name)
	assert.True(t, st.Actions[0].At.Equal(fri), "escalation at %v", st.Actions[0].At)

	evs = append(evs, timeline.Event{Seq: 7, At: fri.Add(5 * time.Minute), Kind: timeline.Escalated, To: timeline.Brand})
	st, err = tl.State(evs, fri.Add(10*time.Minute))
	require.NoError(t, err)
	review, _ := st.Milestone(timeline.StepReview)
	assert.Equal(t, "2027-03-16T13:05:00-04:00", review.Due.Format(time.RFC3339), "final approval due again: 48h not quiet, the weekend skipped")
	assert.Equal(t, 1, review.Escalations)
	assert.Empty(t, st.Actions)
}
