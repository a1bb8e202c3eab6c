package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

func TestBoard(t *testing.T) {
	now := time.Date(2027, 3, 11, 9, 30, 0, 0, ny)
	late := workedPlan() // silent brand: final approval breached
	late.ID = "late"
	fine := workedPlan() // approved on time, not posted yet
	fine.ID = "fine"
	creatorLate := workedPlan() // the draft is late
	creatorLate.ID = "creator-late"
	done := workedPlan()
	done.ID = "done"
	bad := workedPlan()
	bad.ID = "bad"
	bad.Brand.Calendar = nil

	doneEvents := upToDraft()
	for i, k := range []timeline.Kind{timeline.Approved, timeline.Posted, timeline.LiveChecked, timeline.InvoiceReceived, timeline.Paid} {
		doneEvents = append(doneEvents, timeline.Event{Seq: int64(10 + i), At: time.Date(2027, 3, 8, 11, i, 0, 0, la), Kind: k})
	}
	// The done plan reports too.
	for i, w := range done.Policy.Reports {
		doneEvents = append(doneEvents, timeline.Event{Seq: int64(20 + i), At: time.Date(2027, 3, 8, 12, i, 0, 0, la), Kind: timeline.ReportReceived, Report: w})
	}
	items := []timeline.Item{
		{Plan: late, Events: upToDraft()},
		{Plan: fine, Events: append(upToDraft(), timeline.Event{Seq: 5, At: time.Date(2027, 3, 9, 10, 0, 0, 0, ny), Kind: timeline.Approved})},
		{Plan: creatorLate, Events: upToDraft()[:3]},
		{Plan: done, Events: doneEvents},
		{Plan: bad},
	}
	b := timeline.NewBoard(items, now)
	ids := func(cs []timeline.Card) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Plan)
		}
		return out
	}
	assert.Equal(t, []string{"late"}, ids(b.WaitingOnBrand))
	assert.Equal(t, []string{"fine", "creator-late"}, ids(b.WaitingOnCreator))
	assert.Equal(t, []string{"late", "creator-late"}, ids(b.Breached))
	assert.Equal(t, []string{"done"}, ids(b.Done))
	assert.Equal(t, []string{"bad"}, ids(b.Problems))
	assert.Contains(t, b.Problems[0].Problem, "brand.calendar")

	lateCard := b.WaitingOnBrand[0]
	worst, ok := lateCard.Worst("")
	require.True(t, ok)
	assert.Equal(t, timeline.StepReview, worst.Step)
	assert.Equal(t, timeline.Breached, worst.Status)
	_, ok = lateCard.Worst(timeline.Creator)
	assert.False(t, ok, "nothing open on the creator's side")
	assert.Equal(t, 1, lateCard.Actions)

	// Ops: every brand review answered;
	// no feedback rounds; one post, on time.
	assert.Equal(t, int64(6), b.Ops.ApprovalTimes.N, "four concept reviews and the final approvals of fine and done")
	assert.True(t, decimal.Zero.Equal(b.Ops.RevisionsPerDeliverable))
	assert.Equal(t, int64(1), b.Ops.OnTime.OnTime)
	assert.Equal(t, int64(0), b.Ops.OnTime.Late, "creator-late's post is not due yet")
	assert.True(t, decimal.NewFromInt(1).Equal(b.Ops.OnTimeRate))

	// The same board whatever the number of workers.
	prev := runtime.GOMAXPROCS(1)
	b1 := timeline.NewBoard(items, now)
	runtime.GOMAXPROCS(prev)
	assert.Equal(t, b, b1)
}

// boardFixture is the benchmark's world: 500 brands, 10,000 creators, each with
// a calendar spec of its own, and 100,000 deliverables with their events.
type boardFixture struct {
	brandSpecs, creatorSpecs []sla.CalendarSpec
	plans                    []timeline.Plan // calendars left nil: built in the measured time
	brandOf, creatorOf       []int
	events                   [][]timeline.Event
	now                      time.Time
}

func newBoardFixture(deliverables, creators, brands int) boardFixture {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []string{"America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "Asia/Tokyo"}
	spec := func(i int) sla.CalendarSpec {
		s := sla.CalendarSpec{TimeZone: zones[i%len(zones)], Quiet: []string{"sat-sun"}}
		start := 7 + i%4
		s.Hours = []string{fmt.Sprintf("mon-fri %02d:00-%02d:00", start, start+8)}
		s.Holidays = []string{"2027-01-01", "2027-05-31", "2027-12-24 09:00-12:00", "2027-12-25"}
		return s
	}
	f := boardFixture{now: time.Date(2027, 4, 14, 12, 0, 0, 0, time.UTC)}
	for i := range brands {
		f.brandSpecs = append(f.brandSpecs, spec(i))
	}
	for i := range creators {
		f.creatorSpecs = append(f.creatorSpecs, spec(i*7+3))
	}
	kinds := []timeline.Kind{timeline.ConceptSubmitted, timeline.ConceptApproved, timeline.ComplianceChecked,
		timeline.DraftSubmitted, timeline.DraftFeedback, timeline.DraftSubmitted, timeline.Approved,
		timeline.Posted, timeline.LiveChecked, timeline.InvoiceReceived}
	for i := range deliverables {
		kick := time.Date(2027, 2, 1, 15, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(60*24)) * time.Hour)
		p := workedPlan()
		p.ID = fmt.Sprintf("d%06d", i)
		p.Kickoff = kick
		p.PostDate = date.NewAt(kick).Add(date.PeriodOfDays(45))
		p.PostTime = clock.New(12, 0, 0, 0)
		f.plans = append(f.plans, p)
		f.brandOf = append(f.brandOf, rng.IntN(brands))
		f.creatorOf = append(f.creatorOf, rng.IntN(creators))
		n := rng.IntN(len(kinds) + 1)
		var evs []timeline.Event
		at := kick
		for j := range n {
			at = at.Add(time.Duration(12+rng.IntN(60)) * time.Hour)
			evs = append(evs, timeline.Event{Seq: int64(j + 1), At: at, Kind: kinds[j]})
		}
		f.events = append(f.events, evs)
	}
	return f
}

