package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/stretchr/testify/require"

	_ "time/tzdata"

	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

var propCals = []sla.CalendarSpec{
	{TimeZone: "America/New_York", Quiet: []string{"sat-sun"}},
	{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 10:00-18:00"}, Quiet: []string{"sat-sun"}},
	{TimeZone: "Europe/London", Hours: []string{"mon-thu 08:00-16:00"}, Holidays: []string{"2027-04-02", "2027-12-24 09:00-12:00"}},
	{TimeZone: "Australia/Lord_Howe", Hours: []string{"daily 20:00-02:00"}, Quiet: []string{"daily 09:00-14:00"}},
	{TimeZone: "America/Santiago", Hours: []string{"mon-fri 09:00-13:00, 14:00-18:00"}, Quiet: []string{"sun"}},
	{TimeZone: "Pacific/Apia", Hours: []string{"mon-sat 09:00-15:00"}, Scheduled: []string{"2027-03-07 10:00-12:00"}},
}

// world is a random plan and a simulated history of events.
type world struct {
	tl     *timeline.Timeline
	events []timeline.Event
	end    time.Time
}

func randomWorld(rng *rand.Rand) (world, bool) {
	cals := make([]*sla.Calendar, len(propCals))
	for i, s := range propCals {
		cals[i] = sla.MustNewCalendar(s)
	}
	p := timeline.Plan{
		ID:      "p",
		Policy:  sla.DefaultPolicy(),
		Brand:   timeline.Side{Calendar: cals[rng.IntN(len(cals))], Owner: timeline.Contact{Name: "B"}, Manager: timeline.Contact{Name: "BM"}},
		Creator: timeline.Side{Calendar: cals[rng.IntN(len(cals))], Owner: timeline.Contact{Name: "C"}, Manager: timeline.Contact{Name: "CM"}},
		Kickoff: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(400 * 24 * time.Hour)))).Truncate(time.Minute),
	}
	p.Policy.FollowUps = rng.Int64N(3)
	if rng.IntN(3) == 0 {
		p.Policy.PostingDays = "tue-thu"
	}
	if rng.IntN(3) == 0 {
		p.Product = &timeline.Product{ShipBy: date.NewAt(p.Kickoff).Add(date.PeriodOfDays(1 + rng.IntN(5)))}
	}
	post := date.NewAt(p.Kickoff).Add(date.PeriodOfDays(25 + rng.IntN(40)))
	for !p.Policy.IsPostingDay(int(post.Weekday())) {
		post = post.Add(1)
	}
	p.PostDate = post
	p.PostTime = clock.New(rng.IntN(24), 15*rng.IntN(4), 0, 0)
	tl, err := timeline.Compile(p)
	if err != nil {
		return world{}, false
	}
	w := world{tl: tl}
	at := p.Kickoff
	seq := int64(0)
	add := func(k timeline.Kind, e timeline.Event) {
		seq++
		e.Seq, e.At, e.Kind = seq, at, k
		w.events = append(w.events, e)
	}
	wait := func(maxHours int) {
		at = at.Add(time.Duration(rng.IntN(maxHours*60)) * time.Minute)
		// Sometimes the platform chases: the actions due become events.
		st, _ := tl.State(w.events, at)
		for _, a := range st.Actions {
			if a.Kind == timeline.Remind || rng.IntN(2) == 0 {
				continue
			}
			k := timeline.FollowUpSent
			if a.Kind == timeline.Escalate {
				k = timeline.Escalated
			}
			add(k, timeline.Event{To: a.Party})
		}
	}
	if rng.IntN(6) == 0 {
		wait(100)
		add(timeline.RushRequested, timeline.Event{By: timeline.Brand})
		wait(20)
		add(timeline.RushConfirmed, timeline.Event{By: timeline.Creator})
	}
	if p.Product != nil {
		wait(150)
		add(timeline.ProductShipped, timeline.Event{})
		wait(100)
		add(timeline.ProductReceived, timeline.Event{})
	}
	wait(80)
	add(timeline.ConceptSubmitted, timeline.Event{})
	for rng.IntN(3) == 0 {
		wait(80)
		add(timeline.ConceptFeedback, timeline.Event{MustFix: 1})
		wait(80)
		add(timeline.ConceptSubmitted, timeline.Event{})
	}
	wait(80)
	add(timeline.ConceptApproved, timeline.Event{})
	wait(60)
	add(timeline.ComplianceChecked, timeline.Event{})
	wait(200)
	add(timeline.DraftSubmitted, timeline.Event{})
	for rng.IntN(3) == 0 {
		wait(80)
		add(timeline.DraftFeedback, timeline.Event{NiceToHave: 2})
		wait(80)
		add(timeline.DraftSubmitted, timeline.Event{})
	}
	wait(120)
	add(timeline.Approved, timeline.Event{})
	wait(300)
	add(timeline.Posted, timeline.Event{URL: "https://x.example/1"})
	wait(5)
	add(timeline.LiveChecked, timeline.Event{})
	wait(100)
	add(timeline.InvoiceReceived, timeline.Event{})
	wait(24 * 8)
	add(timeline.ReportReceived, timeline.Event{Report: sla.Days(7)})
	wait(24 * 20)
	add(timeline.Paid, timeline.Event{})
	w.end = at.Add(24 * time.Hour)
	return w, true
}

