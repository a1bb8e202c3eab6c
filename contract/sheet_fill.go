package contract

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// Sheet fills the one-page expectations sheet from the agreement, in the
// words a creator reads: the deliverables and the dates the schedule
// promises, each side's response time with its working hours ("within 1
// business day (Mon–Fri 09:00–17:00 ET)"), the approval windows with what
// does not count ("48 hours for each round, weekends not counted"), the
// included rounds and the price of another, the shipping dates, what
// "approved" means and what a late approval does, the rush terms, the
// posting requirements, the rights the creator grants, the escalation path in
// order with each contact's hours, the price line by line ([Agreement.Price]),
// the payment terms with their trigger and the invoice requirements, the
// quiet-hours line, the metric-source clause ([Agreement.MetricSourceClause]),
// the glossary of the terms used ([Sheet.TermsUsed]) and the content hash
// ([Agreement.Hash]).
//
// The milestones of the timeline picture come from each deliverable's
// timeline as the agreement promises it (sltimeline.Timeline.Schedule, every
// step taking its whole window): kickoff, product shipment, concept outline,
// concept approval, draft, final approval, the posts, the reports and the
// payment. Steps that fall at the same instant for every deliverable are
// drawn once; with up to two deliverables each post and report is drawn per
// deliverable, with more only the first and the last post, and the reports
// and payment after the last.
//
// A term the agreement leaves unstated reads "not agreed yet" on the sheet;
// it is never invented. The sheet has no Version or Date: the agreement has
// neither, and the caller sets them when it has them.
//
// Sheet returns an error when the agreement does not validate (a sheet
// carries the agreement's hash, and only a valid agreement has one). It does
// not check that the sheet fits one page: the renderers do ([Sheet.Fit]), and
// report [ErrTooLong]. Sheet itself reports an error matching both ErrTooLong
// and ErrInvalid when the filled sheet is past the bounds of [Sheet.Validate]
// (a text over 2000 bytes, such as a very long list of claim restrictions, or
// more than [MaxSheetMilestones] milestones), which is far past one page.
func (a Agreement) Sheet() (Sheet, error) { return a.SheetAt() }

// SheetAt is [Agreement.Sheet] as things stand: each state is one
// deliverable's sltimeline.State (from its timeline's State), matched to the
// deliverable by its Plan ID, the ID of [Agreement.Plan]'s plan. When a
// deliverable's post moved (a late approval, a renegotiation), the sheet shows
// the post at its current instant, marked as moved with the reason the engine
// gives, and the reports and the payment that follow the post move with it;
// the dates before the post stay as the agreement promised them. A state
// whose post did not move changes nothing.
//
// A state that names no deliverable of the agreement, or a deliverable named
// twice, is an error matching ErrInvalid, at the path "states[k].plan".
func (a Agreement) SheetAt(states ...sltimeline.State) (Sheet, error) {
	hash, err := a.Hash()
	if err != nil {
		return Sheet{}, err
	}
	f := filler{a: a, brand: nameOr(a.Brand.Name, "the brand"), creator: nameOr(a.Creator.Name, "the creator")}
	if err := f.moves(states); err != nil {
		return Sheet{}, err
	}
	f.schedules()
	s := Sheet{
		Campaign: a.Campaign.Name,
		Brand:    a.Brand.Name,
		Creator:  withHandle(a.Creator.Name, a.Creator.Handle),
		Hash:     hash,
	}
	s.Duties = f.duties()
	s.Commitments = f.commitments()
	s.Approval = f.approval()
	s.Posting = f.posting()
	s.Escalation = f.escalation()
	s.Payment = f.payment()
	s.QuietHours = oneLine(a.QuietHours)
	if s.QuietHours == "" {
		s.QuietHours = "Not agreed yet."
	}
	s.MetricSource = oneLine(a.MetricSourceClause())
	s.Milestones = f.milestones()
	s.Glossary = s.TermsUsed()
	if err := s.Validate(); err != nil {
		if tooLarge(err) {
			// A field or a list past the sheet's bounds is far past one
			// page: say so as the renderers would.
			return Sheet{}, fmt.Errorf("%w: %w", ErrTooLong, err)
		}
		return Sheet{}, err
	}
	return s, nil
}

