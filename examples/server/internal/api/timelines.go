package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// idText is the form of a timeline's id (its plan's id): safe in a URL path
// segment, at most 128 bytes.
const idText = `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`

var idPattern = regexp.MustCompile(idText)

// CreateTimelineRequest documents the body of POST /v1/timelines: a board item.
type CreateTimelineRequest struct {
	Plan   timeline.Plan    `json:"plan" doc:"The deliverable's plan; its id (letters, digits, '.', '_', ':', '-'; at most 128) names the timeline."`
	Events []timeline.Event `json:"events,omitempty" doc:"Events already known, recorded as by POST /v1/timelines/{id}/events."`
}

// TimelineSummary is a timeline in a list.
type TimelineSummary struct {
	ID       string    `json:"id" example:"glow-tiktok-cleo"`
	Created  time.Time `json:"created"`
	Events   int       `json:"events" doc:"Events recorded."`
	PlanHash string    `json:"plan_hash" doc:"The hex SHA-256 of the stored plan's canonical JSON."`
}

// TimelineView is a timeline with its plan.
type TimelineView struct {
	TimelineSummary
	PlannedPost time.Time     `json:"planned_post" doc:"The plan's post instant, in the creator's zone."`
	Plan        timeline.Plan `json:"plan" doc:"The plan as stored: canonical, every policy term explicit."`
}

// StateView is a timeline's state with the events left out of it.
type StateView struct {
	timeline.State
	LeftOut []LeftOut `json:"left_out,omitempty" doc:"Events that cannot have happened (an approval before any submission, ...), left out of the state."`
}

// LeftOut is an event the state left out, and why.
type LeftOut struct {
	Seq     int64  `json:"seq"`
	Code    string `json:"code" example:"impossible"`
	Message string `json:"message"`
}

// CreatedTimeline is the answer of POST /v1/timelines.
type CreatedTimeline struct {
	TimelineView
	State StateView `json:"state" doc:"The state now."`
}

// AppendResult is the answer of POST /v1/timelines/{id}/events.
type AppendResult struct {
	Appended   []int64   `json:"appended" doc:"The seq of each event recorded now."`
	Duplicates []int64   `json:"duplicates" doc:"The seq of each event already recorded with the same content (a retry)."`
	State      StateView `json:"state" doc:"The state now."`
}

// TimelineList is a page of timelines.
type TimelineList struct {
	Timelines []TimelineSummary `json:"timelines"`
	Next      string            `json:"next,omitempty" doc:"Pass as after for the next page; absent on the last page."`
}

// EventList is a timeline's events.
type EventList struct {
	Events []timeline.Event `json:"events" doc:"In seq order."`
}

// BoardView is the board with how much of the workspace it covers.
type BoardView struct {
	timeline.Board
	Timelines int  `json:"timelines" doc:"The timelines on the board."`
	Truncated bool `json:"truncated,omitempty" doc:"The workspace has more timelines than one board computes; the board holds the first ones by id."`
}

type idInput struct {
	ID string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$" maxLength:"128" doc:"The timeline's id: its plan's id."`
}

type atInput struct {
	ID string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$" maxLength:"128" doc:"The timeline's id: its plan's id."`
	At string `query:"at" doc:"The instant, RFC 3339 with an offset; now when left out." example:"2027-03-11T09:30:00-05:00"`
}

type boardInput struct {
	At string `query:"at" doc:"The instant, RFC 3339 with an offset; now when left out." example:"2027-03-11T09:30:00-05:00"`
}

type listInput struct {
	After string `query:"after" doc:"The next of the previous page."`
	Limit int    `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"At most this many timelines."`
}

type appendInput struct {
	ID      string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$" maxLength:"128" doc:"The timeline's id: its plan's id."`
	RawBody []byte `contentType:"application/json"`
}

type createdOutput struct {
	Status   int
	Location string `header:"Location" doc:"The timeline's URL."`
	Body     CreatedTimeline
}

type timelineOutput struct{ Body TimelineView }
type listOutput struct{ Body TimelineList }
type eventsOutput struct{ Body EventList }
type stateOutput struct{ Body StateView }
type appendOutput struct{ Body AppendResult }
type boardOutput struct{ Body BoardView }

