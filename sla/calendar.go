package sla

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// CalendarSpec is the JSON form of a [Calendar]: one party's time zone, weekly
// working hours, holidays and special days, quiet hours and pre-scheduled windows.
// It is a public, cross-language contract; see the package documentation for the
// syntax of each field.
type CalendarSpec struct {
	TimeZone  string   `json:"time_zone"`           // IANA name, required ("UTC" is explicit; "Local" is rejected)
	Hours     []string `json:"hours,omitempty"`     // default ["mon-fri 09:00-17:00"]
	Holidays  []string `json:"holidays,omitempty"`  // "2026-12-25", "2026-12-24..2026-12-31", "2026-12-24 09:00-13:00"
	Quiet     []string `json:"quiet,omitempty"`     // "sat-sun", "daily 21:00-08:00"
	Scheduled []string `json:"scheduled,omitempty"` // "2026-12-05 10:00-12:00"
}

// DefaultHours is the working week of a spec that gives no hours.
const DefaultHours = "mon-fri 09:00-17:00"

// ParseCalendarSpec decodes the JSON form of a calendar spec, rejecting unknown
// fields and trailing data. It does not validate the rules; [NewCalendar] does.
func ParseCalendarSpec(data []byte) (CalendarSpec, error) {
	var s CalendarSpec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return CalendarSpec{}, fmt.Errorf("sla: decode calendar spec: %v: %w", err, ErrInvalid)
	}
	if _, err := dec.Token(); err != io.EOF {
		return CalendarSpec{}, fmt.Errorf("sla: decode calendar spec: trailing data after the object: %w", ErrInvalid)
	}
	return s, nil
}

// Calendar is one party's time. It is built once by [NewCalendar], is immutable
// afterwards and is safe for concurrent use by multiple goroutines. It never
// consults time.Local or the current time.
//
// The zero Calendar is not usable; a nil *Calendar panics.
type Calendar struct {
	spec CalendarSpec // canonical
	loc  *time.Location

	hours  [7][]span // per weekday: the intervals starting that day, in seconds since its midnight, as written (unmerged: see wallDay)
	quiet  [7][]span
	repl   map[int64][]span // replacement hours by day number
	closed map[int64]bool   // fully closed days (no replacement)
	sched  map[int64][]span // scheduled windows by the day they start on

	tmpl    [7]dayView         // the pieces of a day with nothing special around it, by weekday
	pre     [3][15]int64       // prefix sums of the template values over two weeks from Sunday, per metric
	irr     []irregular        // days that differ from the template, sorted, within the horizon
	far     map[int64]*dayView // wall pieces of the days around special dates outside the horizon
	farDays []int64            // the keys of far, sorted
	trans   []transition       // the UTC offset changes from two days before the horizon to two days after
	tot     [3]int64           // Σ of deltas over all irregular days
	hzLo    int64              // the horizon [hzLo, hzHi) of day numbers within which irr is complete
	hzHi    int64
}

// Metrics counted per day.
const (
	mWork    = iota // working seconds
	mDays           // 1 if a working day
	mContact        // non-quiet seconds
)

// dayView is one local date's time, in minutes since that date's wall-clock
// midnight: the working pieces that belong to it (they may run into the next day)
// and its contact (non-quiet) pieces, within the day.
type dayView struct {
	work    []span
	contact []span
	val     [3]int64
}

type irregular struct {
	day  int64
	view dayView
	cum  [3]int64 // Σ (val − template val) over the irregular days before this one
}

// minWeekWork is the least working time a calendar's week may have: one hour.
// It bounds how far any window can reach (MaxWindowCount business hours or days
// within about 1,900 years), and so what a deadline can cost.
const minWeekWork = 3600

// maxPieces bounds the intervals of one day, so that queries need no allocation.
const maxPieces = 32

// The horizon within which the calendar precomputes its irregular days
// (holidays, scheduled time, DST transitions) so that deadlines jump over whole
// weeks. Outside it, Due walks day by day: still exact, slower. It is fixed, so
// that a special date far away (9999-12-31) costs no more than a near one.
var (
	horizonLo = daysFromCivil(1970, 1, 1)
	horizonHi = daysFromCivil(2070, 1, 1)
)

