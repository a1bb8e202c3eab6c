package wake_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/wake"
	"github.com/creatorops/creatorops/examples/server/webhook"
	"github.com/creatorops/creatorops/sla/timeline"
)

var secret = []byte("whsec_test")

// delivery is one POST the test webhook received.
type delivery struct {
	payload  webhook.Payload
	id       string
	received time.Time
}

// receiver is a test webhook: it verifies each delivery's signature and
// records it; fail(n) makes it answer 503 to the next n deliveries.
type receiver struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	got      []delivery
	failNext int
	refused  int
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{t: t}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		now := time.Now()
		body, err := io.ReadAll(req.Body)
		if !assert.NoError(t, err) {
			return
		}
		if !assert.NoError(t, webhook.Verify(secret, req.Header.Get(webhook.SignatureHeader), body, now, 0)) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
		var p webhook.Payload
		if !assert.NoError(t, json.Unmarshal(body, &p)) {
			return
		}
		assert.Equal(t, p.ID, req.Header.Get(webhook.DeliveryHeader))
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.failNext > 0 {
			r.failNext--
			r.refused++
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		r.got = append(r.got, delivery{payload: p, id: p.ID, received: now})
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

// waitFor waits until the receiver has n deliveries, for d at most.
func (r *receiver) waitFor(n int, d time.Duration) []delivery {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if got := r.deliveries(); len(got) >= n {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
	return r.deliveries()
}

// env is the API over a fresh SQLite store with a Waker hooked in.
type env struct {
	t     testing.TB
	store *store.SQLite
	api   *api.Server
	waker *wake.Waker
	token string
	logs  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newEnv(t testing.TB, hook string, configure ...func(*wake.Config)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, t.TempDir(), store.SQLiteOptions{})
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, st.Close()) })
	token, hash := store.NewToken()
	_, err = st.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	cfg := wake.Config{Store: st, Logger: log, Webhook: hook, Secret: secret}
	for _, f := range configure {
		f(&cfg)
	}
	w, err := wake.NewSQLite(ctx, st, cfg)
	require.NoError(t, err)
	require.NoError(t, w.Start(ctx))
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		assert.NoError(t, w.Stop(sctx))
	})
	a := api.New(api.Config{Store: st, Logger: slog.New(slog.DiscardHandler), Hooks: []api.Hook{w.Hook}})
	return &env{t: t, store: st, api: a, waker: w, token: token, logs: logs}
}

func (e *env) post(path string, body []byte) []byte {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+e.token)
	rec := httptest.NewRecorder()
	e.api.ServeHTTP(rec, req)
	require.Less(e.t, rec.Code, 300, "%s", rec.Body)
	return rec.Body.Bytes()
}

// planJSON is a plan on round-the-clock calendars (every hour a working and
// contact hour), so that its instants are a fixed offset from its kickoff.
func planJSON(id string, kickoff time.Time) map[string]any {
	cal := map[string]any{"time_zone": "UTC", "hours": []string{"daily"}}
	return map[string]any{
		"id":        id,
		"brand":     map[string]any{"calendar": cal, "owner": map[string]any{"name": "Bea Brand"}, "manager": map[string]any{"name": "Max Manager"}},
		"creator":   map[string]any{"calendar": cal, "owner": map[string]any{"name": "Cleo Creator"}, "manager": map[string]any{"name": "Ada Agent"}},
		"kickoff":   kickoff.UTC().Format(time.RFC3339Nano),
		"post_date": kickoff.AddDate(0, 2, 0).UTC().Format("2006-01-02"),
		"post_time": "12:00",
	}
}

