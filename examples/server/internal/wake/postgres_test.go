package wake_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
	"github.com/creatorops/creatorops/examples/server/internal/wake"
)

// TestPostgres: processes starting together on a fresh database create the
// wake-ups' tables and River's once (under an advisory lock), and a wake-up
// on PostgreSQL fires on time and delivers its action once.
func TestPostgres(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	st, err := store.OpenPostgres(ctx, url, store.PostgresOptions{})
	require.NoError(t, err)
	defer st.Close()

	rcv := newReceiver(t)
	wakers := make([]*wake.Waker, 3)
	var wg sync.WaitGroup
	for i := range wakers {
		wg.Go(func() {
			var err error
			wakers[i], err = wake.New(ctx, st, wake.Config{Logger: slog.New(slog.DiscardHandler), Webhook: rcv.srv.URL, Secret: secret})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for _, w := range wakers {
		require.NotNil(t, w)
		require.NoError(t, w.Start(ctx))
		defer func() { assert.NoError(t, w.Stop(ctx)) }()
	}
	token, hash := store.NewToken()
	_, err = st.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	hooks := make([]api.Hook, len(wakers))
	for i, w := range wakers {
		hooks[i] = w.Hook // every change scheduled by every process
	}
	e := &env{t: t, api: api.New(api.Config{Store: st, Logger: slog.New(slog.DiscardHandler), Hooks: hooks}), token: token}

	offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
	due := time.Now().Add(1500 * time.Millisecond).Truncate(time.Millisecond)
	e.post("/v1/timelines", item(t, "soon", due.Add(-offset)))
	e.post("/v1/timelines", item(t, "overdue", time.Now().Add(-offset-time.Hour)))
	rcv.waitFor(2, 5*time.Second)
	time.Sleep(500 * time.Millisecond) // a duplicate would come now
	got := rcv.deliveries()
	require.Len(t, got, 2)
	byTimeline := map[string]delivery{}
	for _, d := range got {
		byTimeline[d.payload.Timeline] = d
	}
	require.Contains(t, byTimeline, "soon")
	require.Contains(t, byTimeline, "overdue")
	late := byTimeline["soon"].received.Sub(due)
	assert.GreaterOrEqual(t, late, time.Duration(0))
	assert.LessOrEqual(t, late, time.Second)
	t.Logf("delivered %s after its instant", late)
}
