package sla_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// Hostile specs: the largest calendars a service that accepts specs of up to
// 1 MiB of JSON can be asked to build, each with a start just before what it
// stresses. BenchmarkHostileSpec builds each and computes one deadline across
// it; TestHostileSpecs checks that they are valid and within 1 MiB.

const maxSpecJSON = 1 << 20

type hostile struct {
	name  string
	spec  sla.CalendarSpec
	start time.Time // in UTC; Due reads it in the calendar's zone
}

// fill appends entries made by f(i) for i = 0, 1, ... while the spec's JSON
// stays within 1 MiB (each entry costs its length plus 3 bytes of JSON).
func fill(budget int, f func(i int) (string, bool)) ([]string, int) {
	var out []string
	for i := 0; ; i++ {
		s, ok := f(i)
		if !ok || budget-len(s)-3 < 0 {
			return out, budget
		}
		budget -= len(s) + 3
		out = append(out, s)
	}
}

func date(d time.Time) string { return d.Format(time.DateOnly) }

func hostileSpecs() []hostile {
	const zone = "America/New_York"
	budget := maxSpecJSON - 200
	day0 := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	var hs []hostile

	// Every year from 1 to 9999 closed, one range a year.
	closed, _ := fill(budget, func(i int) (string, bool) {
		y := 1 + i
		return fmt.Sprintf("%04d-01-01..%04d-12-31", y, y), y <= 9999
	})
	hs = append(hs, hostile{"closed-years", sla.CalendarSpec{TimeZone: zone, Holidays: closed}, day0})

	// Single dates, every other day from 1900: as many as fit (about 80,000,
	// 440 years), none merging into a run.
	from := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	alt, _ := fill(budget, func(i int) (string, bool) { return date(from.AddDate(0, 0, 2*i)), true })
	hs = append(hs, hostile{"every-other-day", sla.CalendarSpec{TimeZone: zone, Holidays: alt}, from})

	// Single dates spread over years 1 to 9999, every 45 days.
	spread, _ := fill(budget, func(i int) (string, bool) {
		d := day0.AddDate(0, 0, 45*i)
		return date(d), d.Year() <= 9999
	})
	hs = append(hs, hostile{"spread-dates", sla.CalendarSpec{TimeZone: zone, Holidays: spread}, day0})

	// Replacements of MaxDateIntervals one-minute intervals on the days
	// around DST changes from 1970 (the second Sunday of March and the first
	// of November and their neighbours), near midnight and 02:00.
	var ivs string
	for k := 0; k < sla.MaxDateIntervals; k++ {
		if k > 0 {
			ivs += ", "
		}
		m := []int{0, 60, 90, 120, 150, 1380, 1410}[k%7] + k
		ivs += fmt.Sprintf("%02d:%02d-%02d:%02d", m/60, m%60, (m+7)/60%24, (m+7)%60)
	}
	var dstDays []time.Time
	for y := 1970; len(dstDays) < 20000; y++ {
		for _, first := range []time.Time{time.Date(y, 3, 8, 0, 0, 0, 0, time.UTC), time.Date(y, 11, 1, 0, 0, 0, 0, time.UTC)} {
			for first.Weekday() != time.Sunday {
				first = first.AddDate(0, 0, 1)
			}
			for k := -1; k <= 1; k++ {
				dstDays = append(dstDays, first.AddDate(0, 0, k))
			}
		}
	}
	repl, _ := fill(budget, func(i int) (string, bool) {
		return date(dstDays[i]) + " " + ivs, i < len(dstDays)
	})
	hs = append(hs, hostile{"replacements-near-dst", sla.CalendarSpec{TimeZone: zone, Hours: []string{"daily 22:00-02:30"}, Quiet: []string{"daily 02:10-02:20"}, Holidays: repl},
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)})

	// Scheduled windows across midnight on every day from 1970, half of the
	// budget, and closed ranges over the same days with the other half:
	// overlapping entries of every kind.
	from = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	sched, left := fill(budget/2, func(i int) (string, bool) { return date(from.AddDate(0, 0, i)) + " 23:30-00:30", true })
	ranges, _ := fill(left+budget/2, func(i int) (string, bool) {
		d := from.AddDate(0, 0, 3*i)
		return date(d) + ".." + date(d.AddDate(0, 0, 365)), true
	})
	hs = append(hs, hostile{"scheduled-and-ranges", sla.CalendarSpec{TimeZone: zone, Holidays: ranges, Scheduled: sched}, from})
	return hs
}

func TestHostileSpecs(t *testing.T) {
	for _, h := range hostileSpecs() {
		t.Run(h.name, func(t *testing.T) {
			b, err := json.Marshal(h.spec)
			require.NoError(t, err)
			assert.LessOrEqual(t, len(b), maxSpecJSON, "%d bytes of JSON, want at most %d", len(b), maxSpecJSON)
			c, err := sla.NewCalendar(h.spec)
			require.NoError(t, err, "NewCalendar")
			s := h.start.In(c.Location())
			for _, w := range []sla.Window{sla.BusinessHours(1), sla.BusinessDays(sla.MaxWindowCount)} {
				due := c.Due(s, w)
				assert.False(t, due.Before(s), "Due(%v, %v) = %v, before start", s, w, due)
			}
			t.Logf("%d entries, %d bytes", len(h.spec.Holidays)+len(h.spec.Scheduled), len(b))
		})
	}
}

// BenchmarkHostileSpec builds each hostile spec and computes one deadline
// across it: 100,000 business days from the start of what it stresses.
func BenchmarkHostileSpec(b *testing.B) {
	for _, h := range hostileSpecs() {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, err := sla.NewCalendar(h.spec)
				if err != nil {
					b.Fatal(err)
				}
				sink = c.Due(h.start, sla.BusinessDays(sla.MaxWindowCount))
			}
		})
	}
}

// BenchmarkHostileSpecBuild builds each hostile spec, nothing more.
func BenchmarkHostileSpecBuild(b *testing.B) {
	for _, h := range hostileSpecs() {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sla.NewCalendar(h.spec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
