package metrics

import (
	"errors"
	"strings"
	"time"
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
		return nil, invalid("SourceKind", "kind", "", "zero or unknown SourceKind")
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
	return &ParseError{What: "source kind", Input: s,
		Reason: "want screenshot, export, api, link_tracker or promo_code"}
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
		return nil, invalid("ReportWindow", "window", "", "zero or unknown ReportWindow")
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
		return &ParseError{What: "report window", Input: string(text), Reason: `want "7d" or "30d"`}
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

// Validate reports every problem with s, joined, each wrapping [ErrInvalid]: a zero or
// unknown Kind, a zero CapturedAt, a zero or unknown Window.
func (s Source) Validate() error {
	var errs []error
	if s.Kind < SourceScreenshot || s.Kind > SourcePromoCode {
		errs = append(errs, invalid("source", "kind", "", "missing: say where the number came from"))
	}
	if s.CapturedAt.IsZero() {
		errs = append(errs, invalid("source", "captured_at", "", "missing"))
	}
	if s.Window.Days() == 0 {
		errs = append(errs, invalid("source", "window", "", `missing: want "7d" or "30d"`))
	}
	return errors.Join(errs...)
}

// Early reports whether the figures were captured before the window closed, i.e. before
// Window.Deadline(postedAt): a 7-day report read on day 5 understates the post.
func (s Source) Early(postedAt time.Time) bool {
	d := s.Window.Deadline(postedAt)
	return !d.IsZero() && s.CapturedAt.Before(d)
}