// firstAction returns how long after the kickoff the plan's first action
// falls due (with no events), and the action.
func firstAction(t testing.TB, kickoff time.Time) (time.Duration, timeline.Action) {
	t.Helper()
	b, err := json.Marshal(planJSON("probe", kickoff))
	require.NoError(t, err)
	var p timeline.Plan
	require.NoError(t, json.Unmarshal(b, &p))
	tl, err := timeline.Compile(p)
	require.NoError(t, err)
	at := kickoff
	for range 100 {
		st, err := tl.State(nil, at)
		require.NoError(t, err)
		if len(st.Actions) > 0 {
			return st.Actions[0].At.Sub(kickoff), st.Actions[0]
		}
		require.False(t, st.Next.IsZero())
		at = st.Next
	}
	t.Fatal("no action")
	return 0, timeline.Action{}
}

func item(t testing.TB, id string, kickoff time.Time) []byte {
	b, err := json.Marshal(map[string]any{"plan": planJSON(id, kickoff)})
	require.NoError(t, err)
	return b
}

// TestWakeUpFiresOnTime: a timeline whose first follow-up falls due 1.5 s
// from now; the webhook receives it within 1 s after that instant, not before.
func TestWakeUpFiresOnTime(t *testing.T) {
	rcv := newReceiver(t)
	e := newEnv(t, rcv.srv.URL)
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	due := time.Now().Add(1500 * time.Millisecond).Truncate(time.Millisecond)
	kickoff := due.Add(-offset)

	var created struct {
		State timeline.State `json:"state"`
	}
	require.NoError(t, json.Unmarshal(e.post("/v1/timelines", item(t, "soon", kickoff)), &created))
	require.Empty(t, created.State.Actions, "nothing due yet")
	require.True(t, created.State.Next.Equal(due), "next %s, want %s", created.State.Next, due)

	got := rcv.waitFor(1, 5*time.Second)
	require.Len(t, got, 1)
	d := got[0]
	assert.False(t, d.received.Before(due), "delivered %s before its instant %s", d.received, due)
	assert.LessOrEqual(t, d.received.Sub(due), time.Second, "delivered %s after its instant", d.received.Sub(due))
	t.Logf("delivered %s after its instant", d.received.Sub(due))
	assert.Equal(t, timeline.FollowUp, d.payload.Action.Kind)
	assert.Equal(t, "Cleo Creator", d.payload.Action.To.Name)
	assert.Equal(t, "soon", d.payload.Timeline)
	assert.True(t, d.payload.Action.At.Equal(due))
	assert.Contains(t, d.id, "/soon/"+d.payload.Action.ID+"@")
	assert.Contains(t, e.logs.String(), `"msg":"action due"`)
	assert.Contains(t, e.logs.String(), `"msg":"webhook delivered"`)
}

// TestExactlyOnceSQLite: many timelines with actions due, woken again and
// again (the same wake-up twice, later wake-ups, the sweep): each action is
// delivered once.
func TestExactlyOnceSQLite(t *testing.T) {
	rcv := newReceiver(t)
	e := newEnv(t, rcv.srv.URL)
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	const n = 40
	kickoff := time.Now().Add(-offset - time.Hour) // the first follow-up is an hour overdue
	for i := range n {
		e.post("/v1/timelines", item(t, "tl-"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+string(rune('a'+i/26)), kickoff))
	}
	got := rcv.waitFor(n, 10*time.Second)
	require.Len(t, got, n)
	// Wake every timeline again, twice, at other instants.
	items, _, err := e.store.Items(context.Background(), workspaceOf(t, e), 1000)
	require.NoError(t, err)
	require.Len(t, items, n)
	for _, it := range items {
		for range 2 {
			e.waker.Hook(context.Background(), api.Change{Workspace: workspaceOf(t, e), Timeline: it.Timeline.ID,
				State: timeline.State{Now: time.Now(), Actions: []timeline.Action{{}}}})
			time.Sleep(time.Millisecond)
		}
	}
	time.Sleep(2 * time.Second)
	got = rcv.deliveries()
	seen := map[string]int{}
	for _, d := range got {
		seen[d.id]++
	}
	assert.Len(t, seen, n, "one action per timeline")
	for id, c := range seen {
		assert.Equal(t, 1, c, "delivery %s", id)
	}
	assert.Equal(t, n, strings.Count(e.logs.String(), `"msg":"action due"`), "logged once each")
}

