package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/service"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
)

// checkReport holds a short run to what the load test promises: every phase
// made progress on each of its routes, no 5xx, no unexpected answer, no
// transport error, every acknowledged append stored.
func checkReport(t *testing.T, rep *Report, phases ...string) {
	t.Helper()
	require.Len(t, rep.Phases, len(phases))
	for i, p := range rep.Phases {
		assert.Equal(t, phases[i], p.Name)
		assert.Positive(t, p.Requests, "phase %s made no request", p.Name)
		assert.Positive(t, p.PerSecond, "phase %s", p.Name)
		assert.Zero(t, p.Status5xx, "phase %s: 5xx answers: %v", p.Name, p.Status)
		assert.Zero(t, p.Errors, "phase %s: transport errors", p.Name)
		assert.Zero(t, p.Unexpected, "phase %s: unexpected answers: %v", p.Name, p.Status)
		assert.LessOrEqual(t, p.P50, p.P90, "phase %s", p.Name)
		assert.LessOrEqual(t, p.P90, p.P99, "phase %s", p.Name)
		assert.LessOrEqual(t, p.P99, p.Max, "phase %s", p.Name)
		for _, r := range p.Routes {
			if r.Route == routeRetry || r.Route == routeEvents {
				continue // rare in the mix: a very short run may send none
			}
			assert.Positive(t, r.Requests, "phase %s, route %s made no request", p.Name, r.Route)
		}
	}
	assert.Positive(t, rep.Appends.Acknowledged, "no append acknowledged")
	assert.Equal(t, rep.Appends.Acknowledged, rep.Appends.Stored, "acknowledged appends missing: %v", rep.Appends.MissingSample)
	assert.Zero(t, rep.Appends.Missing)
	assert.True(t, rep.OK())
}

// TestLoadTest runs every phase briefly against the service in process, as
// the command's default does, and reads the JSON report back.
func TestLoadTest(t *testing.T) {
	var out bytes.Buffer
	rep, err := run(context.Background(), []string{"-duration", "300ms", "-warmup", "50ms", "-conns", "8", "-timelines", "20",
		"-data", t.TempDir(), "-json"}, &out, io.Discard)
	require.NoError(t, err)
	checkReport(t, rep, "read", "append", "mixed")

	var back Report
	require.NoError(t, json.Unmarshal(out.Bytes(), &back), "%s", out.String())
	assert.Equal(t, *rep, back, "the JSON report is the report")
	assert.Contains(t, back.Target, "in process, SQLite in ")
}

// TestLoadTestTable: the table names each phase's routes and the verdict.
func TestLoadTestTable(t *testing.T) {
	var out bytes.Buffer
	rep, err := run(context.Background(), []string{"-phases", "append", "-duration", "200ms", "-warmup", "0s", "-conns", "4", "-timelines", "4"}, &out, io.Discard)
	require.NoError(t, err)
	checkReport(t, rep, "append")
	assert.Regexp(t, `(?m)^\s*append\s+append\s+\d+`, out.String())
	assert.Regexp(t, `(?m)^appends\s+(\d+) acknowledged, (\d+) stored, 0 missing$`, out.String())
	assert.Contains(t, out.String(), "result       OK")
}

// TestFlags: bad flags are refused with the flag's name, before any load.
func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-phases", "read,write"}, `-phases: unknown phase "write"`},
		{[]string{"-duration", "0s"}, "-duration"},
		{[]string{"-duration", "11m"}, "-duration"},
		{[]string{"-warmup", "11m"}, "-warmup"},
		{[]string{"-conns", "0"}, "-conns"},
		{[]string{"-conns", "100000"}, "-conns"},
		{[]string{"-timelines", "0"}, "-timelines"},
		{[]string{"-warmup", "-1s"}, "-warmup"},
		{[]string{"-url", "http://127.0.0.1:1"}, "-url needs -token"},
		{[]string{"-token", "cop_x"}, "-token needs -url"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-db", "mysql://x"}, "-db: want a postgres:// URL"},
		{[]string{"-db", "postgres://x/y", "-data", "d"}, "not both"},
		{[]string{"-url", "http://127.0.0.1:1", "-token", "t", "-db", "postgres://x/y"}, "in-process service"},
	} {
		_, err := run(context.Background(), tc.args, io.Discard, io.Discard)
		require.Error(t, err, "%q", tc.args)
		assert.Contains(t, err.Error(), tc.want, "%q", tc.args)
	}
}

