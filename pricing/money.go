package pricing

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
)

// The range of Money. Every amount this package accepts ([NewMoney],
// [ParseMoney], decoding) or produces (arithmetic, rounding, allocation,
// quotes) lies in it, so that [ParseMoney] reads back every [Money.String]:
// arithmetic whose exact result would leave it returns an error wrapping
// [ErrInvalid] instead. The bounds also keep every amount printable in a
// bounded number of bytes: a string such as "1e999999999" is rejected, never
// expanded.
const (
	// MaxIntegerDigits bounds the magnitude of an amount: at most 10^40,
	// that is, at most 40 digits before the decimal point (leading zeros not
	// counted), or exactly 1 followed by 40 zeros, so that rounding a
	// 40-digit amount up stays in range.
	MaxIntegerDigits = 40
	// MaxFractionDigits is the most digits an amount may have after the
	// decimal point, trailing zeros not counted.
	MaxFractionDigits = 64
	maxMoneyText      = 1 + MaxIntegerDigits + 1 + 1 + MaxFractionDigits + 1 + 3 + 16
)

// maxAmount is 10^MaxIntegerDigits, the largest magnitude of an amount.
var maxAmount = decimal.New(1, MaxIntegerDigits)

// Money is an exact decimal amount in an ISO 4217 currency. It is an
// immutable value, safe for concurrent use and cheap to copy.
//
// # Zero value
//
// The zero Money, Money{}, is invalid, like the zero netip.Addr: [Money.IsValid]
// reports false, its Currency is "", its String is "invalid Money", it
// marshals to "" (JSON "") and to SQL NULL, and arithmetic with it reports
// an error. An amount of zero is a valid Money such as "0.00 USD"
// ([Zero]); test for it with Sign() == 0. So a struct field tagged
// `json:",omitzero"` drops only Money{}, never a price of 0.00 USD. Build
// Money with [NewMoney], [ParseMoney], [MustParseMoney] or [Zero].
//
// # Exactness and range
//
// Amounts are exact: Add, Sub and the multiplications never round; rounding
// is explicit, with [Money.Round] or [Money.RoundTo] and a [RoundingMode].
// Every Money lies within [MaxIntegerDigits] and [MaxFractionDigits];
// arithmetic that would leave that range is an error, never a Money that
// [ParseMoney] could not read back.
//
// # Display
//
// [Money.String] is the exact text, with the currency's minor digits and
// more when the amount has more: "2500.00 USD", "0.0217 USD". To show a
// fixed number of places, use [Money.StringFixed], the one display method.
//
// Use [Money.Equal], not ==: two Money values of the same amount can hold
// different decimal representations (2500 and 2500.00).
type Money struct {
	amount   decimal.Decimal
	currency string
}

// NewMoney returns amount in currency, keeping the amount exactly as given
// (2500, 2500.00 and 2500.0000 are kept as they are; see [Money.Equal]). The
// currency must be an active ISO 4217 code with minor units, upper case
// ([MinorUnits]); otherwise the error wraps [ErrUnknownCurrency] and
// [ErrInvalid]. An amount outside the range of Money ([MaxIntegerDigits],
// [MaxFractionDigits]) is an error wrapping [ErrInvalid].
func NewMoney(amount decimal.Decimal, currency string) (Money, error) {
	if perr := checkCurrency(currency); perr != nil {
		return Money{}, perr
	}
	amount = canonZero(amount)
	if reason := checkAmount(amount); reason != "" {
		// Never print the amount: it may be 1e999999999.
		return Money{}, problem.NewFieldError(pkg, "", CodeOutOfRange, "new money: amount with "+
			strconv.Itoa(amount.NumDigits())+" digits and exponent "+strconv.Itoa(int(amount.Exponent()))+": "+reason)
	}
	return Money{amount: amount, currency: currency}, nil
}

// checkAmount returns why d is outside the range of Money, or "".
func checkAmount(d decimal.Decimal) string {
	if d.Sign() == 0 {
		return ""
	}
	exp := int64(d.Exponent())
	if exp < -MaxFractionDigits {
		// Trailing zeros may hide a shorter value: 1.000…0.
		n := d.Normalize()
		exp = int64(n.Exponent())
		if exp < -MaxFractionDigits {
			return "more than " + strconv.Itoa(MaxFractionDigits) + " decimal places"
		}
		d = n
	}
	if digits := int64(d.NumDigits()) + exp; digits > MaxIntegerDigits {
		if digits > MaxIntegerDigits+1 || d.Abs().GreaterThan(maxAmount) {
			return "more than " + strconv.Itoa(MaxIntegerDigits) + " integer digits"
		}
	}
	return ""
}

