// Package service builds the reference service as the server command runs it:
// the store over its data directory and the HTTP API on top, with whatever
// runs beside them. The server command and the load test (cmd/loadtest) both
// build it here, so that the load test drives exactly what the command serves.
package service

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
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
}

// Service is the running service: its handler and its store.
type Service struct {
	// Handler serves the HTTP API.
	Handler http.Handler
	// Store is the service's storage (the load test creates its workspace
	// there, as the workspace command does).
	Store store.Store
}

// Open opens the store, migrating its schema, and builds the API over it.
// Close releases what Open started.
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
	return &Service{
		Handler: api.New(api.Config{Store: st, Logger: opt.Logger, Secret: secret}),
		Store:   st,
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

// Close releases the store. Stop serving requests first.
func (s *Service) Close() error { return s.Store.Close() }
