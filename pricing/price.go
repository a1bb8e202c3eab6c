package pricing

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
)

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
// [ErrNoRule]; an amount that would leave the range of [Money]: code
// [CodeOutOfRange]).
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

// pricer accumulates lines, and the problems of amounts beyond the range of
// Money.
type pricer struct {
	c      *RateCard
	digits int32
	lines  []Line
	p      *problem.List
}

func (pr *pricer) round(m Money) Money { return m.RoundTo(pr.digits, pr.c.Rounding) }

// ok reports whether err is nil, recording it under path otherwise.
func (pr *pricer) ok(path string, err error) bool {
	if err != nil {
		pr.p.AddErr(path, err)
		return false
	}
	return true
}

func (pr *pricer) add(code string, kind LineKind, qty int64, unit, amount Money, rule string) {
	pr.lines = append(pr.lines, Line{Code: code, Kind: kind, Quantity: qty, Unit: unit, Rule: rule, Amount: amount})
}

// percentLine adds a line of pct percent of of, described by what.
func (pr *pricer) percentLine(path, code string, kind LineKind, what string, pct Percent, of Money, ofWhat string) {
	exact, err := of.MulPercent(pct)
	if !pr.ok(path, err) {
		return
	}
	amt := pr.round(exact)
	pr.add(code, kind, 1, exact, amt, what+": "+pct.String()+" of "+ofWhat+" "+of.String()+" = "+amt.String())
}

func (pr *pricer) fixedLine(code string, kind LineKind, what string, fee Money) {
	amt := pr.round(fee)
	pr.add(code, kind, 1, fee, amt, what+": fixed fee "+amt.String())
}

// timesLine adds a line of n × fee.
func (pr *pricer) timesLine(path, code string, kind LineKind, n int64, fee Money, rule func(amt Money) string) {
	exact, err := fee.MulInt(n)
	if !pr.ok(path, err) {
		return
	}
	amt := pr.round(exact)
	pr.add(code, kind, n, fee, amt, rule(amt))
}

func (c *RateCard) price(req Request, issued time.Time) (Quote, error) {
	p := newProblems()
	if issued.IsZero() {
		p.Add("issued", CodeRequired, "issue time is required")
	}
	base, tier := c.checkRequest(req, p)
	if err := p.Err("request"); err != nil {
		return Quote{}, err
	}
	digits, _ := MinorUnits(c.Currency)
	pr := &pricer{c: c, digits: digits, lines: make([]Line, 0, 8), p: p}
	qty := req.Quantity
	if qty == 0 {
		qty = 1
	}

	// Base.
	count := base.Count
	if count == 0 {
		count = 1
	}
	baseAmt, err := base.Fee.inRange(divRound(base.Fee.amount.Mul(decimal.NewFromInt(qty)), count, digits, c.Rounding), func() string {
		return strconv.FormatInt(qty, 10) + " units at " + base.Fee.String() + " per " + strconv.FormatInt(count, 10)
	})
	if !pr.ok("request.quantity", err) {
		return Quote{}, p.Err("request")
	}
	unit := base.Fee
	rule := base.Platform + " " + base.Format
	if base.MaxSeconds > 0 {
		rule += " (" + strconv.Itoa(base.MinSeconds) + "–" + strconv.Itoa(base.MaxSeconds) + " s)"
	}
	if count == 1 {
		rule += ": " + strconv.FormatInt(qty, 10) + " × " + base.Fee.String() + " = " + baseAmt.String()
	} else {
		// Exact when it terminates within digits+4 places, else shown to them.
		unit = Money{amount: base.Fee.amount.DivRound(decimal.NewFromInt(count), digits+4), currency: c.Currency}
		rule += ": " + strconv.FormatInt(qty, 10) + " units at " + base.Fee.String() + " per " + strconv.FormatInt(count, 10) + " = " + baseAmt.String()
	}
	pr.add(base.Code, KindBase, qty, unit, baseAmt, rule)
	baseSubtotal := baseAmt

	// Usage rights.
	if u := req.Usage; u != nil {
		what := "usage rights, " + paidWord(u.Paid) + ", " + u.Duration.String() + " (" + strings.Join(u.Channels, ", ") + ")"
		if tier.Percent != nil {
			pr.percentLine("request.usage", "usage", KindUsage, what, *tier.Percent, baseSubtotal, "base")
		} else {
			pr.fixedLine("usage", KindUsage, what, *tier.Fixed)
		}
	}
	if w := req.Whitelisting; w != nil {
		pr.whitelisting("request.whitelisting", w)
	}
	if e := req.Exclusivity; e != nil {
		pr.exclusivity("request.exclusivity", e)
	}
	if extra := req.Revisions - base.IncludedRevisions; extra > 0 {
		pr.revisions("request.revisions", extra, strconv.FormatInt(req.Revisions, 10)+" asked, "+strconv.FormatInt(base.IncludedRevisions, 10)+" included, ")
	}
	// Rush.
	if req.Rush {
		if c.Rush.Percent != nil {
			pr.percentLine("request.rush", "rush", KindRush, "rush turnaround", *c.Rush.Percent, baseSubtotal, "base")
		} else {
			pr.fixedLine("rush", KindRush, "rush turnaround", *c.Rush.Fixed)
		}
	}
	terms := "Net " + strconv.Itoa(c.NetDays)
	// Net 0 surcharge, last: it may be a percentage of everything above.
	if req.NetZero {
		terms = pr.netZero("request.net_zero")
	}
	if err := p.Err("request"); err != nil {
		return Quote{}, err
	}
	q, err := c.assemble(pr.lines, issued, terms)
	if err != nil {
		return Quote{}, problem.NewValidationError(pkg, "request", problem.Problems(pkg, "request", err))
	}
	return q, nil
}