// tooLarge reports whether every problem of err is a size bound.
func tooLarge(err error) bool {
	var v *ValidationError
	if !errors.As(err, &v) || len(v.Problems) == 0 {
		return false
	}
	for _, p := range v.Problems {
		if p.Code != problem.CodeTooLarge {
			return false
		}
	}
	return true
}

// notAgreed is what the sheet says of a term the agreement leaves unstated.
const notAgreed = "not agreed yet"

// filler holds what the sheet's sections share: the agreement and each
// deliverable's promised schedule.
type filler struct {
	a              Agreement
	brand, creator string
	// sched[i] is deliverable i's schedule, nil when its plan does not
	// compile (no kickoff, no post date, an infeasible plan: Check says so).
	sched [][]sltimeline.Milestone
	// moved[i] is deliverable i's moved post, when it moved.
	moved map[int]sltimeline.Post
}

// moves records the moved posts of the states, by deliverable.
func (f *filler) moves(states []sltimeline.State) error {
	if len(states) == 0 {
		return nil
	}
	ids := map[string]int{}
	for i := range f.a.Deliverables {
		if p, err := f.a.Plan(i); err == nil {
			ids[p.ID] = i
		}
	}
	f.moved = map[int]sltimeline.Post{}
	seen := map[int]bool{}
	l := &problem.List{Pkg: pkg}
	for k, st := range states {
		path := problem.Index("states", k) + ".plan"
		i, ok := ids[st.Plan]
		switch {
		case !ok:
			l.Add(path, problem.CodeMismatch, fmt.Sprintf("no deliverable of the agreement has the plan %q", st.Plan))
			continue
		case seen[i]:
			l.Add(path, problem.CodeMismatch, fmt.Sprintf("a second state for the plan %q", st.Plan))
			continue
		}
		seen[i] = true
		if len(st.Post.Shifts) > 0 && !st.Post.Current.IsZero() && !st.Post.Current.Equal(st.Post.Planned) {
			f.moved[i] = st.Post
		}
	}
	return l.Err("sheet states")
}

func (f *filler) schedules() {
	f.sched = make([][]sltimeline.Milestone, len(f.a.Deliverables))
	for i := range f.a.Deliverables {
		p, err := f.a.Plan(i)
		if err != nil {
			continue
		}
		if post, ok := f.moved[i]; ok && f.a.Creator.Calendar != nil {
			// The engine's rules from the moved post on: the reports and
			// the payment follow it.
			at := post.Current.In(f.a.Creator.Calendar.Location())
			p.PostDate, p.PostTime = date.NewAt(at), clock.NewAt(at)
		}
		tl, err := sltimeline.Compile(p)
		if err != nil {
			continue
		}
		f.sched[i] = tl.Schedule()
	}
}

// step returns the milestone of deliverable i's schedule at step (the first
// round when first, else the last), or false.
func (f *filler) step(i int, step sltimeline.Step, first bool) (sltimeline.Milestone, bool) {
	var m sltimeline.Milestone
	ok := false
	for _, x := range f.sched[i] {
		if x.Step == step {
			m, ok = x, true
			if first {
				break
			}
		}
	}
	return m, ok
}

// shared returns the due instant of step when every deliverable with a
// schedule has it at the same instant, or false.
func (f *filler) shared(step sltimeline.Step, first bool) (time.Time, bool) {
	var at time.Time
	for i := range f.sched {
		if f.sched[i] == nil {
			continue
		}
		m, ok := f.step(i, step, first)
		if !ok {
			return time.Time{}, false
		}
		if !at.IsZero() && !at.Equal(m.Due) {
			return time.Time{}, false
		}
		at = m.Due
	}
	return at, !at.IsZero()
}

