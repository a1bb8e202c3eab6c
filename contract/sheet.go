package contract

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/rickb777/date"
)

// Sheet is the one-page expectations sheet: what a creator and a brand have
// agreed to, in the words and the order a creator reads them. It is plain data
// (strings, small structs, dates), filled from an agreement or written by
// hand, and rendered by [Sheet.Markdown] and [Sheet.HTML] from this one model,
// so the two forms never say different things.
//
// Text fields hold what is printed, already formatted ("within 1 business
// day", "3250.00 USD"). Runs of white space (new lines included) print as one
// space, control characters are dropped, and an empty field or list leaves its
// line or section out. The renderers escape every field for their format:
// text is never markup.
//
// The zero Sheet is invalid ([Sheet.Validate] asks for the campaign, the brand
// and the creator). A Sheet is a value: copy it freely; its methods do not
// modify it and are safe for concurrent use.
type Sheet struct {
	Campaign string    `json:"campaign"`          // the campaign's name, the sheet's title
	Brand    string    `json:"brand"`             // the brand's name
	Creator  string    `json:"creator"`           // the creator's name or handle
	Version  string    `json:"version,omitempty"` // the agreement's version ("3"), printed as "Version 3"
	Date     date.Date `json:"date,omitzero"`     // the date of this version; the zero Date (1970-01-01) is not printed

	// Hash is the agreement's content hash, "sha256:" and 64 lower-case
	// hexadecimal digits, printed as "Agreement sha256:…" so that a sheet
	// made from a changed agreement is visibly different. "" prints
	// "Draft: no agreement hash".
	Hash string `json:"hash,omitempty"`

	Duties      SheetDuties      `json:"duties"`      // what the creator does
	Commitments SheetCommitments `json:"commitments"` // what the brand commits to
	Approval    SheetApproval    `json:"approval"`    // timelines and what "approved" means
	Posting     SheetPosting     `json:"posting"`     // posting requirements
	Escalation  SheetEscalation  `json:"escalation"`  // who to contact when something slips
	Payment     SheetPayment     `json:"payment"`     // how much, when, against what

	// QuietHours is the quiet-hours line: "No weekend approvals unless
	// pre-scheduled; the creator is not contacted 21:00–08:00 PT."
	QuietHours string `json:"quiet_hours,omitempty"`

	// MetricSource is the metric-source clause: "Views and impressions are
	// the platform's native analytics, sent as screenshots or exports within
	// 7 days of posting and again at 30 days."
	MetricSource string `json:"metric_source,omitempty"`

	// Glossary defines the terms the sheet uses, in the order given.
	// [Sheet.TermsUsed] returns the module's one-line definitions of the
	// terms the rest of the sheet mentions.
	Glossary []SheetTerm `json:"glossary,omitempty"`

	// Milestones are the points of the timeline picture, in any order: the
	// picture orders them by date.
	Milestones []SheetMilestone `json:"milestones,omitempty"`
}

// SheetDuties is what the creator does: the deliverables, how fast the
// creator replies, and the other steps that are the creator's ("Send a concept
// outline: hook and structure, not a script").
type SheetDuties struct {
	Deliverables []SheetDeliverable `json:"deliverables,omitempty"`
	Response     string             `json:"response,omitempty"` // printed after "Replies:": "within 2 business days"
	Other        []string           `json:"other,omitempty"`
}

// SheetDeliverable is one deliverable line: "1 TikTok video, 20–35 s: 3 story
// frames with link sticker; post Mon 15 Mar 2027, 12:00 PDT".
type SheetDeliverable struct {
	What    string `json:"what"`              // platform, count, format, length: "1 TikTok video, 20–35 s"
	Details string `json:"details,omitempty"` // extras and talking points: "3 story frames with link sticker"
	Post    string `json:"post,omitempty"`    // the post date or window, printed after "post "
}