// build makes every party's calendar from its spec, on every CPU, and the
// board's items.
func (f *boardFixture) build() ([]timeline.Item, error) {
	brands := make([]*sla.Calendar, len(f.brandSpecs))
	creators := make([]*sla.Calendar, len(f.creatorSpecs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	var zones sla.Zones // as a platform would: each zone loaded once, in the measured time
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(brands)+len(creators); i += workers {
				var c *sla.Calendar
				var err error
				if i < len(brands) {
					c, err = zones.NewCalendar(f.brandSpecs[i])
					brands[i] = c
				} else {
					c, err = zones.NewCalendar(f.creatorSpecs[i-len(brands)])
					creators[i-len(brands)] = c
				}
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	items := make([]timeline.Item, len(f.plans))
	for i, p := range f.plans {
		p.Brand.Calendar = brands[f.brandOf[i]]
		p.Creator.Calendar = creators[f.creatorOf[i]]
		items[i] = timeline.Item{Plan: p, Events: f.events[i]}
	}
	return items, nil
}

func TestBoardFixtureIsSound(t *testing.T) {
	f := newBoardFixture(2000, 200, 20)
	items, err := f.build()
	require.NoError(t, err)
	b := timeline.NewBoard(items, f.now)
	assert.Empty(t, b.Problems)
	assert.NotEmpty(t, b.WaitingOnBrand)
	assert.NotEmpty(t, b.WaitingOnCreator)
	assert.NotEmpty(t, b.Breached)
}

// BenchmarkBoard100k is the weekly ops check of a platform: 100,000 deliverables
// of 10,000 creators and 500 brands, every party's calendar built from its own
// spec inside the measured time, on every CPU.
func BenchmarkBoard100k(b *testing.B) {
	f := newBoardFixture(100_000, 10_000, 500)
	b.ReportAllocs()
	for b.Loop() {
		items, err := f.build()
		if err != nil {
			b.Fatal(err)
		}
		board := timeline.NewBoard(items, f.now)
		if len(board.Problems) > 0 {
			b.Fatal(board.Problems[0].Problem)
		}
	}
}

// TestBoardCardsAgreeWithState checks every card of a board of 2,000
// deliverables against the full State of its deliverable: the board computes
// lean (no action reasons, no approve-by), and that must change nothing a card
// shows.
func TestBoardCardsAgreeWithState(t *testing.T) {
	f := newBoardFixture(2000, 200, 20)
	items, err := f.build()
	require.NoError(t, err)
	b := timeline.NewBoard(items, f.now)
	cards := map[string]timeline.Card{}
	for _, g := range [][]timeline.Card{b.WaitingOnBrand, b.WaitingOnCreator, b.AtRisk, b.Breached, b.Done} {
		for _, c := range g {
			cards[c.Plan] = c
		}
	}
	seen := 0
	for _, it := range items {
		tl, err := timeline.Compile(it.Plan)
		if err != nil {
			continue // the board takes plans Compile would call infeasible; see NewBoard
		}
		st, err := tl.State(it.Events, f.now)
		require.NoError(t, err)
		c, ok := cards[it.Plan.ID]
		if !ok {
			assert.Empty(t, st.WaitingOn, "%s: on no board group but waiting", it.Plan.ID)
			continue
		}
		seen++
		assert.Equal(t, st.WaitingOn, c.WaitingOn, it.Plan.ID)
		assert.True(t, st.Post.Current.Equal(c.Post), it.Plan.ID)
		assert.Equal(t, len(st.Post.Shifts) > 0, c.Shifted, it.Plan.ID)
		assert.Equal(t, len(st.Actions), c.Actions, it.Plan.ID)
		assert.True(t, st.Next.Equal(c.Next), "%s: next %v, card %v", it.Plan.ID, st.Next, c.Next)
		assert.Equal(t, st.Done, c.Done, it.Plan.ID)
		open := 0
		for _, m := range st.Milestones {
			if m.Status == timeline.Breached || m.Status == timeline.AtRisk || m.Status == timeline.OnTrack {
				open++
			}
		}
		assert.Len(t, c.Open, open, it.Plan.ID)
	}
	assert.Greater(t, seen, 1500, "most cards compared")
}
