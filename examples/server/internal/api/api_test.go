package api_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
)

// routes are every operation the service declares.
var routes = []string{
	"GET /healthz",
	"POST /v1/deadlines",
	"POST /v1/quotes",
	"POST /v1/deals",
	"POST /v1/agreements",
	"GET /v1/agreements",
	"POST /v1/agreements/check",
	"GET /v1/agreements/{id}",
	"GET /v1/agreements/{id}/check",
	"GET /v1/agreements/{id}/sheet.html",
	"GET /v1/agreements/{id}/sheet.md",
	"GET /v1/agreements/{id}/onboarding",
	"POST /v1/timelines",
	"GET /v1/timelines",
	"GET /v1/timelines/{id}",
	"POST /v1/timelines/{id}/events",
	"GET /v1/timelines/{id}/events",
	"GET /v1/timelines/{id}/state",
	"GET /v1/timelines/{id}/calendar.ics",
	"GET /v1/timelines/{id}/feeds",
	"GET /calendar/{key}/brand.ics",
	"GET /calendar/{key}/creator.ics",
	"GET /v1/board",
	"POST /v1/metrics/summary",
	"GET /board",
	"POST /board/sign-in",
	"POST /board/sign-out",
}

func documented(doc *huma.OpenAPI) []string {
	var out []string
	for path, item := range doc.Paths {
		v := reflect.ValueOf(item).Elem()
		for _, m := range []string{"Get", "Post", "Put", "Patch", "Delete"} {
			if op, _ := v.FieldByName(m).Interface().(*huma.Operation); op != nil {
				out = append(out, strings.ToUpper(m)+" "+path)
			}
		}
	}
	return out
}

func TestOpenAPIDocument(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodGet, "/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, res.Status)
	assert.Empty(t, res.Header.Get("Link"), "no Link header")
	doc := res.json(t)
	assert.Equal(t, "3.1.0", doc["openapi"])
	assert.NotContains(t, string(res.Body), `"$schema"`, "no $schema member is added to the schemas")

	assert.ElementsMatch(t, routes, documented(e.srv.OpenAPI()), "the document lists every route")
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		op := findOperation(e.srv.OpenAPI(), method, path)
		require.NotNil(t, op, r)
		if strings.HasPrefix(path, "/v1/") {
			assert.Equal(t, []map[string][]string{{"bearer": {}}}, op.Security, "%s needs a token", r)
			assert.Contains(t, op.Responses, "401", r)
		} else if path == "/board" {
			assert.Equal(t, []map[string][]string{{"bearer": {}}, {"board_cookie": {}}}, op.Security, "%s needs a token or the cookie", r)
			assert.Contains(t, op.Responses["401"].Content, "text/html; charset=utf-8", "%s: the sign-in form again", r)
			assert.Contains(t, op.Responses["200"].Content, "text/html; charset=utf-8", r)
			continue
		} else if strings.HasPrefix(path, "/board/") {
			assert.Empty(t, op.Security, r)
			assert.Contains(t, op.Responses, "303", r)
			assert.Contains(t, op.Responses, "403", "%s: refused from another site", r)
			continue
		} else {
			assert.Empty(t, op.Security, r)
		}
		if method == http.MethodPost {
			s := op.RequestBody.Content["application/json"].Schema
			require.NotNil(t, s, r)
			assert.NotEqual(t, "binary", s.Format, "%s: the body is described, not raw bytes", r)
			assert.Contains(t, op.Responses, "413", r)
			assert.Contains(t, op.Responses, "422", r)
			for _, p := range []string{"application/problem+json"} {
				assert.Contains(t, op.Responses["422"].Content, p, r)
			}
		}
	}

	// The library's types are described as their JSON is, not as their Go fields.
	schemas := get(t, doc, "components", "schemas").(map[string]any)
	assert.Contains(t, schemas, "TimelinePost")
	assert.Contains(t, schemas, "MetricsPost")
	assert.Equal(t, []any{"time_zone"}, get(t, schemas, "SlaCalendarSpec", "required"))
	side := get(t, schemas, "TimelineSide", "properties", "calendar", "$ref")
	assert.Equal(t, "#/components/schemas/SlaCalendarSpec", side, "a calendar is written as its spec")
	fee := get(t, schemas, "PricingRateCard", "properties", "extra_revision", "oneOf").([]any)
	assert.Len(t, fee, 2, "money is a string or an object")
	assert.NotContains(t, get(t, schemas, "TimelinePlan", "required"), "policy", "the policy may be left out")
	assert.Contains(t, get(t, schemas, "TimelineMilestone", "properties"), "reason")
	assert.Contains(t, get(t, schemas, "Problem", "properties"), "code")

	res = e.do(http.MethodGet, "/docs", "", nil)
	assert.Equal(t, http.StatusNotFound, res.Status, "no /docs page that needs a CDN")
}

