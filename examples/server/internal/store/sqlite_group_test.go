package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla/timeline"
)

// The tests of group commit hold the writer's only connection, so that the
// committer waits in its transaction's BEGIN while appends queue behind it;
// releasing the connection commits the queued appends as one group, in the
// order they were queued.

type groupEnv struct {
	t  *testing.T
	s  *SQLite
	ws string
}

func newGroupEnv(t *testing.T) *groupEnv {
	t.Helper()
	ctx := context.Background()
	s, err := OpenSQLite(ctx, t.TempDir(), SQLiteOptions{})
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	_, hash := NewToken()
	w, err := s.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	e := &groupEnv{t: t, s: s, ws: w.ID}
	for _, id := range []string{"a", "b"} {
		e.timeline(id)
	}
	return e
}

func (e *groupEnv) timeline(id string) {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "plan.json"))
	require.NoError(e.t, err)
	p, err := timeline.DecodePlan(b)
	require.NoError(e.t, err)
	p.ID = id
	_, _, err = e.s.CreateTimeline(context.Background(), e.ws, p)
	require.NoError(e.t, err)
}

// signalCtx tells when the committer has taken its request in a group: it
// asks the request's context for its error just before the group's BEGIN.
type signalCtx struct {
	context.Context
	once  sync.Once
	taken chan struct{}
}

func (c *signalCtx) Err() error {
	c.once.Do(func() { close(c.taken) })
	return c.Context.Err()
}

type result struct {
	res Appended
	err error
}

// hold takes the writer's connection and queues a first append (to "b",
// seq 1000), which the committer takes alone and then waits with; the
// appends queued next wait for release, which lets them go as one group.
// The first append's result comes on plug.
func (e *groupEnv) hold() (release func(), plug <-chan result) {
	e.t.Helper()
	conn, err := e.s.write.Conn(context.Background())
	require.NoError(e.t, err)
	ctx := &signalCtx{Context: context.Background(), taken: make(chan struct{})}
	plug = e.appendAsync(ctx, "b", event(1000, "follow_up_sent"))
	select {
	case <-ctx.taken:
	case <-time.After(10 * time.Second):
		e.t.Fatal("the committer did not take the first append")
	}
	return func() { require.NoError(e.t, conn.Close()) }, plug
}

// queue sends an append and waits until it is queued behind the ones before.
func (e *groupEnv) queue(ctx context.Context, id string, events ...timeline.Event) <-chan result {
	e.t.Helper()
	n := len(e.s.appends)
	ch := e.appendAsync(ctx, id, events...)
	deadline := time.Now().Add(10 * time.Second)
	for len(e.s.appends) == n {
		require.True(e.t, time.Now().Before(deadline), "the append was not queued")
		time.Sleep(time.Millisecond)
	}
	return ch
}

func (e *groupEnv) appendAsync(ctx context.Context, id string, events ...timeline.Event) <-chan result {
	ch := make(chan result, 1)
	go func() {
		res, err := e.s.AppendEvents(ctx, e.ws, id, events, 8)
		ch <- result{res, err}
	}()
	return ch
}

func (e *groupEnv) seqs(id string) []int64 {
	e.t.Helper()
	evs, err := e.s.Events(context.Background(), e.ws, id)
	require.NoError(e.t, err)
	out := []int64{}
	for _, ev := range evs {
		out = append(out, ev.Seq)
	}
	return out
}

func event(seq int64, kind timeline.Kind) timeline.Event {
	at := time.Date(2027, 3, 9, 15, 0, 0, 0, time.UTC).Add(time.Duration(seq) * time.Minute)
	return timeline.Event{Seq: seq, At: at, Kind: kind, To: timeline.Brand}
}