// canonZero returns d, or 0 for a zero with an exponent that would make
// printing it costly (0e999999999).
func canonZero(d decimal.Decimal) decimal.Decimal {
	if d.Sign() == 0 && (d.Exponent() > 0 || d.Exponent() < -MaxFractionDigits) {
		return decimal.New(0, max(min(d.Exponent(), 0), -MaxFractionDigits))
	}
	return d
}

// Zero returns a zero amount in currency, shown with the currency's minor
// digits ("0.00 USD"). It fails like [NewMoney] on a bad code.
func Zero(currency string) (Money, error) {
	return NewMoney(decimal.Zero, currency)
}

// ParseMoney parses "<amount> <CODE>": an amount of ASCII digits with an
// optional leading "-" and an optional "." followed by digits, one space, and
// an upper-case ISO 4217 code with minor units: "2500.00 USD", "1500 JPY",
// "-0.125 KWD". The amount is kept exactly as written ("2500.0 USD" keeps
// one decimal place).
//
// It rejects, with a *[ParseError] wrapping [ErrInvalid] (and
// [ErrUnknownCurrency] for a bad code): thousands separators ("2,500.00
// USD", "2 500 USD", "2_500 USD"), exponents ("1e3 USD"), "NaN" and "Inf", a
// leading "+" or ".", a trailing ".", surrounding or doubled spaces, currency
// symbols, lower-case codes, and amounts outside the range of Money
// ([MaxIntegerDigits], [MaxFractionDigits]).
func ParseMoney(s string) (Money, error) {
	if s == "" {
		return Money{}, parseError("money", s, "", "empty: want \"<amount> <CODE>\", such as \"2500.00 USD\"")
	}
	if len(s) > maxMoneyText {
		return Money{}, parseError("money", s, "", "too long: more than "+strconv.Itoa(maxMoneyText)+" bytes")
	}
	sp := strings.IndexByte(s, ' ')
	if sp < 0 {
		return Money{}, parseError("money", s, "", `want "<amount> <CODE>", such as "2500.00 USD"`)
	}
	num, code := s[:sp], s[sp+1:]
	if perr := checkCurrency(code); perr != nil {
		if strings.IndexByte(code, ' ') >= 0 || strings.ContainsAny(num, ",_'") {
			return Money{}, parseError("money", s, " ", "thousands separators and extra spaces are not accepted")
		}
		e := problem.NewParseError(pkg, ParseError{What: "money", Input: s, Token: code, Reason: perr.Reason, Code: CodeUnknownCurrency}, unknownCurrency...)
		return Money{}, e
	}
	d, tok, reason := parseAmount(num)
	if reason != "" {
		return Money{}, parseError("money", s, tok, reason)
	}
	return Money{amount: d, currency: code}, nil
}

// parseAmount parses -?digits(.digits)? within the range of Money, or says
// why not and which part is at fault.
func parseAmount(num string) (d decimal.Decimal, token, reason string) {
	if num == "" {
		return decimal.Decimal{}, "", "missing amount"
	}
	body := num
	if body[0] == '-' {
		body = body[1:]
	}
	intDigits, fracDigits, sawDot, leading := 0, 0, false, true
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			if sawDot {
				fracDigits++
			} else if c != '0' || !leading {
				intDigits++
				leading = false
			}
		case c == '.' && !sawDot:
			if i == 0 {
				return decimal.Decimal{}, ".", "amount must start with a digit, found \".\""
			}
			sawDot = true
		case c == ',' || c == '_' || c == '\'':
			return decimal.Decimal{}, string(c), "thousands separators are not accepted"
		case c == 'e' || c == 'E':
			return decimal.Decimal{}, string(c), "exponents are not accepted"
		default:
			return decimal.Decimal{}, string(c), "amount must be digits with an optional \"-\" and \".\", found " + strconv.QuoteRune(rune(c))
		}
	}
	if body == "" {
		return decimal.Decimal{}, num, "missing digits"
	}
	if sawDot && fracDigits == 0 {
		return decimal.Decimal{}, ".", "no digits after the decimal point"
	}
	if intDigits > MaxIntegerDigits+1 {
		return decimal.Decimal{}, num, "more than " + strconv.Itoa(MaxIntegerDigits) + " integer digits"
	}
	if fracDigits > MaxFractionDigits {
		return decimal.Decimal{}, num, "more than " + strconv.Itoa(MaxFractionDigits) + " decimal places"
	}
	d, err := decimal.NewFromString(num)
	if err != nil { // unreachable after the scan above; kept as a guard
		return decimal.Decimal{}, num, "malformed amount"
	}
	if intDigits > MaxIntegerDigits {
		if reason := checkAmount(d); reason != "" {
			return decimal.Decimal{}, num, reason
		}
	}
	return d, "", ""
}

