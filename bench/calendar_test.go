package bench

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// The shared fixture: Mon–Fri 09:00–17:00 in America/New_York with the US federal
// holidays of package us, as rickar/cal observes them (a Saturday holiday on the
// Friday before, a Sunday one on the Monday after, New Year's Day 2028 on Friday
// 2027-12-31).
const (
	zone      = "America/New_York"
	firstYear = 2023 // holidays are fed to sla for [firstYear, lastYear]
	lastYear  = 2036
)

var (
	ny = mustLoad(zone)

	// benchStart is the fixed start of the benchmarks: Mon 2026-03-02 10:00 New York.
	benchStart = time.Date(2026, 3, 2, 10, 0, 0, 0, ny)
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// federal is the list of holidays given to rickar/cal.
var federal = []*cal.Holiday{
	us.NewYear,
	us.MlkDay,
	us.PresidentsDay,
	us.MemorialDay,
	us.Juneteenth,
	us.IndependenceDay,
	us.LaborDay,
	us.ColumbusDay,
	us.VeteransDay,
	us.ThanksgivingDay,
	us.ChristmasDay,
}

// newRickar returns rickar/cal's business calendar for the fixture. Each caller
// gets its own: a BusinessCalendar is mutable.
func newRickar() *cal.BusinessCalendar {
	c := cal.NewBusinessCalendar()
	c.SetWorkHours(9*time.Hour, 17*time.Hour)
	c.AddHoliday(federal...)
	return c
}

// observedHolidays asks rickar/cal which weekdays of [firstYear, lastYear] it
// does not work because of a holiday, as "YYYY-MM-DD". It asks the same question
// its AddWorkHours asks (IsWorkday), so both libraries close the same dates.
func observedHolidays(rc *cal.BusinessCalendar) []string {
	var out []string
	for d := time.Date(firstYear, 1, 1, 12, 0, 0, 0, ny); d.Year() <= lastYear; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if !rc.IsWorkday(d) {
			out = append(out, d.Format(time.DateOnly))
		}
	}
	return out
}

func newSLA(holidays []string) *sla.Calendar {
	c, err := sla.NewCalendar(sla.CalendarSpec{
		TimeZone: zone,
		Hours:    []string{"mon-fri 09:00-17:00"},
		Holidays: holidays,
	})
	if err != nil {
		panic(fmt.Sprintf("sla.NewCalendar: %v", err))
	}
	return c
}

// TestObservedHolidays checks the fixture: 11 federal holidays a year, each on a
// weekday, with the weekend substitutions rickar/cal documents.
func TestObservedHolidays(t *testing.T) {
	hs := observedHolidays(newRickar())
	perYear := map[int]int{}
	for _, h := range hs {
		d, err := time.ParseInLocation(time.DateOnly, h, ny)
		require.NoError(t, err)
		perYear[d.Year()]++
	}
	for y := firstYear; y <= lastYear; y++ {
		// New Year's Day on a Saturday is observed on Dec 31 of the year before.
		n := perYear[y]
		assert.True(t, n >= 10 && n <= 12, "%d: %d observed holidays, want 10..12 (11 ± a New Year's Day moved across the year end)", y, n)
	}
	for _, want := range []string{
		"2026-07-03", // Independence Day, Saturday 2026-07-04
		"2027-12-24", // Christmas Day, Saturday 2027-12-25
		"2027-12-31", // New Year's Day, Saturday 2028-01-01
		"2028-12-25",
		"2029-11-22", // Thanksgiving
		"2030-01-21", // MLK Day
	} {
		assert.Contains(t, hs, want, "observed holidays lack %s", want)
	}
}
