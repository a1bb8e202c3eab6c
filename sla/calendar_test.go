package sla_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// at parses "2026-03-02 10:00" in loc.
func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	require.NoError(t, err)
	return v
}

type dueCase struct {
	name  string
	start string
	w     sla.Window
	want  string // "2006-01-02 15:04 MST" in the calendar's zone
}

func runDue(t *testing.T, spec sla.CalendarSpec, cases []dueCase) {
	t.Helper()
	c, err := sla.NewCalendar(spec)
	require.NoError(t, err)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := at(t, c.Location(), tc.start)
			got := c.Due(s, tc.w).Format("2006-01-02 15:04 MST")
			assert.Equal(t, tc.want, got, "Due(%s, %v) = %s, want %s", tc.start, tc.w, got, tc.want)
		})
	}
}

// The examples of DESIGN.md, on a Mon–Fri 09:00–17:00 calendar in New York.
// 2026-03-02 is a Monday.
func TestDueDesignExamples(t *testing.T) {
	runDue(t, sla.CalendarSpec{TimeZone: "America/New_York", Holidays: []string{"2026-03-05 09:00-13:00"}}, []dueCase{
		{"bd Mon 10:00 to Tue 10:00", "2026-03-02 10:00", sla.BusinessDays(1), "2026-03-03 10:00 EST"},
		{"bd Fri 16:00 to Mon 16:00", "2026-02-27 16:00", sla.BusinessDays(1), "2026-03-02 16:00 EST"},
		{"bd Fri 18:00 to Mon 17:00", "2026-02-27 18:00", sla.BusinessDays(1), "2026-03-02 17:00 EST"},
		{"bd Mon 09:00 to Mon 17:00", "2026-03-02 09:00", sla.BusinessDays(1), "2026-03-02 17:00 EST"},
		{"bd Mon 09:00 two days to Tue 17:00", "2026-03-02 09:00", sla.BusinessDays(2), "2026-03-03 17:00 EST"},
		{"bd Wed 15:00 to the half day's 13:00", "2026-03-04 15:00", sla.BusinessDays(1), "2026-03-05 13:00 EST"},
		{"bd Wed 10:00 into the half day", "2026-03-04 10:00", sla.BusinessDays(1), "2026-03-05 10:00 EST"},
		{"bh Mon 09:00 + 8 is Mon 17:00, not Tue 09:00", "2026-03-02 09:00", sla.BusinessHours(8), "2026-03-02 17:00 EST"},
		{"bh Mon 16:00 + 2", "2026-03-02 16:00", sla.BusinessHours(2), "2026-03-03 10:00 EST"},
		{"bh Fri 16:00 + 1 lands on closing", "2026-02-27 16:00", sla.BusinessHours(1), "2026-02-27 17:00 EST"},
		{"bh from Saturday", "2026-02-28 12:00", sla.BusinessHours(3), "2026-03-02 12:00 EST"},
		{"bh across the half day", "2026-03-04 15:00", sla.BusinessHours(8), "2026-03-06 11:00 EST"},
		{"bh a week with a half day runs into the next week", "2026-03-02 09:00", sla.BusinessHours(40), "2026-03-09 13:00 EDT"},
		{"hours are elapsed time without quiet rules", "2026-02-27 12:00", sla.Hours(48), "2026-03-01 12:00 EST"},
		{"days keep the wall time", "2026-02-27 12:00", sla.Days(3), "2026-03-02 12:00 EST"},
	})
}

func TestDueQuietWeekend(t *testing.T) {
	runDue(t, sla.CalendarSpec{TimeZone: "America/New_York", Quiet: []string{"sat-sun"}}, []dueCase{
		{"48h over a quiet weekend is Tue", "2026-02-27 12:00", sla.Hours(48), "2026-03-03 12:00 EST"},
		{"hours landing on the weekend's start", "2026-02-27 12:00", sla.Hours(12), "2026-02-28 00:00 EST"},
		{"hours from inside the quiet stretch", "2026-02-28 15:00", sla.Hours(1), "2026-03-02 01:00 EST"},
		{"a day landing on Saturday moves to the end of the quiet stretch", "2026-02-27 12:00", sla.Days(1), "2026-03-02 00:00 EST"},
		{"a day landing on a weekday", "2026-02-26 12:00", sla.Days(1), "2026-02-27 12:00 EST"},
	})
}