// MustParseMoney is like [ParseMoney] but panics on error. It is for tests
// and for literals in programs.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Amount returns the exact amount, as stored; zero for the zero Money.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the ISO 4217 code, "" for the zero Money.
func (m Money) Currency() string { return m.currency }

// IsValid reports whether m has a currency, that is, whether it is not the
// zero Money. A valid Money may have an amount of zero ("0.00 USD").
func (m Money) IsValid() bool { return m.currency != "" }

// minor returns the currency's minor units (0 for the zero Money).
func (m Money) minor() int32 {
	d, _ := MinorUnits(m.currency)
	return d
}

// String returns "<amount> <CODE>" with the currency's minor digits, and more
// only when the amount has more significant digits: "2500.00 USD",
// "1500 JPY", "1.500 KWD", "0.0217 USD". It never uses an exponent and never
// rounds, so [ParseMoney] reads it back to an Equal value. The zero Money is
// "invalid Money". To display a fixed number of places, use
// [Money.StringFixed].
func (m Money) String() string {
	if m.currency == "" {
		return "invalid Money"
	}
	return m.amountText() + " " + m.currency
}

// StringFixed returns m rounded with mode to exactly places digits after the
// decimal point, every place shown, and its code: "0.0150 USD" for a cost per
// view of 0.015 USD at 4 places. It is the one way to display Money at a fixed
// precision; [ParseMoney] reads the text back to m rounded to places
// ([Money.RoundTo]). A negative places rounds to tens, hundreds and so on, and
// prints no decimal point. The zero Money is "invalid Money". It panics like
// [Money.RoundTo] on a mode that is not one of the constants or places
// outside −[MaxIntegerDigits]..[MaxFractionDigits].
func (m Money) StringFixed(places int32, mode RoundingMode) string {
	checkPlaces(places)
	if m.currency == "" {
		return "invalid Money"
	}
	return mode.round(m.amount, places).StringFixed(max(places, 0)) + " " + m.currency
}

// amountText is the amount as String prints it.
func (m Money) amountText() string {
	places := m.minor()
	if exp := m.amount.Exponent(); exp < -places {
		if n := -m.amount.Normalize().Exponent(); n > places {
			places = n
		}
	}
	return m.amount.StringFixed(places)
}

// mismatch returns the error of op on m and o, whose currencies differ or
// one of which is the zero Money.
func (m Money) mismatch(op string, o Money) error {
	return problem.NewMismatchError(pkg, MismatchError{Op: op, What: "currency", A: m.String(), B: o.String(), Code: CodeCurrencyMismatch}, ErrCurrencyMismatch)
}

// inRange returns a Money of amount a in m's currency, or an error wrapping
// [ErrInvalid] when a is outside the range of Money; what describes the
// operation for the message.
func (m Money) inRange(a decimal.Decimal, what func() string) (Money, error) {
	a = canonZero(a)
	if reason := checkAmount(a); reason != "" {
		return Money{}, problem.NewFieldError(pkg, "", CodeOutOfRange, what()+": result has "+reason+", beyond the range of Money")
	}
	return Money{amount: a, currency: m.currency}, nil
}

// Add returns m + o, exactly. Different currencies (or a zero Money on
// either side) give a *[MismatchError] wrapping [ErrCurrencyMismatch]; a sum
// beyond the range of Money an error wrapping [ErrInvalid].
func (m Money) Add(o Money) (Money, error) {
	if m.currency != o.currency || m.currency == "" {
		return Money{}, m.mismatch("add", o)
	}
	return m.inRange(m.amount.Add(o.amount), func() string { return "add " + strconv.Quote(m.String()) + " and " + strconv.Quote(o.String()) })
}

// Sub returns m − o, exactly, or an error like [Money.Add].
func (m Money) Sub(o Money) (Money, error) {
	if m.currency != o.currency || m.currency == "" {
		return Money{}, m.mismatch("subtract", o)
	}
	return m.inRange(m.amount.Sub(o.amount), func() string { return "subtract " + strconv.Quote(o.String()) + " from " + strconv.Quote(m.String()) })
}

// maxFactorExponent bounds the exponent of a factor: beyond it, a nonzero
// product is outside the range of Money whatever the amount.
const maxFactorExponent = 1 << 20

