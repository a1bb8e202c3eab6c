package timeline

import (
	"strconv"
	"sync"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/sla"
)

// step is a milestone being computed.
type step struct {
	Milestone
	window        sla.Window
	cal           *sla.Calendar // the owner's
	first         time.Time     // the due before any escalation restarted the window
	cycle         []time.Time   // follow-ups sent in the current cycle
	why           reason        // the reason for the current due
	dependsOnPost bool
}

func (s *step) open() bool { return !s.Opened.IsZero() && s.Met.IsZero() }

// phase is where the chain before the post stands.
type phase uint8

const (
	phShip phase = iota
	phTransit
	phConcept
	phConceptReview
	phCompliance
	phDraft
	phReview
	phApproved
	phPosted
)

// run is one evaluation of a timeline.
type run struct {
	t      *Timeline
	arena  []step  // the steps' storage, reused across evaluations
	order  []int   // the events in order, reused
	all    []*step // the steps with pending ones, reused
	p      *sla.Policy
	now    time.Time
	steps  []*step
	chain  *step // the open step of the chain before the post, if any
	phase  phase
	post   *step
	shipD  time.Time // when the product was due to ship
	finalD time.Time // when final approval was (first) due
	pwall  wall      // the post's wall-clock time, for shifted dates
	cur    time.Time // the current post instant
	shifts []Shift

	posted    time.Time
	invoiceAt time.Time
	paidAt    time.Time
	payment   *step
	invoice   *step
	reports   []*step
	liveCheck *step

	rushBy   [2]time.Time
	rushAt   time.Time
	rounds   int64 // extra rounds
	concepts int64 // concept feedback rounds
	edits    int64 // draft feedback rounds

	next time.Time
	errs problem.List
	// lean skips what only a full State shows (reasons and IDs of actions,
	// approve-by instants, the promised working time): a board's cards count
	// actions and never show those.
	lean bool
	memo struct { // of promised
		d, p time.Time
		w    time.Duration
		ok   bool
	}
}

type wall struct{ h, m, s int }

// State returns the deliverable's state at now from the events that happened at
// or before it (in any order; the engine orders them by At, ties by Seq). An
// event that cannot have happened (an approval before any submission, a post
// before final approval, a second payment, a follow-up with nothing overdue) is
// left out and reported in the error, a *[ValidationError] naming each such
// event by its index ("events[3]"); the state is computed from the others and
// is returned with the error.
func (t *Timeline) State(events []Event, now time.Time) (State, error) {
	r := runs.Get().(*run)
	t.eval(r, events, now)
	var st State
	r.finish(&st)
	err := r.errs.Err("events")
	r.release()
	runs.Put(r)
	return st, err
}

// runs recycles the scratch space of State's evaluations (the steps' arena, the
// event order): it holds no result and no state between calls, only memory.
var runs = sync.Pool{New: func() any { return new(run) }}

// release drops r's references into the caller's data and results, keeping only
// its buffers. Their stale contents (steps pointing at calendars) are
// overwritten by the next run and dropped with the pool within two garbage
// collections, so clearing them would cost time for nothing.
func (r *run) release() {
	*r = run{arena: r.arena[:0], steps: r.steps[:0], order: r.order[:0], all: r.all[:0], reports: r.reports[:0]}
}

