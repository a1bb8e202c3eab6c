package pricing

import (
	"strconv"

	"github.com/creatorops/creatorops/internal/problem"

	"github.com/shopspring/decimal"
)

// RoundingMode names how an amount is rounded to a number of digits. The
// zero value is [HalfUp], the default of quotes and rate cards. Its text form
// (String, MarshalText) is the snake_case name: "half_up", "half_even",
// "down", "up", "floor", "ceil".
type RoundingMode int

const (
	// HalfUp rounds to the nearest value, halves away from zero: 2.345 →
	// 2.35, -2.345 → -2.35. The commercial rounding most invoices use.
	HalfUp RoundingMode = iota
	// HalfEven rounds to the nearest value, halves to the even digit
	// (banker's rounding): 2.345 → 2.34, 2.355 → 2.36.
	HalfEven
	// Down rounds toward zero (truncates): 2.349 → 2.34, -2.349 → -2.34.
	Down
	// Up rounds away from zero: 2.341 → 2.35, -2.341 → -2.35.
	Up
	// Floor rounds toward negative infinity: -2.341 → -2.35.
	Floor
	// Ceil rounds toward positive infinity: 2.341 → 2.35, -2.349 → -2.34.
	Ceil
)

var roundingNames = [...]string{"half_up", "half_even", "down", "up", "floor", "ceil"}

// String returns the mode's name, or "RoundingMode(n)" for a value that is
// not one of the constants.
func (r RoundingMode) String() string {
	if r.valid() {
		return roundingNames[r]
	}
	return "RoundingMode(" + strconv.Itoa(int(r)) + ")"
}

func (r RoundingMode) valid() bool { return r >= 0 && int(r) < len(roundingNames) }

// ParseRoundingMode parses a mode's name, as String returns it ("half_up").
// Names are exact: "HALF_UP" is a *[ParseError] wrapping [ErrInvalid].
func ParseRoundingMode(s string) (RoundingMode, error) {
	for i, n := range roundingNames {
		if s == n {
			return RoundingMode(i), nil
		}
	}
	return 0, parseError("rounding mode", s, s, `want one of "half_up", "half_even", "down", "up", "floor", "ceil"`)
}

// MarshalText implements [encoding.TextMarshaler]. A mode that is not one of
// the constants is an error.
func (r RoundingMode) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, problem.NewFieldError(pkg, "", CodeOutOfRange, "marshal rounding mode: "+r.String()+" is not one of the constants")
	}
	return []byte(roundingNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. Empty text gives
// [HalfUp], the zero value.
func (r *RoundingMode) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = HalfUp
		return nil
	}
	m, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*r = m
	return nil
}

// round rounds d to places digits. It panics on a mode that is not one of
// the constants: a programmer error, as text input is checked on parsing.
func (r RoundingMode) round(d decimal.Decimal, places int32) decimal.Decimal {
	switch r {
	case HalfUp:
		return d.Round(places)
	case HalfEven:
		return d.RoundBank(places)
	case Down:
		return d.RoundDown(places)
	case Up:
		return d.RoundUp(places)
	case Floor:
		return d.RoundFloor(places)
	case Ceil:
		return d.RoundCeil(places)
	}
	panic("pricing: invalid " + r.String())
}
