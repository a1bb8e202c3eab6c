package sla

import (
	"math"
	"time"
)

// ipair is a real interval [a, b) in Unix seconds.
type ipair struct{ a, b int64 }

type pieceBuf [maxPieces + 1]ipair

// spansFor returns the wall spans of day view v that metric m counts.
func spansFor(m int, v *dayView) []span {
	if m == mContact {
		return v.contact
	}
	return v.work
}

// pieces converts day d's spans for metric m into real intervals, in order,
// dropping empty ones. It uses buf, and allocates only for a day of more than
// maxPieces+1 pieces (a special date with many intervals).
func (c *Calendar) pieces(r *resolver, m int, d int64, buf *pieceBuf) []ipair {
	return piecesOf(r, c.view(d), m, d, buf)
}

func piecesOf(r *resolver, v *dayView, m int, d int64, buf *pieceBuf) []ipair {
	sp := spansFor(m, v)
	base := d * secPerDay
	// A day's pieces already exclude the earlier days' (dayPieces), and after
	// the gap rule their ends are existing wall times, which convert in order;
	// the clamp below only guards that order.
	last := int64(minInstant)
	out := buf[:0]
	for _, x := range sp {
		a := r.instant(base + int64(x.lo))
		b := r.instant(base + int64(x.hi))
		a = max(a, last)
		if b <= a {
			continue
		}
		out = append(out, ipair{a, b})
		last = b
	}
	return out
}

// firstDay returns the earliest day whose pieces may reach into day d: the day
// before, or the day before that where a whole-day DST gap (Samoa, 2011-12-30)
// carried its shift two days on.
func (c *Calendar) firstDay(r *resolver, d int64) int64 {
	// Only a gap around d's midnight (within a day of it: no gap is longer)
	// can stretch an interval of day d−2, at most a day long, past it; and
	// the resolver's cached zone period shows that none is near.
	if r.ok && (d-3)*secPerDay-r.off >= r.lo && (d+1)*secPerDay-r.off < r.hi {
		return d - 1
	}
	if w := c.view(d - 2).work; len(w) > 0 && w[len(w)-1].hi > 2*secPerDay {
		return d - 2
	}
	return d - 1
}

// realValues computes the values of day d, whose pieces are v, on the real
// instants.
func (c *Calendar) realValues(r *resolver, v *dayView, d int64) [3]int64 {
	var buf pieceBuf
	var val [3]int64
	for _, p := range piecesOf(r, v, mWork, d, &buf) {
		val[mWork] += p.b - p.a
	}
	if val[mWork] > 0 {
		val[mDays] = 1
	}
	for _, p := range piecesOf(r, v, mContact, d, &buf) {
		val[mContact] += p.b - p.a
	}
	return val
}

// value returns day d's value for metric m.
func (c *Calendar) value(m int, d int64) int64 { return c.view(d).val[m] }

// nomSum returns the template values summed over days [a, b).
func (c *Calendar) nomSum(m int, a, b int64) int64 {
	n := b - a
	w := int64(weekdayOf(a))
	return n/7*c.pre[m][7] + c.pre[m][w+n%7] - c.pre[m][w]
}

// nomFind returns the earliest day D ≥ a at which the template values summed over
// [a, D] reach need ≥ 1.
func (c *Calendar) nomFind(m int, a, need int64) int64 {
	week := c.pre[m][7]
	q := (need - 1) / week
	rem := need - q*week
	w := int64(weekdayOf(a))
	i := int64(0)
	for c.pre[m][w+i+1]-c.pre[m][w] < rem {
		i++
	}
	return a + q*7 + i
}

func unixIn(sec int64, loc *time.Location) time.Time { return time.Unix(sec, 0).In(loc) }

// clipFrom returns where piece p begins counting for an instant s, and how much of
// it lies at or after s. ok is false if p ends at or before s.
func clipFrom(p ipair, s time.Time) (from time.Time, avail time.Duration, ok bool) {
	su := s.Unix()
	if p.b <= su {
		return time.Time{}, 0, false
	}
	if p.a > su || (p.a == su && s.Nanosecond() == 0) {
		return time.Unix(p.a, 0), time.Duration(p.b-p.a) * time.Second, true
	}
	return s, time.Unix(p.b, 0).Sub(s), true
}

