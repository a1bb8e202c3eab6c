package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func TestAtFollowsTheDSTRule(t *testing.T) {
	tests := []struct {
		zone   string
		y      int
		m      time.Month
		d      int
		hh, mm int
		want   string
	}{
		{"America/New_York", 2026, 3, 8, 2, 30, "2026-03-08T03:30:00-04:00"},  // gap: forward by the gap
		{"America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T01:30:00-05:00"}, // twice: the later
		{"America/New_York", 2027, 3, 15, 12, 0, "2027-03-15T12:00:00-04:00"},
		{"Australia/Lord_Howe", 2026, 10, 4, 2, 15, "2026-10-04T02:45:00+11:00"}, // a 30-minute gap
		{"Australia/Lord_Howe", 2026, 4, 5, 1, 45, "2026-04-05T01:45:00+10:30"},  // twice: the later
		{"America/Santiago", 2026, 9, 6, 0, 30, "2026-09-06T01:30:00-03:00"},     // midnight gap
		{"Pacific/Apia", 2011, 12, 30, 12, 0, "2011-12-31T12:00:00+14:00"},       // a skipped day
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.want, func(t *testing.T) {
			c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: tt.zone})
			got := c.At(tt.y, tt.m, tt.d, tt.hh, tt.mm, 0)
			assert.Equal(t, tt.want, got.Format(time.RFC3339))
			assert.Equal(t, c.Location(), got.Location())
		})
	}
}

func TestSubWorkingTimeInvertsAddWorkingTime(t *testing.T) {
	cals := []*sla.Calendar{
		sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 10:00-18:00"}, Quiet: []string{"sat-sun"}}),
		sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Australia/Lord_Howe", Hours: []string{"mon-fri 09:00-12:30, 13:30-17:30", "daily 22:00-02:00"}, Holidays: []string{"2026-12-25", "2026-12-24 09:00-13:00"}}),
		sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Santiago", Hours: []string{"sun 01:00-02:00"}}),
		sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Pacific/Apia", Hours: []string{"mon-fri 13:00-17:00", "sat 09:00-17:00"}}),
	}
	rng := rand.New(rand.NewPCG(7, 11))
	base := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range cals {
		for range 2000 {
			end := base.Add(time.Duration(rng.Int64N(int64(20 * 365 * 24 * time.Hour))))
			d := time.Duration(rng.Int64N(int64(300 * time.Hour)))
			if rng.IntN(4) == 0 {
				d = d.Truncate(time.Hour)
			}
			s := c.SubWorkingTime(end, d)
			require.False(t, s.After(end), "SubWorkingTime(%v, %v) = %v after end", end, d, s)
			require.GreaterOrEqual(t, c.WorkingTime(s, end), d, "%v: SubWorkingTime(%v, %v) = %v", c, end, d, s)
			// The latest such instant: a second later leaves less than d, unless
			// s is end.
			if s.Before(end) {
				later := s.Add(time.Second)
				require.Less(t, c.WorkingTime(later, end), d, "%v: SubWorkingTime(%v, %v) = %v is not the latest", c, end, d, s)
			}
			e := c.AddWorkingTime(s, d)
			require.False(t, e.After(end), "AddWorkingTime(SubWorkingTime(%v, %v)) = %v after end", end, d, e)
			require.Equal(t, d, c.WorkingTime(s, e), "%v: s=%v d=%v e=%v", c, s, d, e)
		}
	}
}

func TestAddWorkingTimeMatchesDue(t *testing.T) {
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Holidays: []string{"2026-12-25"}})
	start := time.Date(2026, 12, 22, 15, 17, 0, 0, c.Location())
	for n := int64(0); n < 60; n++ {
		assert.Equal(t, c.Due(start, sla.BusinessHours(n)), c.AddWorkingTime(start, time.Duration(n)*time.Hour), "n = %d", n)
	}
	assert.Equal(t, start, c.SubWorkingTime(start, 0))
	assert.Equal(t, start, c.AddWorkingTime(start, -time.Hour))
}