func (s *Server) createTimeline(ctx context.Context, in *rawBody) (*createdOutput, error) {
	const what = "timeline"
	body, holidayProblems := expandHolidays(in.RawBody, planCalendars)
	env, err := readEnvelope(body, member{"plan", true}, member{"events", false})
	if err != nil {
		return nil, bodyError(what, err)
	}
	env.problems = append(env.problems, holidayProblems...)
	var plan timeline.Plan
	if env.has("plan") {
		if plan, err = timeline.DecodePlan(env.raw["plan"]); err != nil {
			env.addErr("plan", err)
		} else if !idPattern.MatchString(plan.ID) {
			env.add("plan.id", sla.CodeMalformed, "want an id of 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit, have "+quote(plan.ID))
		}
	}
	var events []timeline.Event
	if env.has("events") {
		if events, err = timeline.DecodeEvents(env.raw["events"]); err != nil {
			env.addErr("events", err)
		} else {
			sameSeq(env, "events", events)
		}
	}
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	w := workspace(ctx)
	rec, created, err := s.cfg.Store.CreateTimeline(ctx, w.ID, plan)
	if errors.Is(err, store.ErrConflict) {
		return nil, newProblem(http.StatusConflict, "timeline "+quote(plan.ID)+" exists with another plan",
			&ProblemError{Location: "body.plan.id", Path: "plan.id", Code: CodeConflict, Message: "another plan is stored under this id"})
	}
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	tl, err := s.compiled(rec)
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	var appended []timeline.Event
	if len(events) > 0 {
		res, err := s.cfg.Store.AppendEvents(ctx, w.ID, rec.ID, events, s.cfg.MaxEvents)
		if err != nil {
			return nil, s.appendProblem(ctx, "events", events, err)
		}
		appended = pick(events, res.Appended)
	}
	st, all, err := s.state(ctx, w.ID, rec.ID, tl, s.now())
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	if created || len(appended) > 0 {
		s.changed(ctx, Change{Workspace: w.ID, Timeline: rec.ID, Created: created, Appended: appended, State: st.State})
	}
	rec.Events = len(all)
	out := &createdOutput{Status: http.StatusOK, Location: "/v1/timelines/" + url.PathEscape(rec.ID)}
	if created {
		out.Status = http.StatusCreated
	}
	out.Body = CreatedTimeline{TimelineView: view(rec, tl), State: st}
	return out, nil
}

func (s *Server) listTimelines(ctx context.Context, in *listInput) (*listOutput, error) {
	limit := in.Limit
	if limit <= 0 || limit > DefaultMaxList {
		limit = DefaultMaxList
	}
	recs, err := s.cfg.Store.Timelines(ctx, workspace(ctx).ID, in.After, limit)
	if err != nil {
		return nil, fail(ctx, "timelines", err)
	}
	out := &listOutput{Body: TimelineList{Timelines: make([]TimelineSummary, len(recs))}}
	for i, r := range recs {
		out.Body.Timelines[i] = summary(r)
	}
	if len(recs) == limit {
		out.Body.Next = recs[len(recs)-1].ID
	}
	return out, nil
}

func (s *Server) getTimeline(ctx context.Context, in *idInput) (*timelineOutput, error) {
	rec, err := s.cfg.Store.Timeline(ctx, workspace(ctx).ID, in.ID)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	tl, err := s.compiled(rec)
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	return &timelineOutput{Body: view(rec, tl)}, nil
}

func (s *Server) listEvents(ctx context.Context, in *idInput) (*eventsOutput, error) {
	evs, err := s.cfg.Store.Events(ctx, workspace(ctx).ID, in.ID)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	if evs == nil {
		evs = []timeline.Event{}
	}
	return &eventsOutput{Body: EventList{Events: evs}}, nil
}