// SheetCommitments is what the brand commits to.
type SheetCommitments struct {
	Response string   `json:"response,omitempty"` // printed after "Replies:": "within 1 business day"
	Approval string   `json:"approval,omitempty"` // approval windows: "48 hours for each round, weekends not counted"
	Rounds   string   `json:"rounds,omitempty"`   // feedback rounds: "1 concept round and 1 edit round, one consolidated doc each"
	Shipping string   `json:"shipping,omitempty"` // product shipping: "ships by Mon 1 Mar 2027 with tracking"
	Other    []string `json:"other,omitempty"`
}

// SheetApproval is how the timeline works: what "approved" means, what
// happens when an approval comes late, and how rush works.
type SheetApproval struct {
	Approved string   `json:"approved,omitempty"` // "a written \"approved\" from the brand owner in the feedback doc"
	Late     string   `json:"late,omitempty"`     // "the post date moves by the delay; the creator's production time is kept"
	Rush     string   `json:"rush,omitempty"`     // "only when both sides confirm in writing; 25% fee"
	Other    []string `json:"other,omitempty"`
}

// SheetPosting is what a live post must have.
type SheetPosting struct {
	Tag        string   `json:"tag,omitempty"`        // "@glowco in the caption and on the video"
	Disclosure string   `json:"disclosure,omitempty"` // "\"#ad\" at the start of the caption, plus the Paid partnership label"
	KeepLive   string   `json:"keep_live,omitempty"`  // "90 days"
	LiveCheck  string   `json:"live_check,omitempty"` // "share the link and time; the brand checks tags and links within 2 hours"
	Other      []string `json:"other,omitempty"`
}

// SheetEscalation is what to do when a reply does not come: the rule, and the
// contacts in the order to try them.
type SheetEscalation struct {
	Rule     string         `json:"rule,omitempty"` // "no reply after 2 follow-ups 1 business day apart: escalate; the timeline restarts"
	Contacts []SheetContact `json:"contacts,omitempty"`
}

// SheetContact is one person on the escalation path.
type SheetContact struct {
	Name  string `json:"name"`            // "Dana Ruiz"
	Role  string `json:"role,omitempty"`  // "brand owner", "brand manager (escalation)"
	Reach string `json:"reach,omitempty"` // "dana@glowco.example, +1 212 555 0100"
	Hours string `json:"hours,omitempty"` // "Mon–Fri 09:00–17:00 ET"
}

// SheetPayment is the payment timeline.
type SheetPayment struct {
	Amount  string `json:"amount,omitempty"`  // "3250.00 USD (video 2500.00 + usage 750.00)"
	Terms   string `json:"terms,omitempty"`   // "Net 15"
	Trigger string `json:"trigger,omitempty"` // printed after "Paid after:": "the later of the invoice and the live link"
	Invoice string `json:"invoice,omitempty"` // invoice requirements: "PO GLOW-0142, W-9, to ap@glowco.example"
	Rush    string `json:"rush,omitempty"`    // "Net 0 for a 3% fee"
}

// SheetTerm is one glossary entry: a term and its meaning in one line.
type SheetTerm struct {
	Term    string `json:"term"`
	Meaning string `json:"meaning"`
}

// SheetOwner says whose step a milestone is. The zero SheetOwner is a step of
// both sides (a kickoff call).
type SheetOwner uint8

const (
	// OwnerBoth is a milestone of both sides; it is the zero SheetOwner.
	OwnerBoth SheetOwner = iota
	// OwnerBrand is a milestone the brand meets (an approval, a payment).
	OwnerBrand
	// OwnerCreator is a milestone the creator meets (a draft, the post).
	OwnerCreator
)

var ownerNames = [...]string{OwnerBoth: "both", OwnerBrand: "brand", OwnerCreator: "creator"}

// String returns "both", "brand" or "creator", or "SheetOwner(n)" for an
// invalid value.
func (o SheetOwner) String() string {
	if int(o) < len(ownerNames) {
		return ownerNames[o]
	}
	return "SheetOwner(" + strconv.Itoa(int(o)) + ")"
}

