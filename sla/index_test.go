package sla

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentFirstUse: goroutines that share a new calendar compute its
// index concurrently on first use and agree with a calendar used alone (run
// with -race).
func TestConcurrentFirstUse(t *testing.T) {
	spec := CalendarSpec{TimeZone: "America/New_York", Holidays: []string{"2026-03-09", "2026-07-03", "2150-01-01..2150-02-01"}}
	alone := MustNewCalendar(spec)
	shared := MustNewCalendar(spec)
	loc := alone.Location()
	starts := []time.Time{time.Date(2026, 3, 6, 16, 0, 0, 0, loc), time.Date(2149, 12, 30, 10, 0, 0, 0, loc), time.Date(1850, 1, 1, 0, 0, 0, 0, loc)}
	windows := []Window{BusinessHours(40), BusinessDays(300), Hours(5000), Days(400)}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() { // assert, not require: FailNow must not be called from another goroutine
			defer wg.Done()
			for _, s := range starts {
				for _, w := range windows {
					got, want := shared.Due(s, w), alone.Due(s, w)
					assert.True(t, got.Equal(want), "Due(%v, %v) = %v concurrently, %v alone", s, w, got, want)
				}
				got, want := shared.WorkingTime(s, s.AddDate(300, 0, 0)), alone.WorkingTime(s, s.AddDate(300, 0, 0))
				assert.Equal(t, want, got, "WorkingTime from %v = %v concurrently, %v alone", s, got, want)
			}
		}()
	}
	wg.Wait()
}

// TestMaxDateIntervals: a date may hold MaxDateIntervals replacement
// intervals, over all its entries, and as many scheduled ones; one more is an
// error naming the entry that passed the limit.
func TestMaxDateIntervals(t *testing.T) {
	ivs := func(n, from int) string {
		var parts []string
		for k := 0; k < n; k++ {
			m := 2 * (from + k)
			parts = append(parts, fmt.Sprintf("%s-%s", formatClock(int32(m)*secPerMin), formatClock(int32(m+1)*secPerMin)))
		}
		return strings.Join(parts, ", ")
	}
	ok := CalendarSpec{TimeZone: "UTC",
		Holidays:  []string{"2026-12-24 " + ivs(20, 0), "2026-12-25", "2026-12-24 " + ivs(MaxDateIntervals-20, 20)},
		Scheduled: []string{"2026-12-26 " + ivs(MaxDateIntervals, 0)}}
	c, err := NewCalendar(ok)
	require.NoError(t, err, "NewCalendar with %d intervals a date", MaxDateIntervals)
	// Every interval counts: 32 minutes of the 24th, 32 of the 26th.
	day := time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC)
	got := c.WorkingTime(day, day.AddDate(0, 0, 3))
	assert.Equal(t, 2*MaxDateIntervals*time.Minute, got, "WorkingTime(%v, 3 days later) = %v, want %v", day, got, 2*MaxDateIntervals*time.Minute)
	for _, tc := range []struct {
		spec  CalendarSpec
		field string
	}{
		{CalendarSpec{TimeZone: "UTC", Holidays: []string{"2026-12-24 " + ivs(MaxDateIntervals+1, 0)}}, "holidays[0]"},
		{CalendarSpec{TimeZone: "UTC", Holidays: []string{"2026-12-24 " + ivs(20, 0), "2026-12-25", "2026-12-24 " + ivs(MaxDateIntervals-19, 20)}}, "holidays[2]"},
		{CalendarSpec{TimeZone: "UTC", Scheduled: []string{"2026-12-26 10:00-11:00", "2026-12-26 " + ivs(MaxDateIntervals, 0)}}, "scheduled[1]"},
	} {
		t.Run(tc.field, func(t *testing.T) {
			_, err := NewCalendar(tc.spec)
			assert.ErrorIs(t, err, ErrInvalid, "NewCalendar: error %v, want ErrInvalid", err)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "NewCalendar: error %v, want a *ValidationError", err)
			require.Len(t, ve.Problems, 1, "NewCalendar: error %v, want one out_of_range problem at %s", err, tc.field)
			assert.Equal(t, tc.field, ve.Problems[0].Path, "NewCalendar: error %v, want one out_of_range problem at %s", err, tc.field)
			assert.Equal(t, CodeOutOfRange, ve.Problems[0].Code, "NewCalendar: error %v, want one out_of_range problem at %s", err, tc.field)
		})
	}
}