// A replacement beats a closure; several replacements of one date are unioned;
// a replacement on a quiet day is still quiet unless scheduled; scheduled time
// lifts quiet hours and counts as working time.
func TestSpecialDays(t *testing.T) {
	runDue(t, sla.CalendarSpec{
		TimeZone:  "Europe/London",
		Quiet:     []string{"sat-sun"},
		Holidays:  []string{"2026-12-24..2026-12-31", "2026-12-29 10:00-12:00", "2026-12-29 14:00-15:00", "2026-12-05 09:00-17:00"},
		Scheduled: []string{"2026-12-12 10:00-12:00", "2026-12-18 23:00-01:00"},
	}, []dueCase{
		{"closed range, then the replacement inside it", "2026-12-23 16:00", sla.BusinessHours(2), "2026-12-29 11:00 GMT"},
		{"replacements unioned", "2026-12-29 11:30", sla.BusinessHours(1), "2026-12-29 14:30 GMT"},
		{"a replacement on a quiet Saturday stays quiet", "2026-12-04 16:00", sla.BusinessHours(2), "2026-12-07 10:00 GMT"},
		{"scheduled Saturday counts", "2026-12-11 16:00", sla.BusinessHours(2), "2026-12-12 11:00 GMT"},
		{"scheduled time is contact time", "2026-12-12 09:00", sla.Hours(1), "2026-12-12 11:00 GMT"},
		{"scheduled window past midnight into a quiet Saturday", "2026-12-18 16:30", sla.BusinessHours(1), "2026-12-18 23:30 GMT"},
		{"scheduled window past midnight, its tail", "2026-12-18 16:30", sla.BusinessHours(2), "2026-12-19 00:30 GMT"},
		{"after the scheduled window, Monday", "2026-12-18 16:30", sla.BusinessHours(3), "2026-12-21 09:30 GMT"},
		{"business days skip the closed range", "2026-12-23 10:00", sla.BusinessDays(1), "2026-12-29 11:00 GMT"},
	})
}

// Mon 22:00–Tue 06:00 is 8 working hours when Tue is a holiday; Tue's own shift
// is closed. An overnight shift across DST is 7 or 9 hours of real time.
func TestOvernightShifts(t *testing.T) {
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"daily 22:00-06:00"}, Holidays: []string{"2026-06-02"}})
	loc := c.Location()
	cases := []struct {
		name     string
		from, to string
		want     time.Duration
	}{
		{"holiday keeps the tail of the evening before", "2026-06-01 21:00", "2026-06-02 12:00", 8 * time.Hour},
		{"holiday closes its own shift", "2026-06-02 12:00", "2026-06-03 12:00", 0},
		{"spring forward: 7 hours", "2026-03-07 21:00", "2026-03-08 12:00", 7 * time.Hour},
		{"fall back: 9 hours", "2026-10-31 21:00", "2026-11-01 12:00", 9 * time.Hour},
		{"an ordinary night", "2026-06-03 21:00", "2026-06-04 12:00", 8 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.WorkingTime(at(t, loc, tc.from), at(t, loc, tc.to))
			assert.Equal(t, tc.want, got, "WorkingTime(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
		})
	}
	// The shift that begins on the holiday's eve counts for Monday: a business day
	// from Monday 23:00 is Wednesday's shift (Tuesday has none) at the same offset.
	got, want := c.Due(at(t, loc, "2026-06-01 23:00"), sla.BusinessDays(1)), at(t, loc, "2026-06-03 23:00")
	assert.True(t, got.Equal(want), "Due(Mon 23:00, 1 business day) = %v, want %v", got, want)
	// IsWorking in the tail of a shift, early on the holiday.
	assert.True(t, c.IsWorking(at(t, loc, "2026-06-02 05:00")), "IsWorking(holiday 05:00): want the tail of Monday's shift working")
	assert.False(t, c.IsWorking(at(t, loc, "2026-06-02 23:00")), "IsWorking(holiday 23:00): want the holiday's own shift not working")
}

