// Package wake schedules the service's wake-ups with River and delivers the
// actions due (follow-ups, escalations, reminders of the live check, reports,
// invoice and payment) to a webhook and to the log, each exactly once.
//
// After each change of a timeline, the API's hook hands the change to
// [Waker.Hook]: a wake-up at the state's Next (or at once, when actions are
// due already), when it is within Config.Horizon, goes onto an in-memory
// queue, and one goroutine inserts the queued wake-ups as River jobs, many in
// one transaction (InsertManyTx), so that the request's append pays no second
// database write. When a wake-up fires, its worker recomputes the timeline's
// state from the store at that instant and, in one transaction: records each
// action due in the wake_deliveries table, whose primary key (workspace,
// timeline, action ID and instant) lets each action in once however many
// wake-ups or processes find it due; inserts a "deliver" job for each action
// recorded now (River posts the webhook and retries it on a failure or a
// non-2xx answer); records what it saw in wake_state; and inserts the next
// wake-up. A periodic "sweep" job (one of River's periodic jobs) wakes the
// timelines whose events are not those their last wake-up saw, and those
// whose wake-up is overdue.
//
// The trade-offs: a wake-up further than the horizon is not scheduled by the
// hook: the sweep finds the timeline changed within SweepInterval and
// schedules it, long before it comes; a timeline that takes many events in a
// minute is recomputed once. A wake-up handed to the hook is in memory until
// its batch commits (milliseconds); a process that dies then loses it, and
// the sweep finds the timeline at its next run instead. No action is lost or
// sent twice; one may be late by up to SweepInterval in that case.
//
// On SQLite, River's riversqlite driver shares the store's one writer
// connection (River's SQLite driver needs one connection, or busy_timeout,
// else SQLITE_BUSY delays jobs); on PostgreSQL, River's riverpgxv5 driver
// shares the store's pool, and several processes share the work.
package wake

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla/timeline"
)

// Defaults of Config.
const (
	DefaultPollInterval  = 100 * time.Millisecond
	DefaultSweepInterval = time.Minute
	DefaultBatchDelay    = 100 * time.Millisecond
	DefaultMaxBatch      = 500
	DefaultQueueSize     = 10_000
	DefaultWorkers       = 8
	DefaultHTTPTimeout   = 10 * time.Second
)

// Queue is the one River queue of the wake-ups, the deliveries and the sweep:
// one queue is one poll of the database every PollInterval. Wake-ups go first
// (priority 1), then deliveries (2), then the sweep (3).
const Queue = "creatorops"

// Config configures a Waker.
type Config struct {
	// Store is where the timelines and events are read; required.
	Store store.Store
	// Logger receives the actions due and the deliveries; nil is
	// slog.Default().
	Logger *slog.Logger
	// Webhook is the URL each action is POSTed to; "" sends actions to the
	// log only.
	Webhook string
	// Secret keys the HMAC-SHA256 signature of each delivery (package
	// webhook).
	Secret []byte
	// Now is the clock a wake-up computes the state at; nil is time.Now.
	Now func() time.Time
	// HTTPClient posts the webhook; nil is a client with a 10 s timeout.
	HTTPClient *http.Client

	// PollInterval is how often River looks for jobs due: the latency of a
	// wake-up. 100 ms when zero.
	PollInterval time.Duration
	// SweepInterval is how often the sweep looks for lost wake-ups. 1 minute
	// when zero.
	SweepInterval time.Duration
	// BatchDelay is how long the batcher waits, after a wake-up arrives, for
	// more to insert in the same transaction: 100 ms when zero. Each batch is
	// one write transaction (one fsync) on the database the appends use.
	BatchDelay time.Duration
	// Horizon: a change whose next wake-up is further away than this is left
	// to the sweep (see Hook). 3 × SweepInterval when zero; it must be more
	// than 2 × SweepInterval.
	Horizon time.Duration
	// MaxBatch bounds the wake-ups inserted in one transaction; QueueSize the
	// wake-ups waiting in memory (past it, a wake-up is left to the sweep).
	MaxBatch, QueueSize int
	// Workers is the number of jobs one process works at once.
	Workers int
	// ID names this process to River (tests); "" lets River choose.
	ID string
}

