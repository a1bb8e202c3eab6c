package sla

import "time"

// Day numbers and wall-clock resolution.
//
// Internally a local date is a day number: days since 1970-01-01 in the proleptic
// Gregorian calendar. A wall-clock time is "wall seconds": seconds since 1970-01-01
// 00:00 on the wall clock, as if the zone were UTC. Instants are Unix seconds.

const (
	secPerMin = 60
	secPerDay = 86400
	minPerDay = 1440
)

// daysFromCivil returns the day number of y-m-d (Howard Hinnant's algorithm).
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekdayOf returns the day of the week of a day number (1970-01-01 was a Thursday).
func weekdayOf(day int64) time.Weekday {
	w := (day + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// wallOf returns the local day number of t in loc and the wall seconds since that
// day's midnight.
func wallOf(t time.Time, loc *time.Location) (day int64, sec int64) {
	t = t.In(loc)
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	return daysFromCivil(int64(y), int(m), d), int64(hh*3600 + mm*60 + ss)
}

// resolver turns wall seconds into instants in one location, following the
// calendar's DST rules: a wall time that does not exist moves forward by the gap
// (02:30 on a spring-forward day is 03:30), and a wall time that occurs twice is the
// later one. Go's time.Date is not used for this: it resolves gaps differently in
// different zones.
//
// A resolver caches the offset of the zone period it last saw, with a margin, so
// that a run of conversions away from transitions costs one subtraction each. It is
// a small value kept on the stack of one computation; it is not shared.
type resolver struct {
	loc    *time.Location
	trans  []transition // the zone's offset changes over some range, if known (see period)
	off    int64        // offset in seconds valid for candidate instants in [lo, hi)
	lo, hi int64
	ok     bool
}

// period returns the zone period around instant u: its offset and bounds
// [ps, pe), with the offsets just before and at its ends. From the transition
// list where it covers u (a binary search), else from the time package (whose
// lookups past a zone's last listed transition re-evaluate its rule each call).
func (r *resolver) period(u int64) (op, ps, pe, oprev, onext int64) {
	if n := len(r.trans); n > 1 && u >= r.trans[0].at && u < r.trans[n-1].at {
		lo, hi := 0, n
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if r.trans[mid].at <= u {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		a, b := r.trans[lo-1], r.trans[lo]
		return a.after, a.at, b.at, a.before, b.after
	}
	t := time.Unix(u, 0).In(r.loc)
	_, o := t.Zone()
	op = int64(o)
	ps, pe = int64(minInstant), int64(maxInstant)
	start, end := t.ZoneBounds()
	if !start.IsZero() {
		ps = start.Unix()
		oprev = offsetAt(r.loc, ps-1)
	}
	if !end.IsZero() {
		pe = end.Unix()
		onext = offsetAt(r.loc, pe)
	}
	return op, ps, pe, oprev, onext
}

// transitionMargin is larger than any change of UTC offset at one transition
// (the largest on record is Samoa's 24 hours in 2011).
const transitionMargin = 2 * secPerDay

const (
	minInstant = -1 << 62
	maxInstant = 1<<62 - 1
)

func offsetAt(loc *time.Location, u int64) int64 {
	_, o := time.Unix(u, 0).In(loc).Zone()
	return int64(o)
}

// instant returns the Unix seconds of wall seconds w.
func (r *resolver) instant(w int64) int64 {
	if r.ok {
		if u := w - r.off; u >= r.lo && u < r.hi {
			return u
		}
	}
	return r.slow(w)
}

func (r *resolver) slow(w int64) int64 {
	guess := r.off
	if !r.ok {
		guess, _, _, _, _ = r.period(w)
	}
	g := w - guess
	op, ps, pe, oprev, onext := r.period(g)
	if g < ps || g >= pe {
		// ZoneBounds answered inconsistently (see transitions); resolve
		// without it.
		return r.probe(w)
	}
	// Cache the period's offset where it cannot be ambiguous.
	lo, hi := ps, pe
	if lo != minInstant {
		lo += transitionMargin
	}
	if hi != maxInstant {
		hi -= transitionMargin
	}
	if lo < hi {
		r.off, r.lo, r.hi, r.ok = op, lo, hi, true
	}
	cp := w - op
	if cp >= lo && cp < hi {
		return cp // far from both transitions: the only reading
	}
	best, found := int64(0), false
	if cp >= ps && cp < pe {
		best, found = cp, true
	}
	if ps != minInstant {
		if c := w - oprev; c < ps && (!found || c > best) {
			best, found = c, true
		}
	}
	if pe != maxInstant {
		if c := w - onext; c >= pe && (!found || c > best) {
			best, found = c, true
		}
	}
	if !found {
		// A gap: the wall time moves forward by the gap, which is the wall time
		// read with the offset in force before the transition.
		if cp < ps {
			best = w - oprev
		} else {
			best = cp
		}
	}
	return best
}

// wall returns the local day number of t and the wall seconds since that day's
// midnight, using and refreshing the cached zone period.
func (r *resolver) wall(t time.Time) (day, sec int64) {
	u := t.Unix()
	var off int64
	if r.ok && u >= r.lo && u < r.hi {
		off = r.off
	} else {
		var ps, pe int64
		off, ps, pe, _, _ = r.period(u)
		lo, hi := ps, pe
		if lo != minInstant {
			lo += transitionMargin
		}
		if hi != maxInstant {
			hi -= transitionMargin
		}
		if lo < hi && u >= ps && u < pe {
			r.off, r.lo, r.hi, r.ok = off, lo, hi, true
		}
	}
	w := u + off
	day = w / secPerDay
	if w%secPerDay < 0 {
		day--
	}
	return day, w - day*secPerDay
}

// probe resolves w from offsets alone, for the rare instants where ZoneBounds
// cannot be trusted: it tries the offsets in force within two days of w, keeps
// the latest instant whose offset agrees, and in a gap reads w with the earlier
// offset.
func (r *resolver) probe(w int64) int64 {
	best, found := int64(0), false
	for _, o := range [3]int64{offsetAt(r.loc, w-transitionMargin), offsetAt(r.loc, w), offsetAt(r.loc, w+transitionMargin)} {
		if c := w - o; offsetAt(r.loc, c) == o && (!found || c > best) {
			best, found = c, true
		}
	}
	if !found {
		best = w - offsetAt(r.loc, w-transitionMargin)
	}
	return best
}

// transition is a change of UTC offset at an instant.
type transition struct {
	at            int64 // Unix seconds
	before, after int64 // offsets in seconds
}

// transitions returns the changes of UTC offset in loc within [from, to), in
// Unix seconds.
func transitions(loc *time.Location, from, to int64) []transition {
	var out []transition
	t := time.Unix(from, 0).In(loc)
	for guard := 0; guard < 1<<16 && t.Unix() < to; guard++ {
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		if !end.After(t) {
			// Go's ZoneBounds can return an end equal to t for hours around a
			// rule-year boundary past the zone's last listed transition
			// (America/New_York at 2041-01-01T00:00Z, Europe/Berlin for 18 hours
			// before it; go1.26). Step over it an hour at a time, watching the
			// offset directly.
			lo, hi := t.Unix(), t.Unix()+3600
			if ob, oa := offsetAt(loc, lo), offsetAt(loc, hi); ob != oa {
				for hi-lo > 1 {
					if mid := lo + (hi-lo)/2; offsetAt(loc, mid) == ob {
						lo = mid
					} else {
						hi = mid
					}
				}
				if hi < to {
					out = append(out, transition{hi, ob, oa})
				}
			}
			t = time.Unix(t.Unix()+3600, 0).In(loc)
			continue
		}
		at := end.Unix()
		if at >= to {
			break
		}
		if ob, oa := offsetAt(loc, at-1), offsetAt(loc, at); ob != oa {
			out = append(out, transition{at, ob, oa})
		}
		t = end
	}
	return out
}