// Working hours are local wall-clock times on 23- and 25-hour days.
func TestWallClockOnDSTDays(t *testing.T) {
	for _, tc := range []struct {
		zone, spring, fall string
	}{
		{"America/New_York", "2026-03-08", "2026-11-01"},
		{"Europe/London", "2026-03-29", "2026-10-25"},
		{"Australia/Lord_Howe", "2026-10-04", "2026-04-05"},
		{"Africa/Cairo", "2026-04-24", "2026-10-29"},
	} {
		c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: tc.zone, Hours: []string{"daily 09:00-17:00"}})
		loc := c.Location()
		for _, day := range []string{tc.spring, tc.fall} {
			s := at(t, loc, day+" 09:00")
			got := c.Due(s, sla.BusinessHours(8))
			assert.Equal(t, "17:00", got.Format("15:04"), "%s %s: Due(09:00, 8 bh) = %v, want 17:00 local", tc.zone, day, got)
			got = c.Due(s, sla.BusinessDays(1))
			assert.Equal(t, day+" 17:00", got.Format("2006-01-02 15:04"), "%s %s: Due(09:00, 1 bd) = %v, want that day's 17:00", tc.zone, day, got)
		}
		// A whole day of working time is 23 or 25 hours long on those days.
		w := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: tc.zone, Hours: []string{"daily"}})
		for _, day := range []string{tc.spring, tc.fall} {
			d0 := at(t, loc, day+" 00:00")
			if tc.zone == "Africa/Cairo" {
				d0 = at(t, loc, day+" 12:00").Add(-12 * time.Hour)
			}
			d1 := d0.AddDate(0, 0, 1)
			got, want := w.WorkingTime(d0, d1), d1.Sub(d0)
			assert.NotEqual(t, 24*time.Hour, want, "%s %s: the day is %v long, want not 24h", tc.zone, day, want)
			assert.Equal(t, want, got, "%s %s: a whole day of working time = %v, want %v (not 24h)", tc.zone, day, got, want)
		}
	}
}

// A wall time that does not exist moves forward by the gap; one that occurs
// twice is the later one. Go's time.Date does neither consistently.
func TestDaysAcrossDST(t *testing.T) {
	ny := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"daily"}})
	lh := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Australia/Lord_Howe", Hours: []string{"daily"}})
	for _, tc := range []struct {
		c     *sla.Calendar
		start string
		want  string
	}{
		{ny, "2026-03-07 02:30", "2026-03-08T03:30:00-04:00"},
		{ny, "2026-10-31 01:30", "2026-11-01T01:30:00-05:00"},
		{ny, "2026-10-31 00:59", "2026-11-01T00:59:00-04:00"},
		{lh, "2026-10-03 02:10", "2026-10-04T02:40:00+11:00"},
		{lh, "2026-04-04 01:45", "2026-04-05T01:45:00+10:30"},
	} {
		s := at(t, tc.c.Location(), tc.start)
		got := tc.c.Due(s, sla.Days(1)).Format(time.RFC3339)
		assert.Equal(t, tc.want, got, "%v: Due(%s, 1 day) = %s, want %s", tc.c.Location(), tc.start, got, tc.want)
	}
	// Interval boundaries follow the same rule: a shift 02:30–04:00 on the
	// spring-forward day starts at 03:30 and is half an hour long.
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"sun 02:30-04:00", "mon-fri 09:00-17:00"}})
	day := at(t, c.Location(), "2026-03-08 00:00")
	got := c.WorkingTime(day, day.Add(12*time.Hour))
	assert.Equal(t, 30*time.Minute, got, "WorkingTime on spring-forward Sunday with 02:30-04:00 = %v, want 30m", got)
	next := c.NextWorking(day)
	assert.Equal(t, "2026-03-08T03:30:00-04:00", next.Format(time.RFC3339), "NextWorking(%v) = %v, want 03:30 EDT", day, next)
}

func TestSplitShiftOffsetEndsAtBreak(t *testing.T) {
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon-fri 09:00-12:00, 13:00-17:00"}})
	loc := c.Location()
	// Monday 12:00 is 3 h into Monday; 3 h into Tuesday ends exactly at the break,
	// so the deadline is the instant the break begins.
	for _, tc := range []struct{ start, want string }{
		{"2026-03-02 12:00", "2026-03-03 12:00"},
		{"2026-03-02 12:30", "2026-03-03 12:00"},
		{"2026-03-02 13:00", "2026-03-03 12:00"},
		{"2026-03-02 13:30", "2026-03-03 13:30"},
	} {
		got := c.Due(at(t, loc, tc.start), sla.BusinessDays(1)).Format("2006-01-02 15:04")
		assert.Equal(t, tc.want, got, "Due(%s, 1 business day) = %s, want %s", tc.start, got, tc.want)
	}
}