func (c *Config) defaults() {
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	if c.PollInterval <= 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.SweepInterval <= 0 {
		c.SweepInterval = DefaultSweepInterval
	}
	if c.Horizon <= 2*c.SweepInterval {
		c.Horizon = 3 * c.SweepInterval
	}
	if c.BatchDelay <= 0 {
		c.BatchDelay = DefaultBatchDelay
	}
	if c.MaxBatch <= 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	if c.QueueSize <= 0 {
		c.QueueSize = DefaultQueueSize
	}
	if c.Workers <= 0 {
		c.Workers = DefaultWorkers
	}
}

// WakeArgs is a wake-up: recompute a timeline's state at At and deliver what
// is due. Unique by its args, so that the same wake-up scheduled twice (two
// changes with the same next instant, two processes) runs once.
type WakeArgs struct {
	Workspace string    `json:"workspace"`
	Timeline  string    `json:"timeline"`
	At        time.Time `json:"at"`
}

// Kind is River's name of the job.
func (WakeArgs) Kind() string { return "creatorops_wake" }

// InsertOpts makes the job due at At, unique by its args.
func (a WakeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Queue, Priority: 1, ScheduledAt: a.At, MaxAttempts: 10, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// DeliverArgs is one action to post to the webhook: the payload as recorded
// when it was found due, and its delivery ID.
type DeliverArgs struct {
	ID      string `json:"id"`
	Payload []byte `json:"payload"`
}

// Kind is River's name of the job.
func (DeliverArgs) Kind() string { return "creatorops_deliver" }

// InsertOpts: River retries the job, with growing delays, until the webhook
// answers 2xx (or River's attempts run out).
func (DeliverArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: Queue, Priority: 2} }

// SweepArgs is the periodic sweep for lost wake-ups.
type SweepArgs struct{}

// Kind is River's name of the job.
func (SweepArgs) Kind() string { return "creatorops_sweep" }

// InsertOpts gives the sweep the lowest priority.
func (SweepArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: Queue, Priority: 3} }

// engine is River on one database (SQLite or PostgreSQL).
type engine interface {
	start(ctx context.Context) error
	stop(ctx context.Context) error
	insertWakes(ctx context.Context, wakes []WakeArgs) error
}

// Waker schedules wake-ups and works them. Build it with NewSQLite or
// NewPostgres, pass Hook to api.Config.Hooks, Start it, and Stop it after the
// HTTP server.
type Waker struct {
	cfg     Config
	eng     engine
	queue   chan WakeArgs
	dropped atomic.Int64

	mu      sync.Mutex
	plans   map[string]*timeline.Timeline // compiled plans by hash
	known   map[string]struct{}           // deliveries this process has seen recorded
	stopped chan struct{}
	cancel  context.CancelFunc

	stopOnce sync.Once
	stopErr  error
}

func newWaker(cfg Config) (*Waker, error) {
	if cfg.Store == nil {
		return nil, errors.New("wake: Config.Store is required")
	}
	cfg.defaults()
	return &Waker{cfg: cfg, queue: make(chan WakeArgs, cfg.QueueSize),
		plans: map[string]*timeline.Timeline{}, known: map[string]struct{}{}}, nil
}

// Hook is the api.Hook that schedules a timeline's next wake-up after each
// change: at once when actions are due, else at the state's Next (none when
// nothing will change without an event). It never blocks: the wake-up goes
// onto the in-memory queue, and is left to the sweep when the queue is full.
//
// A wake-up further than Horizon from the change is left to the sweep too:
// the sweep finds the timeline changed (its events are not those its last
// wake-up saw) within SweepInterval, recomputes its state and schedules its
// Next then, long before it comes. So most appends (whose next change is
// hours or days away) cost the database nothing more, and a timeline that
// takes many events in a minute is recomputed once by the sweep.
func (w *Waker) Hook(_ context.Context, c api.Change) {
	at := c.State.Next
	if len(c.State.Actions) > 0 && !w.allKnown(c.Workspace, c.Timeline, c.State.Actions) {
		at = c.State.Now
	}
	if at.IsZero() || at.Sub(c.State.Now) > w.cfg.Horizon {
		return
	}
	select {
	case w.queue <- WakeArgs{Workspace: c.Workspace, Timeline: c.Timeline, At: at.UTC()}:
	default:
		if n := w.dropped.Add(1); n&(n-1) == 0 { // log the 1st, 2nd, 4th, 8th, ...
			w.cfg.Logger.Warn("wake-up queue full: the sweep will find the timeline", "timeline", c.Timeline, "dropped", n)
		}
	}
}

