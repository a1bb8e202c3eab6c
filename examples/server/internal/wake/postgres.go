package wake

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// NewPostgres returns a Waker on the PostgreSQL pool (the store's), through
// River's pgx driver. Several processes on one database share the wake-ups;
// each action is still delivered once. It creates its tables and runs River's
// migrations under an advisory lock, so that processes starting together
// migrate one at a time.
func NewPostgres(ctx context.Context, pool *pgxpool.Pool, cfg Config) (*Waker, error) {
	w, err := newWaker(cfg)
	if err != nil {
		return nil, err
	}
	r, err := newRunner(ctx, w, pgDB{pool}, riverpgxv5.New(pool))
	if err != nil {
		return nil, err
	}
	w.eng = r
	return w, nil
}

type pgDB struct{ pool *pgxpool.Pool }

// migrateLock is the key of the advisory lock held while migrating: "wakeups"
// in ASCII.
const migrateLock int64 = 0x77616b65757073

func (p pgDB) begin(ctx context.Context) (pgx.Tx, error)   { return p.pool.Begin(ctx) }
func (p pgDB) commit(ctx context.Context, tx pgx.Tx) error { return tx.Commit(ctx) }
func (p pgDB) rollback(ctx context.Context, tx pgx.Tx)     { _ = tx.Rollback(context.WithoutCancel(ctx)) }

func (p pgDB) exec(ctx context.Context, tx pgx.Tx, query string, args ...any) (int64, error) {
	tag, err := tx.Exec(ctx, store.Dollars(query), args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func (p pgDB) refs(ctx context.Context, query string, args ...any) ([]ref, error) {
	rows, err := p.pool.Query(ctx, store.Dollars(query), args...)
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

func (p pgDB) migrate(ctx context.Context, riverUp func(context.Context) error) error {
	return store.WithAdvisoryLock(ctx, p.pool, migrateLock, func(conn *pgxpool.Conn) error {
		for _, q := range schema {
			// IDs compare as the store's do: by bytes.
			q = strings.ReplaceAll(q, "TEXT NOT NULL", `TEXT COLLATE "C" NOT NULL`)
			if _, err := conn.Exec(ctx, q); err != nil {
				return err
			}
		}
		return riverUp(ctx)
	})
}