// eval runs the events up to now into r, reusing r's buffers.
func (t *Timeline) eval(r *run, events []Event, now time.Time) {
	arena, steps, order, all, reports := r.arena[:0], r.steps[:0], r.order[:0], r.all[:0], r.reports[:0]
	*r = run{t: t, p: &t.plan.Policy, now: now, cur: t.post, errs: problem.List{Pkg: pkg},
		arena: arena, steps: steps, order: order, all: all, reports: reports}
	if r.arena == nil {
		r.arena = make([]step, 0, 24)
		r.steps = make([]*step, 0, 24)
	}
	pt := t.plan.PostTime
	r.pwall = wall{pt.Hours(), pt.Minutes(), pt.Seconds()}
	dups := seqIndex{}
	if len(events) > 32 {
		dups.first = make(map[int64]int, len(events))
		for i, e := range events {
			if _, ok := dups.first[e.Seq]; !ok {
				dups.first[e.Seq] = i
			}
		}
	}
	r.start()
	r.order = ordered(events, r.order)
	for _, i := range r.order {
		e := events[i]
		path := func() string { return problem.Index("events", i) }
		if j := dups.of(events, i); j >= 0 {
			r.errs.Add(path()+".seq", CodeDuplicateEvent, "sequence number "+strconv.FormatInt(e.Seq, 10)+" is also events["+strconv.Itoa(j)+"]'s")
			continue
		}
		if !e.valid() {
			r.errs.Problems = append(r.errs.Problems, e.problems(path())...)
			continue
		}
		if e.At.After(now) {
			r.candidate(e.At)
			continue
		}
		if msg := r.apply(e); msg != "" {
			r.errs.Add(path(), CodeImpossible, string(e.Kind)+" at "+stamp(e.At)+": "+msg)
		}
	}
}

// start opens the first steps.
func (r *run) start() {
	pl := &r.t.plan
	kick := pl.Kickoff
	r.post = r.add(StepPost, 0, Creator)
	r.post.Due, r.post.first = r.cur, r.cur
	r.post.why = reason{kind: whyAgreedPost}
	if pl.Product != nil {
		s := r.add(StepShip, 0, Brand)
		s.Opened, s.Due, s.first = kick.In(s.cal.Location()), r.t.shipDue(), r.t.shipDue()
		s.window = r.p.BrandResponse // what an escalation restarts
		s.why = reason{kind: whyShipBy, at: s.Due}
		s.dependsOnPost = true
		r.shipD = s.Due
		r.chain, r.phase = s, phShip
		r.reorder()
		return
	}
	r.phase = phConcept
	r.openChain(StepConcept, 1, Creator, kick, r.p.CreatorResponse, "after the kickoff")
}

// add appends a new milestone of step.
func (r *run) add(st Step, round int, owner Party) *step {
	r.arena = append(r.arena, step{Milestone: Milestone{Step: st, Round: round, Owner: owner}, cal: r.side(owner).Calendar})
	s := &r.arena[len(r.arena)-1] // stays valid: a grown arena leaves the old one to its pointers
	r.steps = append(r.steps, s)
	return s
}

// seqIndex finds events that repeat a sequence number: by a scan for a few
// events, by a map of first indexes for many.
type seqIndex struct{ first map[int64]int }

// of returns the index of the first event in input order with events[i]'s
// non-zero sequence number when that is not i, or -1.
func (x seqIndex) of(events []Event, i int) int {
	seq := events[i].Seq
	if seq == 0 {
		return -1
	}
	if x.first != nil {
		if j := x.first[seq]; j != i {
			return j
		}
		return -1
	}
	for j := range i {
		if events[j].Seq == seq {
			return j
		}
	}
	return -1
}

// reorder keeps the post milestone after the chain.
func (r *run) reorder() {
	for i, s := range r.steps {
		if s == r.post {
			copy(r.steps[i:], r.steps[i+1:])
			r.steps[len(r.steps)-1] = r.post
			return
		}
	}
}

func (r *run) side(p Party) *Side {
	if p == Brand {
		return &r.t.plan.Brand
	}
	return &r.t.plan.Creator
}

// rushWindow returns the rush window for a normal one, if a rush applies at at.
func (r *run) windowAt(w sla.Window, pick func(*sla.Rush) sla.Window, at time.Time) (sla.Window, bool) {
	if r.rushAt.IsZero() || at.Before(r.rushAt) || r.p.Rush == nil {
		return w, false
	}
	if rw := pick(r.p.Rush); !rw.IsZero() {
		return rw, true
	}
	return w, false
}

