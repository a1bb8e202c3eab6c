package sla

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
)

// Calendar is one party's time. It is built once by [NewCalendar], is immutable
// afterwards and is safe for concurrent use by multiple goroutines. (It indexes
// its days on first use, without locks; that changes no answer.) It never
// consults time.Local or the current time.
//
// The zero Calendar is not usable; a nil *Calendar panics.
type Calendar struct {
	spec CalendarSpec // canonical
	loc  *time.Location

	hours  [7][]span  // per weekday: the intervals starting that day, in seconds since its midnight, as written (unmerged: see dayPieces)
	quiet  [7][]span  //
	closed []dayRange // closed dates and ranges, merged, sorted (a replacement beats them: see isClosed)
	repl   []dayEntry // replacement hours, by date, sorted
	sched  []dayEntry // scheduled windows, by the date they start on, sorted

	tmpl [7]dayView   // the pieces of a day with nothing special around it, by weekday
	pre  [3][15]int64 // prefix sums of the template values over two weeks from Sunday, per metric
	idx  *index       // the days that differ from the template, computed on first use
	zc   *zoneCache   // zone periods queries have met (a cache of facts, not state)
}

// minWeekWork is the least working time a calendar's week may have: one hour.
// It bounds how far any window can reach (MaxWindowCount business hours or days
// within about 1,900 years), and so what a deadline can cost.
const minWeekWork = 3600

// maxPieces bounds the intervals of one day of the weekly template, so that
// queries need no allocation on ordinary days. (A special date may have more:
// its queries then allocate.)
const maxPieces = 32

// MaxDateIntervals is the most intervals that the replacement hours of one
// date may hold, over all the holiday entries of that date, and the most that
// the scheduled windows starting on one date may: it bounds what one date costs
// the clock. NewCalendar reports an entry that passes it as a [*ParseError].
const MaxDateIntervals = 32

// NewCalendar validates spec and builds its calendar. Every problem is reported at
// once, in a *[ValidationError] whose problems carry the path of the field at
// fault ("hours[1]"); each wraps [ErrInvalid].
func NewCalendar(spec CalendarSpec) (*Calendar, error) {
	return newCalendar(spec, loadZone)
}

// loadZone loads a calendar's zone by name, as NewCalendar does.
func loadZone(name string) (*time.Location, error) {
	if err := zoneNameProblem(name); err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, unknownZone(name)
	}
	return loc, nil
}

// zoneNameProblem reports a zone name no calendar may have: none, or "Local".
func zoneNameProblem(name string) error {
	switch name {
	case "":
		return fieldErr("time_zone", CodeRequired, `required: an IANA time zone name such as "America/New_York" or "UTC"`)
	case "Local":
		return fieldErr("time_zone", CodeUnknownZone, `"Local" (the machine's zone) is not allowed: name the zone`)
	}
	return nil
}

func unknownZone(name string) error {
	return fieldErr("time_zone", CodeUnknownZone, "unknown time zone "+problem.Quote(name))
}

