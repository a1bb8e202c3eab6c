package timeline

import (
	"github.com/creatorops/creatorops/sla"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/metrics"
)

// Item is one deliverable on a board: its plan and its events.
type Item struct {
	Plan   Plan    `json:"plan"`
	Events []Event `json:"events"`
}

// Card is one deliverable on a board: where it stands, in a line.
type Card struct {
	Plan      string  `json:"plan"`
	Brand     string  `json:"brand"`   // the brand's owner
	Creator   string  `json:"creator"` // the creator's owner
	WaitingOn []Party `json:"waiting_on,omitempty"`
	// Open are the open steps, furthest behind first: breached before at risk
	// before on track, then the earliest due.
	Open []OpenStep `json:"open,omitempty"`
	// Post is the current post instant; Shifted reports whether it moved.
	Post    time.Time `json:"post"`
	Shifted bool      `json:"shifted,omitempty"`
	Actions int       `json:"actions,omitempty"` // actions due now
	Next    time.Time `json:"next,omitzero"`
	Done    bool      `json:"done,omitempty"`
	// Problem is why the deliverable could not be computed (its plan does not
	// compile) or which of its events were left out; empty when all is well.
	Problem string `json:"problem,omitempty"`
}

// OpenStep is an open step of a card.
type OpenStep struct {
	Step   Step      `json:"step"`
	Round  int       `json:"round,omitempty"`
	Owner  Party     `json:"owner"`
	Due    time.Time `json:"due"`
	Status Status    `json:"status"`
}

// Worst returns the open step furthest behind, of party p when p is not empty,
// and whether there is one.
func (c Card) Worst(p Party) (OpenStep, bool) {
	for _, o := range c.Open {
		if p == "" || o.Owner == p {
			return o, true
		}
	}
	return OpenStep{}, false
}

// Ops is the operational metrics of a board, computed by package metrics from
// the same events: how long the brand takes to answer a submission (every
// concept and draft review that was met), feedback rounds per deliverable, and
// the on-time posting rate (a post is on time at or before its current post
// instant, which a late brand approval moves and a late creator does not).
type Ops struct {
	ApprovalTimes           metrics.DurationStats `json:"approval_times"`
	RevisionsPerDeliverable decimal.Decimal       `json:"revisions_per_deliverable"`
	OnTime                  metrics.OnTime        `json:"on_time"`
	// OnTimeRate is OnTime.Rate, or zero with OnTimeUndefined set when no post
	// has an outcome yet.
	OnTimeRate      decimal.Decimal `json:"on_time_rate"`
	OnTimeUndefined bool            `json:"on_time_undefined,omitempty"`
}

// Board is the weekly creator-ops check over many deliverables at one instant:
// who is waiting on the brand, who on the creator, what is at risk, what is
// breached and what is done, with the operational metrics. A card may stand in
// more than one group (waiting on the brand and breached). Cards keep the order
// of the items.
type Board struct {
	Now              time.Time `json:"now"`
	WaitingOnBrand   []Card    `json:"waiting_on_brand"`
	WaitingOnCreator []Card    `json:"waiting_on_creator"`
	AtRisk           []Card    `json:"at_risk"`
	Breached         []Card    `json:"breached"`
	Done             []Card    `json:"done"`
	// Problems are the cards of deliverables with a plan that does not compile
	// or events that were left out.
	Problems []Card `json:"problems,omitempty"`
	Ops      Ops    `json:"ops"`
}

// result is one item's outcome, for the merge.
type result struct {
	card     Card
	waiting  [2]bool
	atRisk   bool
	breached bool
	ok       bool
	rounds   int64
	reviews  []time.Duration
	posting  metrics.Posting
}