// openStep opens a step at at with window w on its owner's calendar.
func (r *run) openStep(s *step, at time.Time, w sla.Window, after string) {
	pick := rushPick(s.Step, r.p, w)
	w, rushed := r.windowAt(w, pick, at)
	s.Opened, s.window = at.In(s.cal.Location()), w
	s.Due = s.cal.Due(at, w)
	s.first = s.Due
	s.why = reason{kind: whyOpened, w: w, at: s.Opened, text: after, rush: rushed}
}

// rushPick returns which rush window replaces w for step st.
func rushPick(st Step, p *sla.Policy, w sla.Window) func(*sla.Rush) sla.Window {
	switch {
	case w == p.Review:
		return func(r *sla.Rush) sla.Window { return r.Review }
	case w == p.Draft:
		return func(r *sla.Rush) sla.Window { return r.Draft }
	case w == p.BrandResponse && (st == StepCompliance):
		return func(r *sla.Rush) sla.Window { return r.BrandResponse }
	case w == p.CreatorResponse && (st == StepConcept || st == StepRevision):
		return func(r *sla.Rush) sla.Window { return r.CreatorResponse }
	}
	return func(*sla.Rush) sla.Window { return sla.Window{} }
}

func (r *run) openChain(st Step, round int, owner Party, at time.Time, w sla.Window, after string) *step {
	s := r.add(st, round, owner)
	r.openStep(s, at, w, after)
	r.chain = s
	r.reorder()
	return s
}

// meet closes s at at (in its owner's zone, whatever zone the event gave).
func (r *run) meet(s *step, at time.Time) {
	s.Met = at.In(s.cal.Location())
	if r.chain == s {
		r.chain = nil
	}
}

