package sla

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The fuzz targets below check, for every parser: no panic; errors are
// *ParseError values wrapping ErrInvalid; and Parse(x.String()) gives back x, with
// String a fixed point. Their seeds run as ordinary tests with go test.

// checkParseError fails unless err is a *ParseError wrapping ErrInvalid.
func checkParseError(t *testing.T, what, input string, err error) {
	t.Helper()
	var pe *ParseError
	require.ErrorAs(t, err, &pe, "%s(%q) error %v (%T) is not a *ParseError", what, input, err, err)
	require.ErrorIs(t, err, ErrInvalid, "%s(%q) error %v does not wrap ErrInvalid", what, input, err)
	require.NotEmpty(t, pe.Error(), "%s(%q) error has an empty message", what, input)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var windowSeeds = []string{
	// valid
	"48h", "48 hours", "1 day", "7 days", "7d", "8 business hours", "8bh", "1 business day",
	"2 business days", "2bd", "0 days", "0 hours", "1 hours", "1 hour", "48 HOURS", "2 Business Days",
	"  3   business   hours  ", "100000 hours", "0000001 h", "0bh", "1\tday", "5 BD",
	// invalid
	"", " ", "-0 days", "+1 day", "-1 hours", "1e3 hours", "100001 hours", "99999999 days",
	"1.5 hours", "hours", "48", "48 weeks", "2 business", "business days", "1 d ay", "1 day days",
	"48hh", "0x10 hours", "１ day",
}

func FuzzParseWindow(f *testing.F) {
	for _, s := range windowSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWindow(s)

		var u Window
		uerr := u.UnmarshalText([]byte(s))
		if s == "" {
			require.NoError(t, uerr, "UnmarshalText(%q) = %v, %v; want the zero Window, nil", s, u, uerr)
			require.Equal(t, Window{}, u, "UnmarshalText(%q) = %v, %v; want the zero Window, nil", s, u, uerr)
		} else {
			require.Equal(t, err == nil, uerr == nil, "UnmarshalText(%q) = %v, %v; ParseWindow = %v, %v", s, u, uerr, w, err)
			if err == nil {
				require.Equal(t, w, u, "UnmarshalText(%q) = %v, %v; ParseWindow = %v, %v", s, u, uerr, w, err)
			}
		}

		if err != nil {
			checkParseError(t, "ParseWindow", s, err)
			return
		}
		require.True(t, w.Count() >= 0 && w.Count() <= MaxWindowCount, "ParseWindow(%q) = count %d, out of range 0..%d", s, w.Count(), MaxWindowCount)
		str := w.String()
		w2, err := ParseWindow(str)
		require.NoError(t, err, "ParseWindow(%q) (String of ParseWindow(%q))", str, s)
		require.Equal(t, w, w2, "ParseWindow(%q) = %#v, want %#v (from %q)", str, w2, w, s)
		require.Equal(t, str, w2.String(), "String not a fixed point: %q -> %q", str, w2.String())

		text, err := w.MarshalText()
		require.NoError(t, err, "(%v).MarshalText", w)
		var w3 Window
		err = w3.UnmarshalText(text)
		require.NoError(t, err, "UnmarshalText(%q)", text)
		require.Equal(t, w, w3, "UnmarshalText(%q) = %#v, want %#v", text, w3, w)

		if isASCII(s) {
			for _, v := range []string{strings.ToUpper(s), strings.ToLower(s)} {
				w4, err := ParseWindow(v)
				require.NoError(t, err, "ParseWindow(%q), as for %q (case-insensitive)", v, s)
				require.Equal(t, w, w4, "ParseWindow(%q) = %v, want %v as for %q (case-insensitive)", v, w4, w, s)
			}
		}
	})
}

