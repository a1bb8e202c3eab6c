// Package service builds the reference service as the server command runs it:
// the store over its data directory and the HTTP API on top, with whatever
// runs beside them. The server command and the load test (cmd/loadtest) both
// build it here, so that the load test drives exactly what the command serves.
package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/wake"
)

// Options are what the server command's flags choose.
type Options struct {
	// DB is where the data is kept: a PostgreSQL URL (postgres://...) or the
	// SQLite data directory.
	DB string
	// Logger receives the service's log; nil is slog.Default().
	Logger *slog.Logger
	// Secret returns the server's secret (api.Config.Secret: it signs the
	// party calendar feeds' keys); it is called once the store is open, so
	// that the data directory exists. nil, or a nil secret, is a random
	// secret for this process.
	Secret func() ([]byte, error)
	// Webhook is where the actions due are POSTed, signed with
	// WebhookSecret; "" sends them to the log only (internal/wake).
	Webhook, WebhookSecret string
}

// Service is the running service: its handler, its store and its wake-ups.
type Service struct {
	// Handler serves the HTTP API.
	Handler http.Handler
	// Store is the service's storage (the load test creates its workspace
	// there, as the workspace command does).
	Store store.Store
	// Waker schedules and works the wake-ups (River, in the store's
	// database); the API's hook tells it of each change.
	Waker *wake.Waker
}

// Open opens the store, migrating its schema, starts the wake-ups on the same
// database (internal/wake) and builds the API over it, hooked to them.
// Waker.Stop, then Close, release what Open started.
func Open(ctx context.Context, opt Options) (*Service, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	st, err := OpenStore(ctx, opt.DB)
	if err != nil {
		return nil, err
	}
	var secret []byte
	if opt.Secret != nil {
		if secret, err = opt.Secret(); err != nil {
			st.Close()
			return nil, err
		}
	}
	w, err := wake.New(ctx, st, wake.Config{Logger: opt.Logger, Webhook: opt.Webhook, Secret: []byte(opt.WebhookSecret)})
	if err == nil {
		err = w.Start(ctx)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return &Service{
		Handler: api.New(api.Config{Store: st, Logger: opt.Logger, Secret: secret, Hooks: []api.Hook{w.Hook}}),
		Store:   st,
		Waker:   w,
	}, nil
}

// OpenStore opens the store at db (a PostgreSQL URL or an SQLite data
// directory), migrating its schema.
func OpenStore(ctx context.Context, db string) (store.Store, error) {
	if IsPostgresURL(db) {
		return store.OpenPostgres(ctx, db, store.PostgresOptions{})
	}
	return store.OpenSQLite(ctx, db, store.SQLiteOptions{})
}

// IsPostgresURL reports whether db is a PostgreSQL URL rather than a
// directory.
func IsPostgresURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Close stops the wake-ups if Waker.Stop did not, and releases the store.
// Stop serving requests first.
func (s *Service) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return errors.Join(s.Waker.Stop(ctx), s.Store.Close())
}

// Redact returns w (a data directory or a database URL) for a log or a
// message: a URL without its password or parameters
// (which may hold one).
func Redact(w string) string {
	if !strings.Contains(w, "://") {
		return w
	}
	u, err := url.Parse(w)
	if err != nil {
		return "(a URL that does not parse)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	u.RawQuery, u.Fragment = "", ""
	return u.String()
}