// apply applies one event, or says why it cannot have happened.
func (r *run) apply(e Event) string {
	pl := &r.t.plan
	switch e.Kind {
	case ProductShipped:
		if pl.Product == nil {
			return "the plan ships no product"
		}
		if r.phase != phShip {
			return "the product was already shipped"
		}
		r.meet(r.chain, e.At)
		r.phase = phTransit
		r.shift(StepShip, "the product was due to ship", r.shipD, e.At)
	case ProductReceived:
		if pl.Product == nil {
			return "the plan ships no product"
		}
		if r.phase != phTransit {
			return "the product has not been shipped"
		}
		r.phase = phConcept
		r.openChain(StepConcept, 1, Creator, e.At, r.p.CreatorResponse, "after the product arrived")
	case ConceptSubmitted:
		if r.phase != phConcept {
			return r.outOfOrder("a concept")
		}
		r.meet(r.chain, e.At)
		r.phase = phConceptReview
		r.openChain(StepConceptReview, int(r.concepts)+1, Brand, e.At, r.p.Review, "after the concept came")
	case ConceptFeedback, ConceptApproved:
		if r.phase != phConceptReview {
			return "no concept is waiting for review"
		}
		r.meet(r.chain, e.At)
		if e.Kind == ConceptApproved {
			r.phase = phCompliance
			r.openChain(StepCompliance, 0, Brand, e.At, r.p.BrandResponse, "after the concept was approved")
			break
		}
		r.concepts++
		if r.concepts > r.p.ConceptRounds {
			r.rounds++
		}
		r.phase = phConcept
		r.openChain(StepConcept, int(r.concepts)+1, Creator, e.At, r.p.CreatorResponse, "after the concept feedback")
	case ComplianceChecked:
		if r.phase != phCompliance {
			return r.outOfOrder("a compliance check")
		}
		r.meet(r.chain, e.At)
		r.phase = phDraft
		r.openChain(StepDraft, 0, Creator, e.At, r.p.Draft, "after the compliance check")
	case DraftSubmitted:
		if r.phase != phDraft {
			return r.outOfOrder("a draft")
		}
		r.meet(r.chain, e.At)
		r.phase = phReview
		s := r.openChain(StepReview, int(r.edits)+1, Brand, e.At, r.p.Review, "after the draft came")
		s.dependsOnPost = true
		r.finalD = s.first
		r.post.window = sla.Window{}
	case DraftFeedback, Approved:
		if r.phase != phReview {
			return "no draft is waiting for review"
		}
		s := r.chain
		r.meet(s, e.At)
		if e.Kind == Approved {
			r.phase = phApproved
			r.shift(StepReview, "final approval was due", s.first, e.At)
			r.post.Opened = e.At.In(r.post.cal.Location())
			break
		}
		r.edits++
		if r.edits > r.p.EditRounds {
			r.rounds++
		}
		r.phase = phDraft
		r.openChain(StepRevision, int(r.edits), Creator, e.At, r.p.CreatorResponse, "after the draft feedback")
	case Posted:
		if r.phase != phApproved {
			if r.phase == phPosted {
				return "the post is already live"
			}
			return "the draft has no final approval"
		}
		r.phase = phPosted
		r.posted = e.At
		r.meet(r.post, e.At)
		r.afterPost(e.At)
	case LiveChecked:
		if r.liveCheck == nil {
			return "the post is not live"
		}
		if !r.liveCheck.Met.IsZero() {
			return "the live check is already done"
		}
		r.meet(r.liveCheck, e.At)
	case ReportReceived:
		if r.posted.IsZero() {
			return "the post is not live"
		}
		for _, s := range r.reports {
			if s.window == e.Report && s.Met.IsZero() {
				r.meet(s, e.At)
				return ""
			}
		}
		return "no open report answers " + e.Report.String()
	case InvoiceReceived:
		if !r.invoiceAt.IsZero() {
			return "an invoice was already received"
		}
		r.invoiceAt = e.At
		if r.invoice != nil {
			r.meet(r.invoice, e.At)
		}
		r.openPayment()
	case Paid:
		if !r.paidAt.IsZero() {
			return "a payment was already recorded"
		}
		r.paidAt = e.At
		if r.payment != nil {
			r.meet(r.payment, e.At)
		}
	case FollowUpSent, Escalated:
		s := r.overdue(e.To, e.At)
		if s == nil {
			return "nothing of the " + string(e.To) + "'s is overdue"
		}
		if e.Kind == FollowUpSent {
			s.cycle = append(s.cycle, e.At)
			break
		}
		s.Escalations++
		s.cycle = nil
		s.Due = s.cal.Due(e.At, s.window).In(s.cal.Location())
		s.why = reason{kind: whyEscalated, w: s.window, at: e.At.In(s.cal.Location())}
	case RushRequested, RushConfirmed:
		if r.p.Rush == nil {
			return "the policy has no rush terms"
		}
		i := 0
		if e.By == Creator {
			i = 1
		}
		if r.rushBy[i].IsZero() {
			r.rushBy[i] = e.At
		}
		if r.rushAt.IsZero() && !r.rushBy[0].IsZero() && !r.rushBy[1].IsZero() {
			r.rushAt = e.At
			r.applyRush(e.At)
		}
	case PostRenegotiated:
		if !r.posted.IsZero() {
			return "the post is already live"
		}
		y, m, d := e.PostDate.Date()
		r.pwall = wall{e.PostTime.Hours(), e.PostTime.Minutes(), e.PostTime.Seconds()}
		to := r.t.plan.Creator.Calendar.At(y, m, d, r.pwall.h, r.pwall.m, r.pwall.s)
		r.shifts = append(r.shifts, Shift{From: r.cur, To: to, why: shiftWhy{came: e.At.In(r.post.cal.Location())}})
		r.cur = to
		r.post.Due, r.post.first = to, to
		r.post.why = reason{kind: whyRenegotiated, at: e.At.In(r.post.cal.Location())}
	}
	return ""
}

