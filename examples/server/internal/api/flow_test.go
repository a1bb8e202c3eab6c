package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla/timeline"
)

const (
	nyCalendar = `{"time_zone":"America/New_York","hours":["mon-fri 09:00-17:00"],"quiet":["sat-sun"]}`
	laCalendar = `{"time_zone":"America/Los_Angeles","hours":["mon-fri 10:00-18:00"],"quiet":["sat-sun"]}`
)

func TestDeadline(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		name, body          string
		due, dueText        string
		working             string
		otherDue, otherText string
		otherWorking        string
	}{
		{
			// DESIGN.md's worked example: the draft came Mon 10:00 PST; final
			// approval is due 48 hours later, no quiet time in between.
			name:    "48 hours, both zones",
			body:    `{"calendar":` + nyCalendar + `,"start":"2027-03-08T10:00:00-08:00","window":"48 hours","counterpart":` + laCalendar + `}`,
			due:     "2027-03-10T13:00:00-05:00",
			dueText: "Wed 10 Mar 2027 13:00 EST", working: "16h0m0s",
			otherDue: "2027-03-10T10:00:00-08:00", otherText: "Wed 10 Mar 2027 10:00 PST", otherWorking: "16h0m0s",
		},
		{
			name:    "the weekend does not eat a 48-hour window",
			body:    `{"calendar":` + nyCalendar + `,"start":"2027-03-12T13:05:00-05:00","window":"48h"}`,
			due:     "2027-03-16T13:05:00-04:00",
			dueText: "Tue 16 Mar 2027 13:05 EDT", working: "16h0m0s", // Fri 3h55, Mon 8h, Tue 4h05
		},
		{
			name:    "1 business day from Friday afternoon",
			body:    `{"calendar":` + nyCalendar + `,"start":"2027-03-05T16:00:00-05:00","window":"1 business day"}`,
			due:     "2027-03-08T16:00:00-05:00",
			dueText: "Mon 8 Mar 2027 16:00 EST", working: "8h0m0s",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.do(http.MethodPost, "/v1/deadlines", e.tokenA, c.body)
			require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
			var d api.Deadline
			require.NoError(t, json.Unmarshal(res.Body, &d))
			assert.Equal(t, c.due, d.Due.Format(time.RFC3339))
			assert.Equal(t, c.due, d.Calendar.Due.Format(time.RFC3339))
			assert.Equal(t, "America/New_York", d.Calendar.TimeZone)
			assert.Equal(t, c.dueText, d.Calendar.DueText)
			assert.Equal(t, c.working, d.Calendar.WorkingTime)
			wt, err := time.ParseDuration(c.working)
			require.NoError(t, err)
			assert.Equal(t, int64(wt/time.Second), d.Calendar.WorkingSeconds)
			if c.otherDue == "" {
				assert.Nil(t, d.Counterpart)
				return
			}
			require.NotNil(t, d.Counterpart)
			assert.Equal(t, "America/Los_Angeles", d.Counterpart.TimeZone)
			assert.Equal(t, c.otherDue, d.Counterpart.Due.Format(time.RFC3339))
			assert.Equal(t, c.otherText, d.Counterpart.DueText)
			assert.Equal(t, c.otherWorking, d.Counterpart.WorkingTime)
			assert.True(t, d.Due.Equal(d.Counterpart.Due), "one instant, two zones")
		})
	}
}

