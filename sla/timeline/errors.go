package timeline

import (
	"github.com/creatorops/creatorops/internal/problem"
)

// ErrInvalid is wrapped by every error of this package for bad input: a plan
// that does not validate or cannot fit, an event that does not parse or that
// cannot have happened. It is the module's one ErrInvalid (sla.ErrInvalid).
var ErrInvalid = problem.ErrInvalid

// The module's error types (see package sla): every error of this package reads
// as a *ValidationError with errors.As.
type (
	FieldError      = problem.FieldError
	ValidationError = problem.ValidationError
)

// Stable codes of this package's problems, beside the module-wide ones. They
// are API; messages are not.
const (
	// CodeInfeasible: the plan's windows cannot fit before its post date.
	CodeInfeasible = "infeasible"
	// CodeImpossible: an event that cannot have happened at that point (an
	// approval before any submission, a post before final approval, a second
	// payment). The event is left out; the state comes from the others.
	CodeImpossible = "impossible"
	// CodeDuplicateEvent: two events with the same sequence number.
	CodeDuplicateEvent = "duplicate_event"
)

const pkg = "timeline"