func (r *run) outOfOrder(what string) string {
	switch r.phase {
	case phShip, phTransit:
		return what + " before the product arrived"
	case phConceptReview, phReview:
		return what + " while the last submission waits for review"
	case phCompliance:
		return what + " before the compliance check"
	case phConcept:
		return what + " before the concept was approved"
	case phDraft:
		return what + " before the draft was submitted"
	}
	return what + " after final approval"
}

// overdue returns the open step of party p with the earliest due that is
// breached at at.
func (r *run) overdue(p Party, at time.Time) *step {
	var best *step
	for _, s := range r.steps {
		if s.Owner == p && s.open() && !at.Before(s.Due) && (best == nil || s.Due.Before(best.Due)) {
			best = s
		}
	}
	return best
}

// applyRush shortens the windows of the steps open at at.
func (r *run) applyRush(at time.Time) {
	for _, s := range r.steps {
		if !s.open() || s.window.IsZero() {
			continue
		}
		rw := rushPick(s.Step, r.p, s.window)(r.p.Rush)
		if rw.IsZero() {
			continue
		}
		if d := s.cal.Due(at, rw); d.Before(s.Due) {
			s.Due, s.first, s.window = d, d, rw
			s.why = reason{kind: whyRush, w: rw, at: at.In(s.cal.Location())}
		}
	}
}

// afterPost opens the steps after the post.
func (r *run) afterPost(at time.Time) {
	r.liveCheck = r.add(StepLiveCheck, 0, Brand)
	r.openStep(r.liveCheck, at, r.p.LiveCheck, "after the post went live")
	for i, w := range r.p.Reports {
		s := r.add(StepReport, i+1, Creator)
		r.openStep(s, at, w, "after the post went live")
		r.reports = append(r.reports, s)
	}
	r.invoice = r.add(StepInvoice, 0, Creator)
	r.openStep(r.invoice, at, r.p.CreatorResponse, "after the post went live")
	if !r.invoiceAt.IsZero() {
		r.invoice.Met = r.invoiceAt.In(r.invoice.cal.Location())
	}
	r.openPayment()
}

// openPayment opens the payment step once its trigger has happened.
func (r *run) openPayment() {
	if r.payment != nil {
		return
	}
	var at time.Time
	var why string
	switch r.p.Payment.Trigger {
	case sla.TriggerInvoiceAndLiveLink:
		if r.invoiceAt.IsZero() || r.posted.IsZero() {
			return
		}
		at, why = maxTime(r.invoiceAt, r.posted), "after the later of invoice and live link"
	case sla.TriggerInvoice:
		if r.invoiceAt.IsZero() {
			return
		}
		at, why = r.invoiceAt, "after the invoice"
	case sla.TriggerLiveLink:
		if r.posted.IsZero() {
			return
		}
		at, why = r.posted, "after the live link"
	case sla.TriggerApproval:
		if r.post.Opened.IsZero() {
			return
		}
		at, why = r.post.Opened, "after final approval"
	}
	r.payment = r.add(StepPayment, 0, Brand)
	r.openStep(r.payment, at, r.p.Payment.Net, why)
	if !r.paidAt.IsZero() {
		r.payment.Met = r.paidAt.In(r.payment.cal.Location())
	}
}

// shift moves the post when a brand step the post depends on came late: the
// first candidate after a at which the creator has as much working time before
// the post as from d, when the step was due. An on-time step never moves it.
func (r *run) shift(st Step, what string, d, a time.Time) {
	if !a.After(d) || !r.posted.IsZero() {
		return
	}
	p := r.cur
	to := r.shiftedPost(d, a)
	if to.Equal(p) {
		return
	}
	r.shifts = append(r.shifts, Shift{From: p, To: to, Step: st,
		why: shiftWhy{what: what, due: d, came: a, brand: r.t.plan.Brand.Calendar}})
	r.cur = to
	r.post.Due, r.post.first = to, to
	r.post.why = reason{kind: whyMoved, text: string(st)}
}