func TestQuote(t *testing.T) {
	e := newEnv(t)
	card, err := json.Marshal(pricing.SampleRateCard())
	require.NoError(t, err)
	body := `{"rate_card":` + string(card) + `,"request":{"platform":"tiktok","format":"short_video","seconds":45,
		"usage":{"paid":true,"channels":["tiktok","instagram"],"duration":"3 months"}},"issued":"2026-03-02T09:00:00Z"}`
	res := e.do(http.MethodPost, "/v1/quotes", e.tokenA, body)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var q pricing.Quote
	require.NoError(t, json.Unmarshal(res.Body, &q))
	require.NoError(t, q.Check(), "the total is the sum of the lines")
	require.GreaterOrEqual(t, len(q.Lines), 2)
	assert.Equal(t, pricing.KindBase, q.Lines[0].Kind)
	assert.Equal(t, pricing.KindUsage, q.Lines[1].Kind)
	for _, l := range q.Lines {
		assert.NotEmpty(t, l.Rule, "each line says how it was made")
	}
	assert.Equal(t, "2026-03-02T09:00:00Z", q.Issued.Format(time.RFC3339))
	assert.True(t, q.Example, "priced from sample data")
	// Amounts are strings, never JSON numbers.
	total := get(t, res.json(t), "total")
	assert.IsType(t, "", total)
	assert.True(t, strings.HasSuffix(total.(string), " USD"))

	t.Run("issued now when left out", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/quotes", e.tokenA, `{"rate_card":`+string(card)+`,"request":{"platform":"instagram","format":"story","quantity":3}}`)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var q pricing.Quote
		require.NoError(t, json.Unmarshal(res.Body, &q))
		assert.True(t, q.Issued.Equal(testNow))
	})
	t.Run("no rule for the request", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/quotes", e.tokenA, `{"rate_card":`+string(card)+`,"request":{"platform":"myspace","format":"post"}}`)
		require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
		p := res.problem(t)
		require.NotEmpty(t, p.Errors)
		assert.True(t, strings.HasPrefix(p.Errors[0].Location, "body.request"), "%+v", p.Errors[0])
		assert.Equal(t, pricing.CodeNoRule, p.Errors[0].Code)
	})
}