// TestZeroRunsHaveNoPieces: the dates zeroRuns finds have no pieces whatever
// the rules, overnight shifts and scheduled windows around them, and the clock
// jumps a thousand closed years.
func TestZeroRunsHaveNoPieces(t *testing.T) {
	var hol []string
	for y := 3000; y < 4000; y++ {
		hol = append(hol, fmt.Sprintf("%d-01-01..%d-12-31", y, y))
	}
	hol = append(hol, "3500-06-15 22:00-06:00", "3500-06-17")
	spec := CalendarSpec{TimeZone: "Pacific/Apia", Hours: []string{"daily 20:00-19:00"}, Quiet: []string{"sun 01:00-02:00"},
		Holidays: hol, Scheduled: []string{"3200-01-01 23:00-01:00", "3700-03-03 10:00-09:00"}}
	c := MustNewCalendar(spec)
	n := 0
	for _, r := range c.idx.zero {
		for _, d := range []int64{r.lo, r.lo + 1, (r.lo + r.hi) / 2, r.hi - 1} {
			v := c.dayPieces(d, c.datesIn(d-dayReach, d+dayReachAfter), c.gapsNear(d, nil))
			require.Empty(t, v.work, "%s is in a zero run but has pieces %v", formatDate(d), v)
			require.Empty(t, v.contact, "%s is in a zero run but has pieces %v", formatDate(d), v)
			n++
		}
	}
	require.GreaterOrEqual(t, n, 16, "only %d zero-run days checked", n)
	s := time.Date(2999, 12, 31, 12, 0, 0, 0, c.Location())
	// 7 hours to 19:00, the 23-hour shift into the closed year, 2 scheduled
	// hours in 3200, the 8-hour replacement in 3500, the 23-hour scheduled
	// window in 3700, then 37 hours of 4000.
	due := c.Due(s, BusinessHours(100))
	wt := c.WorkingTime(s, due)
	assert.Equal(t, 4000, due.Year(), "Due(%v, 100 bh) = %v, want in January 4000", s, due)
	assert.Equal(t, time.January, due.Month(), "Due(%v, 100 bh) = %v, want in January 4000", s, due)
	assert.Equal(t, 100*time.Hour, wt, "WorkingTime(%v, Due(%v, 100 bh) = %v) = %v, want 100h", s, s, due, wt)
	o := oracle{c}
	for _, s := range []time.Time{time.Date(3999, 12, 25, 12, 0, 0, 0, c.Location()), time.Date(3999, 12, 31, 21, 0, 0, 0, c.Location())} {
		for _, w := range []Window{BusinessHours(3), BusinessDays(2), Hours(30), Days(9)} {
			got, want := c.Due(s, w), o.due(s, w)
			assert.True(t, got.Equal(want), "Due(%v, %v) = %v, want %v (oracle)", s, w, got, want)
		}
	}
}

// TestFarYearsMatchOracle compares the clock with the oracle in years each
// kind of index record covers: before a zone's first change of offset, the
// dense years, and the 400-year cycle from ruleYear (its first years, its
// last, and later cycles), in zones with odd rules, with special dates in some.
func TestFarYearsMatchOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, spec := range []CalendarSpec{
		{TimeZone: "America/New_York", Hours: []string{"mon-fri 18:00-02:30"}, Holidays: []string{"2101-03-14", "2500-11-07..2500-11-20"}},
		{TimeZone: "Africa/Casablanca", Hours: []string{"daily 01:30-03:30, 09:00-17:00"}, Quiet: []string{"fri"}},
		{TimeZone: "America/Santiago", Hours: []string{"sun-thu 23:00-01:00", "sat 00:00-24:00"}, Scheduled: []string{"2899-09-05 23:30-00:30"}},
		{TimeZone: "Australia/Lord_Howe", Hours: []string{"mon-fri 01:45-02:15, 09:00-17:00"}, Holidays: []string{"1800-01-01..1800-12-31"}},
		{TimeZone: "Europe/London", Holidays: []string{"9999-12-24..9999-12-31", "0001-01-03"}},
	} {
		c := MustNewCalendar(spec)
		o := oracle{c}
		for k := 0; k < 150; k++ {
			s := randomStart(rng, c.loc, []int{1, 1800, 1850, 2099, 2100, 2101, 2499, 2500, 2899, 3000, 9999})
			e := s.Add(time.Duration(rng.IntN(20*24)) * time.Hour)
			gotW, wantW := c.WorkingTime(s, e), o.measure(mWork, s, e)
			require.Equal(t, wantW, gotW, "%s: WorkingTime(%v, %v) = %v, want %v (oracle)", spec.TimeZone, s, e, gotW, wantW)
			gotC, wantC := c.ContactTime(s, e), o.measure(mContact, s, e)
			require.Equal(t, wantC, gotC, "%s: ContactTime(%v, %v) = %v, want %v (oracle)", spec.TimeZone, s, e, gotC, wantC)
			for _, w := range []Window{BusinessHours(1 + int64(rng.IntN(60))), BusinessDays(1 + int64(rng.IntN(20))), Hours(1 + int64(rng.IntN(200))), Days(1 + int64(rng.IntN(40)))} {
				got, want := c.Due(s, w), o.due(s, w)
				require.True(t, got.Equal(want), "%s: Due(%v, %v) = %v, want %v (oracle)", spec.TimeZone, s, w, got, want)
			}
		}
	}
}
