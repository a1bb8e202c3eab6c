package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go
)

// SQLiteFile is the database's file name in the data directory.
const SQLiteFile = "creatorops.db"

// SQLiteOptions tune [OpenSQLite]. The zero value is ready to use.
type SQLiteOptions struct {
	// Now is the clock of the service's own time stamps (created, recorded);
	// nil is time.Now.
	Now func() time.Time
	// ReadConns is the size of the pool of read-only connections: 4 when zero.
	ReadConns int
	// BusyTimeout is how long a connection waits for another's lock before
	// SQLITE_BUSY: 5 s when zero.
	BusyTimeout time.Duration
}

// SQLite is the embedded [Store]: one database file in a data directory,
// through modernc.org/sqlite (pure Go, no cgo). Writes go through one
// connection (SQLite has one writer at a time; one connection makes them queue
// in Go instead of failing with SQLITE_BUSY), and reads through a small pool of
// read-only connections, which WAL mode lets run beside the writer.
//
// Every commit is durable (synchronous=FULL: the write-ahead log is synced
// before the commit returns). Appends of events are committed in groups: the
// appends that arrive while one transaction commits wait for it, and then go
// together in the next one, each in a savepoint of its own, so that one sync
// makes a whole group durable and an append that fails (a conflict, too many
// events) is rolled back alone; none is acknowledged before its group's
// commit.
type SQLite struct {
	write *sql.DB
	read  *sql.DB
	now   func() time.Time

	// The statements of the hot reads, prepared once (database/sql prepares
	// each on a connection the first time it runs there).
	byToken, timeline, events *sql.Stmt
	// The statements of an append, prepared once on the writer.
	timelineExists, eventBody, eventCount, insertEvent *sql.Stmt

	// appends queues appends for the committer (commitAppends). A sender
	// holds closeMu for reading; Close takes it to close the queue.
	appends   chan *appendRequest
	closeMu   sync.RWMutex
	closed    bool
	committed chan struct{} // closed when the committer has stopped
	groups    atomic.Int64  // transactions of appends begun (the tests count them)
}

// maxGroup bounds the appends committed in one transaction.
const maxGroup = 256

// ErrClosed: the store is closed.
var ErrClosed = errors.New("store: closed")

const (
	byTokenSQL = `SELECT w.id, w.name, w.created FROM tokens t JOIN workspaces w ON w.id = t.workspace_id WHERE t.hash = ?`
	// timelinesSQL is completed with a WHERE clause.
	timelinesSQL = `SELECT t.id, t.plan, t.plan_hash, t.created,
		(SELECT COUNT(*) FROM events e WHERE e.workspace_id = t.workspace_id AND e.timeline_id = t.id)
		FROM timelines t `
	timelineWhere = `WHERE t.workspace_id = ? AND t.id = ?`
	// eventsSQL finds no row for a timeline that is not the workspace's, and
	// one row with a NULL body for one without events.
	eventsSQL = `SELECT e.body FROM timelines t LEFT JOIN events e ON e.workspace_id = t.workspace_id AND e.timeline_id = t.id
		WHERE t.workspace_id = ? AND t.id = ? ORDER BY e.seq`

	timelineExistsSQL = `SELECT 1 FROM timelines WHERE workspace_id = ? AND id = ?`
	eventBodySQL      = `SELECT body FROM events WHERE workspace_id = ? AND timeline_id = ? AND seq = ?`
	eventCountSQL     = `SELECT COUNT(*) FROM events WHERE workspace_id = ? AND timeline_id = ?`
	insertEventSQL    = `INSERT INTO events (workspace_id, timeline_id, seq, at, kind, body, recorded) VALUES (?, ?, ?, ?, ?, ?, ?)`
)

var _ Store = (*SQLite)(nil)