// advance returns the earliest instant e ≥ s at which metric m (work or contact)
// has accumulated R > 0 in [s, e].
func (c *Calendar) advance(m int, s time.Time, R time.Duration) time.Time {
	r := c.newResolver()
	d0, _ := r.wall(s)
	var buf pieceBuf
	for d := c.firstDay(&r, d0); d <= d0; d++ {
		for _, p := range c.pieces(&r, m, d, &buf) {
			from, avail, ok := clipFrom(p, s)
			if !ok {
				continue
			}
			if avail >= R {
				return from.Add(R).In(c.loc)
			}
			R -= avail
		}
	}
	need := int64((R + time.Second - 1) / time.Second)
	D, before := c.seek(m, d0+1, need)
	return c.locate(&r, m, D, R-time.Duration(before)*time.Second)
}

// locate returns the earliest instant at which day D's pieces of metric m have
// accumulated R > 0 from the day's first opening.
func (c *Calendar) locate(r *resolver, m int, D int64, R time.Duration) time.Time {
	var buf pieceBuf
	ps := c.pieces(r, m, D, &buf)
	for _, p := range ps {
		l := time.Duration(p.b-p.a) * time.Second
		if l >= R {
			return unixIn(p.a, c.loc).Add(R)
		}
		R -= l
	}
	// Not reached: seek only returns a day whose value covers R.
	return unixIn(ps[len(ps)-1].b, c.loc)
}

// partial returns how much of day x's pieces of metric m lies before t.
func (c *Calendar) partial(r *resolver, m int, x int64, t time.Time) time.Duration {
	var buf pieceBuf
	var s time.Duration
	for _, p := range c.pieces(r, m, x, &buf) {
		if pa := time.Unix(p.a, 0); pa.Before(t) {
			end := time.Unix(p.b, 0)
			if t.Before(end) {
				end = t
			}
			s += end.Sub(pa)
		}
	}
	return s
}

// saturationDays is a span of days that holds more than the largest
// time.Duration (about 2,562,048 hours) of working time, and so of contact
// time: every week has an hour of it, and closures lie in years 1–9999
// (3,652,059 days), which leaves more than 3,000,000 weeks.
const saturationDays = 25_000_000

// measure returns how much of metric m lies in [from, to).
func (c *Calendar) measure(m int, from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	r := c.newResolver()
	df, _ := r.wall(from)
	dt, _ := r.wall(to)
	// M(x) = the sum over whole days before firstDay(x's day), plus the parts
	// of the days from there on that lie before x.
	a, b := c.firstDay(&r, df), c.firstDay(&r, dt)
	if b-a > saturationDays {
		return math.MaxInt64
	}
	days := c.sum(m, a, b)
	if days > math.MaxInt64/int64(time.Second) {
		return math.MaxInt64
	}
	t := time.Duration(days) * time.Second
	for d := b; d <= dt; d++ {
		t += c.partial(&r, m, d, to)
	}
	for d := a; d <= df; d++ {
		t -= c.partial(&r, m, d, from)
	}
	return t
}

// next returns the earliest instant ≥ t inside a piece of metric m.
func (c *Calendar) next(m int, t time.Time) time.Time {
	r := c.newResolver()
	d0, _ := r.wall(t)
	var buf pieceBuf
	for d := c.firstDay(&r, d0); d <= d0; d++ {
		for _, p := range c.pieces(&r, m, d, &buf) {
			if from, _, ok := clipFrom(p, t); ok {
				return from.In(c.loc)
			}
		}
	}
	countM := mDays
	if m == mContact {
		countM = mContact
	}
	// seek returns a day whose value is positive, so it has a first piece.
	D, _ := c.seek(countM, d0+1, 1)
	return unixIn(c.pieces(&r, m, D, &buf)[0].a, c.loc)
}

// in reports whether t lies inside a piece of metric m.
func (c *Calendar) in(m int, t time.Time) bool {
	r := c.newResolver()
	d0, _ := r.wall(t)
	u := t.Unix()
	var buf pieceBuf
	for d := c.firstDay(&r, d0); d <= d0; d++ {
		for _, p := range c.pieces(&r, m, d, &buf) {
			if p.a <= u && u < p.b {
				return true
			}
		}
	}
	return false
}
