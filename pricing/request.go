package pricing

import (
	"slices"
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Request is what a brand asks a creator for: one deliverable (a number of
// units of a platform's format) and the add-ons around it. Its zero add-ons
// mean "not asked for". Read one from JSON with [DecodeRequest].
type Request struct {
	Platform string `json:"platform"`
	Format   string `json:"format"`
	// Seconds is the length of a video; 0 when length does not apply.
	// 0..1,000,000.
	Seconds int `json:"seconds,omitempty"`
	// Quantity is the number of units (posts, frames); 0 means 1.
	// 0..1,000,000.
	Quantity int64 `json:"quantity,omitempty"`
	// Revisions is the number of revision rounds wanted in all; those
	// beyond the base rate's included rounds are charged per round.
	// 0..1,000,000.
	Revisions    int64                `json:"revisions,omitempty"`
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
// a number of months (1 up to the card's maximum). SpendCap and Regions are
// recorded on the line.
type WhitelistingRequest struct {
	Months   int      `json:"months"`
	SpendCap Money    `json:"spend_cap"`
	Regions  []string `json:"regions,omitempty"`
}

// ExclusivityRequest asks for exclusivity in a scope for a number of months
// (1..[MaxDurationMonths]). Scope must equal the Scope of one of the card's
// [ExclusivityRate] entries ("category" or "industry" on [SampleRateCard]);
// any other scope is an error wrapping [ErrNoRule].
type ExclusivityRequest struct {
	Scope  string `json:"scope"`
	Months int    `json:"months"`
}

// validate checks what can be checked without a card, with paths under
// "request.".
func (req *Request) validate(p *problem.List) {
	count64("request.quantity", req.Quantity, 0, p)
	count("request.seconds", req.Seconds, 0, maxCount, p)
	count64("request.revisions", req.Revisions, 0, p)
	if u := req.Usage; u != nil {
		if u.Duration.IsZero() {
			p.Add("request.usage.duration", CodeZeroDuration, "duration is required and must not be zero-length")
		}
		if len(u.Channels) == 0 {
			p.Add("request.usage.channels", CodeRequired, "at least one channel is required")
		}
	}
	if w := req.Whitelisting; w != nil {
		w.validate("request.whitelisting", p)
	}
	if e := req.Exclusivity; e != nil {
		e.validate("request.exclusivity", p)
	}
}

// validate checks what can be checked without a card, with paths under
// path ("request.whitelisting", or "whitelisting" of a deal).
func (w *WhitelistingRequest) validate(path string, p *problem.List) {
	if w.Months == 0 {
		p.Add(path+".months", CodeZeroDuration, "months must not be zero")
	} else {
		count(path+".months", w.Months, 1, maxMonths, p)
	}
	if w.SpendCap.IsNegative() {
		p.Add(path+".spend_cap", CodeNegative, strconv.Quote(w.SpendCap.String())+" is negative")
	}
}

// validate checks what can be checked without a card, with paths under
// path ("request.exclusivity", or "exclusivity" of a deal).
func (e *ExclusivityRequest) validate(path string, p *problem.List) {
	if e.Months == 0 {
		p.Add(path+".months", CodeZeroDuration, "months must not be zero")
	} else {
		count(path+".months", e.Months, 1, maxMonths, p)
	}
}

// count reports n at path unless it lies in lo..hi.
func count(path string, n, lo, hi int, p *problem.List) bool {
	if n < lo || n > hi {
		p.Add(path, CodeOutOfRange, strconv.Itoa(n)+" not in "+strconv.Itoa(lo)+".."+strconv.Itoa(hi))
		return false
	}
	return true
}

// count64 reports a count of things at path unless it lies in lo..maxCount.
func count64(path string, n, lo int64, p *problem.List) bool {
	if n < lo || n > maxCount {
		p.Add(path, CodeOutOfRange, strconv.FormatInt(n, 10)+" not in "+strconv.FormatInt(lo, 10)+".."+strconv.Itoa(maxCount))
		return false
	}
	return true
}

// checkRequest validates req against the card, returning the base rate and
// usage tier it uses.
func (c *RateCard) checkRequest(req Request, p *problem.List) (BaseRate, UsageTier) {
	var base BaseRate
	var tier UsageTier
	before := len(p.Problems)
	req.validate(p)
	reqOK := len(p.Problems) == before
	found := false
	for _, b := range c.Base {
		if b.Platform == req.Platform && b.Format == req.Format &&
			(b.MaxSeconds == 0 && b.MinSeconds == 0 || req.Seconds >= b.MinSeconds && req.Seconds <= b.MaxSeconds) {
			base, found = b, true
			break
		}
	}
	if !found {
		p.Add("request.platform", CodeNoRule, "no base rate for "+strconv.Quote(req.Platform)+" "+strconv.Quote(req.Format)+" of "+strconv.Itoa(req.Seconds)+" s", noRule...)
	}
	if found && reqOK && req.Revisions > base.IncludedRevisions && c.ExtraRevision == nil {
		p.Add("request.revisions", CodeNoRule, strconv.FormatInt(req.Revisions, 10)+" revision rounds asked, "+strconv.FormatInt(base.IncludedRevisions, 10)+" included, and the card prices no extra round", noRule...)
	}
	if u := req.Usage; u != nil && !u.Duration.IsZero() && len(u.Channels) > 0 {
		tierFound := false
		for _, t := range c.Usage {
			if t.Paid == u.Paid && t.Duration == u.Duration && subset(u.Channels, t.Channels) {
				tier, tierFound = t, true
				break
			}
		}
		if !tierFound {
			p.Add("request.usage.duration", CodeNoRule, "no usage tier for "+paidWord(u.Paid)+" use for "+u.Duration.String()+" on "+strings.Join(u.Channels, ", "), noRule...)
		}
	}
	if w := req.Whitelisting; w != nil {
		c.checkWhitelisting("request.whitelisting", w, p)
	}
	if e := req.Exclusivity; e != nil {
		c.checkExclusivity("request.exclusivity", e, p)
	}
	if req.Rush && c.Rush == nil {
		p.Add("request.rush", CodeNoRule, "the card does not price a rush turnaround", noRule...)
	}
	if req.NetZero {
		c.checkNetZero("request.net_zero", p)
	}
	return base, tier
}

// checkWhitelisting checks w against the card, with paths under path.
func (c *RateCard) checkWhitelisting(path string, w *WhitelistingRequest, p *problem.List) {
	if c.Whitelisting == nil {
		p.Add(path, CodeNoRule, "the card does not price whitelisting", noRule...)
	} else if w.Months > 0 && c.Whitelisting.MaxMonths > 0 && w.Months <= maxMonths {
		count(path+".months", w.Months, 1, c.Whitelisting.MaxMonths, p)
	}
	if w.SpendCap.IsValid() && w.SpendCap.Currency() != c.Currency {
		p.Add(path+".spend_cap", CodeCurrencyMismatch, strconv.Quote(w.SpendCap.String())+" is not in the card's currency "+c.Currency, ErrCurrencyMismatch)
	}
}

// checkExclusivity checks e against the card, with paths under path.
func (c *RateCard) checkExclusivity(path string, e *ExclusivityRequest, p *problem.List) {
	if !slices.ContainsFunc(c.Exclusivity, func(r ExclusivityRate) bool { return r.Scope == e.Scope }) {
		p.Add(path+".scope", CodeNoRule, "no exclusivity rate for scope "+strconv.Quote(e.Scope), noRule...)
	}
}

// checkNetZero reports at path a card that does not price Net 0 payment.
func (c *RateCard) checkNetZero(path string, p *problem.List) {
	if c.NetZero == nil {
		p.Add(path, CodeNoRule, "the card does not price Net 0 payment", noRule...)
	}
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