// TestTimeline runs DESIGN.md's worked example through the API: the brand
// approves two business days late and the post moves, with its reason.
func TestTimeline(t *testing.T) {
	e := newEnv(t)
	events := string(readFile(t, "events.json"))
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", events))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	assert.Equal(t, "/v1/timelines/tiktok-1", res.Header.Get("Location"))
	var created api.CreatedTimeline
	require.NoError(t, json.Unmarshal(res.Body, &created))
	assert.Equal(t, "tiktok-1", created.ID)
	assert.Equal(t, 4, created.Events)
	assert.Equal(t, "2027-03-15T12:00:00-07:00", created.PlannedPost.Format(time.RFC3339))
	assert.Len(t, created.PlanHash, 64)
	// The state now (Thu 11 Mar 09:30 EST): final approval was due Wed 13:00 EST.
	review, ok := created.State.Milestone(timeline.StepReview)
	require.True(t, ok)
	assert.Equal(t, timeline.Breached, review.Status)
	assert.Equal(t, "2027-03-10T13:00:00-05:00", review.Due.Format(time.RFC3339))
	assert.Equal(t, []timeline.Party{timeline.Brand}, created.State.WaitingOn)
	assert.NotEmpty(t, get(t, res.json(t), "state", "milestones", 0, "reason"), "milestones carry their reason")

	t.Run("created again", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", events))
		require.Equal(t, http.StatusOK, res.Status, "the same plan again is a retry: %s", res.Body)
		var again api.CreatedTimeline
		require.NoError(t, json.Unmarshal(res.Body, &again))
		assert.Equal(t, created.PlanHash, again.PlanHash)
		assert.Equal(t, 4, again.Events)
	})
	t.Run("another plan under the id", func(t *testing.T) {
		var body map[string]any
		require.NoError(t, json.Unmarshal(item(t, "tiktok-1", ""), &body))
		body["plan"].(map[string]any)["post_time"] = "13:00"
		res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, body)
		require.Equal(t, http.StatusConflict, res.Status)
		p := res.problem(t)
		assert.Equal(t, api.CodeConflict, p.Code)
		assert.Equal(t, "body.plan.id", p.Errors[0].Location)
	})

	approved := `[{"seq":5,"at":"2027-03-12T13:00:00-05:00","kind":"approved"}]`
	res = e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, approved)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var appended api.AppendResult
	require.NoError(t, json.Unmarshal(res.Body, &appended))
	assert.Equal(t, []int64{5}, appended.Appended)
	assert.Empty(t, appended.Duplicates)
	assert.Empty(t, appended.State.LeftOut, "the state now (before the approval) leaves nothing out")

	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/state?at=2027-03-12T14:00:00-05:00", e.tokenA, nil)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var st api.StateView
	require.NoError(t, json.Unmarshal(res.Body, &st))
	assert.Equal(t, "2027-03-17T12:00:00-07:00", st.Post.Current.Format(time.RFC3339))
	shifts := get(t, res.json(t), "post", "shifts").([]any)
	require.Len(t, shifts, 1)
	assert.Equal(t, "post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days late",
		get(t, shifts[0], "reason"))

	t.Run("retry", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, approved)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var again api.AppendResult
		require.NoError(t, json.Unmarshal(res.Body, &again))
		assert.Empty(t, again.Appended)
		assert.Equal(t, []int64{5}, again.Duplicates)
	})
	t.Run("conflict", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA,
			`[{"seq":6,"at":"2027-03-17T12:00:00-07:00","kind":"posted","url":"https://example.com/v/1"},{"seq":5,"at":"2027-03-12T13:01:00-05:00","kind":"approved"}]`)
		require.Equal(t, http.StatusConflict, res.Status, "%s", res.Body)
		p := res.problem(t)
		require.Len(t, p.Errors, 1)
		assert.Equal(t, "body[1].seq", p.Errors[0].Location)
		assert.Equal(t, api.CodeSeqConflict, p.Errors[0].Code)
		res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/events", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status)
		var list api.EventList
		require.NoError(t, json.Unmarshal(res.Body, &list))
		assert.Len(t, list.Events, 5, "nothing of a conflicting append is recorded")
	})
	t.Run("an event that cannot have happened", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-2",
			`[{"seq":1,"at":"2027-02-16T11:00:00-08:00","kind":"approved"}]`))
		require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
		var c api.CreatedTimeline
		require.NoError(t, json.Unmarshal(res.Body, &c))
		require.Len(t, c.State.LeftOut, 1)
		assert.Equal(t, int64(1), c.State.LeftOut[0].Seq)
		assert.Equal(t, timeline.CodeImpossible, c.State.LeftOut[0].Code)
	})
	t.Run("a renegotiated post", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-3", events[:len(events)-2]+
			`,{"seq":5,"at":"2027-03-09T09:00:00-05:00","kind":"post_renegotiated","by":"both","post_date":"2027-03-19","post_time":"15:30"}]`))
		require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
		res = e.do(http.MethodGet, "/v1/timelines/tiktok-3/state?at=2027-03-09T10:00:00-05:00", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var st api.StateView
		require.NoError(t, json.Unmarshal(res.Body, &st))
		assert.Equal(t, "2027-03-19T15:30:00-07:00", st.Post.Current.Format(time.RFC3339))
		require.Len(t, st.Post.Shifts, 1)
		assert.Equal(t, timeline.Step(""), st.Post.Shifts[0].Step)
	})
	t.Run("read back", func(t *testing.T) {
		res := e.do(http.MethodGet, "/v1/timelines/tiktok-1", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		plan := get(t, res.json(t), "plan")
		assert.Equal(t, "150.50 USD", get(t, plan, "rate_card", "extra_revision"))
		assert.Equal(t, "2027-03-15", get(t, plan, "post_date"))
		assert.Equal(t, "48 hours", get(t, plan, "policy", "review"), "the stored plan holds every policy term")
		assert.Equal(t, "America/Los_Angeles", get(t, plan, "creator", "calendar", "time_zone"))
	})
	t.Run("list", func(t *testing.T) {
		res := e.do(http.MethodGet, "/v1/timelines?limit=1", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var page api.TimelineList
		require.NoError(t, json.Unmarshal(res.Body, &page))
		require.Len(t, page.Timelines, 1)
		assert.Equal(t, "tiktok-1", page.Timelines[0].ID)
		assert.Equal(t, 5, page.Timelines[0].Events)
		assert.Equal(t, "tiktok-1", page.Next)
		res = e.do(http.MethodGet, "/v1/timelines?limit=1&after="+page.Next, e.tokenA, nil)
		require.NoError(t, json.Unmarshal(res.Body, &page))
		require.Len(t, page.Timelines, 1)
		assert.Equal(t, "tiktok-2", page.Timelines[0].ID)
	})
	t.Run("board", func(t *testing.T) {
		res := e.do(http.MethodGet, "/v1/board?at=2027-03-11T09:30:00-05:00", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var b api.BoardView
		require.NoError(t, json.Unmarshal(res.Body, &b))
		assert.Equal(t, 3, b.Timelines)
		assert.False(t, b.Truncated)
		require.NotEmpty(t, b.Breached)
		assert.Equal(t, "tiktok-1", b.Breached[0].Plan, "final approval was due Wed 13:00 EST")
		require.Len(t, b.Problems, 1, "tiktok-2 has an event left out")
		assert.Equal(t, "tiktok-2", b.Problems[0].Plan)
	})
}

// TestIsolation: a workspace can neither read, list nor change another's
// timelines and events; what belongs to another answers 404, like what does
// not exist.
func TestIsolation(t *testing.T) {
	e := newEnv(t)
	events := string(readFile(t, "events.json"))
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", events))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)

	for _, c := range []struct{ method, path, body string }{
		{http.MethodGet, "/v1/timelines/tiktok-1", ""},
		{http.MethodGet, "/v1/timelines/tiktok-1/events", ""},
		{http.MethodGet, "/v1/timelines/tiktok-1/state", ""},
		{http.MethodGet, "/v1/timelines/tiktok-1/state?at=2027-03-11T09:30:00-05:00", ""},
		{http.MethodPost, "/v1/timelines/tiktok-1/events", `[{"seq":5,"at":"2027-03-09T09:00:00-05:00","kind":"approved"}]`},
		{http.MethodPost, "/v1/timelines/tiktok-1/events", `[{"seq":4,"at":"2027-03-08T10:00:00-08:00","kind":"draft_submitted"}]`},
	} {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			var body any
			if c.body != "" {
				body = c.body
			}
			res := e.do(c.method, c.path, e.tokenB, body)
			require.Equal(t, http.StatusNotFound, res.Status, "%s", res.Body)
			assert.Equal(t, api.CodeNotFound, res.problem(t).Code)
			missing := e.do(c.method, strings.Replace(c.path, "tiktok-1", "no-such-id", 1), e.tokenB, body)
			assert.Equal(t, res.Status, missing.Status, "another workspace's timeline looks like no timeline")
			assert.JSONEq(t, strings.ReplaceAll(string(res.Body), "tiktok-1", "no-such-id"), string(missing.Body))
		})
	}

	res = e.do(http.MethodGet, "/v1/timelines", e.tokenB, nil)
	require.Equal(t, http.StatusOK, res.Status)
	var list api.TimelineList
	require.NoError(t, json.Unmarshal(res.Body, &list))
	assert.Empty(t, list.Timelines)
	res = e.do(http.MethodGet, "/v1/board", e.tokenB, nil)
	require.Equal(t, http.StatusOK, res.Status)
	var b api.BoardView
	require.NoError(t, json.Unmarshal(res.Body, &b))
	assert.Zero(t, b.Timelines)

	// B's own plan under the same id is B's; A's is untouched.
	res = e.do(http.MethodPost, "/v1/timelines", e.tokenB, item(t, "tiktok-1", ""))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/events", e.tokenB, nil)
	require.Equal(t, http.StatusOK, res.Status)
	var evs api.EventList
	require.NoError(t, json.Unmarshal(res.Body, &evs))
	assert.Empty(t, evs.Events)
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/events", e.tokenA, nil)
	require.NoError(t, json.Unmarshal(res.Body, &evs))
	assert.Len(t, evs.Events, 4)
}

