package sla

import (
	"time"
)

// The oracle: a slow, direct reading of the rules that walks day by day. It
// computes every day's pieces from the rules (wallDay with specials), never from
// the template week, the index of irregular days, its running sums or its jumps,
// so comparing it with the fast path tests all of those.

type oracle struct{ c *Calendar }

func (o oracle) pieces(r *resolver, m int, d int64) []ipair {
	v := o.c.wallDay(d, false)
	sp := spansFor(m, &v)
	base := d * secPerDay
	last := int64(minInstant)
	if m != mContact {
		if pw := o.c.wallDay(d-1, false).work; len(pw) > 0 && pw[len(pw)-1].hi > secPerDay {
			last = r.instant((d-1)*secPerDay + int64(pw[len(pw)-1].hi))
		}
	}
	var out []ipair
	for _, x := range sp {
		a := max(r.instant(base+int64(x.lo)), last)
		b := r.instant(base + int64(x.hi))
		if b <= a {
			continue
		}
		out = append(out, ipair{a, b})
		last = b
	}
	return out
}

// advance walks pieces from s until R is used up.
func (o oracle) advance(m int, s time.Time, R time.Duration) time.Time {
	r := resolver{loc: o.c.loc}
	d0, _ := wallOf(s, o.c.loc)
	for d := d0 - 2; ; d++ {
		for _, p := range o.pieces(&r, m, d) {
			from, avail, ok := clipFrom(p, s)
			if !ok {
				continue
			}
			if avail >= R {
				return from.Add(R).In(o.c.loc)
			}
			R -= avail
		}
	}
}

func (o oracle) measure(m int, from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	r := resolver{loc: o.c.loc}
	df, _ := wallOf(from, o.c.loc)
	dt, _ := wallOf(to, o.c.loc)
	var sum time.Duration
	for d := df - 2; d <= dt; d++ {
		for _, p := range o.pieces(&r, m, d) {
			a, b := time.Unix(p.a, 0), time.Unix(p.b, 0)
			if a.Before(from) {
				a = from
			}
			if b.After(to) {
				b = to
			}
			if b.After(a) {
				sum += b.Sub(a)
			}
		}
	}
	return sum
}

func (o oracle) next(m int, t time.Time) time.Time {
	r := resolver{loc: o.c.loc}
	d0, _ := wallOf(t, o.c.loc)
	for d := d0 - 2; ; d++ {
		for _, p := range o.pieces(&r, m, d) {
			if from, _, ok := clipFrom(p, t); ok {
				return from.In(o.c.loc)
			}
		}
	}
}

// businessDays follows DESIGN.md's definition word for word.
func (o oracle) businessDays(start time.Time, n int64) time.Time {
	r := resolver{loc: o.c.loc}
	s := o.next(mWork, start)
	ds, _ := wallOf(s, o.c.loc)
	var owner int64
	var off time.Duration
	for d := ds - 2; d <= ds; d++ {
		var sum time.Duration
		for _, p := range o.pieces(&r, mWork, d) {
			if time.Unix(p.a, 0).After(s) {
				break
			}
			if time.Unix(p.b, 0).After(s) {
				owner, off = d, sum+s.Sub(time.Unix(p.a, 0))
				goto found
			}
			sum += time.Duration(p.b-p.a) * time.Second
		}
	}
	panic("oracle: start of working time not found")
found:
	nth := func(d int64, k int64) int64 {
		for k > 0 {
			d++
			if len(o.pieces(&r, mWork, d)) > 0 {
				k--
			}
		}
		return d
	}
	if off == 0 {
		ps := o.pieces(&r, mWork, nth(owner, n-1))
		return time.Unix(ps[len(ps)-1].b, 0).In(o.c.loc)
	}
	ps := o.pieces(&r, mWork, nth(owner, n))
	R := off
	for _, p := range ps {
		l := time.Duration(p.b-p.a) * time.Second
		if l >= R {
			return time.Unix(p.a, 0).Add(R).In(o.c.loc)
		}
		R -= l
	}
	return time.Unix(ps[len(ps)-1].b, 0).In(o.c.loc)
}

func (o oracle) due(start time.Time, w Window) time.Time {
	if w.n == 0 {
		return start
	}
	switch w.unit {
	case unitBusinessHours:
		return o.advance(mWork, start, time.Duration(w.n)*time.Hour)
	case unitHours:
		return o.advance(mContact, start, time.Duration(w.n)*time.Hour)
	case unitDays:
		d, sec := wallOf(start, o.c.loc)
		r := resolver{loc: o.c.loc}
		t := time.Unix(r.instant((d+w.n)*secPerDay+sec), int64(start.Nanosecond())).In(o.c.loc)
		if t.Before(start) {
			t = start.In(o.c.loc)
		}
		return o.next(mContact, t)
	default:
		return o.businessDays(start, w.n)
	}
}
