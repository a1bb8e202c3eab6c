package pricing

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
)

// Bounds of a deal.
const (
	// MaxDealItems bounds the number of items of a [DealRequest]: 100.
	MaxDealItems = 100
	// MaxItemNameLength bounds the length of a [DealItem]'s name, in
	// characters (runes): 64.
	MaxItemNameLength = 64
	// MaxDealRequestBytes bounds the JSON [DecodeDealRequest] reads: 1 MiB.
	MaxDealRequestBytes = 1 << 20
)

// DealItem is one deliverable of a deal: a [Request] with a name. The
// Request is embedded, so in JSON an item is a request's object with a
// "name" key beside "platform", "format" and the rest, and a problem in it
// has a path such as "items[1].usage.duration".
//
// Name identifies the item within its deal ("tiktok-video", "stories"):
// 1 to [MaxItemNameLength] printable characters, without '/' and without
// leading or trailing spaces, unique within the deal (compared exactly,
// case included). It prefixes the codes of the item's lines:
// "tiktok-video/tiktok-short-video", "tiktok-video/usage".
//
// Whitelisting, Exclusivity and NetZero are terms of the whole deal, set on
// the [DealRequest]; an item that sets one of them is an error (code
// [CodeDealLevel]). Everything else (quantity, length, revision rounds,
// usage rights, rush) is the item's own.
type DealItem struct {
	Name string `json:"name"`
	Request
}

// DealRequest is a deal: several deliverables ("1 TikTok video 20–35 s + 3
// story frames") and the terms that belong to the whole deal rather than to
// one deliverable. Read one from JSON with [DecodeDealRequest]; price it
// with [RateCard.Deal].
//
// Which terms belong to the deal:
//
//   - NetZero, payment on delivery, is a term of the deal's one payment: its
//     surcharge is computed once, on the sum of every other line of the deal
//     (every item's lines and the deal's own), never item by item.
//   - Exclusivity restricts the creator, not a piece of content: the creator
//     is exclusive for N months whatever the number of deliverables, so it is
//     charged once.
//   - Whitelisting grants paid-ad access to the creator's handle for N
//     months, with one spend cap, regions and setup fee: also charged once.
//   - Rush stays on each item: it shortens one deliverable's turnaround (the
//     timeline engine applies rush windows per deliverable), the card prices
//     it as a share of that deliverable's base fee, and a deal may rush the
//     launch video while its story frames keep the standard schedule. A fixed
//     rush fee is charged once per rushed item.
//   - Usage rights and revision rounds stay on each item: usage is priced as
//     a share of the item's base fee, and each base rate includes its own
//     revision rounds.
type DealRequest struct {
	// Items are the deliverables, 1..[MaxDealItems], priced in this order.
	Items []DealItem `json:"items"`
	// Whitelisting asks for paid-ad access from the creator's handle for
	// the whole deal.
	Whitelisting *WhitelistingRequest `json:"whitelisting,omitempty"`
	// Exclusivity asks for exclusivity in a scope for the whole deal.
	Exclusivity *ExclusivityRequest `json:"exclusivity,omitempty"`
	// NetZero asks to be paid on delivery (Net 0) instead of the card's Net
	// days, for the card's surcharge on the whole deal.
	NetZero bool `json:"net_zero,omitempty"`
}

// DecodeDealRequest reads a [DealRequest] from JSON the way
// [DecodeRateCard] reads a card (strict keys, no duplicates, no unknown
// fields, at most [MaxDealRequestBytes]), and checks what can be checked
// without a card: one to [MaxDealItems] items, their names, a deal term set
// on an item, and each item as [DecodeRequest] checks a request. Every
// problem is reported at once in a *[ValidationError], with paths such as
// "items[1].usage.duration", "items[0].name" or "exclusivity.months". It
// does not check the deal against a card; [RateCard.Deal] does.
func DecodeDealRequest(data []byte) (DealRequest, error) {
	var r DealRequest
	decoded, ok := strictjson.Decode(pkg, data, &r, MaxDealRequestBytes)
	if !ok {
		return DealRequest{}, problem.NewValidationError(pkg, "deal", decoded)
	}
	v := newProblems()
	if r.checkCount(v) {
		names := make(map[string]int, len(r.Items))
		for i := range r.Items {
			it := &r.Items[i]
			path := problem.Index("items", i)
			it.check(path, names, i, v)
			sub := newProblems()
			own := it.Request
			own.Whitelisting, own.Exclusivity, own.NetZero = nil, nil, false // reported as deal terms
			own.validate(sub)
			v.Problems = append(v.Problems, underItem(path, sub.Problems)...)
		}
	}
	r.checkTerms(nil, v)
	if err := problem.NewValidationError(pkg, "deal", strictjson.Merge(decoded, v.Problems)); err != nil {
		return DealRequest{}, err
	}
	return r, nil
}