// duties is what the creator does.
func (f *filler) duties() SheetDuties {
	a := f.a
	var d SheetDuties
	for _, x := range a.Deliverables {
		d.Deliverables = append(d.Deliverables, SheetDeliverable{
			What:    deliverableWhat(x),
			Details: detailsWords(x),
			Post:    f.postWords(x),
		})
	}
	for i, post := range f.moved {
		if c := a.Creator.Calendar; c != nil {
			planned := post.Planned.In(c.Location())
			at := post.Current.In(c.Location())
			d.Deliverables[i].Post = at.Format("Mon 2 Jan 2006, 15:04") + " " + zoneWords(c.Location()) +
				" (moved from " + planned.Format("Mon 2 Jan, 15:04") + ")"
		}
	}
	d.Response = windowWords(a.Policy.CreatorResponse, a.Creator.Calendar)
	if d.Response != "" {
		// The creator's response window is also the time for a concept
		// outline or a revision after feedback (sla.Policy).
		d.Response += ", revisions too"
	}
	if at, ok := f.shared(sltimeline.StepConcept, true); ok {
		d.Other = append(d.Other, "Concept outline (hook and structure) by "+instant(at)+".")
	}
	if r := reportWords(a.Policy.Reports); r != "" {
		d.Other = append(d.Other, "Send the numbers "+r+" after each post.")
	}
	if r := f.rights(); len(r) > 0 {
		d.Other = append(d.Other, "Rights you grant: "+strings.Join(r, "; ")+".")
	}
	return d
}

// rights are what the creator grants: usage, whitelisting, exclusivity.
func (f *filler) rights() []string {
	r := f.a.Rights
	var out []string
	switch u, ok := r.Usage.Get(); {
	case ok:
		kinds := []string{}
		if u.Paid {
			kinds = append(kinds, "paid")
		}
		if u.Organic {
			kinds = append(kinds, "organic")
		}
		s := "usage rights "
		if len(kinds) > 0 {
			s += strings.Join(kinds, " and ")
		} else {
			s += "reuse"
		}
		if len(u.Channels) > 0 {
			s += " on " + platformList(u.Channels)
		}
		out = append(out, s+durationWords(u.Duration))
	case r.Usage.IsNone():
		out = append(out, "no usage rights")
	default:
		out = append(out, "usage rights "+notAgreed)
	}
	switch w, ok := r.Whitelisting.Get(); {
	case ok:
		s := "whitelisting"
		s += durationWords(w.Duration)
		if w.SpendCap.IsValid() {
			s += ", cap " + w.SpendCap.String()
		}
		if len(w.Regions) > 0 {
			s += ", " + strings.Join(w.Regions, ", ")
		}
		out = append(out, s)
	case r.Whitelisting.IsNone():
	default:
		out = append(out, "whitelisting "+notAgreed)
	}
	switch e, ok := r.Exclusivity.Get(); {
	case ok:
		s := "exclusivity (no other brands"
		if len(e.Categories) > 0 {
			s = "exclusivity (no other " + strings.Join(e.Categories, ", ") + " brands"
		}
		out = append(out, s+")"+durationWords(e.Window)+" from the first post")
	case r.Exclusivity.IsNone():
	default:
		out = append(out, "exclusivity "+notAgreed)
	}
	return out
}

// commitments is what the brand commits to.
func (f *filler) commitments() SheetCommitments {
	a := f.a
	p := a.Policy
	c := SheetCommitments{
		Response: windowWords(p.BrandResponse, a.Brand.Calendar),
	}
	if !p.Review.IsZero() {
		c.Approval = p.Review.String() + " for each round" + quietWords(p.Review, a.Brand.Calendar)
	}
	c.Rounds = roundsWords(p.ConceptRounds, p.EditRounds)
	if card := a.Commercial.RateCard; card != nil && card.ExtraRevision != nil && card.ExtraRevision.IsValid() {
		c.Rounds += "; extra rounds " + card.ExtraRevision.String() + " each"
	}
	switch s, ok := a.Brief.Shipping.Get(); {
	case a.Brief.Shipping.IsNone():
		c.Shipping = "nothing is shipped"
	case !ok:
		c.Shipping = "shipping dates " + notAgreed
	default:
		switch by, recv := s.ShipBy, s.ExpectedReceipt; {
		case !by.IsZero() && !recv.IsZero() && by.Year() == recv.Year():
			c.Shipping = "ships by " + by.Format("Mon 2 Jan") + ", with you by " + day(recv)
		case !by.IsZero() && !recv.IsZero():
			c.Shipping = "ships by " + day(by) + ", with you by " + day(recv)
		case !by.IsZero():
			c.Shipping = "ships by " + day(by)
		case !recv.IsZero():
			c.Shipping = "with you by " + day(recv)
		}
	}
	return c
}