// TestGroupCommitIsolatesFailures: in one group, an append that conflicts,
// one that would pass the limit, one to a timeline that is not there, and
// one whose caller gave up fail alone; the others are recorded, in one
// transaction.
func TestGroupCommitIsolatesFailures(t *testing.T) {
	e := newGroupEnv(t)
	ctx := context.Background()
	_, err := e.s.AppendEvents(ctx, e.ws, "a", []timeline.Event{event(1, "follow_up_sent")}, 8)
	require.NoError(t, err)
	for seq := int64(1); seq <= 6; seq++ {
		_, err := e.s.AppendEvents(ctx, e.ws, "b", []timeline.Event{event(seq, "follow_up_sent")}, 8)
		require.NoError(t, err)
	}
	before := e.s.groups.Load()

	release, plug := e.hold()
	ok1 := e.queue(ctx, "a", event(2, "follow_up_sent"))
	conflict := e.queue(ctx, "a", event(3, "follow_up_sent"), event(1, "escalated")) // seq 1 holds other content
	ok2 := e.queue(ctx, "a", event(4, "follow_up_sent"), event(1, "follow_up_sent")) // seq 1 again: a duplicate
	tooMany := e.queue(ctx, "b", event(7, "follow_up_sent"))                         // b holds 7 with the plug: 8 is its limit...
	missing := e.queue(ctx, "nope", event(1, "follow_up_sent"))
	gone, cancel := context.WithCancel(ctx)
	gaveUp := e.queue(gone, "a", event(5, "follow_up_sent"))
	cancel()
	ok3 := e.queue(ctx, "a", event(6, "follow_up_sent"))
	release()

	r := <-plug
	require.NoError(t, r.err)
	assert.Equal(t, []int64{1000}, r.res.Appended)
	r = <-ok1
	require.NoError(t, r.err)
	assert.Equal(t, []int64{2}, r.res.Appended)
	r = <-conflict
	var ce *ConflictError
	require.ErrorAs(t, r.err, &ce)
	assert.Equal(t, []int64{1}, ce.Seqs)
	r = <-ok2
	require.NoError(t, r.err)
	assert.Equal(t, []int64{4}, r.res.Appended)
	assert.Equal(t, []int64{1}, r.res.Duplicates)
	r = <-tooMany
	require.NoError(t, r.err, "...and 7 events with the plug's are within it")
	assert.Equal(t, []int64{7}, r.res.Appended)
	r = <-missing
	assert.ErrorIs(t, r.err, ErrNotFound)
	r = <-gaveUp
	assert.ErrorIs(t, r.err, context.Canceled)
	r = <-ok3
	require.NoError(t, r.err)
	assert.Equal(t, []int64{6}, r.res.Appended)

	assert.Equal(t, []int64{1, 2, 4, 6}, e.seqs("a"), "the conflicting append's seq 3 and the abandoned seq 5 are not recorded")
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6, 7, 1000}, e.seqs("b"))
	assert.Equal(t, int64(2), e.s.groups.Load()-before, "the plug alone, then the seven queued behind it in one transaction")
}

// TestGroupCommitInOrder: appends in one group see those before them, as if
// each had its own transaction in the order queued: the same seq twice is
// recorded once and then a duplicate, or a conflict; the limit counts the
// events recorded earlier in the group.
func TestGroupCommitInOrder(t *testing.T) {
	e := newGroupEnv(t)
	ctx := context.Background()
	before := e.s.groups.Load()
	release, plug := e.hold()
	first := e.queue(ctx, "a", event(1, "follow_up_sent"))
	again := e.queue(ctx, "a", event(1, "follow_up_sent"))
	other := e.queue(ctx, "a", event(1, "escalated"))
	var fill []<-chan result
	for seq := int64(2); seq <= 8; seq++ { // the limit is 8: seq 2 to 8 fit, 9 does not
		fill = append(fill, e.queue(ctx, "a", event(seq, "follow_up_sent")))
	}
	over := e.queue(ctx, "a", event(9, "follow_up_sent"))
	release()

	require.NoError(t, (<-plug).err)
	r := <-first
	require.NoError(t, r.err)
	assert.Equal(t, []int64{1}, r.res.Appended)
	r = <-again
	require.NoError(t, r.err)
	assert.Empty(t, r.res.Appended)
	assert.Equal(t, []int64{1}, r.res.Duplicates)
	r = <-other
	assert.ErrorIs(t, r.err, ErrConflict)
	for i, ch := range fill {
		r := <-ch
		require.NoError(t, r.err, "seq %d", i+2)
	}
	r = <-over
	assert.ErrorIs(t, r.err, ErrTooMany)
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6, 7, 8}, e.seqs("a"))
	assert.Equal(t, int64(2), e.s.groups.Load()-before)
}

// TestGroupCommitStatementError: an append that fails in SQL (here a
// trigger aborts its insert) is rolled back to its savepoint and fails alone.
func TestGroupCommitStatementError(t *testing.T) {
	e := newGroupEnv(t)
	ctx := context.Background()
	_, err := e.s.write.ExecContext(ctx, `CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.seq = 666
		BEGIN SELECT RAISE(ABORT, 'refused'); END`)
	require.NoError(t, err)
	release, plug := e.hold()
	before := e.queue(ctx, "a", event(1, "follow_up_sent"))
	refused := e.queue(ctx, "a", event(2, "follow_up_sent"), event(666, "follow_up_sent"))
	after := e.queue(ctx, "a", event(3, "follow_up_sent"))
	release()
	require.NoError(t, (<-plug).err)
	require.NoError(t, (<-before).err)
	r := <-refused
	require.Error(t, r.err)
	assert.Contains(t, r.err.Error(), "refused")
	require.NoError(t, (<-after).err)
	assert.Equal(t, []int64{1, 3}, e.seqs("a"), "seq 2 went with the refused seq 666")
}

