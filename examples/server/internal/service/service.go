// Package service builds the reference service as the server command runs it:
// the store over its data directory and the HTTP API on top, with whatever
// runs beside them. The server command and the load test (cmd/loadtest) both
// build it here, so that the load test drives exactly what the command serves.
package service

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// Options are what the server command's flags choose.
type Options struct {
	// Data is the data directory (the SQLite database).
	Data string
	// Logger receives the service's log; nil is slog.Default().
	Logger *slog.Logger
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
	st, err := store.OpenSQLite(ctx, opt.Data, store.SQLiteOptions{})
	if err != nil {
		return nil, err
	}
	return &Service{
		Handler: api.New(api.Config{Store: st, Logger: opt.Logger}),
		Store:   st,
	}, nil
}

// Close releases the store. Stop serving requests first.
func (s *Service) Close() error { return s.Store.Close() }