// Mul returns m × f, exactly (the product has the digits of both factors);
// round the result explicitly. A product outside the range of Money, or the
// zero Money, gives an error wrapping [ErrInvalid].
func (m Money) Mul(f decimal.Decimal) (Money, error) {
	if m.currency == "" {
		return Money{}, problem.NewFieldError(pkg, "", CodeRequired, "multiply: the zero Money")
	}
	if e := f.Exponent(); e > maxFactorExponent || e < -maxFactorExponent {
		if f = f.Normalize(); f.Sign() != 0 && m.amount.Sign() != 0 && (f.Exponent() > maxFactorExponent || f.Exponent() < -maxFactorExponent) {
			return Money{}, problem.NewFieldError(pkg, "", CodeOutOfRange, "multiply "+strconv.Quote(m.String())+
				" by a factor of exponent "+strconv.Itoa(int(f.Exponent()))+": beyond the range of Money")
		}
	}
	return m.inRange(m.amount.Mul(f), func() string {
		fs := "a factor of " + strconv.Itoa(f.NumDigits()) + " digits"
		if f.NumDigits() <= 32 && f.Exponent() > -64 && f.Exponent() < 64 {
			fs = f.String()
		}
		return "multiply " + strconv.Quote(m.String()) + " by " + fs
	})
}

// MulInt returns m × n, exactly, or an error like [Money.Mul].
func (m Money) MulInt(n int64) (Money, error) {
	if m.currency == "" {
		return Money{}, problem.NewFieldError(pkg, "", CodeRequired, "multiply: the zero Money")
	}
	return m.inRange(m.amount.Mul(decimal.NewFromInt(n)), func() string {
		return "multiply " + strconv.Quote(m.String()) + " by " + strconv.FormatInt(n, 10)
	})
}

// MulPercent returns p percent of m, exactly, without rounding: 15% of
// 2499.99 USD is 374.9985 USD; round the result explicitly. A result outside
// the range of Money, or the zero Money, gives an error wrapping
// [ErrInvalid]. Since a [Percent] has at most [MaxPercentDecimals] decimal
// places, a percentage of an amount rounded to its currency's digits never
// has too many decimal places.
func (m Money) MulPercent(p Percent) (Money, error) {
	if m.currency == "" {
		return Money{}, problem.NewFieldError(pkg, "", CodeRequired, "percentage: of the zero Money")
	}
	return m.inRange(m.amount.Mul(p.Fraction()), func() string {
		return p.String() + " of " + strconv.Quote(m.String())
	})
}

// Neg returns −m (the zero Money for the zero Money).
func (m Money) Neg() Money {
	if m.currency == "" {
		return Money{}
	}
	return Money{amount: m.amount.Neg(), currency: m.currency}
}

// Abs returns |m| (the zero Money for the zero Money).
func (m Money) Abs() Money {
	if m.currency == "" {
		return Money{}
	}
	return Money{amount: m.amount.Abs(), currency: m.currency}
}

// Round returns m rounded to its currency's minor digits (2 for USD, 0 for
// JPY) with mode. It panics on a mode that is not one of the constants.
func (m Money) Round(mode RoundingMode) Money {
	return m.RoundTo(m.minor(), mode)
}

// RoundTo returns m rounded to places digits after the decimal point with
// mode (metrics shows a cost per view to 4 places); the zero Money stays the
// zero Money. The result's amount has exponent −places, but neither
// Amount().String() nor [Money.String] pads it with trailing zeros: 0.015 USD
// rounded to 4 places prints as "0.015" and "0.015 USD". To show every place,
// use [Money.StringFixed]. The result is always within the range of Money
// (rounding a 40-digit amount up gives at most 10^40).
//
// It panics on a mode that is not one of the constants, and on places
// outside −[MaxIntegerDigits]..[MaxFractionDigits] (programmer errors: text
// input is checked on parsing, and rounding beyond those places would leave
// the range of Money or mean nothing).
func (m Money) RoundTo(places int32, mode RoundingMode) Money {
	checkPlaces(places)
	if m.currency == "" {
		return Money{}
	}
	return Money{amount: mode.round(m.amount, places), currency: m.currency}
}

func checkPlaces(places int32) {
	if places < -MaxIntegerDigits || places > MaxFractionDigits {
		panic("pricing: rounding to " + strconv.Itoa(int(places)) + " places, outside -40..64")
	}
}

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o, or an error
// like [Money.Add] for different currencies or a zero Money.
func (m Money) Cmp(o Money) (int, error) {
	if m.currency != o.currency || m.currency == "" {
		return 0, m.mismatch("compare", o)
	}
	return m.amount.Cmp(o.amount), nil
}

// Equal reports whether m and o have the same currency and numerically equal
// amounts: 2500 USD equals 2500.00 USD. Use it instead of ==. Two zero Money
// values are Equal.
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

// Sign returns -1, 0 or +1 for a negative, zero or positive amount (0 for
// the zero Money). An amount of zero is Sign() == 0.
func (m Money) Sign() int { return m.amount.Sign() }
