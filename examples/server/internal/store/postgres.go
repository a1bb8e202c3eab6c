package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/creatorops/creatorops/sla/timeline"
)

// PostgresOptions tune [OpenPostgres]. The zero value is ready to use.
type PostgresOptions struct {
	// Now is the clock of the service's own time stamps (created, recorded);
	// nil is time.Now.
	Now func() time.Time
	// MaxConns is the size of the connection pool: pgxpool's default (the
	// greater of 4 and the number of CPUs) when zero, or the URL's
	// pool_max_conns.
	MaxConns int32
}

// Postgres is the [Store] on PostgreSQL, through pgx's connection pool, for a
// service that outgrows one machine: several processes may share one
// database. It behaves as [SQLite] does; the tests run against both.
type Postgres struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

var _ Store = (*Postgres)(nil)

// migrationLock is the key of the advisory lock held while migrating, so that
// processes starting together on one database migrate it one at a time:
// "creatorops" in ASCII.
const migrationLock int64 = 0x63726561746f72

// OpenPostgres connects to the database at url (a postgres:// URL or a
// key=value connection string) and brings its schema up to date. The
// migrations run under an advisory lock: processes starting together on one
// database apply each migration once.
func OpenPostgres(ctx context.Context, url string, opt PostgresOptions) (*Postgres, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message quotes the connection string, password and all.
		return nil, errors.New("store: postgres: cannot parse the database URL")
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	if err := migratePostgres(ctx, pool, opt.Now()); err != nil {
		pool.Close()
		return nil, err
	}
	return &Postgres{pool: pool, now: opt.Now}, nil
}

// migratePostgres applies, in order and each in its own transaction, the
// migrations not yet recorded in schema_migrations, holding an advisory lock
// on one connection for the whole run. A database whose schema is newer than
// this program knows is an error, as on SQLite.
func migratePostgres(ctx context.Context, pool *pgxpool.Pool, now time.Time) (err error) {
	ms, err := loadMigrations("postgres")
	if err != nil {
		return err
	}
	return WithAdvisoryLock(ctx, pool, migrationLock, func(conn *pgxpool.Conn) error {
		return migrateLocked(ctx, conn, ms, now)
	})
}

// WithAdvisoryLock runs f on one connection of pool while holding the
// session advisory lock key, so that processes starting together on one
// database run f one at a time (their migrations, say). The lock is released
// after f, or, where the unlock fails (a context already done), the
// connection is closed, which releases it.
func WithAdvisoryLock(ctx context.Context, pool *pgxpool.Pool, key int64, f func(*pgxpool.Conn) error) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: postgres: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("store: advisory lock: %w", err)
	}
	defer func() {
		if _, uerr := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key); uerr != nil {
			_ = conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	return f(conn)
}

// migrateLocked is migratePostgres under its lock.
func migrateLocked(ctx context.Context, conn *pgxpool.Conn, ms []migration, now time.Time) error {
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name    text NOT NULL,
		applied timestamptz NOT NULL
	)`); err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	var current int
	if err := conn.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("store: the database's schema is version %d, newer than this program's %d", current, len(ms))
	}
	for _, m := range ms[current:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// Without arguments, pgx sends the file as one simple query: all
			// its statements run, in the transaction.
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)`, m.version, m.name, now)
			return err
		})
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
	}
	return nil
}

// Pool returns the connection pool, for a job queue that shares the database
// (and its transactions).
func (s *Postgres) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool.
func (s *Postgres) Close() error {
	s.pool.Close()
	return nil
}

// Ping reports whether the database answers a query.
func (s *Postgres) Ping(ctx context.Context) error {
	var one int
	return s.pool.QueryRow(ctx, `SELECT 1`).Scan(&one)
}

func (s *Postgres) CreateWorkspace(ctx context.Context, name string, tokenHash [32]byte) (Workspace, error) {
	w := Workspace{ID: newID("ws_"), Name: name, Created: stampNow(s.now)}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO workspaces (id, name, created) VALUES ($1, $2, $3)`, w.ID, w.Name, w.Created); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO tokens (hash, workspace_id, created) VALUES ($1, $2, $3)`, tokenHash[:], w.ID, w.Created)
		return err
	})
	if err != nil {
		return Workspace{}, fmt.Errorf("store: create workspace: %w", err)
	}
	return w, nil
}

