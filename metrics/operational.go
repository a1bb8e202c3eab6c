package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/creatorops/creatorops/internal/problem"

	"github.com/shopspring/decimal"
)

// DurationStats summarises a set of durations, such as approval times.
type DurationStats struct {
	N      int64         // how many durations
	Mean   time.Duration // arithmetic mean, rounded half away from zero to the nanosecond
	Median time.Duration // middle value; the mean of the two middle values for an even N
	Min    time.Duration
	Max    time.Duration
}

// UnmarshalJSON reads what MarshalJSON writes: unknown keys, a negative count
// or a duration time.ParseDuration does not read are errors.
func (s *DurationStats) UnmarshalJSON(b []byte) error {
	var n int64
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := DurationStats{}
	for k, m := range raw {
		var err error
		switch k {
		case "n":
			err = json.Unmarshal(m, &n)
		case "mean", "median", "min", "max":
			var text string
			if err = json.Unmarshal(m, &text); err == nil {
				var d time.Duration
				d, err = time.ParseDuration(text)
				switch k {
				case "mean":
					out.Mean = d
				case "median":
					out.Median = d
				case "min":
					out.Min = d
				default:
					out.Max = d
				}
			}
		default:
			err = errors.New("unknown field " + problem.Quote(k))
		}
		if err != nil {
			return fmt.Errorf("metrics: duration stats: %s: %w", k, err)
		}
	}
	if n < 0 {
		return fmt.Errorf("metrics: duration stats: n: %d is negative", n)
	}
	out.N = n
	*s = out
	return nil
}

// MarshalJSON writes the statistics with snake_case names and each duration in
// Go's notation, which time.ParseDuration reads back:
// {"n":4,"mean":"20h30m0s","median":"21h0m0s","min":"2h0m0s","max":"48h0m0s"}.
// The zero DurationStats (no durations) is {"n":0}. (DurationStats was a value to
// compute with; boards carry it in their JSON, so it has this one form.)
func (s DurationStats) MarshalJSON() ([]byte, error) {
	if s.N == 0 {
		return []byte(`{"n":0}`), nil
	}
	return json.Marshal(struct {
		N      int64  `json:"n"`
		Mean   string `json:"mean"`
		Median string `json:"median"`
		Min    string `json:"min"`
		Max    string `json:"max"`
	}{s.N, s.Mean.String(), s.Median.String(), s.Min.String(), s.Max.String()})
}

// ApprovalTimes returns the mean and median of approval times (submitted to approved, as
// the timeline engine or a platform measures them). The input is not modified. No
// durations return an error wrapping [ErrUndefined]; negative durations a
// *[ValidationError] with a problem at each one's index ("durations[1]", code
// "negative"), wrapping [ErrInvalid]. The mean is computed without overflow for any
// input.
func ApprovalTimes(durations []time.Duration) (DurationStats, error) {
	const op = "ApprovalTimes"
	if len(durations) == 0 {
		return DurationStats{}, undefined(op, "durations", "", "no durations")
	}
	p := newProblems()
	for i, d := range durations {
		if d < 0 {
			p.add(problem.Index("durations", i), CodeNegative, d.String()+": negative duration")
		}
	}
	if err := p.Err(op); err != nil {
		return DurationStats{}, err
	}
	sorted := slices.Clone(durations)
	slices.Sort(sorted)
	n := len(sorted)
	var median time.Duration
	if n%2 == 1 {
		median = sorted[n/2]
	} else {
		a, b := sorted[n/2-1], sorted[n/2]
		// The mean of the two, rounded half up, without overflow: both are
		// non-negative, so halving each first cannot overflow.
		median = a/2 + b/2 + (a%2+b%2+1)/2
	}
	// Sum in 128 bits: n durations near MaxInt64 overflow int64. The sum is
	// below n·2⁶³, so its high word is below n and the division cannot
	// overflow; the mean, at most the largest duration, fits a Duration.
	var hi, lo uint64
	for _, d := range sorted {
		var c uint64
		lo, c = bits.Add64(lo, uint64(d), 0)
		hi += c
	}
	q, r := bits.Div64(hi, lo, uint64(n))
	if r >= uint64(n)-r { // half up
		q++
	}
	return DurationStats{N: int64(n), Mean: time.Duration(q), Median: median, Min: sorted[0], Max: sorted[n-1]}, nil
}

