package store_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla/timeline"
)

const racers = 8

// race runs f on racers goroutines at once and waits for them.
func race(f func(i int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			f(i)
		}()
	}
	close(start)
	wg.Wait()
}

// TestConcurrentCreate: requests creating one timeline or one agreement at
// once all succeed, and exactly one of them creates it; all return the
// same stored row.
func TestConcurrentCreate(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		var created [racers]bool
		var got [racers]store.Timeline
		var errs [racers]error
		race(func(i int) { got[i], created[i], errs[i] = s.CreateTimeline(ctx, w.ID, p) })
		n := 0
		for i := range racers {
			require.NoError(t, errs[i])
			if created[i] {
				n++
			}
			assert.Equal(t, got[0].PlanHash, got[i].PlanHash)
			assert.True(t, got[0].Created.Equal(got[i].Created))
		}
		assert.Equal(t, 1, n, "one request created the timeline")

		a := contract.SampleAgreement()
		var agreements [racers]store.Agreement
		race(func(i int) { agreements[i], created[i], errs[i] = s.CreateAgreement(ctx, w.ID, a) })
		n = 0
		for i := range racers {
			require.NoError(t, errs[i])
			if created[i] {
				n++
			}
			assert.Equal(t, agreements[0].Hash, agreements[i].Hash)
		}
		assert.Equal(t, 1, n, "one request created the agreement")
	})
}

// TestConcurrentAppend: appends to one timeline at once, each retrying the
// same first events and adding one of its own: each event is recorded once,
// and the limit holds.
func TestConcurrentAppend(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		_, _, err := s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		shared := []timeline.Event{event(1, "2027-02-17T12:00:00Z", timeline.ProductShipped), event(2, "2027-02-18T12:00:00Z", timeline.ProductReceived)}
		var res [racers]store.Appended
		var errs [racers]error
		race(func(i int) {
			own := event(int64(10+i), "2027-02-19T12:00:00Z", timeline.ConceptSubmitted)
			res[i], errs[i] = s.AppendEvents(ctx, w.ID, p.ID, append(append([]timeline.Event(nil), shared...), own), 100)
		})
		appended := map[int64]int{}
		for i := range racers {
			require.NoError(t, errs[i])
			for _, q := range res[i].Appended {
				appended[q]++
			}
		}
		assert.Equal(t, 1, appended[1], "seq 1 appended once")
		assert.Equal(t, 1, appended[2], "seq 2 appended once")
		assert.Len(t, appended, 2+racers)
		evs, err := s.Events(ctx, w.ID, p.ID)
		require.NoError(t, err)
		assert.Len(t, evs, 2+racers)

		// Racers append one event each to a timeline that has room for half
		// of them: exactly that many get in.
		q := p
		q.ID = "limited"
		_, _, err = s.CreateTimeline(ctx, w.ID, q)
		require.NoError(t, err)
		race(func(i int) {
			_, errs[i] = s.AppendEvents(ctx, w.ID, q.ID, []timeline.Event{event(int64(i+1), "2027-02-19T12:00:00Z", timeline.ConceptSubmitted)}, racers/2)
		})
		ok := 0
		for i := range racers {
			if errs[i] == nil {
				ok++
			} else {
				assert.ErrorIs(t, errs[i], store.ErrTooMany)
			}
		}
		assert.Equal(t, racers/2, ok)
		evs, err = s.Events(ctx, w.ID, q.ID)
		require.NoError(t, err)
		assert.Len(t, evs, racers/2)
	})
}

// TestConcurrentOpen: processes starting together on one new database both
// open it, and each migration is applied once.
func TestConcurrentOpen(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		loc := b.fresh(t)
		var stores [racers]store.Store
		var errs [racers]error
		race(func(i int) { stores[i], errs[i] = b.open(ctx, loc, now) })
		for i := range racers {
			require.NoError(t, errs[i])
			defer stores[i].Close()
		}
		n, err := b.scalar(ctx, stores[0], `SELECT COUNT(*) FROM schema_migrations`)
		require.NoError(t, err)
		assert.Equal(t, migrationFiles(t, b.name), n)
		w := workspace(t, stores[1], "Glow Labs")
		_, _, err = stores[2].CreateTimeline(ctx, w.ID, samplePlan(t))
		require.NoError(t, err)
	})
}

// TestStampsToTheMicrosecond: the stores' own time stamps are taken in UTC
// to the microsecond (what PostgreSQL keeps), so the Created a create
// returns is the one read back, exactly, on both stores.
func TestStampsToTheMicrosecond(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		zone := time.FixedZone("EST", -5*3600)
		clock := func() time.Time { return time.Date(2027, 3, 1, 7, 0, 0, 123456789, zone) }
		want := time.Date(2027, 3, 1, 12, 0, 0, 123456000, time.UTC)
		s, err := b.open(ctx, b.fresh(t), clock)
		require.NoError(t, err)
		defer s.Close()
		_, hash := store.NewToken()
		w, err := s.CreateWorkspace(ctx, "Glow Labs", hash)
		require.NoError(t, err)
		assert.Equal(t, want, w.Created)
		got, err := s.WorkspaceByToken(ctx, hash)
		require.NoError(t, err)
		assert.Equal(t, want, got.Created)

		tl, _, err := s.CreateTimeline(ctx, w.ID, samplePlan(t))
		require.NoError(t, err)
		assert.Equal(t, want, tl.Created)
		back, err := s.Timeline(ctx, w.ID, tl.ID)
		require.NoError(t, err)
		assert.Equal(t, want, back.Created)

		a, _, err := s.CreateAgreement(ctx, w.ID, contract.SampleAgreement())
		require.NoError(t, err)
		assert.Equal(t, want, a.Created)
		ab, err := s.Agreement(ctx, w.ID, a.ID)
		require.NoError(t, err)
		assert.Equal(t, want, ab.Created)
	})
}

// TestListByteOrder: lists come in the IDs' byte order on both stores, upper
// case before lower case and punctuation by its code, whatever the
// database's collation.
func TestListByteOrder(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		ids := []string{"b", "B", "a", "a-b", "a.b", "a/b", "a_b", "Z", "_z", "0", "a:b", "ab"}
		base := samplePlan(t)
		for _, id := range ids {
			p := base
			p.ID = id
			_, _, err := s.CreateTimeline(ctx, w.ID, p)
			require.NoError(t, err)
		}
		want := append([]string(nil), ids...)
		sort.Strings(want)
		var got []string
		after := ""
		for {
			page, err := s.Timelines(ctx, w.ID, after, 5)
			require.NoError(t, err)
			for _, tl := range page {
				got = append(got, tl.ID)
			}
			if len(page) < 5 {
				break
			}
			after = page[len(page)-1].ID
		}
		assert.Equal(t, want, got)
		items, more, err := s.Items(ctx, w.ID, len(ids))
		require.NoError(t, err)
		assert.False(t, more)
		got = got[:0]
		for _, it := range items {
			got = append(got, it.Timeline.ID)
		}
		assert.Equal(t, want, got)
	})
}