// TestGroupCommitFailsTogether: when the group's transaction is lost (here a
// trigger rolls it back), no append of the group is acknowledged, not even
// those before the one that failed, and none is recorded; the next group
// commits as usual.
func TestGroupCommitFailsTogether(t *testing.T) {
	e := newGroupEnv(t)
	ctx := context.Background()
	_, err := e.s.write.ExecContext(ctx, `CREATE TRIGGER lose BEFORE INSERT ON events WHEN NEW.seq = 777
		BEGIN SELECT RAISE(ROLLBACK, 'transaction lost'); END`)
	require.NoError(t, err)
	release, plug := e.hold()
	before := e.queue(ctx, "a", event(1, "follow_up_sent"))
	lost := e.queue(ctx, "a", event(777, "follow_up_sent"))
	after := e.queue(ctx, "b", event(1, "follow_up_sent"))
	release()
	require.NoError(t, (<-plug).err)
	for name, ch := range map[string]<-chan result{"before": before, "lost": lost, "after": after} {
		r := <-ch
		require.Error(t, r.err, name)
		assert.Contains(t, r.err.Error(), "transaction lost", name)
		assert.Empty(t, r.res.Appended, name)
	}
	assert.Empty(t, e.seqs("a"))
	assert.Equal(t, []int64{1000}, e.seqs("b"), "only the plug, committed before")

	res, err := e.s.AppendEvents(ctx, e.ws, "a", []timeline.Event{event(1, "follow_up_sent")}, 8)
	require.NoError(t, err)
	assert.Equal(t, []int64{1}, res.Appended)
}

// TestGroupCommitConcurrent: many appends at once, to a few timelines, each
// acknowledged exactly when recorded, in fewer transactions than appends.
func TestGroupCommitConcurrent(t *testing.T) {
	e := newGroupEnv(t)
	ctx := context.Background()
	const n = 200
	before := e.s.groups.Load()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := []string{"a", "b"}[i%2]
			res, err := e.s.AppendEvents(ctx, e.ws, id, []timeline.Event{event(int64(i), "follow_up_sent")}, 1000)
			if err == nil && (len(res.Appended) != 1 || res.Appended[0] != int64(i)) {
				err = fmt.Errorf("append %d: %+v", i, res)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Len(t, e.seqs("a"), n/2)
	assert.Len(t, e.seqs("b"), n/2)
	assert.LessOrEqual(t, e.s.groups.Load()-before, int64(n))
}

// TestCloseCommitsQueued: Close lets the appends queued be committed, then an
// append is refused with ErrClosed; what was acknowledged is there after a
// reopen, and commits are synced (synchronous=FULL, WAL).
func TestCloseCommitsQueued(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := OpenSQLite(ctx, dir, SQLiteOptions{})
	require.NoError(t, err)
	var sync, mode string
	require.NoError(t, s.write.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync))
	assert.Equal(t, "2", sync, "FULL")
	require.NoError(t, s.write.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
	e := &groupEnv{t: t, s: s}
	_, hash := NewToken()
	w, err := s.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	e.ws = w.ID
	e.timeline("a")
	e.timeline("b")

	release, plug := e.hold()
	queued := e.queue(ctx, "a", event(1, "follow_up_sent"))
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.closeMu.RLock()
		c := s.closed
		s.closeMu.RUnlock()
		if c {
			break
		}
		require.True(t, time.Now().Before(deadline), "Close did not close the queue")
		time.Sleep(time.Millisecond)
	}
	_, err = s.AppendEvents(ctx, e.ws, "a", []timeline.Event{event(2, "follow_up_sent")}, 10)
	assert.ErrorIs(t, err, ErrClosed)
	release()
	require.NoError(t, (<-plug).err)
	require.NoError(t, (<-queued).err)
	require.NoError(t, <-closed)

	s, err = OpenSQLite(ctx, dir, SQLiteOptions{})
	require.NoError(t, err)
	defer s.Close()
	evs, err := s.Events(ctx, e.ws, "a")
	require.NoError(t, err)
	require.Len(t, evs, 1)
	assert.Equal(t, int64(1), evs[0].Seq)
}