// RevisionsPerDeliverable returns revision rounds per deliverable, revisions/deliverables,
// at [Precision] (1.5 for 3 rounds over 2 deliverables). Zero deliverables return an
// error wrapping [ErrUndefined]; a negative count one wrapping [ErrInvalid].
func RevisionsPerDeliverable(revisions, deliverables int64) (decimal.Decimal, error) {
	return ratio("RevisionsPerDeliverable", "revisions", revisions, "deliverables", deliverables)
}

// Posting is one deliverable's due and actual posting instants. In JSON it is an object
// with snake_case names and RFC 3339 instants; an empty ID and a zero Posted are left
// out: {"id":"reel-1","due":"2026-03-10T18:00:00-04:00"}.
type Posting struct {
	ID     string    `json:"id,omitempty"`    // optional, for error messages
	Due    time.Time `json:"due"`             // when the post was due; required
	Posted time.Time `json:"posted,omitzero"` // when it went live; zero if it has not
}

// OnTime counts postings by outcome at some instant now. In JSON it is
// {"on_time":3,"late":1,"pending":0}.
type OnTime struct {
	OnTime  int64 `json:"on_time"` // posted at or before due
	Late    int64 `json:"late"`    // posted after due, or not posted and now is after due
	Pending int64 `json:"pending"` // not posted and not yet due: no outcome yet
}

// Rate returns the on-time posting rate OnTime/(OnTime+Late) as a fraction at
// [Precision]. Pending postings are not counted either way. With nothing decided yet it
// returns an error wrapping [ErrUndefined]. Each count is checked on its own before
// anything is summed: negative counts return a *[ValidationError] with a problem
// (code "negative", wrapping [ErrInvalid]) at each ("on_time", "late", "pending"), so
// a negative Late never passes for fewer decided postings.
func (o OnTime) Rate() (decimal.Decimal, error) {
	const op = "OnTime.Rate"
	if err := o.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	// Both are non-negative int64s: their sum fits a decimal, if not an int64.
	decided := decimal.NewFromInt(o.OnTime).Add(decimal.NewFromInt(o.Late))
	if decided.IsZero() {
		return decimal.Decimal{}, undefined(op, "decided postings", "0", "zero denominator")
	}
	return decimal.NewFromInt(o.OnTime).DivRound(decided, Precision), nil
}

// Validate reports every negative count of o: nil, or a *[ValidationError] with a
// problem at each ("on_time", "late", "pending"), wrapping [ErrInvalid].
func (o OnTime) Validate() error {
	p := newProblems()
	for _, c := range []struct {
		key string
		n   int64
	}{{"on_time", o.OnTime}, {"late", o.Late}, {"pending", o.Pending}} {
		if c.n < 0 {
			p.add(c.key, CodeNegative, strconv.FormatInt(c.n, 10)+": negative count")
		}
	}
	return p.Err("OnTime")
}

// OnTimePosting classifies postings at the instant now (a parameter: this package never
// reads the clock). Posting exactly at the due instant is on time. Postings with a zero
// Due return a *[ValidationError] with a problem at each ("postings[2].due", code
// "required"), wrapping [ErrInvalid].
func OnTimePosting(postings []Posting, now time.Time) (OnTime, error) {
	var out OnTime
	errs := newProblems()
	for i, p := range postings {
		if p.Due.IsZero() {
			msg := "due instant missing"
			if p.ID != "" {
				msg = "posting " + problem.Quote(p.ID) + ": " + msg
			}
			errs.add(problem.Index("postings", i)+".due", CodeRequired, msg)
			continue
		}
		switch {
		case !p.Posted.IsZero() && !p.Posted.After(p.Due):
			out.OnTime++
		case !p.Posted.IsZero() || now.After(p.Due):
			out.Late++
		default:
			out.Pending++
		}
	}
	if err := errs.Err("OnTimePosting"); err != nil {
		return OnTime{}, err
	}
	return out, nil
}
