package pricing

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Request is what a brand asks a creator for: one deliverable (a number of
// units of a platform's format) and the add-ons around it. Its zero add-ons
// mean "not asked for".
type Request struct {
	Platform string `json:"platform"`
	Format   string `json:"format"`
	// Seconds is the length of a video; 0 when length does not apply.
	Seconds int `json:"seconds,omitempty"`
	// Quantity is the number of units (posts, frames); 0 means 1.
	Quantity int `json:"quantity,omitempty"`
	// Revisions is the number of revision rounds wanted in all; those
	// beyond the base rate's included rounds are charged per round.
	Revisions    int                  `json:"revisions,omitempty"`
	Usage        *UsageRequest        `json:"usage,omitempty"`
	Whitelisting *WhitelistingRequest `json:"whitelisting,omitempty"`
	Exclusivity  *ExclusivityRequest  `json:"exclusivity,omitempty"`
	// Rush asks for a rush turnaround.
	Rush bool `json:"rush,omitempty"`
	// NetZero asks to be paid on delivery (Net 0) instead of the card's
	// Net days, for the card's surcharge.
	NetZero bool `json:"net_zero,omitempty"`
}

// UsageRequest asks for usage rights: paid or organic, on channels, for a
// duration. The card's first tier with the same paid flag and duration whose
// channels include all of these prices it.
type UsageRequest struct {
	Paid     bool     `json:"paid"`
	Channels []string `json:"channels"`
	Duration Duration `json:"duration"`
}

// WhitelistingRequest asks for paid-ad access from the creator's handle for
// a number of months. SpendCap and Regions are recorded on the line.
type WhitelistingRequest struct {
	Months   int      `json:"months"`
	SpendCap Money    `json:"spend_cap"`
	Regions  []string `json:"regions,omitempty"`
}

// ExclusivityRequest asks for exclusivity in a scope for a number of months.
// Scope must equal the Scope of one of the card's [ExclusivityRate] entries
// ("category" or "industry" on [ExampleRateCard]); any other scope is an
// error wrapping [ErrNoRule].
type ExclusivityRequest struct {
	Scope  string `json:"scope"`
	Months int    `json:"months"`
}

// LineKind classifies a quote line.
type LineKind string

// Line kinds.
const (
	KindBase              LineKind = "base"
	KindUsage             LineKind = "usage"
	KindWhitelisting      LineKind = "whitelisting"
	KindWhitelistingSetup LineKind = "whitelisting_setup"
	KindExclusivity       LineKind = "exclusivity"
	KindRevisions         LineKind = "revisions"
	KindRush              LineKind = "rush"
	KindNetZero           LineKind = "net_zero"
)

// Line is one priced line of a quote. Amount is rounded once, to the
// currency's minor digits with the quote's rounding mode; Unit is the exact
// price of one unit (shown to the currency's digits plus 4 when it does not
// terminate); Rule says, in words, how the amount was made.
type Line struct {
	Code     string   `json:"code"` // stable: the base rate's code, "usage", "exclusivity:category"...
	Kind     LineKind `json:"kind"`
	Quantity int64    `json:"quantity"`
	Unit     Money    `json:"unit"`
	Rule     string   `json:"rule"`
	Amount   Money    `json:"amount"`
}

// Equal reports whether l and m are the same line (Money compared with
// [Money.Equal]).
func (l Line) Equal(m Line) bool {
	return l.Code == m.Code && l.Kind == m.Kind && l.Quantity == m.Quantity &&
		l.Unit.Equal(m.Unit) && l.Rule == m.Rule && l.Amount.Equal(m.Amount)
}

// Quote types.
const (
	QuoteNew         = "quote"
	QuoteExtension   = "extension"
	QuoteChangeOrder = "change_order"
)

// Quote is a priced offer: lines, subtotals and a total that is exactly the
// sum of the lines, in one currency. It is a record computed by
// [RateCard.Quote], [RateCard.Extension] or [RateCard.ChangeOrder]; changing
// its fields afterwards breaks that invariant, which [Quote.Check] verifies.
// Use [Quote.Equal], not ==.
type Quote struct {
	Type            string       `json:"type"` // "quote", "extension", "change_order"
	RateCardVersion string       `json:"rate_card_version"`
	Example         bool         `json:"example,omitempty"` // priced from example data, not market data
	Reason          string       `json:"reason,omitempty"`  // of an extension or a change order
	Currency        string       `json:"currency"`
	Issued          time.Time    `json:"issued"`
	ValidUntil      time.Time    `json:"valid_until"`
	PaymentTerms    string       `json:"payment_terms"` // "Net 30", "Net 0"
	Rounding        RoundingMode `json:"rounding"`
	Lines           []Line       `json:"lines"`
	BaseSubtotal    Money        `json:"base_subtotal"`
	AddOnSubtotal   Money        `json:"add_on_subtotal"`
	Total           Money        `json:"total"`
}

// Check reports an error wrapping [ErrInvalid] unless the subtotals are the
// sums of the base and add-on lines, the total is their sum, and every line
// is in the quote's currency and rounded to its digits.
func (q Quote) Check() error {
	base, _ := Zero(q.Currency)
	addOns := base
	digits, ok := MinorUnits(q.Currency)
	if !ok {
		return &FieldError{Path: "currency", Code: CodeUnknownCurrency, Message: "currency " + quote(q.Currency), Err: ErrUnknownCurrency}
	}
	for i, l := range q.Lines {
		if l.Amount.Currency() != q.Currency || !l.Amount.Equal(l.Amount.RoundTo(digits, Down)) {
			return &FieldError{Path: "lines[" + strconv.Itoa(i) + "].amount", Code: CodeMalformed, Message: quote(l.Amount.String()) + " is not a rounded " + q.Currency + " amount"}
		}
		if l.Kind == KindBase {
			base, _ = base.Add(l.Amount)
		} else {
			addOns, _ = addOns.Add(l.Amount)
		}
	}
	total, _ := base.Add(addOns)
	switch {
	case !base.Equal(q.BaseSubtotal):
		return &FieldError{Path: "base_subtotal", Code: CodeMalformed, Message: "base_subtotal " + quote(q.BaseSubtotal.String()) + " is not the sum of the base lines, " + base.String()}
	case !addOns.Equal(q.AddOnSubtotal):
		return &FieldError{Path: "add_on_subtotal", Code: CodeMalformed, Message: "add_on_subtotal " + quote(q.AddOnSubtotal.String()) + " is not the sum of the add-on lines, " + addOns.String()}
	case !total.Equal(q.Total):
		return &FieldError{Path: "total", Code: CodeMalformed, Message: "total " + quote(q.Total.String()) + " is not the sum of the lines, " + total.String()}
	}
	return nil
}

// Equal reports whether q and r are the same quote.
func (q Quote) Equal(r Quote) bool {
	return q.Type == r.Type && q.RateCardVersion == r.RateCardVersion && q.Example == r.Example &&
		q.Reason == r.Reason && q.Currency == r.Currency && q.Issued.Equal(r.Issued) &&
		q.ValidUntil.Equal(r.ValidUntil) && q.PaymentTerms == r.PaymentTerms && q.Rounding == r.Rounding &&
		slices.EqualFunc(q.Lines, r.Lines, Line.Equal) && q.BaseSubtotal.Equal(r.BaseSubtotal) &&
		q.AddOnSubtotal.Equal(r.AddOnSubtotal) && q.Total.Equal(r.Total)
}

// Quote prices req on the card: a base line, then one line per add-on asked
// for (usage, whitelisting and its setup fee, exclusivity, extra revisions,
// rush, Net 0 surcharge, in that order). Percentages of "the base" apply to
// the rounded base subtotal; the Net 0 percentage applies to the subtotal
// of every other line. Each line is rounded once with the card's mode; the
// total is the sum of the rounded lines. The quote is issued at issued
// (required; nothing here reads the clock) and valid for the card's
// ValidDays calendar days in issued's location.
//
// Errors: the card's *[ValidationError]; or a *ValidationError listing every
// problem with the request, with paths under "request." (a negative
// quantity, a zero-length usage duration, a spend cap in another currency,
// no base rate or usage tier that matches: code [CodeNoRule], wrapping
// [ErrNoRule]).
func (c *RateCard) Quote(req Request, issued time.Time) (Quote, error) {
	if err := c.Validate(); err != nil {
		return Quote{}, err
	}
	q, err := c.price(req, issued)
	if err != nil {
		return Quote{}, err
	}
	q.Type = QuoteNew
	return q, nil
}

// pricer accumulates lines.
type pricer struct {
	c      *RateCard
	digits int32
	lines  []Line
}

func (pr *pricer) round(m Money) Money { return m.RoundTo(pr.digits, pr.c.Rounding) }

func (pr *pricer) add(code string, kind LineKind, qty int64, unit, amount Money, rule string) {
	pr.lines = append(pr.lines, Line{Code: code, Kind: kind, Quantity: qty, Unit: unit, Rule: rule, Amount: amount})
}

// percentLine adds a line of pct percent of of, described by what.
func (pr *pricer) percentLine(code string, kind LineKind, what string, pct Percent, of Money, ofWhat string) {
	amt := pr.round(of.MulPercent(pct))
	pr.add(code, kind, 1, of.MulPercent(pct), amt, what+": "+pct.String()+" of "+ofWhat+" "+of.String()+" = "+amt.String())
}

func (pr *pricer) fixedLine(code string, kind LineKind, what string, fee Money) {
	amt := pr.round(fee)
	pr.add(code, kind, 1, fee, amt, what+": fixed fee "+amt.String())
}

func (c *RateCard) price(req Request, issued time.Time) (Quote, error) {
	var p problems
	if issued.IsZero() {
		p.add("issued", CodeRequired, "issue time is required")
	}
	base, tier := c.checkRequest(req, &p)
	if err := p.err(); err != nil {
		return Quote{}, err
	}
	digits, _ := MinorUnits(c.Currency)
	pr := &pricer{c: c, digits: digits, lines: make([]Line, 0, 8)}
	qty := int64(req.Quantity)
	if qty == 0 {
		qty = 1
	}

	// Base.
	count := int64(base.Count)
	if count == 0 {
		count = 1
	}
	baseAmt := Money{amount: divRound(base.Fee.amount.Mul(decimal.NewFromInt(qty)), count, digits, c.Rounding), currency: c.Currency}
	unit := base.Fee
	rule := base.Platform + " " + base.Format
	if base.MaxSeconds > 0 {
		rule += " (" + strconv.Itoa(base.MinSeconds) + "–" + strconv.Itoa(base.MaxSeconds) + " s)"
	}
	if count == 1 {
		rule += ": " + itoa(qty) + " × " + base.Fee.String() + " = " + baseAmt.String()
	} else {
		// Exact when it terminates within digits+4 places, else shown to them.
		unit = Money{amount: base.Fee.amount.DivRound(decimal.NewFromInt(count), digits+4), currency: c.Currency}
		rule += ": " + itoa(qty) + " units at " + base.Fee.String() + " per " + itoa(count) + " = " + baseAmt.String()
	}
	pr.add(base.Code, KindBase, qty, unit, baseAmt, rule)
	baseSubtotal := baseAmt

	// Usage rights.
	if u := req.Usage; u != nil {
		kind := "organic"
		if u.Paid {
			kind = "paid"
		}
		what := "usage rights, " + kind + ", " + u.Duration.String() + " (" + strings.Join(u.Channels, ", ") + ")"
		if tier.Percent != nil {
			pr.percentLine("usage", KindUsage, what, *tier.Percent, baseSubtotal, "base")
		} else {
			pr.fixedLine("usage", KindUsage, what, *tier.Fixed)
		}
	}
	// Whitelisting.
	if w := req.Whitelisting; w != nil {
		r := c.Whitelisting
		amt := pr.round(r.MonthlyFee.MulInt(int64(w.Months)))
		rule := "whitelisting (paid ads from the creator's handle; "
		if w.SpendCap.IsValid() {
			rule += "spend cap " + w.SpendCap.String()
		} else {
			rule += "no spend cap"
		}
		if len(w.Regions) > 0 {
			rule += "; regions " + strings.Join(w.Regions, ", ")
		} else {
			rule += "; no regions set"
		}
		rule += "): " + strconv.Itoa(w.Months) + " months × " + r.MonthlyFee.String() + " = " + amt.String()
		pr.add("whitelisting", KindWhitelisting, int64(w.Months), r.MonthlyFee, amt, rule)
		if !r.SetupFee.IsZero() {
			pr.fixedLine("whitelisting_setup", KindWhitelistingSetup, "whitelisting setup", r.SetupFee)
		}
	}
	// Exclusivity.
	if e := req.Exclusivity; e != nil {
		for _, r := range c.Exclusivity {
			if r.Scope == e.Scope {
				amt := pr.round(r.MonthlyFee.MulInt(int64(e.Months)))
				pr.add("exclusivity:"+r.Scope, KindExclusivity, int64(e.Months), r.MonthlyFee, amt,
					"exclusivity, scope "+quote(r.Scope)+": "+strconv.Itoa(e.Months)+" months × "+r.MonthlyFee.String()+" = "+amt.String())
				break
			}
		}
	}
	// Extra revision rounds.
	if extra := req.Revisions - base.IncludedRevisions; extra > 0 {
		fee := *c.ExtraRevision
		amt := pr.round(fee.MulInt(int64(extra)))
		pr.add("revisions", KindRevisions, int64(extra), fee, amt,
			"extra revision rounds: "+strconv.Itoa(req.Revisions)+" asked, "+strconv.Itoa(base.IncludedRevisions)+" included, "+strconv.Itoa(extra)+" × "+fee.String()+" = "+amt.String())
	}
	// Rush.
	if req.Rush {
		if c.Rush.Percent != nil {
			pr.percentLine("rush", KindRush, "rush turnaround", *c.Rush.Percent, baseSubtotal, "base")
		} else {
			pr.fixedLine("rush", KindRush, "rush turnaround", *c.Rush.Fixed)
		}
	}
	terms := "Net " + strconv.Itoa(c.NetDays)
	// Net 0 surcharge, last: it may be a percentage of everything above.
	if req.NetZero {
		terms = "Net 0"
		if c.NetZero.Percent != nil {
			sub := sumLines(pr.lines, c.Currency)
			pr.percentLine("net_zero", KindNetZero, "Net 0 payment (instead of Net "+strconv.Itoa(c.NetDays)+")", *c.NetZero.Percent, sub, "subtotal")
		} else {
			pr.fixedLine("net_zero", KindNetZero, "Net 0 payment (instead of Net "+strconv.Itoa(c.NetDays)+")", *c.NetZero.Fixed)
		}
	}
	return c.assemble(pr.lines, issued, terms), nil
}

// assemble builds a quote around lines.
func (c *RateCard) assemble(lines []Line, issued time.Time, terms string) Quote {
	zero := Money{amount: decimal.Zero, currency: c.Currency}
	base, addOns := zero, zero
	for _, l := range lines {
		if l.Kind == KindBase {
			base.amount = base.amount.Add(l.Amount.amount)
		} else {
			addOns.amount = addOns.amount.Add(l.Amount.amount)
		}
	}
	digits, _ := MinorUnits(c.Currency)
	base, addOns = base.RoundTo(digits, Down), addOns.RoundTo(digits, Down) // exact: fixes the digits shown
	return Quote{
		RateCardVersion: c.Version,
		Example:         c.Example,
		Currency:        c.Currency,
		Issued:          issued,
		ValidUntil:      issued.AddDate(0, 0, c.ValidDays),
		PaymentTerms:    terms,
		Rounding:        c.Rounding,
		Lines:           lines,
		BaseSubtotal:    base,
		AddOnSubtotal:   addOns,
		Total:           Money{amount: base.amount.Add(addOns.amount), currency: c.Currency},
	}
}

func sumLines(lines []Line, currency string) Money {
	s := decimal.Zero
	for _, l := range lines {
		s = s.Add(l.Amount.amount)
	}
	return Money{amount: s, currency: currency}
}

// checkRequest validates req against the card, returning the base rate and
// usage tier it uses.
func (c *RateCard) checkRequest(req Request, p *problems) (BaseRate, UsageTier) {
	var base BaseRate
	var tier UsageTier
	count := func(path string, n, lo, hi int) bool {
		if n < lo || n > hi {
			p.add(path, CodeOutOfRange, strconv.Itoa(n)+" not in "+strconv.Itoa(lo)+".."+strconv.Itoa(hi))
			return false
		}
		return true
	}
	count("request.quantity", req.Quantity, 0, maxCount)
	count("request.seconds", req.Seconds, 0, maxCount)
	count("request.revisions", req.Revisions, 0, maxCount)
	found := false
	for _, b := range c.Base {
		if b.Platform == req.Platform && b.Format == req.Format &&
			(b.MaxSeconds == 0 && b.MinSeconds == 0 || req.Seconds >= b.MinSeconds && req.Seconds <= b.MaxSeconds) {
			base, found = b, true
			break
		}
	}
	if !found {
		p.add("request.platform", CodeNoRule, "no base rate for "+quote(req.Platform)+" "+quote(req.Format)+" of "+strconv.Itoa(req.Seconds)+" s")
	}
	if found && req.Revisions > base.IncludedRevisions && c.ExtraRevision == nil {
		p.add("request.revisions", CodeNoRule, strconv.Itoa(req.Revisions)+" revision rounds asked, "+strconv.Itoa(base.IncludedRevisions)+" included, and the card prices no extra round")
	}
	if u := req.Usage; u != nil {
		ok := true
		if u.Duration.IsZero() {
			p.add("request.usage.duration", CodeZeroDuration, "duration is required and must not be zero-length")
			ok = false
		}
		if len(u.Channels) == 0 {
			p.add("request.usage.channels", CodeRequired, "at least one channel is required")
			ok = false
		}
		if ok {
			tierFound := false
			for _, t := range c.Usage {
				if t.Paid == u.Paid && t.Duration == u.Duration && subset(u.Channels, t.Channels) {
					tier, tierFound = t, true
					break
				}
			}
			if !tierFound {
				p.add("request.usage.duration", CodeNoRule, "no usage tier for "+paidWord(u.Paid)+" use for "+u.Duration.String()+" on "+strings.Join(u.Channels, ", "))
			}
		}
	}
	if w := req.Whitelisting; w != nil {
		maxM := maxMonths
		if c.Whitelisting != nil && c.Whitelisting.MaxMonths > 0 {
			maxM = c.Whitelisting.MaxMonths
		}
		if c.Whitelisting == nil {
			p.add("request.whitelisting", CodeNoRule, "the card does not price whitelisting")
		}
		if w.Months == 0 {
			p.add("request.whitelisting.months", CodeZeroDuration, "months must not be zero")
		} else {
			count("request.whitelisting.months", w.Months, 1, maxM)
		}
		if w.SpendCap.IsValid() {
			if w.SpendCap.Currency() != c.Currency {
				p.add("request.whitelisting.spend_cap", CodeCurrencyMismatch, quote(w.SpendCap.String())+" is not in the card's currency "+c.Currency)
			} else if w.SpendCap.IsNegative() {
				p.add("request.whitelisting.spend_cap", CodeNegative, quote(w.SpendCap.String())+" is negative")
			}
		}
	}
	if e := req.Exclusivity; e != nil {
		if e.Months == 0 {
			p.add("request.exclusivity.months", CodeZeroDuration, "months must not be zero")
		} else {
			count("request.exclusivity.months", e.Months, 1, maxMonths)
		}
		if !slices.ContainsFunc(c.Exclusivity, func(r ExclusivityRate) bool { return r.Scope == e.Scope }) {
			p.add("request.exclusivity.scope", CodeNoRule, "no exclusivity rate for scope "+quote(e.Scope))
		}
	}
	if req.Rush && c.Rush == nil {
		p.add("request.rush", CodeNoRule, "the card does not price a rush turnaround")
	}
	if req.NetZero && c.NetZero == nil {
		p.add("request.net_zero", CodeNoRule, "the card does not price Net 0 payment")
	}
	return base, tier
}

func paidWord(paid bool) string {
	if paid {
		return "paid"
	}
	return "organic"
}

// subset reports whether every name in a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// divRound returns num / den rounded to places digits with mode, exactly
// (no intermediate rounding). den > 0.
func divRound(num decimal.Decimal, den int64, places int32, mode RoundingMode) decimal.Decimal {
	if den == 1 {
		return mode.round(num, places)
	}
	scaled := num.Shift(places) // num × 10^places
	coef := scaled.Coefficient()
	exp := scaled.Exponent()
	d := decimal.NewFromInt(den)
	if exp > 0 {
		coef.Mul(coef, pow10(int64(exp)))
		exp = 0
	}
	// value = coef × 10^exp / den
	denom := d.Coefficient()
	if exp < 0 {
		denom.Mul(denom, pow10(int64(-exp)))
	}
	return roundRatio(coef, denom, mode).Shift(-places)
}
