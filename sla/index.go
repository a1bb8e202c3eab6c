package sla

import (
	"slices"
	"sync/atomic"
	"time"
)

// The index: the days that differ from the template week (around holidays,
// scheduled windows and offset changes), with their values and running sums of
// their differences, so that the clock jumps over whole months and years.
//
// It is computed a month at a time, on first use, and published with
// CompareAndSwap: concurrent readers may compute the same month twice, but
// they compute the same value, and no lock is taken on the read path. A
// calendar's construction computes none of it.
//
// Years fall into three kinds:
//
//   - Before the zone's first change of offset, and in a zone that never
//     changes, every day is the template's except around special dates.
//   - From a year before its first change to ruleYear, a record per year
//     (dense).
//   - From ruleYear on, the zone follows its rule, which repeats with the
//     Gregorian calendar every 400 years (146,097 days, a whole number of
//     weeks): a year without special dates shares the record of its year in
//     the cycle that starts at ruleYear.
//
// Years outside the dense range that hold or touch a special date have records
// of their own (sparse).

const (
	// ruleYear is the year from which every zone's offsets follow the rule of
	// its time zone string. Today's tz data lists explicit changes up to 2087
	// (Africa/Casablanca); Go evaluates the rule past the last listed one.
	ruleYear   = 2100
	cycleYears = 400
)

// entry is a day that differs from the template, or a run of closed days.
type entry struct {
	off  int32    // the first day, from the month's first day
	n    int32    // 1, or the length of a run of closed days (view nil)
	view *dayView // nil: closed days with nothing near: no pieces, zero values
	cum  [3]int64 // Σ (value − template value) over the month's entries before this one
}

// monthIdx is the entries of one month, sorted, and their total difference
// from the template.
type monthIdx struct {
	ents  []entry
	delta [3]int64
}

type yearIdx struct {
	year     int64 // the year its days are computed for: a cycle year's base year
	specials bool  // whether special dates count (not in a shared cycle record)
	months   [12]atomic.Pointer[monthIdx]
	delta    atomic.Pointer[[3]int64] // Σ of the months' deltas, once all are known
}

type index struct {
	fixed    bool  // the zone never changes its offset
	mLo      int64 // dense records cover the years [mLo, ruleYear)
	dense    []atomic.Pointer[yearIdx]
	spYears  []int64 // years outside the dense range with special dates, sorted
	sp       []atomic.Pointer[yearIdx]
	cycle    atomic.Pointer[[cycleYears]atomic.Pointer[yearIdx]]
	affected []dayRange                                      // dates whose pieces special dates may change, merged
	zero     []dayRange                                      // runs of closed dates with nothing near: see zeroRuns
	closures atomic.Pointer[[7 << 5]atomic.Pointer[dayView]] // see closureView
	empty    dayView                                         // the view of a date in a zero run
}

// newIndex prepares the calendar's index. It costs one zone lookup and a sort
// of the special dates; it computes no day.
func (c *Calendar) newIndex() *index {
	ix := &index{mLo: ruleYear}
	// Before its first change, a zone keeps one offset.
	if _, end := time.Unix(-1<<40, 0).In(c.loc).ZoneBounds(); end.IsZero() {
		ix.fixed = true
	} else {
		ix.mLo = min(int64(end.UTC().Year())-1, ruleYear)
	}
	ix.dense = make([]atomic.Pointer[yearIdx], ruleYear-ix.mLo)

	// A special date x changes the pieces of dates x−1 to x+3 (dayPieces reads
	// the hours of the three dates before, and closures of the next).
	aff := make([]dayRange, 0, len(c.closed)+len(c.repl)+len(c.sched))
	for _, r := range c.closed {
		aff = append(aff, dayRange{r.lo - 1, r.hi + 3})
	}
	for _, es := range [2][]dayEntry{c.repl, c.sched} {
		for _, e := range es {
			aff = append(aff, dayRange{e.day - 1, e.day + 4})
		}
	}
	ix.affected = mergeRanges(aff)
	ix.zero = c.zeroRuns()
	denseLo, denseHi := daysFromCivil(ix.mLo, 1, 1), daysFromCivil(ruleYear, 1, 1)
	for _, r := range ix.affected {
		if r.lo >= denseLo && r.hi <= denseHi {
			continue
		}
		for y, last := yearOfDay(r.lo), yearOfDay(r.hi-1); y <= last; y++ {
			if y >= ix.mLo && y < ruleYear {
				y = ruleYear - 1
				continue
			}
			if n := len(ix.spYears); n == 0 || ix.spYears[n-1] < y {
				ix.spYears = append(ix.spYears, y)
			}
		}
	}
	ix.sp = make([]atomic.Pointer[yearIdx], len(ix.spYears))
	return ix
}

