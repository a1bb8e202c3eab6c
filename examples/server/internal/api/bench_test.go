package api_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// benchServer is a service over a fresh database with one workspace and one
// timeline (the worked example, four events).
func benchServer(b *testing.B) (http.Handler, string) {
	b.Helper()
	st, err := store.OpenSQLite(context.Background(), b.TempDir(), store.SQLiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	token, hash := store.NewToken()
	if _, err := st.CreateWorkspace(context.Background(), "bench", hash); err != nil {
		b.Fatal(err)
	}
	srv := api.New(api.Config{Store: st, Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return testNow }})
	body := item(&testing.T{}, "tiktok-1", string(readFileB(b, "events.json")))
	if code := serve(srv, token, http.MethodPost, "/v1/timelines", body); code != http.StatusCreated {
		b.Fatalf("create: %d", code)
	}
	return srv, token
}

func readFileB(b *testing.B, name string) []byte {
	b.Helper()
	return readFile(&testing.T{}, name)
}

func serve(h http.Handler, token, method, path string, body []byte) int {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code
}

func BenchmarkDeadline(b *testing.B) {
	h, token := benchServer(b)
	body := []byte(`{"calendar":` + nyCalendar + `,"counterpart":` + laCalendar + `,"start":"2027-03-08T10:00:00-08:00","window":"48 hours"}`)
	b.ReportAllocs()
	for b.Loop() {
		if code := serve(h, token, http.MethodPost, "/v1/deadlines", body); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}

func BenchmarkState(b *testing.B) {
	h, token := benchServer(b)
	b.ReportAllocs()
	for b.Loop() {
		if code := serve(h, token, http.MethodGet, "/v1/timelines/tiktok-1/state?at=2027-03-11T09:30:00-05:00", nil); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}

// BenchmarkAppend records one event at a time, 20 to a timeline (a
// deliverable's usual count), then moves on to a new timeline.
func BenchmarkAppend(b *testing.B) {
	h, token := benchServer(b)
	events := string(readFileB(b, "events.json"))
	b.ReportAllocs()
	n, id := 0, "tiktok-1"
	for b.Loop() {
		n++
		if n%20 == 0 {
			b.StopTimer()
			id = fmt.Sprintf("tiktok-%d", n)
			if code := serve(h, token, http.MethodPost, "/v1/timelines", item(&testing.T{}, id, events)); code != http.StatusCreated {
				b.Fatalf("create: %d", code)
			}
			b.StartTimer()
		}
		body := []byte(fmt.Sprintf(`[{"seq":%d,"at":"2027-03-09T10:00:00-05:00","kind":"follow_up_sent","to":"brand"}]`, 100+n))
		if code := serve(h, token, http.MethodPost, "/v1/timelines/"+id+"/events", body); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}