// shiftedPost returns where the post would go if the step due at d were met at a.
func (r *run) shiftedPost(d, a time.Time) time.Time {
	w := r.promised(d, r.cur)
	if w <= 0 {
		return r.cur
	}
	// The creator keeps w from a exactly when w of working time from a ends by
	// the post: AddWorkingTime is the earliest instant with w counted.
	e := r.t.plan.Creator.Calendar.AddWorkingTime(a, w)
	if !e.After(r.cur) {
		return r.cur
	}
	return r.candidateAfter(e)
}

// promised returns the creator's working time from d to p, remembering the
// last answer: the shift rule and the state's Post.Promised ask the same.
func (r *run) promised(d, p time.Time) time.Duration {
	if r.memo.ok && r.memo.d.Equal(d) && r.memo.p.Equal(p) {
		return r.memo.w
	}
	w := r.t.plan.Creator.Calendar.WorkingTime(d, p)
	r.memo.d, r.memo.p, r.memo.w, r.memo.ok = d, p, w, true
	return w
}

// candidateAfter returns the first post candidate at or after e: the post's wall
// time on a posting day, in the creator's zone.
func (r *run) candidateAfter(e time.Time) time.Time {
	cr := r.t.plan.Creator.Calendar
	y, m, d := e.In(cr.Location()).Date()
	for k := 0; ; k++ {
		c := cr.At(y, m, d+k, r.pwall.h, r.pwall.m, r.pwall.s)
		if !c.Before(e) && r.t.posting&(1<<c.Weekday()) != 0 {
			return c
		}
	}
}

// lateness says how late a is after d on the brand's calendar: whole business
// days, or business hours when less than one.
func lateness(br *sla.Calendar, d, a time.Time) string {
	n := int64(0)
	for n < sla.MaxWindowCount && !br.Due(d, sla.BusinessDays(n+1)).After(a) {
		n++
	}
	if n == 0 {
		wt := br.WorkingTime(d, a)
		if wt < time.Hour {
			return "less than a business hour"
		}
		return hoursOf(wt) + " of business time"
	}
	if n == 1 {
		return "1 business day"
	}
	return strconv.FormatInt(n, 10) + " business days"
}

// candidate records an instant at which the state may change.
func (r *run) candidate(t time.Time) {
	if t.After(r.now) && (r.next.IsZero() || t.Before(r.next)) {
		r.next = t
	}
}

// atRisk returns when the policy's at-risk share of s's window is gone, in the
// window's own unit.
func (r *run) atRisk(s *step) time.Time {
	if s.window.IsZero() || !s.Due.After(s.Opened) {
		return time.Time{}
	}
	pct := r.p.AtRisk
	part := func(total time.Duration) time.Duration {
		return time.Duration(int64(total)/100*pct) + time.Duration(int64(total)%100*pct/100)
	}
	switch {
	case s.window.IsBusiness():
		return s.cal.AddWorkingTime(s.Opened, part(s.cal.WorkingTime(s.Opened, s.Due)))
	case s.window == sla.Hours(s.window.Count()):
		return s.cal.AddContactTime(s.Opened, part(s.cal.ContactTime(s.Opened, s.Due)))
	default:
		return s.Opened.Add(part(s.Due.Sub(s.Opened))).In(s.cal.Location())
	}
}

