package wake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/webhook"
)

// sqlDB is the little SQL the wake-ups need beside River's, on one database.
// Queries are written with ? placeholders.
type sqlDB[TTx any] interface {
	begin(ctx context.Context) (TTx, error)
	commit(ctx context.Context, tx TTx) error
	rollback(ctx context.Context, tx TTx)
	exec(ctx context.Context, tx TTx, query string, args ...any) (rows int64, err error)
	// refs runs a query of (workspace, timeline) rows outside a transaction.
	refs(ctx context.Context, query string, args ...any) ([]ref, error)
	// migrate creates the tables (idempotent) and runs River's migrations,
	// one process at a time.
	migrate(ctx context.Context, riverUp func(context.Context) error) error
}

type ref struct{ workspace, timeline string }

// schema is the wake-ups' own tables, in SQL that SQLite and PostgreSQL both
// read. Instants are Unix nanoseconds.
var schema = []string{
	// One row per action ever found due: its primary key lets each action in
	// once.
	`CREATE TABLE IF NOT EXISTS wake_deliveries (
		workspace_id TEXT NOT NULL,
		timeline_id  TEXT NOT NULL,
		action_key   TEXT NOT NULL,
		found        BIGINT NOT NULL,
		PRIMARY KEY (workspace_id, timeline_id, action_key)
	)`,
	// What the last wake-up of each timeline saw: the number of events, and
	// the next wake-up it scheduled (NULL: none). The sweep compares them with
	// the store.
	`CREATE TABLE IF NOT EXISTS wake_state (
		workspace_id TEXT NOT NULL,
		timeline_id  TEXT NOT NULL,
		events       BIGINT NOT NULL,
		next_at      BIGINT,
		checked      BIGINT NOT NULL,
		PRIMARY KEY (workspace_id, timeline_id)
	)`,
}

// runner is River on one database.
type runner[TTx any] struct {
	w      *Waker
	db     sqlDB[TTx]
	driver riverdriver.Driver[TTx]
	client *river.Client[TTx]
}

func newRunner[TTx any](ctx context.Context, w *Waker, db sqlDB[TTx], driver riverdriver.Driver[TTx]) (*runner[TTx], error) {
	r := &runner[TTx]{w: w, db: db, driver: driver}
	err := db.migrate(ctx, func(ctx context.Context) error {
		m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: w.cfg.Logger})
		if err != nil {
			return err
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("wake: migrate: %w", err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &wakeWorker[TTx]{r: r})
	river.AddWorker(workers, &deliverWorker{w: w})
	river.AddWorker(workers, &sweepWorker[TTx]{r: r})
	cfg := w.cfg
	r.client, err = river.NewClient(driver, &river.Config{
		ID:                cfg.ID,
		Logger:            w.cfg.Logger.With("component", "river"),
		FetchPollInterval: cfg.PollInterval,
		FetchCooldown:     cfg.PollInterval,
		// Poll, on PostgreSQL too: LISTEN would hold one of the store's pool
		// connections for good, and a poll every PollInterval is cheap.
		PollOnly: true,
		Queues: map[string]river.QueueConfig{
			Queue: {MaxWorkers: cfg.Workers},
		},
		Workers:    workers,
		Middleware: []rivertype.Middleware{&availableAtInsert{}},
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(cfg.SweepInterval),
			func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil },
			&river.PeriodicJobOpts{ID: "creatorops_sweep", RunOnStart: true})},
	})
	if err != nil {
		return nil, fmt.Errorf("wake: river: %w", err)
	}
	return r, nil
}

func (r *runner[TTx]) start(ctx context.Context) error { return r.client.Start(ctx) }
func (r *runner[TTx]) stop(ctx context.Context) error  { return r.client.Stop(ctx) }

func (r *runner[TTx]) insertWakes(ctx context.Context, wakes []WakeArgs) error {
	params := make([]river.InsertManyParams, len(wakes))
	for i, a := range wakes {
		params[i] = river.InsertManyParams{Args: a}
	}
	tx, err := r.db.begin(ctx)
	if err != nil {
		return err
	}
	defer r.db.rollback(ctx, tx)
	if _, err := r.client.InsertManyTx(ctx, tx, params); err != nil {
		return err
	}
	return r.db.commit(ctx, tx)
}

// wakeWorker works a wake-up: the state at now, each action due recorded and
// delivered once, the next wake-up scheduled; all in one transaction.
type wakeWorker[TTx any] struct {
	river.WorkerDefaults[WakeArgs]
	r *runner[TTx]
}