// newCalendar builds spec's calendar with its zone from load.
func newCalendar(spec CalendarSpec, load func(string) (*time.Location, error)) (*Calendar, error) {
	var errs []error
	c := &Calendar{zc: new(zoneCache)}
	c.spec.TimeZone = spec.TimeZone
	loc, err := load(spec.TimeZone)
	if err != nil {
		errs = append(errs, err)
	}
	c.loc = loc

	hours := spec.Hours
	if len(hours) == 0 {
		hours = []string{DefaultHours}
	}
	c.spec.Hours, errs = addRules(&c.hours, "hours", hours, errs)
	c.spec.Quiet, errs = addRules(&c.quiet, "quiet", spec.Quiet, errs)
	sp := specials{closed: make([]dayRange, 0, len(spec.Holidays))}
	if len(spec.Holidays) > 0 {
		c.spec.Holidays = make([]string, 0, len(spec.Holidays))
	}
	for i, s := range spec.Holidays {
		h, err := parseHoliday("holidays", s)
		if err != nil {
			// Name the entry only on the error path: building a field name for
			// every entry would cost more than parsing it.
			_, err = parseHoliday(fmt.Sprintf("holidays[%d]", i), s)
			errs = append(errs, err)
			continue
		}
		c.spec.Holidays = append(c.spec.Holidays, canonical(s, h))
		if h.spans != nil {
			sp.repl = append(sp.repl, dayEntry{h.from, slices.Clone(h.spans), i})
		} else {
			sp.closed = append(sp.closed, dayRange{h.from, h.to + 1})
		}
	}
	for i, s := range spec.Scheduled {
		h, err := parseScheduled("scheduled", s)
		if err != nil {
			_, err = parseScheduled(fmt.Sprintf("scheduled[%d]", i), s)
			errs = append(errs, err)
			continue
		}
		c.spec.Scheduled = append(c.spec.Scheduled, canonical(s, h))
		sp.sched = append(sp.sched, dayEntry{h.from, slices.Clone(h.spans), i})
	}
	c.closed = mergeRanges(sp.closed)
	c.repl, errs = mergeDays(sp.repl, "holidays", spec.Holidays, "replacement hours", errs)
	c.sched, errs = mergeDays(sp.sched, "scheduled", spec.Scheduled, "scheduled windows", errs)
	if len(errs) > 0 {
		return nil, invalidSpec(errs)
	}

	// The template week.
	var weekWork int64
	for w := time.Sunday; w <= time.Saturday; w++ {
		d := int64(3) + int64(w) // 1970-01-04 was a Sunday
		v := c.dayPieces(d, nil, nil)
		if err := checkPieces(formatDays(1<<w), v); err != nil {
			return nil, err
		}
		v.val = [3]int64{total(v.work), 0, total(v.contact)}
		if v.val[mWork] > 0 {
			v.val[mDays] = 1
		}
		weekWork += v.val[mWork]
		c.tmpl[w] = v
	}
	if weekWork < minWeekWork {
		return nil, invalidSpec([]error{fieldErr("hours", CodeTooLittle, fmt.Sprintf("the weekly hours minus quiet hours leave %v of working time, less than the %v a week needs",
			time.Duration(weekWork)*time.Second, time.Duration(minWeekWork)*time.Second))})
	}
	for m := range c.pre {
		for i := 0; i < 14; i++ {
			c.pre[m][i+1] = c.pre[m][i] + c.tmpl[i%7].val[m]
		}
	}
	c.idx = c.newIndex()
	return c, nil
}

// invalidSpec returns errs as one *ValidationError of a calendar spec.
func invalidSpec(errs []error) error {
	l := problem.List{Pkg: pkg}
	for _, err := range errs {
		l.AddErr("", err)
	}
	return l.Err("calendar spec")
}

// tooMany is the problem of an entry past a limit.
func tooMany(field, input, reason string) *ParseError {
	e := parseErr(field, input, "", reason)
	e.Code = CodeOutOfRange
	return e
}

// specials are a spec's holiday and scheduled entries as parsed, in the order
// written.
type specials struct {
	closed      []dayRange
	repl, sched []dayEntry
}

// canonical returns the canonical form of entry s parsed as h, without
// formatting when s already is (a closed date or range as YYYY-MM-DD, the
// common case).
func canonical(s string, h special) string {
	// parseDate reads exactly YYYY-MM-DD, which is how formatDate writes it.
	if h.spans == nil && ((len(s) == 10 && h.to == h.from) || (len(s) == 22 && h.to != h.from && s[10:12] == "..")) {
		return s
	}
	return h.String()
}

// mergeRanges sorts rs and merges the ranges that overlap or touch. It reuses rs.
func mergeRanges(rs []dayRange) []dayRange {
	byLo := func(a, b dayRange) int { return cmp.Compare(a.lo, b.lo) }
	if !slices.IsSortedFunc(rs, byLo) { // specs list their dates in order, mostly
		slices.SortFunc(rs, byLo)
	}
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return slices.Clip(out)
}

