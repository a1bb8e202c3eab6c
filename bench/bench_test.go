package bench

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/creatorops/creatorops/sla"
)

// Benchmarks on the fixture calendar from a fixed start, Mon 2026-03-02 10:00 New
// York. rickar/cal runs as configured by newRickar (its holiday cache off, the
// default) and, for 40 hours, with Cacheable set as well.

var (
	sinkTime time.Time
	sinkDur  time.Duration
)

func BenchmarkBusinessHours(b *testing.B) {
	rc := newRickar()
	c := newSLA(observedHolidays(rc))
	for _, n := range []int64{8, 40, 4000} {
		name := strconv.FormatInt(n, 10)
		b.Run(name+"/sla", func(b *testing.B) {
			w := sla.BusinessHours(n)
			b.ReportAllocs()
			for b.Loop() {
				sinkTime = c.Due(benchStart, w)
			}
		})
		b.Run(name+"/rickar", func(b *testing.B) {
			d := time.Duration(n) * time.Hour
			b.ReportAllocs()
			for b.Loop() {
				sinkTime = rc.AddWorkHours(benchStart, d)
			}
		})
		if n == 40 {
			b.Run(name+"/rickar-cached", func(b *testing.B) {
				rcc := newRickar()
				rcc.Cacheable = true
				d := time.Duration(n) * time.Hour
				b.ReportAllocs()
				for b.Loop() {
					sinkTime = rcc.AddWorkHours(benchStart, d)
				}
			})
		}
	}
}

func BenchmarkBusinessDays(b *testing.B) {
	c := newSLA(observedHolidays(newRickar()))
	for _, n := range []int64{1, 20, 500} {
		b.Run(strconv.FormatInt(n, 10)+"/sla", func(b *testing.B) {
			w := sla.BusinessDays(n)
			b.ReportAllocs()
			for b.Loop() {
				sinkTime = c.Due(benchStart, w)
			}
		})
	}
}

func BenchmarkWorkingTime(b *testing.B) {
	rc := newRickar()
	c := newSLA(observedHolidays(rc))
	for _, span := range []struct {
		name string
		to   time.Time
	}{
		{"week", benchStart.AddDate(0, 0, 7)},
		{"year", benchStart.AddDate(1, 0, 0)},
	} {
		b.Run(span.name+"/sla", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkDur = c.WorkingTime(benchStart, span.to)
			}
		})
		b.Run(span.name+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkDur = rc.WorkHoursInRange(benchStart, span.to)
			}
		})
	}
}

// TestDueDoesNotAllocate locks Due at zero allocations for every unit on the
// fixture calendar, short windows and long ones, and WorkingTime with it.
func TestDueDoesNotAllocate(t *testing.T) {
	c := newSLA(observedHolidays(newRickar()))
	for _, w := range []sla.Window{
		sla.Hours(1), sla.Hours(48), sla.Hours(10_000),
		sla.Days(1), sla.Days(7), sla.Days(1000),
		sla.BusinessHours(8), sla.BusinessHours(40), sla.BusinessHours(4000),
		sla.BusinessDays(1), sla.BusinessDays(20), sla.BusinessDays(500),
	} {
		got := testing.AllocsPerRun(100, func() { sinkTime = c.Due(benchStart, w) })
		assert.Zero(t, got, "Due(%v, %v): %v allocations, want 0", benchStart, w, got)
	}
	for _, to := range []time.Time{benchStart.AddDate(0, 0, 7), benchStart.AddDate(1, 0, 0)} {
		got := testing.AllocsPerRun(100, func() { sinkDur = c.WorkingTime(benchStart, to) })
		assert.Zero(t, got, "WorkingTime(%v, %v): %v allocations, want 0", benchStart, to, got)
	}
}

// BenchmarkFirstDue is a service that receives the calendar with the request:
// it builds the calendar from its spec and computes one deadline, 40 business
// hours from the fixed start, on the US federal holidays of 2025–2032.
//
//   - sla: NewCalendar (which loads the zone by name) and Due.
//   - rickar: a new BusinessCalendar with the same work hours and federal
//     holidays, and AddWorkHours, from a start in a location loaded once
//     outside the loop.
//   - rickar+zone: the same, loading the zone by name in the loop as a
//     service that receives the zone with the request must; the fair
//     comparison with sla, whose spec names its zone.
//   - LoadLocation: time.LoadLocation("America/New_York") alone.
func BenchmarkFirstDue(b *testing.B) {
	var holidays []string
	for _, h := range observedHolidays(newRickar()) {
		if h >= "2025" && h < "2033" {
			holidays = append(holidays, h)
		}
	}
	spec := sla.CalendarSpec{TimeZone: zone, Hours: []string{"mon-fri 09:00-17:00"}, Holidays: holidays}
	w := sla.BusinessHours(40)
	b.Run("sla", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c, err := sla.NewCalendar(spec)
			if err != nil {
				b.Fatal(err)
			}
			sinkTime = c.Due(benchStart, w)
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkTime = newRickar().AddWorkHours(benchStart, 40*time.Hour)
		}
	})
	b.Run("rickar+zone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				b.Fatal(err)
			}
			sinkTime = newRickar().AddWorkHours(benchStart.In(loc), 40*time.Hour)
		}
	})
	b.Run("LoadLocation", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := time.LoadLocation(zone); err != nil {
				b.Fatal(err)
			}
		}
	})
}