var ruleSeeds = []string{
	// valid
	"mon-fri 09:00-17:00", "daily 22:00-06:00", "sat,sun", "sat-sun", "daily", "fri-mon",
	"MON-FRI 9:00-12:00, 13:00-17:00", "mon-mon", "mon-mon 09:00-10:00", "sun-sat", "mon,wed-fri",
	"Monday 00:00-24:00", "tue 10:00-00:00", "daily 21:00-08:00", "sat 23:59-00:00", "thu-tue",
	"mon,mon,tue", "daily,mon 08:00-09:00", "sun 00:00-23:59, 12:00-13:00, 22:00-02:00",
	// invalid
	"", "   ", "09:00-09:00", "mon 09:00-09:00", "mon 24:00-02:00", "mon-fry 09:00-17:00",
	"mon 09:00", "mon 9-17", "mon 25:00-26:00", "mon 09:60-10:00", "mon 24:01-02:00",
	"mon, 09:00-17:00", ",mon", "mon-", "-fri", "mon fri 09:00-17:00", "mon 09:00-17:00,",
	"mon 09:00-17:00-18:00", "weekdays 09:00-17:00", "mon 009:00-17:00", "mon 09:00-17:00 x",
	"daily-mon", "mon--fri",
}

func FuzzParseRule(f *testing.F) {
	for _, s := range ruleSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := parseRule("hours", s)
		if err != nil {
			checkParseError(t, "parseRule", s, err)
			return
		}
		require.True(t, r.days != 0 && r.days <= 0x7f, "parseRule(%q): days = %#x, want a non-empty subset of 0x7f", s, r.days)
		for _, x := range r.spans {
			require.True(t, x.lo >= 0 && x.lo < secPerDay && x.hi > x.lo && x.hi <= x.lo+secPerDay, "parseRule(%q): bad span %v", s, x)
		}
		str := r.String()
		r2, err := parseRule("hours", str)
		require.NoError(t, err, "parseRule(%q) (String of parseRule(%q))", str, s)
		// Equal on the spans tells nil (whole days) from empty, as it should.
		require.Equal(t, r.days, r2.days, "parseRule(%q) = %+v, want %+v (from %q)", str, r2, r, s)
		require.Equal(t, r.spans, r2.spans, "parseRule(%q) = %+v, want %+v (from %q)", str, r2, r, s)
		require.Equal(t, str, r2.String(), "String not a fixed point: %q -> %q", str, r2.String())
		if isASCII(s) {
			r3, err := parseRule("hours", strings.ToUpper(s))
			require.NoError(t, err, "parseRule(%q) (case-insensitive)", strings.ToUpper(s))
			require.Equal(t, str, r3.String(), "parseRule(%q) = %v, want %q (case-insensitive)", strings.ToUpper(s), r3, str)
		}
	})
}

var holidaySeeds = []string{
	// valid
	"2026-12-25", "2026-12-24..2026-12-31", "2026-12-24 09:00-13:00", "2026-12-24 09:00-12:00, 13:00-15:00",
	"2026-12-24..2026-12-24", "2024-02-29", "0001-01-01", "9999-12-31", " 2026-01-01 ", "2026-12-31 22:00-02:00",
	"2026-01-01..2026-12-31", "2024-01-01..2024-12-31", "2026-12-24 .. 2026-12-31", "2026-12-24   09:00-13:00",
	// invalid
	"", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "2026-1-1", "26-12-25", "2026/12/25",
	"2026-12-31..2026-12-24", "2026-01-01..2027-01-02", "2024-01-01..2025-01-01", "2026-12-24 09:00-09:00",
	"2026-12-24 24:00-02:00", "2026-12-24..2026-12-31 09:00-13:00", "2026-12-24..", "..2026-12-24",
	"2026-12-24 09:00", "2026-12-24\t09:00-13:00", "2026-12-24..2026-12-25..2026-12-26", "2026-12-2x",
}

var scheduledSeeds = []string{
	// valid
	"2026-12-05 10:00-12:00", "2026-12-05 22:00-02:00", "2026-12-05 09:00-12:00, 13:00-15:00",
	"2026-12-05 00:00-24:00", "2026-03-08 01:00-04:00", "2026-11-01 00:30-03:30",
	// invalid
	"2026-12-05", "2026-12-05..2026-12-06", "", "2026-12-05 10:00-10:00", "2026-02-30 10:00-12:00",
	"2026-12-05 10:00", "2026-12-05 24:00-01:00",
}