// approval is what "approved" means, what a late approval does, and the rush.
func (f *filler) approval() SheetApproval {
	a := f.a
	p := a.Policy
	var ap SheetApproval
	who := oneLine(a.Brand.Owner.Name)
	if who == "" {
		who = "the brand's owner"
	}
	if b := oneLine(a.Brand.Backup.Name); b != "" {
		who += " (or " + b + ")"
	}
	ap.Approved = "written approval from " + who + "; silence is not approval"
	if !p.ProductionLead.IsZero() {
		ap.Late = "the post moves so you keep " + p.ProductionLead.String() + " between final approval and posting"
	}
	var fee string
	if card := a.Commercial.RateCard; card != nil && card.Rush != nil {
		fee = chargeWords(*card.Rush) + " rush fee"
	}
	switch r, ok := a.Rush.Get(); {
	case ok:
		s := "agreed"
		if why := oneLine(r.Reason); why != "" {
			s += " (" + why + ")"
		}
		if p.Rush != nil {
			s += ": " + rushWindows(*p.Rush)
		}
		if fee != "" {
			s += "; " + fee
		}
		ap.Rush = s
	case a.Rush.IsNone():
		s := "none agreed"
		if p.Rush != nil && fee != "" {
			s += "; a rush needs both sides in writing and a " + fee
		}
		ap.Rush = s
	default:
		ap.Rush = notAgreed
	}
	return ap
}

// posting is what a live post must have.
func (f *filler) posting() SheetPosting {
	a := f.a
	p := a.Policy
	var ps SheetPosting
	var tags, keep []string
	for _, d := range a.Deliverables {
		tags = appendNew(tags, oneLine(d.Tag))
		days := d.KeepLiveDays
		w := p.KeepLive
		if days > 0 {
			w = sla.Days(days)
		}
		if !w.IsZero() {
			keep = append(keep, kindName(d)+" "+w.String())
		}
	}
	if len(tags) > 0 {
		ps.Tag = strings.Join(tags, ", ") + " in the caption"
	}
	switch {
	case a.Compliance.Disclosure != "":
		ps.Disclosure = oneLine(a.Compliance.Disclosure)
	default:
		var ds []string
		for _, d := range a.Deliverables {
			ds = appendNew(ds, oneLine(d.Disclosure))
		}
		ps.Disclosure = strings.Join(ds, "; ")
	}
	if len(keep) > 0 {
		ps.KeepLive = strings.Join(keep, "; ")
	}
	if !p.LiveCheck.IsZero() {
		ps.LiveCheck = "the brand checks the post within " + p.LiveCheck.String() + " of your live link"
	}
	if len(a.Compliance.MustShow) > 0 {
		ps.Other = append(ps.Other, "Must show: "+sentenceList(a.Compliance.MustShow)+".")
	}
	switch cr, ok := a.Compliance.ClaimRestrictions.Get(); {
	case ok:
		ps.Other = append(ps.Other, "Claims: "+sentenceList(cr)+".")
	case a.Compliance.ClaimRestrictions.IsNone():
	default:
		ps.Other = append(ps.Other, "Claim restrictions: "+notAgreed+".")
	}
	if len(a.Compliance.OffLimits) > 0 {
		ps.Other = append(ps.Other, "Off limits: "+sentenceList(a.Compliance.OffLimits)+".")
	}
	return ps
}

// escalation is the follow-up rule and the escalation path, in order.
func (f *filler) escalation() SheetEscalation {
	a := f.a
	p := a.Policy
	var e SheetEscalation
	if p.FollowUps > 0 && !p.FollowUpSpacing.IsZero() {
		e.Rule = fmt.Sprintf("no reply in time: %s %s apart, then the next contact; the step's window restarts",
			plural(p.FollowUps, "follow-up"), p.FollowUpSpacing.String())
	}
	switch path, ok := a.Escalation.Get(); {
	case ok:
		for _, c := range path {
			side, party := f.brand, a.Brand
			if c.Side == sltimeline.Creator {
				side, party = f.creator, a.Creator
			}
			role := side
			if r := oneLine(c.Role); r != "" {
				role = r + ", " + side
			}
			cal := c.Calendar
			if cal == nil {
				cal = party.Calendar
			}
			e.Contacts = append(e.Contacts, SheetContact{Name: oneLine(c.Name), Role: role, Reach: oneLine(c.Email), Hours: hoursWords(cal)})
		}
	case a.Escalation.IsNone():
		e.Contacts = []SheetContact{{Name: "Nobody", Role: "the agreement names no escalation contact; write to the owners"}}
	default:
		e.Contacts = []SheetContact{{Name: "Nobody named", Role: "escalation path " + notAgreed}}
	}
	return e
}