// Start starts River and the batcher. They run until Stop (not until ctx is
// done: a signal stops the HTTP server first, then the wake-ups).
func (w *Waker) Start(ctx context.Context) error {
	if err := w.eng.start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("wake: start: %w", err)
	}
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	w.cancel = cancel
	w.stopped = make(chan struct{})
	go w.batch(bctx)
	return nil
}

// Stop inserts the wake-ups still queued, then stops River: it fetches no new
// job and waits for the running ones to finish (until ctx is done). Stopping
// again does nothing.
func (w *Waker) Stop(ctx context.Context) error {
	w.stopOnce.Do(func() {
		if w.cancel != nil {
			w.cancel()
			<-w.stopped
			w.stopErr = w.eng.stop(ctx)
		}
	})
	return w.stopErr
}

// batch inserts the queued wake-ups, those that arrive within BatchDelay of
// the first (MaxBatch at most) in one transaction, until ctx is done; then the
// rest.
func (w *Waker) batch(ctx context.Context) {
	defer close(w.stopped)
	buf := make([]WakeArgs, 0, w.cfg.MaxBatch)
	seen := map[[2]string]int{}
	flush := func() {
		if len(buf) == 0 {
			return
		}
		// Of a timeline's wake-ups in one batch (many appends to it), only
		// the earliest is inserted: when it fires, it recomputes the state
		// and schedules the next.
		clear(seen)
		uniq := buf[:0]
		for _, a := range buf {
			k := [2]string{a.Workspace, a.Timeline}
			if i, ok := seen[k]; ok {
				if a.At.Before(uniq[i].At) {
					uniq[i].At = a.At
				}
				continue
			}
			seen[k] = len(uniq)
			uniq = append(uniq, a)
		}
		buf = uniq
		ictx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := w.eng.insertWakes(ictx, buf); err != nil {
			w.cfg.Logger.Error("wake-ups not inserted: the sweep will find them", "wakeups", len(buf), "err", err)
		}
		buf = buf[:0]
	}
	for {
		select {
		case a := <-w.queue:
			buf = append(buf, a)
			linger := time.NewTimer(w.cfg.BatchDelay)
		gather:
			for len(buf) < w.cfg.MaxBatch {
				select {
				case a := <-w.queue:
					buf = append(buf, a)
				case <-linger.C:
					break gather
				case <-ctx.Done():
					// Stopping: what is queued joins this batch, so that the
					// earliest wake-up of each timeline is the one kept.
					for len(buf) < w.cfg.MaxBatch && len(w.queue) > 0 {
						buf = append(buf, <-w.queue)
					}
					break gather
				}
			}
			linger.Stop()
			flush()
		case <-ctx.Done():
			for {
				select {
				case a := <-w.queue:
					buf = append(buf, a)
					if len(buf) == w.cfg.MaxBatch {
						flush()
					}
				default:
					flush()
					return
				}
			}
		}
	}
}

// compiled returns the compiled plan of a stored timeline, from a small cache
// keyed by the plan's hash.
func (w *Waker) compiled(rec store.Timeline) (*timeline.Timeline, error) {
	w.mu.Lock()
	tl, ok := w.plans[rec.PlanHash]
	w.mu.Unlock()
	if ok {
		return tl, nil
	}
	p, err := store.DecodePlan(rec.Plan)
	if err != nil {
		return nil, err
	}
	if tl, err = timeline.Compile(p); err != nil {
		return nil, fmt.Errorf("wake: stored plan %q does not compile: %w", rec.ID, err)
	}
	w.mu.Lock()
	if len(w.plans) >= 1024 {
		clear(w.plans)
	}
	w.plans[rec.PlanHash] = tl
	w.mu.Unlock()
	return tl, nil
}

