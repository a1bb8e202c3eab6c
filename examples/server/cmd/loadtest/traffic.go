package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// The requests' bodies: the README's examples.
const (
	planJSON = `{"id": %q,
  "brand":   {"calendar": {"time_zone": "America/New_York", "hours": ["mon-fri 09:00-17:00"], "quiet": ["sat-sun"]},
              "owner": {"name": "Bea Brand", "email": "bea@brand.example"}, "manager": {"name": "Max Manager"}},
  "creator": {"calendar": {"time_zone": "America/Los_Angeles", "hours": ["mon-fri 10:00-18:00"], "quiet": ["sat-sun"]},
              "owner": {"name": "Cleo Creator"}, "manager": {"name": "Ada Agent"}},
  "kickoff": "2027-02-15T10:00:00-08:00", "post_date": "2027-03-15", "post_time": "12:00",
  "rate_card": {"version": "2027-01", "currency": "USD", "valid_days": 30, "net_days": 30,
    "base": [{"code": "tiktok-video", "platform": "tiktok", "format": "short_video", "fee": "2500.00 USD", "included_revisions": 1}],
    "extra_revision": "150.50 USD"}}`
	seedEvents = `[
    {"seq": 1, "at": "2027-02-16T11:00:00-08:00", "kind": "concept_submitted"},
    {"seq": 2, "at": "2027-02-17T10:00:00-05:00", "kind": "concept_approved"},
    {"seq": 3, "at": "2027-02-17T15:00:00-05:00", "kind": "compliance_checked"},
    {"seq": 4, "at": "2027-03-08T10:00:00-08:00", "kind": "draft_submitted"}]`
	deadlineJSON = `{
  "calendar":    {"time_zone": "America/New_York", "hours": ["mon-fri 09:00-17:00"], "quiet": ["sat-sun"]},
  "counterpart": {"time_zone": "America/Los_Angeles", "hours": ["mon-fri 10:00-18:00"], "quiet": ["sat-sun"]},
  "start": "2027-03-%02dT%02d:%02d:00-08:00", "window": %q}`
	quoteJSON = `{
  "rate_card": {"version": "2027-03", "currency": "USD", "valid_days": 30, "net_days": 30,
    "base":  [{"code": "tiktok-video", "platform": "tiktok", "format": "short_video",
               "min_seconds": 20, "max_seconds": 60, "fee": "2500.00 USD", "included_revisions": 1}],
    "usage": [{"paid": true, "channels": ["tiktok", "instagram"], "duration": "3 months", "percent": "30%%"}]},
  "request": {"platform": "tiktok", "format": "short_video", "seconds": %d,
              "usage": {"paid": true, "channels": ["tiktok"], "duration": "3 months"}},
  "issued": "2027-03-01T09:00:00-05:00"}`
	// The instant of the state reads: the README's, a few days before the
	// post date.
	stateAt = "2027-03-11T09:30:00-05:00"
	// firstSeq is the first sequence number the load appends to a timeline
	// (the seeded events are 1 to 4).
	firstSeq = 100
)

// The routes, as the report names them.
const (
	routeState    = "state"
	routeDeadline = "deadline"
	routeQuote    = "quote"
	routeEvents   = "events"
	routeAppend   = "append"
	routeRetry    = "append-retry"
)

// mixes are the phases' traffic: each route with its weight.
var mixes = map[string][]weighted{
	// Reads: nothing is written.
	"read": {{routeState, 50}, {routeDeadline, 25}, {routeQuote, 25}},
	// Appends: one event per request, each to a timeline picked at random.
	"append": {{routeAppend, 1}},
	// Mixed: reads, appends and retries of acknowledged appends.
	"mixed": {{routeState, 35}, {routeDeadline, 20}, {routeQuote, 15}, {routeEvents, 5}, {routeAppend, 22}, {routeRetry, 3}},
}

type weighted struct {
	route  string
	weight int
}

// target is the service under load: its URL, the workspace's token and the
// seeded timelines.
type target struct {
	base   string
	token  string
	client *http.Client
	ids    []string
	next   []atomic.Int64 // each timeline's next sequence number to append
}

// ack is an append the service acknowledged.
type ack struct {
	timeline int
	seq      int64
}

// worker sends one request at a time.
type worker struct {
	t     *target
	rng   *rand.Rand
	stats map[string]*routeStats // nil while warming up
	acked []ack
	buf   bytes.Buffer
}

