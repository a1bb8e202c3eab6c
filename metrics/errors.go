package metrics

import (
	"errors"
	"strconv"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/pricing"
)

// pkg names this package in every error message.
const pkg = "metrics"

// The module's error types, shared by every package (metrics.FieldError is
// sla.FieldError is pricing.FieldError). Every error this package returns for bad
// input is one of them, and each reads as a *[ValidationError] with [errors.As], so a
// service answers any of them with a list of {path, code, message}:
//
//	var ve *metrics.ValidationError
//	if errors.As(err, &ve) {
//		// 400 or 422 with ve.Problems
//	}
type (
	// ParseError reports text that does not parse: a count, a definition, a source
	// kind, a report window. Its message reads
	// `metrics: parse definition "likes / fans": unknown basis "fans", want ...`.
	ParseError = problem.ParseError

	// FieldError is one problem with one input: its Path (the input's name, such as
	// "impressions", or its JSON path, such as "posts[3].actual.counts.views"), a
	// stable Code (the Code constants) and a Message. A formula with one bad input
	// returns one *FieldError, e.g. `metrics: impressions: CPM: impressions 0: zero
	// denominator` for [CPM] over zero impressions.
	FieldError = problem.FieldError

	// ValidationError holds every problem found in one input, each a *FieldError
	// with its path. [Summarize], [Counts.Validate], [Source.Validate],
	// [OnTimePosting], [OnTime.Rate], [ApprovalTimes] and the Decode functions
	// return one.
	ValidationError = problem.ValidationError

	// MismatchError reports two results that cannot be combined or compared:
	// engagement rates under different definitions, costs in different currencies.
	// What says what differs ("definition", "currency"), A and B are the two
	// values, Op the operation.
	MismatchError = problem.MismatchError
)

// Sentinel errors. Each problem this package reports wraps at least one of them, so a
// platform can map it to a status code with [errors.Is] (ErrInvalid and ErrMismatch to
// 422, ErrUndefined and ErrUnknown to a "not available" cell in a report). A
// *[ValidationError] holding several problems matches the sentinel of each: posts with
// a negative count and an actual from another window match both ErrInvalid and
// ErrMismatch. Amounts in different currencies are a mismatch that also wraps
// [pricing.ErrCurrencyMismatch]: such an error matches both ErrMismatch and
// pricing.ErrCurrencyMismatch, and not ErrInvalid.
var (
	// ErrInvalid reports input that no formula accepts: a negative count, a negative
	// cost, a zero Money without a currency, a malformed definition, JSON that does
	// not decode. It is the module's one ErrInvalid (sla, pricing and metrics share
	// it).
	ErrInvalid = problem.ErrInvalid

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

// Stable codes of the problems this package reports ([FieldError.Code]). Codes are API;
// messages are not.
const (
	CodeNegative         = "negative"                   // a negative count, cost or duration (ErrInvalid)
	CodeUndefined        = "undefined"                  // a zero denominator, no durations, reach summed across posts (ErrUndefined)
	CodeUnknown          = "unknown"                    // a count the result needs is unknown (ErrUnknown)
	CodeMismatch         = problem.CodeMismatch         // definitions or report windows that differ (ErrMismatch)
	CodeCurrencyMismatch = problem.CodeCurrencyMismatch // amounts in different currencies (ErrMismatch and pricing.ErrCurrencyMismatch)
	CodeRequired         = problem.CodeRequired         // a value that must be given is missing or zero (ErrInvalid)
	CodeDuplicate        = "duplicate"                  // a post ID given twice (ErrInvalid)
	CodeOutOfRange       = problem.CodeOutOfRange       // a sum that overflows int64, a capture before posting, an unknown enum value (ErrInvalid)
	CodeMalformed        = problem.CodeMalformed        // text or JSON that does not parse (ErrInvalid)
	CodeUnknownField     = problem.CodeUnknownField     // a JSON key the type does not have; keys match exactly, case included (ErrInvalid)
	CodeDuplicateKey     = problem.CodeDuplicateKey     // a JSON key given twice in one object (ErrInvalid)
	CodeTooLarge         = problem.CodeTooLarge         // a JSON document past [MaxJSONSize] or nested too deep (ErrInvalid)
)

// fieldError returns the problem of one input of op: `op: input value: reason` at path
// input.
func fieldError(op, input, value, code, reason string, sentinels ...error) *FieldError {
	msg := op + ": " + input
	if value != "" {
		msg += " " + value
	}
	return problem.NewFieldError(pkg, input, code, msg+": "+reason, sentinels...)
}

func invalid(op, input, value, code, reason string) error {
	return fieldError(op, input, value, code, reason, ErrInvalid)
}

func undefined(op, input, value, reason string) error {
	return fieldError(op, input, value, CodeUndefined, reason, ErrUndefined)
}

func unknown(op, input string) error {
	return fieldError(op, input, "", CodeUnknown, "unknown (no data)", ErrUnknown)
}

func negative(op, input string, n int64) error {
	return invalid(op, input, strconv.FormatInt(n, 10), CodeNegative, "negative count")
}

func overflow(op, input string) error {
	return invalid(op, input, "", CodeOutOfRange, "sum overflows int64")
}

// currencyMismatch reports amounts a and b of op in different currencies: a
// *MismatchError wrapping both ErrMismatch and pricing.ErrCurrencyMismatch.
func currencyMismatch(op, name string, a, b pricing.Money) error {
	return problem.NewMismatchError(pkg, MismatchError{Op: op, What: name + " currency", A: a.Currency(), B: b.Currency(),
		Code: CodeCurrencyMismatch}, ErrMismatch, pricing.ErrCurrencyMismatch)
}

// moneyError turns the error of pricing arithmetic on a and b into one of this package:
// a currency mismatch when the currencies differ, otherwise a problem wrapping
// ErrInvalid (the zero Money).
func moneyError(op, name string, a, b pricing.Money, err error) error {
	if errors.Is(err, pricing.ErrCurrencyMismatch) {
		return currencyMismatch(op, name, a, b)
	}
	return invalid(op, name, "", CodeRequired, "zero Money has no currency")
}

// checkCount validates a numerator count.
func checkCount(op, name string, n int64) error {
	if n < 0 {
		return negative(op, name, n)
	}
	return nil
}

// checkDenominator validates a denominator count: negative is invalid, zero undefined.
func checkDenominator(op, name string, n int64) error {
	if n < 0 {
		return negative(op, name, n)
	}
	if n == 0 {
		return undefined(op, name, "0", "zero denominator")
	}
	return nil
}

// problems collects the problems of one input, each at its path.
type problems struct{ problem.List }

func newProblems() problems { return problems{problem.List{Pkg: pkg}} }

// add records a problem at path wrapping ErrInvalid.
func (p *problems) add(path, code, msg string) { p.Add(path, code, msg, ErrInvalid) }
