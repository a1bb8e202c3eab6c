package metrics

import (
	"strconv"
	"strings"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/quantity"
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

// ReportWindow is the reporting window an actual answers: the report of the figures 7
// or 30 calendar days after posting. It is a label that matches an actual to its
// roll-up; metrics never computes the instant a report is due. That deadline is
// calendar arithmetic, which has one home: the timeline engine (package sla/timeline)
// computes it on the creator's calendar with the policy's report windows (sla.Days(7),
// sla.Days(30)), including the DST rules of package sla (a wall time that does not
// exist moves forward by the gap).
//
// Its text form is the module's grammar for "n units": "7 days", "7 day", "7d",
// "30 Days", case-insensitive; [ReportWindow.String] gives the long form, which reads
// back.
type ReportWindow uint8

// The reporting windows. The zero ReportWindow is invalid.
const (
	Report7Days  ReportWindow = 7
	Report30Days ReportWindow = 30
)

var dayUnit = []quantity.Unit{{One: "day", Many: "days", Short: []string{"d"}}}

// Days returns the window's length in calendar days, or 0 for an invalid window.
func (w ReportWindow) Days() int {
	if w == Report7Days || w == Report30Days {
		return int(w)
	}
	return 0
}

// String returns "7 days" or "30 days", the form [ParseReportWindow] reads back, or
// "invalid window".
func (w ReportWindow) String() string {
	if w.Days() == 0 {
		return "invalid window"
	}
	return dayUnit[0].Format(int64(w))
}

// ParseReportWindow parses "7 days" or "30 days" in the module's grammar for "n
// units": case-insensitive, singular or plural, with or without a space, the short
// form "d" ("7d", "30 Days", "007 days"). Any other count of days is an error, as is
// empty text; errors are *[ParseError] wrapping [ErrInvalid].
func ParseReportWindow(s string) (ReportWindow, error) {
	n, _, qe := quantity.Parse(s, dayUnit, 999)
	if qe != nil {
		return 0, problem.NewParseError(pkg, ParseError{What: "report window", Input: s, Token: qe.Token, Reason: qe.Reason}, ErrInvalid)
	}
	if w := ReportWindow(n); n <= 255 && w.Days() != 0 {
		return w, nil
	}
	return 0, problem.NewParseError(pkg, ParseError{What: "report window", Input: s, Token: strconv.FormatInt(n, 10), Code: CodeOutOfRange,
		Reason: `want "7 days" or "30 days", found ` + strconv.Quote(dayUnit[0].Format(n))}, ErrInvalid)
}

// MarshalText implements [encoding.TextMarshaler] with [ReportWindow.String]. The zero
// ReportWindow is an error.
func (w ReportWindow) MarshalText() ([]byte, error) {
	if w.Days() == 0 {
		return nil, invalid("ReportWindow.MarshalText", "window", "", CodeRequired, "zero or unknown ReportWindow")
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseReportWindow]. Empty
// text gives the zero ReportWindow.
func (w *ReportWindow) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*w = 0
		return nil
	}
	v, err := ParseReportWindow(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// Source records where an actual figure came from, when it was captured, and the
// reporting window it answers. It is plain data; [Source.Validate] checks it. Whether
// the figures were captured before the report was due is a question for whoever knows
// the deadline (the timeline engine in sla/timeline): compare CapturedAt with it.
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
