package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// usCalendar is Mon–Fri 09:00–17:00 in New York with the 2026–2028 federal
// holidays, the calendar the speed targets name.
func usCalendar(tb testing.TB) *sla.Calendar {
	tb.Helper()
	c, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Holidays: []string{
		"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
		"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
		"2027-12-31", "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25",
	}})
	require.NoError(tb, err)
	return c
}

var sink time.Time

func benchDue(b *testing.B, w sla.Window) {
	c := usCalendar(b)
	s := time.Date(2026, 3, 2, 10, 0, 0, 0, c.Location())
	b.ReportAllocs()
	for b.Loop() {
		sink = c.Due(s, w)
	}
}

func BenchmarkDueBusinessHours8(b *testing.B)    { benchDue(b, sla.BusinessHours(8)) }
func BenchmarkDueBusinessHours40(b *testing.B)   { benchDue(b, sla.BusinessHours(40)) }
func BenchmarkDueBusinessHours4000(b *testing.B) { benchDue(b, sla.BusinessHours(4000)) }
func BenchmarkDueBusinessDays1(b *testing.B)     { benchDue(b, sla.BusinessDays(1)) }
func BenchmarkDueBusinessDays500(b *testing.B)   { benchDue(b, sla.BusinessDays(500)) }
func BenchmarkDueHours48(b *testing.B)           { benchDue(b, sla.Hours(48)) }
func BenchmarkDueHours8760(b *testing.B)         { benchDue(b, sla.Hours(8760)) }
func BenchmarkDueDays7(b *testing.B)             { benchDue(b, sla.Days(7)) }

func benchWorkingTime(b *testing.B, d time.Duration) {
	c := usCalendar(b)
	s := time.Date(2026, 3, 2, 10, 0, 0, 0, c.Location())
	b.ReportAllocs()
	var sum time.Duration
	for b.Loop() {
		sum += c.WorkingTime(s, s.Add(d))
	}
	_ = sum
}

func BenchmarkWorkingTimeWeek(b *testing.B) { benchWorkingTime(b, 7*24*time.Hour) }
func BenchmarkWorkingTimeYear(b *testing.B) { benchWorkingTime(b, 365*24*time.Hour) }

func BenchmarkNewCalendar(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		usCalendar(b)
	}
}

// TestDueAllocationFree locks the zero-allocation paths: every unit of Due,
// WorkingTime and the instant queries, short windows and long.
func TestDueAllocationFree(t *testing.T) {
	c := usCalendar(t)
	s := time.Date(2026, 3, 6, 16, 30, 0, 0, c.Location())
	for _, w := range []sla.Window{sla.Hours(48), sla.Days(7), sla.BusinessHours(40), sla.BusinessHours(4000), sla.BusinessDays(1), sla.BusinessDays(500), sla.Hours(30000), sla.Days(3000)} {
		n := testing.AllocsPerRun(100, func() { sink = c.Due(s, w) })
		assert.Zero(t, n, "Due(s, %v) allocates %v times, want 0", w, n)
	}
	n := testing.AllocsPerRun(100, func() {
		_ = c.WorkingTime(s, s.AddDate(1, 0, 0))
		_ = c.IsWorking(s)
		_ = c.IsQuiet(s)
		sink = c.NextWorking(s)
		sink = c.NextContact(s)
	})
	assert.Zero(t, n, "WorkingTime and instant queries allocate %v times, want 0", n)
}

// BenchmarkDueWorstCase is the most a deadline can cost: the sparsest calendar
// allowed (one working hour a week) and the largest window, which reaches the
// year 3942 across nearly two thousand years of DST changes (the years from
// 2100 share the records of one 400-year cycle).
func BenchmarkDueWorstCase(b *testing.B) {
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"sun 09:00-10:00"}})
	s := time.Date(2026, 3, 2, 10, 0, 0, 0, c.Location())
	b.ReportAllocs()
	for b.Loop() {
		sink = c.Due(s, sla.BusinessHours(sla.MaxWindowCount))
	}
}

// BenchmarkWorkingTime1To9999 measures the working time from year 1 to year
// 9999 in New York: before 1883 the zone keeps one offset, to 2100 it has a
// record per year, from 2100 it repeats its 400-year cycle.
func BenchmarkWorkingTime1To9999(b *testing.B) {
	c := usCalendar(b)
	from := time.Date(1, 1, 1, 0, 0, 0, 0, c.Location())
	to := time.Date(9999, 12, 31, 0, 0, 0, 0, c.Location())
	b.ReportAllocs()
	var sum time.Duration
	for b.Loop() {
		sum += c.WorkingTime(from, to)
	}
	_ = sum
}

// BenchmarkWorkingTime1To9999First is the same on a new calendar each time:
// the cost of the first call, which computes the index of every year it needs.
func BenchmarkWorkingTime1To9999First(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := usCalendar(b)
		from := time.Date(1, 1, 1, 0, 0, 0, 0, c.Location())
		to := time.Date(9999, 12, 31, 0, 0, 0, 0, c.Location())
		_ = c.WorkingTime(from, to)
	}
}

// TestDueAllocationFreeInEveryYear extends TestDueAllocationFree to every kind
// of index record: before the zone's first offset change, its dense years, its
// 400-year cycle and later cycles, and a calendar with thousands of special
// dates. Once the months a query crosses are indexed (AllocsPerRun's warm-up
// run), it allocates nothing.
func TestDueAllocationFreeInEveryYear(t *testing.T) {
	var hol []string
	for y := 2200; y < 2400; y++ {
		hol = append(hol, fmt.Sprintf("%d-07-01..%d-07-20", y, y), fmt.Sprintf("%d-12-24 09:00-12:00", y))
	}
	for _, c := range []*sla.Calendar{usCalendar(t), sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Europe/Berlin", Holidays: hol})} {
		for _, y := range []int{1500, 1950, 2026, 2099, 2100, 2300, 2750, 9000} {
			s := time.Date(y, 6, 30, 16, 30, 0, 0, c.Location())
			for _, w := range []sla.Window{sla.Hours(48), sla.Days(7), sla.BusinessHours(40), sla.BusinessHours(4000), sla.BusinessDays(1), sla.BusinessDays(500)} {
				n := testing.AllocsPerRun(10, func() { sink = c.Due(s, w) })
				assert.Zero(t, n, "%v: Due(%v, %v) allocates %v times, want 0", c, s, w, n)
			}
			n := testing.AllocsPerRun(10, func() {
				_ = c.WorkingTime(s, s.AddDate(3, 0, 0))
				sink = c.NextWorking(s)
			})
			assert.Zero(t, n, "%v: WorkingTime and NextWorking from %v allocate %v times, want 0", c, s, n)
		}
	}
}