func TestZeroWindowReturnsStartUnchanged(t *testing.T) {
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York"})
	s := time.Date(2026, 3, 1, 3, 4, 5, 6, mustLoc(t, "Asia/Tokyo")) // a Sunday, in another zone
	for _, w := range []sla.Window{sla.Hours(0), sla.Days(0), sla.BusinessHours(0), sla.BusinessDays(0), {}} {
		got := c.Due(s, w)
		// ==, not Equal: the very same value, location and monotonic reading included.
		assert.True(t, got == s, "Due(s, %v) = %v, want s unchanged (%v)", w, got, s)
	}
	got := c.Due(s, sla.BusinessHours(1))
	assert.Same(t, c.Location(), got.Location(), "Due returns in %v, want the calendar's location", got.Location())
}

func TestNewCalendarErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec sla.CalendarSpec
		want string // part of the message
	}{
		{"no zone", sla.CalendarSpec{}, "time_zone"},
		{"Local", sla.CalendarSpec{TimeZone: "Local"}, "the machine's zone) is not allowed"},
		{"unknown zone", sla.CalendarSpec{TimeZone: "Mars/Olympus"}, "unknown time zone"},
		{"equal start and end", sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon 09:00-09:00"}}, "00:00-24:00"},
		{"start at 24:00", sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon 24:00-02:00"}}, "cannot start at 24:00"},
		{"unknown day", sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon-fry 09:00-17:00"}}, `hours[0]: parse hours "mon-fry 09:00-17:00": unknown day "fry"`},
		{"bad time", sla.CalendarSpec{TimeZone: "UTC", Quiet: []string{"daily 21:00-25:00"}}, `quiet[0]`},
		{"no such date", sla.CalendarSpec{TimeZone: "UTC", Holidays: []string{"2026-02-30"}}, "no such date"},
		{"range too long", sla.CalendarSpec{TimeZone: "UTC", Holidays: []string{"2026-01-01..2027-01-02"}}, "longer than 366"},
		{"range backwards", sla.CalendarSpec{TimeZone: "UTC", Holidays: []string{"2026-02-01..2026-01-01"}}, "ends before it starts"},
		{"scheduled without times", sla.CalendarSpec{TimeZone: "UTC", Scheduled: []string{"2026-12-05"}}, "needs a date and times"},
		{"a week of quiet", sla.CalendarSpec{TimeZone: "UTC", Quiet: []string{"daily"}, Scheduled: []string{"2026-12-05 10:00-12:00"}}, "0s of working time"},
		{"less than an hour a week", sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"sun 09:00-09:59"}}, "59m0s of working time, less than the 1h0m0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sla.NewCalendar(tc.spec)
			assert.ErrorIs(t, err, sla.ErrInvalid, "NewCalendar(%+v) = %v, want an ErrInvalid error", tc.spec, err)
			assert.ErrorContains(t, err, tc.want, "NewCalendar(%+v) = %v, want an error containing %q", tc.spec, err, tc.want)
		})
	}
	// Every problem at once.
	_, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon-fry"}, Holidays: []string{"2026-13-01"}, Quiet: []string{"x"}})
	var ve *sla.ValidationError
	require.ErrorAs(t, err, &ve)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path+" "+p.Code)
	}
	assert.Equal(t, []string{"hours[0] malformed", "quiet[0] malformed", "holidays[0] malformed"}, paths)
}