// payment is the price, the terms, the trigger and the invoice.
func (f *filler) payment() SheetPayment {
	a := f.a
	var pm SheetPayment
	issued := time.Unix(0, 0).UTC()
	if !a.Kickoff.IsZero() {
		issued = time.Date(a.Kickoff.Year(), a.Kickoff.Month(), a.Kickoff.Day(), 0, 0, 0, 0, time.UTC)
	}
	if q, err := a.Price(issued); err == nil {
		pm.Amount = amountWords(q, a.Deliverables)
	} else {
		pm.Amount = "not priced yet"
	}
	pay := a.Policy.Payment
	if !pay.Net.IsZero() || pay.Trigger != "" {
		pm.Terms = netWords(pay.Net)
		pm.Trigger = triggerWords(pay.Trigger)
	} else {
		pm.Terms = "payment terms " + notAgreed
	}
	if pay.Trigger == "" {
		pm.Trigger = notAgreed
	}
	inv := a.Commercial.Invoice
	var parts []string
	if to := oneLine(inv.To); to != "" {
		parts = append(parts, "to "+to)
	}
	if len(inv.MustInclude) > 0 {
		parts = append(parts, "with "+sentenceList(inv.MustInclude))
	}
	pm.Invoice = strings.Join(parts, ", ")
	if pm.Invoice == "" {
		pm.Invoice = notAgreed
	}
	if card := a.Commercial.RateCard; card != nil && card.NetZero != nil {
		pm.Rush = "Net 0 (paid on delivery) for " + chargeWords(*card.NetZero)
	}
	return pm
}

// milestones are the timeline picture's points.
func (f *filler) milestones() []SheetMilestone {
	a := f.a
	var ms []SheetMilestone
	if !a.Kickoff.IsZero() {
		ms = append(ms, SheetMilestone{Name: "Kickoff", Owner: OwnerBoth, Date: a.Kickoff})
	}
	if s, ok := a.Brief.Shipping.Get(); ok && !s.ShipBy.IsZero() {
		ms = append(ms, SheetMilestone{Name: "Product ships", Owner: OwnerBrand, Date: s.ShipBy})
	}
	for _, st := range []struct {
		step  sltimeline.Step
		first bool
		name  string
		owner SheetOwner
	}{
		{sltimeline.StepConcept, true, "Concept outline", OwnerCreator},
		{sltimeline.StepConceptReview, false, "Concept approved", OwnerBrand},
		{sltimeline.StepDraft, true, "Draft", OwnerCreator},
		{sltimeline.StepReview, false, "Final approval", OwnerBrand},
	} {
		if at, ok := f.shared(st.step, st.first); ok {
			ms = append(ms, SheetMilestone{Name: st.name, Owner: st.owner, At: at})
			continue
		}
		// Different for each deliverable: drawn per deliverable when
		// there are two at most, else left to the posts.
		if len(f.sched) <= 2 {
			for i := range f.sched {
				if m, ok := f.step(i, st.step, st.first); ok {
					ms = append(ms, SheetMilestone{Name: st.name + ": " + f.label(i), Owner: st.owner, At: m.Due})
				}
			}
		}
	}
	// Posts and reports.
	var have []int
	for i := range f.sched {
		if f.sched[i] != nil {
			have = append(have, i)
		}
	}
	reports := func(i int, suffix string) {
		n := 0
		for _, m := range f.sched[i] {
			if m.Step != sltimeline.StepReport {
				continue
			}
			name := "Report"
			if n < len(a.Policy.Reports) {
				name += " (" + a.Policy.Reports[n].String() + ")"
			}
			n++
			ms = append(ms, SheetMilestone{Name: name + suffix, Owner: OwnerCreator, At: m.Due})
		}
	}
	if len(have) <= 2 {
		for _, i := range have {
			suffix := ""
			if len(have) > 1 {
				suffix = ": " + f.label(i)
			}
			if m, ok := f.step(i, sltimeline.StepPost, true); ok {
				ms = append(ms, f.postMilestone(i, "Post"+suffix, m.Due))
			}
			reports(i, suffix)
		}
	} else {
		sort.SliceStable(have, func(x, y int) bool {
			mx, _ := f.step(have[x], sltimeline.StepPost, true)
			my, _ := f.step(have[y], sltimeline.StepPost, true)
			return mx.Due.Before(my.Due)
		})
		first, last := have[0], have[len(have)-1]
		if m, ok := f.step(first, sltimeline.StepPost, true); ok {
			ms = append(ms, f.postMilestone(first, "First post", m.Due))
		}
		if m, ok := f.step(last, sltimeline.StepPost, true); ok {
			ms = append(ms, f.postMilestone(last, "Last post", m.Due))
		}
		reports(last, " after the last post")
	}
	// The payment: one for the deal, after the last trigger.
	var pay time.Time
	for _, i := range have {
		if m, ok := f.step(i, sltimeline.StepPayment, true); ok && m.Due.After(pay) {
			pay = m.Due
		}
	}
	if !pay.IsZero() {
		ms = append(ms, SheetMilestone{Name: "Payment due", Owner: OwnerBrand, Date: date.NewAt(pay)})
	}
	return ms
}

