package sla

// The calendar's questions and answers: what an instant is (IsWorking, IsQuiet),
// what comes next (NextWorking, NextContact), how much time lies between two
// instants (WorkingTime, ContactTime), deadlines (Due, AddWorkingTime,
// AddContactTime), the clock counted backwards (SubWorkingTime) and wall times
// (At). The machinery they share is in clock.go, index.go, day.go and zone.go.

import (
	"math"
	"time"
)

// IsWorking reports whether t is working time: inside the working hours (or a
// holiday's replacement hours) and not quiet, or inside a scheduled window.
func (c *Calendar) IsWorking(t time.Time) bool { return c.in(mWork, t) }

// IsQuiet reports whether t is quiet time: covered by a quiet rule or a fully
// closed date and not by a scheduled window. Working time is never quiet.
func (c *Calendar) IsQuiet(t time.Time) bool { return !c.in(mContact, t) }

// NextWorking returns t (in the calendar's location) if it is working time, or
// else the next instant at which working time begins.
func (c *Calendar) NextWorking(t time.Time) time.Time { return c.next(mWork, t) }

// NextContact returns t (in the calendar's location) if it is not quiet time, or
// else the end of the quiet stretch that covers it: the earliest instant at which
// it is decent to contact this party. Use it to send a reminder at a decent hour
// in the recipient's zone.
func (c *Calendar) NextContact(t time.Time) time.Time { return c.next(mContact, t) }

// WorkingTime returns the working time in [from, to): zero when to is not after
// from. It saturates at the largest time.Duration (about 292 years).
func (c *Calendar) WorkingTime(from, to time.Time) time.Duration { return c.measure(mWork, from, to) }

// ContactTime returns the non-quiet time in [from, to), the time that
// [Hours] windows count.
func (c *Calendar) ContactTime(from, to time.Time) time.Duration {
	return c.measure(mContact, from, to)
}

// Due returns the deadline of a window that opens at start, in the calendar's
// location; a window of zero returns start unchanged, in its own location. Due
// never returns an instant before start. Its cost does not grow with the
// window's length, and it does not allocate once the months it crosses have
// been indexed (by any earlier query on the calendar).
//
// The units count differently:
//
//   - [BusinessHours](n): the earliest instant at which n hours of working time
//     lie in [start, due]. Landing on a closing time returns the closing time:
//     Mon 09:00 + 8 business hours is Mon 17:00.
//   - [BusinessDays](n): the same working offset into the n-th working day after
//     start's working day: Mon 10:00 → Tue 10:00, Fri 16:00 → Mon 16:00. A start
//     outside working time counts from the next opening: Fri 18:00 → Mon 17:00,
//     and so does a start at an opening: Mon 09:00 → Mon 17:00. Where the target
//     day is shorter than the offset (a half day), its last closing.
//   - [Hours](n): n hours of real elapsed time that is not quiet time. With quiet
//     hours "sat-sun", Fri 12:00 + 48 hours is Tue 12:00.
//   - [Days](n): the same wall-clock time n calendar days later; if that instant
//     is quiet, the end of that quiet stretch ([Calendar.NextContact]).
func (c *Calendar) Due(start time.Time, w Window) time.Time {
	if w.n == 0 {
		return start
	}
	switch w.unit {
	case unitBusinessHours:
		return c.advance(mWork, start, time.Duration(w.n)*time.Hour)
	case unitHours:
		return c.advance(mContact, start, time.Duration(w.n)*time.Hour)
	case unitDays:
		return c.dueDays(start, w.n)
	default:
		return c.dueBusinessDays(start, w.n)
	}
}

func (c *Calendar) dueDays(start time.Time, n int64) time.Time {
	r := c.newResolver()
	d, sec := r.wall(start)
	t := time.Unix(r.instant((d+n)*secPerDay+sec), int64(start.Nanosecond())).In(c.loc)
	if t.Before(start) {
		t = start.In(c.loc)
	}
	return c.NextContact(t)
}

