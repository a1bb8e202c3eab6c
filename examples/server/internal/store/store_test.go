package store_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

var now = func() time.Time { return time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC) }

func samplePlan(t *testing.T) timeline.Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "plan.json"))
	require.NoError(t, err)
	p, err := timeline.DecodePlan(b)
	require.NoError(t, err)
	return p
}

func workspace(t *testing.T, s store.Store, name string) store.Workspace {
	t.Helper()
	_, hash := store.NewToken()
	w, err := s.CreateWorkspace(context.Background(), name, hash)
	require.NoError(t, err)
	return w
}

func event(seq int64, at string, kind timeline.Kind) timeline.Event {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		panic(err)
	}
	return timeline.Event{Seq: seq, At: t, Kind: kind}
}

// TestPlanRoundTrip stores a plan with Money, dates, a time of day, windows and
// calendars, and reads back a plan equal in every one of them.
func TestPlanRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		in := samplePlan(t)
		stored, created, err := s.CreateTimeline(ctx, w.ID, in)
		require.NoError(t, err)
		require.True(t, created)

		got, err := s.Timeline(ctx, w.ID, in.ID)
		require.NoError(t, err)
		assert.Equal(t, stored.PlanHash, got.PlanHash)
		out, err := store.DecodePlan(got.Plan)
		require.NoError(t, err)

		require.NotNil(t, out.RateCard)
		require.NotNil(t, out.RateCard.ExtraRevision)
		assert.True(t, out.RateCard.ExtraRevision.Equal(pricing.MustParseMoney("150.50 USD")), "revision fee %v", out.RateCard.ExtraRevision)
		assert.Equal(t, "150.50 USD", out.RateCard.ExtraRevision.String())
		assert.Equal(t, date.New(2027, time.March, 15), out.PostDate)
		assert.Equal(t, in.PostTime, out.PostTime)
		require.NotNil(t, out.Product)
		assert.Equal(t, date.New(2027, time.February, 19), out.Product.ShipBy)
		assert.True(t, in.Kickoff.Equal(out.Kickoff))
		_, offset := out.Kickoff.Zone()
		assert.Equal(t, -5*3600, offset, "the kickoff keeps its offset")
		assert.Equal(t, sla.Hours(48), out.Policy.Review)
		assert.Equal(t, in.Policy, out.Policy)
		assert.Equal(t, in.Brand.Calendar.Spec(), out.Brand.Calendar.Spec())
		assert.Equal(t, in.Creator.Calendar.Spec(), out.Creator.Calendar.Spec())
		assert.Equal(t, in.Brand.Owner.Email, out.Brand.Owner.Email)

		// The canonical form is a fixed point: encoding the decoded plan gives the
		// stored bytes again.
		again, hash, err := store.EncodePlan(out)
		require.NoError(t, err)
		assert.JSONEq(t, string(got.Plan), string(again))
		assert.Equal(t, got.PlanHash, hash)

		// And both compile to the same planned post.
		a, err := timeline.Compile(in)
		require.NoError(t, err)
		b, err := timeline.Compile(out)
		require.NoError(t, err)
		assert.True(t, a.PlannedPost().Equal(b.PlannedPost()))
	})
}

func TestEventRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		_, _, err := s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		at := func(s string) time.Time {
			v, err := time.Parse(time.RFC3339Nano, s)
			require.NoError(t, err)
			return v
		}
		in := []timeline.Event{
			{Seq: 3, At: at("2027-03-08T10:00:00.123456789-08:00"), Kind: timeline.DraftSubmitted},
			{Seq: 1, At: at("2027-02-17T12:00:00Z"), Kind: timeline.ProductShipped},
			{Seq: 9, At: at("2027-03-20T09:00:00-07:00"), Kind: timeline.ReportReceived, Report: sla.Days(7)},
			{Seq: 10, At: at("2027-03-09T09:00:00-05:00"), Kind: timeline.PostRenegotiated, By: timeline.Both,
				PostDate: date.New(2027, time.March, 18), PostTime: clock.New(9, 30, 0, 0)},
			{Seq: 11, At: at("2027-03-09T09:00:00-05:00"), Kind: timeline.LiveChecked, Findings: []string{"no #ad"}, URL: "https://example.com/p/1"},
		}
		res, err := s.AppendEvents(ctx, w.ID, p.ID, in, 100)
		require.NoError(t, err)
		assert.Equal(t, []int64{3, 1, 9, 10, 11}, res.Appended)
		out, err := s.Events(ctx, w.ID, p.ID)
		require.NoError(t, err)
		require.Len(t, out, len(in))
		bySeq := map[int64]timeline.Event{}
		for _, e := range in {
			bySeq[e.Seq] = e
		}
		for i, e := range out {
			if i > 0 {
				assert.Less(t, out[i-1].Seq, e.Seq, "events come in sequence order")
			}
			want := bySeq[e.Seq]
			assert.True(t, want.At.Equal(e.At), "seq %d: at %v, want %v", e.Seq, e.At, want.At)
			assert.Equal(t, want.At.Format(time.RFC3339Nano), e.At.Format(time.RFC3339Nano), "seq %d keeps its offset and nanoseconds", e.Seq)
			want.At, e.At = time.Time{}, time.Time{}
			assert.Equal(t, want, e)
		}
	})
}