// postMilestone is deliverable i's post at its scheduled instant, marked as
// moved with the engine's reason when it moved.
func (f *filler) postMilestone(i int, name string, at time.Time) SheetMilestone {
	m := SheetMilestone{Name: name, Owner: OwnerCreator, At: at}
	if post, ok := f.moved[i]; ok {
		m.Shifted = true
		m.Reason = moveReason(post)
	}
	return m
}

// moveReason says why a post moved: the last shift's reason, and how many
// times it moved when more than once.
func moveReason(post sltimeline.Post) string {
	n := len(post.Shifts)
	r := post.Shifts[n-1].Reason()
	if r != "" {
		r = strings.ToUpper(r[:1]) + r[1:]
	}
	if n > 1 {
		r = fmt.Sprintf("Moved %d times; the last: %s", n, r)
	}
	return r + "."
}

// label names deliverable i in the picture, as short as the agreement allows:
// its platform ("TikTok") when no other deliverable is on that platform, else
// its kind ("Instagram story frames").
func (f *filler) label(i int) string {
	d := f.a.Deliverables[i]
	for j, o := range f.a.Deliverables {
		if j != i && strings.EqualFold(o.Platform, d.Platform) {
			return kindName(d)
		}
	}
	return platformName(d.Platform)
}

// postWords writes a deliverable's post date or window with its time.
func (f *filler) postWords(d Deliverable) string {
	at := ""
	if d.PostTime != nil {
		at = fmt.Sprintf(", %02d:%02d", d.PostTime.Hours(), d.PostTime.Minutes())
		if c := f.a.Creator.Calendar; c != nil {
			at += " " + zoneWords(c.Location())
		}
	}
	switch {
	case d.Window != nil:
		return spanWords(d.Window.From, d.Window.To) + at
	case !d.PostDate.IsZero():
		return day(d.PostDate) + at
	}
	return "date " + notAgreed
}

// spanWords writes a posting window: "Mon 15 – Wed 17 Mar 2027", "Fri 26
// Feb – Tue 2 Mar 2027", or with both years.
func spanWords(from, to date.Date) string {
	switch {
	case from == to:
		return day(from)
	case from.Year() == to.Year() && from.Month() == to.Month():
		return from.Format("Mon 2") + " – " + day(to)
	case from.Year() == to.Year():
		return from.Format("Mon 2 Jan") + " – " + day(to)
	}
	return day(from) + " – " + day(to)
}

// deliverableWhat writes "1 TikTok video, 20–35 s" or "3 Instagram story
// frames, 5–15 s each".
func deliverableWhat(d Deliverable) string {
	s := strconv.FormatInt(d.Count, 10) + " " + kindName(d)
	if n, ok := d.Length.Get(); ok {
		s += fmt.Sprintf(", %d–%d s", n.MinSeconds, n.MaxSeconds)
		if d.Count > 1 {
			s += " each"
		}
	}
	return s
}

// kindName is shortWhat, in the plural when the deliverable has more than
// one unit: "Instagram story frames".
func kindName(d Deliverable) string {
	if d.Count > 1 {
		return shortWhat(d) + "s"
	}
	return shortWhat(d)
}

