package sla

import (
	"cmp"
	"slices"
)

// The day model: the pieces of one local date, from the rules.

// Metrics counted per day.
const (
	mWork    = iota // working seconds
	mDays           // 1 if a working day
	mContact        // non-quiet seconds
)

// dayView is one local date's time, in seconds since that date's wall-clock
// midnight: the working pieces that belong to it (they may run into the next
// day) and its contact (non-quiet) pieces, within the day; and its values,
// measured on the real instants.
type dayView struct {
	work    []span
	contact []span
	val     [3]int64
}

// dayRange is the dates [lo, hi).
type dayRange struct{ lo, hi int64 }

// rangeAt returns the index of the first range of rs (sorted, disjoint) that
// ends after date x.
func rangeAt(rs []dayRange, x int64) int {
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if rs[mid].hi <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// inRanges reports whether date x lies in one of rs, which are sorted and
// disjoint.
func inRanges(rs []dayRange, x int64) bool {
	i := rangeAt(rs, x)
	return i < len(rs) && rs[i].lo <= x
}

// dayEntry is the intervals of a replacement or of scheduled windows on one
// date, in seconds since its midnight, unioned over the spec's entries.
type dayEntry struct {
	day   int64
	spans []span
	at    int // the index of the (first) spec entry
}

// dates holds the special dates of a calendar over a few weeks [lo, hi), for
// the pieces of the days in it: looking one up costs a bit test or a short
// scan, not a binary search over the whole spec. A nil *dates has no special
// dates (the template week).
type dates struct {
	c           *Calendar
	lo, hi      int64
	closed      uint64     // bit x−lo: x is closed and not replaced
	repl, sched []dayEntry // the entries of [lo, hi)
}

// datesIn returns the special dates of [lo, hi), hi − lo ≤ 64 (the bits of
// dates.closed).
func (c *Calendar) datesIn(lo, hi int64) *dates {
	sd := &dates{c: c, lo: lo, hi: hi, repl: clipDays(c.repl, lo, hi), sched: clipDays(c.sched, lo, hi)}
	var buf [4]dayRange
	for _, r := range clipRanges(c.closed, lo, hi, buf[:0]) {
		for x := r.lo; x < r.hi; x++ {
			sd.closed |= 1 << (x - lo)
		}
	}
	for _, e := range sd.repl {
		sd.closed &^= 1 << (e.day - lo) // a replacement beats a closure
	}
	return sd
}

// clipDays returns the entries of es (sorted by day) in [lo, hi).
func clipDays(es []dayEntry, lo, hi int64) []dayEntry {
	i, _ := slices.BinarySearchFunc(es, lo, func(e dayEntry, x int64) int { return cmp.Compare(e.day, x) })
	j := i
	for j < len(es) && es[j].day < hi {
		j++
	}
	return es[i:j]
}

func findIn(es []dayEntry, x int64) ([]span, bool) {
	for _, e := range es {
		if e.day == x {
			return e.spans, true
		}
	}
	return nil, false
}

// hoursOf returns the hours intervals of date x: its replacement if it has
// one, none if it is closed, else the weekly rule's.
func (sd *dates) hoursOf(c *Calendar, x int64) []span {
	if sd != nil {
		if r, ok := findIn(sd.repl, x); ok {
			return r
		}
		if sd.isClosed(x) {
			return nil
		}
	}
	return c.hours[weekdayOf(x)]
}

// schedOf returns the scheduled windows starting on date x.
func (sd *dates) schedOf(x int64) []span {
	if sd == nil {
		return nil
	}
	s, _ := findIn(sd.sched, x)
	return s
}

// onlyClosures reports whether no replacement or scheduled window falls on
// the dates that day x's pieces depend on (x−dayReach to x+dayReachAfter−1),
// which lie in [sd.lo, sd.hi): only closures may make x special.
func (sd *dates) onlyClosures(x int64) bool {
	for _, es := range [2][]dayEntry{sd.repl, sd.sched} {
		for _, e := range es {
			if e.day >= x-dayReach && e.day < x+dayReachAfter {
				return false
			}
		}
	}
	return true
}

// isClosed reports whether date x is fully closed: in a closed date or range
// and not replaced.
func (sd *dates) isClosed(x int64) bool {
	return sd != nil && x >= sd.lo && x < sd.hi && sd.closed&(1<<(x-sd.lo)) != 0
}

// wallDay computes the pieces of day d in wall-clock seconds from the rules.
// With regular set it ignores holidays, scheduled time and DST (the template
// week); see dayPieces.
func (c *Calendar) wallDay(d int64, regular bool) dayView {
	if regular {
		return c.dayPieces(d, nil, nil)
	}
	return c.dayPieces(d, c.datesIn(d-dayReach, d+dayReachAfter), c.gapsNear(d, nil))
}

// The special dates that the pieces of day d depend on are d−dayReach to
// d+dayReachAfter−1.
const (
	dayReach      = 3
	dayReachAfter = 2
)

// dayPieces computes the pieces of day d in wall-clock seconds from the rules:
// sd holds the special dates around d (nil: none count); gaps are the DST gaps
// near d (gapsNear).
//
//	quiet Q   = (quiet rules ∪ closed dates) − scheduled windows, where a closed
//	            date does not cover the tail of a shift begun the evening before
//	W(x)      = (hours(x) − Q) ∪ scheduled windows starting on x
//	work(d)   = W(d) − W(d−1) − W(d−2)   (an overlap belongs to the earlier date)
//	contact(d)= [0, 24h) − Q
//
// Before any of this, every interval's ends that fall in a DST gap move forward
// by the gap, as the real instants do, and only then are a day's intervals
// merged; after that, the wall-clock ends are existing times, in the order of
// the instants they stand for, so the set arithmetic here is the set
// arithmetic of real time.
func (c *Calendar) dayPieces(d int64, sd *dates, gaps []span) dayView {
	g := func(s []span) []span { return normalize(applyGaps(s, gaps)) }
	var qr []span
	for k := int64(-2); k <= 2; k++ {
		qr = append(qr, shift(c.quiet[weekdayOf(d+k)], int32(k*secPerDay))...)
	}
	qr = g(qr)
	q := qr
	// The hours and scheduled windows of dates d−2, d−1 and d after the gap
	// rule, each under the date on which it starts: an interval whose start a
	// gap moves past midnight (all of Samoa's 2011-12-30) starts, and belongs
	// to, the next date. So a date's pieces never lie before an earlier date's.
	var hrs, sched [3][]span
	for k := int64(-3); k <= 0; k++ {
		off := int32(k * secPerDay)
		attribute(&hrs, applyGaps(shift(sd.hoursOf(c, d+k), off), gaps))
		attribute(&sched, applyGaps(shift(sd.schedOf(d+k), off), gaps))
	}
	if sd != nil {
		for k := int64(0); k <= 1; k++ {
			x := d + k
			if !sd.isClosed(x) {
				continue
			}
			cq := g([]span{{int32(k * secPerDay), int32((k + 1) * secPerDay)}})
			tail := subtract(g(shift(sd.hoursOf(c, x-1), int32((k-1)*secPerDay))), qr)
			q = union(q, subtract(cq, tail))
		}
		var all []span
		for k := int64(-3); k <= 1; k++ {
			all = append(all, applyGaps(shift(sd.schedOf(d+k), int32(k*secPerDay)), gaps)...)
		}
		q = subtract(q, normalize(all))
	}
	wOf := func(k int64) []span {
		return union(subtract(normalize(hrs[k+2]), q), normalize(sched[k+2]))
	}
	work := subtract(wOf(0), wOf(-1))
	if len(gaps) > 0 {
		// A gap of a whole day (Samoa, 2011-12-30) can carry the day before
		// yesterday's shift into today.
		work = subtract(work, wOf(-2))
	}
	return dayView{
		work:    work,
		contact: subtract(g([]span{{0, secPerDay}}), q),
	}
}

// attribute adds each span of s (seconds since day d's midnight, after the gap
// rule) to to[j+2], j being the day relative to d on which it starts, for j in
// −2..0.
func attribute(to *[3][]span, s []span) {
	for _, x := range s {
		j := int64(x.lo) / secPerDay
		if x.lo < 0 && int64(x.lo)%secPerDay != 0 {
			j--
		}
		if j >= -2 && j <= 0 {
			to[j+2] = append(to[j+2], x)
		}
	}
}

// gapsNear returns the stretches of wall-clock time that do not exist within
// three days of day d, in seconds since d's wall-clock midnight. trs, if not
// nil, holds the zone's transitions over a range that covers those days.
func (c *Calendar) gapsNear(d int64, trs []transition) []span {
	const slack = 15 * 3600 // more than any UTC offset
	from, to := (d-3)*secPerDay-slack, (d+4)*secPerDay+slack
	if trs == nil {
		trs = transitions(c.loc, from, to)
	}
	var out []span
	for _, tr := range trs {
		if tr.at >= from && tr.at < to && tr.after > tr.before {
			base := d * secPerDay
			out = append(out, span{int32(tr.at + tr.before - base), int32(tr.at + tr.after - base)})
		}
	}
	return out
}

// applyGaps moves each end of each span that falls in a gap forward by the
// gap, dropping spans that become empty. Spans come back unsorted.
func applyGaps(s []span, gaps []span) []span {
	if len(gaps) == 0 {
		return s
	}
	move := func(m int32) int32 {
		for _, g := range gaps {
			if m >= g.lo && m < g.hi {
				return m + (g.hi - g.lo)
			}
		}
		return m
	}
	out := make([]span, 0, len(s))
	for _, x := range s {
		if a, b := move(x.lo), move(x.hi); a < b {
			out = append(out, span{a, b})
		}
	}
	return out
}

// boundaryInGap reports whether a DST gap near day d (gaps, from gapsNear) swallows an end of any
// rule interval that day d's pieces depend on, or a midnight: then the
// template's pieces are not day d's.
func (c *Calendar) boundaryInGap(d int64, gaps []span) bool {
	if len(gaps) == 0 {
		return false
	}
	in := func(m int32) bool {
		for _, g := range gaps {
			if m >= g.lo && m < g.hi {
				return true
			}
		}
		return false
	}
	for k := int64(-2); k <= 2; k++ {
		off := int32(k * secPerDay)
		if in(off) {
			return true
		}
		w := weekdayOf(d + k)
		for _, list := range [2][]span{c.hours[w], c.quiet[w]} {
			for _, x := range list {
				if in(x.lo+off) || in(x.hi+off) {
					return true
				}
			}
		}
	}
	return false
}