func (c *Calendar) dueBusinessDays(start time.Time, n int64) time.Time {
	// One walk finds the working instant s at or after start (NextWorking),
	// the day whose working time s belongs to, and that day's working time
	// before s: the piece that holds s is the one NextWorking stops in.
	r := c.newResolver()
	d0, _ := r.wall(start)
	var buf pieceBuf
	owner, o, found := int64(0), time.Duration(0), false
	for d := c.firstDay(&r, d0); d <= d0 && !found; d++ {
		var sum time.Duration
		for _, p := range c.pieces(&r, mWork, d, &buf) {
			if from, _, ok := clipFrom(p, start); ok {
				owner, found, o = d, true, sum+from.Sub(time.Unix(p.a, 0))
				break
			}
			sum += time.Duration(p.b-p.a) * time.Second
		}
	}
	if !found {
		// s is the first working instant of a later day.
		owner, _ = c.seek(mDays, d0+1, 1)
	}
	if o == 0 {
		target := owner
		if n > 1 {
			target, _ = c.seek(mDays, owner+1, n-1)
		}
		return c.lastClosing(&r, target)
	}
	target, _ := c.seek(mDays, owner+1, n)
	if time.Duration(c.value(mWork, target))*time.Second <= o {
		return c.lastClosing(&r, target)
	}
	return c.locate(&r, mWork, target, o)
}

func (c *Calendar) lastClosing(r *resolver, d int64) time.Time {
	var buf pieceBuf
	ps := c.pieces(r, mWork, d, &buf)
	return unixIn(ps[len(ps)-1].b, c.loc)
}

// At returns the instant at wall-clock time hour:min:sec on year-month-day in the
// calendar's zone, by the calendar's DST rule: a wall time that does not exist
// moves forward by the gap (02:30 on a spring-forward day in New York is 03:30
// EDT), and a wall time that occurs twice is the later instant. Go's time.Date
// does not do this the same way in every zone. Out-of-range values are
// normalized as time.Date normalizes them (day 32 of January is February 1).
func (c *Calendar) At(year int, month time.Month, day, hour, min, sec int) time.Time {
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	y, m, dd := d.Date()
	r := c.newResolver()
	w := daysFromCivil(int64(y), int(m), dd)*secPerDay + int64(hour)*3600 + int64(min)*60 + int64(sec)
	return unixIn(r.instant(w), c.loc)
}

// AddWorkingTime returns the earliest instant e ≥ t at which d of working time
// lies in [t, e]: [Calendar.Due] for any duration, not only whole business hours.
// A d of zero or less returns t unchanged. It is exact to the nanosecond, and
// e is in the calendar's location.
func (c *Calendar) AddWorkingTime(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	return c.advance(mWork, t, d)
}

// SubWorkingTime counts working time backwards: it returns the latest instant
// s ≤ t with at least d of working time in [s, t). It is the inverse of
// [Calendar.AddWorkingTime]: AddWorkingTime(SubWorkingTime(t, d), d) is the
// end of the working time counted (t itself when t is working time or ends a
// piece of it). A d of zero or less returns t unchanged. s is in the calendar's
// location. "Approve by" is SubWorkingTime: the latest approval that still
// leaves a creator the working time promised before a post.
func (c *Calendar) SubWorkingTime(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	// An anchor a with at least d of working time in [a, t): a week has at least
	// an hour of it, so twice the span that d needs at the calendar's weekly rate
	// is a first guess, doubled until it holds.
	perWeek := max(c.pre[mWork][7], minWeekWork)
	span := time.Duration(float64(d)*float64(7*secPerDay)/float64(perWeek))*2 + 8*24*time.Hour
	var a time.Time
	var have time.Duration
	for {
		a = t.Add(-span)
		if have = c.WorkingTime(a, t); have >= d {
			break
		}
		if span > math.MaxInt64/4 {
			return a.In(c.loc) // beyond any representable range: the earliest asked
		}
		span *= 2
	}
	// The working time up to s is have − d: the earliest instant reaching it,
	// then the latest instant with the same count (the next working instant).
	e := c.AddWorkingTime(a, have-d)
	s := c.NextWorking(e)
	if s.After(t) {
		s = t
	}
	return s.In(c.loc)
}

// AddContactTime returns the earliest instant e ≥ t at which d of time that is
// not quiet lies in [t, e]: [Calendar.Due] with [Hours] for any duration. A d of
// zero or less returns t unchanged.
func (c *Calendar) AddContactTime(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	return c.advance(mContact, t, d)
}
