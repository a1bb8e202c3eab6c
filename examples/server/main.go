// Command server is the creatorops reference service: the library's
// deadlines, quotes, timelines, board and metrics as an HTTP JSON API with a
// generated OpenAPI 3.1 document, stored in SQLite in a data directory or,
// with -db postgres://... (or DATABASE_URL), in PostgreSQL.
//
//	cd examples/server && go run .                       # serve on 127.0.0.1:8080, data in ./data
//	go run . -addr 127.0.0.1:9000 -data /var/lib/creatorops
//	go run . -db postgres://creatorops@localhost:5432/creatorops
//	go run . workspace create -name "Glow Labs"          # a workspace and its first token
//
// It is a nested module (its own go.mod, with a replace back to the library),
// so `go run ./examples/server` from the repository's root does not work: run
// it from its directory.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

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
  server [serve] [-addr 127.0.0.1:8080] [-data ./data | -db postgres://...] [-log text|json]
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected arguments %q", fs.Args())
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
	return serve(ctx, ln, w, log, nil)
}

// serve answers on ln until ctx is done, then shuts down gracefully: it stops
// accepting, lets the requests in flight finish (for shutdownTimeout at most)
// and closes the database. db is where the data is kept: a PostgreSQL URL or
// the SQLite data directory. wrap, when not nil, wraps the handler (tests).
func serve(ctx context.Context, ln net.Listener, db string, log *slog.Logger, wrap func(http.Handler) http.Handler) error {
	svc, err := service.Open(ctx, service.Options{DB: db, Logger: log})
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
	log.Info("listening", "addr", "http://"+ln.Addr().String(), "data", redact(db),
		"openapi", "http://"+ln.Addr().String()+"/openapi.json")
	select {
	case err := <-done:
		return err
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
	st, err := openStore(ctx, loc)
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
