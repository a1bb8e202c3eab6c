package wake_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/api"
)

// BenchmarkAppend appends one event at a time from parallel clients to 50
// timelines whose next change is an hour away, with and without the wake-up
// hook (River runs in both): what scheduling costs the append path.
//
//	go test -run XXX -bench Append -benchtime 3000x ./internal/wake
func BenchmarkAppend(b *testing.B) {
	for _, hooked := range []bool{false, true} {
		b.Run(fmt.Sprintf("wakeups=%v", hooked), func(b *testing.B) {
			t := b
			e := newEnv(t, "")
			if !hooked {
				e.api = api.New(api.Config{Store: e.store, Logger: slog.New(slog.DiscardHandler)})
			}
			offset, _ := firstAction(t, time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC))
			kickoff := time.Now().Add(-offset + time.Hour)
			const timelines = 50
			for i := range timelines {
				e.post("/v1/timelines", item(t, fmt.Sprintf("tl-%d", i), kickoff))
			}
			var seq atomic.Int64
			b.SetParallelism(4)
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n := seq.Add(1)
					body := fmt.Sprintf(`[{"seq":%d,"at":%q,"kind":"follow_up_sent","to":"creator"}]`, n, kickoff.Add(time.Minute).Format(time.RFC3339))
					req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/v1/timelines/tl-%d/events", n%timelines), strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+e.token)
					rec := httptest.NewRecorder()
					e.api.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%d %s", rec.Code, rec.Body)
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "appends/s")
		})
	}
}
