package pricing

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
)

var maxPercent = decimal.NewFromInt(500)

// MaxPercent is the largest percentage [RateCard.Validate] accepts for an
// add-on (500%: perpetual paid usage is sometimes priced above 100% of the
// base, never five times over by intent); larger values are taken as typos.
const MaxPercent = 500

// Bounds on counts in rate cards, requests and change orders. In JSON, a
// count must be an integer (a value beyond the Go field's range, int64 for
// counts of things, int for lengths, is reported with code
// [CodeOutOfRange] by the decoders); [RateCard.Validate] and the quoting
// methods then bound it.
const (
	// MaxCount bounds quantities, revision rounds, a base rate's count and
	// lengths in seconds: 0..1,000,000.
	MaxCount   = 1_000_000
	maxCount   = MaxCount
	maxMonths  = MaxDurationMonths
	maxNetDays = 365
)

// RateCard prices deliverables and add-ons. It is plain data a user writes
// (JSON with snake_case fields, read with [DecodeRateCard]) and checks with
// [RateCard.Validate]. Every amount is in Currency. A RateCard is not
// modified by this package; once built, share it freely (its methods are
// safe for concurrent use as long as nobody writes to it).
type RateCard struct {
	// Version names this card ("2026-01"); quotes record it. Required.
	Version string `json:"version"`
	// Currency is the ISO 4217 code of every amount on the card. Required.
	Currency string `json:"currency"`
	// Example marks a card as example data, not market data; quotes from it
	// carry the flag too.
	Example bool `json:"example,omitempty"`
	// Rounding is how each quote line is rounded to the currency's minor
	// digits; the zero value is HalfUp.
	Rounding RoundingMode `json:"rounding"`
	// ValidDays is how many calendar days a quote stays valid; 1..365.
	ValidDays int `json:"valid_days"`
	// NetDays is the default payment term: Net NetDays after invoice; 0..365.
	NetDays int `json:"net_days"`

	// Base lists the base fees, by platform, format and length. Required.
	Base []BaseRate `json:"base"`
	// Usage lists the usage-rights tiers.
	Usage []UsageTier `json:"usage,omitempty"`
	// Whitelisting prices paid-ad access from the creator's handle.
	Whitelisting *WhitelistingRate `json:"whitelisting,omitempty"`
	// Exclusivity lists the monthly exclusivity fee by category scope.
	Exclusivity []ExclusivityRate `json:"exclusivity,omitempty"`
	// Rush prices a rush turnaround: a percentage of the base subtotal or a
	// fixed fee.
	Rush *Charge `json:"rush,omitempty"`
	// NetZero prices payment on delivery (Net 0) instead of Net NetDays: a
	// percentage of the subtotal of every other line, or a fixed fee.
	NetZero *Charge `json:"net_zero,omitempty"`
	// ExtraRevision is the fee per revision round beyond those a base rate
	// includes.
	ExtraRevision *Money `json:"extra_revision,omitempty"`
}

// BaseRate is the fee for a deliverable on a platform in a format. The fee
// covers Count units (a set of 3 story frames; 1 when Count is 0); a request
// for another number of units is charged pro rata, Fee × quantity / Count.
type BaseRate struct {
	Code     string `json:"code"`     // stable identifier, unique on the card: "tiktok-short-video"
	Platform string `json:"platform"` // "tiktok", "instagram", "youtube"...
	Format   string `json:"format"`   // "short_video", "story", "post", "integration"...
	// MinSeconds and MaxSeconds bound the length this fee covers; both zero
	// means any length (photos, stories). A request's length must lie in
	// [MinSeconds, MaxSeconds].
	MinSeconds int `json:"min_seconds,omitempty"`
	MaxSeconds int `json:"max_seconds,omitempty"`
	// Count is the number of units Fee covers; 0 means 1. 0..1,000,000.
	Count int64 `json:"count,omitempty"`
	Fee   Money `json:"fee"`
	// IncludedRevisions is the number of revision rounds the fee
	// includes; 0..1,000,000.
	IncludedRevisions int64 `json:"included_revisions"`
}