// state computes a timeline's state at now, and the number of its events.
// Events that cannot have happened are left out, as the API does.
func (w *Waker) state(ctx context.Context, workspace, id string, now time.Time) (timeline.State, int, error) {
	rec, err := w.cfg.Store.Timeline(ctx, workspace, id)
	if err != nil {
		return timeline.State{}, 0, err
	}
	tl, err := w.compiled(rec)
	if err != nil {
		return timeline.State{}, 0, err
	}
	events, err := w.cfg.Store.Events(ctx, workspace, id)
	if err != nil {
		return timeline.State{}, 0, err
	}
	st, err := tl.State(events, now)
	var ve *timeline.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return timeline.State{}, 0, err
	}
	return st, len(events), nil
}

// maxKnown bounds the deliveries a Waker remembers (then it forgets them all,
// and learns them again from the database).
const maxKnown = 100_000

// remember notes deliveries recorded in the database (by this process or
// another), so that a change that leaves them due wakes nobody for them.
func (w *Waker) remember(ids []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.known)+len(ids) > maxKnown {
		clear(w.known)
	}
	for _, id := range ids {
		w.known[id] = struct{}{}
	}
}

// allKnown reports whether every action is a delivery this process has seen
// recorded: a change to an overdue timeline (many appends to it) that leaves
// the same actions due needs no wake-up for them.
func (w *Waker) allKnown(workspace, tl string, actions []timeline.Action) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, a := range actions {
		if _, ok := w.known[deliveryID(workspace, tl, a)]; !ok {
			return false
		}
	}
	return true
}

// deliveryID identifies a delivery: the timeline and the action's key.
func deliveryID(workspace, tl string, a timeline.Action) string {
	return workspace + "/" + tl + "/" + actionKey(a)
}

// actionKey identifies an action for exactly-once delivery: its stable ID and
// the instant it goes out.
func actionKey(a timeline.Action) string {
	return a.ID + "@" + a.At.UTC().Format(time.RFC3339Nano)
}

// logAction logs an action found due now, once.
func (w *Waker) logAction(id, workspace, tl string, a timeline.Action) {
	w.cfg.Logger.Info("action due", "delivery", id, "workspace", workspace, "timeline", tl,
		"kind", a.Kind, "party", a.Party, "to", a.To.Name, "step", a.Step, "round", a.Round,
		"at", a.At, "reason", a.Reason, "webhook", w.cfg.Webhook != "")
}

// availableAtInsert is River's insert middleware that makes a wake-up "available"
// (not "scheduled") at insertion: River fetches an available job once its
// scheduled_at has come, within PollInterval, while a scheduled one waits for
// River's scheduler, which runs every 5 s. This is what makes a wake-up fire
// within PollInterval of its instant.
type availableAtInsert struct{ river.MiddlewareDefaults }

func (*availableAtInsert) InsertMany(ctx context.Context, many []*rivertype.JobInsertParams, inner func(context.Context) ([]*rivertype.JobInsertResult, error)) ([]*rivertype.JobInsertResult, error) {
	for _, p := range many {
		if p.Kind == (WakeArgs{}).Kind() && p.State == rivertype.JobStateScheduled {
			p.State = rivertype.JobStateAvailable
		}
	}
	return inner(ctx)
}

// New returns a Waker on the store's own database: River's SQLite driver on
// the SQLite store's writer connection, its pgx driver on the PostgreSQL
// store's pool.
func New(ctx context.Context, st store.Store, cfg Config) (*Waker, error) {
	cfg.Store = st
	switch s := st.(type) {
	case *store.SQLite:
		return NewSQLite(ctx, s, cfg)
	case *store.Postgres:
		return NewPostgres(ctx, s.Pool(), cfg)
	}
	return nil, fmt.Errorf("wake: no River driver for a %T", st)
}
