package timeline

import (
	"fmt"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
)

// Party is a side of the partnership: the brand or the creator.
type Party string

// The parties.
const (
	Brand   Party = "brand"
	Creator Party = "creator"
	// Both is the two parties together: a post date renegotiated by both.
	Both Party = "both"
)

// Other returns the other party (the creator for the brand and the reverse).
func (p Party) Other() Party {
	if p == Brand {
		return Creator
	}
	return Brand
}

// Contact is a person a deliverable's actions go to.
type Contact struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	// Calendar is the contact's own time, when it is not the side's (a manager
	// in another office). Actions to the contact go out at its NextContact.
	Calendar *sla.Calendar `json:"calendar,omitempty"`
}

// Side is one party of a plan: its calendar (its working time, quiet hours and
// zone), the owner who answers and the manager a silent owner is escalated to.
type Side struct {
	Calendar *sla.Calendar `json:"calendar"`
	Owner    Contact       `json:"owner"`
	Manager  Contact       `json:"manager"`
}

// calendarOf returns the calendar actions to c go out on.
func (s Side) calendarOf(c Contact) *sla.Calendar {
	if c.Calendar != nil {
		return c.Calendar
	}
	return s.Calendar
}

// Product is the physical product a brand ships to the creator. The brand's
// commitment is to ship it by the end of ShipBy on its own calendar; the
// creator's concept window opens when it arrives.
type Product struct {
	ShipBy date.Date `json:"ship_by"`
}

// Plan is one deliverable's agreed schedule: the service terms, both sides, the
// kickoff, the agreed post date and local time (in the creator's zone) and, if a
// product is shipped, the shipping commitment.
//
// A Plan is plain data (JSON, read with [DecodePlan]); [Compile] validates it and
// turns it into a [Timeline]. Calendars are pointers so that many plans share a
// party's one built calendar.
type Plan struct {
	ID       string      `json:"id"`
	Policy   sla.Policy  `json:"policy"`
	Brand    Side        `json:"brand"`
	Creator  Side        `json:"creator"`
	Kickoff  time.Time   `json:"kickoff"`
	PostDate date.Date   `json:"post_date"`
	PostTime clock.Clock `json:"post_time"`
	Product  *Product    `json:"product,omitempty"`
	// RateCard, if given, prices the feedback rounds beyond the policy's
	// included ones with its extra revision fee
	// ([pricing.RateCard.ExtraRevisions]): State.Extra is the priced line. It
	// must validate and have an ExtraRevision fee. Nil leaves extra rounds
	// counted but unpriced.
	RateCard *pricing.RateCard `json:"rate_card,omitempty"`
}

// MaxPlanBytes bounds the JSON [DecodePlan] reads.
const MaxPlanBytes = 1 << 20