// MarshalText writes "both", "brand" or "creator"; an invalid value is an
// error.
func (o SheetOwner) MarshalText() ([]byte, error) {
	if int(o) >= len(ownerNames) {
		return nil, problem.NewFieldError(sheetPkg, "", problem.CodeOutOfRange, "invalid sheet owner "+strconv.Itoa(int(o)))
	}
	return []byte(ownerNames[o]), nil
}

// UnmarshalText reads "both", "brand" or "creator".
func (o *SheetOwner) UnmarshalText(b []byte) error {
	for i, n := range ownerNames {
		if string(b) == n {
			*o = SheetOwner(i)
			return nil
		}
	}
	return problem.NewParseError(sheetPkg, problem.ParseError{What: "sheet owner", Input: string(b), Reason: "want both, brand or creator"})
}

// SheetMilestone is one point of the timeline picture. It has a Date or an
// instant (At), not both: a post at a set time is an instant, a report due on
// a day is a Date. An instant prints in its own location ("Wed 17 Mar 12:00
// PDT"); after a JSON round trip it keeps only its offset and prints "-0700".
//
// Shifted marks a date that moved after the agreement was made (a post date
// pushed back by a late approval); Reason says why, in a sentence, and is
// printed under the picture.
type SheetMilestone struct {
	Name    string     `json:"name"`              // "Draft due", "Post", "Report (7 days)"
	Owner   SheetOwner `json:"owner"`             // whose step it is
	Date    date.Date  `json:"date,omitzero"`     // the day, when the milestone has no time of day; zero when At is set
	At      time.Time  `json:"at,omitzero"`       // the instant, when it has one; zero when Date is set
	Shifted bool       `json:"shifted,omitempty"` // reports whether the date moved after signing
	Reason  string     `json:"reason,omitempty"`  // why it moved; only with Shifted
}

// sheetPkg names this package in the sheet's error messages.
const sheetPkg = "contract"

// MaxSheetMilestones is the most milestones a sheet's timeline picture takes.
const MaxSheetMilestones = 30

// Bounds on a sheet, so that any input costs little to check and render. A
// sheet that fits one page is far inside them.
const (
	maxSheetText  = 2000 // bytes of one text field
	maxSheetItems = 60   // entries of one list
)