func (s *Postgres) AddToken(ctx context.Context, workspace string, tokenHash [32]byte) error {
	// INSERT ... SELECT: no row when there is no such workspace.
	tag, err := s.pool.Exec(ctx, `INSERT INTO tokens (hash, workspace_id, created) SELECT $1, id, $3 FROM workspaces WHERE id = $2`,
		tokenHash[:], workspace, stampNow(s.now))
	if err != nil {
		return fmt.Errorf("store: add token: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Postgres) WorkspaceByToken(ctx context.Context, tokenHash [32]byte) (Workspace, error) {
	var w Workspace
	err := s.pool.QueryRow(ctx, `SELECT w.id, w.name, w.created FROM tokens t JOIN workspaces w ON w.id = t.workspace_id WHERE t.hash = $1`,
		tokenHash[:]).Scan(&w.ID, &w.Name, &w.Created)
	if errors.Is(err, pgx.ErrNoRows) {
		return Workspace{}, ErrNotFound
	}
	if err != nil {
		return Workspace{}, fmt.Errorf("store: token: %w", err)
	}
	w.Created = w.Created.UTC()
	return w, nil
}

const pgTimelinesSQL = `SELECT t.id, t.plan, t.plan_hash, t.created,
	(SELECT COUNT(*) FROM events e WHERE e.workspace_id = t.workspace_id AND e.timeline_id = t.id)
	FROM timelines t `

func (s *Postgres) CreateTimeline(ctx context.Context, workspace string, plan timeline.Plan) (Timeline, bool, error) {
	body, hash, err := EncodePlan(plan)
	if err != nil {
		return Timeline{}, false, err
	}
	t := Timeline{ID: plan.ID, Plan: body, PlanHash: hash, Created: stampNow(s.now)}
	// Two requests creating one timeline together: one inserts, the other's
	// INSERT waits for it to commit and does nothing; the SELECT after it
	// then sees the row.
	tag, err := s.pool.Exec(ctx, `INSERT INTO timelines (workspace_id, id, plan, plan_hash, created) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (workspace_id, id) DO NOTHING`, workspace, t.ID, string(body), hash, t.Created)
	if err != nil {
		return Timeline{}, false, fmt.Errorf("store: create timeline: %w", err)
	}
	if tag.RowsAffected() == 1 {
		return t, true, nil
	}
	have, err := s.Timeline(ctx, workspace, plan.ID)
	if err != nil {
		return Timeline{}, false, wrap("create timeline", err)
	}
	if have.PlanHash != hash {
		return Timeline{}, false, fmt.Errorf("store: timeline %q holds another plan: %w", plan.ID, ErrConflict)
	}
	return have, false, nil
}

func (s *Postgres) Timeline(ctx context.Context, workspace, id string) (Timeline, error) {
	ts, err := s.timelines(ctx, `WHERE t.workspace_id = $1 AND t.id = $2`, workspace, id)
	if err != nil {
		return Timeline{}, err
	}
	if len(ts) == 0 {
		return Timeline{}, ErrNotFound
	}
	return ts[0], nil
}

func (s *Postgres) Timelines(ctx context.Context, workspace, after string, limit int) ([]Timeline, error) {
	return s.timelines(ctx, `WHERE t.workspace_id = $1 AND t.id > $2 ORDER BY t.id LIMIT $3`, workspace, after, limit)
}

func (s *Postgres) timelines(ctx context.Context, where string, args ...any) ([]Timeline, error) {
	rows, err := s.pool.Query(ctx, pgTimelinesSQL+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: timelines: %w", err)
	}
	defer rows.Close()
	var out []Timeline
	for rows.Next() {
		var t Timeline
		var plan string
		if err := rows.Scan(&t.ID, &plan, &t.PlanHash, &t.Created, &t.Events); err != nil {
			return nil, fmt.Errorf("store: timelines: %w", err)
		}
		t.Plan = []byte(plan)
		t.Created = t.Created.UTC()
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timelines: %w", err)
	}
	return out, nil
}

func (s *Postgres) AppendEvents(ctx context.Context, workspace, id string, events []timeline.Event, max int) (Appended, error) {
	bodies := make([]string, len(events))
	for i, e := range events {
		b, err := encodeEvent(e)
		if err != nil {
			return Appended{}, err
		}
		bodies[i] = string(b)
	}
	seqs := make([]int64, len(events))
	for i, e := range events {
		seqs[i] = e.Seq
	}
	var res Appended
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		res = Appended{}
		// The timeline's row, locked: appends to one timeline take turns, so
		// that each sees the events of those before it (and the count is
		// the count).
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM timelines WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, workspace, id).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		have := map[int64]string{}
		rows, err := tx.Query(ctx, `SELECT seq, body FROM events WHERE workspace_id = $1 AND timeline_id = $2 AND seq = ANY($3)`, workspace, id, seqs)
		if err != nil {
			return err
		}
		var seq int64
		var body string
		if _, err := pgx.ForEachRow(rows, []any{&seq, &body}, func() error { have[seq] = body; return nil }); err != nil {
			return err
		}
		var conflicts []int64
		var fresh []int
		inRequest := map[int64]int{} // seq -> index of its first event in this append
		for i, e := range events {
			if j, ok := inRequest[e.Seq]; ok {
				if bodies[i] == bodies[j] {
					res.Duplicates = append(res.Duplicates, e.Seq)
				} else {
					conflicts = append(conflicts, e.Seq)
				}
				continue
			}
			inRequest[e.Seq] = i
			b, ok := have[e.Seq]
			switch {
			case !ok:
				fresh = append(fresh, i)
			case b == bodies[i]:
				res.Duplicates = append(res.Duplicates, e.Seq)
			default:
				conflicts = append(conflicts, e.Seq)
			}
		}
		if len(conflicts) > 0 {
			return &ConflictError{Seqs: conflicts}
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM events WHERE workspace_id = $1 AND timeline_id = $2`, workspace, id).Scan(&n); err != nil {
			return err
		}
		if n+len(fresh) > max {
			return fmt.Errorf("store: timeline %q would hold %d events, more than %d: %w", id, n+len(fresh), max, ErrTooMany)
		}
		if len(fresh) == 0 {
			return nil
		}
		fseqs := make([]int64, len(fresh))
		ats := make([]time.Time, len(fresh))
		kinds := make([]string, len(fresh))
		fbodies := make([]string, len(fresh))
		for k, i := range fresh {
			e := events[i]
			fseqs[k], ats[k], kinds[k], fbodies[k] = e.Seq, e.At, string(e.Kind), bodies[i]
		}
		if _, err := tx.Exec(ctx, `INSERT INTO events (workspace_id, timeline_id, seq, at, kind, body, recorded)
			SELECT $1, $2, u.seq, u.at, u.kind, u.body, $7
			FROM unnest($3::bigint[], $4::timestamptz[], $5::text[], $6::text[]) AS u (seq, at, kind, body)`,
			workspace, id, fseqs, ats, kinds, fbodies, stampNow(s.now)); err != nil {
			return err
		}
		res.Appended = fseqs
		return nil
	})
	if err != nil {
		return Appended{}, wrap("append events", err)
	}
	return res, nil
}

func (s *Postgres) Events(ctx context.Context, workspace, id string) ([]timeline.Event, error) {
	// No row for a timeline that is not the workspace's, one row with a NULL
	// body for one without events.
	rows, err := s.pool.Query(ctx, `SELECT e.body FROM timelines t LEFT JOIN events e ON e.workspace_id = t.workspace_id AND e.timeline_id = t.id
		WHERE t.workspace_id = $1 AND t.id = $2 ORDER BY e.seq`, workspace, id)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	found := false
	var out []timeline.Event
	var body *string
	_, err = pgx.ForEachRow(rows, []any{&body}, func() error {
		found = true
		if body == nil {
			return nil // the timeline has no events
		}
		e, err := decodeEvent([]byte(*body))
		if err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, wrap("events", err)
	}
	if !found {
		return nil, ErrNotFound
	}
	return out, nil
}

func (s *Postgres) Items(ctx context.Context, workspace string, limit int) ([]Item, bool, error) {
	var items []Item
	more := false
	// One snapshot for both queries: the events are those of the timelines
	// listed, as of one instant.
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		items, more = nil, false
		rows, err := tx.Query(ctx, `SELECT id, plan, plan_hash, created FROM timelines WHERE workspace_id = $1 ORDER BY id LIMIT $2`, workspace, limit+1)
		if err != nil {
			return err
		}
		var t Timeline
		var plan string
		if _, err := pgx.ForEachRow(rows, []any{&t.ID, &plan, &t.PlanHash, &t.Created}, func() error {
			t.Plan = []byte(plan)
			t.Created = t.Created.UTC()
			items = append(items, Item{Timeline: t})
			return nil
		}); err != nil {
			return err
		}
		if len(items) > limit {
			more = true
			items = items[:limit]
		}
		if len(items) == 0 {
			return nil
		}
		ids := make([]string, len(items))
		index := make(map[string]int, len(items))
		for i, it := range items {
			ids[i] = it.Timeline.ID
			index[it.Timeline.ID] = i
		}
		rows, err = tx.Query(ctx, `SELECT timeline_id, body FROM events WHERE workspace_id = $1 AND timeline_id = ANY($2) ORDER BY timeline_id, seq`, workspace, ids)
		if err != nil {
			return err
		}
		var tid, body string
		_, err = pgx.ForEachRow(rows, []any{&tid, &body}, func() error {
			e, err := decodeEvent([]byte(body))
			if err != nil {
				return err
			}
			i := index[tid]
			items[i].Events = append(items[i].Events, e)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, false, wrap("items", err)
	}
	if len(items) == 0 {
		return nil, false, nil
	}
	for i := range items {
		items[i].Timeline.Events = len(items[i].Events)
	}
	return items, more, nil
}