func TestAppendIdempotent(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		_, _, err := s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		first := []timeline.Event{event(1, "2027-02-17T12:00:00Z", timeline.ProductShipped), event(2, "2027-02-18T12:00:00Z", timeline.ProductReceived)}

		res, err := s.AppendEvents(ctx, w.ID, p.ID, first, 100)
		require.NoError(t, err)
		assert.Equal(t, []int64{1, 2}, res.Appended)
		assert.Empty(t, res.Duplicates)

		t.Run("retry", func(t *testing.T) {
			res, err := s.AppendEvents(ctx, w.ID, p.ID, append(first, event(3, "2027-02-19T12:00:00Z", timeline.ConceptSubmitted)), 100)
			require.NoError(t, err)
			assert.Equal(t, []int64{3}, res.Appended)
			assert.Equal(t, []int64{1, 2}, res.Duplicates)
		})
		t.Run("same seq in one append", func(t *testing.T) {
			e := event(4, "2027-02-20T12:00:00Z", timeline.ConceptApproved)
			res, err := s.AppendEvents(ctx, w.ID, p.ID, []timeline.Event{e, e}, 100)
			require.NoError(t, err)
			assert.Equal(t, []int64{4}, res.Appended)
			assert.Equal(t, []int64{4}, res.Duplicates)
		})
		t.Run("conflict records nothing", func(t *testing.T) {
			_, err := s.AppendEvents(ctx, w.ID, p.ID, []timeline.Event{
				event(5, "2027-02-21T12:00:00Z", timeline.ComplianceChecked),
				event(2, "2027-02-18T13:00:00Z", timeline.ProductReceived), // another instant
			}, 100)
			var ce *store.ConflictError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, []int64{2}, ce.Seqs)
			assert.ErrorIs(t, err, store.ErrConflict)
			evs, err := s.Events(ctx, w.ID, p.ID)
			require.NoError(t, err)
			assert.Len(t, evs, 4, "seq 5 was not recorded")
		})
		t.Run("limit", func(t *testing.T) {
			_, err := s.AppendEvents(ctx, w.ID, p.ID, []timeline.Event{event(6, "2027-02-21T12:00:00Z", timeline.ComplianceChecked)}, 4)
			assert.ErrorIs(t, err, store.ErrTooMany)
		})
	})
}

func TestCreateTimelineAgain(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		first, created, err := s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		require.True(t, created)

		again, created, err := s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		assert.False(t, created, "the same plan again is a retry")
		assert.Equal(t, first.PlanHash, again.PlanHash)
		assert.True(t, first.Created.Equal(again.Created))

		other := p
		other.PostTime = other.PostTime.Add(0, 1, 0, 0)
		_, _, err = s.CreateTimeline(ctx, w.ID, other)
		assert.ErrorIs(t, err, store.ErrConflict)
	})
}

// TestIsolation: one workspace never reads, lists or writes another's
// timelines, even under the same timeline ID.
func TestIsolation(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		a := workspace(t, s, "A")
		b := workspace(t, s, "B")
		p := samplePlan(t)
		_, _, err := s.CreateTimeline(ctx, a.ID, p)
		require.NoError(t, err)
		_, err = s.AppendEvents(ctx, a.ID, p.ID, []timeline.Event{event(1, "2027-02-17T12:00:00Z", timeline.ProductShipped)}, 100)
		require.NoError(t, err)

		_, err = s.Timeline(ctx, b.ID, p.ID)
		assert.ErrorIs(t, err, store.ErrNotFound)
		_, err = s.Events(ctx, b.ID, p.ID)
		assert.ErrorIs(t, err, store.ErrNotFound)
		_, err = s.AppendEvents(ctx, b.ID, p.ID, []timeline.Event{event(2, "2027-02-18T12:00:00Z", timeline.ProductReceived)}, 100)
		assert.ErrorIs(t, err, store.ErrNotFound)
		list, err := s.Timelines(ctx, b.ID, "", 100)
		require.NoError(t, err)
		assert.Empty(t, list)
		items, more, err := s.Items(ctx, b.ID, 100)
		require.NoError(t, err)
		assert.Empty(t, items)
		assert.False(t, more)

		// B may use the same ID for its own plan; A's is untouched.
		other := p
		other.PostTime = other.PostTime.Add(0, 2, 0, 0)
		_, created, err := s.CreateTimeline(ctx, b.ID, other)
		require.NoError(t, err)
		assert.True(t, created)
		evs, err := s.Events(ctx, a.ID, p.ID)
		require.NoError(t, err)
		assert.Len(t, evs, 1)
		evs, err = s.Events(ctx, b.ID, p.ID)
		require.NoError(t, err)
		assert.Empty(t, evs)
	})
}