// OpenSQLite opens (creating it if needed) the database in directory dir and
// brings its schema up to date.
func OpenSQLite(ctx context.Context, dir string, opt SQLiteOptions) (*SQLite, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: data directory: %w", err)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.ReadConns <= 0 {
		opt.ReadConns = 4
	}
	if opt.BusyTimeout <= 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	file := filepath.Join(dir, SQLiteFile)
	dsn := func(extra url.Values) string {
		q := url.Values{}
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opt.BusyTimeout.Milliseconds()))
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)") // a commit is on disk when it returns
		q.Add("_pragma", "foreign_keys(1)")
		for k, vs := range extra {
			for _, v := range vs {
				q.Add(k, v)
			}
		}
		return "file:" + (&url.URL{Path: file}).EscapedPath() + "?" + q.Encode()
	}
	// The writer takes its lock when a transaction begins (IMMEDIATE), so a
	// transaction never fails half way when it first writes.
	write, err := sql.Open("sqlite", dsn(url.Values{"_txlock": {"immediate"}}))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", file, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	if _, err := migrate(ctx, write, "sqlite", opt.Now()); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", dsn(url.Values{"_pragma": {"query_only(1)"}}))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", file, err)
	}
	read.SetMaxOpenConns(opt.ReadConns)
	read.SetMaxIdleConns(opt.ReadConns)
	s := &SQLite{write: write, read: read, now: opt.Now}
	for _, p := range []struct {
		db   *sql.DB
		stmt **sql.Stmt
		sql  string
	}{
		{read, &s.byToken, byTokenSQL}, {read, &s.timeline, timelinesSQL + timelineWhere}, {read, &s.events, eventsSQL},
		{write, &s.timelineExists, timelineExistsSQL}, {write, &s.eventBody, eventBodySQL},
		{write, &s.eventCount, eventCountSQL}, {write, &s.insertEvent, insertEventSQL},
	} {
		if *p.stmt, err = p.db.PrepareContext(ctx, p.sql); err != nil {
			s.Close()
			return nil, fmt.Errorf("store: prepare: %w", err)
		}
	}
	s.appends = make(chan *appendRequest, maxGroup)
	s.committed = make(chan struct{})
	go s.commitAppends()
	return s, nil
}

// DB returns the writer's database handle, for a job queue that shares the
// database (and its transactions).
func (s *SQLite) DB() *sql.DB { return s.write }

// ReadDB returns the read-only connections' handle, for long reads that must
// not hold the writer (a job queue's sweep).
func (s *SQLite) ReadDB() *sql.DB { return s.read }

// Close waits for the appends queued to be committed, then closes both pools.
// An append after Close fails with ErrClosed.
func (s *SQLite) Close() error {
	s.closeMu.Lock()
	if !s.closed && s.appends != nil {
		close(s.appends)
		s.closed = true
	}
	s.closeMu.Unlock()
	if s.committed != nil {
		<-s.committed
	}
	var errs []error
	for _, st := range []*sql.Stmt{s.byToken, s.timeline, s.events, s.timelineExists, s.eventBody, s.eventCount, s.insertEvent} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(append(errs, s.read.Close(), s.write.Close())...)
}

// Ping reports whether the database answers a query.
func (s *SQLite) Ping(ctx context.Context) error {
	var one int
	return s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

func (s *SQLite) CreateWorkspace(ctx context.Context, name string, tokenHash [32]byte) (Workspace, error) {
	w := Workspace{ID: newID("ws_"), Name: name, Created: stampNow(s.now)}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO workspaces (id, name, created) VALUES (?, ?, ?)`, w.ID, w.Name, stamp(w.Created)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO tokens (hash, workspace_id, created) VALUES (?, ?, ?)`, tokenHash[:], w.ID, stamp(w.Created))
		return err
	})
	if err != nil {
		return Workspace{}, fmt.Errorf("store: create workspace: %w", err)
	}
	return w, nil
}

