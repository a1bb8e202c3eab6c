package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Percent is an exact percentage: Percent 30 is 30%, a factor of 0.30. The
// zero value is 0%. It is an immutable value; use [Percent.Equal], not ==.
// Its text form is "30%" ("12.5%"); [ParsePercent] also reads "30".
type Percent struct {
	d decimal.Decimal
}

// NewPercent returns p percent, exactly. It fails like [NewMoney] on an
// amount beyond [MaxIntegerDigits] or [MaxFractionDigits].
func NewPercent(p decimal.Decimal) (Percent, error) {
	if reason := checkAmount(p); reason != "" {
		return Percent{}, parseErr("percent", "decimal with exponent "+itoa(int64(p.Exponent())), reason, ErrInvalid)
	}
	return Percent{d: p}, nil
}

// PercentOf returns n percent (PercentOf(30) is 30%).
func PercentOf(n int64) Percent { return Percent{d: decimal.NewFromInt(n)} }

// ParsePercent parses "30%", "12.5%" or "30": digits with an optional "-"
// and ".", and an optional "%" directly after. It rejects what [ParseMoney]
// rejects in an amount (exponents, separators, NaN).
func ParsePercent(s string) (Percent, error) {
	num := strings.TrimSuffix(s, "%")
	if len(num) > maxMoneyText {
		return Percent{}, parseErr("percent", s, "too long", ErrInvalid)
	}
	d, reason := parseAmount(num)
	if reason != "" {
		return Percent{}, parseErr("percent", s, reason, ErrInvalid)
	}
	return Percent{d: d}, nil
}

// MustParsePercent is like [ParsePercent] but panics on error; for tests and
// literals.
func MustParsePercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// Decimal returns the percentage as a number: 30 for 30%.
func (p Percent) Decimal() decimal.Decimal { return p.d }

// Fraction returns the factor: 0.30 for 30%.
func (p Percent) Fraction() decimal.Decimal { return p.d.Shift(-2) }

// Equal reports whether p and q are the same percentage.
func (p Percent) Equal(q Percent) bool { return p.d.Equal(q.d) }

// Cmp compares p and q: -1, 0 or +1.
func (p Percent) Cmp(q Percent) int { return p.d.Cmp(q.d) }

// String returns "30%", with the digits the value has ("12.5%").
func (p Percent) String() string {
	places := int32(0)
	if p.d.Exponent() < 0 {
		if n := -p.d.Normalize().Exponent(); n > 0 {
			places = n
		}
	}
	return p.d.StringFixed(places) + "%"
}

// MarshalText implements [encoding.TextMarshaler]: "30%".
func (p Percent) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePercent].
// Empty text gives the zero value, 0%. A rate card's "percent" is optional
// (a pointer), so [DecodeRateCard] reports an empty one as missing
// ([CodeRequired]) instead of reading it as 0%, which is written "0%".
func (p *Percent) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Percent{}
		return nil
	}
	q, err := ParsePercent(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}