// TestProperties checks, over random plans and simulated histories, that the
// state is constant on [now, next) and changes at next; that a late brand step
// never moves the post earlier nor leaves the creator less working time than
// promised; that an on-time approval and a late creator never move it; that
// every shift names its late step; and that the order of arrival does not
// matter.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2027, 3))
	n := 0
	for n < 200 {
		w, ok := randomWorld(rng)
		if !ok {
			continue
		}
		n++
		start := w.tl.Plan().Kickoff
		for range 8 {
			now := start.Add(time.Duration(rng.Int64N(int64(w.end.Sub(start)))))
			checkWorld(t, rng, w, now)
		}
	}
}

func checkWorld(t *testing.T, rng *rand.Rand, w world, now time.Time) {
	t.Helper()
	st, err := w.tl.State(w.events, now)
	require.NoError(t, err, "simulated events must all be possible")
	ctx := fmt.Sprintf("plan %+v\nnow %v", w.tl.Plan(), now)

	// Constant on [now, next), changed at next.
	if !st.Next.IsZero() {
		require.True(t, st.Next.After(now), ctx)
		mid := now.Add(time.Duration(rng.Int64N(int64(st.Next.Sub(now)))))
		stMid, _ := w.tl.State(w.events, mid)
		require.Equal(t, jsonOf(t, st), jsonOf(t, stMid), "%s\nstate changed at %v before next %v", ctx, mid, st.Next)
		stNext, _ := w.tl.State(w.events, st.Next)
		require.NotEqual(t, jsonOf(t, st), jsonOf(t, stNext), "%s\nnothing changed at next %v", ctx, st.Next)
	} else {
		later, _ := w.tl.State(w.events, now.Add(5000*24*time.Hour))
		require.Equal(t, jsonOf(t, st), jsonOf(t, later), "%s\nno next, but the state changes later", ctx)
	}

	// Shifts: brand steps only, never earlier, the creator keeps its time.
	cr := w.tl.Plan().Creator.Calendar
	for _, sh := range st.Post.Shifts {
		require.Contains(t, []timeline.Step{timeline.StepReview, timeline.StepShip}, sh.Step, ctx)
		require.True(t, sh.To.After(sh.From), "%s\nshift %+v", ctx, sh)
		require.NotEmpty(t, sh.Reason())
	}
	if review, ok := st.Milestone(timeline.StepReview); ok && !review.Met.IsZero() {
		if review.Status == timeline.Met {
			for _, sh := range st.Post.Shifts {
				require.NotEqual(t, timeline.StepReview, sh.Step, "%s\non-time approval moved the post", ctx)
			}
		}
		require.GreaterOrEqual(t, cr.WorkingTime(review.Met, st.Post.Current), min(st.Post.Promised, cr.WorkingTime(review.Met, st.Post.Current)+1),
			"%s\nthe creator has less than the promised %v", ctx, st.Post.Promised)
		if st.Post.Promised > 0 {
			require.GreaterOrEqual(t, cr.WorkingTime(review.Met, st.Post.Current), st.Post.Promised, "%s\ncreator squeezed", ctx)
		}
	}

	// The order of arrival does not matter.
	shuffled := append([]timeline.Event(nil), w.events...)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for i := range shuffled {
		shuffled[i].At = shuffled[i].At.In(time.FixedZone("X", rng.IntN(24*4)*900-12*3600))
	}
	st2, err := w.tl.State(shuffled, now)
	require.NoError(t, err)
	require.Equal(t, jsonOf(t, st), jsonOf(t, st2), "%s\norder of arrival changed the state", ctx)
}
