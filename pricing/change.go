package pricing

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
)

// Extension prices longer usage rights for a deal already quoted from req:
// the usage line of req with its duration changed to to, charged as the
// difference between the two tiers' rounded amounts (so the original quote
// plus the extension costs what a quote for the longer term would). Lines
// that depend on the usage line (a Net 0 percentage surcharge) change too
// and are charged the same way. The extension is issued at issued and uses
// the card's validity and Net days.
//
// Errors are *[ValidationError] values wrapping [ErrInvalid]: what
// [RateCard.Quote] reports for req (paths under "request."), req without
// usage ("request.usage"), and, at the path "to" (the argument): a
// zero-length duration, no tier for to ([CodeNoRule], [ErrNoRule]), or a new
// tier that does not cost more than the old one (not an extension).
func (c *RateCard) Extension(req Request, to Duration, issued time.Time) (Quote, error) {
	if err := c.Validate(); err != nil {
		return Quote{}, err
	}
	if req.Usage == nil {
		return Quote{}, problem.NewValidationError(pkg, "extension", []*FieldError{
			problem.NewFieldError(pkg, "request.usage", CodeRequired, "the request has no usage rights to extend")})
	}
	if to.IsZero() {
		return Quote{}, problem.NewValidationError(pkg, "extension", []*FieldError{
			problem.NewFieldError(pkg, "to", CodeZeroDuration, "the new duration must not be zero-length")})
	}
	if _, err := c.price(req, issued); err != nil {
		return Quote{}, err
	}
	after := req
	u := *req.Usage
	u.Duration = to
	after.Usage = &u
	if _, err := c.price(after, issued); err != nil {
		// req prices, so what fails is the new duration: name the argument.
		var ve *ValidationError
		if errors.As(err, &ve) {
			ps := make([]*FieldError, len(ve.Problems))
			for i, f := range ve.Problems {
				ps[i] = f
				if f.Path == "request.usage.duration" {
					g := *f
					g.Path = "to"
					ps[i] = &g
				}
			}
			return Quote{}, problem.NewValidationError(pkg, "extension", ps)
		}
		return Quote{}, err
	}
	reason := "usage rights extension, " + paidWord(u.Paid) + ", " + req.Usage.Duration.String() + " → " + to.String()
	q, err := c.diff(req, after, reason, issued)
	if err != nil {
		return Quote{}, err
	}
	if !q.Total.IsPositive() {
		return Quote{}, problem.NewValidationError(pkg, "extension", []*FieldError{
			problem.NewFieldError(pkg, "to", CodeOutOfRange, "usage for "+to.String()+" does not cost more than for "+req.Usage.Duration.String()+"; not an extension")})
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
	// ExtraRevisions is the number of revision rounds added; 0..1,000,000.
	ExtraRevisions int64 `json:"extra_revisions,omitempty"`
	// AddQuantity is the number of units added to the deliverable;
	// 0..1,000,000.
	AddQuantity int64 `json:"add_quantity,omitempty"`
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
// Errors wrap [ErrInvalid]: an empty reason, counts out of range, a change
// that adds nothing (paths under "change."), or what [RateCard.Quote]
// rejects.
func (c *RateCard) ChangeOrder(req Request, ch Change, issued time.Time) (Quote, error) {
	if err := c.Validate(); err != nil {
		return Quote{}, err
	}
	p := newProblems()
	if ch.Reason == "" {
		p.Add("change.reason", CodeRequired, "a change order needs a reason")
	}
	count64("change.extra_revisions", ch.ExtraRevisions, 0, p)
	count64("change.add_quantity", ch.AddQuantity, 0, p)
	if ch.ExtraRevisions == 0 && ch.AddQuantity == 0 {
		p.Add("change", CodeRequired, "the change adds nothing")
	}
	if err := p.Err("change order"); err != nil {
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
		base, _ := c.checkRequest(after, newProblems()) // diff priced after: it has a base rate
		if incl := base.IncludedRevisions; after.Revisions <= incl {
			zero, _ := Zero(c.Currency)
			rounds := strconv.FormatInt(ch.ExtraRevisions, 10) + " more revision rounds"
			if ch.ExtraRevisions == 1 {
				rounds = "1 more revision round"
			}
			line := Line{Code: "revisions", Kind: KindRevisions, Quantity: ch.ExtraRevisions, Unit: zero, Amount: zero,
				Rule: ch.Reason + ": " + rounds + ", " + strconv.FormatInt(after.Revisions, 10) + " in all, within the " +
					strconv.FormatInt(incl, 10) + " included rounds, no charge"}
			at := slices.IndexFunc(q.Lines, func(l Line) bool { return l.Kind == KindRush || l.Kind == KindNetZero })
			if at < 0 {
				at = len(q.Lines)
			}
			// A line of zero changes no sum: assemble cannot fail here.
			q, _ = c.assemble(slices.Insert(q.Lines, at, line), issued, q.PaymentTerms)
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
			// Both amounts are rounded lines of one currency within the
			// range of Money, and of one sign: the difference is in range.
			delta, _ = la.Amount.Sub(lb.Amount)
			rule += ", less " + lb.Amount.String() + " already quoted = " + delta.String()
			unit = delta
			if dq := la.Quantity - lb.Quantity; dq > 0 {
				if m, err := la.Unit.MulInt(dq); err == nil && m.Equal(delta) {
					qty, unit = dq, la.Unit
				}
			}
		} else if la.Quantity > 0 {
			if m, err := la.Unit.MulInt(la.Quantity); err == nil && m.Equal(la.Amount) {
				qty, unit = la.Quantity, la.Unit
			}
		}
		lines = append(lines, Line{Code: la.Code, Kind: la.Kind, Quantity: qty, Unit: unit, Rule: rule, Amount: delta})
	}
	q, err := c.assemble(lines, issued, qa.PaymentTerms)
	if err != nil {
		return Quote{}, problem.NewValidationError(pkg, "request", problem.Problems(pkg, "request", err))
	}
	q.Reason = reason
	return q, nil
}
