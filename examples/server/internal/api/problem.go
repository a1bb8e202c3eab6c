package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla"
)

// Stable codes of a Problem (its "code" member). They are API; titles and
// details are not.
const (
	CodeInvalid          = "invalid"            // 422: the request's problems are in "errors"
	CodeMalformed        = "malformed"          // 400: the body is not a JSON document
	CodeUnauthorized     = "unauthorized"       // 401: no bearer token, or one that no workspace holds
	CodeNotFound         = "not_found"          // 404: no such route, or nothing of this workspace under that ID
	CodeMethodNotAllowed = "method_not_allowed" // 405
	CodeConflict         = "conflict"           // 409: the ID or sequence number holds something else
	CodeTooLarge         = "too_large"          // 413: the body is larger than the limit
	CodeUnavailable      = "unavailable"        // 503: the database does not answer
	CodeInternal         = "internal"           // 500: a bug; the log has the details
)

// Codes of the entries of a Problem's "errors" beside the module's own
// (malformed, required, unknown_field, duplicate_key, too_large, out_of_range,
// unknown_zone, infeasible, ...).
const (
	CodeMissingToken = "missing_token" // no Authorization: Bearer header
	CodeInvalidToken = "invalid_token" // a token that no workspace holds
	CodeSeqConflict  = "seq_conflict"  // an event's seq is recorded with other content
)

// Problem is an RFC 9457 problem details document, sent as
// application/problem+json for every error: a stable Code for programs, and
// for a request that does not validate, every problem at once in Errors, each
// where it is in the request and with the module's own code.
type Problem struct {
	Type     string          `json:"type,omitempty" format:"uri" doc:"A URI reference for the problem type; absent means about:blank (the title is the HTTP status text)."`
	Title    string          `json:"title" doc:"A short summary of the problem type: the HTTP status text." example:"Unprocessable Entity"`
	Status   int             `json:"status" doc:"The HTTP status code." example:"422"`
	Detail   string          `json:"detail,omitempty" doc:"What went wrong, for a person." example:"invalid plan: creator.calendar.hours[0]: parse hours \"mon-fry 09:00-17:00\": unknown day \"fry\""`
	Instance string          `json:"instance,omitempty" format:"uri" doc:"A URI reference for this occurrence."`
	Code     string          `json:"code" doc:"A stable code for the problem: invalid, malformed, unauthorized, not_found, method_not_allowed, conflict, too_large, unavailable, internal; sheet_too_long for an agreement's sheet that does not fit on one page." example:"invalid"`
	Errors   []*ProblemError `json:"errors,omitempty" doc:"Every problem found in the request, each with where it is and a stable code."`
}

// ProblemError is one problem with one part of a request.
type ProblemError struct {
	Location string `json:"location" doc:"Where the problem is: body, body.<path>, query.<name>, path.<name> or header.<name>." example:"body.plan.creator.calendar.hours[0]"`
	Path     string `json:"path,omitempty" doc:"For a problem in the body: its JSON path in the body, as the library reports it." example:"plan.creator.calendar.hours[0]"`
	Code     string `json:"code" doc:"A stable code: the library's (malformed, required, unknown_field, duplicate_key, too_large, out_of_range, unknown_zone, infeasible, ...) or the service's (missing_token, invalid_token, seq_conflict, invalid)." example:"malformed"`
	Message  string `json:"message" doc:"The problem, for a person." example:"parse hours \"mon-fry 09:00-17:00\": unknown day \"fry\""`
}

func (e *ProblemError) Error() string {
	if e.Location == "" {
		return e.Message
	}
	return e.Location + ": " + e.Message
}

// Error returns the detail.
func (p *Problem) Error() string { return p.Detail }

// GetStatus returns the HTTP status (huma.StatusError).
func (p *Problem) GetStatus() int { return p.Status }

// ContentType makes JSON problems application/problem+json
// (huma.ContentTypeFilter).
func (p *Problem) ContentType(ct string) string {
	if ct == "application/json" {
		return "application/problem+json"
	}
	return ct
}

var humaErrors sync.Once

// codeOf returns the Problem code of an HTTP status.
func codeOf(status int) string {
	switch status {
	case http.StatusBadRequest:
		return CodeMalformed
	case http.StatusUnauthorized:
		return CodeUnauthorized
	case http.StatusNotFound:
		return CodeNotFound
	case http.StatusMethodNotAllowed:
		return CodeMethodNotAllowed
	case http.StatusConflict:
		return CodeConflict
	case http.StatusRequestEntityTooLarge:
		return CodeTooLarge
	case http.StatusUnprocessableEntity:
		return CodeInvalid
	case http.StatusServiceUnavailable:
		return CodeUnavailable
	case statusClientClosed:
		return "client_closed_request"
	}
	if status >= 500 {
		return CodeInternal
	}
	return strings.ReplaceAll(strings.ToLower(http.StatusText(status)), " ", "_")
}

