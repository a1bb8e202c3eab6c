package pricing

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
)

// MaxPercentDecimals is the most decimal places a [Percent] may have
// (33.33333333333333333333% is as precise as pricing needs). It keeps a
// percentage of an amount rounded to its currency's digits well within the
// range of [Money]: at most 4 + 2 + 20 decimal places.
const MaxPercentDecimals = 20

// Percent is an exact percentage: Percent 30 is 30%, a factor of 0.30. The
// zero value is 0%. It is an immutable value; use [Percent.Equal], not ==.
// Its text form is "30%" ("12.5%"); [ParsePercent] also reads "30". It has
// at most [MaxIntegerDigits] integer digits and [MaxPercentDecimals] decimal
// places, so its String always reads back.
type Percent struct {
	d decimal.Decimal
}

// NewPercent returns p percent, exactly. An amount beyond
// [MaxIntegerDigits] integer digits or [MaxPercentDecimals] decimal places is
// an error wrapping [ErrInvalid].
func NewPercent(p decimal.Decimal) (Percent, error) {
	p = canonZero(p)
	if reason := checkPercent(p); reason != "" {
		return Percent{}, problem.NewFieldError(pkg, "", CodeOutOfRange, "new percent: decimal with "+
			strconv.Itoa(p.NumDigits())+" digits and exponent "+strconv.Itoa(int(p.Exponent()))+": "+reason)
	}
	return Percent{d: p}, nil
}

func checkPercent(d decimal.Decimal) string {
	if reason := checkAmount(d); reason != "" {
		return reason
	}
	if d.Exponent() < -MaxPercentDecimals && d.Normalize().Exponent() < -MaxPercentDecimals {
		return "more than " + strconv.Itoa(MaxPercentDecimals) + " decimal places"
	}
	return ""
}

// PercentOf returns n percent (PercentOf(30) is 30%).
func PercentOf(n int64) Percent { return Percent{d: decimal.NewFromInt(n)} }

// ParsePercent parses "30%", "12.5%" or "30": digits with an optional "-"
// and ".", and an optional "%" directly after. It rejects what [ParseMoney]
// rejects in an amount (exponents, separators, NaN), and more than
// [MaxPercentDecimals] decimal places, with a *[ParseError] wrapping
// [ErrInvalid].
func ParsePercent(s string) (Percent, error) {
	num := strings.TrimSuffix(s, "%")
	if len(num) > maxMoneyText {
		return Percent{}, parseError("percent", s, "", "too long: more than "+strconv.Itoa(maxMoneyText)+" bytes")
	}
	d, tok, reason := parseAmount(num)
	if reason == "" {
		reason = checkPercent(d)
		tok = num
	}
	if reason != "" {
		return Percent{}, parseError("percent", s, tok, reason)
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
// Empty text gives the zero value, 0%; in JSON, see [Percent.UnmarshalJSON].
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

// UnmarshalJSON implements [json.Unmarshaler]: a JSON string that
// [ParsePercent] reads ("30%"). The empty string is an error with code
// [CodeRequired], not 0% (which is written "0%"): a rate card's optional
// "percent" is left out when not used, never given as "". JSON null leaves p
// unchanged.
func (p *Percent) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	var s string
	if len(b) == 0 || b[0] != '"' || json.Unmarshal(b, &s) != nil {
		return parseError("percent", string(b), "", `want a JSON string such as "30%"`)
	}
	if s == "" {
		return problem.NewFieldError(pkg, "", CodeRequired, `empty string: give a percentage such as "30%" or leave the field out`)
	}
	return p.UnmarshalText([]byte(s))
}