func (s *SQLite) AddToken(ctx context.Context, workspace string, tokenHash [32]byte) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, `SELECT 1 FROM workspaces WHERE id = ?`, workspace); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO tokens (hash, workspace_id, created) VALUES (?, ?, ?)`, tokenHash[:], workspace, stamp(stampNow(s.now)))
		return err
	})
}

func (s *SQLite) WorkspaceByToken(ctx context.Context, tokenHash [32]byte) (Workspace, error) {
	var w Workspace
	var created string
	err := s.byToken.QueryRowContext(ctx, tokenHash[:]).Scan(&w.ID, &w.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Workspace{}, ErrNotFound
	}
	if err != nil {
		return Workspace{}, fmt.Errorf("store: token: %w", err)
	}
	if w.Created, err = parseStamp(created); err != nil {
		return Workspace{}, err
	}
	return w, nil
}

func (s *SQLite) CreateTimeline(ctx context.Context, workspace string, plan timeline.Plan) (Timeline, bool, error) {
	body, hash, err := EncodePlan(plan)
	if err != nil {
		return Timeline{}, false, err
	}
	t := Timeline{ID: plan.ID, Plan: body, PlanHash: hash, Created: stampNow(s.now)}
	created := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var have, haveCreated string
		err := tx.QueryRowContext(ctx, `SELECT plan_hash, created FROM timelines WHERE workspace_id = ? AND id = ?`, workspace, plan.ID).Scan(&have, &haveCreated)
		switch {
		case err == nil && have == hash:
			t.Created, err = parseStamp(haveCreated)
			if err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE workspace_id = ? AND timeline_id = ?`, workspace, plan.ID).Scan(&t.Events)
		case err == nil:
			return fmt.Errorf("store: timeline %q holds another plan: %w", plan.ID, ErrConflict)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		created = true
		_, err = tx.ExecContext(ctx, `INSERT INTO timelines (workspace_id, id, plan, plan_hash, created) VALUES (?, ?, ?, ?, ?)`,
			workspace, t.ID, string(body), hash, stamp(t.Created))
		return err
	})
	if err != nil {
		return Timeline{}, false, wrap("create timeline", err)
	}
	return t, created, nil
}

func (s *SQLite) Timeline(ctx context.Context, workspace, id string) (Timeline, error) {
	rows, err := s.timeline.QueryContext(ctx, workspace, id)
	if err != nil {
		return Timeline{}, fmt.Errorf("store: timeline: %w", err)
	}
	ts, err := scanTimelines(rows)
	if err != nil {
		return Timeline{}, err
	}
	if len(ts) == 0 {
		return Timeline{}, ErrNotFound
	}
	return ts[0], nil
}

func (s *SQLite) Timelines(ctx context.Context, workspace, after string, limit int) ([]Timeline, error) {
	return s.timelines(ctx, `WHERE t.workspace_id = ? AND t.id > ? ORDER BY t.id LIMIT ?`, workspace, after, limit)
}

func (s *SQLite) timelines(ctx context.Context, where string, args ...any) ([]Timeline, error) {
	rows, err := s.read.QueryContext(ctx, timelinesSQL+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: timelines: %w", err)
	}
	return scanTimelines(rows)
}

func scanTimelines(rows *sql.Rows) ([]Timeline, error) {
	defer rows.Close()
	var out []Timeline
	for rows.Next() {
		var t Timeline
		var plan, created string
		if err := rows.Scan(&t.ID, &plan, &t.PlanHash, &created, &t.Events); err != nil {
			return nil, fmt.Errorf("store: timelines: %w", err)
		}
		t.Plan = []byte(plan)
		var err error
		if t.Created, err = parseStamp(created); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timelines: %w", err)
	}
	return out, nil
}

// appendRequest is one AppendEvents call waiting for its group's commit.
type appendRequest struct {
	ctx       context.Context
	workspace string
	id        string
	events    []timeline.Event
	bodies    [][]byte // the events' canonical JSON
	max       int
	res       Appended
	err       error
	done      chan struct{} // closed once res and err are final
}