// checkCount reports a deal of no items or of more than MaxDealItems; it
// reports whether the items are worth checking one by one.
func (r *DealRequest) checkCount(p *problem.List) bool {
	switch n := len(r.Items); {
	case n == 0:
		p.Add("items", CodeRequired, "a deal needs at least one item")
		return false
	case n > MaxDealItems:
		p.Add("items", CodeOutOfRange, strconv.Itoa(n)+" items, at most "+strconv.Itoa(MaxDealItems))
		return false
	}
	return true
}

// check reports a bad or duplicate name (names maps each name seen to its
// index) and the deal's terms set on the item at path.
func (it *DealItem) check(path string, names map[string]int, i int, p *problem.List) {
	if checkItemName(path+".name", it.Name, p) {
		if j, dup := names[it.Name]; dup {
			p.Add(path+".name", CodeDuplicate, "name "+problem.Quote(it.Name)+" already used by items["+strconv.Itoa(j)+"]")
		} else {
			names[it.Name] = i
		}
	}
	if it.Whitelisting != nil {
		p.Add(path+".whitelisting", CodeDealLevel, "whitelisting is a term of the whole deal: set it on the deal, not on an item")
	}
	if it.Exclusivity != nil {
		p.Add(path+".exclusivity", CodeDealLevel, "exclusivity is a term of the whole deal: set it on the deal, not on an item")
	}
	if it.NetZero {
		p.Add(path+".net_zero", CodeDealLevel, "Net 0 is a term of the whole deal's payment: set net_zero on the deal, not on an item")
	}
}

// checkItemName reports at path a name that is not a valid item name, and
// reports whether it is valid.
func checkItemName(path, name string, p *problem.List) bool {
	bad := func(code, msg string) bool { p.Add(path, code, msg); return false }
	switch {
	case name == "":
		return bad(CodeRequired, "an item needs a name")
	case !utf8.ValidString(name):
		return bad(CodeMalformed, "name "+problem.Quote(name)+" is not valid UTF-8")
	case utf8.RuneCountInString(name) > MaxItemNameLength:
		return bad(CodeOutOfRange, "name "+problem.Quote(name)+" is longer than "+strconv.Itoa(MaxItemNameLength)+" characters")
	case strings.TrimSpace(name) != name:
		return bad(CodeMalformed, "name "+problem.Quote(name)+" has leading or trailing space")
	case strings.Contains(name, "/"):
		return bad(CodeMalformed, "name "+problem.Quote(name)+" contains '/', which separates an item's name from its line codes")
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return bad(CodeMalformed, "name "+problem.Quote(name)+" contains the non-printable character "+strconv.QuoteRune(r))
		}
	}
	return true
}

// checkTerms checks the deal's own terms, term by term, and against the
// card unless c is nil.
func (r *DealRequest) checkTerms(c *RateCard, p *problem.List) {
	if w := r.Whitelisting; w != nil {
		w.validate("whitelisting", p)
		if c != nil {
			c.checkWhitelisting("whitelisting", w, p)
		}
	}
	if e := r.Exclusivity; e != nil {
		e.validate("exclusivity", p)
		if c != nil {
			c.checkExclusivity("exclusivity", e, p)
		}
	}
	if r.NetZero && c != nil {
		c.checkNetZero("net_zero", p)
	}
}

