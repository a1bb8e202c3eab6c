package sla

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
)

// Policy is the service terms of a brand–creator partnership: how fast each side
// answers, how many feedback rounds are included and how long each may take, when
// a silent party is followed up and escalated, how much production time the
// creator is promised before a post, and the deadlines after it (live check,
// reports, payment). [DefaultPolicy] holds the terms this field recognises.
//
// Policy is plain data a user writes (JSON, snake_case keys, windows as text such
// as "1 business day"); check it with [Policy.Validate]. Its zero value is not a
// policy without deadlines: it is invalid, and Validate says which terms are
// missing. Each window is counted on the calendar of the party that owns the step:
// response, review and follow-up windows on the waiting party's calendar,
// production and report windows on the creator's.
type Policy struct {
	// BrandResponse is how fast the brand answers a message: 1 business day.
	BrandResponse Window `json:"brand_response"`
	// CreatorResponse is how fast the creator answers a message, and the time
	// for a concept outline or a revision after feedback: 2 business days.
	CreatorResponse Window `json:"creator_response"`
	// Draft is the creator's time from concept approval to the draft: 5
	// business days.
	Draft Window `json:"draft"`

	// ConceptRounds and EditRounds are the feedback rounds included in the fee
	// (1 each); rounds beyond them are extra revisions and carry a price. A
	// policy cannot include unlimited rounds.
	ConceptRounds int64 `json:"concept_rounds"`
	EditRounds    int64 `json:"edit_rounds"`
	// Review is the brand's window for each round of feedback and for final
	// approval: 48 hours of time that is not quiet ([Hours](48)).
	Review Window `json:"review"`

	// FollowUps is how many follow-ups a silent party gets before escalation to
	// its manager (2), spaced FollowUpSpacing apart on the silent party's
	// calendar (1 business day). An escalation restarts the waiting step's
	// window.
	FollowUps       int64  `json:"follow_ups"`
	FollowUpSpacing Window `json:"follow_up_spacing"`

	// ProductionLead is the least working time of the creator's between final
	// approval and the post: 2 business days. A plan that promises less is
	// infeasible.
	ProductionLead Window `json:"production_lead"`
	// PostingDays are the days a post may go live on, as a day rule ("daily",
	// "mon-fri", "tue,thu"): "daily". A shifted post date moves to the next of
	// them.
	PostingDays string `json:"posting_days"`
	// LiveCheck is the brand's window to check a post after it goes live: 2
	// hours.
	LiveCheck Window `json:"live_check"`
	// KeepLive is how long the post stays up: 90 days.
	KeepLive Window `json:"keep_live"`
	// Reports are the creator's reporting deadlines after posting: 7 and 30 days.
	Reports []Window `json:"reports"`

	// Payment is when the brand pays.
	Payment Payment `json:"payment"`
	// Rush are the shorter windows of a rush, applied from the instant both
	// sides have confirmed it and never before; nil means the policy has no rush
	// terms, and a rush cannot be requested.
	Rush *Rush `json:"rush,omitempty"`

	// AtRisk is the share of a window, in percent of its own unit, after which a
	// step that is not met is at risk: 75.
	AtRisk int64 `json:"at_risk_percent"`
}

// PaymentTrigger names the event that starts the payment terms.
type PaymentTrigger string

// The payment triggers.
const (
	// TriggerInvoiceAndLiveLink starts the clock at the later of the invoice and
	// the live link: "Net 15 after invoice and live links".
	TriggerInvoiceAndLiveLink PaymentTrigger = "invoice_and_live_link"
	// TriggerInvoice starts it at the invoice.
	TriggerInvoice PaymentTrigger = "invoice"
	// TriggerLiveLink starts it at the live link.
	TriggerLiveLink PaymentTrigger = "live_link"
	// TriggerApproval starts it at final approval.
	TriggerApproval PaymentTrigger = "approval"
)

func (t PaymentTrigger) valid() bool {
	switch t {
	case TriggerInvoiceAndLiveLink, TriggerInvoice, TriggerLiveLink, TriggerApproval:
		return true
	}
	return false
}

// Payment is the payment terms: Net days after a trigger.
type Payment struct {
	// Net is the time from the trigger to payment, on the brand's calendar:
	// [Days](15) is Net 15.
	Net Window `json:"net"`
	// Trigger is what starts Net: the later of invoice and live link by default.
	Trigger PaymentTrigger `json:"trigger"`
}

// Rush is the shorter windows that apply once both sides confirmed a rush. A zero
// window here keeps the policy's normal one.
type Rush struct {
	BrandResponse   Window `json:"brand_response,omitzero"`
	CreatorResponse Window `json:"creator_response,omitzero"`
	Draft           Window `json:"draft,omitzero"`
	Review          Window `json:"review,omitzero"`
	ProductionLead  Window `json:"production_lead,omitzero"`
}

// MaxRounds bounds the included feedback rounds of a policy: "unlimited
// revisions" is not a term this library writes down.
const MaxRounds = 20

