package timeline_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

func codes(t *testing.T, err error) []string {
	t.Helper()
	var ve *timeline.ValidationError
	require.ErrorAs(t, err, &ve)
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path+" "+p.Code)
	}
	return out
}

func TestOnTimeApprovalNeverMovesThePost(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	for _, at := range []time.Time{
		time.Date(2027, 3, 9, 9, 0, 0, 0, ny),
		time.Date(2027, 3, 10, 13, 0, 0, 0, ny), // exactly at the due instant
	} {
		evs := append(upToDraft(), timeline.Event{Seq: 5, At: at, Kind: timeline.Approved})
		st, err := tl.State(evs, at.Add(time.Hour))
		require.NoError(t, err)
		assert.True(t, st.Post.Current.Equal(tl.PlannedPost()), "approval %v moved the post to %v", at, st.Post.Current)
		assert.Empty(t, st.Post.Shifts)
		review, _ := st.Milestone(timeline.StepReview)
		assert.Equal(t, timeline.Met, review.Status)
	}
}

func TestApprovalLateIntoNonWorkingTimeKeepsThePost(t *testing.T) {
	// Approved 2 minutes after the 13:00 EST due, but the creator's day starts
	// only at 10:00 PST: the creator loses none of the promised working time
	// while the approval arrives before the creator's next working minute.
	tl := timeline.MustCompile(workedPlan())
	evs := append(upToDraft(), timeline.Event{Seq: 5, At: time.Date(2027, 3, 10, 13, 0, 0, 0, ny).Add(-time.Minute), Kind: timeline.Approved})
	st, err := tl.State(evs, time.Date(2027, 3, 11, 0, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.Empty(t, st.Post.Shifts)
}

func TestLateCreatorNeverMovesThePost(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	evs := upToDraft()[:3] // the draft never comes
	st, err := tl.State(evs, time.Date(2027, 3, 14, 12, 0, 0, 0, la))
	require.NoError(t, err)
	draft, _ := st.Milestone(timeline.StepDraft)
	assert.Equal(t, timeline.Breached, draft.Status)
	assert.True(t, st.Post.Current.Equal(tl.PlannedPost()))
	assert.Equal(t, []timeline.Party{timeline.Creator}, st.WaitingOn)
	require.NotEmpty(t, st.Actions)
	assert.Equal(t, "Cleo Creator", st.Actions[0].To.Name)

	// The late draft then comes, is approved at once: still no shift.
	late := time.Date(2027, 3, 12, 10, 0, 0, 0, la)
	evs = append(evs, timeline.Event{Seq: 4, At: late, Kind: timeline.DraftSubmitted},
		timeline.Event{Seq: 5, At: late.Add(time.Hour), Kind: timeline.Approved})
	st, err = tl.State(evs, late.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Empty(t, st.Post.Shifts)
	draft, _ = st.Milestone(timeline.StepDraft)
	assert.Equal(t, timeline.MetLate, draft.Status)
}

func TestLateProductShiftsThePost(t *testing.T) {
	p := workedPlan()
	p.Product = &timeline.Product{ShipBy: date.New(2027, 2, 16)}
	tl := timeline.MustCompile(p)
	ship := time.Date(2027, 2, 19, 10, 0, 0, 0, ny) // three days late
	st, err := tl.State([]timeline.Event{{Seq: 1, At: ship, Kind: timeline.ProductShipped}}, ship.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, st.Post.Shifts, 1)
	sh := st.Post.Shifts[0]
	assert.Equal(t, timeline.StepShip, sh.Step)
	assert.Contains(t, sh.Reason(), "the product was due to ship Wed 17 Feb 2027 00:00 EST and came Fri 19 Feb 2027 10:00 EST")
	// The creator keeps the working time from the ship-by deadline to the post.
	due := time.Date(2027, 2, 17, 0, 0, 0, 0, ny)
	assert.Equal(t, creatorCal.WorkingTime(due, tl.PlannedPost()) <= creatorCal.WorkingTime(ship, st.Post.Current), true)
	assert.True(t, st.Post.Current.After(tl.PlannedPost()))
	// Before it arrives, the concept is pending and nobody's step is open.
	concept, _ := st.Milestone(timeline.StepConcept)
	assert.Equal(t, timeline.Pending, concept.Status)
}

func TestExtraRoundsArePriced(t *testing.T) {
	p := workedPlan()
	card := pricing.SampleRateCard()
	fee := pricing.MustParseMoney("150.00 USD")
	card.ExtraRevision = &fee
	p.RateCard = &card
	tl := timeline.MustCompile(p)
	evs := upToDraft()
	at := time.Date(2027, 3, 8, 14, 0, 0, 0, ny)
	for i := range 3 { // three rounds of feedback: one included, two extra
		evs = append(evs,
			timeline.Event{Seq: int64(10 + 2*i), At: at, Kind: timeline.DraftFeedback, MustFix: 1},
			timeline.Event{Seq: int64(11 + 2*i), At: at.Add(time.Minute), Kind: timeline.DraftSubmitted})
		at = at.Add(time.Hour)
	}
	st, err := tl.State(evs, at)
	require.NoError(t, err)
	assert.Equal(t, int64(2), st.ExtraRounds)
	assert.True(t, pricing.MustParseMoney("300.00 USD").Equal(st.Extra.Amount), "extra cost %v", st.Extra.Amount)
	assert.Equal(t, int64(2), st.Extra.Quantity)
	assert.Equal(t, pricing.KindRevisions, st.Extra.Kind)
	assert.Contains(t, st.Extra.Rule, "2 × 150.00 USD = 300.00 USD")
	want, err := card.ExtraRevisions(2)
	require.NoError(t, err)
	assert.True(t, want.Equal(st.Extra), "the card's own line")

	// A card without an extra revision fee cannot price them: Compile says so.
	bare := pricing.SampleRateCard()
	bare.ExtraRevision = nil
	p.RateCard = &bare
	_, err = timeline.Compile(p)
	assert.Equal(t, []string{"rate_card.extra_revision required"}, codes(t, err))
	rev, _ := st.Milestone(timeline.StepReview)
	assert.Equal(t, 4, rev.Round)
}

func TestRushAppliesOnlyOnceBothConfirmed(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	mon := time.Date(2027, 3, 8, 10, 0, 0, 0, la)
	evs := append(upToDraft(), timeline.Event{Seq: 5, At: mon.Add(time.Hour), Kind: timeline.RushRequested, By: timeline.Creator})
	st, err := tl.State(evs, mon.Add(2*time.Hour))
	require.NoError(t, err)
	review, _ := st.Milestone(timeline.StepReview)
	assert.Equal(t, "2027-03-10T13:00:00-05:00", review.Due.Format(time.RFC3339), "one side's request changes nothing")

	confirm := mon.Add(3 * time.Hour)
	evs = append(evs, timeline.Event{Seq: 6, At: confirm, Kind: timeline.RushConfirmed, By: timeline.Brand})
	st, err = tl.State(evs, confirm.Add(time.Minute))
	require.NoError(t, err)
	review, _ = st.Milestone(timeline.StepReview)
	assert.Equal(t, brandCal.Due(confirm, sla.Hours(24)), review.Due, "24h rush review from the confirmation")
	assert.Contains(t, review.Reason(), "rush")

	p := workedPlan()
	p.Policy.Rush = nil
	_, err = timeline.MustCompile(p).State(evs, confirm)
	assert.Equal(t, []string{"events[4] impossible", "events[5] impossible"}, codes(t, err))
}

func TestRenegotiatedPost(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	at := time.Date(2027, 3, 1, 12, 0, 0, 0, la)
	evs := append(upToDraft()[:3], timeline.Event{Seq: 9, At: at, Kind: timeline.PostRenegotiated, By: timeline.Both,
		PostDate: date.New(2027, 3, 22), PostTime: clock.New(9, 30, 0, 0)})
	st, err := tl.State(evs, at.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, "2027-03-22T09:30:00-07:00", st.Post.Current.Format(time.RFC3339))
	require.Len(t, st.Post.Shifts, 1)
	assert.Contains(t, st.Post.Shifts[0].Reason(), "renegotiated by both sides")
}

func TestImpossibleEventsAreLeftOut(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	good := upToDraft()
	at := time.Date(2027, 3, 9, 12, 0, 0, 0, ny)
	bad := []timeline.Event{
		{Seq: 20, At: time.Date(2027, 2, 15, 12, 0, 0, 0, ny), Kind: timeline.Approved},                         // before any submission
		{Seq: 21, At: time.Date(2027, 3, 8, 14, 0, 0, 0, ny), Kind: timeline.Posted},                            // before final approval
		{Seq: 22, At: time.Date(2027, 3, 8, 15, 0, 0, 0, ny), Kind: timeline.Paid},                              // fine on its own...
		{Seq: 23, At: time.Date(2027, 3, 8, 16, 0, 0, 0, ny), Kind: timeline.Paid},                              // ...but a second payment is not
		{Seq: 24, At: time.Date(2027, 3, 8, 16, 30, 0, 0, ny), Kind: timeline.FollowUpSent, To: timeline.Brand}, // nothing overdue
		{Seq: 25, At: time.Date(2027, 3, 8, 17, 0, 0, 0, ny), Kind: "shipped_maybe"},
		{Seq: 4, At: time.Date(2027, 3, 8, 17, 30, 0, 0, ny), Kind: timeline.Paid}, // a duplicate sequence number
	}
	clean, err := tl.State(append(append([]timeline.Event{}, good...), bad[2]), at)
	require.NoError(t, err)
	st, err := tl.State(append(append([]timeline.Event{}, good...), bad...), at)
	assert.Equal(t, []string{"events[4] impossible", "events[5] impossible", "events[7] impossible",
		"events[8] impossible", "events[9].kind malformed", "events[10].seq duplicate_event"}, codes(t, err))
	assert.ErrorIs(t, err, timeline.ErrInvalid)
	assert.Equal(t, jsonOf(t, clean), jsonOf(t, st), "bad events do not change the state computed from the good ones")
	assert.Contains(t, err.Error(), "approved at Mon 15 Feb 2027 12:00 EST: no draft is waiting for review")
}

func TestInfeasiblePlan(t *testing.T) {
	p := workedPlan()
	p.Kickoff = time.Date(2027, 3, 4, 10, 0, 0, 0, la)
	_, err := timeline.Compile(p)
	assert.Equal(t, []string{"post_date infeasible"}, codes(t, err))
	assert.Contains(t, err.Error(), "final approval is due")
	assert.Contains(t, err.Error(), "2 business days of production")

	_, err = timeline.Compile(timeline.Plan{Policy: sla.Policy{}})
	got := codes(t, err)
	assert.Contains(t, got, "policy.brand_response required")
	assert.Contains(t, got, "brand.calendar required")
	assert.Contains(t, got, "creator.manager.name required")
	assert.Contains(t, got, "kickoff required")
	assert.Contains(t, got, "post_date required")

	p = workedPlan()
	p.Policy.PostingDays = "tue-fri"
	_, err = timeline.Compile(p)
	assert.Equal(t, []string{"post_date out_of_range"}, codes(t, err))
}

func TestStatesAndReasons(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	sub := time.Date(2027, 3, 8, 10, 0, 0, 0, la)
	due := time.Date(2027, 3, 10, 13, 0, 0, 0, ny)
	// 75% of 48 hours of non-quiet time: 36 hours after the draft.
	risk := brandCal.Due(sub, sla.Hours(36))
	for _, tc := range []struct {
		now  time.Time
		want timeline.Status
	}{
		{sub.Add(time.Hour), timeline.OnTrack},
		{risk.Add(-time.Nanosecond), timeline.OnTrack},
		{risk, timeline.AtRisk},
		{due.Add(-time.Nanosecond), timeline.AtRisk},
		{due, timeline.Breached},
	} {
		st, err := tl.State(upToDraft(), tc.now)
		require.NoError(t, err)
		review, _ := st.Milestone(timeline.StepReview)
		assert.Equal(t, tc.want, review.Status, "at %v", tc.now)
		assert.True(t, review.AtRisk.Equal(risk), "at-risk instant %v, want %v", review.AtRisk, risk)
		assert.Equal(t, "48 hours after the draft came Mon 8 Mar 2027 13:00 EST", review.Reason())
	}
	st, _ := tl.State(upToDraft(), sub.Add(time.Hour))
	post, _ := st.Milestone(timeline.StepPost)
	assert.Equal(t, timeline.Pending, post.Status)
	concept, _ := st.Milestone(timeline.StepConcept)
	assert.Equal(t, timeline.MetLate == concept.Status || timeline.Met == concept.Status, true)
	assert.True(t, st.Next.Equal(risk), "next change %v, want the at-risk instant %v", st.Next, risk)
}

func TestAfterThePost(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	approve := time.Date(2027, 3, 9, 12, 0, 0, 0, ny)
	posted := time.Date(2027, 3, 15, 12, 0, 0, 0, la)
	evs := append(upToDraft(),
		timeline.Event{Seq: 5, At: approve, Kind: timeline.Approved},
		timeline.Event{Seq: 6, At: posted, Kind: timeline.Posted, URL: "https://tiktok.example/v/1"})
	st, err := tl.State(evs, posted.Add(time.Minute))
	require.NoError(t, err)
	check, _ := st.Milestone(timeline.StepLiveCheck)
	assert.Equal(t, brandCal.Due(posted, sla.Hours(2)), check.Due)
	assert.Equal(t, []timeline.Party{timeline.Brand, timeline.Creator}, st.WaitingOn)
	var reports []timeline.Milestone
	for _, m := range st.Milestones {
		if m.Step == timeline.StepReport {
			reports = append(reports, m)
		}
	}
	require.Len(t, reports, 2)
	assert.Equal(t, "2027-03-22T12:00:00-07:00", reports[0].Due.Format(time.RFC3339))
	assert.Equal(t, "2027-04-14T12:00:00-07:00", reports[1].Due.Format(time.RFC3339))
	pay, ok := st.Milestone(timeline.StepPayment)
	require.True(t, ok)
	assert.Equal(t, timeline.Pending, pay.Status, "the payment waits for the invoice")

	// The live check at risk: a reminder to the brand's owner.
	st, _ = tl.State(evs, posted.Add(100*time.Minute))
	require.Len(t, st.Actions, 1)
	assert.Equal(t, timeline.Remind, st.Actions[0].Kind)
	assert.Equal(t, timeline.StepLiveCheck, st.Actions[0].Step)

	inv := time.Date(2027, 3, 16, 9, 0, 0, 0, la)
	evs = append(evs,
		timeline.Event{Seq: 7, At: posted.Add(30 * time.Minute), Kind: timeline.LiveChecked},
		timeline.Event{Seq: 8, At: inv, Kind: timeline.InvoiceReceived},
		timeline.Event{Seq: 9, At: time.Date(2027, 3, 22, 9, 0, 0, 0, la), Kind: timeline.ReportReceived, Report: sla.Days(7)},
		timeline.Event{Seq: 10, At: time.Date(2027, 4, 13, 9, 0, 0, 0, la), Kind: timeline.ReportReceived, Report: sla.Days(30)},
	)
	st, err = tl.State(evs, time.Date(2027, 4, 13, 10, 0, 0, 0, la))
	require.NoError(t, err)
	pay, ok = st.Milestone(timeline.StepPayment)
	require.True(t, ok)
	assert.Equal(t, brandCal.Due(inv, sla.Days(15)), pay.Due, "Net 15 after the later of invoice and live link")
	assert.Equal(t, timeline.Breached, pay.Status)
	assert.False(t, st.Done)

	evs = append(evs, timeline.Event{Seq: 11, At: time.Date(2027, 4, 14, 10, 0, 0, 0, ny), Kind: timeline.Paid})
	st, err = tl.State(evs, time.Date(2027, 4, 15, 0, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.True(t, st.Done)
	assert.Empty(t, st.WaitingOn)
	assert.True(t, st.Next.IsZero())
}

func jsonOf(t *testing.T, st timeline.State) string {
	t.Helper()
	b, err := json.Marshal(st)
	require.NoError(t, err)
	return strings.Replace(string(b), `"now":"`+st.Now.Format(time.RFC3339Nano)+`"`, "", 1)
}

// TestSameAnswerInAnyProcessZone: the engine never reads time.Local; the state
// is the same whatever the machine's zone.
func TestSameAnswerInAnyProcessZone(t *testing.T) {
	tl := timeline.MustCompile(workedPlan())
	evs := append(upToDraft(), timeline.Event{Seq: 5, At: time.Date(2027, 3, 12, 13, 0, 0, 0, ny), Kind: timeline.Approved})
	now := time.Date(2027, 3, 12, 14, 0, 0, 0, ny)
	want, err := tl.State(evs, now)
	require.NoError(t, err)
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, zone := range []string{"Pacific/Apia", "Australia/Lord_Howe", "America/Santiago", "UTC"} {
		loc, err := time.LoadLocation(zone)
		require.NoError(t, err)
		time.Local = loc
		got, err := tl.State(evs, now)
		require.NoError(t, err)
		assert.Equal(t, jsonOf(t, want), jsonOf(t, got), "process zone %s", zone)
	}
}