func (s *Server) appendEvents(ctx context.Context, in *appendInput) (*appendOutput, error) {
	const what = "events"
	if !json.Valid(in.RawBody) {
		return nil, malformedBody(notJSON(in.RawBody))
	}
	events, err := timeline.DecodeEvents(in.RawBody)
	if err != nil {
		return nil, invalid(what, err)
	}
	env := &envelope{}
	if len(events) == 0 {
		env.add("", sla.CodeRequired, "want at least one event")
	}
	sameSeq(env, "", events)
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	w := workspace(ctx)
	rec, err := s.cfg.Store.Timeline(ctx, w.ID, in.ID)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	tl, err := s.compiled(rec)
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	res, err := s.cfg.Store.AppendEvents(ctx, w.ID, rec.ID, events, s.cfg.MaxEvents)
	if err != nil {
		return nil, s.appendProblem(ctx, "", events, err)
	}
	st, _, err := s.state(ctx, w.ID, rec.ID, tl, s.now())
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	if len(res.Appended) > 0 {
		s.changed(ctx, Change{Workspace: w.ID, Timeline: rec.ID, Appended: pick(events, res.Appended), State: st.State})
	}
	out := &appendOutput{Body: AppendResult{Appended: nonNil(res.Appended), Duplicates: nonNil(res.Duplicates), State: st}}
	return out, nil
}

func (s *Server) getState(ctx context.Context, in *atInput) (*stateOutput, error) {
	at, err := s.at(in.At)
	if err != nil {
		return nil, err
	}
	w := workspace(ctx)
	rec, err := s.cfg.Store.Timeline(ctx, w.ID, in.ID)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	tl, err := s.compiled(rec)
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	st, _, err := s.state(ctx, w.ID, rec.ID, tl, at)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	return &stateOutput{Body: st}, nil
}

func (s *Server) getBoard(ctx context.Context, in *boardInput) (*boardOutput, error) {
	at, err := s.at(in.At)
	if err != nil {
		return nil, err
	}
	b, err := s.board(ctx, workspace(ctx).ID, at)
	if err != nil {
		return nil, err
	}
	return &boardOutput{Body: b.view}, nil
}

// board is a workspace's board at an instant, with what it was computed
// from: GET /v1/board answers its view, the /board page draws it.
type board struct {
	view      BoardView
	items     []timeline.Item      // by id, as the store lists them
	timelines []*timeline.Timeline // of items[i]; nil where the stored plan does not compile
}

// board computes the board of workspace ws at an instant (timeline.NewBoard)
// over its first Config.MaxBoard timelines.
func (s *Server) board(ctx context.Context, ws string, at time.Time) (board, error) {
	stored, more, err := s.cfg.Store.Items(ctx, ws, s.cfg.MaxBoard)
	if err != nil {
		return board{}, fail(ctx, "board", err)
	}
	items := make([]timeline.Item, len(stored))
	tls := make([]*timeline.Timeline, len(stored))
	for i, it := range stored {
		items[i].Events = it.Events
		tl, err := s.compiled(it.Timeline)
		if err != nil {
			// The board names it among its problems.
			logFrom(ctx).ErrorContext(ctx, "board: stored plan", "timeline", it.Timeline.ID, "error", err)
			items[i].Plan = timeline.Plan{ID: it.Timeline.ID}
			continue
		}
		items[i].Plan = tl.Plan()
		tls[i] = tl
	}
	view := BoardView{Board: timeline.NewBoard(items, at), Timelines: len(items), Truncated: more}
	return board{view: view, items: items, timelines: tls}, nil
}

// at reads an ?at= parameter: RFC 3339 with an offset, or now.
func (s *Server) at(v string) (time.Time, error) {
	if v == "" {
		return s.now(), nil
	}
	t, err := parseInstant(v)
	if err != nil {
		return time.Time{}, newProblem(http.StatusUnprocessableEntity, "invalid query parameter at: "+err.Error(),
			&ProblemError{Location: "query.at", Code: sla.CodeMalformed, Message: err.Error()})
	}
	return t, nil
}

// compiled returns the timeline of a stored plan, compiling it once per
// distinct plan.
func (s *Server) compiled(rec store.Timeline) (*timeline.Timeline, error) {
	if tl, ok := s.timelines.get(rec.PlanHash); ok {
		return tl, nil
	}
	p, err := store.DecodePlan(rec.Plan)
	if err != nil {
		return nil, err
	}
	tl, err := timeline.Compile(p)
	if err != nil {
		return nil, fmt.Errorf("stored plan %q does not compile: %w", rec.ID, err)
	}
	s.timelines.put(rec.PlanHash, tl)
	return tl, nil
}

