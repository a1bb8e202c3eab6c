package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