// mergeDays sorts es by day and joins the intervals of entries of one date. It
// reuses es. A date whose intervals outnumber MaxDateIntervals adds an error
// naming the entry that passed the limit.
func mergeDays(es []dayEntry, field string, inputs []string, what string, errs []error) ([]dayEntry, []error) {
	slices.SortStableFunc(es, func(a, b dayEntry) int { return cmp.Compare(a.day, b.day) })
	out := es[:0]
	for _, e := range es {
		n := len(out)
		if n == 0 || out[n-1].day != e.day {
			out = append(out, e)
		} else {
			before := len(out[n-1].spans)
			out[n-1].spans = append(out[n-1].spans, e.spans...)
			if before <= MaxDateIntervals && len(out[n-1].spans) > MaxDateIntervals {
				errs = append(errs, tooMany(fmt.Sprintf("%s[%d]", field, e.at), inputs[e.at],
					fmt.Sprintf("%s of %s: more than %d intervals on one date", what, formatDate(e.day), MaxDateIntervals)))
			}
			continue
		}
		if len(e.spans) > MaxDateIntervals {
			errs = append(errs, tooMany(fmt.Sprintf("%s[%d]", field, e.at), inputs[e.at],
				fmt.Sprintf("more than %d intervals on one date", MaxDateIntervals)))
		}
	}
	return slices.Clip(out), errs
}

// addRules parses hours or quiet rules into week and returns their
// canonical forms with errs extended by any parse errors.
func addRules(week *[7][]span, field string, rules []string, errs []error) ([]string, []error) {
	var canon []string
	for i, s := range rules {
		r, err := parseRule(field, s)
		if err != nil {
			_, err = parseRule(fmt.Sprintf("%s[%d]", field, i), s) // name the rule on the error path only
			errs = append(errs, err)
			continue
		}
		canon = append(canon, r.String())
		for w := time.Sunday; w <= time.Saturday; w++ {
			week[w] = append(week[w], r.spansOn(w)...)
		}
	}
	return canon, errs
}

func checkPieces(where string, v dayView) error {
	if len(v.work) > maxPieces || len(v.contact) > maxPieces {
		return invalidSpec([]error{fieldErr("", CodeOutOfRange, fmt.Sprintf("%s: more than %d separate intervals in one day", where, maxPieces))})
	}
	return nil
}

// MustNewCalendar is like [NewCalendar] but panics on error. It is for tests and
// package-level literals.
func MustNewCalendar(spec CalendarSpec) *Calendar {
	c, err := NewCalendar(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// Location returns the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// Spec returns the calendar's spec in canonical form: rules as the parser reads
// them back ("mon-fri 09:00-17:00"), the default hours made explicit.
func (c *Calendar) Spec() CalendarSpec {
	s := c.spec
	s.Hours = slices.Clone(s.Hours)
	s.Holidays = slices.Clone(s.Holidays)
	s.Quiet = slices.Clone(s.Quiet)
	s.Scheduled = slices.Clone(s.Scheduled)
	return s
}

// String returns a one-line summary: the zone and the rules.
func (c *Calendar) String() string {
	parts := []string{c.spec.TimeZone, strings.Join(c.spec.Hours, "; ")}
	if len(c.spec.Quiet) > 0 {
		parts = append(parts, "quiet "+strings.Join(c.spec.Quiet, "; "))
	}
	if n := len(c.spec.Holidays); n > 0 {
		parts = append(parts, plural(n, "holiday entry", "holiday entries"))
	}
	if n := len(c.spec.Scheduled); n > 0 {
		parts = append(parts, plural(n, "scheduled window", "scheduled windows"))
	}
	return strings.Join(parts, ", ")
}

// MarshalJSON returns the JSON form of the calendar's canonical spec.
func (c *Calendar) MarshalJSON() ([]byte, error) { return json.Marshal(c.spec) }

// UnmarshalJSON decodes a spec strictly and builds the calendar into c,
// overwriting it ([DecodeCalendar]). Decode into a new Calendar: a Calendar that
// other goroutines are using must not be the receiver.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	n, err := DecodeCalendar(data)
	if err != nil {
		return err
	}
	*c = *n
	return nil
}

// newResolver returns a resolver for the calendar's zone.
func (c *Calendar) newResolver() resolver { return resolver{loc: c.loc, zc: c.zc} }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
