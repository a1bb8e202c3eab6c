package contract

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// Agreement is one brand–creator agreement as data: who the two sides are and
// how to reach them, the brief, what the creator delivers and when, the
// service terms, the priced deal and how it is paid, the rights granted, the
// compliance rules, what is reported, and who to call when a timeline slips.
//
// An Agreement is plain data a user writes (JSON with snake_case keys, read
// with [DecodeAgreement]). [Agreement.Validate] checks that it is well formed;
// [Check] judges whether it is ready to sign. A value holding slices and
// pointers, it is not comparable with ==: use [Agreement.Equal]. Calendars
// are shared, immutable *sla.Calendar values.
//
// Terms that an agreement may leave out, say are explicitly "none", or state
// with a value are [Opt] values; see [Opt] for the JSON idiom.
type Agreement struct {
	// ID identifies the agreement, e.g. "glowco-dew-2027/maya-reyes".
	// Optional.
	ID string `json:"id,omitempty"`
	// Template names the template the agreement was made from, if any
	// ([Template.Instantiate] sets it).
	Template TemplateRef `json:"template,omitzero"`
	// Campaign is the campaign the agreement belongs to. Its name is
	// required.
	Campaign CampaignRef `json:"campaign"`
	// Kickoff is the date work starts: the schedule is measured from the
	// start of this date on the brand's calendar.
	Kickoff date.Date `json:"kickoff,omitzero"`

	// Brand and Creator are the two sides: a name, each side's calendar,
	// the owner who answers, a backup, and the manager a silent owner is
	// escalated to.
	Brand   Party `json:"brand"`
	Creator Party `json:"creator"`

	// Brief is what the creator needs to know before making anything.
	Brief Brief `json:"brief,omitzero"`
	// Deliverables are what the creator makes and posts, 1 to
	// [MaxDeliverables] of them.
	Deliverables []Deliverable `json:"deliverables"`

	// Policy is the service terms: response times, included rounds,
	// approval windows, follow-ups, production lead time, reporting and
	// payment deadlines. A term the agreement leaves out keeps its
	// [sla.DefaultPolicy] value, except the payment terms
	// (policy.payment): a payment promise is written down or it is
	// missing, and [Check] says so.
	Policy sla.Policy `json:"policy"`
	// Rush is a rush turnaround, agreed ("none" for the standard
	// timelines). A rush needs a rush fee in the deal.
	Rush Opt[Rush] `json:"rush,omitzero"`

	// Commercial is the price and how it is paid.
	Commercial Commercial `json:"commercial,omitzero"`
	// Rights are what the brand may do with the content beyond the post.
	Rights Rights `json:"rights,omitzero"`
	// Compliance is the disclosure and claim rules, known before filming.
	Compliance Compliance `json:"compliance,omitzero"`
	// Reporting is what the creator reports, from which source, and how
	// the numbers are read.
	Reporting Reporting `json:"reporting,omitzero"`
	// Escalation is who to contact, in order, when a timeline slips.
	Escalation Opt[[]EscalationContact] `json:"escalation,omitzero"`
	// QuietHours is the quiet-hours line, in words both sides read: "No
	// weekend approvals unless pre-scheduled."
	QuietHours string `json:"quiet_hours,omitempty"`
}

// MaxDeliverables bounds the deliverables of one agreement.
const MaxDeliverables = 100

// CampaignRef names the campaign an agreement belongs to.
type CampaignRef struct {
	// ID is a stable identifier: "glowco-dew-2027".
	ID string `json:"id,omitempty"`
	// Name is what people call it: "GlowCo Dew Serum launch". Required.
	Name string `json:"name"`
}

