package service_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/service"
)

// TestOpen: the service answers over the store in its data directory, which
// exists when the secret is asked for; a secret that cannot be had fails
// Open.
func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	asked := false
	svc, err := service.Open(ctx, service.Options{DB: dir, Logger: slog.New(slog.DiscardHandler),
		Secret: func() ([]byte, error) {
			asked = true
			_, err := os.Stat(dir)
			assert.NoError(t, err, "the data directory exists when the secret is asked for")
			return []byte("0123456789abcdef0123456789abcdef"), nil
		}})
	require.NoError(t, err)
	assert.True(t, asked)
	w := httptest.NewRecorder()
	svc.Handler.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.NoError(t, svc.Store.Ping(ctx))
	require.NoError(t, svc.Close())

	boom := errors.New("no secret")
	_, err = service.Open(ctx, service.Options{DB: dir, Secret: func() ([]byte, error) { return nil, boom }})
	assert.ErrorIs(t, err, boom)

	svc, err = service.Open(ctx, service.Options{DB: dir}) // no Secret: a random one
	require.NoError(t, err)
	require.NoError(t, svc.Close())
}

func TestIsPostgresURL(t *testing.T) {
	for db, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://u@h/db": true,
		"data": false, "/var/lib/creatorops": false, "mysql://u@h/db": false, "": false,
	} {
		assert.Equal(t, want, service.IsPostgresURL(db), db)
	}
}
