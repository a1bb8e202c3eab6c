// Package problem is the module's error model, shared by sla, pricing and metrics,
// which export its types under their own names (sla.ParseError is
// problem.ParseError): a parse error for one piece of text, a field error for one
// value at a JSON path, a validation error holding every problem found at once,
// and a mismatch error for two values that do not go together.
//
// Every one of them can be read as a *ValidationError with errors.As, so a service
// turns any error of any package into a list of {path, code, message} with one
// call.
package problem

import (
	"errors"
	"strconv"
	"strings"
)

// ErrInvalid is the sentinel of bad input, shared by every package of the module.
var ErrInvalid = errors.New("invalid input")

// Stable codes of [FieldError]. They are API; messages are not.
const (
	CodeMalformed        = "malformed"         // text or JSON that does not parse, or a JSON value of the wrong type
	CodeRequired         = "required"          // a value that must be given is missing
	CodeUnknownField     = "unknown_field"     // a JSON key the type does not have (keys match exactly, case included)
	CodeDuplicateKey     = "duplicate_key"     // a JSON key given twice in one object
	CodeTooLarge         = "too_large"         // a document past its size limit, or nested too deep
	CodeOutOfRange       = "out_of_range"      // a number or date outside what is accepted
	CodeMismatch         = "mismatch"          // two values that do not go together
	CodeCurrencyMismatch = "currency_mismatch" // amounts in different currencies
)

// maxQuoted bounds how much of an input an error message quotes.
const maxQuoted = 64

// Quote returns s quoted for a message, cut to 64 bytes (on a rune boundary) with an
// ellipsis after the quote when longer.
func Quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// ParseError reports text that does not parse as a value, in the spirit of
// time.ParseError. Its message reads
//
//	sla: parse window "3 fortnights": unknown unit "fortnights"
//
// It unwraps to its package's sentinel, and errors.As reads it as a
// *[ValidationError] of one problem (code "malformed" unless Code says otherwise).
type ParseError struct {
	What   string // what was parsed: "window", "money", "hours"
	Path   string // the JSON path of the text when it came from a document ("hours[1]"); "" for a lone argument
	Input  string // the text, whole
	Token  string // the part of Input at fault; "" when the fault is what is missing
	Reason string // why it does not parse, naming what was found ("unknown day \"fry\"", "nothing after ','")
	Code   string // the stable code; "" means CodeMalformed

	pkg  string
	errs []error
}

// NewParseError returns a ParseError of package pkg that unwraps to sentinels (to
// [ErrInvalid] when none is given).
func NewParseError(pkg string, e ParseError, sentinels ...error) *ParseError {
	e.pkg = pkg
	e.errs = sentinels
	return &e
}

// Error returns "pkg: path: parse what \"input\": reason" (without "path: " when
// the path is empty).
func (e *ParseError) Error() string { return e.Problem().Error() }

// Unwrap returns the sentinels the error belongs to.
func (e *ParseError) Unwrap() []error { return sentinels(e.errs) }

// Problem returns the error as one field problem: its path, its code and the
// message without the package name.
func (e *ParseError) Problem() *FieldError {
	code := e.Code
	if code == "" {
		code = CodeMalformed
	}
	msg := "parse " + e.What + " " + Quote(e.Input) + ": " + e.Reason
	return &FieldError{Path: e.Path, Code: code, Message: msg, pkg: e.pkg, errs: e.errs}
}

// As reads the error as a *ValidationError of one problem.
func (e *ParseError) As(target any) bool { return asValidation(e.pkg, target, e.Problem()) }