// finish computes statuses, actions and the next change.
func (r *run) finish(st *State) {
	*st = State{Plan: r.t.plan.ID, Now: r.now, Milestones: st.Milestones[:0], WaitingOn: st.WaitingOn[:0], Actions: st.Actions[:0]}
	st.Post = Post{Planned: r.t.post, Current: r.cur, Shifts: r.shifts}
	if !r.finalD.IsZero() && !r.lean {
		st.Post.Promised = r.promised(r.finalD, r.postBefore())
	}
	waiting := [2]bool{}
	done := true
	all := r.withPending()
	if cap(st.Milestones) < len(all) {
		st.Milestones = make([]Milestone, 0, len(all))
	}
	for _, s := range all {
		m := s.Milestone
		m.why = s.why
		switch {
		case !s.Met.IsZero():
			m.Status = Met
			if s.Met.After(s.first) {
				m.Status = MetLate
			}
		case s.Opened.IsZero():
			m.Status = Pending
			done = false
		default:
			done = false
			if s.Owner == Brand {
				waiting[0] = true
			} else {
				waiting[1] = true
			}
			m.AtRisk = r.atRisk(s)
			switch {
			case !r.now.Before(s.Due):
				m.Status = Breached
				r.chase(s, st)
			case !m.AtRisk.IsZero() && !r.now.Before(m.AtRisk):
				m.Status = AtRisk
				r.remind(s, m.AtRisk, st)
				r.candidate(s.Due)
			default:
				m.Status = OnTrack
				r.candidate(m.AtRisk)
				r.candidate(s.Due)
				if !m.AtRisk.IsZero() {
					r.candidate(r.recipientCal(s.Owner, false).NextContact(m.AtRisk))
				}
			}
			if s.dependsOnPost && !r.lean {
				m.ApproveBy = r.approveBy(s)
			}
		}
		if s == r.post && s.Met.IsZero() {
			m.Due = r.cur
		}
		st.Milestones = append(st.Milestones, m)
	}
	if r.payment == nil {
		done = false
	}
	if waiting[0] {
		st.WaitingOn = append(st.WaitingOn, Brand)
	}
	if waiting[1] {
		st.WaitingOn = append(st.WaitingOn, Creator)
	}
	st.ExtraRounds = r.rounds
	st.FeedbackRounds = r.concepts + r.edits
	if c := r.t.plan.RateCard; c != nil && r.rounds > 0 && !r.lean {
		line, err := c.ExtraRevisions(r.rounds)
		if err != nil {
			r.errs.AddErr("rate_card.extra_revision", err)
		} else {
			st.Extra = line
		}
	}
	st.Done = done
	if !r.next.IsZero() {
		st.Next = r.next.UTC()
	}
}

// withPending returns the steps with a pending milestone for each step not yet
// open: the rest of the chain before the post, and the steps after it.
func (r *run) withPending() []*step {
	type pend struct {
		st    Step
		owner Party
		from  phase // shown while the phase is before this one
	}
	chain := []pend{{StepConcept, Creator, phConcept}, {StepConceptReview, Brand, phConceptReview},
		{StepCompliance, Brand, phCompliance}, {StepDraft, Creator, phDraft}, {StepReview, Brand, phReview}}
	out := r.all[:0]
	for _, s := range r.steps {
		if s == r.post {
			for _, c := range chain {
				if r.phase < c.from {
					out = append(out, r.pending(c.st, c.owner, 0))
				}
			}
		}
		out = append(out, s)
	}
	if r.posted.IsZero() {
		out = append(out, r.pending(StepLiveCheck, Brand, 0))
		for i := range r.p.Reports {
			out = append(out, r.pending(StepReport, Creator, i+1))
		}
		if r.invoiceAt.IsZero() {
			out = append(out, r.pending(StepInvoice, Creator, 0))
		}
	}
	if r.payment == nil {
		out = append(out, r.pending(StepPayment, Brand, 0))
	}
	r.all = out
	return out
}

func (r *run) pending(st Step, owner Party, round int) *step {
	r.arena = append(r.arena, step{Milestone: Milestone{Step: st, Owner: owner, Round: round}, cal: r.side(owner).Calendar, why: reason{kind: whyPending}})
	return &r.arena[len(r.arena)-1]
}

// postBefore is the post instant the creator's promised working time runs to:
// the post as it stood before the final approval shifted it.
func (r *run) postBefore() time.Time {
	for _, sh := range r.shifts {
		if sh.Step == StepReview {
			return sh.From
		}
	}
	return r.cur
}

