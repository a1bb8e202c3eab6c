package pricing

import (
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/quantity"
)

// MaxDurationMonths bounds a [Duration] in months (100 years); days are
// bounded to the same span, [MaxDurationDays].
const (
	MaxDurationMonths = 1200
	MaxDurationDays   = MaxDurationMonths * 365 / 12 // 36,500
)

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

// durationUnits is the grammar of [ParseDuration], in the order of
// unitDays, unitMonths.
var durationUnits = []quantity.Unit{
	{One: "day", Many: "days", Short: []string{"d"}},
	{One: "month", Many: "months", Short: []string{"mo"}},
}

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
// 1..[MaxDurationDays]; parse user input with [ParseDuration].
func Days(n int) Duration {
	if n < 1 || n > MaxDurationDays {
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
// for the zero Duration. [ParseDuration] reads it back.
func (d Duration) String() string {
	switch d.unit {
	case unitDays:
		return durationUnits[0].Format(int64(d.n))
	case unitMonths:
		return durationUnits[1].Format(int64(d.n))
	case unitPerpetual:
		return "perpetual"
	}
	return ""
}

// ParseDuration parses a count and a unit, or "perpetual", with the module's
// one grammar for quantities (the same as sla.ParseWindow): case-insensitive,
// singular or plural, with or without a space, short forms "d" and "mo",
// leading zeros allowed: "3 months", "3 Months", "1 month", "1 months",
// "90 days", "90d", "6mo", "Perpetual". A count of zero, a sign, or a count
// beyond [MaxDurationMonths] months or [MaxDurationDays] days is a
// *[ParseError] wrapping [ErrInvalid].
func ParseDuration(s string) (Duration, error) {
	if strings.EqualFold(strings.TrimSpace(s), "perpetual") {
		return Perpetual(), nil
	}
	n, unit, qerr := quantity.Parse(s, durationUnits, MaxDurationDays)
	if qerr != nil {
		reason := qerr.Reason
		if strings.HasPrefix(reason, "empty") {
			reason = `empty: want "<n> months", "<n> days" or "perpetual"`
		} else if strings.HasPrefix(reason, "want a count before the unit") {
			reason += `; or "perpetual"`
		}
		return Duration{}, problem.NewParseError(pkg, ParseError{What: "duration", Input: s, Token: qerr.Token, Reason: reason})
	}
	u := unitDays
	if unit == 1 {
		u = unitMonths
		if n > MaxDurationMonths {
			return Duration{}, parseError("duration", s, strconv.FormatInt(n, 10), "count larger than "+strconv.Itoa(MaxDurationMonths)+" months: "+strconv.FormatInt(n, 10))
		}
	}
	if n == 0 {
		return Duration{}, parseError("duration", s, "0", "zero-length duration: want at least 1 "+durationUnits[unit].One)
	}
	return Duration{n: int32(n), unit: u}, nil
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
