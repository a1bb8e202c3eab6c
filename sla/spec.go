package sla

import (
	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"time"
)

// CalendarSpec is the JSON form of a [Calendar]: one party's time zone, weekly
// working hours, holidays and special days, quiet hours and pre-scheduled windows.
// It is a public, cross-language contract; see the package documentation for the
// syntax of each field.
type CalendarSpec struct {
	TimeZone  string   `json:"time_zone"`           // IANA name, required ("UTC" is explicit; "Local" is rejected)
	Hours     []string `json:"hours,omitempty"`     // default ["mon-fri 09:00-17:00"]
	Holidays  []string `json:"holidays,omitempty"`  // "2026-12-25", "2026-12-24..2026-12-31", "2026-12-24 09:00-13:00"
	Quiet     []string `json:"quiet,omitempty"`     // "sat-sun", "daily 21:00-08:00"
	Scheduled []string `json:"scheduled,omitempty"` // "2026-12-05 10:00-12:00"
}

// DefaultHours is the working week of a spec that gives no hours.
const DefaultHours = "mon-fri 09:00-17:00"

// MaxSpecBytes bounds the JSON that [DecodeCalendarSpec] and [DecodeCalendar]
// read.
const MaxSpecBytes = 1 << 20

// DecodeCalendarSpec decodes the JSON form of a calendar spec strictly and
// validates it, reporting every problem at once in a *[ValidationError], each
// with its path ("hours[1]", "time_zone"): keys match exactly (case included),
// a key given twice, an unknown key, a value of the wrong type, data after the
// object or a document larger than [MaxSpecBytes] are errors, and so is every
// problem [NewCalendar] finds. It returns the spec as decoded, not canonical.
func DecodeCalendarSpec(data []byte) (CalendarSpec, error) {
	s, _, err := decodeCalendar(data, loadZone)
	if err != nil {
		return CalendarSpec{}, err
	}
	return s, nil
}

// DecodeCalendar is [DecodeCalendarSpec] followed by [NewCalendar]: it decodes,
// validates and builds a calendar, reporting every problem at once.
func DecodeCalendar(data []byte) (*Calendar, error) {
	_, c, err := decodeCalendar(data, loadZone)
	return c, err
}

func decodeCalendar(data []byte, load func(string) (*time.Location, error)) (CalendarSpec, *Calendar, error) {
	var s CalendarSpec
	l := problem.List{Pkg: pkg}
	decoded, ok := strictjson.Decode(pkg, data, &s, MaxSpecBytes)
	l.Problems = decoded
	if !ok {
		return CalendarSpec{}, nil, l.Err("calendar spec")
	}
	c, err := newCalendar(s, load)
	if err != nil {
		l.Problems = strictjson.Merge(decoded, problem.Problems(pkg, "", err))
	}
	if err := l.Err("calendar spec"); err != nil {
		return CalendarSpec{}, nil, err
	}
	return s, c, nil
}
