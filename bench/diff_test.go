package bench

import (
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// The differential test checks sla against rickar/cal/v2 on the fixture calendar
// (Mon–Fri 09:00–17:00, America/New_York, rickar's observed US federal holidays
// passed to sla as "YYYY-MM-DD" closures):
//
//   - Calendar.Due(start, BusinessHours(n)) against BusinessCalendar.AddWorkHours,
//   - Calendar.WorkingTime(from, to) against BusinessCalendar.WorkHoursInRange,
//
// for random starts in 2024–2030 (whole minutes and whole seconds, with extra
// weight on openings, closings, midnights and holidays) and n of 1..200 hours,
// plus some of 1,000..4,000.
//
// Excluded: rickar/cal builds a day's opening and closing as midnight plus a
// duration and steps between days with Add(24*time.Hour) (NextWorkdayStart), which
// is wrong on the 23- and 25-hour days of a DST change (09:00 comes out as 10:00 on
// a spring-forward day; see TestRickarDSTDayStart). So every case whose span
// [start, end], end being the later of the two answers, touches a local date that
// is not 24 hours long is left out of the comparison. On this fixture the changes
// fall at 02:00 on Sundays, which are not working days, so the bug does not show;
// the excluded cases are still run and their disagreements counted and logged
// (none so far), for information only.
//
// Closing times: both libraries return the closing time when the hours run out
// exactly at a close (rickar's loop takes min(start+worked, dayEnd) and stops when
// worked reaches zero): Mon 09:00 + 8 business hours is Mon 17:00, not Tue 09:00.
// TestRickarClosingSemantics pins that, so no normalisation is applied; if a
// future rickar/cal returned the next opening instead, that test fails first.

const (
	minDueCases     = 5_500 // compared (non-DST) cases the test must reach
	minWorkingCases = 4_000
)

// dstDays returns the local dates in [firstYear, lastYear+1] that are not 24
// hours long, as [midnight, next midnight) instants, sorted.
func dstDays() [][2]time.Time {
	var out [][2]time.Time
	for d := time.Date(firstYear, 1, 1, 0, 0, 0, 0, ny); d.Year() <= lastYear+1; {
		next := time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, ny)
		if next.Sub(d) != 24*time.Hour {
			out = append(out, [2]time.Time{d, next})
		}
		d = next
	}
	return out
}

// touchesDST reports whether [from, to] meets a day of days.
func touchesDST(days [][2]time.Time, from, to time.Time) bool {
	i := sort.Search(len(days), func(i int) bool { return days[i][1].After(from) })
	return i < len(days) && !days[i][0].After(to)
}

// randomStart returns an instant in 2024–2030, New York time.
func randomStart(r *rand.Rand, holidays []string) time.Time {
	var y, m, d int
	if r.IntN(8) == 0 {
		// On or next to an observed holiday.
		h, _ := time.ParseInLocation(time.DateOnly, holidays[r.IntN(len(holidays))], ny)
		h = h.AddDate(0, 0, r.IntN(3)-1)
		y, m, d = h.Year(), int(h.Month()), h.Day()
	} else {
		t := time.Date(2024, 1, 1+r.IntN(7*365+2), 0, 0, 0, 0, ny)
		y, m, d = t.Year(), int(t.Month()), t.Day()
	}
	var hh, mm, ss int
	switch r.IntN(4) {
	case 0: // a boundary
		hh = []int{0, 8, 9, 9, 12, 16, 17, 17, 18, 23}[r.IntN(10)]
	case 1: // a whole minute
		hh, mm = r.IntN(24), r.IntN(60)
	case 2: // a whole second near a boundary
		hh = []int{8, 9, 16, 17}[r.IntN(4)]
		mm, ss = r.IntN(60), r.IntN(60)
	default: // within working hours
		hh, mm = 9+r.IntN(8), r.IntN(4)*15
	}
	return time.Date(y, time.Month(m), d, hh, mm, ss, 0, ny)
}

