package sla

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below must never be missing

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// skippedDays are the calendar dates that some zones skipped when they moved
// across the date line, each with the date after it, on which the bug was
// found: the skipped date's hours, moved forward by the gap, used to belong to
// the skipped date and so lay after the next date's own hours, and Due came
// back before its start (issue 7).
var skippedDays = []struct{ zone, skipped, after string }{
	{"Pacific/Apia", "2011-12-30", "2011-12-31"},
	{"Pacific/Fakaofo", "2011-12-30", "2011-12-31"},
	{"Pacific/Kwajalein", "1993-08-21", "1993-08-22"},
	{"Pacific/Kiritimati", "1994-12-31", "1995-01-01"},
	{"Pacific/Kanton", "1994-12-31", "1995-01-01"},
}

var skippedDayHours = []string{"mon-fri 13:00-17:00", "sat 09:00-17:00"}

// TestDueNeverBeforeStartAfterSkippedDay is the regression test of the
// report: Pacific/Apia, hours mon-fri 13:00-17:00 and sat 09:00-17:00, start
// Sat 2011-12-31 14:00, 1 business day came back as 10:00 that morning. The
// skipped Friday's 13:00-17:00 starts, after the gap, on Saturday, so it is
// Saturday's: Saturday works 09:00-17:00, the offset at 14:00 (and 16:00) is
// longer than Monday's 4 hours, so the deadline is Monday's 17:00.
func TestDueNeverBeforeStartAfterSkippedDay(t *testing.T) {
	for _, tc := range skippedDays {
		c := MustNewCalendar(CalendarSpec{TimeZone: tc.zone, Hours: skippedDayHours})
		after, err := time.ParseInLocation(time.DateOnly, tc.after, c.Location())
		require.NoError(t, err)
		for _, h := range []int{14, 16} {
			s := after.Add(time.Duration(h) * time.Hour)
			// The next weekday, whose 4 hours are shorter than the offset.
			want := time.Date(after.Year(), after.Month(), after.Day()+1, 17, 0, 0, 0, c.Location())
			for want.Weekday() == time.Saturday || want.Weekday() == time.Sunday {
				want = want.AddDate(0, 0, 1)
			}
			got := c.Due(s, BusinessDays(1))
			assert.True(t, got.Equal(want), "%s: Due(%v, 1 business day) = %v, want %v", tc.zone, s, got, want)
		}
		wt := c.WorkingTime(after, after.AddDate(0, 0, 1))
		assert.Equal(t, 8*time.Hour, wt, "%s: WorkingTime over %s = %v, want 8h (its own hours and the skipped date's, unioned)", tc.zone, tc.after, wt)
		// Every unit, from every quarter hour of the days around the skip.
		o := oracle{c}
		skipped, err := time.ParseInLocation(time.DateOnly, tc.skipped, c.Location())
		require.NoError(t, err)
		for s := skipped.Add(-48 * time.Hour); s.Before(after.Add(72 * time.Hour)); s = s.Add(15 * time.Minute) {
			checkCalendar(t, c, s)
			for _, w := range []Window{BusinessDays(1), BusinessDays(2), BusinessHours(1), BusinessHours(5), Hours(3), Days(1)} {
				got, want := c.Due(s, w), o.due(s, w)
				require.True(t, got.Equal(want), "%s: Due(%v, %v) = %v, want %v (oracle)", tc.zone, s, w, got, want)
			}
		}
	}
}

// FuzzSkippedDay checks the clock around the skipped dates with fuzzed hours,
// quiet hours and a special day: Due never before start, business hours that
// WorkingTime measures back, monotonic in start (see checkCalendar).
func FuzzSkippedDay(f *testing.F) {
	f.Add(byte(0), byte(0x3e), uint16(780), uint16(1020), byte(0x40), uint16(540), uint16(1020), byte(0), int8(0), int64(14*3600))
	f.Add(byte(2), byte(0x7f), uint16(1320), uint16(360), byte(0), uint16(0), uint16(0), byte(1), int8(-1), int64(-3600))
	f.Add(byte(3), byte(0x41), uint16(0), uint16(1440), byte(0x01), uint16(600), uint16(60), byte(2), int8(1), int64(86400+60))
	f.Fuzz(func(t *testing.T, zone, days byte, lo, hi uint16, days2 byte, lo2, hi2 uint16, kind byte, hday int8, offset int64) {
		tc := skippedDays[int(zone)%len(skippedDays)]
		spans := fuzzSpans
		spec := CalendarSpec{TimeZone: tc.zone, Hours: []string{formatDays(days&0x7f|1<<(days>>5%7)) + " " + spans(lo, hi)}}
		if days2&0x7f != 0 {
			spec.Hours = append(spec.Hours, formatDays(days2&0x7f)+" "+spans(lo2, hi2))
		}
		skipped, err := parseDate("", "", tc.skipped)
		require.NoError(t, err)
		day := formatDate(skipped + int64(hday%4))
		switch kind % 4 {
		case 1:
			spec.Holidays = []string{day}
		case 2:
			spec.Holidays = []string{day + " " + spans(lo2, hi2)}
		case 3:
			spec.Scheduled = []string{day + " " + spans(lo2, hi2)}
		}
		c, err := NewCalendar(spec)
		if err != nil {
			return // a week without an hour of working time
		}
		start := time.Unix((skipped-1)*secPerDay-12*3600, 0).Add(time.Duration(offset%(5*86400)) * time.Second)
		checkCalendar(t, c, start)
	})
}
