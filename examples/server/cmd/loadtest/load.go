package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/creatorops/creatorops/examples/server/internal/service"
	"github.com/creatorops/creatorops/examples/server/internal/store"
)

// Bounds of the flags, so that a mistyped value cannot exhaust the machine:
// every latency measured is kept (8 bytes each) until the phase's end, so
// 10 minutes at 10,000 requests/s keep 48 MB.
const (
	maxConns     = 1024
	maxTimelines = 100_000
	maxDuration  = 10 * time.Minute
)

// config is what the flags chose.
type config struct {
	phases    []string
	duration  time.Duration
	warmup    time.Duration
	conns     int
	timelines int
	url       string
	token     string
	data      string
	db        string
	json      bool
	seed      uint64
	profile   string
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	phases := fs.String("phases", "read,append,mixed", "the phases to run, in order: read, append, mixed")
	c := config{}
	fs.DurationVar(&c.duration, "duration", 10*time.Second, "how long each phase is measured")
	fs.DurationVar(&c.warmup, "warmup", 2*time.Second, "how long each phase runs before it is measured")
	fs.IntVar(&c.conns, "conns", 16, "concurrent requests (goroutines, each with its keep-alive connection)")
	fs.IntVar(&c.timelines, "timelines", 200, "timelines created before the phases, which the load reads and appends to")
	fs.StringVar(&c.url, "url", "", "a running server's base URL (http://127.0.0.1:8080); empty runs the service in process")
	fs.StringVar(&c.token, "token", "", "with -url: a workspace's token (go run . workspace create -name load -q)")
	fs.StringVar(&c.data, "data", "", "in process: the data directory; empty is a temporary directory, removed at the end")
	fs.StringVar(&c.db, "db", "", "in process: a PostgreSQL URL (postgres://...) to keep the data in, instead of SQLite")
	fs.BoolVar(&c.json, "json", false, "write the report as JSON")
	fs.Uint64Var(&c.seed, "seed", 1, "the seed of the requests' random choices")
	fs.StringVar(&c.profile, "cpuprofile", "", "write a CPU profile of the phases (client and, in process, the service) to this file")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	for _, p := range strings.Split(*phases, ",") {
		p = strings.TrimSpace(p)
		if _, ok := mixes[p]; !ok {
			return config{}, fmt.Errorf("-phases: unknown phase %q (want read, append, mixed)", p)
		}
		c.phases = append(c.phases, p)
	}
	switch {
	case c.duration <= 0 || c.duration > maxDuration:
		return config{}, fmt.Errorf("-duration: want more than 0 and at most %v, have %v", maxDuration, c.duration)
	case c.warmup < 0 || c.warmup > maxDuration:
		return config{}, fmt.Errorf("-warmup: want 0 to %v, have %v", maxDuration, c.warmup)
	case c.conns < 1 || c.conns > maxConns:
		return config{}, fmt.Errorf("-conns: want 1 to %d, have %d", maxConns, c.conns)
	case c.timelines < 1 || c.timelines > maxTimelines:
		return config{}, fmt.Errorf("-timelines: want 1 to %d, have %d", maxTimelines, c.timelines)
	case c.url != "" && c.token == "":
		return config{}, errors.New("-url needs -token, a token of the server's workspace")
	case c.url == "" && c.token != "":
		return config{}, errors.New("-token needs -url (in process, the load test makes its own workspace)")
	case c.url != "" && (c.data != "" || c.db != ""):
		return config{}, errors.New("-data and -db are for the in-process service; a running server has its own")
	case c.db != "" && c.data != "":
		return config{}, errors.New("-db and -data: the data is in PostgreSQL or in SQLite, not both")
	case c.db != "" && !service.IsPostgresURL(c.db):
		return config{}, fmt.Errorf("-db: want a postgres:// URL, have %q", service.Redact(c.db))
	}
	c.url = strings.TrimSuffix(c.url, "/")
	return c, nil
}

