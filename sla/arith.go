package sla

import (
	"math"
	"time"
)

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