// routeStats are one route's results in one phase.
type routeStats struct {
	latencies  []time.Duration
	status     map[int]int
	errors     int // transport errors: no response
	unexpected int // responses other than the route's expected one (5xx counted apart too)
}

func newRouteStats() *routeStats { return &routeStats{status: map[int]int{}} }

func (r *routeStats) merge(o *routeStats) {
	r.latencies = append(r.latencies, o.latencies...)
	for k, v := range o.status {
		r.status[k] += v
	}
	r.errors += o.errors
	r.unexpected += o.unexpected
}

func (w *worker) stat(route string) *routeStats {
	if w.stats == nil {
		return nil
	}
	s := w.stats[route]
	if s == nil {
		s = newRouteStats()
		w.stats[route] = s
	}
	return s
}

// one sends one request of the route and records its outcome.
func (w *worker) one(route string) {
	var (
		method, path string
		body         []byte
		check        func(status int, body []byte) bool
	)
	ok200 := func(status int, _ []byte) bool { return status == http.StatusOK }
	check = ok200
	t := w.t
	i := w.rng.IntN(len(t.ids))
	switch route {
	case routeState:
		method, path = http.MethodGet, "/v1/timelines/"+t.ids[i]+"/state?at="+stateAt
	case routeEvents:
		method, path = http.MethodGet, "/v1/timelines/"+t.ids[i]+"/events"
	case routeDeadline:
		windows := [...]string{"48 hours", "2 business days", "1 business day", "72 hours"}
		method, path = http.MethodPost, "/v1/deadlines"
		body = fmt.Appendf(nil, deadlineJSON, 1+w.rng.IntN(28), 8+w.rng.IntN(10), w.rng.IntN(60), windows[w.rng.IntN(len(windows))])
	case routeQuote:
		method, path = http.MethodPost, "/v1/quotes"
		body = fmt.Appendf(nil, quoteJSON, 20+w.rng.IntN(41))
	case routeAppend, routeRetry:
		a := ack{timeline: i}
		if route == routeRetry && len(w.acked) > 0 {
			a = w.acked[w.rng.IntN(len(w.acked))]
		} else {
			route = routeAppend
			a.seq = t.next[i].Add(1) - 1
		}
		method, path = http.MethodPost, "/v1/timelines/"+t.ids[a.timeline]+"/events"
		body = appendBody(a.seq)
		check = func(status int, b []byte) bool {
			if status != http.StatusOK {
				return false
			}
			if ok, _ := acknowledged(b, a.seq, route == routeRetry); !ok {
				return false
			}
			if route == routeAppend {
				w.acked = append(w.acked, a)
			}
			return true
		}
	default:
		panic("loadtest: unknown route " + route)
	}
	start := time.Now()
	status, b, err := w.do(method, path, body)
	elapsed := time.Since(start)
	good := err == nil && check(status, b)
	s := w.stat(route)
	if s == nil {
		return
	}
	switch {
	case err != nil:
		s.errors++
	default:
		s.status[status]++
		s.latencies = append(s.latencies, elapsed)
		if !good {
			s.unexpected++
		}
	}
}

// acknowledged reports whether an append's answer acknowledges seq as
// appended (or, for a retry, as a duplicate), and whether it could tell from
// the answer's first bytes as the service writes them, without decoding the
// state that follows (any other form is decoded).
func acknowledged(b []byte, seq int64, retry bool) (ok, fast bool) {
	q := strconv.FormatInt(seq, 10)
	want := `{"appended":[` + q + `],"duplicates":[]`
	if retry {
		want = `{"appended":[],"duplicates":[` + q + `]`
	}
	if bytes.HasPrefix(b, []byte(want)) {
		return true, true
	}
	var res struct{ Appended, Duplicates []int64 }
	if json.Unmarshal(b, &res) != nil {
		return false, false
	}
	got, none := res.Appended, res.Duplicates
	if retry {
		got, none = none, got
	}
	return len(got) == 1 && got[0] == seq && len(none) == 0, false
}

func appendBody(seq int64) []byte {
	return []byte(`[{"seq":` + strconv.FormatInt(seq, 10) + `,"at":"2027-03-09T10:00:00-05:00","kind":"follow_up_sent","to":"brand"}]`)
}

// do sends a request and reads its whole answer.
func (w *worker) do(method, path string, body []byte) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, w.t.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+w.t.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := w.t.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	w.buf.Reset()
	if _, err := w.buf.ReadFrom(res.Body); err != nil {
		return 0, nil, err
	}
	return res.StatusCode, w.buf.Bytes(), nil
}
