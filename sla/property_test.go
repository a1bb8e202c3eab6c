package sla

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propertySpecs are calendars chosen to stress the fast path: DST zones with
// hour, half-hour and midnight transitions, overnight and split shifts, quiet
// hours, holidays of every kind and scheduled time, some of them past 2100,
// where the calendar walks instead of jumping.
var propertySpecs = []CalendarSpec{
	{TimeZone: "America/New_York", Holidays: []string{"2026-01-01", "2026-05-25", "2026-07-03", "2026-11-26", "2026-12-24 09:00-13:00", "2026-12-25", "2027-01-01"}},
	{TimeZone: "America/Los_Angeles", Hours: []string{"daily 22:00-06:00"}, Holidays: []string{"2026-03-08", "2026-11-03", "2026-12-24..2026-12-31"}},
	{TimeZone: "Europe/London", Hours: []string{"mon-fri 09:00-12:30, 13:30-17:30", "sat 10:00-14:00"}, Quiet: []string{"daily 21:00-08:00"},
		Holidays: []string{"2026-03-29 10:00-16:00", "2026-10-25", "2026-12-25..2026-12-28"}, Scheduled: []string{"2026-03-28 20:00-02:00", "2026-10-24 23:00-03:00"}},
	{TimeZone: "Australia/Lord_Howe", Hours: []string{"mon-sat 00:30-03:00, 08:00-18:00"}, Quiet: []string{"sun"}, Holidays: []string{"2026-04-05", "2026-10-04 01:00-02:30"}},
	{TimeZone: "Africa/Cairo", Hours: []string{"sun-thu 09:00-17:00", "thu 23:00-01:00"}, Quiet: []string{"fri-sat"}, Scheduled: []string{"2026-04-24 00:00-03:00", "2026-10-30 22:00-02:00"}},
	{TimeZone: "Asia/Kolkata", Hours: []string{"mon-fri 10:00-19:00"}, Quiet: []string{"sat-sun", "daily 13:00-14:00"}, Holidays: []string{"2026-08-15", "2026-10-20..2026-10-22"}},
	{TimeZone: "America/New_York", Hours: []string{"mon-fri 18:00-02:00"}, Quiet: []string{"sat-sun"}, Scheduled: []string{"2026-03-07 10:00-14:00", "2026-11-01 00:30-03:00"}, Holidays: []string{"2026-03-09", "2026-11-02 20:00-23:00"}},
	{TimeZone: "Europe/Berlin", Holidays: []string{"2150-03-27", "2150-12-24..2151-01-02"}},
}

func randomStart(rng *rand.Rand, loc *time.Location, years []int) time.Time {
	y := years[rng.IntN(len(years))]
	// Bias towards DST months and the year's end.
	months := []time.Month{1, 3, 3, 4, 10, 10, 11, 11, 12, 12, 6}
	m := months[rng.IntN(len(months))]
	return time.Date(y, m, 1+rng.IntN(28), rng.IntN(24), rng.IntN(4)*15, rng.IntN(2)*30, 0, loc).
		Add(time.Duration(rng.IntN(3)) * 250 * time.Millisecond)
}

func randomWindow(rng *rand.Rand) Window {
	counts := []int64{0, 1, 2, 3, 5, 8, 9, 17, 24, 40, 48, 100, 333, 1000, 4000}
	n := counts[rng.IntN(len(counts))]
	switch rng.IntN(4) {
	case 0:
		return Hours(n)
	case 1:
		return Days(n % 400)
	case 2:
		return BusinessHours(n)
	default:
		return BusinessDays(n % 400)
	}
}

func TestDueMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i, spec := range propertySpecs {
		c := MustNewCalendar(spec)
		o := oracle{c}
		years := []int{2025, 2026, 2027}
		if i == len(propertySpecs)-1 {
			years = []int{2026, 2069, 2099, 2149, 2150}
		}
		t.Run(spec.TimeZone+fmt.Sprint(i), func(t *testing.T) {
			for k := 0; k < 400; k++ {
				s := randomStart(rng, c.loc, years)
				w := randomWindow(rng)
				got, want := c.Due(s, w), o.due(s, w)
				require.True(t, got.Equal(want), "Due(%v, %v) = %v, want %v (oracle)", s, w, got, want)
				require.False(t, got.Before(s), "Due(%v, %v) = %v, before start", s, w, got)
				if w.n > 0 {
					require.Same(t, c.loc, got.Location(), "Due(%v, %v) in %v, want %v", s, w, got.Location(), c.loc)
				}
				e := s.Add(time.Duration(rng.IntN(24*60)) * time.Hour / 3)
				gotW, wantW := c.WorkingTime(s, e), o.measure(mWork, s, e)
				require.Equal(t, wantW, gotW, "WorkingTime(%v, %v) = %v, want %v (oracle)", s, e, gotW, wantW)
				gotC, wantC := c.ContactTime(s, e), o.measure(mContact, s, e)
				require.Equal(t, wantC, gotC, "ContactTime(%v, %v) = %v, want %v (oracle)", s, e, gotC, wantC)
				got, want = c.NextWorking(s), o.next(mWork, s)
				require.True(t, got.Equal(want), "NextWorking(%v) = %v, want %v (oracle)", s, got, want)
				got, want = c.NextContact(s), o.next(mContact, s)
				require.True(t, got.Equal(want), "NextContact(%v) = %v, want %v (oracle)", s, got, want)
			}
		})
	}
}

func TestDueProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i, spec := range propertySpecs {
		c := MustNewCalendar(spec)
		t.Run(spec.TimeZone+fmt.Sprint(i), func(t *testing.T) {
			for k := 0; k < 300; k++ {
				s := randomStart(rng, c.loc, []int{2025, 2026, 2027})
				a := int64(1 + rng.IntN(60))
				b := int64(1 + rng.IntN(60))
				// WorkingTime(s, Due(s, n business hours)) == n hours.
				e := c.Due(s, BusinessHours(a))
				got := c.WorkingTime(s, e)
				require.Equal(t, time.Duration(a)*time.Hour, got, "WorkingTime(%v, Due(%v, %d bh) = %v) = %v", s, s, a, e, got)
				// The same for Hours and contact time.
				eh := c.Due(s, Hours(a))
				got = c.ContactTime(s, eh)
				require.Equal(t, time.Duration(a)*time.Hour, got, "ContactTime(%v, Due(%v, %d h) = %v) = %v", s, s, a, eh, got)
				// Due(Due(s, a), b) == Due(s, a+b) for business hours.
				dd, want := c.Due(e, BusinessHours(b)), c.Due(s, BusinessHours(a+b))
				require.True(t, dd.Equal(want), "Due(Due(%v, %d bh), %d bh) = %v, want Due(s, %d bh) = %v", s, a, b, dd, a+b, want)
				// Monotonic in start, for every unit.
				s2 := s.Add(time.Duration(rng.IntN(600)) * time.Minute)
				for _, w := range []Window{BusinessHours(a), BusinessDays(b % 7), Hours(b), Days(a % 5)} {
					d1, d2 := c.Due(s, w), c.Due(s2, w)
					require.False(t, d2.Before(d1), "Due not monotonic: Due(%v, %v) = %v but Due(%v, %v) = %v", s, w, d1, s2, w, d2)
				}
				// IsWorking agrees with NextWorking, IsQuiet with NextContact.
				working, nextW := c.IsWorking(s), c.NextWorking(s)
				require.Equal(t, working, nextW.Equal(s), "IsWorking(%v) = %v, NextWorking = %v", s, working, nextW)
				quiet, nextC := c.IsQuiet(s), c.NextContact(s)
				require.NotEqual(t, quiet, nextC.Equal(s), "IsQuiet(%v) = %v, NextContact = %v", s, quiet, nextC)
				require.False(t, working && quiet, "%v is both working and quiet", s)
			}
		})
	}
}

func TestLongWindows(t *testing.T) {
	for i, spec := range propertySpecs[:4] {
		c := MustNewCalendar(spec)
		o := oracle{c}
		s := time.Date(2026, 3, 6, 16, 30, 0, 0, c.loc)
		for _, w := range []Window{BusinessHours(20000), BusinessDays(5000), Hours(100000), Days(36500)} {
			got, want := c.Due(s, w), o.due(s, w)
			assert.True(t, got.Equal(want), "%d: Due(%v, %v) = %v, want %v (oracle)", i, s, w, got, want)
		}
		e := c.Due(s, BusinessHours(20000))
		got := c.WorkingTime(s, e)
		assert.Equal(t, 20000*time.Hour, got, "%d: WorkingTime over 20,000 business hours = %v", i, got)
	}
}