// newProblem returns a Problem of status with detail and the entries errs.
func newProblem(status int, detail string, errs ...*ProblemError) *Problem {
	return &Problem{Title: http.StatusText(status), Status: status, Detail: detail, Code: codeOf(status), Errors: errs}
}

// useProblems makes every error huma writes itself (a body past the limit, an
// unknown query parameter, a parameter of the wrong type) a Problem, and keeps
// the details of a server error out of the response (they go to the log).
// huma's hook is a package variable; it is set once, to the same function, by
// every Server.
func useProblems() {
	humaErrors.Do(func() {
		huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
			p := newProblem(status, msg)
			if status >= 500 {
				return p
			}
			for _, err := range errs {
				if err != nil {
					p.Errors = append(p.Errors, problemErrors("", err)...)
				}
			}
			return p
		}
		huma.NewErrorWithContext = func(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
			if status >= 500 && len(errs) > 0 {
				logFrom(ctx.Context()).ErrorContext(ctx.Context(), "request failed", "status", status, "error", errors.Join(errs...))
			}
			return huma.NewError(status, msg, errs...)
		}
	})
}

// problemErrors returns the entries of a Problem for err: each problem of a
// module error (read with errors.As as the library's *ValidationError) under
// location loc ("body"), an entry as it is, or huma's own detail.
func problemErrors(loc string, err error) []*ProblemError {
	var pe *ProblemError
	if errors.As(err, &pe) {
		return []*ProblemError{pe}
	}
	var ve *sla.ValidationError
	if errors.As(err, &ve) {
		out := make([]*ProblemError, len(ve.Problems))
		for i, f := range ve.Problems {
			out[i] = &ProblemError{Location: joinLocation(loc, f.Path), Path: f.Path, Code: f.Code, Message: f.Message}
		}
		return out
	}
	var hd huma.ErrorDetailer
	if errors.As(err, &hd) {
		d := hd.ErrorDetail()
		code := CodeInvalid
		if d.Message == "unknown query parameter" {
			code = sla.CodeUnknownField
		}
		return []*ProblemError{{Location: d.Location, Code: code, Message: d.Message}}
	}
	return []*ProblemError{{Location: loc, Code: CodeInvalid, Message: err.Error()}}
}

// joinLocation returns loc followed by a JSON path: "body" and
// "plan.id" give "body.plan.id", "body" and "[3].kind" give "body[3].kind".
func joinLocation(loc, path string) string {
	switch {
	case path == "":
		return loc
	case loc == "":
		return path
	case path[0] == '[':
		return loc + path
	}
	return loc + "." + path
}

// invalid returns the 422 Problem of a module error whose problems lie in the
// request body, or nil for a nil error.
func invalid(what string, err error) error {
	if err == nil {
		return nil
	}
	errs := problemErrors("body", err)
	detail := "invalid " + what
	if len(errs) > 0 {
		first := errs[0]
		detail += ": " + strings.TrimPrefix(first.Error(), "body.")
		if len(errs) > 1 {
			detail += " (and " + strconv.Itoa(len(errs)-1) + " more)"
		}
	}
	return newProblem(http.StatusUnprocessableEntity, detail, errs...)
}

// malformedBody is the 400 Problem of a body that is not a JSON document.
func malformedBody(err error) error {
	errs := problemErrors("body", err)
	detail := "the body is not a JSON document"
	if len(errs) == 1 {
		detail += ": " + errs[0].Message
	}
	return newProblem(http.StatusBadRequest, detail, errs...)
}

// fail turns an error of the store or an unexpected one into a Problem,
// logging what a client must not see.
func fail(ctx context.Context, what string, err error) error {
	var p *Problem
	switch {
	case errors.As(err, &p):
		return p
	case errors.Is(err, store.ErrNotFound):
		return newProblem(http.StatusNotFound, what+" not found")
	case errors.Is(err, context.Canceled):
		return newProblem(statusClientClosed, "the client went away")
	}
	logFrom(ctx).ErrorContext(ctx, "request failed", "what", what, "error", err)
	return newProblem(http.StatusInternalServerError, "internal error: the service's log has the details")
}

// writeProblem writes p as application/problem+json, for the responses that
// do not come from huma (an unknown route).
func writeProblem(w http.ResponseWriter, p *Problem) {
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	_, _ = w.Write(b)
}

// statusClientClosed is the status logged for a request whose client went
// away (nginx's 499); nobody reads the response.
const statusClientClosed = 499

type logKey struct{}

// logFrom returns the request's logger, or the default one.
func logFrom(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(logKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}