// NewBoard compiles each item's plan, computes its state at now, and groups the
// deliverables, using every CPU (GOMAXPROCS workers). The board is the same
// whatever the number of workers. A plan that does not compile, or events left
// out as impossible, put the card among the Problems with the reason; the other
// cards are unaffected. The board does not check again that a plan's windows fit
// before its post date ([Compile] does when the plan is made): a deliverable in
// flight stays on the board whatever happened to its schedule.
func NewBoard(items []Item, now time.Time) Board {
	res := make([]result, len(items))
	order := byCreator(items)
	workers := min(runtime.GOMAXPROCS(0), max(len(items)/64, 1))
	var wg sync.WaitGroup
	chunk := (len(items) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(items))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Scratch reused for every item of this worker: the timeline is
			// compiled in place, the run and the state keep their buffers.
			var tl Timeline
			var r run
			var st State
			for _, i := range order[lo:hi] {
				res[i] = evaluate(&items[i], now, &tl, &r, &st)
			}
		}()
	}
	wg.Wait()
	return merge(res, now)
}

// byCreator returns the items' indexes grouped by the creator's calendar, in
// their order within a group: a worker then computes one calendar's deliverables
// one after another while its index is in the CPU's cache. (Results are stored
// by index, so the board keeps the items' order.)
func byCreator(items []Item) []int32 {
	ids := make(map[*sla.Calendar]int32)
	group := make([]int32, len(items))
	for i := range items {
		c := items[i].Plan.Creator.Calendar
		id, ok := ids[c]
		if !ok {
			id = int32(len(ids))
			ids[c] = id
		}
		group[i] = id
	}
	start := make([]int32, len(ids)+1)
	for _, g := range group {
		start[g+1]++
	}
	for g := 1; g < len(start); g++ {
		start[g] += start[g-1]
	}
	order := make([]int32, len(items))
	for i, g := range group {
		order[start[g]] = int32(i)
		start[g]++
	}
	return order
}

// evaluate computes one item with the worker's scratch timeline, run and state;
// the result keeps nothing of them.
func evaluate(it *Item, now time.Time, tl *Timeline, sr *run, st *State) result {
	r := result{card: Card{Plan: it.Plan.ID, Brand: it.Plan.Brand.Owner.Name, Creator: it.Plan.Creator.Owner.Name}}
	if err := tl.compile(&it.Plan, false); err != nil {
		r.card.Problem = err.Error()
		return r
	}
	tl.eval(sr, it.Events, now)
	sr.lean = true
	sr.finish(st)
	if err := sr.errs.Err("events"); err != nil {
		r.card.Problem = err.Error()
	}
	r.ok = true
	c := &r.card
	c.WaitingOn = append([]Party(nil), st.WaitingOn...)
	c.Post, c.Shifted, c.Actions, c.Next, c.Done = st.Post.Current, len(st.Post.Shifts) > 0, len(st.Actions), st.Next, st.Done
	var nOpen, nReviews int
	for _, m := range st.Milestones {
		switch m.Status {
		case Breached, AtRisk, OnTrack:
			nOpen++
		case Met, MetLate:
			nReviews += b2i(m.Step == StepReview || m.Step == StepConceptReview)
		}
	}
	if nOpen > 0 {
		c.Open = make([]OpenStep, 0, nOpen)
	}
	if nReviews > 0 {
		r.reviews = make([]time.Duration, 0, nReviews)
	}
	for _, m := range st.Milestones {
		switch m.Status {
		case Breached, AtRisk, OnTrack:
			c.Open = append(c.Open, OpenStep{Step: m.Step, Round: m.Round, Owner: m.Owner, Due: m.Due, Status: m.Status})
			r.breached = r.breached || m.Status == Breached
			r.atRisk = r.atRisk || m.Status == AtRisk
			if m.Owner == Brand {
				r.waiting[0] = true
			} else {
				r.waiting[1] = true
			}
		case Met, MetLate:
			if m.Step == StepReview || m.Step == StepConceptReview {
				r.reviews = append(r.reviews, m.Met.Sub(m.Opened))
			}
		}
		if m.Step == StepPost {
			r.posting = metrics.Posting{ID: st.Plan, Due: st.Post.Current, Posted: m.Met}
		}
	}
	slices.SortStableFunc(c.Open, func(a, b OpenStep) int {
		if d := rank(a.Status) - rank(b.Status); d != 0 {
			return d
		}
		return a.Due.Compare(b.Due)
	})
	r.rounds = st.FeedbackRounds
	return r
}

