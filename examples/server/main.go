// Command server is the creatorops reference service: the library's
// deadlines, quotes and deals, agreements, timelines, board and metrics as an
// HTTP JSON API with a generated OpenAPI 3.1 document; the board as a web page
// (/board); calendar feeds; and wake-ups (River) that deliver each action
// when it falls due to a signed webhook (-webhook) and the log. The data is
// stored in SQLite in a data directory or, with -db postgres://... (or
// DATABASE_URL), in PostgreSQL, where several processes share the work.
//
//	cd examples/server && go run .                       # serve on 127.0.0.1:8080, data in ./data
//	go run . -addr 127.0.0.1:9000 -data /var/lib/creatorops
//	go run . -db postgres://creatorops@localhost:5432/creatorops
//	go run . workspace create -name "Glow Labs"          # a workspace and its first token
//
// The party calendar feeds' links are signed with the server's secret: the
// environment's CREATOROPS_SECRET (at least 32 bytes), else the file "secret"
// in the data directory, made with 32 random bytes on the first start (on
// PostgreSQL, set CREATOROPS_SECRET, the same on every process).
//
// It is a nested module (its own go.mod, with a replace back to the library),
// so `go run ./examples/server` from the repository's root does not work: run
// it from its directory.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/service"
	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// Timeouts of the HTTP server.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 15 * time.Second
)