// zeroRuns returns the dates x such that x and the three dates before it are
// closed (not replaced) and no scheduled window starts within x−3..x+1. Such a
// date has no pieces at all, whatever the zone does: no hours start on it or
// reach into it, and the closure makes all of it quiet. The clock jumps over
// them (a spec may close every year from 1 to 9999).
func (c *Calendar) zeroRuns() []dayRange {
	var runs []dayRange
	add := func(lo, hi int64) { // closed, not replaced: [lo, hi)
		if lo+3 < hi {
			runs = append(runs, dayRange{lo + 3, hi})
		}
	}
	ri := 0
	for _, r := range c.closed {
		lo := r.lo
		for ri < len(c.repl) && c.repl[ri].day < r.lo {
			ri++
		}
		for ; ri < len(c.repl) && c.repl[ri].day < r.hi; ri++ {
			add(lo, c.repl[ri].day)
			lo = c.repl[ri].day + 1
		}
		add(lo, r.hi)
	}
	if len(runs) == 0 || len(c.sched) == 0 {
		return runs
	}
	near := make([]dayRange, len(c.sched))
	for i, e := range c.sched {
		near[i] = dayRange{e.day - 1, e.day + 4}
	}
	return subtractRanges(runs, mergeRanges(near))
}

// subtractRanges returns a minus b; both sorted and disjoint.
func subtractRanges(a, b []dayRange) []dayRange {
	var out []dayRange
	j := 0
	for _, x := range a {
		lo := x.lo
		for j < len(b) && b[j].hi <= lo {
			j++
		}
		for k := j; k < len(b) && b[k].lo < x.hi; k++ {
			if b[k].lo > lo {
				out = append(out, dayRange{lo, b[k].lo})
			}
			lo = max(lo, b[k].hi)
		}
		if lo < x.hi {
			out = append(out, dayRange{lo, x.hi})
		}
	}
	return out
}

// clipRanges returns the parts of rs (sorted, disjoint) within [lo, hi).
func clipRanges(rs []dayRange, lo, hi int64, out []dayRange) []dayRange {
	i := rangeAt(rs, lo)
	for ; i < len(rs) && rs[i].lo < hi; i++ {
		out = append(out, dayRange{max(rs[i].lo, lo), min(rs[i].hi, hi)})
	}
	return out
}

