package timeline

import (
	"cmp"
	"slices"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/sla"
)

// Kind is what an [Event] records.
type Kind string

// The kinds of events.
const (
	ProductShipped    Kind = "product_shipped"    // the brand shipped the product
	ProductReceived   Kind = "product_received"   // the creator has it; the concept window opens
	ConceptSubmitted  Kind = "concept_submitted"  // a concept outline, or its revision
	ConceptFeedback   Kind = "concept_feedback"   // one consolidated round of notes on the concept
	ConceptApproved   Kind = "concept_approved"   // the concept is approved; the compliance check opens
	ComplianceChecked Kind = "compliance_checked" // claims, disclosure and safety reviewed; the draft window opens
	DraftSubmitted    Kind = "draft_submitted"    // a draft, or its revision
	DraftFeedback     Kind = "draft_feedback"     // one consolidated round of notes on the draft
	Approved          Kind = "approved"           // final approval
	Posted            Kind = "posted"             // the post is live (URL)
	LiveChecked       Kind = "live_checked"       // the brand checked the live post (findings)
	ReportReceived    Kind = "report_received"    // a report answering one of the policy's report windows
	InvoiceReceived   Kind = "invoice_received"   // the creator's invoice
	Paid              Kind = "paid"               // the brand paid
	FollowUpSent      Kind = "follow_up_sent"     // a follow-up to the party To
	Escalated         Kind = "escalated"          // the party To's manager was escalated to
	RushRequested     Kind = "rush_requested"     // By asks for a rush (and so confirms it)
	RushConfirmed     Kind = "rush_confirmed"     // By confirms a rush
	PostRenegotiated  Kind = "post_renegotiated"  // both sides agreed a new post date and time
)

var kinds = []Kind{ProductShipped, ProductReceived, ConceptSubmitted, ConceptFeedback, ConceptApproved,
	ComplianceChecked, DraftSubmitted, DraftFeedback, Approved, Posted, LiveChecked, ReportReceived,
	InvoiceReceived, Paid, FollowUpSent, Escalated, RushRequested, RushConfirmed, PostRenegotiated}

// Event is one thing that really happened to a deliverable. Events may arrive in
// any order and late: the engine orders them by At, ties by Seq.
type Event struct {
	Seq  int64     `json:"seq"`
	At   time.Time `json:"at"`
	Kind Kind      `json:"kind"`

	// By is who acted, for rush requests and confirmations (brand or creator)
	// and renegotiations (both).
	By Party `json:"by,omitempty"`
	// To is the party followed up or escalated.
	To Party `json:"to,omitempty"`
	// MustFix and NiceToHave count a feedback round's notes: must-fix (legal,
	// safety, factual) and nice-to-have (style).
	MustFix    int64 `json:"must_fix,omitempty"`
	NiceToHave int64 `json:"nice_to_have,omitempty"`
	// URL is the live post's address.
	URL string `json:"url,omitempty"`
	// Findings are what the live check found wrong; none means it passed.
	Findings []string `json:"findings,omitempty"`
	// Report is the report window a report answers: "7 days", "30 days".
	Report sla.Window `json:"report,omitzero"`
	// PostDate and PostTime are the renegotiated post date and local time.
	PostDate date.Date   `json:"post_date,omitzero"`
	PostTime clock.Clock `json:"post_time,omitzero"`
}

// MaxEventsBytes bounds the JSON [DecodeEvents] reads.
const MaxEventsBytes = 4 << 20

// DecodeEvents reads a JSON array of events strictly (exact keys, no duplicates,
// no unknown fields, at most [MaxEventsBytes]) and checks each on its own (a
// known kind, an instant, the fields its kind needs), reporting every problem
// with its path ("[3].kind"). Whether the events make sense together is
// [Timeline.State]'s to judge.
func DecodeEvents(data []byte) ([]Event, error) {
	var evs []Event
	decoded, ok := strictjson.Decode(pkg, data, &evs, MaxEventsBytes)
	l := problem.List{Pkg: pkg, Problems: decoded}
	if ok {
		var checked []*FieldError
		for i, e := range evs {
			if at := problem.Index("", i); !strictjson.Holds(at, decoded) {
				checked = append(checked, e.problems(at)...)
			}
		}
		l.Problems = strictjson.Merge(decoded, checked)
	}
	if err := l.Err("events"); err != nil {
		return nil, err
	}
	return evs, nil
}

