package sla

import (
	"errors"
	"fmt"
	"time"
)

// Span is a half-open interval of real time, [Start, End).
type Span struct {
	Start, End time.Time
}

// Equal reports whether s and o cover the same instants, whatever the
// locations their times are in. Use it rather than ==, which compares
// locations too.
func (s Span) Equal(o Span) bool { return s.Start.Equal(o.Start) && s.End.Equal(o.End) }

// Duration returns End − Start.
func (s Span) Duration() time.Duration { return s.End.Sub(s.Start) }

// String returns the span as "2026-03-02T14:00:00Z/2026-03-02T17:00:00Z" (ISO 8601
// interval of two RFC 3339 instants).
func (s Span) String() string {
	return s.Start.Format(time.RFC3339) + "/" + s.End.Format(time.RFC3339)
}

// MaxOverlapRange is the longest range [Calendar.Spans] and [Overlap] cover, the
// furthest [NextOverlap] looks, and the longest slot it finds: 366 days.
const MaxOverlapRange = 366 * 24 * time.Hour

// ErrNoOverlap is returned by [NextOverlap] when the calendars have no common slot
// of the length asked for within [MaxOverlapRange]. It is not bad input, so it is
// not a [ValidationError].
var ErrNoOverlap = errors.New("sla: no common working time")

func rangeErr(what string, from, to time.Time) error {
	return fieldErr("", CodeOutOfRange, fmt.Sprintf("%s from %s to %s: longer than %d days",
		what, from.Format(time.RFC3339), to.Format(time.RFC3339), MaxOverlapRange/(24*time.Hour)))
}

func noCalendars(op string) error {
	return fieldErr("", CodeRequired, op+": no calendars")
}

// Spans returns the calendar's working time in [from, to) as spans in the
// calendar's location, in order, with adjacent pieces joined (a shift that runs
// past midnight into the next day's shift is one span). It returns an error
// wrapping [ErrInvalid] if to − from is longer than [MaxOverlapRange].
func (c *Calendar) Spans(from, to time.Time) ([]Span, error) {
	if to.Sub(from) > MaxOverlapRange {
		return nil, rangeErr("spans", from, to)
	}
	return c.spans(from, to), nil
}

// spans is Spans without the range limit.
func (c *Calendar) spans(from, to time.Time) []Span {
	if !to.After(from) {
		return nil
	}
	r := c.newResolver()
	df, _ := r.wall(from)
	dt, _ := r.wall(to)
	var out []Span
	var buf pieceBuf
	for d := c.firstDay(&r, df); d <= dt; d++ {
		for _, p := range c.pieces(&r, mWork, d, &buf) {
			a, b := unixIn(p.a, c.loc), unixIn(p.b, c.loc)
			if a.Before(from) {
				a = from.In(c.loc)
			}
			if b.After(to) {
				b = to.In(c.loc)
			}
			if !b.After(a) {
				continue
			}
			if n := len(out); n > 0 && !out[n-1].End.Before(a) {
				out[n-1].End = b
				continue
			}
			out = append(out, Span{a, b})
		}
	}
	return out
}

// Overlap returns the spans in [from, to) in which every one of the calendars is
// working: when a brand in New York and a creator in Los Angeles are both at work,
// for a call. Spans are in the first calendar's location. It returns a
// *[ValidationError] wrapping [ErrInvalid] if no calendar is given or the range is
// longer than [MaxOverlapRange].
func Overlap(from, to time.Time, cals ...*Calendar) ([]Span, error) {
	if len(cals) == 0 {
		return nil, noCalendars("overlap")
	}
	if to.Sub(from) > MaxOverlapRange {
		return nil, rangeErr("overlap", from, to)
	}
	return overlap(from, to, cals), nil
}

func overlap(from, to time.Time, cals []*Calendar) []Span {
	acc := cals[0].spans(from, to)
	for _, c := range cals[1:] {
		acc = intersectSpans(acc, c.spans(from, to))
	}
	return acc
}

// NextOverlap returns the earliest slot of length d in which every calendar
// works without a break, starting at or after t and less than [MaxOverlapRange]
// after it: the first time a call of length d fits. The slot is in the first
// calendar's location.
//
// Its contract matches [Overlap]: no calendars, or d not in (0,
// [MaxOverlapRange]], is a *[ValidationError] wrapping [ErrInvalid]. When no slot
// starts within the range, the error wraps [ErrNoOverlap].
func NextOverlap(t time.Time, d time.Duration, cals ...*Calendar) (Span, error) {
	if len(cals) == 0 {
		return Span{}, noCalendars("next overlap")
	}
	if d <= 0 || d > MaxOverlapRange {
		return Span{}, fieldErr("", CodeOutOfRange, fmt.Sprintf("next overlap: slot length %v not in (0, %v]", d, MaxOverlapRange))
	}
	const step = 31 * 24 * time.Hour
	limit := t.Add(MaxOverlapRange)
	for from := t; from.Before(limit); from = from.Add(step) {
		// Look d past the step, so that a slot starting in it is seen whole.
		for _, s := range overlap(from, from.Add(step+d), cals) {
			if !s.Start.Before(limit) {
				break
			}
			if s.Duration() >= d {
				return Span{s.Start, s.Start.Add(d)}, nil
			}
		}
	}
	return Span{}, fmt.Errorf("sla: next overlap of %v from %s: none within %d days: %w",
		d, t.Format(time.RFC3339), MaxOverlapRange/(24*time.Hour), ErrNoOverlap)
}

func intersectSpans(a, b []Span) []Span {
	var out []Span
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo := a[i].Start
		if b[j].Start.After(lo) {
			lo = b[j].Start.In(lo.Location())
		}
		hi := a[i].End
		if b[j].End.Before(hi) {
			hi = b[j].End.In(hi.Location())
		}
		if hi.After(lo) {
			out = append(out, Span{lo, hi})
		}
		if a[i].End.Before(b[j].End) {
			i++
		} else {
			j++
		}
	}
	return out
}