// UsageTier prices usage rights for one duration, paid or organic, on a set
// of channels: a percentage of the base subtotal or a fixed fee (exactly one).
// In JSON, leave out the one not used: [DecodeRateCard] reports an empty
// string ("percent": "") as required, not as 0%.
type UsageTier struct {
	Paid     bool     `json:"paid"`
	Channels []string `json:"channels"` // where the brand may use the content; required
	Duration Duration `json:"duration"` // "3 months", "90 days", "perpetual"
	Percent  *Percent `json:"percent,omitempty"`
	Fixed    *Money   `json:"fixed,omitempty"`
}

// WhitelistingRate prices whitelisting: MonthlyFee × months, plus SetupFee
// once.
type WhitelistingRate struct {
	MonthlyFee Money `json:"monthly_fee"`
	SetupFee   Money `json:"setup_fee"`
	MaxMonths  int   `json:"max_months,omitempty"` // 0: up to MaxDurationMonths, the most it may be
}

// ExclusivityRate is the monthly fee of exclusivity in one scope. Scope is a
// key the card chooses and a request names exactly: [SampleRateCard] prices
// "category" (one product category) and "industry" (a whole industry).
type ExclusivityRate struct {
	Scope      string `json:"scope"`
	MonthlyFee Money  `json:"monthly_fee"`
}

// Charge is a percentage or a fixed fee; exactly one is set. In JSON, leave
// out the one not used: [DecodeRateCard] reports an empty string
// ("percent": "") as required, not as 0%.
type Charge struct {
	Percent *Percent `json:"percent,omitempty"`
	Fixed   *Money   `json:"fixed,omitempty"`
}

// Validate checks the card and returns nil or a *[ValidationError] listing
// every problem, each a *[FieldError] with a path such as "base[0].fee" and
// a stable code. It rejects: a missing version or base, an unknown currency,
// amounts in another currency or negative, percentages below 0 or above
// [MaxPercent], zero-length or duplicate usage durations, a charge with both
// or neither of percent and fixed, inverted length ranges, valid_days
// outside 1..365, net_days outside 0..365, and counts outside
// 0..[MaxCount].
func (c *RateCard) Validate() error {
	p := newProblems()
	c.validate(p)
	return p.Err("rate card")
}

