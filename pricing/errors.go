package pricing

import (
	"errors"
	"strings"
)

// Sentinel errors. A platform maps them to responses: [ErrInvalid] and
// [ErrCurrencyMismatch] are the caller's fault (HTTP 422). Each problem this
// package reports wraps one of them, and [ErrUnknownCurrency] and [ErrNoRule]
// also match ErrInvalid under [errors.Is]. An error holding several problems,
// a *[ValidationError], matches the sentinel of each: a rate card with a
// missing version and a fee in EUR on a USD card matches both ErrInvalid and
// ErrCurrencyMismatch. Test for the sentinels you handle in order of
// precedence rather than expecting exactly one to match.
var (
	// ErrInvalid reports input that is malformed, out of range or
	// inconsistent: a bad amount, a negative fee, a zero-length duration, a
	// rate card that fails validation.
	ErrInvalid = errors.New("pricing: invalid input")

	// ErrCurrencyMismatch reports arithmetic or comparison between amounts
	// in different currencies, or a rate card or request mixing currencies.
	ErrCurrencyMismatch = errors.New("pricing: currency mismatch")

	// ErrUnknownCurrency reports a code that is not an active ISO 4217
	// currency with minor units. errors.Is(err, ErrInvalid) also holds.
	ErrUnknownCurrency error = &childError{msg: "pricing: unknown currency", parent: ErrInvalid}

	// ErrNoRule reports a request that no rule of the rate card prices: no
	// base fee for the platform and format, no usage tier for the requested
	// duration. errors.Is(err, ErrInvalid) also holds.
	ErrNoRule error = &childError{msg: "pricing: no rate-card rule matches", parent: ErrInvalid}
)

// childError is a sentinel that is also another sentinel.
type childError struct {
	msg    string
	parent error
}

func (e *childError) Error() string { return e.msg }
func (e *childError) Unwrap() error { return e.parent }

// ParseError reports text that could not be parsed as a value of this
// package (money, a percentage, a duration, a rounding mode).
type ParseError struct {
	Type   string // what was being parsed: "money", "percent", "duration", "rounding mode", "currency"
	Input  string // the input, possibly truncated to 64 bytes
	Reason string // why it was rejected
	Err    error  // the sentinel: ErrInvalid or ErrUnknownCurrency
}

// Error returns the message, naming the input and why it was rejected.
func (e *ParseError) Error() string {
	return "pricing: parse " + e.Type + " " + quote(e.Input) + ": " + e.Reason
}

// Unwrap returns the sentinel, [ErrInvalid] when Err is nil.
func (e *ParseError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalid
	}
	return e.Err
}

func parseErr(typ, input, reason string, sentinel error) *ParseError {
	if len(input) > 64 {
		input = input[:64] + "..."
	}
	return &ParseError{Type: typ, Input: input, Reason: reason, Err: sentinel}
}

// Finding codes of [FieldError]. They are stable API; messages are not.
const (
	CodeRequired         = "required"
	CodeUnknownField     = "unknown_field"
	CodeUnknownCurrency  = "unknown_currency"
	CodeCurrencyMismatch = "currency_mismatch"
	CodeNegative         = "negative"
	CodeOutOfRange       = "out_of_range"
	CodeZeroDuration     = "zero_duration"
	CodeConflict         = "conflict"
	CodeDuplicate        = "duplicate"
	CodeNoRule           = "no_rule"
	CodeMalformed        = "malformed"
)

// FieldError is one problem with one field of a rate card or a request.
// Path is a JSON-style path into the document, such as
// "usage[2].percent" or "request.usage.duration".
type FieldError struct {
	Path    string
	Code    string // one of the Code… constants
	Message string
	Err     error // the sentinel; ErrInvalid when nil
}

// Error returns the message, prefixed with the field path.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "pricing: " + e.Message
	}
	return "pricing: " + e.Path + ": " + e.Message
}

// Unwrap returns the sentinel, [ErrInvalid] when Err is nil.
func (e *FieldError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalid
	}
	return e.Err
}

// ValidationError holds every problem found in one document, in the order
// they were found. errors.As finds each *FieldError through it, and
// errors.Is finds their sentinels.
type ValidationError struct {
	Problems []*FieldError
}

// Error returns the count and every problem on one line, separated by "; ".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("pricing: ")
	if len(e.Problems) == 1 {
		b.WriteString("1 problem: ")
	} else {
		b.WriteString(itoa(int64(len(e.Problems))))
		b.WriteString(" problems: ")
	}
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(strings.TrimPrefix(p.Error(), "pricing: "))
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As see each.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// problems collects field errors.
type problems struct{ list []*FieldError }

func (p *problems) add(path, code, msg string) {
	var sentinel error
	switch code {
	case CodeCurrencyMismatch:
		sentinel = ErrCurrencyMismatch
	case CodeUnknownCurrency:
		sentinel = ErrUnknownCurrency
	case CodeNoRule:
		sentinel = ErrNoRule
	}
	p.list = append(p.list, &FieldError{Path: path, Code: code, Message: msg, Err: sentinel})
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: p.list}
}