func workspaceOf(t *testing.T, e *env) string {
	w, err := e.store.WorkspaceByToken(context.Background(), store.HashToken(e.token))
	require.NoError(t, err)
	return w.ID
}

// TestDeliveryRetried: the webhook answers 503 once; River retries and the
// second attempt is delivered, under the same delivery ID.
func TestDeliveryRetried(t *testing.T) {
	t.Parallel()
	rcv := newReceiver(t)
	rcv.failNext = 1
	e := newEnv(t, rcv.srv.URL)
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	e.post("/v1/timelines", item(t, "retry", time.Now().Add(-offset-time.Minute)))
	got := rcv.waitFor(1, 20*time.Second)
	require.Len(t, got, 1)
	rcv.mu.Lock()
	assert.Equal(t, 1, rcv.refused)
	rcv.mu.Unlock()
	assert.Contains(t, e.logs.String(), `"status":503`)
}

// TestLogOnly: without a webhook, an action due goes to the log, once.
func TestLogOnly(t *testing.T) {
	e := newEnv(t, "")
	offset, action := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	e.post("/v1/timelines", item(t, "quiet", time.Now().Add(-offset-time.Minute)))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && !strings.Contains(e.logs.String(), `"msg":"action due"`) {
		time.Sleep(10 * time.Millisecond)
	}
	logs := e.logs.String()
	assert.Equal(t, 1, strings.Count(logs, `"msg":"action due"`), "%s", logs)
	assert.Contains(t, logs, `"kind":"`+string(action.Kind)+`"`)
	assert.Contains(t, logs, `"webhook":false`)
	assert.NotContains(t, logs, "webhook delivered")
}

// TestSweep: timelines changed while no wake-up was scheduled (written to the
// store directly, as if the process died before its batch was inserted) are
// found by the sweep at start, and by its periodic runs: a timeline never
// woken, and one whose events changed since its last wake-up.
func TestSweep(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rcv := newReceiver(t)
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	plan := func(id string, kickoff time.Time) timeline.Plan {
		var p timeline.Plan
		b, err := json.Marshal(planJSON(id, kickoff))
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &p))
		return p
	}
	dir := t.TempDir()
	st, err := store.OpenSQLite(ctx, dir, store.SQLiteOptions{})
	require.NoError(t, err)
	defer st.Close()
	_, hash := store.NewToken()
	ws, err := st.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	// Its first follow-up was due three days ago.
	_, _, err = st.CreateTimeline(ctx, ws.ID, plan("before-start", time.Now().Add(-offset-72*time.Hour)))
	require.NoError(t, err)

	logs := &syncBuffer{}
	w, err := wake.NewSQLite(ctx, st, wake.Config{Store: st, Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		Webhook: rcv.srv.URL, Secret: secret, SweepInterval: time.Second})
	require.NoError(t, err)
	require.NoError(t, w.Start(ctx))
	defer func() { assert.NoError(t, w.Stop(ctx)) }()
	got := rcv.waitFor(1, 5*time.Second)
	require.Len(t, got, 1, "the sweep at start")
	assert.Equal(t, "before-start", got[0].payload.Timeline)

	// A timeline created while running, and one whose events change, both
	// behind the hook's back.
	_, _, err = st.CreateTimeline(ctx, ws.ID, plan("while-running", time.Now().Add(-offset-time.Minute)))
	require.NoError(t, err)
	got = rcv.waitFor(2, 5*time.Second)
	require.Len(t, got, 2, "a periodic sweep")
	assert.Equal(t, "while-running", got[1].payload.Timeline)
	_, err = st.AppendEvents(ctx, ws.ID, "before-start", []timeline.Event{{Seq: 1, At: time.Now().Add(-48 * time.Hour), Kind: timeline.FollowUpSent, To: timeline.Creator}}, 100)
	require.NoError(t, err)
	got = rcv.waitFor(3, 5*time.Second)
	require.Len(t, got, 3, "the events changed: the second follow-up, a day after the first was sent, is due")
	assert.Equal(t, "before-start", got[2].payload.Timeline)
	assert.NotEqual(t, got[0].payload.Action.ID, got[2].payload.Action.ID)
	assert.Contains(t, logs.String(), `"msg":"sweep: woke timelines"`)
}