func TestRuleSyntax(t *testing.T) {
	for _, tc := range []struct {
		name  string
		hours []string
		want  string // canonical hours
	}{
		{"default", nil, "mon-fri 09:00-17:00"},
		{"case-insensitive", []string{"MON-Fri 9:00-17:00"}, "mon-fri 09:00-17:00"},
		{"wrap", []string{"fri-mon"}, "mon,fri-sun"},
		{"mon-mon is Monday", []string{"mon-mon 10:00-11:00"}, "mon 10:00-11:00"},
		{"list", []string{"sat,sun 10:00-12:00, 14:00-16:00"}, "sat-sun 10:00-12:00, 14:00-16:00"},
		{"overnight", []string{"daily 22:00-06:00"}, "daily 22:00-06:00"},
		{"to midnight", []string{"tue 18:00-24:00"}, "tue 18:00-24:00"},
		{"full names", []string{"Monday-Wednesday 08:00-16:00"}, "mon-wed 08:00-16:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := sla.NewCalendar(sla.CalendarSpec{TimeZone: "UTC", Hours: tc.hours})
			require.NoError(t, err, "NewCalendar(hours %q)", tc.hours)
			got := strings.Join(c.Spec().Hours, "; ")
			assert.Equal(t, tc.want, got, "canonical hours of %q = %q, want %q", tc.hours, got, tc.want)
		})
	}
	// Several rules for one day are unioned: no time is counted twice.
	c := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"mon 09:00-13:00", "mon 12:00-17:00", "mon-mon 10:00-11:00"}})
	mon := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	got := c.WorkingTime(mon, mon.Add(24*time.Hour))
	assert.Equal(t, 8*time.Hour, got, "union of Monday rules = %v, want 8h", got)
}

func TestCalendarJSON(t *testing.T) {
	var c sla.Calendar
	in := `{"time_zone":"Europe/London","hours":["mon-fri 9:00-17:30"],"quiet":["SAT-SUN"],"holidays":["2026-12-25"]}`
	require.NoError(t, c.UnmarshalJSON([]byte(in)), "UnmarshalJSON(%s)", in)
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	want := `{"time_zone":"Europe/London","hours":["mon-fri 09:00-17:30"],"holidays":["2026-12-25"],"quiet":["sat-sun"]}`
	assert.Equal(t, want, string(out), "MarshalJSON = %s, want %s", out, want)
	for _, in := range []string{`{"time_zone":"UTC"}}`, `{"time_zone":"UTC"}]`, `{"time_zone":"UTC"} {}`, `{"time_zone":"UTC"} x`} {
		_, err := sla.DecodeCalendarSpec([]byte(in))
		assert.ErrorIs(t, err, sla.ErrInvalid, "DecodeCalendarSpec(%s): err = %v, want ErrInvalid for trailing data", in, err)
	}
	_, err = sla.DecodeCalendarSpec([]byte(" {\"time_zone\":\"UTC\"}\n"))
	assert.NoError(t, err, "DecodeCalendarSpec with surrounding white space")
}

func TestOverlap(t *testing.T) {
	brand := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York"})
	creator := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 12:00-20:00"}})
	from := at(t, brand.Location(), "2026-03-02 00:00")
	spans, err := sla.Overlap(from, from.Add(7*24*time.Hour), brand, creator)
	require.NoError(t, err)
	// Creator 12:00–20:00 PST is 15:00–23:00 EST: both at work 15:00–17:00 NY,
	// Mon–Fri.
	require.Len(t, spans, 5, "Overlap over a week = %d spans %v, want 5", len(spans), spans)
	for _, s := range spans {
		assert.Equal(t, "15:00", s.Start.Format("15:04"), "span %v, want 15:00–17:00 New York", s)
		assert.Equal(t, "17:00", s.End.Format("15:04"), "span %v, want 15:00–17:00 New York", s)
	}
	assert.True(t, spans[0].Equal(sla.Span{Start: spans[0].Start.UTC(), End: spans[0].End.UTC()}), "Span.Equal: want equal across locations")
	assert.False(t, spans[0].Equal(spans[1]), "Span.Equal: want unequal across days")
	slot, err := sla.NextOverlap(at(t, brand.Location(), "2026-03-06 16:30"), time.Hour, brand, creator)
	if assert.NoError(t, err, "NextOverlap(Fri 16:30, 1h)") {
		assert.Equal(t, "Mon 15:00", slot.Start.Format("Mon 15:04"), "NextOverlap(Fri 16:30, 1h) = %v, want Mon 15:00", slot)
	}
	_, err = sla.Overlap(from, from.Add(400*24*time.Hour), brand)
	assert.ErrorIs(t, err, sla.ErrInvalid, "Overlap over 400 days: err = %v, want ErrInvalid", err)
}

