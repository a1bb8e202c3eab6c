package metrics

import (
	"errors"
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/pricing"
)

// Sentinel errors. Each problem this package reports wraps one of them, so a platform
// can map it to a status code with [errors.Is] (ErrInvalid and ErrMismatch to 422,
// ErrUndefined and ErrUnknown to a "not available" cell in a report). An error holding
// several problems (from [Summarize], [Counts.Validate], [Source.Validate],
// [OnTimePosting] or [OnTime.Rate], joined with [errors.Join]) matches the sentinel of
// each: posts with a negative count and an actual from another window match both
// ErrInvalid and ErrMismatch. Amounts in different currencies are a mismatch that also
// wraps [pricing.ErrCurrencyMismatch]: such an error matches both ErrMismatch and
// pricing.ErrCurrencyMismatch, and not ErrInvalid.
var (
	// ErrInvalid reports input that no formula accepts: a negative count, a negative
	// cost, a zero Money without a currency, a malformed definition.
	ErrInvalid = errors.New("metrics: invalid input")

	// ErrUndefined reports a result that does not exist for valid inputs: a zero
	// denominator (a CPM over 0 impressions), a median of no durations, a reach-based
	// engagement rate summed across posts.
	ErrUndefined = errors.New("metrics: undefined result")

	// ErrUnknown reports a result whose input is missing: no report yet, or a platform
	// that does not expose the number (TikTok has no saves). Unknown is not zero.
	ErrUnknown = errors.New("metrics: unknown (missing input)")

	// ErrMismatch reports results that cannot be combined or compared: engagement rates
	// under different definitions, actuals answering different reporting windows, costs
	// in different currencies (those errors also wrap pricing.ErrCurrencyMismatch).
	ErrMismatch = errors.New("metrics: results are not comparable")
)

// InputError reports one input that a formula cannot use. Its Unwrap returns Err, one
// of ErrInvalid, ErrUndefined or ErrUnknown.
type InputError struct {
	Op     string // the formula or function, e.g. "CPM"
	Input  string // the input's name, e.g. "impressions"
	Value  string // the input as given; empty when it is missing
	Reason string // what is wrong, e.g. "zero denominator"
	Err    error  // the sentinel
}

// Error returns a message such as `metrics: CPM: impressions 0: zero denominator`.
func (e *InputError) Error() string {
	s := "metrics: " + e.Op + ": " + e.Input
	if e.Value != "" {
		s += " " + e.Value
	}
	return s + ": " + e.Reason
}

// Unwrap returns the sentinel the error belongs to.
func (e *InputError) Unwrap() error { return e.Err }

// ParseError reports text that does not parse. Its Unwrap returns ErrInvalid.
type ParseError struct {
	What   string // what was being parsed, e.g. "definition"
	Input  string // the text as given
	Reason string // what is wrong
}

// Error returns a message such as `metrics: parse definition "likes/fans": unknown basis "fans"`.
func (e *ParseError) Error() string {
	return "metrics: parse " + e.What + " " + strconv.Quote(e.Input) + ": " + e.Reason
}

// Unwrap returns ErrInvalid.
func (e *ParseError) Unwrap() error { return ErrInvalid }

// MismatchError reports two results that cannot be combined or compared. Its Unwrap
// returns ErrMismatch and, when set, Err: for costs in different currencies, the
// pricing error, which wraps [pricing.ErrCurrencyMismatch]. errors.Is finds both.
type MismatchError struct {
	Op   string // what was attempted, e.g. "combine engagement rates"
	What string // what differs, e.g. "definition"
	A, B string // the two differing values, as text
	Err  error  // the underlying error, if any; nil for most mismatches
}

// Error returns a message such as
// `metrics: combine engagement rates: definition "likes / reach" differs from "likes / views"`.
func (e *MismatchError) Error() string {
	return "metrics: " + e.Op + ": " + e.What + " " + strconv.Quote(e.A) +
		" differs from " + strconv.Quote(e.B)
}

// Unwrap returns ErrMismatch, followed by Err when it is set.
func (e *MismatchError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrMismatch}
	}
	return []error{ErrMismatch, e.Err}
}

// moneyError turns the error of pricing arithmetic on a and b into one of this package:
// a *MismatchError of their currencies that also wraps err when they differ, otherwise
// an error wrapping ErrInvalid (the zero Money).
func moneyError(op, name string, a, b pricing.Money, err error) error {
	if errors.Is(err, pricing.ErrCurrencyMismatch) {
		return &MismatchError{Op: op, What: name + " currency", A: b.Currency(), B: a.Currency(), Err: err}
	}
	return invalid(op, name, "", strings.TrimPrefix(err.Error(), "pricing: "))
}

func invalid(op, input, value, reason string) error {
	return &InputError{Op: op, Input: input, Value: value, Reason: reason, Err: ErrInvalid}
}

func undefined(op, input, value, reason string) error {
	return &InputError{Op: op, Input: input, Value: value, Reason: reason, Err: ErrUndefined}
}

func unknown(op, input string) error {
	return &InputError{Op: op, Input: input, Reason: "unknown (no data)", Err: ErrUnknown}
}

// checkCount validates a numerator count.
func checkCount(op, name string, n int64) error {
	if n < 0 {
		return invalid(op, name, strconv.FormatInt(n, 10), "negative count")
	}
	return nil
}

// checkDenominator validates a denominator count: negative is invalid, zero undefined.
func checkDenominator(op, name string, n int64) error {
	if n < 0 {
		return invalid(op, name, strconv.FormatInt(n, 10), "negative count")
	}
	if n == 0 {
		return undefined(op, name, "0", "zero denominator")
	}
	return nil
}