// shortWhat names a deliverable's kind in the singular: "TikTok video",
// "Instagram story frame".
func shortWhat(d Deliverable) string {
	format := strings.ReplaceAll(strings.ToLower(d.Format), "_", " ")
	switch format {
	case "short video", "long video":
		format = "video"
	case "story":
		format = "story frame"
	}
	return strings.TrimSpace(platformName(d.Platform) + " " + format)
}

// detailsWords writes a deliverable's extras and its link, unless an extra
// already names the link.
func detailsWords(d Deliverable) string {
	var s string
	if v, ok := d.Extras.Get(); ok {
		s = sentenceList(v)
	}
	link := oneLine(d.Link)
	bare := strings.TrimPrefix(strings.TrimPrefix(link, "https://"), "http://")
	if link != "" && !strings.Contains(s, bare) {
		if s != "" {
			s += "; "
		}
		s += "link " + link
	}
	return s
}

// windowWords writes a response window with the working hours it is counted
// in: "within 1 business day (Mon–Fri 09:00–17:00 ET)".
func windowWords(w sla.Window, c *sla.Calendar) string {
	if w.IsZero() {
		return ""
	}
	s := "within " + w.String()
	if w.IsBusiness() {
		if h := hoursWords(c); h != "" {
			s += " (" + h + ")"
		}
	} else {
		s += quietWords(w, c)
	}
	return s
}

// quietWords says what a window of hours or days does not count: the
// calendar's quiet time (sla: an hours window counts only time that is not
// quiet).
func quietWords(w sla.Window, c *sla.Calendar) string {
	if w.IsBusiness() || c == nil {
		return ""
	}
	q := c.Spec().Quiet
	if len(q) == 0 {
		return ""
	}
	var parts []string
	for _, r := range q {
		if strings.EqualFold(strings.TrimSpace(r), "sat-sun") {
			parts = append(parts, "weekends")
			continue
		}
		parts = append(parts, prettyRule(r)+" "+zoneWords(c.Location()))
	}
	return ", " + strings.Join(parts, " and ") + " not counted"
}

// hoursWords writes a calendar's working hours: "Mon–Fri 09:00–17:00 ET".
func hoursWords(c *sla.Calendar) string {
	if c == nil {
		return ""
	}
	spec := c.Spec()
	hours := spec.Hours
	if len(hours) == 0 {
		hours = []string{"mon-fri 09:00-17:00"}
	}
	var parts []string
	for _, h := range hours {
		parts = append(parts, prettyRule(h))
	}
	return strings.Join(parts, ", ") + " " + zoneWords(c.Location())
}

// prettyRule writes a calendar rule for people: "mon-fri 09:00-17:00" as
// "Mon–Fri 09:00–17:00".
func prettyRule(r string) string {
	fields := strings.Fields(r)
	for i, f := range fields {
		f = strings.ReplaceAll(f, "-", "–")
		var b strings.Builder
		up := true
		for _, c := range f {
			if up && 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			up = c == '–' || c == ','
			b.WriteRune(c)
		}
		fields[i] = b.String()
	}
	return strings.Join(fields, " ")
}

// zoneWords names a zone the way a sheet reads: "ET", "PT", or the IANA name.
func zoneWords(loc *time.Location) string {
	switch loc.String() {
	case "America/New_York", "America/Toronto", "America/Detroit":
		return "ET"
	case "America/Chicago":
		return "CT"
	case "America/Denver", "America/Edmonton":
		return "MT"
	case "America/Phoenix":
		return "MST"
	case "America/Los_Angeles", "America/Vancouver":
		return "PT"
	case "Europe/London":
		return "UK time"
	}
	return loc.String()
}

// instant writes a due instant in its own zone: "Fri 19 Feb 18:00 PT".
func instant(t time.Time) string {
	return t.Format("Mon 2 Jan, 15:04") + " " + zoneWords(t.Location())
}

func roundsWords(concept, edit int64) string {
	switch {
	case concept == 0 && edit == 0:
		return "no feedback round included"
	case concept == 0:
		return plural(edit, "edit round") + " included"
	case edit == 0:
		return plural(concept, "concept round") + " included, no edit round"
	}
	return plural(concept, "concept round") + " and " + plural(edit, "edit round") + " included"
}

func plural(n int64, what string) string {
	s := strconv.FormatInt(n, 10) + " " + what
	if n != 1 {
		s += "s"
	}
	return s
}