// Validate reports every problem of s at once, as a *ValidationError of the
// module's error model, each with its JSON path and code: the campaign, the brand and the creator are
// required; a hash must be "sha256:" and 64 lower-case hexadecimal digits; a
// deliverable needs What, a contact a Name, a term a Term and a Meaning; a
// milestone needs a Name, a valid Owner, exactly one of Date and At, and a
// Reason only when Shifted; no text field is longer than 2000 bytes, no list
// longer than 60 entries, and there are at most [MaxSheetMilestones]
// milestones. Validate does not check that the sheet fits on a page: see
// [Sheet.Fit].
func (s Sheet) Validate() error {
	l := &problem.List{Pkg: sheetPkg}
	text := func(path, v string, required bool) {
		switch {
		case required && strings.TrimSpace(v) == "":
			l.Add(path, problem.CodeRequired, "required")
		case len(v) > maxSheetText:
			l.Add(path, problem.CodeTooLarge, "longer than "+strconv.Itoa(maxSheetText)+" bytes")
		}
	}
	list := func(path string, n, limit int) bool {
		if n > limit {
			l.Add(path, problem.CodeTooLarge, strconv.Itoa(n)+" entries, more than "+strconv.Itoa(limit))
			return false
		}
		return true
	}
	texts := func(path string, vs []string) {
		if list(path, len(vs), maxSheetItems) {
			for i, v := range vs {
				text(problem.Index(path, i), v, true)
			}
		}
	}
	text("campaign", s.Campaign, true)
	text("brand", s.Brand, true)
	text("creator", s.Creator, true)
	text("version", s.Version, false)
	if s.Hash != "" && !validHash(s.Hash) {
		l.Add("hash", problem.CodeMalformed, "want \"sha256:\" and 64 lower-case hexadecimal digits, got "+problem.Quote(s.Hash))
	}

	if list("duties.deliverables", len(s.Duties.Deliverables), maxSheetItems) {
		for i, d := range s.Duties.Deliverables {
			p := problem.Index("duties.deliverables", i)
			text(p+".what", d.What, true)
			text(p+".details", d.Details, false)
			text(p+".post", d.Post, false)
		}
	}
	text("duties.response", s.Duties.Response, false)
	texts("duties.other", s.Duties.Other)

	c := s.Commitments
	text("commitments.response", c.Response, false)
	text("commitments.approval", c.Approval, false)
	text("commitments.rounds", c.Rounds, false)
	text("commitments.shipping", c.Shipping, false)
	texts("commitments.other", c.Other)

	text("approval.approved", s.Approval.Approved, false)
	text("approval.late", s.Approval.Late, false)
	text("approval.rush", s.Approval.Rush, false)
	texts("approval.other", s.Approval.Other)

	p := s.Posting
	text("posting.tag", p.Tag, false)
	text("posting.disclosure", p.Disclosure, false)
	text("posting.keep_live", p.KeepLive, false)
	text("posting.live_check", p.LiveCheck, false)
	texts("posting.other", p.Other)

	text("escalation.rule", s.Escalation.Rule, false)
	if list("escalation.contacts", len(s.Escalation.Contacts), maxSheetItems) {
		for i, ct := range s.Escalation.Contacts {
			path := problem.Index("escalation.contacts", i)
			text(path+".name", ct.Name, true)
			text(path+".role", ct.Role, false)
			text(path+".reach", ct.Reach, false)
			text(path+".hours", ct.Hours, false)
		}
	}

	pay := s.Payment
	text("payment.amount", pay.Amount, false)
	text("payment.terms", pay.Terms, false)
	text("payment.trigger", pay.Trigger, false)
	text("payment.invoice", pay.Invoice, false)
	text("payment.rush", pay.Rush, false)

	text("quiet_hours", s.QuietHours, false)
	text("metric_source", s.MetricSource, false)
	if list("glossary", len(s.Glossary), maxSheetItems) {
		for i, g := range s.Glossary {
			path := problem.Index("glossary", i)
			text(path+".term", g.Term, true)
			text(path+".meaning", g.Meaning, true)
		}
	}

	if list("milestones", len(s.Milestones), MaxSheetMilestones) {
		for i, m := range s.Milestones {
			path := problem.Index("milestones", i)
			text(path+".name", m.Name, true)
			text(path+".reason", m.Reason, false)
			if int(m.Owner) >= len(ownerNames) {
				l.Add(path+".owner", problem.CodeOutOfRange, "invalid owner "+strconv.Itoa(int(m.Owner)))
			}
			switch hasDate, hasAt := !m.Date.IsZero(), !m.At.IsZero(); {
			case !hasDate && !hasAt:
				l.Add(path+".date", problem.CodeRequired, "a date or an instant (at) is required")
			case hasDate && hasAt:
				l.Add(path+".at", problem.CodeMismatch, "give a date or an instant (at), not both")
			}
			if m.Reason != "" && !m.Shifted {
				l.Add(path+".reason", problem.CodeMismatch, "a reason is for a shifted milestone; set shifted or drop the reason")
			}
		}
	}
	return l.Err("sheet")
}

