package wake

import (
	"context"
	"database/sql"

	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// NewSQLite returns a Waker on the SQLite store's database: River runs on the
// store's writer handle (store.SQLite.DB), one connection, which it shares
// with the store so that their writes queue in Go instead of failing with
// SQLITE_BUSY; the sweep's read of every timeline runs on the store's read
// connections, so appends do not wait behind it. It creates its tables and
// runs River's migrations.
func NewSQLite(ctx context.Context, st *store.SQLite, cfg Config) (*Waker, error) {
	db := st.DB()
	w, err := newWaker(cfg)
	if err != nil {
		return nil, err
	}
	r, err := newRunner(ctx, w, sqliteDB{db: db, read: st.ReadDB()}, riversqlite.New(db))
	if err != nil {
		return nil, err
	}
	w.eng = r
	return w, nil
}

// sqliteDB is the writer (db) and the read connections (read, for refs).
type sqliteDB struct{ db, read *sql.DB }

func (s sqliteDB) begin(ctx context.Context) (*sql.Tx, error) { return s.db.BeginTx(ctx, nil) }
func (s sqliteDB) commit(_ context.Context, tx *sql.Tx) error { return tx.Commit() }
func (s sqliteDB) rollback(_ context.Context, tx *sql.Tx)     { _ = tx.Rollback() }

func (s sqliteDB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s sqliteDB) refs(ctx context.Context, query string, args ...any) ([]ref, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ref
	for rows.Next() {
		var f ref
		if err := rows.Scan(&f.workspace, &f.timeline); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// migrate needs no lock: the database has one writer connection.
func (s sqliteDB) migrate(ctx context.Context, riverUp func(context.Context) error) error {
	for _, q := range schema {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return riverUp(ctx)
}