func (ww *wakeWorker[TTx]) Work(ctx context.Context, job *river.Job[WakeArgs]) error {
	w, r, a := ww.r.w, ww.r, job.Args
	now := w.cfg.Now()
	st, events, err := w.state(ctx, a.Workspace, a.Timeline, now)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(fmt.Errorf("wake %s/%s: no such timeline", a.Workspace, a.Timeline))
	}
	if err != nil {
		return fmt.Errorf("wake %s/%s: %w", a.Workspace, a.Timeline, err)
	}
	type found struct {
		id     string
		action int
	}
	var fresh []found
	var seen []string
	var params []river.InsertManyParams
	tx, err := r.db.begin(ctx)
	if err != nil {
		return err
	}
	defer r.db.rollback(ctx, tx)
	for i, act := range st.Actions {
		key := actionKey(act)
		n, err := r.db.exec(ctx, tx, `INSERT INTO wake_deliveries (workspace_id, timeline_id, action_key, found) VALUES (?, ?, ?, ?)
			ON CONFLICT (workspace_id, timeline_id, action_key) DO NOTHING`, a.Workspace, a.Timeline, key, now.UnixNano())
		if err != nil {
			return fmt.Errorf("wake: record delivery: %w", err)
		}
		id := deliveryID(a.Workspace, a.Timeline, act)
		seen = append(seen, id)
		if n == 0 {
			continue // found due before, by this or another process
		}
		fresh = append(fresh, found{id, i})
		if w.cfg.Webhook == "" {
			continue
		}
		body, err := json.Marshal(webhook.Payload{ID: id, Workspace: a.Workspace, Timeline: a.Timeline, Due: now.UTC(), Action: act})
		if err != nil {
			return err
		}
		params = append(params, river.InsertManyParams{Args: DeliverArgs{ID: id, Payload: body}})
	}
	var next any
	if !st.Next.IsZero() {
		next = st.Next.UnixNano()
		params = append(params, river.InsertManyParams{Args: WakeArgs{Workspace: a.Workspace, Timeline: a.Timeline, At: st.Next.UTC()}})
	}
	if _, err := r.db.exec(ctx, tx, `INSERT INTO wake_state (workspace_id, timeline_id, events, next_at, checked) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (workspace_id, timeline_id) DO UPDATE SET events = excluded.events, next_at = excluded.next_at, checked = excluded.checked`,
		a.Workspace, a.Timeline, events, next, now.UnixNano()); err != nil {
		return fmt.Errorf("wake: record state: %w", err)
	}
	if len(params) > 0 {
		if _, err := r.client.InsertManyTx(ctx, tx, params); err != nil {
			return fmt.Errorf("wake: insert jobs: %w", err)
		}
	}
	if err := r.db.commit(ctx, tx); err != nil {
		return err
	}
	w.remember(seen)
	for _, f := range fresh {
		w.logAction(f.id, a.Workspace, a.Timeline, st.Actions[f.action])
	}
	return nil
}

// deliverWorker posts one action to the webhook, signed; an error or a
// non-2xx answer fails the attempt, and River retries it.
type deliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	w *Waker
}

func (dw *deliverWorker) Timeout(*river.Job[DeliverArgs]) time.Duration {
	return 2 * DefaultHTTPTimeout
}

func (dw *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	w := dw.w
	if w.cfg.Webhook == "" {
		return nil // the webhook was configured when the job was inserted, no longer
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.Webhook, bytes.NewReader(job.Args.Payload))
	if err != nil {
		return river.JobCancel(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "creatorops-wake/1")
	req.Header.Set(webhook.DeliveryHeader, job.Args.ID)
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(w.cfg.Secret, time.Now(), job.Args.Payload))
	res, err := w.cfg.HTTPClient.Do(req)
	if err != nil {
		w.cfg.Logger.Warn("webhook not delivered", "delivery", job.Args.ID, "attempt", job.Attempt, "err", err)
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		w.cfg.Logger.Warn("webhook not delivered", "delivery", job.Args.ID, "attempt", job.Attempt, "status", res.StatusCode)
		return fmt.Errorf("webhook answered %d", res.StatusCode)
	}
	w.cfg.Logger.Info("webhook delivered", "delivery", job.Args.ID, "attempt", job.Attempt, "status", res.StatusCode)
	return nil
}

// maxSweep bounds the timelines one sweep wakes.
const maxSweep = 1000

// sweepQuery finds the timelines whose last wake-up is missing (never woken),
// stale (events were appended since), or overdue (its next wake-up is more
// than a sweep interval past).
const sweepQuery = `SELECT t.workspace_id, t.id FROM timelines t
	LEFT JOIN wake_state w ON w.workspace_id = t.workspace_id AND w.timeline_id = t.id
	WHERE w.timeline_id IS NULL
	   OR w.events <> (SELECT COUNT(*) FROM events e WHERE e.workspace_id = t.workspace_id AND e.timeline_id = t.id)
	   OR w.next_at <= ?
	ORDER BY t.workspace_id, t.id LIMIT ?`

// sweepWorker wakes the timelines whose wake-up was lost.
type sweepWorker[TTx any] struct {
	river.WorkerDefaults[SweepArgs]
	r *runner[TTx]
}

func (sw *sweepWorker[TTx]) Work(ctx context.Context, job *river.Job[SweepArgs]) error {
	w, r := sw.r.w, sw.r
	now := w.cfg.Now()
	refs, err := r.db.refs(ctx, sweepQuery, now.Add(-w.cfg.SweepInterval).UnixNano(), maxSweep)
	if err != nil {
		return fmt.Errorf("wake: sweep: %w", err)
	}
	if len(refs) == 0 {
		return nil
	}
	at := now.UTC().Truncate(time.Second)
	wakes := make([]WakeArgs, len(refs))
	for i, f := range refs {
		wakes[i] = WakeArgs{Workspace: f.workspace, Timeline: f.timeline, At: at}
	}
	if err := r.insertWakes(ctx, wakes); err != nil {
		return fmt.Errorf("wake: sweep: %w", err)
	}
	w.cfg.Logger.Info("sweep: woke timelines", "timelines", len(refs))
	if len(refs) == maxSweep {
		// More are waiting: sweep again once these are worked.
		if _, err := r.client.Insert(ctx, SweepArgs{}, &river.InsertOpts{ScheduledAt: now.Add(time.Second)}); err != nil {
			return fmt.Errorf("wake: sweep: %w", err)
		}
	}
	return nil
}