// TemplateRef names the template and the version an agreement was made from.
type TemplateRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Party is one side of the agreement. It embeds a [sltimeline.Side] (the
// side's calendar, the owner who answers and the manager a silent owner is
// escalated to), so an agreement feeds the timeline engine as it is, and adds
// the side's name, handle and backup contact. In JSON its keys are name,
// handle, calendar, owner, manager and backup.
type Party struct {
	// Name is the brand's or the creator's name: "GlowCo". Required.
	Name string `json:"name"`
	// Handle is the side's social handle: "@glowco".
	Handle string `json:"handle,omitempty"`
	sltimeline.Side
	// Backup answers when the owner is away. One owner without a backup is
	// where delays start.
	Backup sltimeline.Contact `json:"backup,omitzero"`
}

// Brief is what the creator needs before making anything: the product, the
// audience, the key message, what must be shown and what is off limits
// (creative rules; legal ones are in [Compliance]), and when the product
// ships.
type Brief struct {
	Product    string   `json:"product,omitempty"`
	Audience   string   `json:"audience,omitempty"`
	KeyMessage string   `json:"key_message,omitempty"`
	MustShow   []string `json:"must_show,omitempty"`
	OffLimits  []string `json:"off_limits,omitempty"`
	// Shipping is when the product ships ("none" when nothing is shipped).
	Shipping Opt[Shipping] `json:"shipping,omitzero"`
}

// Shipping is the brand's shipping commitment.
type Shipping struct {
	// ShipBy is the date the brand ships the product by, on its calendar.
	ShipBy date.Date `json:"ship_by,omitzero"`
	// ExpectedReceipt is when the creator should have it; not before
	// ShipBy.
	ExpectedReceipt date.Date `json:"expected_receipt,omitzero"`
}

// Deliverable is one piece of content: "1 TikTok video, 20–35 s, posted
// 2027-03-15 12:00". It is posted on one date (PostDate) or within a window
// (Window), not both.
type Deliverable struct {
	// ID names the deliverable within the agreement ("tiktok-video"); the
	// deal prices it under the same name. Required, unique.
	ID string `json:"id"`
	// Platform and Format say what it is: "tiktok" "short_video",
	// "instagram" "story". The deal's rate card uses the same keys.
	Platform string `json:"platform"`
	Format   string `json:"format"`
	// Count is the number of units (posts, frames): 1 to [MaxCount].
	Count int64 `json:"count"`
	// Length is the length range of each unit ("none" where length does not
	// apply, as for a photo).
	Length Opt[Length] `json:"length,omitzero"`
	// Extras are what comes with it, in words: "link sticker to
	// glowco.example/dew" ("none" when nothing does).
	Extras Opt[[]string] `json:"extras,omitzero"`
	// PostDate is the agreed post date.
	PostDate date.Date `json:"post_date,omitzero"`
	// Window is the agreed posting window, instead of a post date.
	Window *PostingWindow `json:"window,omitempty"`
	// PostTime is the local time of the post, in the creator's zone.
	PostTime *clock.Clock `json:"post_time,omitempty"`
	// Tag is the brand handle the post tags: "@glowco".
	Tag string `json:"tag,omitempty"`
	// Link is the link the post carries (a link sticker, the description
	// link): "https://glowco.example/dew".
	Link string `json:"link,omitempty"`
	// Disclosure is the exact disclosure the caption carries: "#ad", "Paid
	// partnership with @glowco". When empty, the agreement's [Compliance]
	// disclosure language applies.
	Disclosure string `json:"disclosure,omitempty"`
	// PaidLabel reports whether the post turns on the platform's
	// paid-partnership label.
	PaidLabel bool `json:"paid_label,omitempty"`
	// KeepLiveDays is how many days the post stays up; 0 means the
	// policy's keep_live. At most [MaxKeepLiveDays].
	KeepLiveDays int64 `json:"keep_live_days,omitempty"`
}

// Bounds of a deliverable.
const (
	// MaxCount bounds a deliverable's count of units.
	MaxCount = 1000
	// MaxSeconds bounds a length: 10 hours.
	MaxSeconds = 36_000
	// MaxKeepLiveDays bounds how long a post is kept live: 10 years.
	MaxKeepLiveDays = 3650
	// MaxWindowDays bounds a posting window, counted inclusively.
	MaxWindowDays = 366
)

// Length is a length range in seconds, MinSeconds ≤ MaxSeconds: 20–35 s.
type Length struct {
	MinSeconds int64 `json:"min_seconds"`
	MaxSeconds int64 `json:"max_seconds"`
}

// PostingWindow is the dates a post may go live on, both included.
type PostingWindow struct {
	From date.Date `json:"from,omitzero"`
	To   date.Date `json:"to,omitzero"`
}

// Rush is an agreed rush turnaround: the policy's rush windows apply from the
// instant both sides confirm it. Pay for speed or accept the standard
// timelines: a rush needs a rush fee in the deal.
type Rush struct {
	// Reason says why: "launch moved to 10 March".
	Reason string `json:"reason,omitempty"`
}

// Commercial is the commercial terms: the priced deal, what an invoice must
// carry and where it goes. The payment terms (Net days and their trigger) are
// the policy's payment, [sla.Payment].
type Commercial struct {
	// RateCard prices the deal.
	RateCard *pricing.RateCard `json:"rate_card,omitempty"`
	// Deal is what the rate card prices ([Agreement.Price]): one item per
	// deliverable, each a [pricing.DealItem] named after the deliverable's
	// ID (usage rights and rush on the item), and the terms of the whole
	// deal (whitelisting, exclusivity, Net 0). In JSON:
	// {"items": [{"name": "tiktok-video", "platform": "tiktok", ...}],
	// "whitelisting": {...}, "exclusivity": {...}}.
	Deal pricing.DealRequest `json:"deal,omitzero"`
	// Invoice is what an invoice must carry and who receives it.
	Invoice Invoice `json:"invoice,omitzero"`
}

// Invoice is what an invoice must carry and who receives it.
type Invoice struct {
	// To is who receives invoices: "ap@glowco.example".
	To string `json:"to,omitempty"`
	// MustInclude lists what an invoice must carry: "PO number GC-114",
	// "live links", "W-9 on file".
	MustInclude []string `json:"must_include,omitempty"`
}

// Rights are what the brand may do with the content beyond the post. Each is
// an [Opt]: unstated, explicitly "none", or granted on the terms given. A
// granted right is an add-on: the deal must price it.
type Rights struct {
	Usage        Opt[Usage]        `json:"usage,omitzero"`
	Whitelisting Opt[Whitelisting] `json:"whitelisting,omitzero"`
	Exclusivity  Opt[Exclusivity]  `json:"exclusivity,omitzero"`
}

// Usage is the brand's right to reuse the content: where, how long, paid or
// organic.
type Usage struct {
	// Channels are where the brand may use it: "tiktok", "instagram",
	// "facebook", "website".
	Channels []string `json:"channels,omitempty"`
	// Duration is how long: "3 months", "90 days", "perpetual".
	Duration pricing.Duration `json:"duration,omitzero"`
	// Paid allows paid amplification (ads); Organic allows organic posts.
	Paid    bool `json:"paid,omitempty"`
	Organic bool `json:"organic,omitempty"`
}

// Whitelisting is the brand's access to run ads from the creator's handle.
type Whitelisting struct {
	// Duration is how long the brand has access: "30 days", "1 month".
	Duration pricing.Duration `json:"duration,omitzero"`
	// SpendCap is the most the brand spends on ads from the handle.
	SpendCap pricing.Money `json:"spend_cap,omitzero"`
	// Regions are where the ads run: "US", "CA".
	Regions []string `json:"regions,omitempty"`
}

// Exclusivity is the creator's promise not to promote competitors in some
// categories for a time.
type Exclusivity struct {
	// Categories are the competitor categories: "skincare". Narrow scope
	// costs less and is easier to keep.
	Categories []string `json:"categories,omitempty"`
	// Window is how long, from the first post: "30 days".
	Window pricing.Duration `json:"window,omitzero"`
}

// Compliance is the rules the content must follow, known before filming:
// the disclosure language, claim restrictions, and what must and must not
// appear for legal reasons (creative rules are in [Brief]).
type Compliance struct {
	// Disclosure is the disclosure language: "#ad in the first line of the
	// caption, and the platform's paid-partnership label".
	Disclosure string `json:"disclosure,omitempty"`
	// ClaimRestrictions are the claims the content may not make ("none"
	// when there are none).
	ClaimRestrictions Opt[[]string] `json:"claim_restrictions,omitzero"`
	MustShow          []string      `json:"must_show,omitempty"`
	OffLimits         []string      `json:"off_limits,omitempty"`
}

// Reporting is what the creator reports and how the numbers are read. The
// reporting deadlines are the policy's reports ("7 days", "30 days" after
// posting, on the creator's calendar): one place for every deadline.
type Reporting struct {
	// PrimaryKPI is what the campaign is judged on: reach, views, clicks,
	// conversions or CPA.
	PrimaryKPI string `json:"primary_kpi,omitempty"`
	// SecondaryKPI is what else is watched: engagement rate, saves,
	// shares, watch time, sentiment.
	SecondaryKPI string `json:"secondary_kpi,omitempty"`
	// Attribution is how actions are traced to the post: UTM link,
	// affiliate link, promo code, platform pixel.
	Attribution string `json:"attribution,omitempty"`
	// Format is how figures are delivered: screenshots, CSV export,
	// creator marketplace report.
	Format string `json:"format,omitempty"`
	// MetricSource is the metric-source clause: where the numbers come
	// from.
	MetricSource MetricSource `json:"metric_source,omitzero"`
	// EngagementRate is the one engagement-rate definition the campaign
	// uses: "likes+comments+shares / views".
	EngagementRate metrics.Definition `json:"engagement_rate,omitzero"`
}

// MetricSource is the metric-source clause: the sources the numbers come
// from, the first being the primary one, and the clause as printed.
type MetricSource struct {
	// Kinds are the sources: screenshot, export, api, link_tracker,
	// promo_code. The first is the primary source.
	Kinds []metrics.SourceKind `json:"kinds,omitempty"`
	// Clause is the one-line clause both sides sign. When empty,
	// [Agreement.MetricSourceClause] writes one from Kinds and the first
	// reporting deadline.
	Clause string `json:"clause,omitempty"`
}

// Price prices the deal with the commercial terms' rate card
// ([pricing.RateCard.Deal]): every line explained, each item's subtotal the
// sum of its lines, the total the sum of all. issued is the quote's issue
// time (it sets the quote's validity, not its amounts). Problems have the
// agreement's paths: "commercial.rate_card" when there is no card or it does
// not validate, "commercial.deal.items[0].usage.duration" for what the card
// does not price.
func (a Agreement) Price(issued time.Time) (pricing.DealQuote, error) {
	rc := a.Commercial.RateCard
	if rc == nil {
		return pricing.DealQuote{}, problem.NewFieldError(pkg, "commercial.rate_card", problem.CodeRequired, "required: a rate card to price the deal")
	}
	base := "commercial.deal"
	if err := rc.Validate(); err != nil {
		base = "commercial.rate_card"
	}
	q, err := rc.Deal(a.Commercial.Deal, issued)
	if err != nil {
		l := problem.List{Pkg: pkg}
		for _, f := range problem.Problems(pkg, "", err) {
			l.Problems = append(l.Problems, f.Rebase(base))
		}
		return pricing.DealQuote{}, l.Err("deal")
	}
	return q, nil
}

// DisclosureTerms returns what deliverable i asks of its post's disclosure,
// for [CheckDisclosure] and [CheckLivePost]: its disclosure wording, the
// brand's name, the handle to tag, the link to carry and whether the
// paid-partnership label is on. It reports an error when i is out of range.
func (a Agreement) DisclosureTerms(i int) (DisclosureTerms, error) {
	if i < 0 || i >= len(a.Deliverables) {
		return DisclosureTerms{}, problem.NewFieldError(pkg, "deliverables", problem.CodeOutOfRange,
			"no deliverable "+strconv.Itoa(i)+": the agreement has "+strconv.Itoa(len(a.Deliverables)))
	}
	d := a.Deliverables[i]
	return DisclosureTerms{Wording: d.Disclosure, Brand: a.Brand.Name, Handle: d.Tag, Link: d.Link, PaidLabel: d.PaidLabel}, nil
}

// MetricSourceClause returns the metric-source clause as it is printed: the
// agreement's own words when it has them, or one written from the sources and
// the first reporting deadline of the policy ("Primary reporting source is
// platform native analytics screenshots, with exports, provided within 7 days
// of posting."), or "" when the agreement names no source.
func (a Agreement) MetricSourceClause() string {
	ms := a.Reporting.MetricSource
	if c := strings.TrimSpace(ms.Clause); c != "" {
		return c
	}
	if len(ms.Kinds) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Primary reporting source is " + sourceWords(ms.Kinds[0]))
	for i, k := range ms.Kinds[1:] {
		if i == 0 {
			b.WriteString(", with ")
		} else {
			b.WriteString(" and ")
		}
		b.WriteString(sourceWords(k))
	}
	if len(a.Policy.Reports) > 0 {
		b.WriteString(", provided within " + a.Policy.Reports[0].String() + " of posting")
	}
	b.WriteString(".")
	return b.String()
}

// sourceWords names a metric source in a clause.
func sourceWords(k metrics.SourceKind) string {
	switch k {
	case metrics.SourceScreenshot:
		return "platform native analytics screenshots"
	case metrics.SourceExport:
		return "platform native analytics exports"
	case metrics.SourceAPI:
		return "the platform's API"
	case metrics.SourceLinkTracker:
		return "link-tracker analytics"
	case metrics.SourcePromoCode:
		return "promo-code redemptions"
	}
	return k.String()
}

// EscalationContact is one step of the escalation path: a person of one side
// to contact when a timeline slips.
type EscalationContact struct {
	// Side is sltimeline.Brand or sltimeline.Creator.
	Side sltimeline.Party `json:"side"`
	// Role says who the person is: "Partnerships lead", "Talent manager".
	Role string `json:"role,omitempty"`
	sltimeline.Contact
}

// Opt is a term an agreement may leave unstated, state as explicitly none, or
// state with a value. The difference matters: a right nobody mentioned is a
// question still open; a right both sides wrote "none" for is a decision.
//
// In JSON:
//
//	key left out       unstated (the zero Opt)
//	"key": "none"      explicitly none (exactly "none", lower case)
//	"key": {...}       the value, read as strictly as the rest
//
// JSON null reads as unstated, as the module reads null everywhere; write
// "none" to say "none". A stated list must not be empty: write "none"
// instead of []. Marshaling writes the same forms back (an unstated Opt
// needs the omitzero option to be left out).
//
// Build values with [Some] and [None]; the zero Opt is unstated.
type Opt[T any] struct {
	state optState
	v     T
}

type optState uint8

const (
	unstated optState = iota
	none
	some
)

// Some returns the term stated with value v.
func Some[T any](v T) Opt[T] { return Opt[T]{state: some, v: v} }

// None returns the term stated as explicitly none.
func None[T any]() Opt[T] { return Opt[T]{state: none} }

// IsZero reports whether the term is unstated (for the omitzero option).
func (o Opt[T]) IsZero() bool { return o.state == unstated }

// IsStated reports whether the term is stated, as none or as a value.
func (o Opt[T]) IsStated() bool { return o.state != unstated }

// IsNone reports whether the term is stated as explicitly none.
func (o Opt[T]) IsNone() bool { return o.state == none }

// Get returns the value and true when the term is stated with a value, and
// the zero T and false when it is unstated or none.
func (o Opt[T]) Get() (T, bool) { return o.v, o.state == some }

// String returns "unstated", "none" or "set".
func (o Opt[T]) String() string {
	switch o.state {
	case none:
		return "none"
	case some:
		return "set"
	}
	return "unstated"
}

var noneJSON = []byte(`"none"`)

// MarshalJSON writes "none", the value, or null for an unstated term (left
// out with the omitzero option).
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	switch o.state {
	case none:
		return noneJSON, nil
	case some:
		return json.Marshal(o.v)
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads "none" as explicitly none, null as unstated, and
// anything else as the value, strictly (exact keys, no duplicates, no
// unknown fields), reporting problems with paths inside the value.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case bytes.Equal(data, []byte("null")):
		*o = Opt[T]{}
		return nil
	case bytes.Equal(data, noneJSON):
		*o = None[T]()
		return nil
	}
	var s string
	isString := len(data) > 0 && data[0] == '"' && json.Unmarshal(data, &s) == nil
	if isString && s == "none" {
		*o = None[T]()
		return nil
	}
	var v T
	decoded, _ := strictjson.Decode(pkg, data, &v, MaxAgreementBytes)
	if len(decoded) > 0 {
		if isString {
			return problem.NewFieldError(pkg, "", problem.CodeMalformed, `want "none" or a value, have `+problem.Quote(s))
		}
		return problem.NewValidationError(pkg, "", decoded)
	}
	*o = Some(v)
	return nil
}
