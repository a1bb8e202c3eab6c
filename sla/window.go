package sla

import (
	"fmt"

	"github.com/creatorops/creatorops/internal/quantity"
)

// Window is an amount of time in one of four units: hours, days, business hours
// or business days. [Calendar.Due] turns a window that opens at an instant into a
// deadline on that calendar.
//
// Window is a small comparable value; == compares count and unit. The zero Window
// is zero hours, which [Calendar.Due] returns unchanged; use [Window.IsZero] to
// detect "no window given".
type Window struct {
	n    int64
	unit unit
}

type unit uint8

const (
	unitHours unit = iota
	unitDays
	unitBusinessHours
	unitBusinessDays
)

// MaxWindowCount is the largest count a window may hold, in any unit: 100,000
// (about 11 years of hours, or 385 years of business days).
const MaxWindowCount = 100_000

func newWindow(n int64, u unit, name string) Window {
	if n < 0 || n > MaxWindowCount {
		panic(fmt.Sprintf("sla.%s(%d): count out of range 0..%d", name, n, MaxWindowCount))
	}
	return Window{n: n, unit: u}
}

// Hours returns a window of n hours of real elapsed time that is not quiet time.
// It panics if n is negative or larger than [MaxWindowCount].
func Hours(n int64) Window { return newWindow(n, unitHours, "Hours") }

// Days returns a window of n calendar days: the same wall-clock time n days later.
// It panics if n is negative or larger than [MaxWindowCount].
func Days(n int64) Window { return newWindow(n, unitDays, "Days") }

// BusinessHours returns a window of n hours of working time.
// It panics if n is negative or larger than [MaxWindowCount].
func BusinessHours(n int64) Window { return newWindow(n, unitBusinessHours, "BusinessHours") }

// BusinessDays returns a window of n working days.
// It panics if n is negative or larger than [MaxWindowCount].
func BusinessDays(n int64) Window { return newWindow(n, unitBusinessDays, "BusinessDays") }

// Count returns the window's count in its unit.
func (w Window) Count() int64 { return w.n }

// IsZero reports whether the window's count is zero.
func (w Window) IsZero() bool { return w.n == 0 }

// IsBusiness reports whether the window counts working time (business hours or
// business days) rather than elapsed time.
func (w Window) IsBusiness() bool { return w.unit == unitBusinessHours || w.unit == unitBusinessDays }

// Add returns a window of the same unit holding the sum of both counts, and false
// if the units differ or the sum exceeds [MaxWindowCount].
func (w Window) Add(v Window) (Window, bool) {
	if w.unit != v.unit || w.n+v.n > MaxWindowCount {
		return Window{}, false
	}
	return Window{n: w.n + v.n, unit: w.unit}, true
}

// units are the window units' names, in the order of the unit constants.
var units = []quantity.Unit{
	unitHours:         {One: "hour", Many: "hours", Short: []string{"h"}},
	unitDays:          {One: "day", Many: "days", Short: []string{"d"}},
	unitBusinessHours: {One: "business hour", Many: "business hours", Short: []string{"bh"}},
	unitBusinessDays:  {One: "business day", Many: "business days", Short: []string{"bd"}},
}

// String returns the long form that [ParseWindow] reads back: "48 hours",
// "1 business day", "0 hours".
func (w Window) String() string { return units[w.unit].Format(w.n) }

// ParseWindow parses a window: a count and a unit, case-insensitive, singular or
// plural ("1 hours" is fine), with or without a space: "48h", "48 hours", "1 day",
// "7d", "8 business hours", "8bh", "2 business days", "2bd", "0 days". Counts are
// whole, non-negative and at most [MaxWindowCount]; signs ("-0 days", "+1 day")
// are rejected. This "n units" grammar is the module's one: pricing's durations
// and metrics' report windows read the same way. Errors are *[ParseError] values
// wrapping [ErrInvalid].
func ParseWindow(s string) (Window, error) {
	n, u, err := quantity.Parse(s, units, MaxWindowCount)
	if err != nil {
		return Window{}, parseErr("window", s, err.Token, err.Reason)
	}
	return Window{n: n, unit: unit(u)}, nil
}

// MustParseWindow is like [ParseWindow] but panics on error. It is for tests and
// package-level literals.
func MustParseWindow(s string) Window {
	w, err := ParseWindow(s)
	if err != nil {
		panic(err)
	}
	return w
}

// MarshalText implements [encoding.TextMarshaler] with the form of [Window.String].
func (w Window) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseWindow]. Empty
// input gives the zero Window.
func (w *Window) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*w = Window{}
		return nil
	}
	v, err := ParseWindow(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