// randomCase returns a start and a count of hours. One case in 50 is long: 1,000
// to 1,100 hours (about 26 weeks) from a start between the spring and autumn DST
// changes, so that it can be compared, and one in 400 is 1,500 to 4,000 hours from anywhere
// (which always spans a DST change).
func randomCase(r *rand.Rand, holidays []string) (time.Time, int64) {
	switch r.IntN(100) {
	case 0, 1:
		start := randomStart(r, holidays)
		return time.Date(2024+r.IntN(7), time.March, 16+r.IntN(20), start.Hour(), start.Minute(), 0, 0, ny), 1000 + r.Int64N(101)
	case 2:
		if r.IntN(4) == 0 {
			return randomStart(r, holidays), []int64{1500, 2000, 2500, 4000}[r.IntN(4)]
		}
	}
	return randomStart(r, holidays), 1 + r.Int64N(200)
}

func inRange(t time.Time) bool { return t.Year() >= 2024 && t.Year() <= 2030 }

func TestDueMatchesRickar(t *testing.T) {
	rc := newRickar()
	holidays := observedHolidays(rc)
	c := newSLA(holidays)
	days := dstDays()
	r := rand.New(rand.NewPCG(2, 2026))

	const cases = 7_000
	compared, dstCases, dstDiff, longCompared := 0, 0, 0, 0
	for range cases {
		start, n := randomCase(r, holidays)
		if !inRange(start) {
			continue
		}
		ours := c.Due(start, sla.BusinessHours(n))
		theirs := rc.AddWorkHours(start, time.Duration(n)*time.Hour)
		end := ours
		if theirs.After(end) {
			end = theirs
		}
		if touchesDST(days, start, end) {
			dstCases++
			if !ours.Equal(theirs) {
				dstDiff++
				if dstDiff <= 3 {
					t.Logf("DST span, not compared: start %v + %d business hours: sla %v, rickar %v", start, n, ours, theirs)
				}
			}
			continue
		}
		compared++
		if n >= 1000 {
			longCompared++
		}
		assert.True(t, ours.Equal(theirs), "Due(%v, BusinessHours(%d)) = %v, rickar AddWorkHours = %v", start, n, ours, theirs)
		got := c.WorkingTime(start, ours)
		assert.Equal(t, time.Duration(n)*time.Hour, got, "WorkingTime(%v, Due(%v, BusinessHours(%d))) = %v, want %dh", start, start, n, got, n)
	}
	t.Logf("BusinessHours: %d cases compared (%d of 1,000+ hours), %d left out for touching a DST day (%d of those disagree)",
		compared, longCompared, dstCases, dstDiff)
	assert.GreaterOrEqual(t, compared, minDueCases, "only %d cases compared, want at least %d", compared, minDueCases)
	assert.GreaterOrEqual(t, longCompared, 50, "only %d cases of 1,000+ hours compared, want at least 50", longCompared)
}

func TestWorkingTimeMatchesRickar(t *testing.T) {
	rc := newRickar()
	holidays := observedHolidays(rc)
	c := newSLA(holidays)
	days := dstDays()
	r := rand.New(rand.NewPCG(3, 2026))

	const cases = 6_000
	compared, dstCases, dstDiff := 0, 0, 0
	for range cases {
		from := randomStart(r, holidays)
		var to time.Time
		switch k := r.IntN(10); {
		case k < 3: // the same day or the next
			to = from.Add(time.Duration(r.IntN(48*60)) * time.Minute)
		case k == 3: // up to a year
			to = from.Add(time.Duration(r.IntN(365*24*60)) * time.Minute)
		default: // up to six weeks
			to = from.Add(time.Duration(r.IntN(42*24*60)) * time.Minute)
		}
		if !inRange(from) || !to.After(from) {
			continue
		}
		ours := c.WorkingTime(from, to)
		theirs := rc.WorkHoursInRange(from, to)
		if touchesDST(days, from, to) {
			dstCases++
			if ours != theirs {
				dstDiff++
				if dstDiff <= 3 {
					t.Logf("DST span, not compared: WorkingTime(%v, %v): sla %v, rickar %v", from, to, ours, theirs)
				}
			}
			continue
		}
		compared++
		assert.Equal(t, theirs, ours, "WorkingTime(%v, %v) = %v, rickar WorkHoursInRange = %v", from, to, ours, theirs)
	}
	t.Logf("WorkingTime: %d cases compared, %d left out for touching a DST day (%d of those disagree)",
		compared, dstCases, dstDiff)
	assert.GreaterOrEqual(t, compared, minWorkingCases, "only %d cases compared, want at least %d", compared, minWorkingCases)
}