// Interval ends that fall in a DST gap move forward by the gap before anything
// else, so set arithmetic happens in real time: an instant is never both working
// and quiet, and a skipped day's shift is not counted twice (found in review).
func TestGapsMoveIntervalEnds(t *testing.T) {
	type check struct {
		from, to string // RFC 3339
		want     time.Duration
	}
	for _, tc := range []struct {
		name      string
		spec      sla.CalendarSpec
		working   []string // instants that must be working, RFC 3339
		quiet     []string // instants that must be quiet and not working
		checks    []check
		dueFrom   string
		dueWindow sla.Window
		dueWant   string
	}{
		{
			name: "Samoa skipped 2011-12-30: its shift lands on the 31st's, counted once",
			spec: sla.CalendarSpec{TimeZone: "Pacific/Apia", Hours: []string{"daily 09:00-17:00"}},
			checks: []check{
				{"2011-12-31T08:00:00+14:00", "2011-12-31T18:00:00+14:00", 8 * time.Hour},
				{"2011-12-29T12:00:00-10:00", "2012-01-01T12:00:00+14:00", 16 * time.Hour},
			},
			dueFrom: "2011-12-29T17:00:00-10:00", dueWindow: sla.BusinessHours(16), dueWant: "2012-01-01T17:00:00+14:00",
		},
		{
			name:    "Santiago: quiet ending at 00:30 in the midnight gap ends at 01:30",
			spec:    sla.CalendarSpec{TimeZone: "America/Santiago", Hours: []string{"sun 01:00-10:00"}, Quiet: []string{"sat 20:00-00:30"}},
			quiet:   []string{"2026-09-06T01:15:00-03:00"},
			working: []string{"2026-09-06T01:30:00-03:00", "2026-09-13T01:15:00-03:00"},
			checks:  []check{{"2026-09-05T12:00:00-04:00", "2026-09-06T12:00:00-03:00", 8*time.Hour + 30*time.Minute}},
			dueFrom: "2026-09-05T12:00:00-04:00", dueWindow: sla.BusinessHours(9), dueWant: "2026-09-13T01:30:00-03:00",
		},
		{
			name:    "New York: rules are unioned after their ends move, so 03:00 stays a start",
			spec:    sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"sun 02:30-17:00", "sun 03:00-07:00"}},
			working: []string{"2026-03-08T03:00:00-04:00"},
			checks:  []check{{"2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 14 * time.Hour}},
			dueFrom: "2026-03-08T00:00:00-05:00", dueWindow: sla.BusinessHours(1), dueWant: "2026-03-08T04:00:00-04:00",
		},
		{
			name:    "New York: a shift ending 02:30 on spring-forward day ends 03:30, but quiet from 03:00 wins",
			spec:    sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"daily 22:00-02:30"}, Quiet: []string{"daily 03:00-08:00"}},
			quiet:   []string{"2026-03-08T03:15:00-04:00"},
			working: []string{"2026-03-08T01:59:00-05:00"},
			checks:  []check{{"2026-03-07T22:00:00-05:00", "2026-03-08T08:00:00-04:00", 4 * time.Hour}},
			dueFrom: "2026-03-07T22:00:00-05:00", dueWindow: sla.BusinessHours(5), dueWant: "2026-03-08T23:00:00-04:00",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := sla.MustNewCalendar(tc.spec)
			parse := func(s string) time.Time {
				v, err := time.Parse(time.RFC3339, s)
				require.NoError(t, err)
				return v
			}
			for _, s := range tc.quiet {
				assert.True(t, c.IsQuiet(parse(s)), "IsQuiet(%s) = false, want quiet", s)
				assert.False(t, c.IsWorking(parse(s)), "IsWorking(%s) = true, want quiet and not working", s)
			}
			for _, s := range tc.working {
				assert.True(t, c.IsWorking(parse(s)), "IsWorking(%s) = false, want working", s)
				assert.False(t, c.IsQuiet(parse(s)), "IsQuiet(%s) = true, want working and not quiet", s)
			}
			for _, ck := range tc.checks {
				got := c.WorkingTime(parse(ck.from), parse(ck.to))
				assert.Equal(t, ck.want, got, "WorkingTime(%s, %s) = %v, want %v", ck.from, ck.to, got, ck.want)
			}
			got := c.Due(parse(tc.dueFrom), tc.dueWindow)
			assert.True(t, got.Equal(parse(tc.dueWant)), "Due(%s, %v) = %v, want %s", tc.dueFrom, tc.dueWindow, got, tc.dueWant)
		})
	}
}