// validHash reports whether h is "sha256:" and 64 lower-case hex digits.
func validHash(h string) bool {
	hex, ok := strings.CutPrefix(h, "sha256:")
	if !ok || len(hex) != 64 {
		return false
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// clean returns s as it prints: valid UTF-8, control and format characters
// dropped, every run of white space one space, no space at either end.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether clean(s) is s: valid UTF-8 without control or
// format characters, spaces single and only between other characters.
func isClean(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c < ' ' || c == 0x7f:
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}

// A block is one section of the sheet as every renderer and the page estimate
// see it: a title and rows, the text already cleaned.
type block struct {
	id    string // stable name: "duties", "payment"
	title string // "What the creator does"
	prose bool   // rows print as paragraphs, not a list
	rows  []row
}

// A row is one line item: an optional bold label ("Replies", "1. Dana Ruiz")
// and its text.
type row struct {
	num   int // > 0: the row is item num of a numbered list
	label string
	text  string
}

// header is the title block as the renderers print it, cleaned.
type header struct {
	campaign, brand, creator string
	meta                     string // "Version 3 · Mon 1 Mar 2027"
	hashNote                 string // "Agreement" or the draft note
	hashValue                string // "sha256:…", or "" for a draft
}

func (s Sheet) header() header {
	var meta []string
	if v := clean(s.Version); v != "" {
		meta = append(meta, "Version "+v)
	}
	if !s.Date.IsZero() {
		meta = append(meta, s.Date.Format("Mon 2 Jan 2006"))
	}
	h := header{
		campaign: clean(s.Campaign),
		brand:    clean(s.Brand),
		creator:  clean(s.Creator),
		meta:     strings.Join(meta, " · "),
		hashNote: "Draft: no agreement hash",
	}
	if s.Hash != "" {
		h.hashNote, h.hashValue = "Agreement", clean(s.Hash)
	}
	return h
}

// blocks returns the sections of s in reading order, empty ones left out.
func (s Sheet) blocks() []block {
	var out []block
	add := func(b block) {
		if len(b.rows) > 0 {
			out = append(out, b)
		}
	}
	var rs []row
	labelled := func(label, text string) {
		if t := clean(text); t != "" {
			rs = append(rs, row{label: label, text: t})
		}
	}
	plain := func(texts []string) {
		for _, t := range texts {
			labelled("", t)
		}
	}
	take := func() []row { r := rs; rs = nil; return r }

	for _, d := range s.Duties.Deliverables {
		var parts []string
		if t := clean(d.Details); t != "" {
			parts = append(parts, t)
		}
		if t := clean(d.Post); t != "" {
			parts = append(parts, "post "+t)
		}
		what := clean(d.What)
		if len(parts) == 0 {
			rs = append(rs, row{text: what})
			continue
		}
		rs = append(rs, row{label: what, text: strings.Join(parts, "; ")})
	}
	labelled("Replies", s.Duties.Response)
	plain(s.Duties.Other)
	add(block{id: "duties", title: "What the creator does", rows: take()})

	c := s.Commitments
	labelled("Replies", c.Response)
	labelled("Approval windows", c.Approval)
	labelled("Feedback rounds", c.Rounds)
	labelled("Product", c.Shipping)
	plain(c.Other)
	add(block{id: "commitments", title: "What the brand commits to", rows: take()})

	a := s.Approval
	labelled("Approved means", a.Approved)
	labelled("If approval is late", a.Late)
	labelled("Rush", a.Rush)
	plain(a.Other)
	add(block{id: "approval", title: "Timeline and approval", rows: take()})

	p := s.Posting
	labelled("Tag", p.Tag)
	labelled("Disclosure", p.Disclosure)
	labelled("Keep live", p.KeepLive)
	labelled("Live check", p.LiveCheck)
	plain(p.Other)
	add(block{id: "posting", title: "Posting", rows: take()})

	labelled("When", s.Escalation.Rule)
	for i, ct := range s.Escalation.Contacts {
		var parts []string
		for _, t := range []string{ct.Role, ct.Reach, ct.Hours} {
			if t = clean(t); t != "" {
				parts = append(parts, t)
			}
		}
		rs = append(rs, row{num: i + 1, label: clean(ct.Name), text: strings.Join(parts, " · ")})
	}
	add(block{id: "escalation", title: "Escalation", rows: take()})

	pay := s.Payment
	labelled("Amount", pay.Amount)
	labelled("Terms", pay.Terms)
	labelled("Paid after", pay.Trigger)
	labelled("Invoice", pay.Invoice)
	labelled("Rush", pay.Rush)
	add(block{id: "payment", title: "Payment", rows: take()})

	labelled("", s.QuietHours)
	add(block{id: "quiet", title: "Quiet hours", prose: true, rows: take()})
	labelled("", s.MetricSource)
	add(block{id: "metrics", title: "Metric source", prose: true, rows: take()})

	for _, g := range s.Glossary {
		rs = append(rs, row{label: clean(g.Term), text: clean(g.Meaning)})
	}
	add(block{id: "terms", title: "Terms used", rows: take()})
	return out
}

// The module's one-line definitions, in the order a glossary lists them. Each
// term is found in the sheet's text by the words in match (whole words,
// case-insensitive; a match ending in a space wants a digit after it).
var sheetTerms = []struct {
	SheetTerm
	match []string
}{
	{SheetTerm{"Business day", "a working day of the side that must act, in its own time zone; weekends and holidays do not count"}, []string{"business day", "business days", "business hour", "business hours"}},
	{SheetTerm{"Net N", "payment is due N calendar days after the payment trigger; Net 0 means on the trigger day"}, []string{"net "}},
	{SheetTerm{"CPM", "cost per mille: total cost for every 1,000 impressions"}, []string{"cpm"}},
	{SheetTerm{"CPV", "cost per view: total cost divided by video views"}, []string{"cpv"}},
	{SheetTerm{"CPA", "cost per acquisition: total cost divided by purchases, sign-ups or leads"}, []string{"cpa"}},
	{SheetTerm{"Usage rights", "where and for how long the brand may reuse the content, and whether paid or organic"}, []string{"usage rights", "usage"}},
	{SheetTerm{"Whitelisting", "the brand runs ads from the creator's handle, for a set time, spend cap and regions"}, []string{"whitelisting", "whitelisted", "whitelist"}},
	{SheetTerm{"Exclusivity", "the creator does not promote competitors in the named categories for the named time"}, []string{"exclusivity", "exclusive"}},
}

// TermsUsed returns the module's glossary entries for the terms that the rest
// of s mentions (its Glossary aside): business day, Net N, CPM, CPV, CPA,
// usage rights, whitelisting, exclusivity, each with a one-line definition,
// in that order. A service that fills a Sheet sets Glossary to it, so the
// sheet defines exactly the words it uses.
func (s Sheet) TermsUsed() []SheetTerm {
	var all strings.Builder
	for _, b := range s.withoutGlossary().blocks() {
		for _, r := range b.rows {
			all.WriteString(r.label)
			all.WriteByte(' ')
			all.WriteString(r.text)
			all.WriteByte('\n')
		}
	}
	for _, m := range s.Milestones {
		all.WriteString(clean(m.Name) + " " + clean(m.Reason) + "\n")
	}
	text := strings.ToLower(all.String())
	var out []SheetTerm
	for _, t := range sheetTerms {
		for _, m := range t.match {
			if containsWord(text, m) {
				out = append(out, t.SheetTerm)
				break
			}
		}
	}
	return out
}

func (s Sheet) withoutGlossary() Sheet { s.Glossary = nil; return s }

// containsWord reports whether w occurs in text as a whole word: not preceded
// or followed by a letter or digit. A w ending in a space must be followed by
// a digit ("net " matches "Net 15", not "net revenue").
func containsWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		i = start + 1
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
				continue
			}
		}
		if strings.HasSuffix(w, " ") {
			if end < len(text) && text[end] >= '0' && text[end] <= '9' {
				return true
			}
			continue
		}
		if end < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
				continue
			}
		}
		return true
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