// DecodePlan reads a plan from JSON strictly (exact keys, no duplicates, no
// unknown fields, at most [MaxPlanBytes]); a policy term the plan leaves out
// keeps its [sla.DefaultPolicy] value. It validates the plan as [Compile] does
// and reports every problem at once, each with its path ("creator.calendar.hours[0]").
func DecodePlan(data []byte) (Plan, error) {
	p, decoded, ok := decodePlan(data)
	l := problem.List{Pkg: pkg, Problems: decoded}
	if ok {
		if _, err := Compile(p); err != nil {
			l.Problems = strictjson.Merge(decoded, problem.Problems(pkg, "", err))
		}
	}
	if err := l.Err("plan"); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// plainPlan is Plan without its UnmarshalJSON.
type plainPlan Plan

func decodePlan(data []byte) (Plan, []*FieldError, bool) {
	p := plainPlan{Policy: sla.DefaultPolicy()}
	decoded, ok := strictjson.Decode(pkg, data, &p, MaxPlanBytes)
	return Plan(p), decoded, ok
}

// UnmarshalJSON decodes a plan as [DecodePlan] does (strictly, over the default
// policy) without compiling it, so that encoding/json reads plans as strictly as
// this package does.
func (p *Plan) UnmarshalJSON(data []byte) error {
	v, decoded, _ := decodePlan(data)
	if err := problem.NewValidationError(pkg, "plan", decoded); err != nil {
		return err
	}
	*p = v
	return nil
}

// Timeline is a compiled plan: validated, with its planned post instant. It is
// immutable and safe for concurrent use; [Timeline.State] answers for any
// events and any now.
type Timeline struct {
	plan    Plan
	post    time.Time // the planned post instant
	posting uint8     // posting weekdays
}

// Compile validates the plan and returns its timeline. Every problem is reported
// at once: missing calendars or contacts, a policy that does not validate, a
// post date not on a posting day, and a plan whose windows cannot fit before the
// post date (code "infeasible", with the numbers): taking every step's whole
// window from the kickoff, final approval would be due at D, and the policy's
// production lead time from D must end by the post.
func Compile(p Plan) (*Timeline, error) {
	t := new(Timeline)
	if err := t.compile(&p, true); err != nil {
		return nil, err
	}
	return t, nil
}

// compile is Compile, checking that the windows fit only when fit is set.
// compile makes t the timeline of *p, or reports why it cannot be; fit checks
// that the windows fit before the post. t is left unusable on error.
func (t *Timeline) compile(p *Plan, fit bool) error {
	l := problem.List{Pkg: pkg}
	if err := p.Policy.Validate(); err != nil {
		for _, f := range problem.Problems(pkg, "", err) {
			l.Problems = append(l.Problems, f.Rebase("policy"))
		}
	}
	for _, s := range []struct {
		path string
		side Side
	}{{"brand", p.Brand}, {"creator", p.Creator}} {
		if s.side.Calendar == nil {
			l.Add(s.path+".calendar", problem.CodeRequired, "required: the side's calendar")
		}
		if s.side.Owner.Name == "" {
			l.Add(s.path+".owner.name", problem.CodeRequired, "required: the person who answers for the "+s.path)
		}
		if s.side.Manager.Name == "" {
			l.Add(s.path+".manager.name", problem.CodeRequired, "required: the person a silent "+s.path+" owner is escalated to")
		}
	}
	if p.Kickoff.IsZero() {
		l.Add("kickoff", problem.CodeRequired, "required: when the work starts")
	}
	if p.PostDate.IsZero() {
		l.Add("post_date", problem.CodeRequired, "required: the agreed post date")
	}
	if !p.PostTime.IsInOneDay() || p.PostTime < 0 {
		l.Add("post_time", problem.CodeOutOfRange, "want a time of day from 00:00 to 23:59")
	}
	if p.Product != nil && p.Product.ShipBy.IsZero() {
		l.Add("product.ship_by", problem.CodeRequired, "required: the date the brand ships the product by")
	}
	if c := p.RateCard; c != nil {
		if err := c.Validate(); err != nil {
			for _, f := range problem.Problems(pkg, "", err) {
				l.Problems = append(l.Problems, f.Rebase("rate_card"))
			}
		} else if c.ExtraRevision == nil {
			l.Add("rate_card.extra_revision", problem.CodeRequired, "required: the fee of one extra revision round, to price extra feedback rounds")
		}
	}
	if len(l.Problems) > 0 {
		return l.Err("plan")
	}
	*t = Timeline{plan: *p}
	t.post = t.postAt(p.PostDate, p.PostTime)
	for w := range 7 {
		if p.Policy.IsPostingDay(w) {
			t.posting |= 1 << w
		}
	}
	if t.posting&(1<<p.PostDate.Weekday()) == 0 {
		l.Add("post_date", problem.CodeOutOfRange, fmt.Sprintf("%s is a %s, not a posting day (%s)", p.PostDate, p.PostDate.Weekday(), p.Policy.PostingDays))
	}
	if !t.post.After(p.Kickoff) {
		l.Add("post_date", CodeInfeasible, "the post "+stamp(t.post)+" is not after the kickoff "+stamp(p.Kickoff))
	} else if !fit {
		// The board takes plans as they are; Compile judges them.
	} else if d, ok := t.plannedApproval(); ok {
		cr := p.Creator.Calendar
		earliest := cr.Due(d, p.Policy.ProductionLead)
		if earliest.After(t.post) {
			l.Add("post_date", CodeInfeasible, fmt.Sprintf(
				"cannot fit: with every window used in full, final approval is due %s; %s of production (%s) end %s, after the planned post %s",
				stamp(d), p.Policy.ProductionLead, hoursOf(cr.WorkingTime(d, earliest)), stamp(earliest), stamp(t.post)))
		}
	}
	return l.Err("plan")
}

// MustCompile is like [Compile] but panics on error. It is for tests and
// package-level literals.
func MustCompile(p Plan) *Timeline {
	t, err := Compile(p)
	if err != nil {
		panic(err)
	}
	return t
}

// Plan returns the timeline's plan.
func (t *Timeline) Plan() Plan { return t.plan }

// PlannedPost returns the planned post instant: the plan's post date and time in
// the creator's zone, by the calendar's DST rule.
func (t *Timeline) PlannedPost() time.Time { return t.post }

func (t *Timeline) postAt(d date.Date, c clock.Clock) time.Time {
	y, m, dd := d.Date()
	return t.plan.Creator.Calendar.At(y, m, dd, c.Hours(), c.Minutes(), c.Seconds())
}

// plannedApproval returns when final approval would be due if every step took
// its whole window from the kickoff (the product shipped on its last day and
// arrived at once).
func (t *Timeline) plannedApproval() (time.Time, bool) {
	p := t.plan
	br, cr := p.Brand.Calendar, p.Creator.Calendar
	at := p.Kickoff
	if p.Product != nil {
		at = maxTime(at, t.shipDue())
	}
	at = cr.Due(at, p.Policy.CreatorResponse) // concept
	at = br.Due(at, p.Policy.Review)          // concept review
	at = br.Due(at, p.Policy.BrandResponse)   // compliance
	at = cr.Due(at, p.Policy.Draft)           // draft
	at = br.Due(at, p.Policy.Review)          // final approval
	return at, true
}

// shipDue is the end of the ship-by date on the brand's calendar.
func (t *Timeline) shipDue() time.Time {
	y, m, d := t.plan.Product.ShipBy.Date()
	return t.plan.Brand.Calendar.At(y, m, d+1, 0, 0, 0)
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