func yearOfDay(d int64) int64 {
	y, _, _ := civilFromDays(d)
	return y
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// monthDays returns the number of days of month m (1..12) of year y.
func monthDays(y int64, m int) int64 {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// yearRec returns the record of year y, or nil if all its days are the
// template's.
func (c *Calendar) yearRec(y int64) *yearIdx {
	ix := c.idx
	if len(ix.spYears) > 0 {
		if i, ok := slices.BinarySearch(ix.spYears, y); ok {
			return load(&ix.sp[i], y, true)
		}
	}
	if y >= ix.mLo && y < ruleYear {
		return load(&ix.dense[y-ix.mLo], y, true)
	}
	if y < ruleYear || ix.fixed {
		return nil
	}
	arr := ix.cycle.Load()
	if arr == nil {
		arr = new([cycleYears]atomic.Pointer[yearIdx])
		if !ix.cycle.CompareAndSwap(nil, arr) {
			arr = ix.cycle.Load()
		}
	}
	i := (y - ruleYear) % cycleYears
	return load(&arr[i], ruleYear+i, false)
}

func load(p *atomic.Pointer[yearIdx], y int64, specials bool) *yearIdx {
	if r := p.Load(); r != nil {
		return r
	}
	r := &yearIdx{year: y, specials: specials}
	if p.CompareAndSwap(nil, r) {
		return r
	}
	return p.Load()
}

// month returns month m (1..12) of record yr, computing it on first use.
func (c *Calendar) month(yr *yearIdx, m int) *monthIdx {
	p := &yr.months[m-1]
	if mi := p.Load(); mi != nil {
		return mi
	}
	mi := c.computeMonth(yr.year, m, yr.specials)
	if p.CompareAndSwap(nil, mi) {
		return mi
	}
	return p.Load()
}

// yearDelta returns Σ (value − template value) over the days of record yr.
func (c *Calendar) yearDelta(yr *yearIdx) *[3]int64 {
	if p := yr.delta.Load(); p != nil {
		return p
	}
	var s [3]int64
	for m := 1; m <= 12; m++ {
		d := c.month(yr, m).delta
		for k := range s {
			s[k] += d[k]
		}
	}
	if yr.delta.CompareAndSwap(nil, &s) {
		return &s
	}
	return yr.delta.Load()
}

// computeMonth finds the days of month m of year y that differ from the
// template: the days around each change of offset and, with specials, the
// dates that special dates change.
func (c *Calendar) computeMonth(y int64, m int, specials bool) *monthIdx {
	first := daysFromCivil(y, m, 1)
	end := first + monthDays(y, m)
	var runs, special []dayRange
	if specials {
		runs = clipRanges(c.idx.zero, first, end, nil)
		special = subtractRanges(clipRanges(c.idx.affected, first, end, nil), runs)
	}
	var days []int64
	trs := []transition{} // not nil: gapsNear reads it
	if !c.idx.fixed {
		// A change of offset changes the days around the wall dates on either
		// side of it (gaps may move rule boundaries; lengths change).
		trs = transitions(c.loc, (first-4)*secPerDay, (end+4)*secPerDay)
		for _, tr := range trs {
			before, _ := wallOf(time.Unix(tr.at-1, 0), c.loc)
			after, _ := wallOf(time.Unix(tr.at, 0), c.loc)
			for _, x := range [6]int64{before - 1, before, before + 1, after - 1, after, after + 1} {
				if x >= first && x < end && !inRanges(runs, x) {
					days = append(days, x)
				}
			}
		}
	}
	for _, r := range special {
		for x := r.lo; x < r.hi; x++ {
			days = append(days, x)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)

	var sd *dates
	if specials {
		sd = c.datesIn(first-dayReach, end+dayReachAfter)
	}
	mi := &monthIdx{}
	var views []dayView // distinct views, sized at the end
	var which, at []int // for each day entry: its view's index, its entry's index
	mi.ents = make([]entry, 0, len(days)+len(runs))
	r := c.newResolver()
	ri := 0
	addRuns := func(upTo int64) {
		for ; ri < len(runs) && runs[ri].lo < upTo; ri++ {
			mi.ents = append(mi.ents, entry{off: int32(runs[ri].lo - first), n: int32(runs[ri].hi - runs[ri].lo)})
		}
	}
	for _, x := range days {
		t := &c.tmpl[weekdayOf(x)]
		var v dayView
		switch calm := !transitionNear(trs, x); {
		case calm && inRanges(special, x) && sd.onlyClosures(x):
			v = *c.closureView(sd, x)
		case calm:
			v = c.dayPieces(x, sd, nil)
			v.val = wallValues(&v)
		default:
			v = *t
			if gaps := c.gapsNear(x, trs); inRanges(special, x) || c.boundaryInGap(x, gaps) {
				v = c.dayPieces(x, sd, gaps)
			}
			v.val = c.realValues(&r, &v, x)
		}
		if v.val == t.val && slices.Equal(v.work, t.work) && slices.Equal(v.contact, t.contact) {
			continue
		}
		addRuns(x)
		at = append(at, len(mi.ents))
		mi.ents = append(mi.ents, entry{off: int32(x - first), n: 1})
		views, which = intern(views, v, which)
	}
	addRuns(end)
	views = slices.Clip(views)
	for j, i := range at {
		mi.ents[i].view = &views[which[j]]
	}
	for i := range mi.ents {
		e := &mi.ents[i]
		e.cum = mi.delta
		lo := first + int64(e.off)
		for k := range mi.delta {
			mi.delta[k] += c.entryValue(e, k) - c.nomSum(k, lo, lo+int64(e.n))
		}
	}
	return mi
}

// transitionNear reports whether an offset change of trs lies near enough to
// day x to change its pieces or their lengths (as gapsNear looks).
func transitionNear(trs []transition, x int64) bool {
	const slack = 15 * 3600
	from, to := (x-3)*secPerDay-slack, (x+4)*secPerDay+slack
	for _, tr := range trs {
		if tr.at >= from && tr.at < to {
			return true
		}
	}
	return false
}

// wallValues returns the values of a day whose pieces no offset change
// touches: their wall-clock lengths.
func wallValues(v *dayView) [3]int64 {
	w := total(v.work)
	val := [3]int64{w, 0, total(v.contact)}
	if w > 0 {
		val[mDays] = 1
	}
	return val
}

// closureView returns the view of day x, whose pieces depend on no special
// date but closures (onlyClosures) and on no offset change: it is determined
// by x's weekday and which of x−3..x+1 are closed, and is computed once per
// calendar for each of those 224 cases.
func (c *Calendar) closureView(sd *dates, x int64) *dayView {
	key := int(weekdayOf(x))<<5 | int(sd.closed>>(x-dayReach-sd.lo)&31)
	memo := c.idx.closures.Load()
	if memo == nil {
		memo = new([7 << 5]atomic.Pointer[dayView])
		if !c.idx.closures.CompareAndSwap(nil, memo) {
			memo = c.idx.closures.Load()
		}
	}
	if v := memo[key].Load(); v != nil {
		return v
	}
	v := c.dayPieces(x, sd, nil)
	v.val = wallValues(&v)
	if memo[key].CompareAndSwap(nil, &v) {
		return &v
	}
	return memo[key].Load()
}

// intern appends to which the index in views of a view equal to v, appending
// v to views if there is none: the days of a month around its special dates
// often look alike (every closed date is empty).
func intern(views []dayView, v dayView, which []int) ([]dayView, []int) {
	for i := range views {
		if views[i].val == v.val && slices.Equal(views[i].work, v.work) && slices.Equal(views[i].contact, v.contact) {
			return views, append(which, i)
		}
	}
	return append(views, v), append(which, len(views))
}

func (c *Calendar) entryValue(e *entry, m int) int64 {
	if e.view == nil {
		return 0
	}
	return e.view.val[m]
}

// view returns the pieces and values of day d.
func (c *Calendar) view(d int64) *dayView {
	y, m, dd := civilFromDays(d)
	yr := c.yearRec(y)
	if yr == nil {
		return &c.tmpl[weekdayOf(d)]
	}
	mi := c.month(yr, m)
	off := int32(dd - 1)
	if i := entryAt(mi.ents, off); i < len(mi.ents) && mi.ents[i].off <= off {
		if v := mi.ents[i].view; v != nil {
			return v
		}
		return &c.idx.empty
	}
	return &c.tmpl[weekdayOf(d)]
}

// entryAt returns the index of the first entry that ends after day off.
func entryAt(ents []entry, off int32) int {
	lo, hi := 0, len(ents)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ents[mid].off+ents[mid].n <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// deltaBefore returns Σ (value − template value) of metric m over the days of
// month mi (whose first day is first) before day d.
func (c *Calendar) deltaBefore(mi *monthIdx, m int, first, d int64) int64 {
	i := entryAt(mi.ents, int32(d-first))
	if i == len(mi.ents) {
		return mi.delta[m]
	}
	e := &mi.ents[i]
	s := e.cum[m]
	if lo := first + int64(e.off); lo < d { // inside a run of closed days
		s -= c.nomSum(m, lo, d)
	}
	return s
}

// zeroRunEnd returns the end of the run of closed days with nothing near
// (zeroRuns) that holds day a, if one does.
func (c *Calendar) zeroRunEnd(a int64) (int64, bool) {
	z := c.idx.zero
	if len(z) == 0 {
		return 0, false
	}
	i := rangeAt(z, a)
	if i < len(z) && z[i].lo <= a {
		return z[i].hi, true
	}
	return 0, false
}

// sum returns the values of metric m summed over days [a, b), a ≤ b.
func (c *Calendar) sum(m int, a, b int64) int64 {
	s := c.nomSum(m, a, b)
	for a < b {
		if hi, ok := c.zeroRunEnd(a); ok {
			e := min(b, hi)
			s -= c.nomSum(m, a, e) // zero values
			a = e
			continue
		}
		y := yearOfDay(a)
		yFirst, yEnd := daysFromCivil(y, 1, 1), daysFromCivil(y+1, 1, 1)
		e := min(b, yEnd)
		if yr := c.yearRec(y); yr != nil {
			if a == yFirst && e == yEnd {
				s += c.yearDelta(yr)[m]
			} else {
				s += c.yearPrefix(yr, m, y, e) - c.yearPrefix(yr, m, y, a)
			}
		}
		a = e
	}
	return s
}

// yearPrefix returns Σ (value − template value) of metric m over the days of
// year y (record yr) before day x, which lies in y or is the first day after.
func (c *Calendar) yearPrefix(yr *yearIdx, m int, y, x int64) int64 {
	xy, mo, _ := civilFromDays(x)
	if xy != y {
		return c.yearDelta(yr)[m]
	}
	var s int64
	for k := 1; k < mo; k++ {
		s += c.month(yr, k).delta[m]
	}
	return s + c.deltaBefore(c.month(yr, mo), m, daysFromCivil(y, mo, 1), x)
}

// seek returns the earliest day D ≥ a at which the values of metric m summed
// over [a, D] reach need (need ≥ 1), and the sum over [a, D). It skips runs
// of closed days, whole years and months by their totals, and within a month
// binary-searches its entries, with whole weeks of template between them.
// Every week of the template has a positive value for every metric, so it
// ends.
func (c *Calendar) seek(m int, a, need int64) (day, before int64) {
	var acc int64
	for {
		if hi, ok := c.zeroRunEnd(a); ok {
			a = hi // nothing to count until the run of closed days ends
			continue
		}
		y, mo, _ := civilFromDays(a)
		yFirst, yEnd := daysFromCivil(y, 1, 1), daysFromCivil(y+1, 1, 1)
		yr := c.yearRec(y)
		if yr == nil {
			if D := c.nomFind(m, a, need-acc); D < yEnd {
				return D, acc + c.nomSum(m, a, D)
			}
			acc += c.nomSum(m, a, yEnd)
			a = yEnd
			continue
		}
		if a == yFirst {
			if t := c.nomSum(m, a, yEnd) + c.yearDelta(yr)[m]; acc+t < need {
				acc += t
				a = yEnd
				continue
			}
		}
		for mFirst := daysFromCivil(y, mo, 1); mo <= 12; mo++ {
			mEnd := mFirst + monthDays(y, mo)
			mi := c.month(yr, mo)
			if a == mFirst {
				if t := c.nomSum(m, a, mEnd) + mi.delta[m]; acc+t < need {
					acc += t
					a, mFirst = mEnd, mEnd
					continue
				}
			}
			D, got, ok := c.seekMonth(mi, m, mFirst, mEnd, a, need-acc)
			if ok {
				return D, acc + got
			}
			acc += got
			a, mFirst = mEnd, mEnd
		}
	}
}

// seekMonth is seek within month mi, [first, end), from a: the day and the sum
// before it, or false and the sum over [a, end).
func (c *Calendar) seekMonth(mi *monthIdx, m int, first, end, a, R int64) (int64, int64, bool) {
	ents := mi.ents
	i0 := entryAt(ents, int32(a-first))
	d0 := c.deltaBefore(mi, m, first, a)
	// f(k): the sum over [a, the last day of entry k] — monotone in k.
	f := func(k int) int64 {
		e := &ents[k]
		lo := first + int64(e.off)
		hi := lo + int64(e.n)
		return c.nomSum(m, a, hi) + e.cum[m] + c.entryValue(e, m) - c.nomSum(m, lo, hi) - d0
	}
	lo, hi := i0, len(ents)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if f(mid) >= R {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	k := lo
	base, cb := a, int64(0)
	if k > i0 {
		e := &ents[k-1]
		base = first + int64(e.off) + int64(e.n)
		cb = f(k - 1)
	}
	limit := end
	if k < len(ents) {
		limit = first + int64(ents[k].off)
	}
	if D := c.nomFind(m, base, R-cb); D < limit {
		return D, cb + c.nomSum(m, base, D), true
	}
	if k < len(ents) {
		// A single day: a run of closed days adds nothing, so it never
		// reaches R first.
		return limit, f(k) - c.entryValue(&ents[k], m), true
	}
	return 0, c.nomSum(m, a, end) + mi.delta[m] - d0, false
}