// TestRickarClosingSemantics pins the shared reading of a window that runs out at
// a closing time, and a few hand-checked deadlines around holidays.
func TestRickarClosingSemantics(t *testing.T) {
	rc := newRickar()
	c := newSLA(observedHolidays(rc))
	at := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, ny) }
	tests := []struct {
		name  string
		start time.Time
		n     int64
		want  time.Time
	}{
		{"Mon 09:00 + 8h is Mon 17:00", at(2026, 3, 2, 9, 0), 8, at(2026, 3, 2, 17, 0)},
		{"Mon 10:00 + 7h is Mon 17:00", at(2026, 3, 2, 10, 0), 7, at(2026, 3, 2, 17, 0)},
		{"Mon 09:00 + 40h is Fri 17:00", at(2026, 3, 2, 9, 0), 40, at(2026, 3, 6, 17, 0)},
		{"Fri 17:00 + 1h is Mon 10:00", at(2026, 3, 6, 17, 0), 1, at(2026, 3, 9, 10, 0)},
		{"Sat + 8h is Mon 17:00", at(2026, 3, 7, 12, 0), 8, at(2026, 3, 9, 17, 0)},
		{"Thu 2026-07-02 16:00 + 2h skips observed Fri Jul 3", at(2026, 7, 2, 16, 0), 2, at(2026, 7, 6, 10, 0)},
		{"Thu 2027-12-30 12:00 + 8h skips Fri Dec 31 (New Year 2028)", at(2027, 12, 30, 12, 0), 8, at(2028, 1, 3, 12, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Due(tt.start, sla.BusinessHours(tt.n))
			assert.True(t, got.Equal(tt.want), "Due(%v, BusinessHours(%d)) = %v, want %v", tt.start, tt.n, got, tt.want)
			got = rc.AddWorkHours(tt.start, time.Duration(tt.n)*time.Hour)
			assert.True(t, got.Equal(tt.want), "rickar AddWorkHours(%v, %dh) = %v, want %v", tt.start, tt.n, got, tt.want)
		})
	}
}

// TestRickarDSTDayStart shows the rickar/cal bug behind the DST exclusion: it
// builds a day's opening as midnight plus the start duration, so on a 23-hour day
// 09:00 comes out as 10:00. On the fixture (DST changes at 02:00 on Sundays, which
// are not working days) it does not show, and the excluded cases happen to agree;
// with Sunday working it does. sla opens at 09:00 wall time.
func TestRickarDSTDayStart(t *testing.T) {
	rc := newRickar()
	rc.SetWorkday(time.Sunday, true)
	sunday := time.Date(2026, 3, 8, 12, 0, 0, 0, ny) // DST began at 02:00
	nine := time.Date(2026, 3, 8, 9, 0, 0, 0, ny)
	if got := rc.WorkdayStart(sunday); got.Equal(nine) {
		t.Logf("rickar WorkdayStart(%v) = %v: its DST bug may be fixed", sunday, got)
	} else {
		t.Logf("rickar WorkdayStart(%v) = %v, not %v (known bug)", sunday, got, nine)
	}
	c, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: zone, Hours: []string{"daily 09:00-17:00"}})
	require.NoError(t, err)
	from := time.Date(2026, 3, 8, 0, 0, 0, 0, ny)
	got := c.NextWorking(from)
	assert.True(t, got.Equal(nine), "NextWorking(%v) = %v, want %v", from, got, nine)

	days := dstDays()
	assert.True(t, touchesDST(days, time.Date(2026, 3, 6, 17, 0, 0, 0, ny), time.Date(2026, 3, 9, 10, 0, 0, 0, ny)),
		"touchesDST(Fri 2026-03-06 17:00, Mon 10:00) = false, want true")
	d := time.Date(2026, 3, 2, 9, 0, 0, 0, ny)
	assert.False(t, touchesDST(days, d, d.Add(5*24*time.Hour)), "touchesDST(week of 2026-03-02) = true, want false")
}
