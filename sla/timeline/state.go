package timeline

import (
	"encoding/json"
	"time"

	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
)

// Step names a milestone of a deliverable's timeline.
type Step string

// The steps, in the order they happen. Concept, concept review, draft review and
// revision repeat once per feedback round; report repeats once per report window.
const (
	StepShip          Step = "ship"           // brand: ship the product by the agreed date
	StepConcept       Step = "concept"        // creator: the concept outline (or its revision)
	StepConceptReview Step = "concept_review" // brand: feedback on or approval of the concept
	StepCompliance    Step = "compliance"     // brand: claims, disclosure and safety checked
	StepDraft         Step = "draft"          // creator: the draft
	StepReview        Step = "review"         // brand: feedback on or final approval of the draft
	StepRevision      Step = "revision"       // creator: the draft revised after feedback
	StepPost          Step = "post"           // creator: the post goes live
	StepLiveCheck     Step = "live_check"     // brand: tags, links and disclosure checked on the live post
	StepReport        Step = "report"         // creator: a report after posting
	StepInvoice       Step = "invoice"        // creator: the invoice
	StepPayment       Step = "payment"        // brand: the payment
)

// words returns the step in words, for messages.
func (s Step) words() string {
	switch s {
	case StepShip:
		return "the product shipment"
	case StepConceptReview:
		return "the concept review"
	case StepReview:
		return "final approval"
	case StepLiveCheck:
		return "the live check"
	}
	return "the " + string(s)
}

// Status is where a milestone stands at the state's now.
type Status string

// The statuses.
const (
	Pending  Status = "pending"  // not open yet: a step before it is not met
	OnTrack  Status = "on_track" // open, less than the policy's at-risk share of its window gone
	AtRisk   Status = "at_risk"  // open, at least that share gone
	Breached Status = "breached" // open, past its due instant
	Met      Status = "met"      // met by its due instant
	MetLate  Status = "met_late" // met after its due instant
)

// Milestone is one step of a deliverable at the state's now: who owns it, when it
// opened and is due on the owner's calendar, whether and when it was met, and the
// reason for its due date in words.
type Milestone struct {
	Step  Step  `json:"step"`
	Round int   `json:"round,omitempty"` // 1, 2, ... for steps that repeat
	Owner Party `json:"owner"`

	Opened time.Time `json:"opened,omitzero"`  // when its window opened; zero while pending
	Due    time.Time `json:"due,omitzero"`     // in the owner's zone; restarted by an escalation
	AtRisk time.Time `json:"at_risk,omitzero"` // when the at-risk share of the window is gone
	Met    time.Time `json:"met,omitzero"`
	Status Status    `json:"status"`

	// ApproveBy is, for a step the post date depends on (final approval, the
	// product shipment), the latest instant at which it can still be met
	// without moving the post.
	ApproveBy time.Time `json:"approve_by,omitzero"`
	// Escalations counts the times the step's window was restarted by an
	// escalation.
	Escalations int `json:"escalations,omitempty"`
	why         reason
}

// Reason says, in words, why the step is due when it is: "48 hours after the
// draft came Mon 8 Mar 2027 13:00 EST". It is formatted when asked for (and in
// JSON, as "reason"), so computing a state costs no formatting.
func (m Milestone) Reason() string { return m.why.String() }

// MarshalJSON writes the milestone with its reason.
func (m Milestone) MarshalJSON() ([]byte, error) {
	type plain Milestone
	return json.Marshal(struct {
		plain
		Reason string `json:"reason"`
	}{plain(m), m.Reason()})
}

// Shift is one change of the post instant, with its reason.
type Shift struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	Step Step      `json:"step"` // the late step, or "" for a renegotiation
	why  shiftWhy
}

// Reason says why the post moved, in words: "post date moved from Mon 15 Mar
// 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST
// and came Fri 12 Mar 2027 13:00 EST, 2 business days late". It is formatted
// when asked for (and in JSON, as "reason").
func (s Shift) Reason() string {
	w := s.why
	if s.Step == "" {
		return "post date renegotiated by both sides on " + stamp(w.came) + ": from " + postStamp(s.From) + " to " + postStamp(s.To)
	}
	loc := w.brand.Location()
	return "post date moved from " + postStamp(s.From) + " to " + postStamp(s.To) + ": " + w.what + " " +
		stamp(w.due.In(loc)) + " and came " + stamp(w.came.In(loc)) + ", " + lateness(w.brand, w.due, w.came) + " late"
}

// MarshalJSON writes the shift with its reason.
func (s Shift) MarshalJSON() ([]byte, error) {
	type plain Shift
	return json.Marshal(struct {
		plain
		Reason string `json:"reason"`
	}{plain(s), s.Reason()})
}