const usage = `usage:
  server [serve] [-addr 127.0.0.1:8080] [-data ./data | -db postgres://...] [-log text|json] [-webhook URL -webhook-secret SECRET]
  server workspace create -name NAME [-data ./data | -db postgres://...] [-q]
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "server:", err)
		}
		os.Exit(2)
	}
}

// run runs the command line args until ctx is done (serve) or the command is
// finished.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serveCommand(ctx, args, stderr)
	case "workspace":
		if len(args) == 0 || args[0] != "create" {
			return fmt.Errorf("want \"workspace create\"\n%s", usage)
		}
		return workspaceCreate(ctx, args[1:], stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

func serveCommand(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	data := fs.String("data", "data", "the data directory (the SQLite database)")
	db := fs.String("db", "", dbUsage)
	logFormat := fs.String("log", "text", "log format: text or json")
	hook := fs.String("webhook", os.Getenv("CREATOROPS_WEBHOOK"), "the URL actions due are POSTed to (env CREATOROPS_WEBHOOK); without it, actions go to the log only")
	secret := fs.String("webhook-secret", os.Getenv("CREATOROPS_WEBHOOK_SECRET"), "the secret that signs each webhook delivery (env CREATOROPS_WEBHOOK_SECRET)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}
	if err := checkWebhook(*hook, *secret); err != nil {
		return err
	}
	log, err := newLogger(stderr, *logFormat)
	if err != nil {
		return err
	}
	w, err := where(*db, *data)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	return serve(ctx, ln, options{data: w, webhook: *hook, secret: *secret}, log, nil)
}

// checkWebhook refuses a webhook URL that is not an absolute http(s) URL, and
// one without a secret to sign its deliveries.
func checkWebhook(hook, secret string) error {
	if hook == "" {
		return nil
	}
	u, err := url.Parse(hook)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-webhook: want an http:// or https:// URL, have %q", hook)
	}
	if secret == "" {
		return errors.New("-webhook-secret (or CREATOROPS_WEBHOOK_SECRET) is required with -webhook: receivers verify each delivery with it")
	}
	return nil
}

// options are what serve's flags chose.
type options struct {
	data            string // where the data is kept: a PostgreSQL URL or the SQLite data directory
	webhook, secret string // where actions due are POSTed, and the secret signing them
}

// serve answers on ln until ctx is done, then shuts down gracefully: it stops
// accepting, lets the requests in flight finish (for shutdownTimeout at most),
// stops the wake-ups (the running jobs finish) and closes the database. wrap,
// when not nil, wraps the handler (tests).
func serve(ctx context.Context, ln net.Listener, opt options, log *slog.Logger, wrap func(http.Handler) http.Handler) error {
	svc, err := service.Open(ctx, service.Options{DB: opt.data, Logger: log,
		Secret:  func() ([]byte, error) { return secretFor(opt.data, os.Getenv, log) },
		Webhook: opt.webhook, WebhookSecret: opt.secret})
	if err != nil {
		ln.Close()
		return err
	}
	defer svc.Close()
	h := svc.Handler
	if wrap != nil {
		h = wrap(h)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	log.Info("listening", "addr", "http://"+ln.Addr().String(), "data", service.Redact(opt.data),
		"openapi", "http://"+ln.Addr().String()+"/openapi.json", "webhook", opt.webhook != "")
	select {
	case err := <-done:
		return err // the deferred Close stops the wake-ups
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopping the wake-ups: finishing the running jobs")
	wctx, wcancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer wcancel()
	if err := svc.Waker.Stop(wctx); err != nil {
		return fmt.Errorf("shutdown: wake-ups: %w", err)
	}
	log.Info("stopped")
	return nil
}

func workspaceCreate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("workspace create", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "", "the workspace's name (required)")
	data := fs.String("data", "data", "the data directory (the SQLite database)")
	db := fs.String("db", "", dbUsage)
	quiet := fs.Bool("q", false, "print only the token")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" {
		return errors.New("workspace create: -name is required")
	}
	loc, err := where(*db, *data)
	if err != nil {
		return err
	}
	st, err := service.OpenStore(ctx, loc)
	if err != nil {
		return err
	}
	defer st.Close()
	token, hash := store.NewToken()
	w, err := st.CreateWorkspace(ctx, strings.TrimSpace(*name), hash)
	if err != nil {
		return err
	}
	if *quiet {
		fmt.Fprintln(stdout, token)
		return nil
	}
	fmt.Fprintf(stdout, "workspace %s (%s)\ntoken     %s\n\nThe token is shown once: only its SHA-256 is stored. Send it as\n  Authorization: Bearer %s\n", w.ID, w.Name, token, token)
	return nil
}

func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("-log: want text or json, have %q", format)
}

// secretFile is the file of the server's secret in the data directory.
const secretFile = "secret"

// envSecret names the environment variable of the server's secret.
const envSecret = "CREATOROPS_SECRET"

// secretFor returns the secret of a server whose data is at db (a PostgreSQL
// URL or an SQLite data directory): loadSecret's on SQLite. On PostgreSQL,
// where several processes share the work and must share the secret, it is
// CREATOROPS_SECRET's; without it, nil (api.New makes a random one, so feed
// links work only on this process until it stops), with a warning.
func secretFor(db string, getenv func(string) string, log *slog.Logger) ([]byte, error) {
	if service.IsPostgresURL(db) && getenv(envSecret) == "" {
		log.Warn("no " + envSecret + ": the calendar feeds' links are signed with a random secret, valid on this process until it stops; " +
			"set " + envSecret + " (the same on every process) to keep them")
		return nil, nil
	}
	return loadSecret(db, getenv, log)
}

// loadSecret returns the server's secret, which signs the keys of the party
// calendar feeds: the environment's CREATOROPS_SECRET (at least 32 bytes),
// else the file "secret" in the data directory, created with 32 random bytes
// (mode 0600) on the first start. Keep it: a new secret revokes every feed
// link handed out.
func loadSecret(dataDir string, getenv func(string) string, log *slog.Logger) ([]byte, error) {
	if v := getenv(envSecret); v != "" {
		if len(v) < api.MinSecretBytes {
			return nil, fmt.Errorf("CREATOROPS_SECRET: want at least %d bytes, have %d", api.MinSecretBytes, len(v))
		}
		return []byte(v), nil
	}
	path := filepath.Join(dataDir, secretFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		b, err = createSecret(dataDir, path)
	}
	if err != nil {
		return nil, fmt.Errorf("the server's secret: %w", err)
	}
	if len(b) < api.MinSecretBytes {
		return nil, fmt.Errorf("the server's secret: %s holds %d bytes, want at least %d", path, len(b), api.MinSecretBytes)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		log.Warn("the server's secret is readable by others: chmod 600 it", "file", path, "mode", fi.Mode().Perm().String())
	}
	return b, nil
}

// createSecret writes 32 random bytes to path, mode 0600, all at once: a
// process that starts at the same time reads either no file or the whole
// one, and the first to link its file in wins.
func createSecret(dataDir, path string) ([]byte, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, err
	}
	b := make([]byte, api.MinSecretBytes)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dataDir, ".secret-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	} else if err != nil {
		return nil, err
	}
	return b, nil
}
