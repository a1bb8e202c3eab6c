package pricing

import (
	"errors"

	"github.com/creatorops/creatorops/internal/problem"
)

// pkg names this package in error messages.
const pkg = "pricing"

// The error types are the module's shared ones (the same types as sla's and
// metrics'), so that a service reads any error of the module with one
// errors.As: every one of them reads as a *[ValidationError], whose Problems
// are {path, code, message} ready to send in a 400 response.
type (
	// ParseError reports text that does not parse as a value of this
	// package: money, a percentage, a duration, a rounding mode, a currency.
	// Its message reads
	//
	//	pricing: parse money "2,500.00 USD": thousands separators are not accepted
	ParseError = problem.ParseError

	// FieldError is one problem with one value: its JSON path (such as
	// "usage[2].percent" or "request.usage.duration"), a stable code (one of
	// the Code constants) and a message.
	FieldError = problem.FieldError

	// ValidationError holds every problem found in one input, in the order
	// found: decoding problems first, then validation problems.
	ValidationError = problem.ValidationError

	// MismatchError reports two amounts in different currencies: What is
	// "currency", A and B are the two amounts as text, Code is
	// [CodeCurrencyMismatch], and it unwraps to [ErrCurrencyMismatch].
	MismatchError = problem.MismatchError
)

// Sentinel errors, for errors.Is. A platform maps them to responses:
// [ErrInvalid] and [ErrCurrencyMismatch] are the caller's fault (HTTP 422).
// A problem may belong to several sentinels: an unknown currency matches
// [ErrUnknownCurrency] and ErrInvalid, a request no rule prices matches
// [ErrNoRule] and ErrInvalid, and a *[ValidationError] matches the sentinels
// of each of its problems (a rate card with a missing version and a fee in
// EUR on a USD card matches both ErrInvalid and ErrCurrencyMismatch). Test
// for the sentinels you handle in order of precedence rather than expecting
// exactly one to match.
var (
	// ErrInvalid reports input that is malformed, out of range or
	// inconsistent: a bad amount, a negative fee, a zero-length duration, a
	// rate card that fails validation. It is the module's shared sentinel
	// (sla.ErrInvalid and metrics.ErrInvalid are the same value).
	ErrInvalid = problem.ErrInvalid

	// ErrCurrencyMismatch reports arithmetic or comparison between amounts
	// in different currencies, or a rate card or request mixing currencies.
	// It does not match ErrInvalid.
	ErrCurrencyMismatch = errors.New("pricing: currency mismatch")

	// ErrUnknownCurrency reports a code that is not an active ISO 4217
	// currency with minor units. Such errors also match ErrInvalid.
	ErrUnknownCurrency = errors.New("pricing: unknown currency")

	// ErrNoRule reports a request that no rule of the rate card prices: no
	// base fee for the platform and format, no usage tier for the requested
	// duration. Such errors also match ErrInvalid.
	ErrNoRule = errors.New("pricing: no rate-card rule matches")
)

// Stable codes of [FieldError]. They are API; messages are not. The first
// seven are the module's shared codes (the same strings in every package).
const (
	CodeMalformed        = problem.CodeMalformed        // text or JSON that does not parse, or a JSON value of the wrong type
	CodeRequired         = problem.CodeRequired         // a value that must be given is missing
	CodeUnknownField     = problem.CodeUnknownField     // a JSON key the type does not have (keys match exactly, case included)
	CodeDuplicateKey     = problem.CodeDuplicateKey     // a JSON key given twice in one object
	CodeTooLarge         = problem.CodeTooLarge         // a document past its size limit, or nested too deep
	CodeOutOfRange       = problem.CodeOutOfRange       // a number, count or amount outside what is accepted
	CodeCurrencyMismatch = problem.CodeCurrencyMismatch // an amount in another currency than the card's or the other operand's
	CodeUnknownCurrency  = "unknown_currency"           // not an active ISO 4217 code with minor units
	CodeNegative         = "negative"                   // a negative fee, percentage or spend cap
	CodeZeroDuration     = "zero_duration"              // a zero-length duration or number of months
	CodeConflict         = "conflict"                   // both of two exclusive fields set (percent and fixed)
	CodeDuplicate        = "duplicate"                  // a code, scope or usage tier given twice on a card, an item name twice in a deal
	CodeNoRule           = "no_rule"                    // nothing on the card prices what is asked
	CodeDealLevel        = "deal_level"                 // a term of the whole deal (Net 0, whitelisting, exclusivity) set on one item of a deal
)

// newProblems returns an empty problem list of this package.
func newProblems() *problem.List { return &problem.List{Pkg: pkg} }

// parseError returns a *ParseError of this package.
func parseError(what, input, token, reason string, sentinels ...error) *ParseError {
	return problem.NewParseError(pkg, ParseError{What: what, Input: input, Token: token, Reason: reason}, sentinels...)
}

// unknownCurrency is the sentinel pair of an unknown currency.
var unknownCurrency = []error{ErrUnknownCurrency, ErrInvalid}

// noRule is the sentinel pair of a request no rule prices.
var noRule = []error{ErrNoRule, ErrInvalid}
