package sla

import (
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// ErrInvalid is wrapped by every error this package returns for bad input: a rule,
// a date or a window that cannot be parsed, a time zone that cannot be loaded, a
// calendar whose week has too little working time. It is the same value in every
// package of the module (pricing.ErrInvalid, metrics.ErrInvalid), so one
// errors.Is test covers them all. A platform maps it to HTTP 422 or 400.
var ErrInvalid = problem.ErrInvalid

// The module's error model, shared by every package (sla.ParseError and
// pricing.ParseError are the same type). Every error this package returns for bad
// input is one of them, and each reads as a *[ValidationError] with errors.As, so
// that a service turns any error into a list of {path, code, message}:
//
//	var ve *sla.ValidationError
//	if errors.As(err, &ve) {
//		for _, p := range ve.Problems {
//			fmt.Println(p.Path, p.Code, p.Message)
//		}
//	}
type (
	// ParseError reports text that does not parse: what was parsed, its JSON path
	// when it came from a spec ("hours[1]"), the whole input, the part at fault
	// and why. Its message reads
	//
	//	sla: hours[1]: parse hours "mon-fry 09:00-17:00": unknown day "fry" (...)
	ParseError = problem.ParseError

	// FieldError is one problem with one value: its JSON path, a stable code and
	// a message.
	FieldError = problem.FieldError

	// ValidationError holds every problem found in one input, in the order found.
	ValidationError = problem.ValidationError

	// MismatchError reports two values that cannot be combined.
	MismatchError = problem.MismatchError
)

// Stable codes of this package's problems, beside the module-wide ones (a
// [ParseError] is "malformed"). They are API; messages are not.
const (
	CodeMalformed    = problem.CodeMalformed     // text that does not parse
	CodeRequired     = problem.CodeRequired      // a required value is missing (time_zone)
	CodeUnknownField = problem.CodeUnknownField  // a JSON key CalendarSpec does not have
	CodeDuplicateKey = problem.CodeDuplicateKey  // a JSON key given twice
	CodeTooLarge     = problem.CodeTooLarge      // a spec larger than MaxSpecBytes
	CodeOutOfRange   = problem.CodeOutOfRange    // a range, count or interval list past its limit
	CodeUnknownZone  = "unknown_zone"            // a time zone the tz database does not have, or "Local"
	CodeTooLittle    = "too_little_working_time" // a week with less than an hour of working time
)

const pkg = "sla"

// parseErr returns a ParseError of the spec field (path "hours[1]") or lone
// argument ("window") field.
func parseErr(field, input, token, reason string) *ParseError {
	what, _, indexed := strings.Cut(field, "[")
	path := ""
	if indexed || field == "time_zone" {
		path = field
	}
	return problem.NewParseError(pkg, problem.ParseError{What: what, Path: path, Input: input, Token: token, Reason: reason})
}

func fieldErr(path, code, message string) *FieldError {
	return problem.NewFieldError(pkg, path, code, message)
}
