package metrics

import (
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Count is a count that may be unknown: a number from a report, or no number at all
// (no report yet, or a platform that does not expose it). The zero Count, Count{}, is
// the unknown Count, so a [Counts] literal leaves every field it does not set unknown
// rather than zero; make a known count, zero included, with [Known]. Counts are
// comparable with ==: Count{} == Known(0) is false.
type Count struct {
	n     int64
	known bool
}

// Known returns a known Count of n. A negative n is accepted here and rejected, with an
// error wrapping [ErrInvalid], by every function that uses it, by [Counts.Validate] and
// by [Count.MarshalText]: a negative count has no text form.
func Known(n int64) Count { return Count{n: n, known: true} }

// Get returns the count and whether it is known.
func (c Count) Get() (n int64, ok bool) { return c.n, c.known }

// IsKnown reports whether the count is known.
func (c Count) IsKnown() bool { return c.known }

// String returns the count in decimal digits, or "unknown".
func (c Count) String() string {
	if !c.known {
		return "unknown"
	}
	return strconv.FormatInt(c.n, 10)
}

// MarshalText implements [encoding.TextMarshaler]: decimal digits, or empty for unknown.
// In JSON a known Count is a string of digits ("80000"), never a bare number that a
// decoder could turn into a float, and an unknown one is "" (a field of [Counts] or
// [Post] that is unknown is left out).
//
// A negative known Count (Known(-5)) is invalid and has no text form: MarshalText
// returns a *[FieldError] with code "negative" wrapping [ErrInvalid], so json.Marshal
// fails rather than write "-5", which [ParseCount] would not read back. Everything
// MarshalText writes, ParseCount reads back to an equal Count.
func (c Count) MarshalText() ([]byte, error) {
	if !c.known {
		return []byte{}, nil
	}
	if c.n < 0 {
		return nil, negative("Count.MarshalText", "count", c.n)
	}
	return strconv.AppendInt(nil, c.n, 10), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. Empty text and "unknown" give the
// unknown Count; otherwise the text must be a non-negative decimal integer without sign
// or separators. Errors are *[ParseError] wrapping [ErrInvalid]; a leading "-" has code
// "negative", a count beyond int64 "out_of_range".
func (c *Count) UnmarshalText(text []byte) error {
	s := string(text)
	if s == "" || strings.EqualFold(s, "unknown") {
		*c = Count{}
		return nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			e := ParseError{What: "count", Input: s, Token: s[i : i+1], Reason: "want digits 0-9 or \"unknown\", found " + strconv.Quote(s[i:i+1])}
			if i == 0 && s[0] == '-' {
				e.Code, e.Reason = CodeNegative, "negative count"
			}
			return problem.NewParseError(pkg, e, ErrInvalid)
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return problem.NewParseError(pkg, ParseError{What: "count", Input: s, Token: s, Code: CodeOutOfRange,
			Reason: "larger than 9223372036854775807"}, ErrInvalid)
	}
	*c = Known(n)
	return nil
}

// ParseCount parses the text form of [Count.MarshalText]; see [Count.UnmarshalText].
func ParseCount(s string) (Count, error) {
	var c Count
	err := c.UnmarshalText([]byte(s))
	return c, err
}

// Metric names one field of [Counts].
type Metric uint8

// The metrics of [Counts].
const (
	Impressions    Metric = iota + 1 // times the post was shown (not unique)
	Reach                            // unique accounts reached; never summed across posts
	Views                            // views by the platform's own definition
	CompletedViews                   // views watched to the end
	Followers                        // the creator's followers when the post went live
	Likes
	Comments
	Shares
	Saves
	Clicks      // link clicks
	Conversions // purchases, sign-ups: whatever the campaign counts as the action
)

const numMetrics = int(Conversions) + 1

var metricNames = [numMetrics]string{
	"", "impressions", "reach", "views", "completed views", "followers",
	"likes", "comments", "shares", "saves", "clicks", "conversions",
}

// metricKeys are the JSON names of the fields of Counts.
var metricKeys = [numMetrics]string{
	"", "impressions", "reach", "views", "completed_views", "followers",
	"likes", "comments", "shares", "saves", "clicks", "conversions",
}

// String returns the metric's name in lower case, e.g. "completed views".
func (m Metric) String() string {
	if int(m) > 0 && int(m) < numMetrics {
		return metricNames[m]
	}
	return "Metric(" + strconv.Itoa(int(m)) + ")"
}

// Counts holds the figures of one post from one report. Fields left unset are unknown,
// not zero; set a zero with Known(0).
//
// In JSON, Counts is an object with snake_case names and each count a string of digits:
// {"views":"80000","saves":"0"}. Unknown counts are left out; a missing field, "" or
// "unknown" decodes as unknown. Decoding is strict ([DecodeCounts]): "Views" or "viewz"
// is an unknown field, not a missing view count.
type Counts struct {
	Impressions    Count `json:"impressions,omitzero"`
	Reach          Count `json:"reach,omitzero"`
	Views          Count `json:"views,omitzero"`
	CompletedViews Count `json:"completed_views,omitzero"`
	Followers      Count `json:"followers,omitzero"`
	Likes          Count `json:"likes,omitzero"`
	Comments       Count `json:"comments,omitzero"`
	Shares         Count `json:"shares,omitzero"`
	Saves          Count `json:"saves,omitzero"`
	Clicks         Count `json:"clicks,omitzero"`
	Conversions    Count `json:"conversions,omitzero"`
}

// Get returns the Count of metric m, or the unknown Count for an unknown m.
func (c Counts) Get(m Metric) Count {
	switch m {
	case Impressions:
		return c.Impressions
	case Reach:
		return c.Reach
	case Views:
		return c.Views
	case CompletedViews:
		return c.CompletedViews
	case Followers:
		return c.Followers
	case Likes:
		return c.Likes
	case Comments:
		return c.Comments
	case Shares:
		return c.Shares
	case Saves:
		return c.Saves
	case Clicks:
		return c.Clicks
	case Conversions:
		return c.Conversions
	}
	return Count{}
}

// Validate reports every known count that is negative: nil, or one *[ValidationError]
// with a problem (code "negative", wrapping [ErrInvalid]) at each count's JSON name
// ("views", "completed_views").
func (c Counts) Validate() error {
	p := newProblems()
	c.validate(&p, "")
	return p.Err("counts")
}

func (c Counts) validate(p *problems, base string) {
	for m := Impressions; m <= Conversions; m++ {
		if n, ok := c.Get(m).Get(); ok && n < 0 {
			p.add(problem.JoinPath(base, metricKeys[m]), CodeNegative, strconv.FormatInt(n, 10)+": negative count")
		}
	}
}