// TestStopInsertsQueued: a wake-up handed to the hook just before Stop is
// inserted, not lost; of a timeline's wake-ups in one batch, the earliest is
// inserted; one past the horizon (3 minutes by default) is not inserted by
// the hook.
func TestStopInsertsQueued(t *testing.T) {
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, t.TempDir(), store.SQLiteOptions{})
	require.NoError(t, err)
	defer st.Close()
	w, err := wake.NewSQLite(ctx, st, wake.Config{Store: st, Logger: slog.New(slog.DiscardHandler), BatchDelay: time.Hour})
	require.NoError(t, err)
	require.NoError(t, w.Start(ctx))
	now := time.Now()
	w.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "tl-1", State: timeline.State{Now: now, Next: now.Add(time.Minute)}})
	w.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "tl-1", State: timeline.State{Now: now, Next: now.Add(30 * time.Second)}}) // the earliest of a batch is kept
	w.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "tl-1", State: timeline.State{Now: now, Next: now.Add(2 * time.Minute)}})
	w.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "tl-2", State: timeline.State{Now: now}})                           // nothing will change: no wake-up
	w.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "tl-3", State: timeline.State{Now: now, Next: now.Add(time.Hour)}}) // past the horizon: left to the sweep
	require.NoError(t, w.Stop(ctx))
	require.NoError(t, w.Stop(ctx), "stopping again does nothing")
	var n int
	require.NoError(t, st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job WHERE kind = 'creatorops_wake' AND json(args) LIKE '%"tl-1"%'`).Scan(&n))
	assert.Equal(t, 1, n)
	require.NoError(t, st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job WHERE kind = 'creatorops_wake'`).Scan(&n))
	assert.Equal(t, 1, n)
	var queue, args string
	var priority int
	require.NoError(t, st.DB().QueryRowContext(ctx, `SELECT queue, priority, json(args) FROM river_job WHERE kind = 'creatorops_wake'`).Scan(&queue, &priority, &args))
	var a wake.WakeArgs
	require.NoError(t, json.Unmarshal([]byte(args), &a))
	assert.True(t, a.At.Equal(now.Add(30*time.Second)), "the earliest: %s", a.At)
	assert.Equal(t, wake.Queue, queue)
	assert.Equal(t, 1, priority, "wake-ups go first")
	assert.Equal(t, 2, wake.DeliverArgs{}.InsertOpts().Priority)
	assert.Equal(t, 3, wake.SweepArgs{}.InsertOpts().Priority)
}

// TestDeliveryTimeout: a webhook that does not answer within the client's
// timeout fails the attempt; River retries it.
func TestDeliveryTimeout(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	rcv := newReceiver(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			time.Sleep(time.Second)
		}
		rcv.srv.Config.Handler.ServeHTTP(w, r)
	}))
	defer slow.Close()
	e := newEnv(t, slow.URL, func(c *wake.Config) { c.HTTPClient = &http.Client{Timeout: 200 * time.Millisecond} })
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	e.post("/v1/timelines", item(t, "slow", time.Now().Add(-offset-time.Minute)))
	got := rcv.waitFor(2, 20*time.Second)
	require.Len(t, got, 2, "the slow answer came after the timeout: the post came again")
	assert.Equal(t, got[0].id, got[1].id, "under the same delivery ID")
	assert.Equal(t, int32(2), calls.Load())
	assert.Contains(t, e.logs.String(), "Client.Timeout exceeded")
	assert.Equal(t, 10*time.Second, wake.DefaultHTTPTimeout)
}