func TestHealth(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodGet, "/healthz", "", nil)
	require.Equal(t, http.StatusOK, res.Status)
	assert.JSONEq(t, `{"status":"ok"}`, string(res.Body), "no $schema member")
	assert.Empty(t, res.Header.Get("Link"))
}

// TestTokens: every /v1 route refuses a request without a token, or with one
// that no workspace holds, with a 401 problem.
func TestTokens(t *testing.T) {
	e := newEnv(t)
	paths := map[string]string{"{id}": "tiktok-1"}
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		if !strings.HasPrefix(path, "/v1/") {
			continue
		}
		path = strings.ReplaceAll(path, "{id}", paths["{id}"])
		var body any
		if method == http.MethodPost {
			body = "{}"
		}
		for _, c := range []struct {
			name, header, code string
		}{
			{"missing", "", api.CodeMissingToken},
			{"wrong", "Bearer cop_notatoken", api.CodeInvalidToken},
			{"another scheme", "Basic dXNlcjpwYXNz", api.CodeMissingToken},
			{"empty bearer", "Bearer ", api.CodeMissingToken},
			{"token with a byte changed", "Bearer " + e.tokenA[:len(e.tokenA)-1] + "x", api.CodeInvalidToken},
		} {
			t.Run(r+"/"+c.name, func(t *testing.T) {
				res := e.doHeader(method, path, c.header, body)
				require.Equal(t, http.StatusUnauthorized, res.Status, "%s", res.Body)
				p := res.problem(t)
				assert.Equal(t, api.CodeUnauthorized, p.Code)
				require.Len(t, p.Errors, 1)
				assert.Equal(t, c.code, p.Errors[0].Code)
				assert.Equal(t, "header.Authorization", p.Errors[0].Location)
				assert.True(t, strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer"))
			})
		}
	}
}

func TestPublicRoutes(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/healthz", "/openapi.json", "/openapi.yaml"} {
		res := e.do(http.MethodGet, path, "", nil)
		assert.Equal(t, http.StatusOK, res.Status, path)
	}
}

func TestNoRoute(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodGet, "/v2/nothing", e.tokenA, nil)
	require.Equal(t, http.StatusNotFound, res.Status)
	assert.Equal(t, api.CodeNotFound, res.problem(t).Code)

	res = e.do(http.MethodDelete, "/v1/board", e.tokenA, nil)
	require.Equal(t, http.StatusMethodNotAllowed, res.Status)
	assert.Equal(t, api.CodeMethodNotAllowed, res.problem(t).Code)
	assert.Contains(t, res.Header.Get("Allow"), http.MethodGet)
}

// doHeader is do with a raw Authorization header.
func (e *env) doHeader(method, path, authorization string, body any) response {
	e.t.Helper()
	return e.doRaw(method, path, map[string]string{"Authorization": authorization}, body)
}