// TestResolverAgreesWithProbe checks the cached, ZoneBounds-based wall-clock
// resolution against the plain offset probe on wall times around every kind of
// transition, 1970–2100.
func TestResolverAgreesWithProbe(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, z := range []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "Africa/Cairo", "Asia/Kolkata", "Pacific/Apia", "Europe/Berlin"} {
		loc, err := time.LoadLocation(z)
		require.NoError(t, err)
		r := resolver{loc: loc}
		// The loops below run some 200,000 times: they compare with a plain
		// != and build a message only on a mismatch.
		// Every quarter hour of every day with a change of offset, 2020–2030.
		for day := daysFromCivil(2020, 1, 1); day < daysFromCivil(2031, 1, 1); day++ {
			if offsetAt(loc, day*secPerDay) == offsetAt(loc, (day+1)*secPerDay) {
				continue
			}
			for w := (day - 1) * secPerDay; w < (day+2)*secPerDay; w += 900 {
				if got, want := r.instant(w), r.probe(w); got != want {
					require.Failf(t, "instant disagrees with probe", "%s: instant(%s +%ds) = %v, probe = %v", z, formatDate(day), w-day*secPerDay, time.Unix(got, 0).In(loc), time.Unix(want, 0).In(loc))
				}
				// wall, with its cached zone period, reads instants back like wallOf.
				u := time.Unix(w-offsetAt(loc, w), 0)
				gd, gs := r.wall(u)
				if wd, ws := wallOf(u, loc); gd != wd || gs != ws {
					require.Failf(t, "wall disagrees with wallOf", "%s: wall(%v) = %d %d, wallOf = %d %d", z, u.In(loc), gd, gs, wd, ws)
				}
			}
		}
		for i := 0; i < 20000; i++ {
			day := daysFromCivil(int64(1970+rng.IntN(130)), 1+rng.IntN(12), 1+rng.IntN(28))
			w := day*secPerDay + int64(rng.IntN(secPerDay/60))*60
			if got, want := r.instant(w), r.probe(w); got != want {
				require.Failf(t, "instant disagrees with probe", "%s: instant(%s %d) = %v, probe = %v", z, formatDate(day), w%secPerDay, time.Unix(got, 0).In(loc), time.Unix(want, 0).In(loc))
			}
		}
	}
}

