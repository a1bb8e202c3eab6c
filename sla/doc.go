// Package sla computes the deadlines of a brand–creator partnership on each
// party's own clock: business hours and business days in its time zone, quiet
// hours that stop the clock, holidays and half days, pre-scheduled weekend work,
// and the overlap of two parties' working hours.
//
// # Calendars
//
// A [Calendar] is one party's time, built once from a [CalendarSpec] (its JSON
// form is a public contract) and then shared: it is immutable, safe for
// concurrent use, and never reads time.Local or the current time.
// ([Calendar.UnmarshalJSON] overwrites its receiver: decode into a new value.)
//
//	brand, err := sla.NewCalendar(sla.CalendarSpec{
//		TimeZone: "America/New_York",                         // required; "UTC" is explicit
//		Hours:    []string{"mon-fri 09:00-17:00"},            // the default
//		Holidays: []string{"2026-12-24 09:00-13:00", "2026-12-25"},
//		Quiet:    []string{"sat-sun"},                        // no working, no contact, no clock
//		Scheduled: []string{"2026-12-05 10:00-12:00"},        // a launch weekend, agreed in advance
//	})
//
// Hours and quiet rules read "<days> [HH:MM-HH:MM[, HH:MM-HH:MM...]]". Days are
// mon..sun (or full names), ranges that may wrap (fri-mon), lists (sat,sun) or
// daily; names are case-insensitive. A rule without times covers whole days.
// Times run 00:00–24:00; an end at or before its start runs into the next day
// (daily 22:00-06:00) and the interval belongs to the day it starts. Equal start
// and end is an error (write 00:00-24:00 for a whole day), as is a start of 24:00.
// Several rules for one day are unioned.
//
// Holidays: "2026-12-25" closes a date, "2026-12-24..2026-12-31" closes a range
// of at most 366 dates, and "2026-12-24 09:00-13:00" replaces a date's hours (a
// half day, or an extra working day). A replacement beats a closure of the same
// date; several replacements of one date are unioned. Scheduled entries
// ("2026-12-05 10:00-12:00", several intervals allowed, past midnight allowed)
// lift quiet hours and count as working time.
//
// Bad specs are reported all at once, in one *[ValidationError] whose problems
// each carry the JSON path of the field at fault, a stable code and a message:
//
//	sla: calendar spec: hours[0]: parse hours "mon-fry 09:00-17:00": unknown day "fry" (...)
//
// [DecodeCalendarSpec] reads the JSON form strictly (keys match exactly, no
// duplicates, no unknown fields, at most [MaxSpecBytes]) and reports decoding and
// rule problems together. The error types are the module's, shared with pricing
// and metrics, so a service answers any of them with one errors.As.
//
// # Working time and quiet time
//
// Working time is the hours (with holiday replacements) minus quiet time, plus
// scheduled windows, unioned so nothing counts twice. Quiet time is the quiet
// rules plus every fully closed date, minus scheduled windows. A closed date is a
// day of no contact and no clock, like a weekend, except for the tail of an
// overnight shift begun the evening before, which finishes normally: a shift of
// Mon 22:00–Tue 06:00 is 8 working hours when Tuesday is a holiday, and
// Tuesday's own shift is closed. A replacement on a quiet day is still quiet
// unless scheduled. The weekly hours minus the quiet rules must leave at least
// an hour of working time a week by themselves (special days cannot rescue an
// empty week).
//
// A working day is a local date that has working time. A piece of working time
// belongs to the date its interval starts on; where the intervals of two dates
// overlap, the overlap belongs to the earlier date. An interval whose start does
// not exist starts where the gap rule below moves it: the hours of a date that a
// zone skipped (Pacific/Apia's 2011-12-30) start on, and belong to, the next
// date, so a date's working time never lies before an earlier date's.
//
// # Windows and deadlines
//
// A [Window] is a count in one of four units: [Hours], [Days], [BusinessHours],
// [BusinessDays], or parsed by [ParseWindow] ("48h", "1 business day", "8bh").
// [Calendar.Due] turns a window that opens at an instant into its deadline; its
// documentation gives the exact rule for each unit. In short: business hours
// count working time; business days keep the working offset into the day
// (Mon 10:00 + 1 business day is Tue 10:00); hours count real elapsed time that
// is not quiet (a quiet weekend does not eat a 48-hour approval window); days
// keep the wall-clock time and step out of quiet time.
//
// Offsets land on the earliest instant: a deadline that falls exactly at a
// closing time or at the start of a break is that instant, not the next opening.
// A window of zero returns start unchanged. Due never returns an instant before
// start, and returns its instant in the calendar's location.
//
// [Calendar.WorkingTime] measures working time between two instants;
// [Calendar.IsWorking], [Calendar.IsQuiet], [Calendar.NextWorking] and
// [Calendar.NextContact] answer questions about one instant (NextContact is when a
// reminder may go out at a decent hour in the recipient's zone). [Overlap] and
// [NextOverlap] intersect calendars: when a brand and a creator are both at work.
//
// # Daylight saving time
//
// Wall-clock times are local: 09:00 is 09:00 on a 23- or 25-hour day too.
// Durations are real elapsed time: an overnight shift across the autumn change
// is 9 hours long. A wall time that does not exist moves forward by the gap
// (02:30 on a spring-forward day in New York is 03:30), and a wall time that
// occurs twice is the later one. This holds for interval boundaries and for
// [Days] alike, in every zone; Go's time.Date does not resolve these
// consistently across zones, so the package resolves them itself.
//
// # Speed
//
// Due, WorkingTime and the instant queries do not walk day by day, in any
// year: a calendar indexes the days that differ from its weekly template
// (around holidays, scheduled time and offset changes), a month at a time with
// running sums, and jumps over whole weeks, months, years and runs of closed
// dates. A deadline 4,000 business hours away costs about what an 8-hour one
// does, and the working time from year 1 to year 9999 well under a
// millisecond. The index is computed on first use, not when the calendar is
// built, so building a calendar and computing its first deadline costs tens of
// microseconds, most of it loading the time zone (build many calendars with
// one [Zones] to load each zone once); the first query of a stretch
// of time allocates its months, and later ones allocate nothing. From 2100 a
// zone's offsets follow its rule, which repeats with the 400-year Gregorian
// cycle, and years without special dates share the index of their year in the
// cycle.
//
// A spec builds in time proportional to its length (about 15 ms and 9 MB
// allocated for the worst 1 MiB of JSON in the benchmarks), and one date's
// replacement hours, or its scheduled windows, hold at most [MaxDateIntervals]
// intervals. A
// deadline that crosses many special dates computes each once. Build a
// calendar once and share it: it is safe for concurrent use, first uses
// included.
package sla