// reportWords writes the report windows: "7 days and 30 days".
func reportWords(ws []sla.Window) string {
	var parts []string
	for _, w := range ws {
		if !w.IsZero() {
			parts = append(parts, w.String())
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func durationWords(d pricing.Duration) string {
	switch {
	case d.IsZero():
		return ", duration " + notAgreed
	case d.IsPerpetual():
		return ", with no end"
	}
	return " for " + d.String()
}

func platformList(ps []string) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = platformName(p)
	}
	return strings.Join(out, ", ")
}

// sentenceList joins items with "; ", each collapsed to one line and without
// a final full stop.
func sentenceList(items []string) string {
	out := make([]string, 0, len(items))
	for _, s := range items {
		if s = strings.TrimRight(oneLine(s), "."); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func withHandle(name, handle string) string {
	name, handle = oneLine(name), oneLine(handle)
	if handle == "" || strings.EqualFold(name, handle) {
		return name
	}
	return name + " (" + handle + ")"
}

// netWords writes payment terms: "Net 15" for calendar days, else "within 10
// business days".
func netWords(w sla.Window) string {
	if w.IsZero() {
		return "Net 0"
	}
	if s := w.String(); strings.HasSuffix(s, " days") || strings.HasSuffix(s, " day") {
		if !w.IsBusiness() {
			return "Net " + strconv.FormatInt(w.Count(), 10)
		}
	}
	return "within " + w.String()
}

func triggerWords(t sla.PaymentTrigger) string {
	switch t {
	case sla.TriggerInvoiceAndLiveLink:
		return "the later of the invoice and the live links"
	case sla.TriggerInvoice:
		return "the invoice"
	case sla.TriggerLiveLink:
		return "the live link"
	case sla.TriggerApproval:
		return "final approval"
	}
	return string(t)
}

func chargeWords(c pricing.Charge) string {
	switch {
	case c.Percent != nil:
		return c.Percent.String()
	case c.Fixed != nil && c.Fixed.IsValid():
		return c.Fixed.String()
	}
	return "as the rate card says"
}

func rushWindows(r sla.Rush) string {
	var parts []string
	add := func(w sla.Window, what string) {
		if !w.IsZero() {
			parts = append(parts, what+" "+w.String())
		}
	}
	add(r.BrandResponse, "brand replies in")
	add(r.CreatorResponse, "creator replies in")
	add(r.Draft, "draft in")
	add(r.Review, "reviews in")
	add(r.ProductionLead, "production")
	return strings.Join(parts, ", ")
}

// amountWords writes the total and its lines: "5300.00 USD: TikTok video
// 2500.00, usage rights 750.00, ...".
func amountWords(q pricing.DealQuote, ds []Deliverable) string {
	names := map[string]string{}
	for _, d := range ds {
		names[d.ID] = kindName(d)
	}
	var parts []string
	line := func(item string, l pricing.Line) {
		amt := l.Amount.StringFixed(moneyDigits(l.Amount), q.Rounding)
		amt = strings.TrimSuffix(amt, " "+l.Amount.Currency())
		var what string
		switch l.Kind {
		case pricing.KindBase:
			what = item
			if what == "" {
				what = "base fee"
			}
		case pricing.KindUsage:
			what = "usage rights"
		case pricing.KindWhitelisting:
			what = "whitelisting"
		case pricing.KindWhitelistingSetup:
			what = "whitelisting setup"
		case pricing.KindExclusivity:
			what = "exclusivity"
		case pricing.KindRevisions:
			what = "extra rounds"
		case pricing.KindRush:
			what = "rush fee"
		case pricing.KindNetZero:
			what = "Net 0"
		default:
			what = l.Kind.String()
		}
		parts = append(parts, what+" "+amt)
	}
	for _, it := range q.Items {
		n := names[it.Name]
		if n == "" {
			n = it.Name
		}
		for _, l := range it.Lines {
			line(n, l)
		}
	}
	for _, l := range q.Lines {
		line("", l)
	}
	return q.Total.String() + ": " + strings.Join(parts, ", ")
}

// moneyDigits is the number of decimals m.String prints.
func moneyDigits(m pricing.Money) int32 {
	s := m.String()
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return int32(len(s) - i - 1)
	}
	return 0
}