func TestProblemsCarryPaths(t *testing.T) {
	e := newEnv(t)
	plan := func(edit func(map[string]any)) map[string]any {
		var p map[string]any
		require.NoError(t, json.Unmarshal(readFile(t, "plan.json"), &p))
		edit(p)
		return map[string]any{"plan": p}
	}
	calendar := func(k, v string) func(map[string]any) {
		return func(p map[string]any) {
			p["creator"].(map[string]any)["calendar"].(map[string]any)[k] = json.RawMessage(v)
		}
	}
	ny := `{"time_zone":"America/New_York"}`
	for _, c := range []struct {
		name   string
		path   string
		body   any
		status int
		want   []api.ProblemError // location, path and code
	}{
		{"deadline: bad hours", "/v1/deadlines",
			`{"calendar":{"time_zone":"America/New_York","hours":["mon-fry 09:00-17:00"]},"start":"2027-03-08T13:00:00-05:00","window":"48 hours"}`,
			422, []api.ProblemError{{Location: "body.calendar.hours[0]", Path: "calendar.hours[0]", Code: "malformed"}}},
		{"deadline: everything wrong at once", "/v1/deadlines",
			`{"calendar":{"time_zone":"Mars/Olympus"},"start":"2027-03-08 13:00","window":"3 fortnights","counterpart":{"time_zone":"UTC","Hours":[]},"extra":1}`,
			422, []api.ProblemError{
				{Location: "body.extra", Path: "extra", Code: "unknown_field"},
				{Location: "body.calendar.time_zone", Path: "calendar.time_zone", Code: "unknown_zone"},
				{Location: "body.counterpart.Hours", Path: "counterpart.Hours", Code: "unknown_field"},
				{Location: "body.start", Path: "start", Code: "malformed"},
				{Location: "body.window", Path: "window", Code: "malformed"},
			}},
		{"deadline: missing members", "/v1/deadlines", `{"calendar":` + ny + `}`,
			422, []api.ProblemError{
				{Location: "body.start", Path: "start", Code: "required"},
				{Location: "body.window", Path: "window", Code: "required"},
			}},
		{"deadline: a key twice", "/v1/deadlines",
			`{"calendar":` + ny + `,"calendar":` + ny + `,"start":"2027-03-08T13:00:00-05:00","window":"1 bd"}`,
			422, []api.ProblemError{{Location: "body.calendar", Path: "calendar", Code: "duplicate_key"}}},
		{"deadline: a key of the wrong case", "/v1/deadlines",
			`{"Calendar":` + ny + `,"start":"2027-03-08T13:00:00-05:00","window":"1 bd"}`,
			422, []api.ProblemError{
				{Location: "body.Calendar", Path: "Calendar", Code: "unknown_field"},
				{Location: "body.calendar", Path: "calendar", Code: "required"},
			}},
		{"timeline: the creator's hours", "/v1/timelines", plan(calendar("hours", `["mon-fry 09:00-17:00"]`)),
			422, []api.ProblemError{{Location: "body.plan.creator.calendar.hours[0]", Path: "plan.creator.calendar.hours[0]", Code: "malformed"}}},
		{"timeline: an unknown key deep down", "/v1/timelines", plan(calendar("quiet_hours", `["sat-sun"]`)),
			422, []api.ProblemError{{Location: "body.plan.creator.calendar.quiet_hours", Path: "plan.creator.calendar.quiet_hours", Code: "unknown_field"}}},
		{"timeline: money", "/v1/timelines", plan(func(p map[string]any) { p["rate_card"].(map[string]any)["extra_revision"] = 150.5 }),
			422, []api.ProblemError{{Location: "body.plan.rate_card.extra_revision", Path: "plan.rate_card.extra_revision", Code: "malformed"}}},
		{"timeline: a plan that cannot fit", "/v1/timelines", plan(func(p map[string]any) { p["post_date"] = "2027-02-17" }),
			422, []api.ProblemError{{Location: "body.plan.post_date", Path: "plan.post_date", Code: "infeasible"}}},
		{"timeline: an id unfit for a URL", "/v1/timelines", plan(func(p map[string]any) { p["id"] = "a/b" }),
			422, []api.ProblemError{{Location: "body.plan.id", Path: "plan.id", Code: "malformed"}}},
		{"timeline: events", "/v1/timelines", map[string]any{"plan": plan(func(map[string]any) {})["plan"],
			"events": json.RawMessage(`[{"seq":1,"at":"2027-02-16T11:00:00-08:00","kind":"concept_sent"}]`)},
			422, []api.ProblemError{{Location: "body.events[0].kind", Path: "events[0].kind", Code: "malformed"}}},
		{"events: an array body", "/v1/timelines/tiktok-1/events", `[{"seq":1,"at":"2027-02-16T11:00:00","kind":"concept_submitted"}]`,
			422, []api.ProblemError{{Location: "body[0].at", Path: "[0].at", Code: "malformed"}}},
		{"events: the same seq twice", "/v1/timelines/tiktok-1/events",
			`[{"seq":1,"at":"2027-02-16T11:00:00Z","kind":"concept_submitted"},{"seq":1,"at":"2027-02-16T12:00:00Z","kind":"concept_submitted"}]`,
			422, []api.ProblemError{{Location: "body[1].seq", Path: "[1].seq", Code: "duplicate_event"}}},
		{"quote: the card and the request", "/v1/quotes",
			`{"rate_card":{"version":"x","currency":"usd","valid_days":30,"net_days":30,"base":[]},"request":{"platform":"tiktok","format":"short_video","quantity":-1}}`,
			422, []api.ProblemError{
				{Location: "body.rate_card.base", Path: "rate_card.base", Code: "required"},
				{Location: "body.rate_card.currency", Path: "rate_card.currency", Code: "unknown_currency"},
				{Location: "body.request.quantity", Path: "request.quantity", Code: "out_of_range"},
			}},
		{"summary: definition", "/v1/metrics/summary", `{"definition":"likes / fans","window":"7 days","posts":[{"id":"a","cost":"1.00 USD"}]}`,
			422, []api.ProblemError{{Location: "body.definition", Path: "definition", Code: "malformed"}}},
		{"summary: a post's count", "/v1/metrics/summary",
			`{"definition":"likes / views","window":"7 days","posts":[{"id":"a","cost":"1.00 USD","actual":{"counts":{"viewz":"1"},"source":{"kind":"export","captured_at":"2027-03-01T00:00:00Z","window":"7 days"}}}]}`,
			422, []api.ProblemError{{Location: "body.posts[0].actual.counts.viewz", Path: "posts[0].actual.counts.viewz", Code: "unknown_field"}}},
		{"not JSON", "/v1/deadlines", `{"calendar":`, 400, []api.ProblemError{{Location: "body", Code: "malformed"}}},
		{"not JSON, events", "/v1/timelines/tiktok-1/events", `[{]`, 400, []api.ProblemError{{Location: "body", Code: "malformed"}}},
		{"not an object", "/v1/quotes", `[]`, 422, []api.ProblemError{{Location: "body", Code: "malformed"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.do(http.MethodPost, c.path, e.tokenA, c.body)
			require.Equal(t, c.status, res.Status, "%s", res.Body)
			p := res.problem(t)
			if c.status == 422 {
				assert.Equal(t, api.CodeInvalid, p.Code)
			} else {
				assert.Equal(t, api.CodeMalformed, p.Code)
			}
			assert.NotEmpty(t, p.Detail)
			got := make([]api.ProblemError, len(p.Errors))
			for i, pe := range p.Errors {
				assert.NotEmpty(t, pe.Message, "%+v", pe)
				got[i] = api.ProblemError{Location: pe.Location, Path: pe.Path, Code: pe.Code}
			}
			sortProblems(got)
			sortProblems(c.want)
			assert.Equal(t, c.want, got, "%s", res.Body)
		})
	}
}

func sortProblems(ps []api.ProblemError) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Location+ps[i].Code < ps[j].Location+ps[j].Code })
}