// DefaultPolicy returns the service terms this field recognises: the brand
// replies within 1 business day and the creator within 2; 1 concept round and 1
// edit round, 48 hours each; escalation after 2 unanswered follow-ups spaced 1
// business day apart; 2 business days of production between final approval and
// the post; the live check within 2 hours; the post kept live 90 days; reports 7
// and 30 days after posting; Net 15 after the later of invoice and live link; a
// step at risk when 75% of its window has gone. Rush terms: replies within 4
// business hours, 24-hour reviews, a 2-business-day draft and 1 business day of
// production.
func DefaultPolicy() Policy {
	return Policy{
		BrandResponse:   BusinessDays(1),
		CreatorResponse: BusinessDays(2),
		Draft:           BusinessDays(5),
		ConceptRounds:   1,
		EditRounds:      1,
		Review:          Hours(48),
		FollowUps:       2,
		FollowUpSpacing: BusinessDays(1),
		ProductionLead:  BusinessDays(2),
		PostingDays:     "daily",
		LiveCheck:       Hours(2),
		KeepLive:        Days(90),
		Reports:         []Window{Days(7), Days(30)},
		Payment:         Payment{Net: Days(15), Trigger: TriggerInvoiceAndLiveLink},
		Rush: &Rush{
			BrandResponse:   BusinessHours(4),
			CreatorResponse: BusinessHours(4),
			Draft:           BusinessDays(2),
			Review:          Hours(24),
			ProductionLead:  BusinessDays(1),
		},
		AtRisk: 75,
	}
}

// Validate reports every problem of the policy at once, in a *[ValidationError]
// with the JSON path of each term: a missing (zero) window where one is needed,
// round counts outside 0..[MaxRounds], no follow-up spacing, posting days that do
// not parse, an unknown payment trigger, an at-risk share outside 1..99, a rush
// window that is not shorter than the normal one.
func (p Policy) Validate() error {
	l := problem.List{Pkg: pkg}
	need := func(path string, w Window) {
		if w.IsZero() {
			l.Add(path, CodeRequired, "required: a window such as \"2 business days\" (zero is not \"no deadline\")")
		}
	}
	need("brand_response", p.BrandResponse)
	need("creator_response", p.CreatorResponse)
	need("draft", p.Draft)
	need("review", p.Review)
	need("follow_up_spacing", p.FollowUpSpacing)
	need("live_check", p.LiveCheck)
	need("keep_live", p.KeepLive)
	need("payment.net", p.Payment.Net)
	rounds := func(path string, n int64) {
		if n < 0 || n > MaxRounds {
			l.Add(path, CodeOutOfRange, fmt.Sprintf("%d rounds: want 0 to %d", n, MaxRounds))
		}
	}
	rounds("concept_rounds", p.ConceptRounds)
	rounds("edit_rounds", p.EditRounds)
	if p.FollowUps < 0 || p.FollowUps > MaxRounds {
		l.Add("follow_ups", CodeOutOfRange, fmt.Sprintf("%d follow-ups: want 0 to %d", p.FollowUps, MaxRounds))
	}
	if _, err := p.postingDays(); err != nil {
		l.AddErr("posting_days", err)
	}
	for i, w := range p.Reports {
		if w.IsZero() {
			need(problem.Index("reports", i), w)
		}
	}
	if !p.Payment.Trigger.valid() {
		l.Add("payment.trigger", CodeMalformed, "unknown trigger "+problem.Quote(string(p.Payment.Trigger))+
			": want invoice_and_live_link, invoice, live_link or approval")
	}
	if p.AtRisk < 1 || p.AtRisk > 99 {
		l.Add("at_risk_percent", CodeOutOfRange, strconv.FormatInt(p.AtRisk, 10)+"%: want 1 to 99")
	}
	if r := p.Rush; r != nil {
		shorter := func(path string, rush, normal Window) {
			if !rush.IsZero() && rush.unit == normal.unit && rush.n >= normal.n {
				l.Add("rush."+path, CodeOutOfRange, "rush window "+rush.String()+" is not shorter than "+normal.String())
			}
		}
		shorter("brand_response", r.BrandResponse, p.BrandResponse)
		shorter("creator_response", r.CreatorResponse, p.CreatorResponse)
		shorter("draft", r.Draft, p.Draft)
		shorter("review", r.Review, p.Review)
		shorter("production_lead", r.ProductionLead, p.ProductionLead)
	}
	return l.Err("policy")
}

// postingDays returns the posting days as a weekday bit set (bit i is
// time.Weekday(i)).
func (p Policy) postingDays() (uint8, error) {
	s := strings.ToLower(strings.TrimSpace(p.PostingDays))
	if s == "" {
		return 0, parseErr("posting_days", p.PostingDays, "", "empty: want days such as \"daily\" or \"mon-fri\"")
	}
	return parseDays("posting_days", p.PostingDays, s)
}

// IsPostingDay reports whether weekday w (0 is Sunday) is a posting day. It
// reports false for every day of a policy whose posting days do not parse.
func (p Policy) IsPostingDay(w int) bool {
	days, err := p.postingDays()
	return err == nil && w >= 0 && w < 7 && days&(1<<w) != 0
}

// MaxPolicyBytes bounds the JSON [DecodePolicy] reads.
const MaxPolicyBytes = 64 << 10

// DecodePolicy reads a policy from JSON strictly (exact keys, no duplicates, no
// unknown fields, at most [MaxPolicyBytes]) over [DefaultPolicy]: a term the
// document leaves out keeps its default, so {"brand_response":"4 business hours"}
// is the default policy with a faster brand. It validates the result and
// reports every problem at once, each with its path.
func DecodePolicy(data []byte) (Policy, error) {
	p := DefaultPolicy()
	decoded, ok := strictjson.Decode(pkg, data, &p, MaxPolicyBytes)
	l := problem.List{Pkg: pkg, Problems: decoded}
	if ok {
		if err := p.Validate(); err != nil {
			l.Problems = strictjson.Merge(decoded, problem.Problems(pkg, "", err))
		}
	}
	if err := l.Err("policy"); err != nil {
		return Policy{}, err
	}
	return p, nil
}