func rank(s Status) int {
	switch s {
	case Breached:
		return 0
	case AtRisk:
		return 1
	}
	return 2
}

func merge(res []result, now time.Time) Board {
	b := Board{Now: now}
	var sizes [5]int
	nReviews, nOK := 0, 0
	for i := range res {
		r := &res[i]
		nReviews += len(r.reviews)
		nOK += b2i(r.ok)
		sizes[0] += b2i(r.waiting[0])
		sizes[1] += b2i(r.waiting[1])
		sizes[2] += b2i(r.atRisk)
		sizes[3] += b2i(r.breached)
		sizes[4] += b2i(r.card.Done)
	}
	b.WaitingOnBrand = make([]Card, 0, sizes[0])
	b.WaitingOnCreator = make([]Card, 0, sizes[1])
	b.AtRisk = make([]Card, 0, sizes[2])
	b.Breached = make([]Card, 0, sizes[3])
	b.Done = make([]Card, 0, sizes[4])
	var rounds, n int64
	reviews := make([]time.Duration, 0, nReviews)
	postings := make([]metrics.Posting, 0, nOK)
	for i := range res {
		r := &res[i]
		if r.card.Problem != "" {
			b.Problems = append(b.Problems, r.card)
		}
		if !r.ok {
			continue
		}
		n++
		rounds += r.rounds
		reviews = append(reviews, r.reviews...)
		postings = append(postings, r.posting)
		if r.waiting[0] {
			b.WaitingOnBrand = append(b.WaitingOnBrand, r.card)
		}
		if r.waiting[1] {
			b.WaitingOnCreator = append(b.WaitingOnCreator, r.card)
		}
		if r.atRisk {
			b.AtRisk = append(b.AtRisk, r.card)
		}
		if r.breached {
			b.Breached = append(b.Breached, r.card)
		}
		if r.card.Done {
			b.Done = append(b.Done, r.card)
		}
	}
	if len(reviews) > 0 {
		b.Ops.ApprovalTimes, _ = metrics.ApprovalTimes(reviews)
	}
	if n > 0 {
		b.Ops.RevisionsPerDeliverable, _ = metrics.RevisionsPerDeliverable(rounds, n)
	}
	if ot, err := metrics.OnTimePosting(postings, now); err == nil {
		b.Ops.OnTime = ot
		if rate, err := ot.Rate(); err == nil {
			b.Ops.OnTimeRate = rate
		} else {
			b.Ops.OnTimeUndefined = true
		}
	}
	return b
}

// MaxItemsBytes bounds the JSON [DecodeItems] reads.
const MaxItemsBytes = 64 << 20

// DecodeItems reads a JSON array of board items ({"plan": ..., "events": [...]})
// strictly, each plan as [DecodePlan] reads one (over the default policy) and
// each event as [DecodeEvents] does, and reports every problem at once with its
// path ("[3].plan.creator.calendar.hours[0]").
func DecodeItems(data []byte) ([]Item, error) {
	var items []Item
	decoded, ok := strictjson.Decode(pkg, data, &items, MaxItemsBytes)
	var checked []*FieldError
	if ok {
		for i, it := range items {
			base := problem.Index("", i)
			if strictjson.Holds(base, decoded) {
				continue
			}
			if _, err := Compile(it.Plan); err != nil {
				for _, f := range problem.Problems(pkg, "", err) {
					checked = append(checked, f.Rebase(base+".plan"))
				}
			}
			for j, e := range it.Events {
				checked = append(checked, e.problems(base+problem.Index(".events", j))...)
			}
		}
	}
	if err := problem.NewValidationError(pkg, "items", strictjson.Merge(decoded, checked)); err != nil {
		return nil, err
	}
	return items, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