// TestLoadTestURL drives a running server given by -url and -token.
func TestLoadTestURL(t *testing.T) {
	ctx := context.Background()
	svc, err := service.Open(ctx, service.Options{DB: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(svc.Handler)
	var conns atomic.Int64
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		assert.NoError(t, svc.Close())
	})
	token, hash := store.NewToken()
	_, err = svc.Store.CreateWorkspace(ctx, "load", hash)
	require.NoError(t, err)

	rep, err := run(ctx, []string{"-url", srv.URL + "/", "-token", token, "-phases", "mixed", "-duration", "200ms", "-warmup", "0s",
		"-conns", "4", "-timelines", "5"}, io.Discard, io.Discard)
	require.NoError(t, err)
	checkReport(t, rep, "mixed")
	assert.Equal(t, srv.URL, rep.Target)
	assert.LessOrEqual(t, conns.Load(), int64(4), "one keep-alive connection per goroutine, kept from the seeding to the check")

	_, err = run(ctx, []string{"-url", srv.URL, "-token", "cop_wrong", "-duration", "100ms"}, io.Discard, io.Discard)
	require.Error(t, err, "a token no workspace holds")
	assert.Contains(t, err.Error(), "401")
}

// TestDefaults: the defaults the README gives.
func TestDefaults(t *testing.T) {
	c, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"read", "append", "mixed"}, c.phases)
	assert.Equal(t, 10*time.Second, c.duration)
	assert.Equal(t, 2*time.Second, c.warmup)
	assert.Equal(t, 16, c.conns)
	assert.Equal(t, 200, c.timelines)
	assert.Empty(t, c.url, "in process")
}

// TestReportOK: a 5xx, a transport error, an unexpected answer or a missing
// append fails the run (exit status 1).
func TestReportOK(t *testing.T) {
	good := func() *Report {
		return &Report{Phases: []Phase{{Name: "read"}}, Appends: Appends{Acknowledged: 3, Stored: 3}}
	}
	assert.True(t, good().OK())
	for name, spoil := range map[string]func(*Report){
		"5xx":        func(r *Report) { r.Phases[0].Status5xx = 1 },
		"transport":  func(r *Report) { r.Phases[0].Errors = 1 },
		"unexpected": func(r *Report) { r.Phases[0].Unexpected = 1 },
		"missing":    func(r *Report) { r.Appends.Stored, r.Appends.Missing = 2, 1 },
	} {
		r := good()
		spoil(r)
		assert.False(t, r.OK(), name)
	}
}