func (s *SQLite) AppendEvents(ctx context.Context, workspace, id string, events []timeline.Event, max int) (Appended, error) {
	r := &appendRequest{ctx: ctx, workspace: workspace, id: id, events: events, max: max,
		bodies: make([][]byte, len(events)), done: make(chan struct{})}
	for i, e := range events {
		b, err := encodeEvent(e)
		if err != nil {
			return Appended{}, err
		}
		r.bodies[i] = b
	}
	s.closeMu.RLock()
	if s.closed {
		s.closeMu.RUnlock()
		return Appended{}, ErrClosed
	}
	select {
	case s.appends <- r:
	case <-ctx.Done():
		s.closeMu.RUnlock()
		return Appended{}, ctx.Err() // not queued: nothing recorded
	}
	s.closeMu.RUnlock()
	// Once queued, the outcome is awaited even if ctx ends meanwhile: the
	// caller learns whether the events were recorded.
	<-r.done
	if r.err != nil {
		return Appended{}, wrap("append events", r.err)
	}
	return r.res, nil
}

// commitAppends is the committer: it takes the appends queued, as many as
// have arrived (up to maxGroup), and commits them in one transaction, until
// the queue is closed.
func (s *SQLite) commitAppends() {
	defer close(s.committed)
	group := make([]*appendRequest, 0, maxGroup)
	for r := range s.appends {
		group = append(group[:0], r)
	fill:
		for len(group) < maxGroup {
			select {
			case r, ok := <-s.appends:
				if !ok {
					break fill
				}
				group = append(group, r)
			default:
				break fill
			}
		}
		s.commitGroup(group)
	}
}

