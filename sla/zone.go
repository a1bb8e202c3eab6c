package sla

import (
	"sync/atomic"
	"time"
)

// The zone resolver: wall-clock seconds to instants and back in one location,
// and the location's changes of offset.

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
	zc     *zoneCache // the calendar's, or nil
	off    int64      // offset in seconds valid for candidate instants in [lo, hi)
	lo, hi int64
	ok     bool
}

// period returns the zone period around instant u: its offset and bounds
// [ps, pe), from the time package (whose lookups past a zone's last listed
// transition re-evaluate its rule each call).
func (r *resolver) period(u int64) (op, ps, pe int64) {
	if r.zc != nil {
		if op, ps, pe, ok := r.zc.get(u); ok {
			return op, ps, pe
		}
		defer func() { r.zc.put(u, op, ps, pe) }()
	}
	t := time.Unix(u, 0).In(r.loc)
	_, o := t.Zone()
	op = int64(o)
	ps, pe = int64(minInstant), int64(maxInstant)
	start, end := t.ZoneBounds()
	if !start.IsZero() {
		ps = start.Unix()
	}
	if !end.IsZero() {
		pe = end.Unix()
	}
	return op, ps, pe
}

// transitionMargin is larger than any change of UTC offset at one transition
// (the largest on record is Samoa's 24 hours in 2011).
const transitionMargin = 2 * secPerDay

// cacheMargin is larger than the difference of any two offsets one zone has
// had (at most 25h30m, Pacific/Apia's, in the tz data of 2026). Another offset
// reads a wall time as an instant less than that away, so where a period's
// offset reads it farther than that inside the period, no other offset can:
// the resolver caches the period's offset less that margin at both ends.
const cacheMargin = 27 * 3600

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
		guess, _, _ = r.period(w)
	}
	g := w - guess
	op, ps, pe := r.period(g)
	if g < ps || g >= pe {
		// ZoneBounds answered inconsistently (see transitions); resolve
		// without it.
		return r.probe(w)
	}
	// Cache the period's offset where it cannot be ambiguous.
	lo, hi := ps, pe
	if lo != minInstant {
		lo += cacheMargin
	}
	if hi != maxInstant {
		hi -= cacheMargin
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
	var oprev int64
	if ps != minInstant {
		oprev = offsetAt(r.loc, ps-1)
		if c := w - oprev; c < ps && (!found || c > best) {
			best, found = c, true
		}
	}
	if pe != maxInstant {
		if c := w - offsetAt(r.loc, pe); c >= pe && (!found || c > best) {
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
		off, ps, pe = r.period(u)
		lo, hi := ps, pe
		if lo != minInstant {
			lo += cacheMargin
		}
		if hi != maxInstant {
			hi -= cacheMargin
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

// zoneCache remembers zone periods that a calendar's queries have looked up,
// so that the next query in the same period need not ask the time package
// (about 100 ns a lookup, and a deadline starts with one). It is a cache of
// facts about the zone, not state: what it answers is what the time package
// would. Lock-free and allocation-free: each slot is a sequence lock over
// atomics, and a period goes to the slot of its instant's 2²² s (48.5-day)
// stretch, so a year's queries keep its two periods.
type zoneCache struct{ slots [8]periodSlot }

type periodSlot struct {
	seq         atomic.Uint64 // even when the fields are stable; 0 when empty
	off, lo, hi atomic.Int64
}

func (z *zoneCache) slot(u int64) *periodSlot { return &z.slots[uint64(u>>22)&7] }

// get returns the period cached for instant u, if one holds it.
func (z *zoneCache) get(u int64) (op, ps, pe int64, ok bool) {
	s := z.slot(u)
	q := s.seq.Load()
	if q == 0 || q&1 != 0 {
		return 0, 0, 0, false
	}
	op, ps, pe = s.off.Load(), s.lo.Load(), s.hi.Load()
	if s.seq.Load() != q || u < ps || u >= pe {
		return 0, 0, 0, false
	}
	return op, ps, pe, true
}

// put caches the period of instant u, unless another goroutine is writing the
// slot (then the period is simply not cached this time).
func (z *zoneCache) put(u, op, ps, pe int64) {
	s := z.slot(u)
	q := s.seq.Load()
	if q&1 != 0 || !s.seq.CompareAndSwap(q, q+1) {
		return
	}
	s.off.Store(op)
	s.lo.Store(ps)
	s.hi.Store(pe)
	s.seq.Store(q + 2)
}