func (c *RateCard) validate(p *problem.List) {
	if c.Version == "" {
		p.Add("version", CodeRequired, "version is required")
	}
	curOK := true
	if c.Currency == "" {
		p.Add("currency", CodeRequired, "currency is required")
		curOK = false
	} else if perr := checkCurrency(c.Currency); perr != nil {
		p.Add("currency", CodeUnknownCurrency, "currency "+strconv.Quote(c.Currency)+": "+perr.Reason, unknownCurrency...)
		curOK = false
	}
	if !c.Rounding.valid() {
		p.Add("rounding", CodeOutOfRange, "unknown rounding mode "+c.Rounding.String())
	}
	if c.ValidDays < 1 || c.ValidDays > 365 {
		p.Add("valid_days", CodeOutOfRange, "valid_days "+strconv.Itoa(c.ValidDays)+" not in 1..365")
	}
	if c.NetDays < 0 || c.NetDays > maxNetDays {
		p.Add("net_days", CodeOutOfRange, "net_days "+strconv.Itoa(c.NetDays)+" not in 0..365")
	}
	money := func(path string, m Money, required bool) {
		switch {
		case !m.IsValid():
			if required {
				p.Add(path, CodeRequired, "amount is required")
			}
		case curOK && m.Currency() != c.Currency:
			p.Add(path, CodeCurrencyMismatch, strconv.Quote(m.String())+" is not in the card's currency "+c.Currency, ErrCurrencyMismatch)
		case m.IsNegative():
			p.Add(path, CodeNegative, strconv.Quote(m.String())+" is negative")
		}
	}
	percent := func(path string, pc Percent) {
		if pc.d.IsNegative() {
			p.Add(path, CodeNegative, strconv.Quote(pc.String())+" is negative")
		} else if pc.d.GreaterThan(maxPercent) {
			p.Add(path, CodeOutOfRange, strconv.Quote(pc.String())+" is above "+strconv.Itoa(MaxPercent)+"%")
		}
	}
	charge := func(path string, pct *Percent, fixed *Money) {
		switch {
		case pct != nil && fixed != nil:
			p.Add(path, CodeConflict, "set percent or fixed, not both")
		case pct != nil:
			percent(path+".percent", *pct)
		case fixed != nil:
			money(path+".fixed", *fixed, true)
		default:
			p.Add(path, CodeRequired, "set percent or fixed")
		}
	}

	if len(c.Base) == 0 {
		p.Add("base", CodeRequired, "at least one base rate is required")
	}
	codes := make(map[string]int, len(c.Base))
	for i, b := range c.Base {
		path := problem.Index("base", i)
		if b.Code == "" {
			p.Add(path+".code", CodeRequired, "code is required")
		} else if j, dup := codes[b.Code]; dup {
			p.Add(path+".code", CodeDuplicate, "code "+strconv.Quote(b.Code)+" already used by base["+strconv.Itoa(j)+"]")
		} else {
			codes[b.Code] = i
		}
		if b.Platform == "" {
			p.Add(path+".platform", CodeRequired, "platform is required")
		}
		if b.Format == "" {
			p.Add(path+".format", CodeRequired, "format is required")
		}
		count(path+".min_seconds", b.MinSeconds, 0, maxCount, p)
		count(path+".max_seconds", b.MaxSeconds, 0, maxCount, p)
		if b.MaxSeconds < b.MinSeconds {
			p.Add(path+".max_seconds", CodeOutOfRange, "max_seconds "+strconv.Itoa(b.MaxSeconds)+" is below min_seconds "+strconv.Itoa(b.MinSeconds))
		}
		count64(path+".count", b.Count, 0, p)
		count64(path+".included_revisions", b.IncludedRevisions, 0, p)
		money(path+".fee", b.Fee, true)
	}
	type usageKey struct {
		paid bool
		d    Duration
		ch   string
	}
	seen := map[usageKey]int{}
	for i, u := range c.Usage {
		path := problem.Index("usage", i)
		if u.Duration.IsZero() {
			p.Add(path+".duration", CodeZeroDuration, "duration is required and must not be zero-length")
		}
		if len(u.Channels) == 0 {
			p.Add(path+".channels", CodeRequired, "at least one channel is required")
		}
		for j, ch := range u.Channels {
			if ch == "" {
				p.Add(problem.Index(path+".channels", j), CodeRequired, "channel name is empty")
			}
		}
		k := usageKey{u.Paid, u.Duration, joinSorted(u.Channels)}
		if j, dup := seen[k]; dup && !u.Duration.IsZero() {
			p.Add(path, CodeDuplicate, "same paid, duration and channels as usage["+strconv.Itoa(j)+"]")
		} else {
			seen[k] = i
		}
		charge(path, u.Percent, u.Fixed)
	}
	if w := c.Whitelisting; w != nil {
		money("whitelisting.monthly_fee", w.MonthlyFee, true)
		money("whitelisting.setup_fee", w.SetupFee, false)
		count("whitelisting.max_months", w.MaxMonths, 0, maxMonths, p)
	}
	scopes := map[string]int{}
	for i, e := range c.Exclusivity {
		path := problem.Index("exclusivity", i)
		if e.Scope == "" {
			p.Add(path+".scope", CodeRequired, "scope is required")
		} else if j, dup := scopes[e.Scope]; dup {
			p.Add(path+".scope", CodeDuplicate, "scope "+strconv.Quote(e.Scope)+" already priced by exclusivity["+strconv.Itoa(j)+"]")
		} else {
			scopes[e.Scope] = i
		}
		money(path+".monthly_fee", e.MonthlyFee, true)
	}
	if c.Rush != nil {
		charge("rush", c.Rush.Percent, c.Rush.Fixed)
	}
	if c.NetZero != nil {
		charge("net_zero", c.NetZero.Percent, c.NetZero.Fixed)
	}
	if c.ExtraRevision != nil {
		money("extra_revision", *c.ExtraRevision, true)
	}
}

// joinSorted returns the set of names as one key.
func joinSorted(names []string) string {
	s := slices.Clone(names)
	slices.Sort(s)
	return strings.Join(s, "\x00")
}