func checkSpecial(t *testing.T, what string, parse func(field, input string) (special, error), s string) {
	t.Helper()
	sp, err := parse("holidays", s)
	if err != nil {
		checkParseError(t, what, s, err)
		return
	}
	require.True(t, sp.to >= sp.from && sp.to-sp.from+1 <= maxClosedRange && (sp.spans == nil || sp.to == sp.from), "%s(%q) = %+v: bad date range", what, s, sp)
	for _, x := range sp.spans {
		require.True(t, x.lo >= 0 && x.lo < secPerDay && x.hi > x.lo && x.hi <= x.lo+secPerDay, "%s(%q): bad span %v", what, s, x)
	}
	str := sp.String()
	sp2, err := parse("holidays", str)
	require.NoError(t, err, "%s(%q) (String of %s(%q))", what, str, what, s)
	// Equal on the spans tells nil (closed) from empty, as it should.
	require.Equal(t, sp.from, sp2.from, "%s(%q) = %+v, want %+v (from %q)", what, str, sp2, sp, s)
	require.Equal(t, sp.to, sp2.to, "%s(%q) = %+v, want %+v (from %q)", what, str, sp2, sp, s)
	require.Equal(t, sp.spans, sp2.spans, "%s(%q) = %+v, want %+v (from %q)", what, str, sp2, sp, s)
	require.Equal(t, str, sp2.String(), "String not a fixed point: %q -> %q", str, sp2.String())
}

func FuzzParseHoliday(f *testing.F) {
	for _, s := range holidaySeeds {
		f.Add(s)
	}
	for _, s := range scheduledSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpecial(t, "parseHoliday", parseHoliday, s)
	})
}

func FuzzParseScheduled(f *testing.F) {
	for _, s := range scheduledSeeds {
		f.Add(s)
	}
	for _, s := range holidaySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpecial(t, "parseScheduled", parseScheduled, s)
		if sp, err := parseScheduled("scheduled", s); err == nil {
			require.NotNil(t, sp.spans, "parseScheduled(%q) = %+v: a scheduled entry without times", s, sp)
		}
	})
}

