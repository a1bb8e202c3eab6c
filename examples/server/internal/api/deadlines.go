package api

import (
	"context"
	"crypto/sha256"
	"errors"
	"time"

	"github.com/creatorops/creatorops/sla"
)

// DeadlineRequest documents the body of POST /v1/deadlines.
type DeadlineRequest struct {
	Calendar    sla.CalendarSpec  `json:"calendar" doc:"The calendar of the party whose window it is."`
	Start       time.Time         `json:"start" doc:"When the window opens: RFC 3339 with an offset." example:"2027-03-08T13:00:00-05:00"`
	Window      sla.Window        `json:"window"`
	Counterpart *sla.CalendarSpec `json:"counterpart,omitempty" doc:"The other party's calendar: the deadline is given in its zone too, with its working time."`
}

// Deadline is the answer of POST /v1/deadlines.
type Deadline struct {
	Start       time.Time  `json:"start" doc:"When the window opens, in the calendar's zone."`
	Window      sla.Window `json:"window"`
	Due         time.Time  `json:"due" doc:"The deadline (sla.Calendar.Due), in the calendar's zone."`
	Calendar    PartyTime  `json:"calendar"`
	Counterpart *PartyTime `json:"counterpart,omitempty"`
}

// PartyTime is a deadline as one party sees it.
type PartyTime struct {
	TimeZone       string    `json:"time_zone" example:"America/New_York"`
	Start          time.Time `json:"start" doc:"The start in this party's zone."`
	Due            time.Time `json:"due" doc:"The deadline in this party's zone."`
	DueText        string    `json:"due_text" doc:"The deadline as a person reads it, in this party's zone." example:"Wed 10 Mar 2027 13:00 EST"`
	WorkingTime    string    `json:"working_time" doc:"This party's working time from start to due, as a Go duration." example:"16h0m0s"`
	WorkingSeconds int64     `json:"working_seconds" doc:"The same, in whole seconds." example:"57600"`
}

type deadlineOutput struct {
	Body Deadline
}

func (s *Server) deadline(ctx context.Context, in *rawBody) (*deadlineOutput, error) {
	const what = "deadline request"
	body, holidayProblems := expandHolidays(in.RawBody, deadlineCalendars)
	env, err := readEnvelope(body,
		member{"calendar", true}, member{"start", true}, member{"window", true}, member{"counterpart", false})
	if err != nil {
		return nil, bodyError(what, err)
	}
	env.problems = append(env.problems, holidayProblems...)
	var cal, other *sla.Calendar
	if env.has("calendar") {
		cal = s.calendar(env, "calendar")
	}
	if env.has("counterpart") {
		other = s.calendar(env, "counterpart")
	}
	start, _ := env.instant("start")
	var w sla.Window
	if text, ok := env.str("window"); ok {
		if w, err = sla.ParseWindow(text); err != nil {
			env.addErr("window", err)
		}
	}
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	due := cal.Due(start, w)
	out := &deadlineOutput{Body: Deadline{
		Start:    start.In(cal.Location()),
		Window:   w,
		Due:      due,
		Calendar: partyTime(cal, start, due),
	}}
	if other != nil {
		pt := partyTime(other, start, due)
		out.Body.Counterpart = &pt
	}
	return out, nil
}

// calendar builds the calendar of envelope member name, or records its
// problems. Calendars are cached by the hash of their JSON: a platform sends
// the same few calendars again and again, and a built calendar has indexed
// the months its deadlines crossed.
func (s *Server) calendar(env *envelope, name string) *sla.Calendar {
	raw := env.raw[name]
	key := sha256.Sum256(raw)
	if c, ok := s.calendars.get(key); ok {
		return c
	}
	c, err := sla.DecodeCalendar(raw)
	if err != nil {
		env.addErr(name, err)
		return nil
	}
	s.calendars.put(key, c)
	return c
}

func partyTime(c *sla.Calendar, start, due time.Time) PartyTime {
	loc := c.Location()
	wt := c.WorkingTime(start, due)
	return PartyTime{
		TimeZone:       loc.String(),
		Start:          start.In(loc),
		Due:            due.In(loc),
		DueText:        due.In(loc).Format("Mon 2 Jan 2006 15:04 MST"),
		WorkingTime:    wt.String(),
		WorkingSeconds: int64(wt / time.Second),
	}
}

// bodyError is the Problem of a body that readEnvelope refused: 400 when it
// is not JSON, else 422.
func bodyError(what string, err error) error {
	if errors.Is(err, errNotJSON) {
		return malformedBody(err)
	}
	return invalid(what, err)
}
