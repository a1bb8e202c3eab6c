package sla_test

// An independent reference model of the clock, written from DESIGN.md ("sla:
// the clock" and its fine print) alone. It shares nothing with the package's
// internals: it builds its own rules from the same random parameters that are
// printed into the spec strings, resolves wall times to instants itself, and
// decides minute by minute, over a window of a few weeks, what is working time,
// what is quiet time and to which date each working minute belongs. Every
// comparison goes through the exported API only.
//
// Readings of DESIGN.md where the text leaves a choice (each noted where used):
//
//   - Attribution: a working minute belongs to the earliest date whose hours
//     interval (after replacements and closures) or scheduled interval covers
//     it. A working day is a date to which at least one working minute belongs,
//     so the morning tail of an overnight shift does not make its own date a
//     working day.
//   - The tail of an overnight shift excepted from a closed date is the part of
//     the previous date's hours interval (with that date's replacement, if any)
//     that runs into the closed date; quiet rules still apply to it.
//   - A replacement interval whose end is at or before its start runs past
//     midnight, like an hours rule (the parser accepts it), and belongs to the
//     replaced date.

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // every zone of mZones must load: a missing one must never skip a comparison

	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// ---- civil dates and wall-time resolution --------------------------------

// A civil date is a day number: days since 1970-01-01.
func mDay(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func mDate(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

func mWeekday(day int) time.Weekday { return mDate(day).Weekday() }

func mOffset(loc *time.Location, unix int64) int {
	_, off := time.Unix(unix, 0).In(loc).Zone()
	return off
}

// mResolve maps the wall time min minutes after the local midnight of day
// (min may reach into later days) to a real instant, per DESIGN.md: a wall
// time that does not exist moves forward by the gap; one that occurs twice is
// the later one.
func mResolve(loc *time.Location, day, min int) int64 {
	u := int64(day)*86400 + int64(min)*60 // the wall time read as if UTC
	cands := []int{mOffset(loc, u-86400), mOffset(loc, u), mOffset(loc, u+86400)}
	best, ok := int64(0), false
	for _, o := range cands {
		i := u - int64(o)
		if mOffset(loc, i) == o && (!ok || i > best) {
			best, ok = i, true
		}
	}
	if ok {
		return best
	}
	// In a gap: read the wall time with the offset in force before the jump,
	// which lands the gap's length later on the far side.
	before, after := cands[0], cands[2]
	if before >= after {
		panic(fmt.Sprintf("model: no resolution for %v min %d in %v", mDate(day), min, loc))
	}
	return u - int64(before)
}

// ---- rules ----------------------------------------------------------------

type mIval struct{ a, b int } // wall minutes from the date's midnight, a < b ≤ a+1440

type mRule struct {
	days  [7]bool // by time.Weekday
	ivals []mIval // nil: the whole day
}

func (r mRule) on(wd time.Weekday) []mIval {
	if !r.days[wd] {
		return nil
	}
	if r.ivals == nil {
		return []mIval{{0, 1440}}
	}
	return r.ivals
}

type mSpec struct {
	loc    *time.Location
	hours  []mRule
	quiet  []mRule
	closed map[int]bool
	repl   map[int][]mIval
	sched  map[int][]mIval
	spec   sla.CalendarSpec
}

// hoursOf is the date's hours intervals: its replacement if it has one, none if
// it is closed, else the weekly rules.
func (s *mSpec) hoursOf(day int) []mIval {
	if r, ok := s.repl[day]; ok {
		return r
	}
	if s.closed[day] {
		return nil
	}
	var out []mIval
	for _, r := range s.hours {
		out = append(out, r.on(mWeekday(day))...)
	}
	return out
}

func (s *mSpec) quietOf(day int) []mIval {
	var out []mIval
	for _, r := range s.quiet {
		out = append(out, r.on(mWeekday(day))...)
	}
	return out
}

// ---- the model: minute bitmaps over dates [d0, d1] -------------------------

type model struct {
	s      *mSpec
	d0, d1 int
	w0     int64 // the instant of d0's local midnight
	n      int   // minutes in the window
	work   []bool
	quiet  []bool
	owner  []int // date of each working minute, -1 otherwise
	cnt    map[int]int
	first  map[int]int
	last   map[int]int
}

func (m *model) idx(unix int64) int { return int((unix - m.w0) / 60) }

func (m *model) at(i int) time.Time { return time.Unix(m.w0+int64(i)*60, 0).In(m.s.loc) }

// span maps a date's interval to minute indices, clipped to the window.
func (m *model) span(day int, iv mIval) (int, int) {
	a := m.idx(mResolve(m.s.loc, day, iv.a))
	b := m.idx(mResolve(m.s.loc, day, iv.b))
	return max(a, 0), min(b, m.n)
}

func newModel(s *mSpec, d0, d1 int) *model {
	m := &model{s: s, d0: d0, d1: d1}
	m.w0 = mResolve(s.loc, d0, 0)
	m.n = m.idx(mResolve(s.loc, d1+1, 0))
	H := make([]bool, m.n)
	R := make([]bool, m.n)
	C := make([]bool, m.n)
	S := make([]bool, m.n)
	m.owner = make([]int, m.n)
	for i := range m.owner {
		m.owner[i] = -1
	}
	claim := func(day, a, b int) { // earliest date wins: days run in order
		for i := a; i < b; i++ {
			if m.owner[i] < 0 {
				m.owner[i] = day
			}
		}
	}
	for day := d0 - 1; day <= d1; day++ {
		for _, iv := range s.hoursOf(day) {
			a, b := m.span(day, iv)
			for i := a; i < b; i++ {
				H[i] = true
			}
			claim(day, a, b)
		}
		for _, iv := range s.sched[day] {
			a, b := m.span(day, iv)
			for i := a; i < b; i++ {
				S[i] = true
			}
			claim(day, a, b)
		}
		for _, iv := range s.quietOf(day) {
			a, b := m.span(day, iv)
			for i := a; i < b; i++ {
				R[i] = true
			}
		}
		if _, r := s.repl[day]; s.closed[day] && !r {
			// A fully closed date is quiet, except for the tail of the
			// previous date's overnight shift.
			a, b := m.span(day, mIval{0, 1440})
			mask := make([]bool, max(b-a, 0))
			for i := range mask {
				mask[i] = true
			}
			for _, iv := range s.hoursOf(day - 1) {
				ta, tb := m.span(day-1, iv)
				for i := max(ta, a); i < min(tb, b); i++ {
					mask[i-a] = false
				}
			}
			for i, q := range mask {
				if q {
					C[a+i] = true
				}
			}
		}
	}
	m.work = make([]bool, m.n)
	m.quiet = make([]bool, m.n)
	m.cnt, m.first, m.last = map[int]int{}, map[int]int{}, map[int]int{}
	for i := 0; i < m.n; i++ {
		m.quiet[i] = (R[i] || C[i]) && !S[i]
		m.work[i] = (H[i] && !m.quiet[i]) || S[i]
		if !m.work[i] {
			m.owner[i] = -1
			continue
		}
		d := m.owner[i]
		if _, ok := m.first[d]; !ok {
			m.first[d] = i
		}
		m.last[d] = i
		m.cnt[d]++
	}
	return m
}

// walk returns the end of the k-th minute (k ≥ 1) from i for which ok holds.
func (m *model) walk(i, k int, ok []bool) (int, bool) {
	for ; i < m.n; i++ {
		if ok[i] {
			if k--; k == 0 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// due is the model's deadline as a minute index, or false when the answer is
// not decided inside the window.
func (m *model) due(start time.Time, unit string, n int) (int, bool) {
	i := m.idx(start.Unix())
	switch unit {
	case "bh":
		return m.walk(i, n*60, m.work)
	case "h":
		return m.walk(i, n*60, notSlice(m.quiet))
	case "d":
		lt := start.In(m.s.loc)
		day := mDay(lt.Year(), lt.Month(), lt.Day()) + n
		j := m.idx(mResolve(m.s.loc, day, lt.Hour()*60+lt.Minute()))
		for ; j < m.n && m.quiet[j]; j++ {
		}
		return j, j < m.n
	case "bd":
		for ; i < m.n && !m.work[i]; i++ {
		}
		if i >= m.n {
			return 0, false
		}
		d := m.owner[i]
		o := 0
		for j := m.first[d]; j < i; j++ {
			if m.owner[j] == d {
				o++
			}
		}
		// the k-th working day after d (k = 0: d itself)
		nth := func(k int) (int, bool) {
			for day := d; day <= m.d1-2; day++ {
				if m.cnt[day] > 0 {
					if k == 0 {
						return day, true
					}
					k--
				}
			}
			return 0, false
		}
		if o == 0 {
			D, ok := nth(n - 1)
			return m.last[D] + 1, ok
		}
		D, ok := nth(n)
		if !ok {
			return 0, false
		}
		if o >= m.cnt[D] {
			return m.last[D] + 1, true
		}
		for j := m.first[D]; ; j++ {
			if m.owner[j] == D {
				if o--; o == 0 {
					return j + 1, true
				}
			}
		}
	}
	panic(unit)
}

func notSlice(b []bool) []bool {
	out := make([]bool, len(b))
	for i, v := range b {
		out[i] = !v
	}
	return out
}

// ---- random specs -----------------------------------------------------------

var (
	mZones     = []string{"America/New_York", "Europe/London", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "Africa/Cairo"}
	mShort     = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	mLong      = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	mHotTimes  = []int{0, 30, 60, 90, 120, 150, 180, 210, 1320, 1350, 1380, 1410, 1440}
	mWorkTimes = []int{420, 480, 510, 540, 600, 720, 780, 1020, 1080, 1140, 1200}
)

func mDayName(r *rand.Rand, wd int) string {
	s := mShort[wd]
	if r.Intn(5) == 0 {
		s = mLong[wd]
	}
	if r.Intn(6) == 0 {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func mClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

func mTime(r *rand.Rand) int {
	switch r.Intn(3) {
	case 0:
		return mHotTimes[r.Intn(len(mHotTimes))]
	case 1:
		return mWorkTimes[r.Intn(len(mWorkTimes))]
	}
	return 30 * r.Intn(49)
}

// mIvals returns k random intervals and their text. Starts are below 24:00;
// an end at or before the start runs into the next day.
func mIvals(r *rand.Rand, k int) ([]mIval, string) {
	var ivs []mIval
	var txt []string
	for len(ivs) < k {
		a, e := mTime(r)%1440, mTime(r)
		if e%1440 == a%1440 && !(a == 0 && e == 1440) {
			continue
		}
		b := e
		if e <= a {
			b = e + 1440
		}
		ivs = append(ivs, mIval{a, b})
		txt = append(txt, mClock(a)+"-"+mClock(e))
	}
	return ivs, strings.Join(txt, ", ")
}

func mGenRule(r *rand.Rand, whole int) (mRule, string) {
	var rule mRule
	var days string
	switch r.Intn(6) {
	case 0:
		days = "daily"
		if r.Intn(4) == 0 {
			days = "Daily"
		}
		for i := range rule.days {
			rule.days[i] = true
		}
	case 1, 2: // a range, possibly wrapping
		a, b := r.Intn(7), r.Intn(7)
		if r.Intn(2) == 0 {
			a, b = 1, 5
		}
		for i := a; ; i = (i + 1) % 7 {
			rule.days[i] = true
			if i == b {
				break
			}
		}
		days = mDayName(r, a) + "-" + mDayName(r, b)
	case 3, 4: // a list
		var names []string
		for len(names) == 0 {
			for i := 0; i < 7; i++ {
				if r.Intn(3) == 0 {
					rule.days[i] = true
					names = append(names, mDayName(r, i))
				}
			}
		}
		days = strings.Join(names, ",")
	default:
		i := r.Intn(7)
		rule.days[i] = true
		days = mDayName(r, i)
	}
	if r.Intn(whole) == 0 {
		return rule, days
	}
	ivs, txt := mIvals(r, 1+r.Intn(2))
	rule.ivals = ivs
	return rule, days + " " + txt
}

// mTransitions returns the dates (in loc) of 2026's offset changes.
func mTransitions(loc *time.Location) []int {
	var out []int
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	end := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	prev := mOffset(loc, t)
	for ; t < end; t += 1800 {
		if o := mOffset(loc, t); o != prev {
			lt := time.Unix(t, 0).In(loc)
			out = append(out, mDay(lt.Year(), lt.Month(), lt.Day()))
			prev = o
		}
	}
	return out
}

type mCase struct {
	s     *mSpec
	cal   *sla.Calendar
	start time.Time
	sd    int // start's local date
}

func mGenCase(r *rand.Rand, locs map[string]*time.Location, trans map[string][]int) (mCase, bool) {
	zone := mZones[r.Intn(len(mZones))]
	loc := locs[zone]
	s := &mSpec{loc: loc, closed: map[int]bool{}, repl: map[int][]mIval{}, sched: map[int][]mIval{}}
	s.spec.TimeZone = zone

	// the start's date: near a DST change, or anywhere in 2026
	jan1 := mDay(2026, 1, 1)
	sd := jan1 + r.Intn(365)
	if tr := trans[zone]; len(tr) > 0 && r.Intn(5) < 3 {
		sd = tr[r.Intn(len(tr))] + r.Intn(7) - 3
	}

	// hours
	switch r.Intn(4) {
	case 0: // the default
	case 1:
		s.spec.Hours = []string{"mon-fri 09:00-17:00"}
	default:
		for k := 1 + r.Intn(3); k > 0; k-- {
			rule, txt := mGenRule(r, 8)
			s.spec.Hours = append(s.spec.Hours, txt)
			s.hours = append(s.hours, rule)
		}
	}
	if s.hours == nil {
		rule := mRule{ivals: []mIval{{540, 1020}}}
		for i := 1; i <= 5; i++ {
			rule.days[i] = true
		}
		s.hours = []mRule{rule}
	}
	// quiet
	for k := r.Intn(3); k > 0; k-- {
		var rule mRule
		var txt string
		switch r.Intn(3) {
		case 0:
			rule, txt = mRule{}, "sat-sun"
			rule.days[0], rule.days[6] = true, true
		case 1:
			ivs, t := mIvals(r, 1)
			for i := range rule.days {
				rule.days[i] = true
			}
			rule.ivals, txt = ivs, "daily "+t
		default:
			rule, txt = mGenRule(r, 3)
		}
		s.quiet = append(s.quiet, rule)
		s.spec.Quiet = append(s.spec.Quiet, txt)
	}
	// holidays near the start
	for k := r.Intn(4); k > 0; k-- {
		d := sd + r.Intn(8) - 2
		ds := mDate(d).Format("2006-01-02")
		switch r.Intn(3) {
		case 0:
			s.closed[d] = true
			s.spec.Holidays = append(s.spec.Holidays, ds)
		case 1:
			e := d + r.Intn(3)
			for x := d; x <= e; x++ {
				s.closed[x] = true
			}
			s.spec.Holidays = append(s.spec.Holidays, ds+".."+mDate(e).Format("2006-01-02"))
		default:
			ivs, t := mIvals(r, 1+r.Intn(2))
			s.repl[d] = append(s.repl[d], ivs...)
			s.spec.Holidays = append(s.spec.Holidays, ds+" "+t)
		}
	}
	// scheduled windows near the start
	for k := r.Intn(3); k > 0; k-- {
		d := sd + r.Intn(8) - 2
		ivs, t := mIvals(r, 1+r.Intn(2))
		s.sched[d] = append(s.sched[d], ivs...)
		s.spec.Scheduled = append(s.spec.Scheduled, mDate(d).Format("2006-01-02")+" "+t)
	}
	cal, err := sla.NewCalendar(s.spec)
	if err != nil {
		return mCase{}, false // e.g. a week without an hour of working time
	}
	// the start: a whole minute on sd, often at a half hour
	min := r.Intn(1440)
	if r.Intn(3) == 0 {
		min = 30 * r.Intn(48)
	}
	start := time.Unix(mResolve(loc, sd, min), 0)
	if r.Intn(2) == 0 {
		start = start.UTC() // Due answers in the calendar's location regardless
	}
	return mCase{s: s, cal: cal, start: start, sd: sd}, true
}

// ---- the comparison ---------------------------------------------------------

func TestModelAgainstDesign(t *testing.T) {
	locs := map[string]*time.Location{}
	trans := map[string][]int{}
	for _, z := range mZones {
		loc, err := time.LoadLocation(z)
		require.NoError(t, err, "time zone %s", z)
		locs[z], trans[z] = loc, mTransitions(loc)
	}
	r := rand.New(rand.NewSource(20260308))
	const cases = 400
	var compared, undecided, built int
	for built < cases {
		c, ok := mGenCase(r, locs, trans)
		if !ok {
			continue
		}
		built++
		m := newModel(c.s, c.sd-3, c.sd+24)
		specJSON, err := json.Marshal(c.s.spec)
		require.NoError(t, err)
		// fail stops the test at a mismatch. The loops below compare with plain
		// == and Equal, and call it only on a mismatch: they run millions of
		// times, and assert's message arguments would allocate every time.
		fail := func(what string, got, want any) {
			t.Helper()
			require.Failf(t, what, "spec:  %s\nstart: %s (%s)\ngot:   %v\nwant:  %v",
				specJSON, c.start.In(c.s.loc).Format(time.RFC3339), c.start.UTC().Format(time.RFC3339), got, want)
		}
		i0 := m.idx(c.start.Unix())

		// IsWorking and IsQuiet at every minute from a day before start to
		// three days after.
		for i := max(i0-1440, 0); i < min(i0+4*1440, m.n); i++ {
			at := m.at(i)
			if got := c.cal.IsWorking(at); got != m.work[i] {
				fail(fmt.Sprintf("IsWorking(%s)", at.Format(time.RFC3339)), got, m.work[i])
			}
			if got := c.cal.IsQuiet(at); got != m.quiet[i] {
				fail(fmt.Sprintf("IsQuiet(%s)", at.Format(time.RFC3339)), got, m.quiet[i])
			}
			compared += 2
		}

		// WorkingTime and ContactTime over spans of up to four days
		for k := 0; k < 4; k++ {
			a := i0
			if k > 0 {
				a = i0 + r.Intn(2*1440) - 1440
			}
			b := a + r.Intn(4*1440)
			if k == 3 {
				b = a - r.Intn(60) // empty or reversed
			}
			var w, q int
			for i := a; i < b; i++ {
				if m.work[i] {
					w++
				}
				if !m.quiet[i] {
					q++
				}
			}
			from, to := m.at(a), m.at(b)
			if got, want := c.cal.WorkingTime(from, to), time.Duration(w)*time.Minute; got != want {
				fail(fmt.Sprintf("WorkingTime(%s, %s)", from.Format(time.RFC3339), to.Format(time.RFC3339)), got, want)
			}
			if got, want := c.cal.ContactTime(from, to), time.Duration(q)*time.Minute; got != want {
				fail(fmt.Sprintf("ContactTime(%s, %s)", from.Format(time.RFC3339), to.Format(time.RFC3339)), got, want)
			}
			compared += 2
		}

		// Due in all four units
		type q struct {
			unit string
			n    int
			w    sla.Window
		}
		nbh, nh := 1+r.Intn(30), 1+r.Intn(60)
		qs := []q{{"bh", nbh, sla.BusinessHours(int64(nbh))}, {"h", nh, sla.Hours(int64(nh))}}
		for n := 1; n <= 3; n++ {
			qs = append(qs, q{"bd", n, sla.BusinessDays(int64(n))}, q{"d", n, sla.Days(int64(n))})
		}
		for _, x := range qs {
			wantI, ok := m.due(c.start, x.unit, x.n)
			if !ok {
				undecided++
				continue
			}
			want := m.at(wantI)
			got := c.cal.Due(c.start, x.w)
			if !got.Equal(want) || got.Location() != c.cal.Location() {
				fail(fmt.Sprintf("Due(start, %v)", x.w), got.Format(time.RFC3339), want.Format(time.RFC3339))
			}
			compared++
		}
	}
	t.Logf("%d calendars, %d comparisons, %d deadlines beyond the model's window", built, compared, undecided)
}