// approveBy is the latest instant s can be met without moving the post.
func (r *run) approveBy(s *step) time.Time {
	cr := r.t.plan.Creator.Calendar
	w := cr.WorkingTime(s.first, r.cur)
	return cr.SubWorkingTime(r.cur, w).In(s.cal.Location())
}

// recipientCal returns the calendar an action to party p's owner (or manager)
// goes out on.
func (r *run) recipientCal(p Party, manager bool) *sla.Calendar {
	sd := r.side(p)
	if manager {
		return sd.calendarOf(sd.Manager)
	}
	return sd.calendarOf(sd.Owner)
}

// chase adds the follow-up or escalation due on a breached step, or records
// when it will be.
func (r *run) chase(s *step, st *State) {
	sd := r.side(s.Owner)
	n := int(r.p.FollowUps)
	k := len(s.cycle)
	var from time.Time
	if k == 0 || (k >= n && n == 0) {
		from = s.Due
	} else {
		from = sd.Calendar.Due(s.cycle[min(k, n)-1], r.p.FollowUpSpacing)
	}
	manager := k >= n
	at := r.recipientCal(s.Owner, manager).NextContact(from)
	if at.After(r.now) {
		r.candidate(at)
		return
	}
	a := Action{Party: s.Owner, Step: s.Step, Round: s.Round, At: at}
	if r.lean {
		a.Kind = FollowUp
		if manager {
			a.Kind = Escalate
		}
		st.Actions = append(st.Actions, a)
		return
	}
	id := string(s.Step) + ":" + strconv.Itoa(s.Round) + ":" + strconv.Itoa(s.Escalations)
	late := s.Step.words() + " was due " + stamp(s.Due)
	if s.dependsOnPost {
		if by := r.approveBy(s); !by.Before(at) {
			late += "; met by " + stamp(by) + ", the post stays " + postStamp(r.cur)
		} else {
			late += "; met now, the post moves to " + postStamp(r.shiftedPost(s.first, at))
		}
	}
	if manager {
		a.Kind, a.To = Escalate, sd.Manager
		a.ID = "escalate:" + id
		a.Reason = late + "; " + strconv.Itoa(n) + " follow-ups unanswered"
	} else {
		a.Kind, a.To = FollowUp, sd.Owner
		a.ID = "follow_up:" + id + ":" + strconv.Itoa(k+1)
		a.Reason = "follow-up " + strconv.Itoa(k+1) + " of " + strconv.Itoa(n) + ": " + late
	}
	st.Actions = append(st.Actions, a)
}

// remind adds a reminder for an at-risk step after the post.
func (r *run) remind(s *step, atRisk time.Time, st *State) {
	switch s.Step {
	case StepLiveCheck, StepReport, StepInvoice, StepPayment:
	default:
		return
	}
	at := r.recipientCal(s.Owner, false).NextContact(atRisk)
	if at.After(r.now) {
		r.candidate(at)
		return
	}
	st.Actions = append(st.Actions, Action{
		ID: "remind:" + string(s.Step) + ":" + strconv.Itoa(s.Round), Kind: Remind, Party: s.Owner,
		To: r.side(s.Owner).Owner, Step: s.Step, Round: s.Round, At: at,
		Reason: s.Step.words() + " due " + stamp(s.Due),
	})
}

// stamp formats an instant for a reason: "Wed 10 Mar 13:00 EST".
func stamp(t time.Time) string { return t.Format("Mon 2 Jan 2006 15:04 MST") }

// postStamp formats a post instant: "Mon 15 Mar 12:00".
func postStamp(t time.Time) string { return t.Format("Mon 2 Jan 15:04") }

// hoursOf formats a working time: "26h", "1h30m".
func hoursOf(d time.Duration) string {
	s := d.Truncate(time.Minute).String()
	if len(s) > 4 && s[len(s)-4:] == "m0s" {
		s = s[:len(s)-2]
	}
	if len(s) > 2 && s[len(s)-2:] == "0s" {
		s = s[:len(s)-2]
	}
	return s
}
