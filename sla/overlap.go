package sla

import (
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

// MaxOverlapRange is the longest range [Overlap] searches: 366 days.
const MaxOverlapRange = 366 * 24 * time.Hour

// Spans returns the calendar's working time in [from, to) as spans in the
// calendar's location, in order, with adjacent pieces joined (a shift that runs
// past midnight into the next day's shift is one span). It returns an error
// wrapping [ErrInvalid] if to − from is longer than [MaxOverlapRange].
func (c *Calendar) Spans(from, to time.Time) ([]Span, error) {
	if to.Sub(from) > MaxOverlapRange {
		return nil, fmt.Errorf("sla: spans from %s to %s: longer than %d days: %w",
			from.Format(time.RFC3339), to.Format(time.RFC3339), MaxOverlapRange/(24*time.Hour), ErrInvalid)
	}
	if !to.After(from) {
		return nil, nil
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
	return out, nil
}

// Overlap returns the spans in [from, to) in which every one of the calendars is
// working: when a brand in New York and a creator in Los Angeles are both at work,
// for a call. Spans are in the first calendar's location. It returns an error
// wrapping [ErrInvalid] if no calendar is given or the range is longer than
// [MaxOverlapRange].
func Overlap(from, to time.Time, cals ...*Calendar) ([]Span, error) {
	if len(cals) == 0 {
		return nil, fmt.Errorf("sla: overlap: no calendars: %w", ErrInvalid)
	}
	acc, err := cals[0].Spans(from, to)
	if err != nil {
		return nil, err
	}
	for _, c := range cals[1:] {
		next, err := c.Spans(from, to)
		if err != nil {
			return nil, err
		}
		acc = intersectSpans(acc, next)
	}
	return acc, nil
}

// NextOverlap returns the first span starting at or after t, within
// [MaxOverlapRange], in which every calendar works for at least d without a
// break, cut to length d: the earliest slot for a call of length d. It reports
// false if there is none.
func NextOverlap(t time.Time, d time.Duration, cals ...*Calendar) (Span, bool) {
	const step = 31 * 24 * time.Hour
	if d <= 0 || len(cals) == 0 {
		return Span{}, false
	}
	for from := t; from.Sub(t) < MaxOverlapRange; from = from.Add(step) {
		// Look a little past the step so a span that crosses it is seen whole.
		spans, err := Overlap(from, from.Add(step+d), cals...)
		if err != nil {
			return Span{}, false
		}
		for _, s := range spans {
			if s.Duration() >= d {
				return Span{s.Start, s.Start.Add(d)}, true
			}
		}
	}
	return Span{}, false
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