type shiftWhy struct {
	what      string
	due, came time.Time
	brand     *sla.Calendar
}

// Post is where the post date stands.
type Post struct {
	Planned time.Time `json:"planned"` // the plan's post instant
	Current time.Time `json:"current"` // after every shift and renegotiation
	Shifts  []Shift   `json:"shifts,omitempty"`
	// Promised is the working time of the creator's between when final approval
	// was due and the post, which a late approval never cuts; zero until a
	// draft is submitted.
	Promised time.Duration `json:"promised,omitempty"`
}

// ActionKind is what an action asks a platform to do.
type ActionKind string

// The kinds of actions.
const (
	FollowUp ActionKind = "follow_up" // chase the owner of an overdue step
	Escalate ActionKind = "escalate"  // tell the owner's manager; then record an Escalated event
	Remind   ActionKind = "remind"    // a step is at risk: remind its owner
)

// Action is something due to be sent, to whom and from when: the instant is the
// recipient's NextContact, so it goes out at a decent hour in their zone. ID is
// stable across calls, for a platform to send each action once.
type Action struct {
	ID     string     `json:"id"`
	Kind   ActionKind `json:"kind"`
	Party  Party      `json:"party"` // whose step it is
	To     Contact    `json:"to"`
	Step   Step       `json:"step"`
	Round  int        `json:"round,omitempty"`
	At     time.Time  `json:"at"`
	Reason string     `json:"reason"`
}

// State is a deliverable at an instant.
type State struct {
	Plan string    `json:"plan"`
	Now  time.Time `json:"now"`

	Milestones []Milestone `json:"milestones"`
	// WaitingOn lists the parties owning an open step, brand first.
	WaitingOn []Party `json:"waiting_on,omitempty"`
	Post      Post    `json:"post"`
	// ExtraRounds counts the feedback rounds beyond the policy's included ones,
	// and Extra prices them with the plan's rate card, one explained line
	// ("extra revision rounds: 2 × 150.00 USD = 300.00 USD"); the zero Line when
	// there are none or the plan has no rate card.
	FeedbackRounds int64        `json:"feedback_rounds,omitempty"` // concept and draft feedback rounds so far
	ExtraRounds    int64        `json:"extra_rounds,omitempty"`
	Extra          pricing.Line `json:"extra,omitzero"`
	// Actions are due now: each is due from its At, which is at or before Now.
	Actions []Action `json:"actions,omitempty"`
	// Next is the first instant after Now at which the state changes (a status,
	// a new action); the zero time when nothing will change without a new
	// event. A platform schedules one wake-up for it instead of polling.
	Next time.Time `json:"next,omitzero"`
	// Done reports whether every step is met.
	Done bool `json:"done"`
}

// Breached reports whether any milestone is breached.
func (s State) Breached() bool { return s.any(Breached) }

// AtRisk reports whether any milestone is at risk.
func (s State) AtRisk() bool { return s.any(AtRisk) }

func (s State) any(st Status) bool {
	for _, m := range s.Milestones {
		if m.Status == st {
			return true
		}
	}
	return false
}

// Milestone returns the last milestone of step (the latest round), and whether
// there is one.
func (s State) Milestone(step Step) (Milestone, bool) {
	for i := len(s.Milestones) - 1; i >= 0; i-- {
		if s.Milestones[i].Step == step {
			return s.Milestones[i], true
		}
	}
	return Milestone{}, false
}

// reason is why a milestone is due when it is, kept as data and formatted on
// demand.
type reason struct {
	kind whyKind
	rush bool
	w    sla.Window
	at   time.Time
	text string
}

type whyKind uint8

const (
	whyPending whyKind = iota
	whyOpened
	whyEscalated
	whyRush
	whyShipBy
	whyAgreedPost
	whyMoved
	whyRenegotiated
)

func (r reason) String() string {
	switch r.kind {
	case whyOpened:
		s := r.w.String() + " " + r.text + " " + stamp(r.at)
		if r.rush {
			s += " (rush)"
		}
		return s
	case whyEscalated:
		return r.w.String() + " from the escalation of " + stamp(r.at) + " (window restarted)"
	case whyRush:
		return r.w.String() + " from the rush confirmed " + stamp(r.at)
	case whyShipBy:
		return "the agreed ship-by date: shipped by " + stamp(r.at)
	case whyAgreedPost:
		return "the agreed post date"
	case whyMoved:
		return "moved: the " + r.text + " came late (see the post's shifts)"
	case whyRenegotiated:
		return "renegotiated by both sides on " + stamp(r.at)
	}
	return "opens when the step before it is met"
}
