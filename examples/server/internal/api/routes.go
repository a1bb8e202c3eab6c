package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/sla/timeline"
)

// rawBody is the input of an operation whose body the handler reads itself
// with the library's strict decoders.
type rawBody struct {
	RawBody []byte `contentType:"application/json"`
}

// routes declares every operation.
func (s *Server) routes() {
	r := s.api.OpenAPI().Components.Schemas

	register(s, huma.Operation{
		OperationID: "health", Method: http.MethodGet, Path: "/healthz", Tags: []string{"operations"},
		Summary:     "Health",
		Description: "Reports whether the service and its database answer. Needs no token.",
		Errors:      []int{http.StatusServiceUnavailable},
	}, nil, s.health)

	register(s, huma.Operation{
		OperationID: "compute-deadline", Method: http.MethodPost, Path: "/v1/deadlines", Tags: []string{"deadlines"},
		Summary: "Compute a deadline",
		Description: "The due instant of a window (\"2 business days\", \"48 hours\") that opens at start, on one party's calendar " +
			"(sla.Calendar.Due), in that party's zone and, with a counterpart calendar, in the other party's zone too, with each " +
			"party's working time between start and due.",
	}, docBody[DeadlineRequest](r), s.deadline)

	register(s, huma.Operation{
		OperationID: "create-quote", Method: http.MethodPost, Path: "/v1/quotes", Tags: []string{"quotes"},
		Summary: "Price a request on a rate card",
		Description: "A quote (pricing.RateCard.Quote): a base line and one line per add-on, each with the rule that made it, " +
			"rounded once; the total is the sum of the lines.",
	}, docBody[QuoteRequest](r), s.quote)

	register(s, huma.Operation{
		OperationID: "create-deal", Method: http.MethodPost, Path: "/v1/deals", Tags: []string{"quotes"},
		Summary: "Price a deal of several deliverables on a rate card",
		Description: "A deal quote (pricing.RateCard.Deal): each deliverable's lines (base, usage, extra revisions, rush, " +
			"each with the rule that made it) and subtotal, then the deal's own lines (whitelisting, exclusivity, the Net 0 " +
			"surcharge); each line rounded once; the total is the sum of every line.",
	}, docBody[DealRequest](r), s.deal)

	s.agreementRoutes()

	register(s, huma.Operation{
		OperationID: "create-timeline", Method: http.MethodPost, Path: "/v1/timelines", Tags: []string{"timelines"},
		Summary: "Create a timeline from a plan",
		Description: "Stores a deliverable's plan (timeline.Plan, read strictly and compiled: a plan whose windows cannot fit " +
			"before its post date is refused) under its id, with the events given, and returns it with its state now. " +
			"Creating the same plan again returns it (200); another plan under the same id is a conflict (409).",
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusConflict},
	}, docBody[CreateTimelineRequest](r), s.createTimeline)
	again := operation(s.api.OpenAPI(), http.MethodPost, "/v1/timelines")
	again.Responses["200"] = &huma.Response{
		Description: "The same plan was stored under this id already: the stored timeline, and any new events recorded.",
		Content:     again.Responses["201"].Content,
	}

	register(s, huma.Operation{
		OperationID: "list-timelines", Method: http.MethodGet, Path: "/v1/timelines", Tags: []string{"timelines"},
		Summary:     "List timelines",
		Description: "The workspace's timelines in id order, a page at a time: pass the page's next as after for the next page.",
		Errors:      []int{http.StatusUnprocessableEntity},
	}, nil, s.listTimelines)

	register(s, huma.Operation{
		OperationID: "get-timeline", Method: http.MethodGet, Path: "/v1/timelines/{id}", Tags: []string{"timelines"},
		Summary: "Get a timeline's plan",
		Errors:  []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.getTimeline)

	register(s, huma.Operation{
		OperationID: "append-events", Method: http.MethodPost, Path: "/v1/timelines/{id}/events", Tags: []string{"timelines"},
		Summary: "Record events",
		Description: "Records what happened (a JSON array of timeline.Event, in any order and late), idempotently by seq: " +
			"an event already recorded with the same content is a duplicate and changes nothing, one recorded with other " +
			"content is a conflict (409) and nothing of the request is recorded. Returns the state now.",
		Errors: []int{http.StatusNotFound, http.StatusConflict},
	}, docBody[[]timeline.Event](r), s.appendEvents)

	register(s, huma.Operation{
		OperationID: "list-events", Method: http.MethodGet, Path: "/v1/timelines/{id}/events", Tags: []string{"timelines"},
		Summary: "List a timeline's events",
		Errors:  []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.listEvents)

	register(s, huma.Operation{
		OperationID: "get-state", Method: http.MethodGet, Path: "/v1/timelines/{id}/state", Tags: []string{"timelines"},
		Summary: "A timeline's state",
		Description: "Every milestone's due instant and status, who the deliverable waits on, the post date and why it moved, " +
			"the actions due and the next instant anything changes (timeline.Timeline.State), at ?at= or now. Events that " +
			"cannot have happened are left out and listed in left_out.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.getState)

	s.feedRoutes()

	register(s, huma.Operation{
		OperationID: "get-board", Method: http.MethodGet, Path: "/v1/board", Tags: []string{"timelines"},
		Summary: "The creator-ops board",
		Description: "The workspace's deliverables at ?at= or now, grouped: waiting on the brand, waiting on the creator, " +
			"at risk, breached, done, with the operational metrics (timeline.NewBoard).",
		Errors: []int{http.StatusUnprocessableEntity},
	}, nil, s.getBoard)
	s.boardPageRoutes()

	register(s, huma.Operation{
		OperationID: "summarize-metrics", Method: http.MethodPost, Path: "/v1/metrics/summary", Tags: []string{"metrics"},
		Summary: "Roll up posts under one definition",
		Description: "Sums costs and counts and divides the sums (metrics.Summarize): CPM, CPV, CPA, CPC, CPE, CTR, " +
			"conversion and engagement rate, by creator and by platform, with the posts left out of each figure.",
	}, docBody[SummaryRequest](r), s.summarize)
}

type healthOutput struct {
	Body struct {
		Status string `json:"status" example:"ok" doc:"ok"`
	}
}

func (s *Server) health(ctx context.Context, _ *struct{}) (*healthOutput, error) {
	if err := s.cfg.Store.Ping(ctx); err != nil {
		logFrom(ctx).ErrorContext(ctx, "health: the database does not answer", "error", err)
		return nil, newProblem(http.StatusServiceUnavailable, "the database does not answer")
	}
	out := &healthOutput{}
	out.Body.Status = "ok"
	return out, nil
}