// underItem returns the problems of an item's request, whose paths are
// "request..." (as [RateCard.Quote] reports them), with paths under the
// item's path ("items[1]..."). The issue time's problem is left out: the
// deal reports it once.
func underItem(path string, ps []*FieldError) []*FieldError {
	out := make([]*FieldError, 0, len(ps))
	for _, f := range ps {
		if f.Path == "issued" {
			continue
		}
		g := *f
		if rest, ok := strings.CutPrefix(f.Path, "request"); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			g.Path = path + rest
		} else {
			g.Path = problem.JoinPath(path, f.Path)
		}
		out = append(out, &g)
	}
	return out
}

// DealItemQuote is one item of a [DealQuote]: its name, its lines (each
// line's code prefixed with the name and '/': "stories/instagram-story-set")
// and their sum.
type DealItemQuote struct {
	Name     string `json:"name"`
	Lines    []Line `json:"lines"`
	Subtotal Money  `json:"subtotal"`
}

// Equal reports whether i and j are the same item quote.
func (i DealItemQuote) Equal(j DealItemQuote) bool {
	return i.Name == j.Name && slices.EqualFunc(i.Lines, j.Lines, Line.Equal) && i.Subtotal.Equal(j.Subtotal)
}

// DealQuote is a priced deal: each item's lines and subtotal, the deal's
// own lines (whitelisting and its setup fee, exclusivity, the Net 0
// surcharge, in that order), the base and add-on subtotals, and a total that
// is exactly the sum of every line, in one currency. It is a record computed
// by [RateCard.Deal]; changing its fields afterwards breaks that invariant,
// which [DealQuote.Check] verifies. Every Money in it is within the range of
// Money, so its JSON reads back to an Equal quote. Use [DealQuote.Equal],
// not ==.
//
// Type is [QuoteNew]: a deal quote is a new offer (the field is there so
// that a priced change to a deal can one day say so).
type DealQuote struct {
	Type            QuoteType       `json:"type"`
	RateCardVersion string          `json:"rate_card_version"`
	Example         bool            `json:"example,omitempty"` // priced from sample data, not market data
	Currency        string          `json:"currency"`
	Issued          time.Time       `json:"issued"`
	ValidUntil      time.Time       `json:"valid_until"`
	PaymentTerms    string          `json:"payment_terms"` // "Net 30", "Net 0"
	Rounding        RoundingMode    `json:"rounding"`
	Items           []DealItemQuote `json:"items"`
	// Lines are the deal's own lines, after every item's; empty when the
	// deal asks for no deal term.
	Lines         []Line `json:"lines"`
	BaseSubtotal  Money  `json:"base_subtotal"`   // the sum of the base lines of every item
	AddOnSubtotal Money  `json:"add_on_subtotal"` // the sum of every other line
	Total         Money  `json:"total"`
}

