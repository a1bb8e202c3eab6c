package pricing

import (
	"strconv"
	"strings"
)

// MaxDurationMonths bounds a [Duration] in months (100 years); days are
// bounded to the same span, 36,500 days.
const MaxDurationMonths = 1200

// Duration is how long usage rights last: a number of months, a number of
// days, or explicitly perpetual. It is a comparable value: 3 months and 90
// days are different durations, and a rate card prices each it lists.
//
// The zero Duration is invalid (a zero-length duration); [Duration.IsZero]
// reports it and rate-card validation rejects it. Its text form is
// "3 months", "1 month", "90 days", "1 day" or "perpetual".
type Duration struct {
	n    int32
	unit durationUnit
}

type durationUnit uint8

const (
	unitNone durationUnit = iota
	unitDays
	unitMonths
	unitPerpetual
)

// Months returns a duration of n months. It panics if n is not in
// 1..[MaxDurationMonths] (a programmer error, like a negative
// time.NewTicker); parse user input with [ParseDuration].
func Months(n int) Duration {
	if n < 1 || n > MaxDurationMonths {
		panic("pricing: Months(" + strconv.Itoa(n) + ") out of range")
	}
	return Duration{n: int32(n), unit: unitMonths}
}

// Days returns a duration of n days. It panics if n is not in
// 1..36500; parse user input with [ParseDuration].
func Days(n int) Duration {
	if n < 1 || n > MaxDurationMonths*365/12 {
		panic("pricing: Days(" + strconv.Itoa(n) + ") out of range")
	}
	return Duration{n: int32(n), unit: unitDays}
}

// Perpetual returns the duration without end.
func Perpetual() Duration { return Duration{unit: unitPerpetual} }

// IsZero reports whether d is the zero (invalid) Duration.
func (d Duration) IsZero() bool { return d.unit == unitNone }

// IsPerpetual reports whether d has no end.
func (d Duration) IsPerpetual() bool { return d.unit == unitPerpetual }

// Months returns the number of months of a duration in months, else 0.
func (d Duration) Months() int {
	if d.unit == unitMonths {
		return int(d.n)
	}
	return 0
}

// Days returns the number of days of a duration in days, else 0.
func (d Duration) Days() int {
	if d.unit == unitDays {
		return int(d.n)
	}
	return 0
}

// String returns the text form: "3 months", "1 day", "perpetual", or ""
// for the zero Duration.
func (d Duration) String() string {
	switch d.unit {
	case unitDays, unitMonths:
		word := " days"
		if d.unit == unitMonths {
			word = " months"
		}
		if d.n == 1 {
			word = word[:len(word)-1]
		}
		return strconv.Itoa(int(d.n)) + word
	case unitPerpetual:
		return "perpetual"
	}
	return ""
}

// ParseDuration parses "3 months", "1 month", "90 days", "1 day" or
// "perpetual" (lower case, one space). A count of zero, a negative count or
// one beyond [MaxDurationMonths] (or 36,500 days) is an error wrapping
// [ErrInvalid].
func ParseDuration(s string) (Duration, error) {
	if s == "perpetual" {
		return Perpetual(), nil
	}
	num, word, ok := strings.Cut(s, " ")
	if !ok || num == "" || len(num) > 6 {
		return Duration{}, parseErr("duration", s, `want "<n> months", "<n> days" or "perpetual"`, ErrInvalid)
	}
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return Duration{}, parseErr("duration", s, "count must be digits", ErrInvalid)
		}
	}
	n, _ := strconv.Atoi(num)
	var unit durationUnit
	limit := MaxDurationMonths
	switch word {
	case "month", "months":
		unit = unitMonths
	case "day", "days":
		unit, limit = unitDays, MaxDurationMonths*365/12
	default:
		return Duration{}, parseErr("duration", s, `unit must be "months" or "days"`, ErrInvalid)
	}
	if n == 0 {
		return Duration{}, parseErr("duration", s, "zero-length duration", ErrInvalid)
	}
	if n > limit {
		return Duration{}, parseErr("duration", s, "longer than "+strconv.Itoa(limit)+" "+word, ErrInvalid)
	}
	return Duration{n: int32(n), unit: unit}, nil
}

// MarshalText implements [encoding.TextMarshaler] with the form of String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDuration].
// Empty text gives the zero Duration.
func (d *Duration) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Duration{}
		return nil
	}
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
