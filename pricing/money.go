package pricing

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Bounds on the amounts this package accepts from outside ([NewMoney],
// [ParseMoney], decoding). They keep every amount printable in a bounded
// number of bytes: a string such as "1e999999999" is rejected, never
// expanded.
const (
	// MaxIntegerDigits is the most digits an amount may have before the
	// decimal point, leading zeros not counted.
	MaxIntegerDigits = 40
	// MaxFractionDigits is the most digits an amount may have after the
	// decimal point.
	MaxFractionDigits = 64
	maxMoneyText      = 1 + MaxIntegerDigits + 1 + MaxFractionDigits + 1 + 3 + 16
)

// Money is an exact decimal amount in an ISO 4217 currency. It is an
// immutable value, safe for concurrent use and cheap to copy.
//
// The zero Money is invalid: its Currency is "", its String is
// "invalid Money", and arithmetic with a valid Money reports
// [ErrCurrencyMismatch]. Build Money with [NewMoney], [ParseMoney] or
// [Zero].
//
// Amounts are exact: Add, Sub and Mul never round. Rounding is explicit,
// with [Money.Round] or [Money.RoundTo] and a [RoundingMode].
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
// ([MinorUnits]); otherwise the error wraps [ErrUnknownCurrency] and so
// [ErrInvalid]. An amount with more than [MaxIntegerDigits] integer digits or
// more than [MaxFractionDigits] decimal places is an error wrapping
// [ErrInvalid].
func NewMoney(amount decimal.Decimal, currency string) (Money, error) {
	if _, perr := checkCurrency(currency); perr != nil {
		return Money{}, perr
	}
	if reason := checkAmount(amount); reason != "" {
		// Never print the amount: it may be 1e999999999.
		return Money{}, parseErr("money", "decimal with exponent "+itoa(int64(amount.Exponent()))+" "+currency, reason, ErrInvalid)
	}
	return Money{amount: amount, currency: currency}, nil
}

// checkAmount returns why d is out of bounds, or "".
func checkAmount(d decimal.Decimal) string {
	if d.IsZero() {
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
	if int64(d.NumDigits())+exp > MaxIntegerDigits {
		return "more than " + strconv.Itoa(MaxIntegerDigits) + " integer digits"
	}
	return ""
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
// It rejects, with an error wrapping [ErrInvalid] (or [ErrUnknownCurrency]):
// thousands separators ("2,500.00 USD", "2 500 USD", "2_500 USD"), exponents
// ("1e3 USD"), "NaN" and "Inf", a leading "+" or ".", a trailing ".",
// surrounding or doubled spaces, currency symbols, lower-case codes, and
// amounts beyond [MaxIntegerDigits] and [MaxFractionDigits].
func ParseMoney(s string) (Money, error) {
	if s == "" {
		return Money{}, parseErr("money", s, "empty", ErrInvalid)
	}
	if len(s) > maxMoneyText {
		return Money{}, parseErr("money", s, "too long", ErrInvalid)
	}
	sp := strings.IndexByte(s, ' ')
	if sp < 0 {
		return Money{}, parseErr("money", s, `want "<amount> <CODE>", such as "2500.00 USD"`, ErrInvalid)
	}
	num, code := s[:sp], s[sp+1:]
	if _, perr := checkCurrency(code); perr != nil {
		if strings.IndexByte(code, ' ') >= 0 || strings.ContainsAny(num, ",_'") {
			return Money{}, parseErr("money", s, "thousands separators and extra spaces are not accepted", ErrInvalid)
		}
		perr.Type, perr.Input = "money", truncate(s)
		return Money{}, perr
	}
	d, reason := parseAmount(num)
	if reason != "" {
		return Money{}, parseErr("money", s, reason, ErrInvalid)
	}
	return Money{amount: d, currency: code}, nil
}

// parseAmount parses -?digits(.digits)? within the bounds, or says why not.
func parseAmount(num string) (decimal.Decimal, string) {
	if num == "" {
		return decimal.Decimal{}, "missing amount"
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
			} else {
				if c != '0' || !leading {
					intDigits++
					leading = false
				}
			}
		case c == '.' && !sawDot:
			if i == 0 {
				return decimal.Decimal{}, "amount must start with a digit"
			}
			sawDot = true
		case c == ',' || c == '_' || c == '\'':
			return decimal.Decimal{}, "thousands separators are not accepted"
		case c == 'e' || c == 'E':
			return decimal.Decimal{}, "exponents are not accepted"
		default:
			return decimal.Decimal{}, "amount must be digits with an optional \"-\" and \".\""
		}
	}
	if body == "" {
		return decimal.Decimal{}, "missing digits"
	}
	if sawDot && fracDigits == 0 {
		return decimal.Decimal{}, "no digits after the decimal point"
	}
	if intDigits > MaxIntegerDigits {
		return decimal.Decimal{}, "more than " + strconv.Itoa(MaxIntegerDigits) + " integer digits"
	}
	if fracDigits > MaxFractionDigits {
		return decimal.Decimal{}, "more than " + strconv.Itoa(MaxFractionDigits) + " decimal places"
	}
	d, err := decimal.NewFromString(num)
	if err != nil { // unreachable after the scan above; kept as a guard
		return decimal.Decimal{}, "malformed amount"
	}
	return d, ""
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

// Amount returns the exact amount, as stored.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the ISO 4217 code, "" for the zero Money.
func (m Money) Currency() string { return m.currency }

// IsValid reports whether m has a currency, that is, whether it is not the
// zero Money.
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
// "invalid Money".
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
// prints no decimal point. The zero Money is "invalid Money". It panics on a
// mode that is not one of the constants.
func (m Money) StringFixed(places int32, mode RoundingMode) string {
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

func (m Money) mismatch(op string, o Money) error {
	return &mismatchError{op: op, a: m, b: o}
}

// mismatchError is returned by arithmetic on different currencies.
type mismatchError struct {
	op   string
	a, b Money
}

func (e *mismatchError) Error() string {
	return "pricing: " + e.op + " " + quote(e.a.String()) + " and " + quote(e.b.String()) + ": currency mismatch"
}
func (e *mismatchError) Unwrap() error { return ErrCurrencyMismatch }

// Add returns m + o, exactly. Different currencies (or a zero Money with a
// valid one) give an error wrapping [ErrCurrencyMismatch].
func (m Money) Add(o Money) (Money, error) {
	if m.currency != o.currency {
		return Money{}, m.mismatch("add", o)
	}
	return Money{amount: m.amount.Add(o.amount), currency: m.currency}, nil
}

// Sub returns m − o, exactly, or an error wrapping [ErrCurrencyMismatch].
func (m Money) Sub(o Money) (Money, error) {
	if m.currency != o.currency {
		return Money{}, m.mismatch("subtract", o)
	}
	return Money{amount: m.amount.Sub(o.amount), currency: m.currency}, nil
}

// Mul returns m × f, exactly (the product has the digits of both factors).
// Round the result explicitly.
func (m Money) Mul(f decimal.Decimal) Money {
	return Money{amount: m.amount.Mul(f), currency: m.currency}
}

// MulInt returns m × n, exactly.
func (m Money) MulInt(n int64) Money {
	return Money{amount: m.amount.Mul(decimal.NewFromInt(n)), currency: m.currency}
}

// MulPercent returns p percent of m, exactly, without rounding: 15% of
// 2499.99 USD is 374.9985 USD. Round the result explicitly.
func (m Money) MulPercent(p Percent) Money {
	return Money{amount: m.amount.Mul(p.Fraction()), currency: m.currency}
}

// Neg returns −m.
func (m Money) Neg() Money { return Money{amount: m.amount.Neg(), currency: m.currency} }

// Abs returns |m|.
func (m Money) Abs() Money { return Money{amount: m.amount.Abs(), currency: m.currency} }

// Round returns m rounded to its currency's minor digits (2 for USD, 0 for
// JPY) with mode. It panics on a mode that is not one of the constants.
func (m Money) Round(mode RoundingMode) Money {
	return m.RoundTo(m.minor(), mode)
}

// RoundTo returns m rounded to places digits after the decimal point with
// mode (metrics shows a cost per view to 4 places). The result's amount has
// exponent −places, but neither Amount().String() nor [Money.String] pads it
// with trailing zeros: 0.015 USD rounded to 4 places prints as "0.015" and
// "0.015 USD". To show every place, use [Money.StringFixed]. It panics on a
// mode that is not one of the constants.
func (m Money) RoundTo(places int32, mode RoundingMode) Money {
	return Money{amount: mode.round(m.amount, places), currency: m.currency}
}

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o, or an error
// wrapping [ErrCurrencyMismatch].
func (m Money) Cmp(o Money) (int, error) {
	if m.currency != o.currency {
		return 0, m.mismatch("compare", o)
	}
	return m.amount.Cmp(o.amount), nil
}

// Equal reports whether m and o have the same currency and numerically equal
// amounts: 2500 USD equals 2500.00 USD. Use it instead of ==.
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// IsZero reports whether the amount is zero (true for the zero Money too).
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

// Sign returns -1, 0 or +1 for a negative, zero or positive amount.
func (m Money) Sign() int { return m.amount.Sign() }

func quote(s string) string { return strconv.Quote(s) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}