// NewCalendar validates spec and builds its calendar. Every problem is reported at
// once (errors.Join of [*ParseError] values and others, all wrapping [ErrInvalid]).
func NewCalendar(spec CalendarSpec) (*Calendar, error) {
	var errs []error
	c := &Calendar{repl: map[int64][]span{}, closed: map[int64]bool{}, sched: map[int64][]span{}}
	c.spec.TimeZone = spec.TimeZone
	switch spec.TimeZone {
	case "":
		errs = append(errs, &ParseError{Field: "time_zone", Input: spec.TimeZone, Reason: `required: an IANA time zone name such as "America/New_York" or "UTC"`})
	case "Local":
		errs = append(errs, &ParseError{Field: "time_zone", Input: spec.TimeZone, Reason: "the machine's local zone is not allowed: name the zone"})
	default:
		loc, err := time.LoadLocation(spec.TimeZone)
		if err != nil {
			errs = append(errs, &ParseError{Field: "time_zone", Input: spec.TimeZone, Reason: "unknown time zone"})
		}
		c.loc = loc
	}

	hours := spec.Hours
	if len(hours) == 0 {
		hours = []string{DefaultHours}
	}
	c.spec.Hours, errs = addRules(&c.hours, "hours", hours, errs)
	c.spec.Quiet, errs = addRules(&c.quiet, "quiet", spec.Quiet, errs)
	var specialDays []int64
	for i, s := range spec.Holidays {
		h, err := parseHoliday(fmt.Sprintf("holidays[%d]", i), s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.spec.Holidays = append(c.spec.Holidays, h.String())
		if h.spans != nil {
			c.repl[h.from] = append(c.repl[h.from], toSec(h.spans)...)
		}
		for d := h.from; d <= h.to; d++ {
			if h.spans == nil {
				c.closed[d] = true
			}
			specialDays = append(specialDays, d)
		}
	}
	for d := range c.repl {
		delete(c.closed, d) // a replacement beats a closure of the same date
	}
	for i, s := range spec.Scheduled {
		h, err := parseScheduled(fmt.Sprintf("scheduled[%d]", i), s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.spec.Scheduled = append(c.spec.Scheduled, h.String())
		c.sched[h.from] = append(c.sched[h.from], toSec(h.spans)...)
		specialDays = append(specialDays, h.from)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// The template week.
	var weekWork int64
	for w := time.Sunday; w <= time.Saturday; w++ {
		d := int64(3) + int64(w) // 1970-01-04 was a Sunday
		v := c.wallDay(d, true)
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
		return nil, fmt.Errorf("sla: calendar %s: the weekly hours minus quiet hours leave %v of working time, less than the %v a week needs: %w",
			spec.TimeZone, time.Duration(weekWork)*time.Second, time.Duration(minWeekWork)*time.Second, ErrInvalid)
	}
	for m := range c.pre {
		for i := 0; i < 14; i++ {
			c.pre[m][i+1] = c.pre[m][i] + c.tmpl[i%7].val[m]
		}
	}
	if err := c.buildIrregular(specialDays); err != nil {
		return nil, err
	}
	return c, nil
}

// addRules parses hours or quiet rules into week and returns their
// canonical forms with errs extended by any parse errors.
func addRules(week *[7][]span, field string, rules []string, errs []error) ([]string, []error) {
	var canon []string
	for i, s := range rules {
		r, err := parseRule(fmt.Sprintf("%s[%d]", field, i), s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		canon = append(canon, r.String())
		for w := time.Sunday; w <= time.Saturday; w++ {
			week[w] = append(week[w], toSec(r.spansOn(w))...)
		}
	}
	return canon, errs
}

func checkPieces(where string, v dayView) error {
	if len(v.work) > maxPieces || len(v.contact) > maxPieces {
		return fmt.Errorf("sla: %s: more than %d separate intervals in one day: %w", where, maxPieces, ErrInvalid)
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

// UnmarshalJSON decodes a spec (rejecting unknown fields) and builds the
// calendar into c, overwriting it. Decode into a new Calendar: a Calendar that
// other goroutines are using must not be the receiver.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	s, err := ParseCalendarSpec(data)
	if err != nil {
		return err
	}
	n, err := NewCalendar(s)
	if err != nil {
		return err
	}
	*c = *n
	return nil
}

func (c *Calendar) hoursOf(x int64, regular bool) []span {
	if !regular {
		if r, ok := c.repl[x]; ok {
			return r
		}
		if c.closed[x] {
			return nil
		}
	}
	return c.hours[weekdayOf(x)]
}

// wallDay computes the pieces of day d in wall-clock seconds from the rules.
// With regular set it ignores holidays, scheduled time and DST (the template
// week).
//
//	quiet Q   = (quiet rules ∪ closed dates) − scheduled windows, where a closed
//	            date does not cover the tail of a shift begun the evening before
//	W(x)      = (hours(x) − Q) ∪ scheduled windows starting on x
//	work(d)   = W(d) − W(d−1) − W(d−2)   (an overlap belongs to the earlier date)
//	contact(d)= [0, 24h) − Q
//
// Before any of this, every interval's ends that fall in a DST gap move forward
// by the gap, as the real instants do, and only then are a day's intervals
// merged; after that, the wall-clock ends are existing times, in the order of
// the instants they stand for, so the set arithmetic here is the set
// arithmetic of real time.
func (c *Calendar) wallDay(d int64, regular bool) dayView {
	var gaps []span
	if !regular {
		gaps = c.gapsNear(d)
	}
	g := func(s []span) []span { return normalize(applyGaps(s, gaps)) }
	var qr []span
	for k := int64(-2); k <= 2; k++ {
		qr = append(qr, shift(c.quiet[weekdayOf(d+k)], int32(k*secPerDay))...)
	}
	qr = g(qr)
	q := qr
	// The hours and scheduled windows of dates d−2, d−1 and d after the gap
	// rule, each under the date on which it starts: an interval whose start a
	// gap moves past midnight (all of Samoa's 2011-12-30) starts, and belongs
	// to, the next date. So a date's pieces never lie before an earlier date's.
	var hrs, sched [3][]span
	for k := int64(-3); k <= 0; k++ {
		off := int32(k * secPerDay)
		attribute(&hrs, applyGaps(shift(c.hoursOf(d+k, regular), off), gaps))
		if !regular {
			attribute(&sched, applyGaps(shift(c.sched[d+k], off), gaps))
		}
	}
	if !regular {
		for k := int64(0); k <= 1; k++ {
			x := d + k
			if !c.closed[x] {
				continue
			}
			cq := g([]span{{int32(k * secPerDay), int32((k + 1) * secPerDay)}})
			tail := subtract(g(shift(c.hoursOf(x-1, false), int32((k-1)*secPerDay))), qr)
			q = union(q, subtract(cq, tail))
		}
		var all []span
		for k := int64(-3); k <= 1; k++ {
			all = append(all, applyGaps(shift(c.sched[d+k], int32(k*secPerDay)), gaps)...)
		}
		q = subtract(q, normalize(all))
	}
	wOf := func(k int64) []span {
		return union(subtract(normalize(hrs[k+2]), q), normalize(sched[k+2]))
	}
	work := subtract(wOf(0), wOf(-1))
	if len(gaps) > 0 {
		// A gap of a whole day (Samoa, 2011-12-30) can carry the day before
		// yesterday's shift into today.
		work = subtract(work, wOf(-2))
	}
	return dayView{
		work:    work,
		contact: subtract(g([]span{{0, secPerDay}}), q),
	}
}

// attribute adds each span of s (seconds since day d's midnight, after the gap
// rule) to to[j+2], j being the day relative to d on which it starts, for j in
// −2..0.
func attribute(to *[3][]span, s []span) {
	for _, x := range s {
		j := int64(x.lo) / secPerDay
		if x.lo < 0 && int64(x.lo)%secPerDay != 0 {
			j--
		}
		if j >= -2 && j <= 0 {
			to[j+2] = append(to[j+2], x)
		}
	}
}

// gapsNear returns the stretches of wall-clock time that do not exist within
// three days of day d, in seconds since d's wall-clock midnight.
func (c *Calendar) gapsNear(d int64) []span {
	const slack = 15 * 3600 // more than any UTC offset
	from, to := (d-3)*secPerDay-slack, (d+4)*secPerDay+slack
	var trs []transition
	if c.trans != nil && d-3 > c.hzLo && d+4 < c.hzHi {
		// Within the horizon the list built with the calendar is complete.
		at := func(t transition, u int64) int { return cmp.Compare(t.at, u) }
		i, _ := slices.BinarySearchFunc(c.trans, from, at)
		j, _ := slices.BinarySearchFunc(c.trans, to, at)
		trs = c.trans[i:j]
	} else {
		trs = transitions(c.loc, from, to)
	}
	var out []span
	for _, tr := range trs {
		if tr.after > tr.before {
			base := d * secPerDay
			out = append(out, span{int32(tr.at + tr.before - base), int32(tr.at + tr.after - base)})
		}
	}
	return out
}

// applyGaps moves each end of each span that falls in a gap forward by the
// gap, dropping spans that become empty. Spans come back unsorted.
func applyGaps(s []span, gaps []span) []span {
	if len(gaps) == 0 {
		return s
	}
	move := func(m int32) int32 {
		for _, g := range gaps {
			if m >= g.lo && m < g.hi {
				return m + (g.hi - g.lo)
			}
		}
		return m
	}
	out := make([]span, 0, len(s))
	for _, x := range s {
		if a, b := move(x.lo), move(x.hi); a < b {
			out = append(out, span{a, b})
		}
	}
	return out
}

// boundaryInGap reports whether a DST gap near day d swallows an end of any
// rule interval that day d's pieces depend on, or a midnight: then the
// template's pieces are not day d's.
func (c *Calendar) boundaryInGap(d int64) bool {
	gaps := c.gapsNear(d)
	if len(gaps) == 0 {
		return false
	}
	in := func(m int32) bool {
		for _, g := range gaps {
			if m >= g.lo && m < g.hi {
				return true
			}
		}
		return false
	}
	for k := int64(-2); k <= 2; k++ {
		off := int32(k * secPerDay)
		if in(off) {
			return true
		}
		w := weekdayOf(d + k)
		for _, list := range [2][]span{c.hours[w], c.quiet[w]} {
			for _, x := range list {
				if in(x.lo+off) || in(x.hi+off) {
					return true
				}
			}
		}
	}
	return false
}

// buildIrregular finds the days within the horizon that differ from the
// template week: the days around each special date and around each DST
// transition. It stores their pieces and values, with prefix sums of their
// differences from the template.
func (c *Calendar) buildIrregular(specialDays []int64) error {
	c.hzLo, c.hzHi = horizonLo, horizonHi
	// Candidates: the days around each special date, whose pieces come from the
	// rules, and the days around each transition, whose pieces are the template's
	// but whose real lengths may differ.
	cand := make(map[int64]bool, 3*len(specialDays)+3*2*int(c.hzHi-c.hzLo)/365)
	mark := func(x int64) {
		for k := int64(-1); k <= 1; k++ {
			if _, ok := cand[x+k]; !ok {
				cand[x+k] = false
			}
		}
	}
	for _, x := range specialDays {
		for k := int64(-1); k <= 1; k++ {
			cand[x+k] = true
		}
	}
	// Days around special dates outside the horizon keep their wall pieces in a
	// map; their real values are computed when the clock walks past them.
	c.far = map[int64]*dayView{}
	for d, special := range cand {
		if special && !c.inHorizon(d) {
			v := c.wallDay(d, false)
			if err := checkPieces(formatDate(d), v); err != nil {
				return err
			}
			c.far[d] = &v
			c.farDays = append(c.farDays, d)
		}
	}
	slices.Sort(c.farDays)
	r := resolver{loc: c.loc}
	// A transition changes the days around it, so look two days past each edge.
	c.trans = transitions(c.loc, r.instant((c.hzLo-2)*secPerDay), r.instant((c.hzHi+2)*secPerDay))
	r = c.newResolver()
	for _, tr := range c.trans {
		before, _ := wallOf(time.Unix(tr.at-1, 0), c.loc)
		after, _ := wallOf(time.Unix(tr.at, 0), c.loc)
		mark(before)
		mark(after)
	}
	days := make([]int64, 0, len(cand))
	for d := range cand {
		if d >= c.hzLo && d < c.hzHi {
			days = append(days, d)
		}
	}
	slices.Sort(days)
	c.irr = make([]irregular, len(days))
	for i, d := range days {
		v := c.tmpl[weekdayOf(d)]
		if cand[d] || c.boundaryInGap(d) {
			v = c.wallDay(d, false)
			if err := checkPieces(formatDate(d), v); err != nil {
				return err
			}
		}
		c.irr[i] = irregular{day: d, view: v}
	}
	// Values need the real instants, which may depend on the day before.
	for i := range c.irr {
		c.irr[i].view.val = c.realValues(&r, c.irr[i].day)
	}
	kept := c.irr[:0]
	for _, x := range c.irr {
		t := c.tmpl[weekdayOf(x.day)]
		if x.view.val == t.val && slices.Equal(x.view.work, t.work) && slices.Equal(x.view.contact, t.contact) {
			continue
		}
		kept = append(kept, x)
	}
	c.irr = slices.Clip(kept)
	var acc [3]int64
	for i := range c.irr {
		c.irr[i].cum = acc
		t := c.tmpl[weekdayOf(c.irr[i].day)]
		for m := range acc {
			acc[m] += c.irr[i].view.val[m] - t.val[m]
		}
	}
	c.tot = acc
	return nil
}

// view returns the wall-clock pieces of day d. Outside the horizon its values
// are the template's and must not be used (see value).
func (c *Calendar) view(d int64) *dayView {
	if d >= c.hzLo && d < c.hzHi {
		if i, ok := c.irrIndex(d); ok {
			return &c.irr[i].view
		}
	} else if v, ok := c.far[d]; ok {
		return v
	}
	return &c.tmpl[weekdayOf(d)]
}

// irrIndex returns the index of the first irregular day not before d and whether
// it is d.
func (c *Calendar) irrIndex(d int64) (int, bool) {
	lo, hi := 0, len(c.irr)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c.irr[mid].day < d {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(c.irr) && c.irr[lo].day == d
}

// newResolver returns a resolver for the calendar's zone that knows its offset
// changes within the horizon.
func (c *Calendar) newResolver() resolver { return resolver{loc: c.loc, trans: c.trans} }

// inHorizon reports whether day d's values are precomputed (stored or template).
func (c *Calendar) inHorizon(d int64) bool { return d >= c.hzLo && d < c.hzHi }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
