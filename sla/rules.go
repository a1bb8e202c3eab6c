package sla

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// rule is a parsed hours or quiet rule: the weekdays it applies to and the
// intervals that start on each of them.
type rule struct {
	days  uint8  // bit i set: applies on time.Weekday(i)
	spans []span // seconds since midnight, in the order written; hi > 1440 runs past midnight; nil means whole days
}

var dayNames = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

var fullDayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func lookupDay(s string) (time.Weekday, bool) {
	for i := range dayNames {
		if s == dayNames[i] || s == fullDayNames[i] {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// parseDays parses "mon-fri", "sat,sun", "daily", "fri-mon", "mon,wed-fri".
func parseDays(field, input, s string) (uint8, error) {
	var days uint8
	n := strings.Count(s, ",") + 1 // items; counted, not split, as policies are read per plan
	for i, rest := 0, s; i < n; i++ {
		var item string
		item, rest, _ = strings.Cut(rest, ",")
		item = strings.TrimSpace(item)
		if item == "" {
			return 0, parseErr(field, input, ",", emptyItem(i, n, ','))
		}
		if item == "daily" {
			days = 0x7f
			continue
		}
		from, to, isRange := strings.Cut(item, "-")
		a, err := parseDay(field, input, strings.TrimSpace(from), "before")
		if err != nil {
			return 0, err
		}
		b := a
		if isRange {
			if b, err = parseDay(field, input, strings.TrimSpace(to), "after"); err != nil {
				return 0, err
			}
		}
		for d := a; ; d = (d + 1) % 7 {
			days |= 1 << d
			if d == b {
				break
			}
		}
	}
	return days, nil
}

// parseDay parses one day name of a list or range; side says where an empty name
// stands relative to its '-'.
func parseDay(field, input, s, side string) (time.Weekday, error) {
	if s == "" {
		return 0, parseErr(field, input, "-", "nothing "+side+" '-'")
	}
	d, ok := lookupDay(s)
	if !ok {
		return 0, parseErr(field, input, s, "unknown day "+strconv.Quote(s)+" (want mon..sun, a range mon-fri, a list sat,sun, or daily)")
	}
	return d, nil
}

// emptyItem names an empty item i of n in a list separated by sep.
func emptyItem(i, n int, sep byte) string {
	switch {
	case n == 1:
		return "nothing there"
	case i == n-1:
		return "nothing after '" + string(sep) + "'"
	case i == 0:
		return "nothing before '" + string(sep) + "'"
	}
	return "nothing between two '" + string(sep) + "'"
}

// formatDays prints a day set in Monday-first runs: "mon-fri", "sat-sun", "daily",
// "mon,wed-fri".
func formatDays(days uint8) string {
	if days == 0x7f {
		return "daily"
	}
	var b strings.Builder
	order := [7]time.Weekday{1, 2, 3, 4, 5, 6, 0}
	for i := 0; i < 7; {
		if days&(1<<order[i]) == 0 {
			i++
			continue
		}
		j := i
		for j+1 < 7 && days&(1<<order[j+1]) != 0 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(dayNames[order[i]])
		if j > i {
			b.WriteByte('-')
			b.WriteString(dayNames[order[j]])
		}
		i = j + 1
	}
	return b.String()
}

// parseClock parses "09:00", "9:00" or "24:00" into seconds since midnight.
func parseClock(field, input, s string) (int32, error) {
	hs, ms, ok := strings.Cut(s, ":")
	if !ok || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !digits(hs) || !digits(ms) {
		return 0, parseErr(field, input, s, "want a time HH:MM, found "+strconv.Quote(s))
	}
	h, m := atoiDigits(hs), atoiDigits(ms)
	if h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, parseErr(field, input, s, "time "+strconv.Quote(s)+" out of range 00:00-24:00")
	}
	return int32(h*3600 + m*60), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseSpans parses "09:00-12:00, 13:00-17:00". An end at or before its start runs
// to the next day.
func parseSpans(field, input, s string) ([]span, error) {
	var out []span
	items := strings.Split(s, ",")
	for i, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			return nil, parseErr(field, input, ",", emptyItem(i, len(items), ','))
		}
		a, b, ok := strings.Cut(item, "-")
		if !ok {
			return nil, parseErr(field, input, item, "want an interval HH:MM-HH:MM, found "+strconv.Quote(item))
		}
		if a, b = strings.TrimSpace(a), strings.TrimSpace(b); a == "" || b == "" {
			side := "before"
			if a != "" {
				side = "after"
			}
			return nil, parseErr(field, input, "-", "nothing "+side+" '-' in "+strconv.Quote(item))
		}
		lo, err := parseClock(field, input, a)
		if err != nil {
			return nil, err
		}
		hi, err := parseClock(field, input, b)
		if err != nil {
			return nil, err
		}
		switch {
		case lo == secPerDay:
			return nil, parseErr(field, input, item, "an interval cannot start at 24:00: "+strconv.Quote(item))
		case lo == hi:
			return nil, parseErr(field, input, item, "empty interval "+strconv.Quote(item)+" (write 00:00-24:00 for a whole day)")
		case hi < lo:
			hi += secPerDay
		}
		out = append(out, span{lo, hi})
	}
	return out, nil
}

func formatClock(sec int32) string { return string(appendClock(nil, sec)) }

// appendClock appends sec seconds since midnight as HH:MM (sec < 100 hours).
func appendClock(b []byte, sec int32) []byte {
	h, mm := sec/3600, sec%3600/60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mm/10), byte('0'+mm%10))
}