// Deal prices a deal on the card. Each item is priced as [RateCard.Quote]
// prices its request (its base line, then usage, extra revisions and rush,
// the percentages of "the base" applying to the item's own base), and its
// lines' codes are prefixed with the item's name. Then come the deal's
// lines: whitelisting and its setup fee, exclusivity, and last the Net 0
// surcharge, whose percentage applies to the sum of every line before it,
// all items included. Each line is rounded once with the card's mode; an
// item's subtotal and the total are sums of rounded lines, so the total is
// exactly the sum of every line. A deal of one item with the deal's terms
// prices the same lines, with the same rules and amounts, as Quote of one
// request asking for all of it. The quote is issued at issued (required)
// and valid for the card's ValidDays calendar days in issued's location.
//
// Errors: the card's *[ValidationError]; or a *ValidationError listing every
// problem with the deal at once, in order: the issue time ("issued"); no
// items or more than [MaxDealItems] ("items"), or else item by item its
// name ("items[1].name": empty, too long, not printable, duplicate:
// [CodeDuplicate]), a deal term set on it ([CodeDealLevel]) and what Quote
// reports for its request, with paths under the item
// ("items[1].usage.duration", [CodeNoRule] for what the card does not
// price); then the deal's terms ("whitelisting.spend_cap",
// "exclusivity.scope", "net_zero"). An amount beyond the range of [Money]
// has code [CodeOutOfRange]: an item's with the item's problems
// ("items[1].quantity"); a deal line's, only when nothing else is wrong, at
// its term ("exclusivity.months", "net_zero" for the subtotal its
// percentage is of); a subtotal or the total, at "". Every problem
// wraps [ErrInvalid] but a spend cap in another currency, which wraps
// [ErrCurrencyMismatch]; what no rule prices wraps [ErrNoRule] too.
func (c *RateCard) Deal(req DealRequest, issued time.Time) (DealQuote, error) {
	if err := c.Validate(); err != nil {
		return DealQuote{}, err
	}
	p := newProblems()
	if issued.IsZero() {
		p.Add("issued", CodeRequired, "issue time is required")
	}
	var items []DealItemQuote
	var all []Line
	if req.checkCount(p) {
		items = make([]DealItemQuote, len(req.Items))
		names := make(map[string]int, len(req.Items))
		for i := range req.Items {
			it := &req.Items[i]
			path := problem.Index("items", i)
			it.check(path, names, i, p)
			own := it.Request
			own.Whitelisting, own.Exclusivity, own.NetZero = nil, nil, false // reported by check
			q, err := c.price(own, issued)
			if err != nil {
				p.Problems = append(p.Problems, underItem(path, problem.Problems(pkg, "", err))...)
				continue
			}
			for j := range q.Lines {
				q.Lines[j].Code = it.Name + "/" + q.Lines[j].Code
			}
			items[i] = DealItemQuote{Name: it.Name, Lines: q.Lines, Subtotal: q.Total}
			all = append(all, q.Lines...)
		}
	}
	req.checkTerms(c, p)
	if err := p.Err("deal"); err != nil {
		return DealQuote{}, err
	}

	// The deal's own lines, after every item's: the Net 0 percentage is of
	// all of them.
	digits, _ := MinorUnits(c.Currency)
	pr := &pricer{c: c, digits: digits, lines: all, p: p}
	if w := req.Whitelisting; w != nil {
		pr.whitelisting("whitelisting", w)
	}
	if e := req.Exclusivity; e != nil {
		pr.exclusivity("exclusivity", e)
	}
	terms := "Net " + strconv.Itoa(c.NetDays)
	if req.NetZero {
		terms = pr.netZero("net_zero")
	}
	if err := p.Err("deal"); err != nil {
		return DealQuote{}, err
	}
	q, err := c.assemble(pr.lines, issued, terms)
	if err != nil {
		return DealQuote{}, problem.NewValidationError(pkg, "deal", problem.Problems(pkg, "", err))
	}
	return DealQuote{
		Type:            QuoteNew,
		RateCardVersion: q.RateCardVersion,
		Example:         q.Example,
		Currency:        q.Currency,
		Issued:          q.Issued,
		ValidUntil:      q.ValidUntil,
		PaymentTerms:    q.PaymentTerms,
		Rounding:        q.Rounding,
		Items:           items,
		Lines:           slices.Clip(pr.lines[len(all):]),
		BaseSubtotal:    q.BaseSubtotal,
		AddOnSubtotal:   q.AddOnSubtotal,
		Total:           q.Total,
	}, nil
}

