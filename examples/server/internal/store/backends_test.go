package store_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
)

// backend is one implementation of store.Store under test.
type backend struct {
	name string // "sqlite" or "postgres", also the migrations' directory
	// fresh returns the location of a new, empty database (a directory, a
	// URL), removed when the test ends.
	fresh func(t *testing.T) string
	// open opens the store at a location.
	open func(ctx context.Context, loc string, now func() time.Time) (store.Store, error)
	// scalar runs a query of one integer on the store's database directly.
	scalar func(ctx context.Context, s store.Store, query string) (int, error)
}

var backends = []backend{
	{
		name:  "sqlite",
		fresh: func(t *testing.T) string { return t.TempDir() },
		open: func(ctx context.Context, dir string, now func() time.Time) (store.Store, error) {
			return store.OpenSQLite(ctx, dir, store.SQLiteOptions{Now: now})
		},
		scalar: func(ctx context.Context, s store.Store, query string) (n int, err error) {
			err = s.(*store.SQLite).DB().QueryRowContext(ctx, query).Scan(&n)
			return n, err
		},
	},
	{
		name:  "postgres",
		fresh: func(t *testing.T) string { return pgtest.URL(t) },
		open: func(ctx context.Context, url string, now func() time.Time) (store.Store, error) {
			return store.OpenPostgres(ctx, url, store.PostgresOptions{Now: now})
		},
		scalar: func(ctx context.Context, s store.Store, query string) (n int, err error) {
			err = s.(*store.Postgres).Pool().QueryRow(ctx, query).Scan(&n)
			return n, err
		},
	},
}

// eachBackend runs f once for each store, as the subtests "sqlite" and
// "postgres", in parallel. The postgres one is skipped, saying so, when
// there is no server and CI is unset (package pgtest).
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			f(t, b)
		})
	}
}

// each runs f on a fresh database of each store.
func each(t *testing.T, f func(t *testing.T, s store.Store)) {
	t.Helper()
	eachBackend(t, func(t *testing.T, b backend) {
		f(t, openFresh(t, b))
	})
}

// openFresh opens a store on a new database, closed when the test ends.
func openFresh(t *testing.T, b backend) store.Store {
	t.Helper()
	s, err := b.open(context.Background(), b.fresh(t), now)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	return s
}

// TestEveryTestOnEveryStore: each test of this package runs through each or
// eachBackend, so that no test of the store is left out on PostgreSQL (or on
// SQLite). The white-box tests of one implementation (package store, such as
// SQLite's group commit in sqlite_group_test.go) are its own.
func TestEveryTestOnEveryStore(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		if f.Name.Name == "store" {
			continue
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestEveryTestOnEveryStore" {
				continue
			}
			n++
			ok = false
			if len(fn.Body.List) == 1 {
				if stmt, isExpr := fn.Body.List[0].(*ast.ExprStmt); isExpr {
					if call, isCall := stmt.X.(*ast.CallExpr); isCall {
						id, isIdent := call.Fun.(*ast.Ident)
						ok = isIdent && (id.Name == "each" || id.Name == "eachBackend")
					}
				}
			}
			require.True(t, ok, "%s: %s must be one call of each(t, ...) or eachBackend(t, ...), so that it runs on SQLite and on PostgreSQL", name, fn.Name.Name)
		}
	}
	require.Greater(t, n, 10)
}
