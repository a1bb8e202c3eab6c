package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/service"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
	"github.com/creatorops/creatorops/examples/server/webhook"
	"github.com/creatorops/creatorops/sla/timeline"
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
	go func() { served <- serve(ctx, ln, options{data: dir}, slog.New(slog.NewJSONHandler(&logs, nil)), wrap) }()

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

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-webhook", "ftp://example.com/hook", "-webhook-secret", "s"},
		{"-webhook", "/relative", "-webhook-secret", "s"},
		{"-webhook", "http://127.0.0.1:1/hook"}, // no secret
	} {
		err := run(context.Background(), args, io.Discard, io.Discard)
		assert.ErrorContains(t, err, "-webhook", "%q", args)
	}
	t.Setenv("CREATOROPS_WEBHOOK", "http://127.0.0.1:1/hook")
	err := run(context.Background(), []string{"-addr", "256.0.0.1:0"}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "-webhook-secret (or CREATOROPS_WEBHOOK_SECRET) is required", "the environment sets the webhook")
}

// TestServeWebhook runs the service with -webhook: a timeline created with a
// follow-up overdue is delivered to the webhook, signed; shutting down stops
// the wake-ups after the HTTP server.
func TestServeWebhook(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"workspace", "create", "-name", "Glow Labs", "-data", dir, "-q"}, &out, io.Discard))
	token := strings.TrimSpace(out.String())
	got := make(chan webhook.Payload, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := webhook.Verify([]byte("s3cret"), r.Header.Get(webhook.SignatureHeader), body, time.Now(), 0); err != nil {
			t.Error(err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var p webhook.Payload
		assert.NoError(t, json.Unmarshal(body, &p))
		got <- p
	}))
	defer hook.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	served := make(chan error, 1)
	go func() {
		served <- serve(ctx, ln, options{data: dir, webhook: hook.URL, secret: "s3cret"}, slog.New(slog.NewJSONHandler(&logs, nil)), nil)
	}()
	// A plan that started ten days ago with nothing done: the concept is
	// overdue, a follow-up to the creator is due.
	kickoff := time.Now().Add(-240 * time.Hour).UTC()
	cal := `{"time_zone": "UTC", "hours": ["daily"]}`
	body := `{"plan": {"id": "tiktok-1",
		"brand": {"calendar": ` + cal + `, "owner": {"name": "Bea Brand"}, "manager": {"name": "Max Manager"}},
		"creator": {"calendar": ` + cal + `, "owner": {"name": "Cleo Creator"}, "manager": {"name": "Ada Agent"}},
		"kickoff": "` + kickoff.Format(time.RFC3339) + `", "post_date": "` + kickoff.AddDate(0, 2, 0).Format("2006-01-02") + `", "post_time": "12:00"}}`
	req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/v1/timelines", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusCreated, res.StatusCode, "%s", b)
	select {
	case p := <-got:
		assert.Equal(t, "tiktok-1", p.Timeline)
		assert.Equal(t, timeline.FollowUp, p.Action.Kind)
		assert.Equal(t, "Cleo Creator", p.Action.To.Name)
	case <-time.After(10 * time.Second):
		t.Fatalf("no delivery; log:\n%s", logs.String())
	}
	cancel()
	require.NoError(t, <-served)
	assert.Regexp(t, `(?s)"msg":"shutting down: finishing the requests in flight".*"msg":"stopping the wake-ups: finishing the running jobs".*"msg":"stopped"`, logs.String())
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

func TestSecret(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	noEnv := func(string) string { return "" }
	dir := filepath.Join(t.TempDir(), "data")
	s1, err := loadSecret(dir, noEnv, log)
	require.NoError(t, err)
	assert.Len(t, s1, 32)
	fi, err := os.Stat(filepath.Join(dir, "secret"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "created 0600")
	s2, err := loadSecret(dir, noEnv, log)
	require.NoError(t, err)
	assert.Equal(t, s1, s2, "the same secret at the next start")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")

	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "CREATOROPS_SECRET" {
				return v
			}
			return ""
		}
	}
	other := t.TempDir()
	s3, err := loadSecret(other, env(strings.Repeat("k", 40)), log)
	require.NoError(t, err)
	assert.Equal(t, []byte(strings.Repeat("k", 40)), s3, "the environment's")
	_, err = os.Stat(filepath.Join(other, "secret"))
	assert.True(t, errors.Is(err, fs.ErrNotExist), "no file when the environment has it")
	_, err = loadSecret(other, env("short"), log)
	assert.ErrorContains(t, err, "CREATOROPS_SECRET: want at least 32 bytes")

	require.NoError(t, os.WriteFile(filepath.Join(other, "secret"), []byte("tiny"), 0o600))
	_, err = loadSecret(other, noEnv, log)
	assert.ErrorContains(t, err, "want at least 32")
}

// TestSecretPostgres: on PostgreSQL the secret is the environment's, or a
// random one per process with a warning; never a file named after the URL.
func TestSecretPostgres(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	t.Chdir(t.TempDir())
	s, err := secretFor("postgres://app:pw@db.example/creatorops", func(string) string { return "" }, log)
	require.NoError(t, err)
	assert.Nil(t, s, "api.New makes a random one")
	assert.Contains(t, logs.String(), "level=WARN")
	assert.Contains(t, logs.String(), "set CREATOROPS_SECRET (the same on every process)")
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	assert.Empty(t, entries, "no file written")
	s, err = secretFor("postgres://app:pw@db.example/creatorops", func(k string) string {
		if k == "CREATOROPS_SECRET" {
			return strings.Repeat("p", 32)
		}
		return ""
	}, log)
	require.NoError(t, err)
	assert.Equal(t, []byte(strings.Repeat("p", 32)), s)
	dir := t.TempDir()
	s, err = secretFor(dir, func(string) string { return "" }, log)
	require.NoError(t, err)
	assert.Len(t, s, 32, "SQLite: the data directory's file")
}

// TestSecretRace: processes starting at once on a fresh data directory all
// get the one secret.
func TestSecretRace(t *testing.T) {
	dir := t.TempDir()
	secrets := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range secrets {
		wg.Go(func() {
			s, err := loadSecret(dir, func(string) string { return "" }, slog.New(slog.DiscardHandler))
			assert.NoError(t, err)
			secrets[i] = s
		})
	}
	wg.Wait()
	for _, s := range secrets {
		assert.Equal(t, secrets[0], s)
	}
	assert.Len(t, secrets[0], 32)
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
	go func() { served <- serve(sctx, ln, options{data: loc}, slog.New(slog.NewJSONHandler(&logs, nil)), nil) }()
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
	assert.Contains(t, logs.String(), `"data":"`+service.Redact(url)+`"`)

	err = run(ctx, []string{"workspace", "create", "-name", "X", "-db", "mysql://x"}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "-db: want a postgres:// URL")
}

func TestRedact(t *testing.T) {
	assert.Equal(t, "postgres://app@db.example:5432/creatorops", service.Redact("postgres://app:s3cret@db.example:5432/creatorops?sslmode=require&password=x"))
	assert.Equal(t, "data", service.Redact("data"))
}