// TestHorizonEdges: special dates and DST transitions near the edges of what
// was once the precomputed horizon, 1970 and 2070, and near month and year
// edges of today's index (found in review: Havana's midnight fall-back on
// 2075-11-03, Santiago's transition before a 1969 holiday).
func TestHorizonEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		spec  CalendarSpec
		years []int
	}{
		{CalendarSpec{TimeZone: "America/Havana", Hours: []string{"daily 19:00-24:00", "daily 13:00-15:30"}, Holidays: []string{"2075-10-31"}}, []int{2075}},
		{CalendarSpec{TimeZone: "America/Santiago", Hours: []string{"daily 20:30-21:00", "daily 20:00-02:30", "sat 05:30-09:00"},
			Holidays: []string{"1969-11-25 15:30-10:00"}, Quiet: []string{"mon-tue"}, Scheduled: []string{"1969-11-26 10:00-12:00"}}, []int{1969}},
		{CalendarSpec{TimeZone: "America/Santiago", Hours: []string{"daily 22:00-01:00"}}, []int{1969, 1970, 2069, 2070}},
		{CalendarSpec{TimeZone: "Asia/Beirut", Hours: []string{"mon-sat 23:00-02:00"}, Holidays: []string{"2069-12-30"}}, []int{2069, 2070}},
	} {
		c := MustNewCalendar(tc.spec)
		o := oracle{c}
		for k := 0; k < 300; k++ {
			s := randomStart(rng, c.loc, tc.years)
			e := s.Add(time.Duration(rng.IntN(10*24*60)) * time.Minute)
			gotW, wantW := c.WorkingTime(s, e), o.measure(mWork, s, e)
			require.Equal(t, wantW, gotW, "%s: WorkingTime(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, e, gotW, wantW)
			gotC, wantC := c.ContactTime(s, e), o.measure(mContact, s, e)
			require.Equal(t, wantC, gotC, "%s: ContactTime(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, e, gotC, wantC)
			w := randomWindow(rng)
			got, want := c.Due(s, w), o.due(s, w)
			require.True(t, got.Equal(want), "%s: Due(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, w, got, want)
		}
	}
}

// TestFarSpecialDatesCostNothing: a special date far from today costs nothing
// to build (a holiday in 9999 once made a calendar take 220 ms and megabytes to
// build): construction computes no month of the index, and the far dates only
// add the few years they touch. They are still honoured.
func TestFarSpecialDatesCostNothing(t *testing.T) {
	far := MustNewCalendar(CalendarSpec{TimeZone: "America/New_York", Holidays: []string{"0001-01-01", "9999-12-30", "9999-12-31 10:00-11:00"}})
	n := far.computedMonths()
	assert.Zero(t, n, "NewCalendar computed %d months of the index, want none", n)
	years := far.idx.spYears
	assert.LessOrEqual(t, len(years), 4, "far holidays touch the years %v, want at most 4 (each date's year and the next or previous)", years)
	o := oracle{far}
	s := time.Date(9999, 12, 29, 16, 0, 0, 0, far.loc) // a Wednesday
	for _, w := range []Window{BusinessHours(2), BusinessDays(1), Hours(30)} {
		got, want := far.Due(s, w), o.due(s, w)
		assert.True(t, got.Equal(want), "Due(%v, %v) = %v, want %v (oracle)", s, w, got, want)
	}
	got := far.Due(s, BusinessHours(2))
	assert.Equal(t, "9999-12-31 11:00", got.Format("2006-01-02 15:04"), "Due(%v, 2 bh) = %v, want 9999-12-31 11:00 (Thursday closed, Friday 10:00-11:00)", s, got)
}

// TestGapBoundariesAgainstOracle sweeps the weeks around spring-forward days,
// in the dense years of the index and in its cycle, for calendars whose rule
// ends fall in the gap.
func TestGapBoundariesAgainstOracle(t *testing.T) {
	for _, tc := range []struct {
		spec  CalendarSpec
		days  []string // a spring-forward day in each of two years
		units []Window
	}{
		{CalendarSpec{TimeZone: "America/Santiago", Hours: []string{"sun 01:00-10:00", "mon-fri 00:30-06:00"}, Quiet: []string{"sat 20:00-00:30"}}, []string{"2026-09-06", "2085-09-02"}, nil},
		{CalendarSpec{TimeZone: "America/New_York", Hours: []string{"daily 22:00-02:30"}, Quiet: []string{"daily 03:00-08:00"}}, []string{"2026-03-08", "2085-03-11"}, nil},
		{CalendarSpec{TimeZone: "Pacific/Apia", Hours: []string{"daily 09:00-17:00", "thu 22:00-02:00"}}, []string{"2011-12-30"}, nil},
		{CalendarSpec{TimeZone: "Australia/Lord_Howe", Hours: []string{"daily 01:45-02:15, 09:00-17:00"}, Quiet: []string{"daily 02:10-02:40"}}, []string{"2026-10-04", "2085-10-07"}, nil},
	} {
		c := MustNewCalendar(tc.spec)
		o := oracle{c}
		for _, day := range tc.days {
			d0, err := time.ParseInLocation("2006-01-02", day, c.loc)
			require.NoError(t, err)
			for h := -48; h < 72; h++ {
				s := d0.Add(time.Duration(h)*time.Hour + 7*time.Minute)
				require.False(t, c.IsWorking(s) && c.IsQuiet(s), "%s: %v is both working and quiet", tc.spec.TimeZone, s)
				e := s.Add(29 * time.Hour)
				gotW, wantW := c.WorkingTime(s, e), o.measure(mWork, s, e)
				require.Equal(t, wantW, gotW, "%s: WorkingTime(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, e, gotW, wantW)
				gotC, wantC := c.ContactTime(s, e), o.measure(mContact, s, e)
				require.Equal(t, wantC, gotC, "%s: ContactTime(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, e, gotC, wantC)
				for _, w := range []Window{BusinessHours(3), BusinessDays(1), Hours(5), Days(1)} {
					got, want := c.Due(s, w), o.due(s, w)
					require.True(t, got.Equal(want), "%s: Due(%v, %v) = %v, want %v (oracle)", tc.spec.TimeZone, s, w, got, want)
				}
			}
		}
	}
}

// computedMonths counts the months of the index computed so far.
func (c *Calendar) computedMonths() int {
	n := 0
	count := func(yr *yearIdx) {
		if yr == nil {
			return
		}
		for i := range yr.months {
			if yr.months[i].Load() != nil {
				n++
			}
		}
	}
	for i := range c.idx.dense {
		count(c.idx.dense[i].Load())
	}
	for i := range c.idx.sp {
		count(c.idx.sp[i].Load())
	}
	if arr := c.idx.cycle.Load(); arr != nil {
		for i := range arr {
			count(arr[i].Load())
		}
	}
	return n
}
