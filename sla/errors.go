package sla

import (
	"errors"
	"strconv"
)

// ErrInvalid is wrapped by every error this package returns for bad input: a rule,
// a date or a window that cannot be parsed, a time zone that cannot be loaded, or a
// calendar whose week has no working time. A platform maps it to HTTP 422.
var ErrInvalid = errors.New("sla: invalid input")

// ParseError reports input that could not be parsed: which field, the whole input,
// the offending token and why. Its Unwrap returns [ErrInvalid].
type ParseError struct {
	Field  string // what was being parsed: "window", "time_zone", "hours[1]", "holidays[0]"
	Input  string // the whole input of that field
	Token  string // the offending part of Input; may be empty
	Reason string // why it was rejected
}

// Error returns a message of the form
//
//	sla: parse hours[1] "mon-fry 09:00-17:00": unknown day "fry"
func (e *ParseError) Error() string {
	msg := "sla: parse " + e.Field + " " + strconv.Quote(e.Input) + ": " + e.Reason
	if e.Token != "" {
		msg += " " + strconv.Quote(e.Token)
	}
	return msg
}

// Unwrap returns [ErrInvalid].
func (e *ParseError) Unwrap() error { return ErrInvalid }