// FieldError is one problem with one value: where it is (a JSON path such as
// "usage[2].percent", "" for the whole input), a stable code, and a message a
// person can read. Error prefixes the message with the package and the path.
type FieldError struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`

	pkg  string
	errs []error
}

// NewFieldError returns a FieldError of package pkg that unwraps to sentinels (to
// [ErrInvalid] when none is given).
func NewFieldError(pkg, path, code, message string, sentinels ...error) *FieldError {
	return &FieldError{Path: path, Code: code, Message: message, pkg: pkg, errs: sentinels}
}

// Error returns "pkg: path: message", or "pkg: message" when the path is empty.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.pkg != "" {
		b.WriteString(e.pkg)
		b.WriteString(": ")
	}
	b.WriteString(e.text())
	return b.String()
}

func (e *FieldError) text() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Unwrap returns the sentinels the problem belongs to.
func (e *FieldError) Unwrap() []error { return sentinels(e.errs) }

// As reads the error as a *ValidationError of one problem.
func (e *FieldError) As(target any) bool { return asValidation(e.pkg, target, e) }

// Rebase returns a copy of e with its path under base ("usage[1]" + "amount" =
// "usage[1].amount").
func (e *FieldError) Rebase(base string) *FieldError {
	c := *e
	c.Path = JoinPath(base, e.Path)
	return &c
}

// ValidationError holds every problem found in one input, in the order found.
// Every error the module returns for bad input is, or reads as (errors.As), a
// *ValidationError: a service answers with its Problems as they are.
type ValidationError struct {
	What     string        // what was checked: "calendar spec", "rate card", "CPM"
	Problems []*FieldError // at least one

	pkg string
}

// NewValidationError returns the problems as one error of package pkg, or nil
// when there are none.
func NewValidationError(pkg, what string, problems []*FieldError) error {
	if len(problems) == 0 {
		return nil
	}
	return &ValidationError{What: what, Problems: problems, pkg: pkg}
}

// Error returns "pkg: what: problem; problem; ...".
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.pkg != "" {
		b.WriteString(e.pkg)
		b.WriteString(": ")
	}
	if e.What != "" {
		b.WriteString(e.What)
		b.WriteString(": ")
	}
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.text())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is finds each one's sentinel and
// errors.As each *FieldError.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// MismatchError reports two values that cannot be combined or compared: amounts
// in different currencies, engagement rates under different definitions. A and B
// are the two values as text, in the order of the operation.
type MismatchError struct {
	Op   string // what was attempted: "add", "combine engagement rates"
	What string // what differs: "currency", "definition"
	A, B string // the two values, e.g. "2500.00 USD" and "10.00 EUR"
	Path string // the JSON path of the second value when it came from a document
	Code string // the stable code; "" means CodeMismatch

	pkg  string
	errs []error
}

// NewMismatchError returns a MismatchError of package pkg that unwraps to
// sentinels.
func NewMismatchError(pkg string, e MismatchError, sentinels ...error) *MismatchError {
	e.pkg = pkg
	e.errs = sentinels
	return &e
}

// Error returns "pkg: op: what of \"A\" and \"B\" differ".
func (e *MismatchError) Error() string {
	return e.pkg + ": " + e.message()
}

func (e *MismatchError) message() string {
	s := ""
	if e.Op != "" {
		s = e.Op + ": "
	}
	return s + e.What + " differs: " + Quote(e.A) + " and " + Quote(e.B)
}

// Unwrap returns the sentinels the error belongs to.
func (e *MismatchError) Unwrap() []error { return sentinels(e.errs) }

// As reads the error as a *ValidationError of one problem.
func (e *MismatchError) As(target any) bool {
	code := e.Code
	if code == "" {
		code = CodeMismatch
	}
	return asValidation(e.pkg, target, &FieldError{Path: e.Path, Code: code, Message: e.message(), pkg: e.pkg, errs: e.errs})
}

func asValidation(pkg string, target any, p *FieldError) bool {
	t, ok := target.(**ValidationError)
	if !ok {
		return false
	}
	*t = &ValidationError{Problems: []*FieldError{p}, pkg: pkg}
	return true
}

func sentinels(errs []error) []error {
	if len(errs) == 0 {
		return []error{ErrInvalid}
	}
	return errs
}

// JoinPath joins a JSON path and a field or index below it.
func JoinPath(base, field string) string {
	switch {
	case base == "":
		return field
	case field == "":
		return base
	case field[0] == '[':
		return base + field
	}
	return base + "." + field
}

// Index returns path[i].
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// List collects problems for one input.
type List struct {
	Pkg      string
	Problems []*FieldError
}

// Add records a problem at path with the package's sentinels.
func (l *List) Add(path, code, message string, sentinels ...error) {
	l.Problems = append(l.Problems, NewFieldError(l.Pkg, path, code, message, sentinels...))
}

// AddErr records err at path: the problems of a module error (rebased under
// path), or err's message as a malformed value.
func (l *List) AddErr(path string, err error) {
	l.Problems = append(l.Problems, Problems(l.Pkg, path, err)...)
}

// Err returns the problems as a *ValidationError about what, or nil.
func (l *List) Err(what string) error { return NewValidationError(l.Pkg, what, l.Problems) }

// Problems returns err as field problems under path: the problems of a module
// error, or one "malformed" problem with err's message.
func Problems(pkg, path string, err error) []*FieldError {
	var ve *ValidationError
	if errors.As(err, &ve) {
		out := make([]*FieldError, len(ve.Problems))
		for i, p := range ve.Problems {
			out[i] = p.Rebase(path)
		}
		return out
	}
	return []*FieldError{NewFieldError(pkg, path, CodeMalformed, err.Error())}
}
