package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
	"github.com/creatorops/creatorops/examples/server/webhook"
	"github.com/creatorops/creatorops/sla/timeline"
)

// TestExactlyOnceTwoProcesses builds the server, runs two processes of it on
// one PostgreSQL database with one webhook, creates 200 timelines through
// both (half with a follow-up overdue now, half with one falling due in a few
// seconds, so scheduled wake-ups too), records an event on each through the
// other process that leaves the same action due, and checks that the webhook receives
// every action due exactly once: none missing, none twice. The webhook fails
// the first attempt of one delivery in ten, so River's retries are in it too.
// It does not ask that both processes did some of the work (which one fetches
// a job is River's business).
func TestExactlyOnceTwoProcesses(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	bin := filepath.Join(t.TempDir(), "server")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	// The webhook: verifies, counts each delivery ID it answered 2xx, and
	// refuses the first attempt of one delivery in ten.
	const secret = "whsec_two"
	var mu sync.Mutex
	delivered := map[string]int{}
	timelines := map[string]string{} // delivery ID -> timeline
	attempts := map[string]int{}
	refused := 0
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := webhook.Verify([]byte(secret), r.Header.Get(webhook.SignatureHeader), body, time.Now(), 0); err != nil {
			t.Error(err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var p webhook.Payload
		if err := json.Unmarshal(body, &p); err != nil {
			t.Error(err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		attempts[p.ID]++
		if attempts[p.ID] == 1 && len(attempts)%10 == 0 {
			refused++
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		delivered[p.ID]++
		timelines[p.ID] = p.Timeline
	}))
	defer hook.Close()

	out, err := exec.Command(bin, "workspace", "create", "-name", "Glow Labs", "-db", url, "-q").Output()
	require.NoError(t, err)
	token := strings.TrimSpace(string(out))

	start := func(name string) string {
		cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-db", url, "-log", "json", "-webhook", hook.URL, "-webhook-secret", secret)
		stderr, err := cmd.StderrPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				assert.NoError(t, err, "%s exits cleanly on SIGTERM", name)
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				t.Errorf("%s did not stop", name)
			}
		})
		addr := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			sent := false
			for sc.Scan() {
				var line struct {
					Msg, Addr string
				}
				if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" && !sent {
					addr <- line.Addr
					sent = true
				}
				if bytes.Contains(sc.Bytes(), []byte(`"level":"ERROR"`)) {
					t.Logf("%s: %s", name, sc.Bytes())
				}
			}
		}()
		select {
		case a := <-addr:
			return a
		case <-time.After(30 * time.Second):
			t.Fatalf("%s did not start", name)
		}
		return ""
	}
	bases := []string{start("process 1")}
	bases = append(bases, start("process 2"))

	offset := firstActionOffset(t)
	const n = 200
	now := time.Now()
	want := map[string]bool{}
	client := &http.Client{Timeout: 30 * time.Second}
	for i := range n {
		id := fmt.Sprintf("tl-%03d", i)
		want[id] = true
		due := now.Add(-time.Minute) // overdue
		if i%2 == 1 {
			due = now.Add(3 * time.Second) // a wake-up in a few seconds
		}
		body := planItem(id, due.Add(-offset))
		for j, base := range []string{bases[i%2], bases[(i+1)%2]} { // the second is the same plan again: no change
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/timelines", strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := client.Do(req)
			require.NoError(t, err)
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			require.Equal(t, []int{http.StatusCreated, http.StatusOK}[j], res.StatusCode, "%s", b)
		}
		// An event through the other process that changes nothing of what
		// is due (a rush asked for by one side only): its wake-up finds the
		// same action due again, and must not deliver it twice.
		event := `[{"seq":1,"at":"` + now.Add(-10*time.Second).UTC().Format(time.RFC3339Nano) + `","kind":"rush_requested","by":"brand"}]`
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, bases[(i+1)%2]+"/v1/timelines/"+id+"/events", strings.NewReader(event))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := client.Do(req)
		require.NoError(t, err)
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode, "%s", b)
	}

	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		got := len(delivered)
		mu.Unlock()
		if got >= n {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // a late duplicate would arrive now
	mu.Lock()
	defer mu.Unlock()
	seen := map[string]bool{}
	for id, c := range delivered {
		assert.Equal(t, 1, c, "delivery %s", id)
		tl := timelines[id]
		assert.False(t, seen[tl], "a second action of %s", tl)
		seen[tl] = true
	}
	var missing []string
	for id := range want {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	assert.Empty(t, missing, "timelines whose action was not delivered")
	assert.Len(t, delivered, n)
	assert.Positive(t, refused, "some first attempts were refused, and retried")
	t.Logf("%d deliveries, %d first attempts refused and retried", len(delivered), refused)
}

// firstActionOffset is how long after its kickoff the plan of planItem has its
// first action due: a follow-up of the overdue concept.
func firstActionOffset(t *testing.T) time.Duration {
	kickoff := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	var item struct{ Plan timeline.Plan }
	require.NoError(t, json.Unmarshal([]byte(planItem("probe", kickoff)), &item))
	tl, err := timeline.Compile(item.Plan)
	require.NoError(t, err)
	at := kickoff
	for range 100 {
		st, err := tl.State(nil, at)
		require.NoError(t, err)
		if len(st.Actions) > 0 {
			require.Equal(t, timeline.FollowUp, st.Actions[0].Kind)
			return st.Actions[0].At.Sub(kickoff)
		}
		at = st.Next
	}
	t.Fatal("no action")
	return 0
}

// planItem is a board item of a plan on round-the-clock calendars, so that
// its instants are fixed offsets from its kickoff.
func planItem(id string, kickoff time.Time) string {
	cal := `{"time_zone": "UTC", "hours": ["daily"]}`
	return `{"plan": {"id": "` + id + `",
		"brand": {"calendar": ` + cal + `, "owner": {"name": "Bea Brand"}, "manager": {"name": "Max Manager"}},
		"creator": {"calendar": ` + cal + `, "owner": {"name": "Cleo Creator"}, "manager": {"name": "Ada Agent"}},
		"kickoff": "` + kickoff.UTC().Format(time.RFC3339Nano) + `", "post_date": "` + kickoff.AddDate(0, 2, 0).UTC().Format("2006-01-02") + `", "post_time": "12:00"}}`
}