func FuzzDecodeCalendarSpec(f *testing.F) {
	for _, s := range []string{
		`{"time_zone":"UTC"}`,
		`{"time_zone":"America/New_York","hours":["mon-fri 09:00-17:00"],"holidays":["2026-12-25"],"quiet":["sat-sun"],"scheduled":["2026-12-05 10:00-12:00"]}`,
		`{"time_zone":"Europe/London","hours":[]}`,
		`{}`, `null`, ``, `{"time_zone":1}`, `{"time_zone":"UTC","extra":true}`, `{"time_zone":"UTC"} {}`,
		`{"time_zone":"UTC"}  `, `[]`, `{"hours":null}`, `{"time_zone":"\u00e9"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeCalendarSpec(data)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid, "DecodeCalendarSpec(%q) error %v does not wrap ErrInvalid", data, err)
			return
		}
		b, err := json.Marshal(s)
		require.NoError(t, err, "json.Marshal(%+v)", s)
		s2, err := DecodeCalendarSpec(b)
		require.NoError(t, err, "DecodeCalendarSpec(%s) (Marshal of DecodeCalendarSpec(%q))", b, data)
		b2, err := json.Marshal(s2)
		require.NoError(t, err, "json.Marshal(%+v)", s2)
		require.Equal(t, string(b), string(b2), "DecodeCalendarSpec round trip: %s -> %s", b, b2)
	})
}

const span3y = 3 * 366 * 86400

var fuzzWindows = []Window{BusinessHours(1), BusinessHours(9), BusinessDays(2), Hours(30), Days(1)}

// checkCalendar checks the clock of c from a few starts: the fixed ones, extra,
// and extra plus 37 minutes (Due is monotonic in start).
//
// It runs for every fuzz input and for thousands of starts in
// TestDueNeverBeforeStartAfterSkippedDay, so it compares plainly and builds a
// message (require.Failf) only on a mismatch: assert's message arguments,
// evaluated at every check, doubled that test's time.
func checkCalendar(t *testing.T, c *Calendar, extra time.Time) {
	t.Helper()
	loc := c.Location()
	starts := []time.Time{
		time.Date(2026, 3, 6, 16, 30, 0, 0, loc),
		time.Date(2026, 11, 1, 1, 30, 0, 0, loc),
		time.Date(2101, 7, 1, 12, 0, 0, 0, loc), // in the 400-year cycle of the index (from 2100)
		extra,
		extra.Add(37 * time.Minute),
	}
	prev := make([]time.Time, len(fuzzWindows))
	for i, start := range starts {
		if nw := c.NextWorking(start); nw.Before(start) || !c.IsWorking(nw) {
			require.Failf(t, "NextWorking", "%v: NextWorking(%v) = %v (IsWorking %v)", c, start, nw, c.IsWorking(nw))
		}
		if nc := c.NextContact(start); nc.Before(start) || c.IsQuiet(nc) {
			require.Failf(t, "NextContact", "%v: NextContact(%v) = %v (IsQuiet %v)", c, start, nc, c.IsQuiet(nc))
		}
		for k, w := range fuzzWindows {
			due := c.Due(start, w)
			if due.Before(start) {
				require.Failf(t, "Due before start", "%v: Due(%v, %v) = %v, before start", c, start, w, due)
			}
			if due.Location() != loc {
				require.Failf(t, "Due in another location", "%v: Due(%v, %v) = %v, in %v, want %v", c, start, w, due, due.Location(), loc)
			}
			// Monotonic in start; not for Days, whose wall clock repeats an hour in the autumn.
			if i == len(starts)-1 && w.unit != unitDays && due.Before(prev[k]) {
				require.Failf(t, "Due not monotonic", "%v: Due(%v, %v) = %v, before Due(%v, %v) = %v", c, start, w, due, starts[i-1], w, prev[k])
			}
			prev[k] = due
			want := time.Duration(w.Count()) * time.Hour
			switch w.unit {
			case unitBusinessHours:
				if got := c.WorkingTime(start, due); got != want {
					require.Failf(t, "WorkingTime to Due", "%v: WorkingTime(%v, Due(%v, %v) = %v) = %v, want %v", c, start, start, w, due, got, want)
				}
				if got := c.WorkingTime(start, due.Add(-time.Second)); got >= want {
					require.Failf(t, "Due not the earliest", "%v: Due(%v, %v) = %v is not the earliest: WorkingTime to 1s before = %v", c, start, w, due, got)
				}
			case unitHours:
				if got := c.ContactTime(start, due); got != want {
					require.Failf(t, "ContactTime to Due", "%v: ContactTime(%v, Due(%v, %v) = %v) = %v, want %v", c, start, start, w, due, got, want)
				}
			case unitDays:
				if c.IsQuiet(due) {
					require.Failf(t, "Due quiet", "%v: Due(%v, %v) = %v is quiet", c, start, w, due)
				}
			case unitBusinessDays:
				if got := c.WorkingTime(due.Add(-time.Second), due); got == 0 {
					require.Failf(t, "Due not at working time", "%v: Due(%v, %v) = %v does not end working time", c, start, w, due)
				}
			}
		}
	}
}

// fuzzZones are the time zones FuzzNewCalendar picks from, by a byte: a fixed
// list, so that the fuzzer does not load arbitrary zone files. It includes odd
// DST rules (half-hour, two-hour, a skipped day) and invalid names.
var fuzzZones = []string{
	"UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia",
	"Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham", "Europe/Berlin", "America/St_Johns",
	"Antarctica/Troll", "Asia/Tehran", "America/Santiago", "", "Local", "Not/A_Zone",
}

type calendarSeed struct {
	zone                             byte
	hours, quiet, holiday, scheduled string
	offset                           int64
}

var calendarSeeds = []calendarSeed{
	{0, "", "", "", "", 0},
	{1, "mon-fri 09:00-17:00", "sat-sun", "2026-12-25", "2026-12-05 10:00-12:00", 3600},
	{1, "daily 22:00-06:00", "", "2026-03-08", "", 0},
	{1, "daily 00:30-03:30", "", "", "2026-11-01 00:30-03:30", 0},
	{2, "MON-FRI 9:00-12:00, 13:00-17:00", "daily 21:00-08:00", "2026-12-24 09:00-13:00", "2026-12-26 10:00-12:00", 86400 * 100},
	{3, "sat,sun", "", "2026-12-24..2026-12-31", "", -86400 * 40},
	{4, "fri-mon 08:00-20:00", "sun", "2011-12-30", "2011-12-30 09:00-10:00", 0},
	{5, "mon-mon", "", "2026-03-09", "", 7200},
	{6, "daily 23:00-01:00", "mon", "", "2026-10-18 00:00-24:00", 0},
	{7, "tue-thu 02:00-03:00", "", "2026-04-05 09:00-12:00", "", 12345},
	{8, "daily 02:30-02:31", "", "", "", 0},
	{9, "mon-fri 09:00-17:00", "daily 17:00-09:00", "", "", 0},
	{10, "daily", "", "2026-03-29..2026-04-05", "", 0},
	{11, "sat-wed 08:00-16:00", "thu-fri", "", "", 0},
	{1, "mon-fri 09:00-17:00", "mon-fri", "", "", 0},                         // no working time
	{1, "09:00-09:00", "", "", "", 0},                                        // bad rule
	{1, "mon-fry 09:00-17:00", "24:00-02:00", "2026-02-30", "2026-12-05", 0}, // several errors
	{13, "", "", "", "", 0},                      // no zone
	{14, "", "", "", "", 0},                      // Local
	{15, "", "", "", "", 0},                      // unknown zone
	{1, "", "", "2024-01-01..2025-01-01", "", 0}, // range too long
	{1, "", "", "0001-01-01", "", 0},
	{1, "", "", "2150-06-01", "2150-06-02 10:00-11:00", 0},
}

func specOf(zone byte, hours, quiet, holiday, scheduled string) CalendarSpec {
	s := CalendarSpec{TimeZone: fuzzZones[int(zone)%len(fuzzZones)]}
	if hours != "" {
		s.Hours = []string{hours}
	}
	if quiet != "" {
		s.Quiet = []string{quiet}
	}
	if holiday != "" {
		s.Holidays = []string{holiday}
	}
	if scheduled != "" {
		s.Scheduled = []string{scheduled}
	}
	return s
}

func FuzzNewCalendar(f *testing.F) {
	for _, s := range calendarSeeds {
		f.Add(s.zone, s.hours, s.quiet, s.holiday, s.scheduled, s.offset)
	}
	f.Fuzz(func(t *testing.T, zone byte, hours, quiet, holiday, scheduled string, offset int64) {
		spec := specOf(zone, hours, quiet, holiday, scheduled)
		c, err := NewCalendar(spec)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid, "NewCalendar(%+v) error %v does not wrap ErrInvalid", spec, err)
			return
		}
		canon := c.Spec()
		c2, err := NewCalendar(canon)
		require.NoError(t, err, "NewCalendar(%+v) (Spec of NewCalendar(%+v))", canon, spec)
		got := c2.Spec()
		require.Equal(t, canon, got, "Spec round trip: %+v -> %+v", canon, got)

		checkCalendar(t, c, time.Date(2026, 1, 1, 0, 0, 0, 0, c.Location()).Add(time.Duration(offset%span3y)*time.Second))
	})
}

// FuzzCalendarClock builds calendars from numbers rather than text, so that
// nearly every input is a valid calendar and the fuzzer explores the clock: day
// sets, intervals (overnight ones included), quiet rules, holidays, replacements
// and scheduled windows near DST transitions, and starts around them.
func FuzzCalendarClock(f *testing.F) {
	f.Add(byte(1), byte(0x3e), uint16(540), uint16(1020), byte(0x41), uint16(0), uint16(0), int16(0), byte(0), uint16(600), uint16(720), int64(0))
	f.Add(byte(1), byte(0x7f), uint16(1320), uint16(360), byte(0), uint16(0), uint16(0), int16(66), byte(1), uint16(60), uint16(240), int64(66*86400))
	f.Add(byte(2), byte(0x3e), uint16(540), uint16(780), byte(0x7f), uint16(1260), uint16(480), int16(87), byte(2), uint16(90), uint16(150), int64(88*86400+3600))
	f.Add(byte(3), byte(0x7f), uint16(90), uint16(150), byte(0x01), uint16(0), uint16(0), int16(94), byte(3), uint16(1400), uint16(30), int64(93*86400))
	f.Add(byte(10), byte(0x22), uint16(0), uint16(1440), byte(0x40), uint16(60), uint16(120), int16(300), byte(1), uint16(0), uint16(1440), int64(-86400*3))
	f.Add(byte(8), byte(0xbe), uint16(540), uint16(720), byte(0x41), uint16(0), uint16(0), int16(86), byte(2), uint16(600), uint16(840), int64(86*86400+7*3600))
	f.Add(byte(4), byte(0x20), uint16(1380), uint16(60), byte(0x1c), uint16(0), uint16(0), int16(-5000), byte(2), uint16(0), uint16(0), int64(1234567))
	f.Fuzz(func(t *testing.T, zone, days byte, lo, hi uint16, qdays byte, qlo, qhi uint16,
		hday int16, kind byte, slo, shi uint16, offset int64) {
		// The high bit of days adds a second shift to the hours, from the scheduled numbers shifted.
		lo2, hi2 := (slo+180)%1441, (shi+180)%1441
		spans := fuzzSpans
		spec := CalendarSpec{TimeZone: fuzzZones[int(zone)%13]}
		if days&0x7f != 0 {
			h := formatDays(days&0x7f) + " " + spans(lo, hi)
			if days&0x80 != 0 {
				h += ", " + spans(lo2, hi2)
			}
			spec.Hours = []string{h}
		}
		if qdays&0x7f != 0 {
			q := formatDays(qdays & 0x7f)
			if qlo != qhi {
				q += " " + spans(qlo, qhi)
			}
			spec.Quiet = []string{q}
		}
		base := daysFromCivil(2026, 1, 1)
		day := formatDate(base + int64(hday))
		switch kind % 4 {
		case 1:
			spec.Holidays = []string{day}
		case 2:
			spec.Holidays = []string{day + " " + spans(slo, shi)}
		case 3:
			spec.Holidays = []string{day + ".." + formatDate(base+int64(hday)+int64(kind>>2)%20)}
		}
		if kind&0x80 != 0 || kind%4 == 0 {
			spec.Scheduled = []string{day + " " + spans(slo, shi)}
		}
		c, err := NewCalendar(spec)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid, "NewCalendar(%+v) error %v does not wrap ErrInvalid", spec, err)
			return
		}
		// The extra start lies within 30 days either side of the special day.
		y, m, d := civilFromDays(base + int64(hday))
		start := time.Date(int(y), time.Month(m), d, 0, 0, 0, 0, c.Location()).Add(time.Duration(offset%(30*86400)) * time.Second)
		checkCalendar(t, c, start)
	})
}

// fuzzSpans turns two fuzzed minute counts into an interval "HH:MM-HH:MM" that
// parses: a start of 24:00 becomes 00:00, and an empty interval the whole day.
func fuzzSpans(a, b uint16) string {
	clock := func(m uint16, end bool) string {
		m %= 1441
		if !end && m == 1440 {
			m = 0
		}
		return formatClock(int32(m) * secPerMin)
	}
	x, y := clock(a, false), clock(b, true)
	if x == y || (x == "00:00" && y == "24:00") {
		return "00:00-24:00"
	}
	return x + "-" + y
}