// commitGroup runs a group of appends in one transaction, each in a savepoint
// (an append that fails is rolled back alone and fails alone), and commits.
// When the transaction itself fails, every append of the group fails: none
// was recorded. Each request's done is closed after the commit.
func (s *SQLite) commitGroup(group []*appendRequest) {
	defer func() {
		for _, r := range group {
			close(r.done)
		}
	}()
	// The transaction is the group's, not one request's: a request whose
	// context ends does not roll back the others.
	ctx := context.Background()
	live := group[:0:0]
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err // gave up before its turn: nothing recorded
			continue
		}
		live = append(live, r)
	}
	if len(live) == 0 {
		return
	}
	fail := func(err error) {
		for _, r := range live {
			if r.err == nil {
				r.res, r.err = Appended{}, err
			}
		}
	}
	s.groups.Add(1)
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		fail(err)
		return
	}
	for _, r := range live {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT append`); err != nil {
			_ = tx.Rollback()
			fail(err)
			return
		}
		r.res, r.err = s.appendTx(ctx, tx, r)
		if r.err != nil {
			r.res = Appended{}
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO append`); err != nil {
				// The statement took the transaction with it (SQLite rolls a
				// transaction back on some errors): the group is lost.
				_ = tx.Rollback()
				fail(fmt.Errorf("the transaction of a group of appends ended with another's error (%v): %w", r.err, err))
				return
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE append`); err != nil {
			_ = tx.Rollback()
			fail(err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		fail(err)
	}
}

// appendTx records one append's events in tx, as AppendEvents documents.
func (s *SQLite) appendTx(ctx context.Context, tx *sql.Tx, r *appendRequest) (Appended, error) {
	var res Appended
	var one int
	err := tx.StmtContext(ctx, s.timelineExists).QueryRowContext(ctx, r.workspace, r.id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return Appended{}, ErrNotFound
	}
	if err != nil {
		return Appended{}, err
	}
	body := tx.StmtContext(ctx, s.eventBody)
	var conflicts []int64
	var fresh []int
	inRequest := map[int64]int{} // seq -> index of its first event in this append
	for i, e := range r.events {
		if j, ok := inRequest[e.Seq]; ok {
			if bytes.Equal(r.bodies[i], r.bodies[j]) {
				res.Duplicates = append(res.Duplicates, e.Seq)
			} else {
				conflicts = append(conflicts, e.Seq)
			}
			continue
		}
		inRequest[e.Seq] = i
		var have string
		err := body.QueryRowContext(ctx, r.workspace, r.id, e.Seq).Scan(&have)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			fresh = append(fresh, i)
		case err != nil:
			return Appended{}, err
		case have == string(r.bodies[i]):
			res.Duplicates = append(res.Duplicates, e.Seq)
		default:
			conflicts = append(conflicts, e.Seq)
		}
	}
	if len(conflicts) > 0 {
		return Appended{}, &ConflictError{Seqs: conflicts}
	}
	var n int
	if err := tx.StmtContext(ctx, s.eventCount).QueryRowContext(ctx, r.workspace, r.id).Scan(&n); err != nil {
		return Appended{}, err
	}
	if n+len(fresh) > r.max {
		return Appended{}, fmt.Errorf("store: timeline %q would hold %d events, more than %d: %w", r.id, n+len(fresh), r.max, ErrTooMany)
	}
	recorded := stamp(stampNow(s.now))
	insert := tx.StmtContext(ctx, s.insertEvent)
	for _, i := range fresh {
		e := r.events[i]
		if _, err := insert.ExecContext(ctx, r.workspace, r.id, e.Seq, e.At.Format(time.RFC3339Nano), string(e.Kind), string(r.bodies[i]), recorded); err != nil {
			return Appended{}, err
		}
		res.Appended = append(res.Appended, e.Seq)
	}
	return res, nil
}

func (s *SQLite) Events(ctx context.Context, workspace, id string) ([]timeline.Event, error) {
	rows, err := s.events.QueryContext(ctx, workspace, id)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	found := false
	var out []timeline.Event
	for rows.Next() {
		found = true
		var body sql.NullString
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		if !body.Valid {
			continue // the timeline has no events
		}
		e, err := decodeEvent([]byte(body.String))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	if !found {
		return nil, ErrNotFound
	}
	return out, nil
}

func (s *SQLite) Items(ctx context.Context, workspace string, limit int) ([]Item, bool, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, fmt.Errorf("store: items: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	rows, err := tx.QueryContext(ctx, `SELECT id, plan, plan_hash, created FROM timelines WHERE workspace_id = ? ORDER BY id LIMIT ?`, workspace, limit+1)
	if err != nil {
		return nil, false, fmt.Errorf("store: items: %w", err)
	}
	var items []Item
	index := map[string]int{}
	for rows.Next() {
		var t Timeline
		var plan, created string
		if err := rows.Scan(&t.ID, &plan, &t.PlanHash, &created); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("store: items: %w", err)
		}
		t.Plan = []byte(plan)
		if t.Created, err = parseStamp(created); err != nil {
			rows.Close()
			return nil, false, err
		}
		index[t.ID] = len(items)
		items = append(items, Item{Timeline: t})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("store: items: %w", err)
	}
	more := len(items) > limit
	if more {
		delete(index, items[limit].Timeline.ID)
		items = items[:limit]
	}
	if len(items) == 0 {
		return nil, false, nil
	}
	last := items[len(items)-1].Timeline.ID
	rows, err = tx.QueryContext(ctx, `SELECT timeline_id, body FROM events WHERE workspace_id = ? AND timeline_id <= ? ORDER BY timeline_id, seq`, workspace, last)
	if err != nil {
		return nil, false, fmt.Errorf("store: items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var tid, body string
		if err := rows.Scan(&tid, &body); err != nil {
			return nil, false, fmt.Errorf("store: items: %w", err)
		}
		i, ok := index[tid]
		if !ok {
			continue
		}
		e, err := decodeEvent([]byte(body))
		if err != nil {
			return nil, false, err
		}
		items[i].Events = append(items[i].Events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("store: items: %w", err)
	}
	for i := range items {
		items[i].Timeline.Events = len(items[i].Events)
	}
	return items, more, nil
}

// inTx runs f in a write transaction, committing when it returns nil.
func (s *SQLite) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// exists returns ErrNotFound when query finds no row.
func exists(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	var one int
	err := tx.QueryRowContext(ctx, query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// wrap names the operation of an unexpected error and passes the store's own
// errors through unchanged.
func wrap(op string, err error) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) || errors.Is(err, ErrTooMany) {
		return err
	}
	return fmt.Errorf("store: %s: %w", op, err)
}