// months writes a count of months: "1 month", "3 months".
func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// whitelisting adds the whitelisting line, w.Months × the monthly fee, and
// the setup fee's line unless it is zero; path is where w is
// ("request.whitelisting").
func (pr *pricer) whitelisting(path string, w *WhitelistingRequest) {
	r := pr.c.Whitelisting
	pr.timesLine(path+".months", "whitelisting", KindWhitelisting, int64(w.Months), r.MonthlyFee, func(amt Money) string {
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
		return rule + "): " + months(w.Months) + " × " + r.MonthlyFee.String() + " = " + amt.String()
	})
	if r.SetupFee.Sign() != 0 {
		pr.fixedLine("whitelisting_setup", KindWhitelistingSetup, "whitelisting setup", r.SetupFee)
	}
}

// exclusivity adds the line of e.Months × the monthly fee of e's scope;
// path is where e is ("request.exclusivity").
func (pr *pricer) exclusivity(path string, e *ExclusivityRequest) {
	for _, r := range pr.c.Exclusivity {
		if r.Scope == e.Scope {
			pr.timesLine(path+".months", "exclusivity:"+r.Scope, KindExclusivity, int64(e.Months), r.MonthlyFee, func(amt Money) string {
				return "exclusivity, scope " + strconv.Quote(r.Scope) + ": " + months(e.Months) + " × " + r.MonthlyFee.String() + " = " + amt.String()
			})
			return
		}
	}
}

// revisions adds the line of extra revision rounds, extra × the card's
// ExtraRevision fee. asked, when not empty, says how many rounds were asked
// and included ("3 asked, 1 included, "). [RateCard.Quote] and
// [RateCard.ExtraRevisions] share it, so both word and round the line alike.
func (pr *pricer) revisions(path string, extra int64, asked string) {
	fee := *pr.c.ExtraRevision
	pr.timesLine(path, "revisions", KindRevisions, extra, fee, func(amt Money) string {
		return "extra revision rounds: " + asked + strconv.FormatInt(extra, 10) + " × " + fee.String() + " = " + amt.String()
	})
}

// netZero adds the Net 0 surcharge: a percentage of the sum of every line
// priced so far, or a fixed fee. It returns the payment terms, "Net 0".
func (pr *pricer) netZero(path string) string {
	c := pr.c
	what := "Net 0 payment (instead of Net " + strconv.Itoa(c.NetDays) + ")"
	if c.NetZero.Percent != nil {
		if sub, err := sumLines(pr.lines, c.Currency); pr.ok(path, err) {
			pr.percentLine(path, "net_zero", KindNetZero, what, *c.NetZero.Percent, sub, "subtotal")
		}
	} else {
		pr.fixedLine("net_zero", KindNetZero, what, *c.NetZero.Fixed)
	}
	return "Net 0"
}

// assemble builds a quote around lines, or fails when a subtotal or the
// total is beyond the range of Money.
func (c *RateCard) assemble(lines []Line, issued time.Time, terms string) (Quote, error) {
	base, addOns := decimal.Zero, decimal.Zero
	for _, l := range lines {
		if l.Kind == KindBase {
			base = base.Add(l.Amount.amount)
		} else {
			addOns = addOns.Add(l.Amount.amount)
		}
	}
	digits, _ := MinorUnits(c.Currency)
	cur := Money{currency: c.Currency}
	// Rounding Down is exact here: it fixes the digits shown.
	baseM, err := cur.inRange(base.RoundDown(digits), func() string { return "base subtotal" })
	if err != nil {
		return Quote{}, err
	}
	addOnsM, err := cur.inRange(addOns.RoundDown(digits), func() string { return "add-on subtotal" })
	if err != nil {
		return Quote{}, err
	}
	total, err := baseM.Add(addOnsM)
	if err != nil {
		return Quote{}, err
	}
	return Quote{
		RateCardVersion: c.Version,
		Example:         c.Example,
		Currency:        c.Currency,
		Issued:          issued,
		ValidUntil:      issued.AddDate(0, 0, c.ValidDays),
		PaymentTerms:    terms,
		Rounding:        c.Rounding,
		Lines:           lines,
		BaseSubtotal:    baseM,
		AddOnSubtotal:   addOnsM,
		Total:           total,
	}, nil
}

// sumLines returns the sum of the lines' amounts, or an error beyond the
// range of Money.
func sumLines(lines []Line, currency string) (Money, error) {
	s := decimal.Zero
	for _, l := range lines {
		s = s.Add(l.Amount.amount)
	}
	return Money{currency: currency}.inRange(s, func() string { return "subtotal" })
}