// Check reports a *[FieldError] wrapping [ErrInvalid] unless every line (of
// every item and of the deal) is in the quote's currency and rounded to its
// digits, each item's subtotal is the sum of its lines, the base and add-on
// subtotals are the sums of the base lines and of the others, and the total
// is their sum: exactly the sum of every line.
func (q DealQuote) Check() error {
	digits, ok := MinorUnits(q.Currency)
	if !ok {
		return problem.NewFieldError(pkg, "currency", CodeUnknownCurrency, "currency "+strconv.Quote(q.Currency)+" is not an active ISO 4217 code", unknownCurrency...)
	}
	base, _ := Zero(q.Currency)
	addOns := base
	// add adds l to sum and to the base or add-on subtotal.
	add := func(path string, l Line, sum *Money) error {
		if l.Amount.Currency() != q.Currency || !l.Amount.Equal(l.Amount.RoundTo(digits, Down)) {
			return problem.NewFieldError(pkg, path, CodeMalformed, strconv.Quote(l.Amount.String())+" is not a rounded "+q.Currency+" amount")
		}
		var err error
		if sum != nil {
			if *sum, err = sum.Add(l.Amount); err != nil {
				return problem.Problems(pkg, path, err)[0]
			}
		}
		if l.Kind == KindBase {
			base, err = base.Add(l.Amount)
		} else {
			addOns, err = addOns.Add(l.Amount)
		}
		if err != nil {
			return problem.Problems(pkg, path, err)[0]
		}
		return nil
	}
	for i, it := range q.Items {
		path := problem.Index("items", i)
		sub, _ := Zero(q.Currency)
		for j, l := range it.Lines {
			if err := add(problem.Index(path+".lines", j)+".amount", l, &sub); err != nil {
				return err
			}
		}
		if !sub.Equal(it.Subtotal) {
			return problem.NewFieldError(pkg, path+".subtotal", CodeMalformed, "subtotal "+strconv.Quote(it.Subtotal.String())+" is not the sum of the item's lines, "+sub.String())
		}
	}
	for j, l := range q.Lines {
		if err := add(problem.Index("lines", j)+".amount", l, nil); err != nil {
			return err
		}
	}
	return checkSums(base, addOns, q.BaseSubtotal, q.AddOnSubtotal, q.Total)
}

// Equal reports whether q and r are the same deal quote.
func (q DealQuote) Equal(r DealQuote) bool {
	return q.Type == r.Type && q.RateCardVersion == r.RateCardVersion && q.Example == r.Example &&
		q.Currency == r.Currency && q.Issued.Equal(r.Issued) && q.ValidUntil.Equal(r.ValidUntil) &&
		q.PaymentTerms == r.PaymentTerms && q.Rounding == r.Rounding &&
		slices.EqualFunc(q.Items, r.Items, DealItemQuote.Equal) && slices.EqualFunc(q.Lines, r.Lines, Line.Equal) &&
		q.BaseSubtotal.Equal(r.BaseSubtotal) && q.AddOnSubtotal.Equal(r.AddOnSubtotal) && q.Total.Equal(r.Total)
}

// ExtraRevisions prices rounds extra revision rounds, beyond those a
// deliverable includes, as one line: code "revisions", kind
// [KindRevisions], quantity rounds, unit the card's ExtraRevision fee, and
// the amount rounds × fee rounded once with the card's mode. It is the code
// path that prices the revision line of [RateCard.Quote], worded alike
// without the "asked, included" part ("extra revision rounds: 2 × 300.00 USD
// = 600.00 USD" where Quote says "extra revision rounds: 3 asked, 1
// included, 2 × 300.00 USD = 600.00 USD"). The timeline engine uses it to
// price feedback rounds beyond the included ones.
//
// Zero rounds is a line of zero (quantity 0, "0 × 300.00 USD = 0.00 USD"),
// not an error, so a caller may price "the rounds beyond those included"
// without a special case.
//
// Errors: the card's *[ValidationError]; a *ValidationError at the path
// "rounds" for a card without an ExtraRevision fee (whatever the count, 0
// included: code [CodeNoRule], wrapping [ErrNoRule] and [ErrInvalid]), for
// rounds outside 0..[MaxCount] or an amount beyond the range of [Money]
// (code [CodeOutOfRange], wrapping ErrInvalid).
func (c *RateCard) ExtraRevisions(rounds int64) (Line, error) {
	if err := c.Validate(); err != nil {
		return Line{}, err
	}
	p := newProblems()
	if c.ExtraRevision == nil {
		p.Add("rounds", CodeNoRule, "the card prices no extra revision round", noRule...)
	}
	count64("rounds", rounds, 0, p)
	if err := p.Err("extra revisions"); err != nil {
		return Line{}, err
	}
	digits, _ := MinorUnits(c.Currency)
	pr := &pricer{c: c, digits: digits, lines: make([]Line, 0, 1), p: p}
	pr.revisions("rounds", rounds, "")
	if err := p.Err("extra revisions"); err != nil {
		return Line{}, err
	}
	return pr.lines[0], nil
}