func formatSpans(s []span) string {
	b := make([]byte, 0, 13*len(s))
	for i, x := range s {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendClock(b, x.lo)
		b = append(b, '-')
		hi := x.hi
		if hi > secPerDay {
			hi -= secPerDay
		}
		b = appendClock(b, hi)
	}
	return string(b)
}

// splitTimes splits a rule at its first digit: the day or date part before, the
// times after.
func splitTimes(s string) (head, times string) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return strings.TrimSpace(s), ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
}

// parseRule parses an hours or quiet rule: "<days> [HH:MM-HH:MM[, ...]]".
func parseRule(field, input string) (rule, error) {
	s := strings.ToLower(strings.TrimSpace(input))
	if s == "" {
		return rule{}, parseErr(field, input, "", "empty rule: want days and optional times, such as \"mon-fri 09:00-17:00\"")
	}
	head, times := splitTimes(s)
	if head == "" {
		return rule{}, parseErr(field, input, "", "missing days before the times (mon-fri, sat,sun, daily)")
	}
	days, err := parseDays(field, input, head)
	if err != nil {
		return rule{}, err
	}
	r := rule{days: days}
	if times != "" {
		if r.spans, err = parseSpans(field, input, times); err != nil {
			return rule{}, err
		}
	}
	return r, nil
}

// String returns the canonical form of the rule, which parseRule reads back.
func (r rule) String() string {
	if r.spans == nil {
		return formatDays(r.days)
	}
	return formatDays(r.days) + " " + formatSpans(r.spans)
}

// wholeDay is the single span of a whole day.
var wholeDay = []span{{0, secPerDay}}

// spansOn returns the rule's spans if it applies on weekday w.
func (r rule) spansOn(w time.Weekday) []span {
	if r.days&(1<<w) == 0 {
		return nil
	}
	if r.spans == nil {
		return wholeDay
	}
	return r.spans
}

// parseDate parses "2026-12-25" into a day number.
func parseDate(field, input, s string) (int64, error) {
	if s == "" {
		return 0, parseErr(field, input, "", "missing date: want YYYY-MM-DD")
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return 0, parseErr(field, input, s, "want a date YYYY-MM-DD, found "+strconv.Quote(s))
	}
	y, m, d := atoiDigits(s[:4]), atoiDigits(s[5:7]), atoiDigits(s[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || int64(d) > monthDays(int64(y), m) {
		return 0, parseErr(field, input, s, "no such date "+strconv.Quote(s))
	}
	return daysFromCivil(int64(y), m, d), nil
}

// atoiDigits returns the value of s, which holds only a few digits.
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func formatDate(day int64) string {
	y, m, d := civilFromDays(day)
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)})
}

// maxClosedRange is the longest closed range of dates, counted inclusively.
const maxClosedRange = 366

// special is a parsed holiday or scheduled entry: the dates from..to (inclusive)
// and, for a replacement or scheduled window, the intervals on them.
type special struct {
	from, to int64
	spans    []span // nil: closed
}

// parseHoliday parses "2026-12-25", "2026-12-24..2026-12-31" or
// "2026-12-24 09:00-13:00[, ...]".
func parseHoliday(field, input string) (special, error) {
	s := strings.TrimSpace(input)
	if s == "" {
		return special{}, parseErr(field, input, "", "empty entry: want a date, a range or a date with times")
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		from, err := parseDate(field, input, strings.TrimSpace(a))
		if err != nil {
			return special{}, err
		}
		to, err := parseDate(field, input, strings.TrimSpace(b))
		if err != nil {
			return special{}, err
		}
		if to < from {
			return special{}, parseErr(field, input, strings.TrimSpace(b), "range ends before it starts")
		}
		if to-from+1 > maxClosedRange {
			return special{}, parseErr(field, input, s, fmt.Sprintf("range of %d dates is longer than %d", to-from+1, maxClosedRange))
		}
		return special{from: from, to: to}, nil
	}
	date, times, _ := strings.Cut(s, " ")
	day, err := parseDate(field, input, date)
	if err != nil {
		return special{}, err
	}
	sp := special{from: day, to: day}
	if times = strings.TrimSpace(times); times != "" {
		if sp.spans, err = parseSpans(field, input, times); err != nil {
			return special{}, err
		}
	}
	return sp, nil
}

// parseScheduled parses "2026-12-05 10:00-12:00[, ...]".
func parseScheduled(field, input string) (special, error) {
	sp, err := parseHoliday(field, input)
	if err != nil {
		return special{}, err
	}
	if sp.spans == nil {
		return special{}, parseErr(field, input, "", "a scheduled entry needs a date and times (2026-12-05 10:00-12:00)")
	}
	return sp, nil
}

// String returns the canonical form of the entry.
func (s special) String() string {
	switch {
	case s.spans != nil:
		return formatDate(s.from) + " " + formatSpans(s.spans)
	case s.to != s.from:
		return formatDate(s.from) + ".." + formatDate(s.to)
	default:
		return formatDate(s.from)
	}
}