// TestUnknownTimelineCancelled: a wake-up of a timeline the store does not
// have is cancelled, not retried.
func TestUnknownTimelineCancelled(t *testing.T) {
	e := newEnv(t, "")
	ctx := context.Background()
	e.waker.Hook(ctx, api.Change{Workspace: "ws_1", Timeline: "gone", State: timeline.State{Now: time.Now(), Actions: []timeline.Action{{}}}})
	var state string
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && state != "cancelled" {
		time.Sleep(50 * time.Millisecond)
		_ = e.store.DB().QueryRowContext(ctx, `SELECT state FROM river_job WHERE kind = 'creatorops_wake'`).Scan(&state)
	}
	assert.Equal(t, "cancelled", state)
}

// TestFarWakeUpBySweep: a change whose next wake-up is further than the
// horizon is left to the sweep, which schedules it; it still fires on time.
func TestFarWakeUpBySweep(t *testing.T) {
	t.Parallel()
	rcv := newReceiver(t)
	e := newEnv(t, rcv.srv.URL, func(c *wake.Config) { c.SweepInterval = time.Second }) // horizon 3 s
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	due := time.Now().Add(6 * time.Second).Truncate(time.Millisecond)
	e.post("/v1/timelines", item(t, "far", due.Add(-offset)))
	got := rcv.waitFor(1, 10*time.Second)
	require.Len(t, got, 1)
	late := got[0].received.Sub(due)
	assert.GreaterOrEqual(t, late, time.Duration(0))
	assert.LessOrEqual(t, late, time.Second)
	assert.Contains(t, e.logs.String(), `"msg":"sweep: woke timelines"`)
}

// TestDefaults holds the README's figures to the code's.
func TestDefaults(t *testing.T) {
	assert.Equal(t, 100*time.Millisecond, wake.DefaultPollInterval, "River looks for jobs due every 100 ms")
	assert.Equal(t, time.Minute, wake.DefaultSweepInterval, "the sweep runs every minute")
	assert.Equal(t, 100*time.Millisecond, wake.DefaultBatchDelay, "wake-ups that arrive within 100 ms go in one transaction")
	assert.Equal(t, 10*time.Second, wake.DefaultHTTPTimeout, "no answer within 10 s fails the attempt")
}

// TestKnownActionsWakeNobody: a change that leaves due only actions this
// process has seen recorded schedules no wake-up for them; one with an action
// it has not seen does.
func TestKnownActionsWakeNobody(t *testing.T) {
	rcv := newReceiver(t)
	e := newEnv(t, rcv.srv.URL, func(c *wake.Config) { c.BatchDelay = 10 * time.Millisecond })
	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	e.post("/v1/timelines", item(t, "overdue", time.Now().Add(-offset-time.Hour)))
	got := rcv.waitFor(1, 5*time.Second)
	require.Len(t, got, 1)
	ws := workspaceOf(t, e)
	count := func() int {
		time.Sleep(200 * time.Millisecond) // a batch would be inserted by now
		var n int
		require.NoError(t, e.store.DB().QueryRow(`SELECT COUNT(*) FROM river_job WHERE kind = 'creatorops_wake'`).Scan(&n))
		return n
	}
	before := count()
	e.waker.Hook(context.Background(), api.Change{Workspace: ws, Timeline: "overdue",
		State: timeline.State{Now: time.Now(), Actions: []timeline.Action{got[0].payload.Action}}})
	assert.Equal(t, before, count(), "the action is known: no wake-up")
	other := got[0].payload.Action
	other.ID = "follow_up:concept:1:0:2"
	e.waker.Hook(context.Background(), api.Change{Workspace: ws, Timeline: "overdue",
		State: timeline.State{Now: time.Now(), Actions: []timeline.Action{got[0].payload.Action, other}}})
	assert.Equal(t, before+1, count(), "an action not seen: a wake-up now")
}