// load runs the phases and returns the report.
func load(ctx context.Context, c config, stderr io.Writer) (*Report, error) {
	rep := &Report{Conns: c.conns, Duration: c.duration.String(), Warmup: c.warmup.String(), Timelines: c.timelines,
		GOMAXPROCS: runtime.GOMAXPROCS(0), NumCPU: runtime.NumCPU(), LoadBefore: loadAverage()}
	t := &target{base: c.url, token: c.token}
	if c.url == "" {
		stop, err := inProcess(ctx, c, t, rep, stderr)
		if err != nil {
			return nil, err
		}
		defer stop()
	} else {
		rep.Target = c.url
	}
	transport := &http.Transport{
		Proxy:               nil, // loopback: never through a proxy
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        2 * c.conns,
		MaxIdleConnsPerHost: 2 * c.conns,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	defer transport.CloseIdleConnections()
	t.client = &http.Client{Transport: transport, Timeout: 30 * time.Second}

	if err := seed(ctx, t, c); err != nil {
		return nil, err
	}
	if c.profile != "" {
		f, err := os.Create(c.profile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	var acked []ack
	for i, name := range c.phases {
		ph, a := runPhase(ctx, t, name, c, c.seed+uint64(i)*1_000_003)
		rep.Phases = append(rep.Phases, ph)
		acked = append(acked, a...)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	ap, err := verify(ctx, t, acked)
	if err != nil {
		return nil, err
	}
	rep.Appends = ap
	rep.LoadAfter = loadAverage()
	return rep, nil
}

// inProcess builds the service as the server command does, serves it on a
// loopback port and creates the load's workspace; stop shuts it down.
func inProcess(ctx context.Context, c config, t *target, rep *Report, stderr io.Writer) (stop func(), err error) {
	dir := c.data
	if dir == "" && c.db == "" {
		if dir, err = os.MkdirTemp("", "creatorops-loadtest-"); err != nil {
			return nil, err
		}
	}
	cleanup := func() {
		if c.data == "" && c.db == "" {
			os.RemoveAll(dir)
		}
	}
	db, where := dir, "SQLite in "+dir
	if c.db != "" {
		db, where = c.db, "PostgreSQL at "+service.Redact(c.db)
	}
	// Warnings and errors only: the service logs a line per request at
	// info, which would measure the log rather than the service.
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc, err := service.Open(ctx, service.Options{DB: db, Logger: log})
	if err != nil {
		cleanup()
		return nil, err
	}
	token, hash := store.NewToken()
	if _, err := svc.Store.CreateWorkspace(ctx, "load test", hash); err != nil {
		svc.Close()
		cleanup()
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		svc.Close()
		cleanup()
		return nil, err
	}
	srv := &http.Server{Handler: svc.Handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.base, t.token = "http://"+ln.Addr().String(), token
	rep.Target = "in process, " + where
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		<-done
		svc.Close()
		cleanup()
	}, nil
}

// seed creates the timelines, conns at a time, under ids unique to this run
// (a running server may hold an earlier run's).
func seed(ctx context.Context, t *target, c config) error {
	run := strconv.FormatInt(time.Now().UnixNano(), 36)
	t.ids = make([]string, c.timelines)
	t.next = make([]atomic.Int64, c.timelines)
	for i := range t.ids {
		t.ids[i] = fmt.Sprintf("load-%s-%d", run, i)
		t.next[i].Store(firstSeq)
	}
	var next atomic.Int64
	errs := make(chan error, c.conns)
	var wg sync.WaitGroup
	for range min(c.conns, c.timelines) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{t: t}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(t.ids) || ctx.Err() != nil {
					return
				}
				body := fmt.Sprintf(`{"plan": %s, "events": %s}`, fmt.Sprintf(planJSON, t.ids[i]), seedEvents)
				status, b, err := w.do(http.MethodPost, "/v1/timelines", []byte(body))
				if err == nil && status != http.StatusCreated {
					err = fmt.Errorf("create timeline %s: %d %s", t.ids[i], status, b)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	return ctx.Err()
}

// runPhase runs a phase's traffic from c.conns goroutines: for c.warmup
// unmeasured, then for c.duration measured. It returns the phase's figures
// and the appends acknowledged (in the warm-up too).
func runPhase(ctx context.Context, t *target, name string, c config, seed uint64) (Phase, []ack) {
	mix := mixes[name]
	total := 0
	for _, m := range mix {
		total += m.weight
	}
	workers := make([]*worker, c.conns)
	start := time.Now()
	measure, end := start.Add(c.warmup), start.Add(c.warmup+c.duration)
	var wg sync.WaitGroup
	for i := range workers {
		w := &worker{t: t, rng: rand.New(rand.NewPCG(seed, uint64(i)))}
		workers[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				now := time.Now()
				if !now.Before(end) {
					return
				}
				if w.stats == nil && !now.Before(measure) {
					w.stats = map[string]*routeStats{}
				}
				pick := w.rng.IntN(total)
				for _, m := range mix {
					if pick < m.weight {
						w.one(m.route)
						break
					}
					pick -= m.weight
				}
			}
		}()
	}
	// The CPU time of the measured part: from the end of the warm-up to the
	// end of the phase (the warm-up's last requests overlap its start).
	var cpuStart time.Duration
	if d := time.Until(measure); d > 0 {
		select {
		case <-time.After(d):
		case <-ctx.Done():
		}
	}
	cpuStart = cpuTime()
	wg.Wait()
	elapsed := time.Since(measure)
	cpu := cpuTime() - cpuStart
	merged := map[string]*routeStats{}
	var acked []ack
	for _, w := range workers {
		for route, s := range w.stats {
			if merged[route] == nil {
				merged[route] = newRouteStats()
			}
			merged[route].merge(s)
		}
		acked = append(acked, w.acked...)
	}
	p := summarize(name, merged, mix, elapsed)
	if cpu > 0 && p.Requests > 0 {
		p.CPUSeconds = cpu.Seconds()
		p.CPUPerRequest = float64(cpu.Microseconds()) / 1000 / float64(p.Requests)
	}
	return p, acked
}

// verify reads every timeline's events back and counts the acknowledged
// appends that are stored.
func verify(ctx context.Context, t *target, acked []ack) (Appends, error) {
	want := make([][]int64, len(t.ids))
	for _, a := range acked {
		want[a.timeline] = append(want[a.timeline], a.seq)
	}
	ap := Appends{Acknowledged: len(acked)}
	w := &worker{t: t}
	for i, id := range t.ids {
		if len(want[i]) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return Appends{}, err
		}
		status, b, err := w.do(http.MethodGet, "/v1/timelines/"+id+"/events", nil)
		if err != nil {
			return Appends{}, fmt.Errorf("read back %s: %w", id, err)
		}
		if status != http.StatusOK {
			return Appends{}, fmt.Errorf("read back %s: %d %s", id, status, b)
		}
		var list struct {
			Events []struct {
				Seq int64 `json:"seq"`
			} `json:"events"`
		}
		if err := json.Unmarshal(b, &list); err != nil {
			return Appends{}, fmt.Errorf("read back %s: %w", id, err)
		}
		have := make(map[int64]bool, len(list.Events))
		for _, e := range list.Events {
			have[e.Seq] = true
		}
		for _, q := range want[i] {
			if have[q] {
				ap.Stored++
			} else {
				ap.Missing++
				if len(ap.MissingSample) < 10 {
					ap.MissingSample = append(ap.MissingSample, id+"#"+strconv.FormatInt(q, 10))
				}
			}
		}
	}
	return ap, nil
}

// loadAverage returns the machine's load averages (1, 5, 15 minutes) from
// /proc/loadavg, or "" where there is none.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
