// Package holidays expands a country's public holidays for a range of years
// into the holidays entries of a calendar spec (sla.CalendarSpec.Holidays):
// one closed date per line, "2027-11-25". The rules are those of
// github.com/rickar/cal/v2, with their observed dates: a holiday that falls on
// a weekend closes both its own date and the weekday it is observed on (US
// Independence Day on Saturday 2026-07-04 closes Friday 2026-07-03 too; GB
// Boxing Day on Sunday 2027-12-26 closes Tuesday 2027-12-28; a Japanese
// holiday on a Sunday closes the next day that is not a holiday).
//
// The holidays of a year are those the rules give for that year, even where
// the observed date falls in the year before (US New Year's Day 2028, a
// Saturday, is observed Friday 2027-12-31).
package holidays

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/us"
)

// The years a range may cover: the rules are written for the present (the
// Japanese equinox days are computed for 1980–2099), and a range covers at
// most MaxYears years, so an expansion stays small (about 20 dates a year).
const (
	MinYear  = 2000
	MaxYear  = 2099
	MaxYears = 20
)

// countries are the supported ISO 3166-1 alpha-2 codes and their national
// holidays (the library's standard lists; GB is England and Wales).
var countries = map[string]struct {
	name     string
	holidays []*cal.Holiday
}{
	"DE": {"Germany (national holidays)", de.Holidays},
	"FR": {"France", fr.Holidays},
	"GB": {"United Kingdom (England and Wales bank holidays)", gb.Holidays},
	"JP": {"Japan", jp.Holidays},
	"US": {"United States (federal holidays)", us.Holidays},
}

// Countries returns the supported country codes, sorted.
func Countries() []string {
	out := make([]string, 0, len(countries))
	for c := range countries {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// CountryName returns what a supported code stands for, and whether it is
// supported.
func CountryName(code string) (string, bool) {
	c, ok := countries[code]
	return c.name, ok
}

// Holiday is a closed date and what it is.
type Holiday struct {
	Year  int
	Month time.Month
	Day   int
	// Name is the holiday's name as the rules give it (in the country's
	// language for DE and FR); an observed date says "(observed)". Two
	// holidays on one date are joined with "; ".
	Name string
}

// String returns the date as a holidays entry: "2027-11-25".
func (h Holiday) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", h.Year, int(h.Month), h.Day)
}

// Error is a problem with a field of a request for holidays: Field is
// "country", "from" or "to" (or "" for the whole), Code a stable code
// (unknown_country, out_of_range, malformed, required, unknown_field,
// duplicate_key).
type Error struct {
	Field   string
	Code    string
	Message string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return "holidays: " + e.Message
	}
	return "holidays: " + e.Field + ": " + e.Message
}

// Errors is every problem of a request at once.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Codes of Error.
const (
	CodeUnknownCountry = "unknown_country"
	CodeOutOfRange     = "out_of_range"
	CodeMalformed      = "malformed"
	CodeRequired       = "required"
	CodeUnknownField   = "unknown_field"
	CodeDuplicateKey   = "duplicate_key"
)

// Check returns the problems of a request for country's holidays of the
// years from..to, as an Errors, or nil.
func Check(country string, from, to int) error {
	var errs Errors
	if _, ok := countries[country]; !ok {
		errs = append(errs, &Error{Field: "country", Code: CodeUnknownCountry,
			Message: fmt.Sprintf("unknown country %s: want one of %s", quote(country), strings.Join(Countries(), ", "))})
	}
	fromOK := from >= MinYear && from <= MaxYear
	if !fromOK {
		errs = append(errs, &Error{Field: "from", Code: CodeOutOfRange, Message: fmt.Sprintf("want a year from %d to %d, have %d", MinYear, MaxYear, from)})
	}
	switch {
	case to == from && !fromOK: // one year, reported once
	case to < MinYear || to > MaxYear:
		errs = append(errs, &Error{Field: "to", Code: CodeOutOfRange, Message: fmt.Sprintf("want a year from %d to %d, have %d", MinYear, MaxYear, to)})
	case fromOK && to < from:
		errs = append(errs, &Error{Field: "to", Code: CodeOutOfRange, Message: fmt.Sprintf("want a year at or after from (%d), have %d", from, to)})
	case fromOK && to-from+1 > MaxYears:
		errs = append(errs, &Error{Field: "to", Code: CodeOutOfRange, Message: fmt.Sprintf("want at most %d years, have %d (%d..%d)", MaxYears, to-from+1, from, to)})
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Expand returns country's public holidays of the years from..to (inclusive)
// in date order, one per closed date, with their observed dates; an Errors
// when the country is not supported or the range is outside MinYear..MaxYear
// or longer than MaxYears.
func Expand(country string, from, to int) ([]Holiday, error) {
	if err := Check(country, from, to); err != nil {
		return nil, err
	}
	type key struct {
		y int
		m time.Month
		d int
	}
	names := map[key][]string{}
	add := func(t time.Time, name string) {
		k := key{t.Year(), t.Month(), t.Day()}
		if !slices.Contains(names[k], name) {
			names[k] = append(names[k], name)
		}
	}
	for _, h := range countries[country].holidays {
		for y := from; y <= to; y++ {
			// Some of the library's rules write into the holiday they are
			// given (jp.VernalEquinoxDay): compute on a copy, so that Expand
			// is safe for concurrent use.
			actual, observed := h.Clone(nil).Calc(y)
			if actual.IsZero() {
				continue
			}
			add(actual, h.Name)
			if !sameDate(actual, observed) {
				add(observed, h.Name+" (observed)")
			}
		}
	}
	out := make([]Holiday, 0, len(names))
	for k, ns := range names {
		out = append(out, Holiday{Year: k.y, Month: k.m, Day: k.d, Name: strings.Join(ns, "; ")})
	}
	slices.SortFunc(out, func(a, b Holiday) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Day, b.Day))
	})
	return out, nil
}

// Entries returns the holidays as the entries of a calendar spec's holidays.
func Entries(hs []Holiday) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// quote quotes s for a message, cut to 16 bytes.
func quote(s string) string {
	if len(s) > 16 {
		return fmt.Sprintf("%q...", strings.ToValidUTF8(s[:16], ""))
	}
	return fmt.Sprintf("%q", s)
}
