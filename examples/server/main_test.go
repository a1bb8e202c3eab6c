package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	neturl "net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
)

func TestWorkspaceCreate(t *testing.T) {
	t.Setenv(envDatabaseURL, "") // SQLite in -data
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"workspace", "create", "-name", "Glow Labs", "-data", dir}, &out, &errOut))
	assert.Regexp(t, `(?m)^workspace ws_[0-9a-f]{24} \(Glow Labs\)$`, out.String())
	assert.Regexp(t, `(?m)^token     cop_[A-Za-z0-9_-]{43}$`, out.String())

	out.Reset()
	require.NoError(t, run(context.Background(), []string{"workspace", "create", "-name", "Other", "-data", dir, "-q"}, &out, &errOut))
	assert.Regexp(t, `^cop_[A-Za-z0-9_-]{43}\n$`, out.String())

	for _, args := range [][]string{
		{"workspace", "create", "-data", dir},
		{"workspace", "delete"},
		{"frobnicate"},
		{"serve", "extra"},
		{"-log", "xml"},
	} {
		assert.Error(t, run(context.Background(), args, &out, &errOut), "%q", args)
	}
}

// TestServe runs the service on a loopback port with a token made by the
// workspace command, and shuts it down with a request in flight: the request
// finishes, then serve returns.
func TestServe(t *testing.T) {
	t.Setenv(envDatabaseURL, "") // SQLite in -data
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"workspace", "create", "-name", "Glow Labs", "-data", dir, "-q"}, &out, io.Discard))
	token := strings.TrimSpace(out.String())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	base := "http://" + ln.Addr().String()
	started, release := make(chan struct{}), make(chan struct{})
	wrap := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/deadlines" {
				close(started)
				<-release
			}
			h.ServeHTTP(w, r)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs bytes.Buffer
	served := make(chan error, 1)
	go func() { served <- serve(ctx, ln, dir, slog.New(slog.NewJSONHandler(&logs, nil)), wrap) }()

	res, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)

	inFlight := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, base+"/v1/deadlines", strings.NewReader(
			`{"calendar":{"time_zone":"America/New_York"},"start":"2027-03-08T13:00:00-05:00","window":"1 business day"}`))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			inFlight <- nil
			return
		}
		inFlight <- res
	}()
	<-started
	cancel() // SIGINT or SIGTERM
	// The listener closes first: wait (at most 5 s) until a new connection is refused.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
		if err != nil {
			break
		}
		c.Close()
		require.True(t, time.Now().Before(deadline), "the listener still accepts")
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-served:
		t.Fatalf("serve returned with a request in flight: %v", err)
	default:
	}
	close(release)
	res = <-inFlight
	require.NotNil(t, res)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode, "%s", body)
	assert.Contains(t, string(body), `"due":"2027-03-09T13:00:00-05:00"`)
	require.NoError(t, <-served)
	assert.Contains(t, logs.String(), `"msg":"shutting down: finishing the requests in flight"`)
	assert.Contains(t, logs.String(), `"msg":"stopped"`)
	assert.NotContains(t, logs.String(), token, "tokens are never logged")
	assert.Regexp(t, `"path":"/v1/deadlines","status":200,.*"workspace":"ws_[0-9a-f]{24}"`, logs.String(), "the request line names the workspace")
}

// TestPostgresMode: with -db (or DATABASE_URL), workspace create and serve use
// PostgreSQL; the log names the database without its password.
func TestPostgresMode(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, []string{"workspace", "create", "-name", "Glow Labs", "-db", url, "-q"}, &out, io.Discard))
	token := strings.TrimSpace(out.String())
	t.Setenv(envDatabaseURL, url)
	out.Reset()
	require.NoError(t, run(ctx, []string{"workspace", "create", "-name", "Other"}, &out, io.Discard))
	assert.Regexp(t, `(?m)^workspace ws_[0-9a-f]{24} \(Other\)$`, out.String())

	st, err := store.OpenPostgres(ctx, url, store.PostgresOptions{})
	require.NoError(t, err)
	w, err := st.WorkspaceByToken(ctx, store.HashToken(token))
	require.NoError(t, err)
	assert.Equal(t, "Glow Labs", w.Name)
	st.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	sctx, cancel := context.WithCancel(ctx)
	var logs bytes.Buffer
	served := make(chan error, 1)
	loc, err := where("", t.TempDir()) // DATABASE_URL wins over the default -data
	require.NoError(t, err)
	require.Equal(t, url, loc)
	go func() { served <- serve(sctx, ln, loc, slog.New(slog.NewJSONHandler(&logs, nil)), nil) }()
	req, _ := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+"/v1/timelines", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode, "%s", body)
	assert.JSONEq(t, `{"timelines":[]}`, string(body))
	cancel()
	require.NoError(t, <-served)
	u, err := neturl.Parse(url)
	require.NoError(t, err)
	if password, ok := u.User.Password(); ok {
		assert.NotContains(t, logs.String(), password, "the log never shows the database's password")
	}
	assert.NotContains(t, logs.String(), url)
	assert.Contains(t, logs.String(), `"data":"`+redact(url)+`"`)

	err = run(ctx, []string{"workspace", "create", "-name", "X", "-db", "mysql://x"}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "-db: want a postgres:// URL")
}

func TestRedact(t *testing.T) {
	assert.Equal(t, "postgres://app@db.example:5432/creatorops", redact("postgres://app:s3cret@db.example:5432/creatorops?sslmode=require&password=x"))
	assert.Equal(t, "data", redact("data"))
}