// state computes a timeline's state at an instant from its stored events.
func (s *Server) state(ctx context.Context, workspace, id string, tl *timeline.Timeline, at time.Time) (StateView, []timeline.Event, error) {
	events, err := s.cfg.Store.Events(ctx, workspace, id)
	if err != nil {
		return StateView{}, nil, err
	}
	st, err := tl.State(events, at)
	v := StateView{State: st}
	if err != nil {
		var ve *timeline.ValidationError
		if !errors.As(err, &ve) {
			return StateView{}, nil, err
		}
		for _, p := range ve.Problems {
			lo := LeftOut{Seq: -1, Code: p.Code, Message: p.Message}
			var i int
			if _, err := fmt.Sscanf(p.Path, "events[%d]", &i); err == nil && i >= 0 && i < len(events) {
				lo.Seq = events[i].Seq
			}
			v.LeftOut = append(v.LeftOut, lo)
		}
	}
	return v, events, nil
}

// changed tells the hooks of a change, and logs it.
func (s *Server) changed(ctx context.Context, c Change) {
	attrs := []any{"timeline", c.Timeline, "created", c.Created, "appended", len(c.Appended)}
	if !c.State.Next.IsZero() {
		attrs = append(attrs, "next", c.State.Next)
	}
	logFrom(ctx).InfoContext(ctx, "timeline changed", attrs...)
	for _, h := range s.cfg.Hooks {
		h(ctx, c)
	}
}

// appendProblem is the Problem of a failed append; base is where the events
// are in the body ("" for an array body, "events" in a board item).
func (s *Server) appendProblem(ctx context.Context, base string, events []timeline.Event, err error) error {
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		p := newProblem(http.StatusConflict, "events already recorded with other content: nothing was recorded")
		for _, seq := range ce.Seqs {
			for i, e := range events {
				if e.Seq == seq {
					path := joinLocation(base, "["+strconv.Itoa(i)+"].seq")
					p.Errors = append(p.Errors, &ProblemError{Location: joinLocation("body", path), Path: path, Code: CodeSeqConflict,
						Message: "seq " + strconv.FormatInt(seq, 10) + " is recorded with other content"})
					break
				}
			}
		}
		return p
	}
	if errors.Is(err, store.ErrTooMany) {
		return newProblem(http.StatusUnprocessableEntity, "too many events",
			&ProblemError{Location: joinLocation("body", base), Path: base, Code: sla.CodeTooLarge,
				Message: "a timeline holds at most " + strconv.Itoa(s.cfg.MaxEvents) + " events"})
	}
	return fail(ctx, "timeline", err)
}

// sameSeq records a problem for each event whose seq an earlier event of the
// same request has with other content.
func sameSeq(env *envelope, base string, events []timeline.Event) {
	first := map[int64]int{}
	for i, e := range events {
		j, ok := first[e.Seq]
		if !ok {
			first[e.Seq] = i
			continue
		}
		a, _ := json.Marshal(events[j])
		b, _ := json.Marshal(e)
		if string(a) != string(b) {
			env.add(joinLocation(base, "["+strconv.Itoa(i)+"].seq"), timeline.CodeDuplicateEvent,
				"seq "+strconv.FormatInt(e.Seq, 10)+" is also the seq of another event, at ["+strconv.Itoa(j)+"]")
		}
	}
}

// pick returns the events whose seq is in seqs.
func pick(events []timeline.Event, seqs []int64) []timeline.Event {
	want := map[int64]bool{}
	for _, q := range seqs {
		want[q] = true
	}
	var out []timeline.Event
	for _, e := range events {
		if want[e.Seq] {
			out = append(out, e)
			delete(want, e.Seq)
		}
	}
	return out
}

func nonNil(s []int64) []int64 {
	if s == nil {
		return []int64{}
	}
	return s
}

func summary(r store.Timeline) TimelineSummary {
	return TimelineSummary{ID: r.ID, Created: r.Created, Events: r.Events, PlanHash: r.PlanHash}
}

func view(r store.Timeline, tl *timeline.Timeline) TimelineView {
	return TimelineView{TimelineSummary: summary(r), PlannedPost: tl.PlannedPost(), Plan: tl.Plan()}
}
