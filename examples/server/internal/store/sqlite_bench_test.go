package store

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/creatorops/creatorops/sla/timeline"
)

// benchStore is a store with 200 timelines of 20 events each.
func benchStore(b *testing.B) (*SQLite, string) {
	b.Helper()
	e := &groupEnv{t: &testing.T{}} // its helpers' require calls, as in package api's benchmarks
	ctx := context.Background()
	s, err := OpenSQLite(ctx, b.TempDir(), SQLiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	_, hash := NewToken()
	w, err := s.CreateWorkspace(ctx, "bench", hash)
	if err != nil {
		b.Fatal(err)
	}
	e.s, e.ws = s, w.ID
	for i := range 200 {
		id := fmt.Sprintf("t%d", i)
		e.timeline(id)
		var evs []timeline.Event
		for seq := int64(1); seq <= 20; seq++ {
			evs = append(evs, event(seq, "follow_up_sent"))
		}
		if _, err := s.AppendEvents(ctx, w.ID, id, evs, 1000); err != nil {
			b.Fatal(err)
		}
	}
	return s, w.ID
}

// BenchmarkReadTimeline reads a timeline and its events, as a state read does,
// from parallel goroutines.
func BenchmarkReadTimeline(b *testing.B) {
	s, ws := benchStore(b)
	ctx := context.Background()
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("t%d", n.Add(1)%200)
			if _, err := s.Timeline(ctx, ws, id); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Events(ctx, ws, id); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAppendParallel appends one event per call from parallel
// goroutines (-cpu sets how many), each committed durably.
func BenchmarkAppendParallel(b *testing.B) {
	s, ws := benchStore(b)
	ctx := context.Background()
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			id := fmt.Sprintf("t%d", i%200)
			if _, err := s.AppendEvents(ctx, ws, id, []timeline.Event{event(100+i, "follow_up_sent")}, 100000); err != nil {
				b.Fatal(err)
			}
		}
	})
}
