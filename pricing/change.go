package pricing

import (
	"slices"
	"strconv"
	"time"
)

// Extension prices longer usage rights for a deal already quoted from req:
// the usage line of req with its duration changed to to, charged as the
// difference between the two tiers' rounded amounts (so the original quote
// plus the extension costs what a quote for the longer term would). Lines
// that depend on the usage line (a Net 0 percentage surcharge) change too
// and are charged the same way. The extension is issued at issued and uses
// the card's validity and Net days.
//
// Errors wrap [ErrInvalid]: req without usage, a tier that does not exist
// for to ([ErrNoRule]), or a new tier that does not cost more than the old
// one (not an extension).
func (c *RateCard) Extension(req Request, to Duration, issued time.Time) (Quote, error) {
	if err := c.Validate(); err != nil {
		return Quote{}, err
	}
	if req.Usage == nil {
		return Quote{}, &ValidationError{Problems: []*FieldError{{Path: "request.usage", Code: CodeRequired, Message: "the request has no usage rights to extend"}}}
	}
	if to.IsZero() {
		return Quote{}, &ValidationError{Problems: []*FieldError{{Path: "to", Code: CodeZeroDuration, Message: "the new duration must not be zero-length"}}}
	}
	after := req
	u := *req.Usage
	u.Duration = to
	after.Usage = &u
	reason := "usage rights extension, " + paidWord(u.Paid) + ", " + req.Usage.Duration.String() + " → " + to.String()
	q, err := c.diff(req, after, reason, issued)
	if err != nil {
		return Quote{}, err
	}
	if !q.Total.IsPositive() {
		return Quote{}, &ValidationError{Problems: []*FieldError{{Path: "to", Code: CodeOutOfRange, Message: "usage for " + to.String() + " does not cost more than for " + req.Usage.Duration.String() + "; not an extension"}}}
	}
	q.Type = QuoteExtension
	return q, nil
}

// Change is a request beyond the agreed scope, a "can you just…": more
// revision rounds, more units of the deliverable (an added story frame).
type Change struct {
	// Reason says what was asked and by whom; it is recorded on the quote
	// and every line ("brand asked for a fourth story frame").
	Reason string `json:"reason"`
	// ExtraRevisions is the number of revision rounds added.
	ExtraRevisions int `json:"extra_revisions,omitempty"`
	// AddQuantity is the number of units added to the deliverable.
	AddQuantity int `json:"add_quantity,omitempty"`
}

// ChangeOrder turns ch, asked for on a deal quoted from req, into priced
// lines instead of a favour: it prices req and req with ch applied, and
// charges each line that changed by the difference of its rounded amounts
// (added units, the extra revision rounds beyond those included, and any
// percentage add-on whose base grew). The original quote plus the change
// order costs exactly what a quote for the changed request would.
//
// Extra revision rounds that still fall within the base rate's included
// rounds cost nothing, and the change order says so rather than coming back
// empty: a "revisions" line of 0.00 whose rule reads "… within the 2
// included rounds, no charge", placed where a charged revisions line would
// be. Rounds partly within and partly beyond the included ones give one
// charged line for those beyond, whose rule states the included count.
//
// Errors wrap [ErrInvalid]: an empty reason, negative counts, a change that
// adds nothing, or what [RateCard.Quote] rejects.
func (c *RateCard) ChangeOrder(req Request, ch Change, issued time.Time) (Quote, error) {
	if err := c.Validate(); err != nil {
		return Quote{}, err
	}
	var p problems
	if ch.Reason == "" {
		p.add("change.reason", CodeRequired, "a change order needs a reason")
	}
	if ch.ExtraRevisions < 0 || ch.ExtraRevisions > maxCount {
		p.add("change.extra_revisions", CodeOutOfRange, strconv.Itoa(ch.ExtraRevisions)+" not in 0.."+strconv.Itoa(maxCount))
	}
	if ch.AddQuantity < 0 || ch.AddQuantity > maxCount {
		p.add("change.add_quantity", CodeOutOfRange, strconv.Itoa(ch.AddQuantity)+" not in 0.."+strconv.Itoa(maxCount))
	}
	if ch.ExtraRevisions == 0 && ch.AddQuantity == 0 {
		p.add("change", CodeRequired, "the change adds nothing")
	}
	if err := p.err(); err != nil {
		return Quote{}, err
	}
	after := req
	if after.Quantity == 0 {
		after.Quantity = 1
	}
	if after.Revisions < 0 { // reported by price below
		after.Revisions = 0
	}
	after.Quantity += ch.AddQuantity
	after.Revisions += ch.ExtraRevisions
	q, err := c.diff(req, after, ch.Reason, issued)
	if err != nil {
		return Quote{}, err
	}
	if ch.ExtraRevisions > 0 && !slices.ContainsFunc(q.Lines, func(l Line) bool { return l.Kind == KindRevisions }) {
		var ignored problems // diff priced after: it has a base rate
		base, _ := c.checkRequest(after, &ignored)
		if incl := base.IncludedRevisions; after.Revisions <= incl {
			zero, _ := Zero(c.Currency)
			rounds := strconv.Itoa(ch.ExtraRevisions) + " more revision rounds"
			if ch.ExtraRevisions == 1 {
				rounds = "1 more revision round"
			}
			line := Line{Code: "revisions", Kind: KindRevisions, Quantity: int64(ch.ExtraRevisions), Unit: zero, Amount: zero,
				Rule: ch.Reason + ": " + rounds + ", " + strconv.Itoa(after.Revisions) + " in all, within the " +
					strconv.Itoa(incl) + " included rounds, no charge"}
			at := slices.IndexFunc(q.Lines, func(l Line) bool { return l.Kind == KindRush || l.Kind == KindNetZero })
			if at < 0 {
				at = len(q.Lines)
			}
			terms := q.PaymentTerms
			q = c.assemble(slices.Insert(q.Lines, at, line), issued, terms)
			q.Reason = ch.Reason
		}
	}
	q.Type = QuoteChangeOrder
	return q, nil
}

// diff prices before and after and returns a quote of the lines whose
// amounts changed, each charged the difference.
func (c *RateCard) diff(before, after Request, reason string, issued time.Time) (Quote, error) {
	qb, err := c.price(before, issued)
	if err != nil {
		return Quote{}, err
	}
	qa, err := c.price(after, issued)
	if err != nil {
		return Quote{}, err
	}
	var lines []Line
	for _, la := range qa.Lines {
		var lb Line
		had := false
		for _, l := range qb.Lines {
			if l.Code == la.Code {
				lb, had = l, true
				break
			}
		}
		if had && lb.Amount.Equal(la.Amount) {
			continue
		}
		delta := la.Amount
		rule := reason + ": " + la.Rule
		qty, unit := int64(1), la.Amount
		if had {
			delta, _ = la.Amount.Sub(lb.Amount)
			rule += ", less " + lb.Amount.String() + " already quoted = " + delta.String()
			unit = delta
			if dq := la.Quantity - lb.Quantity; dq > 0 && la.Unit.MulInt(dq).Equal(delta) {
				qty, unit = dq, la.Unit
			}
		} else if la.Quantity > 0 && la.Unit.MulInt(la.Quantity).Equal(la.Amount) {
			qty, unit = la.Quantity, la.Unit
		}
		lines = append(lines, Line{Code: la.Code, Kind: la.Kind, Quantity: qty, Unit: unit, Rule: rule, Amount: delta})
	}
	q := c.assemble(lines, issued, qa.PaymentTerms)
	q.Reason = reason
	return q, nil
}