// TestAcknowledged: an append's answer as the service writes it is read from
// its first bytes; another form is decoded; anything else is no
// acknowledgement.
func TestAcknowledged(t *testing.T) {
	ctx := context.Background()
	svc, err := service.Open(ctx, service.Options{DB: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	srv := httptest.NewServer(svc.Handler)
	t.Cleanup(func() {
		srv.Close()
		assert.NoError(t, svc.Close())
	})
	token, hash := store.NewToken()
	_, err = svc.Store.CreateWorkspace(ctx, "load", hash)
	require.NoError(t, err)
	tg := &target{base: srv.URL, token: token, client: srv.Client()}
	require.NoError(t, seed(ctx, tg, config{timelines: 1, conns: 1}))
	w := &worker{t: tg}
	for _, retry := range []bool{false, true} {
		status, b, err := w.do(http.MethodPost, "/v1/timelines/"+tg.ids[0]+"/events", appendBody(100))
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, status, "%s", b)
		ok, fast := acknowledged(b, 100, retry)
		assert.True(t, ok, "%s", b)
		assert.True(t, fast, "the service's answer starts as expected: %.80s", b)
		ok, _ = acknowledged(b, 101, retry)
		assert.False(t, ok, "another seq")
		ok, _ = acknowledged(b, 100, !retry)
		assert.False(t, ok, "appended is not duplicate")
	}
	ok, fast := acknowledged([]byte(`{"state":{},"duplicates":[],"appended":[7]}`), 7, false)
	assert.True(t, ok)
	assert.False(t, fast)
	ok, _ = acknowledged([]byte(`{"appended":[7],"duplicates":[8]}`), 7, false)
	assert.False(t, ok, "a duplicate that should not be")
	ok, _ = acknowledged([]byte(`not json`), 7, false)
	assert.False(t, ok)
}

// TestLoadTestPostgres runs every phase briefly against the service in
// process on PostgreSQL (-db), on a database of its own on the server of
// CREATOROPS_TEST_POSTGRES; without one it is skipped, saying so, unless CI
// is set.
func TestLoadTestPostgres(t *testing.T) {
	db := pgtest.URL(t)
	var out bytes.Buffer
	rep, err := run(context.Background(), []string{"-duration", "300ms", "-warmup", "50ms", "-conns", "8", "-timelines", "20",
		"-db", db}, &out, io.Discard)
	require.NoError(t, err)
	checkReport(t, rep, "read", "append", "mixed")
	assert.Contains(t, rep.Target, "in process, PostgreSQL at postgres")
	assert.NotContains(t, out.String(), "password", "the report shows no password")
}

// TestLoadTestCountsFailures: a server that answers some deadlines with 500,
// drops some quotes' connections and acknowledges some appends without
// storing them: the report counts each, and the run fails.
func TestLoadTestCountsFailures(t *testing.T) {
	ctx := context.Background()
	svc, err := service.Open(ctx, service.Options{DB: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	var deadlines, quotes atomic.Int64
	faulty := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/v1/deadlines" && deadlines.Add(1)%5 == 0:
			http.Error(w, "boom", http.StatusInternalServerError)
		case r.URL.Path == "/v1/quotes" && quotes.Add(1)%5 == 0:
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
		case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/events"):
			body, _ := io.ReadAll(r.Body)
			var evs []struct{ Seq int64 }
			if json.Unmarshal(body, &evs) == nil && len(evs) == 1 && evs[0].Seq%4 == 0 {
				fmt.Fprintf(w, `{"appended":[%d],"duplicates":[],"state":{}}`, evs[0].Seq) // acknowledged, not stored
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			svc.Handler.ServeHTTP(w, r)
		default:
			svc.Handler.ServeHTTP(w, r)
		}
	})
	srv := httptest.NewServer(faulty)
	t.Cleanup(func() {
		srv.Close()
		assert.NoError(t, svc.Close())
	})
	token, hash := store.NewToken()
	_, err = svc.Store.CreateWorkspace(ctx, "load", hash)
	require.NoError(t, err)

	var out bytes.Buffer
	rep, err := run(ctx, []string{"-url", srv.URL, "-token", token, "-phases", "read,append", "-duration", "300ms", "-warmup", "0s",
		"-conns", "4", "-timelines", "5"}, &out, io.Discard)
	require.NoError(t, err, "a run that found failures is not an error of the load test: it reports them")
	require.Len(t, rep.Phases, 2)
	read := rep.Phases[0]
	routes := map[string]Route{}
	for _, r := range read.Routes {
		routes[r.Route] = r
	}
	assert.Positive(t, routes[routeDeadline].Status["500"])
	assert.Equal(t, routes[routeDeadline].Status["500"], routes[routeDeadline].Status5xx)
	assert.Equal(t, routes[routeDeadline].Status5xx, routes[routeDeadline].Unexpected)
	assert.Positive(t, routes[routeQuote].Errors, "dropped connections")
	assert.Zero(t, routes[routeState].Status5xx+routes[routeState].Errors+routes[routeState].Unexpected)
	assert.Equal(t, routes[routeDeadline].Status5xx, read.Status5xx)
	assert.Equal(t, routes[routeQuote].Errors, read.Errors)

	assert.Positive(t, rep.Appends.Missing, "appends acknowledged and not stored")
	assert.Equal(t, rep.Appends.Acknowledged, rep.Appends.Stored+rep.Appends.Missing)
	assert.NotEmpty(t, rep.Appends.MissingSample)
	assert.False(t, rep.OK())
	assert.Contains(t, out.String(), "result       FAILED")
}