// plainEvent is Event without its UnmarshalJSON.
type plainEvent Event

// UnmarshalJSON decodes an event strictly (exact keys, no duplicates, no unknown
// fields), so that encoding/json reads events as strictly as [DecodeEvents]. It
// does not check the event; [Event.Validate] does.
func (e *Event) UnmarshalJSON(data []byte) error {
	var v plainEvent
	decoded, _ := strictjson.Decode(pkg, data, &v, MaxEventsBytes)
	if err := problem.NewValidationError(pkg, "event", decoded); err != nil {
		return err
	}
	*e = Event(v)
	return nil
}

// Validate checks the event on its own: a known kind, an instant, and the fields
// its kind needs.
func (e Event) Validate() error {
	return problem.NewValidationError(pkg, "event", e.problems(""))
}

// valid reports whether the event has no problem on its own, without building
// any path.
func (e Event) valid() bool {
	if e.At.IsZero() || !slices.Contains(kinds, e.Kind) {
		return false
	}
	switch e.Kind {
	case FollowUpSent, Escalated:
		return e.To == Brand || e.To == Creator
	case RushRequested, RushConfirmed:
		return e.By == Brand || e.By == Creator
	case PostRenegotiated:
		return e.By == Both && !e.PostDate.IsZero()
	case ConceptFeedback, DraftFeedback:
		return e.MustFix >= 0 && e.NiceToHave >= 0
	case ReportReceived:
		return !e.Report.IsZero()
	}
	return true
}

func (e Event) problems(path string) []*FieldError {
	l := problem.List{Pkg: pkg}
	at := func(f string) string { return problem.JoinPath(path, f) }
	if !slices.Contains(kinds, e.Kind) {
		l.Add(at("kind"), problem.CodeMalformed, "unknown kind "+problem.Quote(string(e.Kind)))
	}
	if e.At.IsZero() {
		l.Add(at("at"), problem.CodeRequired, "required: when it happened")
	}
	switch e.Kind {
	case FollowUpSent, Escalated:
		if e.To != Brand && e.To != Creator {
			l.Add(at("to"), problem.CodeRequired, "required: the party followed up or escalated, brand or creator")
		}
	case RushRequested, RushConfirmed:
		if e.By != Brand && e.By != Creator {
			l.Add(at("by"), problem.CodeRequired, "required: who asks for or confirms the rush, brand or creator")
		}
	case PostRenegotiated:
		if e.By != Both {
			l.Add(at("by"), problem.CodeRequired, `required: "both": a post date is renegotiated by both sides`)
		}
		if e.PostDate.IsZero() {
			l.Add(at("post_date"), problem.CodeRequired, "required: the new post date")
		}
	case ConceptFeedback, DraftFeedback:
		if e.MustFix < 0 || e.NiceToHave < 0 {
			l.Add(at("must_fix"), problem.CodeOutOfRange, "note counts cannot be negative")
		}
	case ReportReceived:
		if e.Report.IsZero() {
			l.Add(at("report"), problem.CodeRequired, `required: the report window it answers, such as "7 days"`)
		}
	}
	return l.Problems
}

// ordered returns the indexes of the events sorted by instant, ties by sequence
// number, in buf's storage.
func ordered(events []Event, buf []int) []int {
	idx := buf[:0]
	for i := range events {
		idx = append(idx, i)
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := events[a].At.Compare(events[b].At); c != 0 {
			return c
		}
		return cmp.Compare(events[a].Seq, events[b].Seq)
	})
	return idx
}
