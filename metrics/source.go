package metrics

import (
	"strings"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
)

// SourceKind says where a reported number came from.
type SourceKind uint8

// The kinds of metric source. The zero SourceKind is invalid: every actual names its
// source.
const (
	SourceScreenshot  SourceKind = iota + 1 // a screenshot of the platform's native analytics
	SourceExport                            // an export (CSV, PDF) from the platform's native analytics
	SourceAPI                               // the platform's API, read by the platform or a tool
	SourceLinkTracker                       // a link tracker or UTM analytics (clicks, conversions)
	SourcePromoCode                         // redemptions of the creator's promo code (conversions)
)

var sourceNames = [...]string{"", "screenshot", "export", "api", "link_tracker", "promo_code"}

// String returns the kind's text form: "screenshot", "export", "api", "link_tracker" or
// "promo_code".
func (k SourceKind) String() string {
	if k >= SourceScreenshot && k <= SourcePromoCode {
		return sourceNames[k]
	}
	return "invalid source"
}

// MarshalText implements [encoding.TextMarshaler]. The zero SourceKind is an error.
func (k SourceKind) MarshalText() ([]byte, error) {
	if k < SourceScreenshot || k > SourcePromoCode {
		return nil, invalid("SourceKind.MarshalText", "kind", "", CodeRequired, "zero or unknown SourceKind")
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], case-insensitively. Empty text
// gives the zero SourceKind.
func (k *SourceKind) UnmarshalText(text []byte) error {
	s := string(text)
	if s == "" {
		*k = 0
		return nil
	}
	for i := SourceScreenshot; i <= SourcePromoCode; i++ {
		if strings.EqualFold(s, sourceNames[i]) {
			*k = i
			return nil
		}
	}
	return problem.NewParseError(pkg, ParseError{What: "source kind", Input: s, Token: s,
		Reason: "want screenshot, export, api, link_tracker or promo_code"}, ErrInvalid)
}

// ReportWindow is the reporting deadline an actual answers: the report due 7 or 30
// calendar days after posting.
type ReportWindow uint8

// The reporting windows. The zero ReportWindow is invalid.
const (
	Report7Days  ReportWindow = 7
	Report30Days ReportWindow = 30
)

// Days returns the window's length in calendar days, or 0 for an invalid window.
func (w ReportWindow) Days() int {
	if w == Report7Days || w == Report30Days {
		return int(w)
	}
	return 0
}

// String returns "7d" or "30d".
func (w ReportWindow) String() string {
	switch w {
	case Report7Days:
		return "7d"
	case Report30Days:
		return "30d"
	}
	return "invalid window"
}

// MarshalText implements [encoding.TextMarshaler]. The zero ReportWindow is an error.
func (w ReportWindow) MarshalText() ([]byte, error) {
	if w.Days() == 0 {
		return nil, invalid("ReportWindow.MarshalText", "window", "", CodeRequired, "zero or unknown ReportWindow")
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "7d" or "30d", case-insensitive.
// Empty text gives the zero ReportWindow.
func (w *ReportWindow) UnmarshalText(text []byte) error {
	switch strings.ToLower(string(text)) {
	case "":
		*w = 0
	case "7d":
		*w = Report7Days
	case "30d":
		*w = Report30Days
	default:
		return problem.NewParseError(pkg, ParseError{What: "report window", Input: string(text), Reason: `want "7d" or "30d"`}, ErrInvalid)
	}
	return nil
}

// Deadline returns the instant the report is due: the same wall-clock time w.Days()
// calendar days after postedAt, in postedAt's location (so a report across a DST change
// is due at the same local time, not 24-hour multiples later). It returns the zero Time
// for an invalid window.
func (w ReportWindow) Deadline(postedAt time.Time) time.Time {
	if w.Days() == 0 {
		return time.Time{}
	}
	return postedAt.AddDate(0, 0, w.Days())
}

// Source records where an actual figure came from, when it was captured, and the
// reporting window it answers. It is plain data; [Source.Validate] checks it.
type Source struct {
	Kind       SourceKind   `json:"kind"`
	CapturedAt time.Time    `json:"captured_at"`
	Window     ReportWindow `json:"window"`
	// Reference is optional free text: a file name, a tracker URL, a code.
	Reference string `json:"reference,omitempty"`
}

// Validate reports every problem with s: nil, or one *[ValidationError] with a problem
// (code "required", wrapping [ErrInvalid]) at each of "kind" (zero or unknown),
// "captured_at" (zero) and "window" (zero or unknown).
func (s Source) Validate() error {
	p := newProblems()
	s.validate(&p, "")
	return p.Err("source")
}

// validate records the problems of s under base and reports whether there were any.
func (s Source) validate(p *problems, base string) (bad bool) {
	n := len(p.Problems)
	if s.Kind < SourceScreenshot || s.Kind > SourcePromoCode {
		p.add(problem.JoinPath(base, "kind"), CodeRequired, "missing: say where the number came from")
	}
	if s.CapturedAt.IsZero() {
		p.add(problem.JoinPath(base, "captured_at"), CodeRequired, "missing")
	}
	if s.Window.Days() == 0 {
		p.add(problem.JoinPath(base, "window"), CodeRequired, `missing: want "7 days" or "30 days"`)
	}
	return len(p.Problems) > n
}

// Early reports whether the figures were captured before the window closed, i.e. before
// Window.Deadline(postedAt): a 7-day report read on day 5 understates the post.
func (s Source) Early(postedAt time.Time) bool {
	d := s.Window.Deadline(postedAt)
	return !d.IsZero() && s.CapturedAt.Before(d)
}