func TestHooks(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", string(readFile(t, "events.json"))))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	approved := `[{"seq":5,"at":"2027-03-12T13:00:00-05:00","kind":"approved"}]`
	res = e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, approved)
	require.Equal(t, http.StatusOK, res.Status)
	res = e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, approved) // a retry: no change
	require.Equal(t, http.StatusOK, res.Status)
	res = e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", "")) // the same plan: no change
	require.Equal(t, http.StatusOK, res.Status)

	e.mu.Lock()
	defer e.mu.Unlock()
	require.Len(t, e.changes, 2)
	first, second := e.changes[0], e.changes[1]
	assert.True(t, first.Created)
	assert.Len(t, first.Appended, 4)
	assert.Equal(t, "tiktok-1", first.Timeline)
	assert.NotEmpty(t, first.Workspace)
	require.NotEmpty(t, first.State.Actions, "the review is breached: a follow-up to the brand is due")
	assert.Equal(t, timeline.FollowUp, first.State.Actions[0].Kind)
	assert.False(t, second.Created)
	require.Len(t, second.Appended, 1)
	assert.Equal(t, timeline.Approved, second.Appended[0].Kind)
	assert.True(t, second.State.Now.Equal(testNow))
}

func TestMetricsSummary(t *testing.T) {
	e := newEnv(t)
	// The package doc's roll-up: 0.01 USD on a big post and 0.10 on a small
	// one do not average to 0.055; the campaign paid 5000.00 USD for 410,000
	// views.
	src := `"source":{"kind":"export","captured_at":"2027-03-09T18:00:00-05:00","window":"7 days"}`
	body := `{"definition":"likes+comments+shares+saves / views","window":"7 days","posts":[
		{"id":"big","creator":"anna","platform":"instagram","cost":"4000.00 USD","expected_views":"300000",
		 "actual":{"counts":{"views":"400000","likes":"10000","comments":"500","shares":"300","saves":"200"},` + src + `}},
		{"id":"small","creator":"ben","platform":"tiktok","cost":"1000.00 USD",
		 "actual":{"counts":{"views":"10000","likes":"900","comments":"50","shares":"40","saves":"10"},` + src + `}},
		{"id":"late","creator":"ben","platform":"tiktok","cost":"0.00 USD"}]}`
	res := e.do(http.MethodPost, "/v1/metrics/summary", e.tokenA, body)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var s api.Summary
	require.NoError(t, json.Unmarshal(res.Body, &s))
	assert.Equal(t, int64(3), s.Posts)
	assert.Equal(t, "5000.00 USD", s.Cost)
	assert.Equal(t, "0.0122 USD", s.Figures.CPV.Display, "5000.00 USD / 410,000 views")
	cpv, err := pricing.ParseMoney(s.Figures.CPV.Value)
	require.NoError(t, err)
	assert.True(t, cpv.Amount().Sub(decimal.RequireFromString("0.0121951219512195")).IsZero(), "exact: %s", cpv)
	assert.Equal(t, "unknown", s.Figures.CPM.Code, "no post reports impressions")
	assert.Empty(t, s.Figures.CPM.Value)
	assert.Equal(t, "2.93%", s.Figures.EngagementRate.Display, "12,000 engagements on 410,000 views")
	assert.Equal(t, []string{"late"}, s.Missing, "a post without a report is missing, not zero")
	require.Len(t, s.ByCreator, 2)
	assert.Equal(t, "anna", s.ByCreator[0].Key)
	assert.Equal(t, "0.0100 USD", s.ByCreator[0].Figures.CPV.Display)
	require.NotNil(t, s.Estimate)
	assert.Equal(t, "0.0133 USD", s.Estimate.Display, "4000.00 USD over 300,000 expected views")
}