// TestBodyLimit: a body past the limit is refused with 413 before it is read
// whole; a body of exactly the limit is read.
func TestBodyLimit(t *testing.T) {
	const limit = 4096
	e := newEnv(t, func(c *api.Config) { c.MaxBodyBytes = limit })
	pad := func(body string, n int) string { return body + strings.Repeat(" ", n-len(body)) }
	body := `{"calendar":{"time_zone":"America/New_York"},"start":"2027-03-08T13:00:00-05:00","window":"48 hours"}`

	res := e.do(http.MethodPost, "/v1/deadlines", e.tokenA, pad(body, limit))
	assert.Equal(t, http.StatusOK, res.Status, "a body of exactly the limit: %s", res.Body)

	for _, path := range []string{"/v1/deadlines", "/v1/quotes", "/v1/timelines", "/v1/timelines/x/events", "/v1/metrics/summary"} {
		res = e.do(http.MethodPost, path, e.tokenA, pad(body, limit+1))
		require.Equal(t, http.StatusRequestEntityTooLarge, res.Status, path)
		assert.Equal(t, api.CodeTooLarge, res.problem(t).Code, path)
	}
	// The library's own limits are far above the service's default.
	assert.Equal(t, int64(1<<20), int64(api.DefaultMaxBodyBytes))
}

func TestQueryProblems(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodGet, "/v1/board?at=yesterday", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	p := res.problem(t)
	require.Len(t, p.Errors, 1)
	assert.Equal(t, "query.at", p.Errors[0].Location)
	assert.Equal(t, "malformed", p.Errors[0].Code)

	res = e.do(http.MethodGet, "/v1/board?now=2027-03-11T09:30:00-05:00", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status, "unknown query parameters are refused")
	p = res.problem(t)
	require.Len(t, p.Errors, 1)
	assert.Equal(t, "query.now", p.Errors[0].Location)
	assert.Equal(t, "unknown_field", p.Errors[0].Code)

	res = e.do(http.MethodGet, "/v1/timelines/bad%20id/state", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
	assert.Equal(t, "path.id", res.problem(t).Errors[0].Location)

	res = e.do(http.MethodGet, "/v1/timelines?limit=0", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Equal(t, "query.limit", res.problem(t).Errors[0].Location)
}