func TestTokens(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		token, hash := store.NewToken()
		assert.Regexp(t, `^cop_[A-Za-z0-9_-]{43}$`, token)
		assert.Equal(t, hash, store.HashToken(token))
		w, err := s.CreateWorkspace(ctx, "Glow Labs", hash)
		require.NoError(t, err)

		got, err := s.WorkspaceByToken(ctx, hash)
		require.NoError(t, err)
		assert.Equal(t, w.ID, got.ID)
		assert.Equal(t, "Glow Labs", got.Name)

		second, hash2 := store.NewToken()
		assert.NotEqual(t, token, second)
		require.NoError(t, s.AddToken(ctx, w.ID, hash2))
		got, err = s.WorkspaceByToken(ctx, hash2)
		require.NoError(t, err)
		assert.Equal(t, w.ID, got.ID)

		_, err = s.WorkspaceByToken(ctx, store.HashToken(token+"x"))
		assert.ErrorIs(t, err, store.ErrNotFound)
		assert.ErrorIs(t, s.AddToken(ctx, "ws_nope", hash2), store.ErrNotFound)
	})
}

func TestListAndItems(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		base := samplePlan(t)
		for _, id := range []string{"c", "a", "b"} {
			p := base
			p.ID = id
			_, _, err := s.CreateTimeline(ctx, w.ID, p)
			require.NoError(t, err)
		}
		_, err := s.AppendEvents(ctx, w.ID, "b", []timeline.Event{event(1, "2027-02-17T12:00:00Z", timeline.ProductShipped)}, 100)
		require.NoError(t, err)

		page, err := s.Timelines(ctx, w.ID, "", 2)
		require.NoError(t, err)
		require.Len(t, page, 2)
		assert.Equal(t, "a", page[0].ID)
		assert.Equal(t, "b", page[1].ID)
		assert.Equal(t, 1, page[1].Events)
		page, err = s.Timelines(ctx, w.ID, "b", 2)
		require.NoError(t, err)
		require.Len(t, page, 1)
		assert.Equal(t, "c", page[0].ID)

		items, more, err := s.Items(ctx, w.ID, 2)
		require.NoError(t, err)
		assert.True(t, more)
		require.Len(t, items, 2)
		assert.Empty(t, items[0].Events)
		assert.Len(t, items[1].Events, 1)
		items, more, err = s.Items(ctx, w.ID, 3)
		require.NoError(t, err)
		assert.False(t, more)
		assert.Len(t, items, 3)
	})
}

// TestReopen: the data and the schema version survive a restart, and a
// second open applies no migration twice.
func TestReopen(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		loc := b.fresh(t)
		s, err := b.open(ctx, loc, now)
		require.NoError(t, err)
		w := workspace(t, s, "Glow Labs")
		p := samplePlan(t)
		_, _, err = s.CreateTimeline(ctx, w.ID, p)
		require.NoError(t, err)
		require.NoError(t, s.Close())

		s, err = b.open(ctx, loc, now)
		require.NoError(t, err)
		defer s.Close()
		got, err := s.Timeline(ctx, w.ID, p.ID)
		require.NoError(t, err)
		var v map[string]any
		require.NoError(t, json.Unmarshal(got.Plan, &v))
		assert.Equal(t, "150.50 USD", v["rate_card"].(map[string]any)["extra_revision"])
		n, err := b.scalar(ctx, s, `SELECT COUNT(*) FROM schema_migrations`)
		require.NoError(t, err)
		assert.Equal(t, migrationFiles(t, b.name), n, "each migration recorded once")
	})
}

// TestNewerSchema: a database migrated by a newer program is refused, not
// written to.
func TestNewerSchema(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		loc := b.fresh(t)
		s, err := b.open(ctx, loc, now)
		require.NoError(t, err)
		v, err := b.scalar(ctx, s, `SELECT MAX(version) FROM schema_migrations`)
		require.NoError(t, err)
		assert.Equal(t, migrationFiles(t, b.name), v, "every migration is applied")
		_, err = b.scalar(ctx, s, `INSERT INTO schema_migrations (version, name, applied) VALUES (99, '0099_future.sql', '2030-01-01T00:00:00Z') RETURNING version`)
		require.NoError(t, err)
		require.NoError(t, s.Close())

		_, err = b.open(ctx, loc, now)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "newer than this program's")
	})
}

// migrationFiles counts the migrations of a dialect.
func migrationFiles(t *testing.T, dialect string) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("migrations", dialect, "*.sql"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return len(files)
}
