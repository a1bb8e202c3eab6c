package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"
)

// Report is the load test's result, as -json writes it.
type Report struct {
	Target     string  `json:"target"`
	Conns      int     `json:"conns"`
	Duration   string  `json:"duration"`
	Warmup     string  `json:"warmup"`
	Timelines  int     `json:"timelines"`
	GOMAXPROCS int     `json:"gomaxprocs"`
	NumCPU     int     `json:"num_cpu"`
	LoadBefore string  `json:"load_average_before,omitempty"`
	LoadAfter  string  `json:"load_average_after,omitempty"`
	Phases     []Phase `json:"phases"`
	Appends    Appends `json:"appends"`
}

// Phase is one phase's figures: over all its requests, and route by route.
type Phase struct {
	Name string `json:"name"`
	Figures
	// The process's CPU time (user and system) in the measured part, and per
	// request: in process, the client's and the service's together. Less
	// noisy than the rate on a shared machine: it counts the work, not the
	// time waited for a CPU.
	CPUSeconds    float64 `json:"cpu_seconds,omitempty"`
	CPUPerRequest float64 `json:"cpu_ms_per_request,omitempty"`
	Routes        []Route `json:"routes"`
}

// Route is one route's figures in a phase.
type Route struct {
	Route string `json:"route"`
	Figures
}

// Figures are the measured requests' count, rate and latencies (in
// milliseconds), and what went wrong.
type Figures struct {
	Requests   int            `json:"requests"`
	PerSecond  float64        `json:"requests_per_second"`
	P50        float64        `json:"p50_ms"`
	P90        float64        `json:"p90_ms"`
	P99        float64        `json:"p99_ms"`
	Max        float64        `json:"max_ms"`
	Status     map[string]int `json:"status"`
	Status5xx  int            `json:"status_5xx"`
	Errors     int            `json:"transport_errors"`
	Unexpected int            `json:"unexpected"` // answers other than the route's expected status and body
}

// Appends is the check of the acknowledged appends, read back at the end.
type Appends struct {
	Acknowledged  int      `json:"acknowledged"`
	Stored        int      `json:"stored"`
	Missing       int      `json:"missing"`
	MissingSample []string `json:"missing_sample,omitempty"` // timeline#seq, the first few
}

// OK reports whether the run had no 5xx, unexpected answer or transport
// error, and every acknowledged append is stored.
func (r *Report) OK() bool {
	for _, p := range r.Phases {
		if p.Status5xx > 0 || p.Errors > 0 || p.Unexpected > 0 {
			return false
		}
	}
	return r.Appends.Missing == 0 && r.Appends.Stored == r.Appends.Acknowledged
}

// summarize computes a phase's figures; the routes are in the mix's order.
func summarize(name string, stats map[string]*routeStats, mix []weighted, elapsed time.Duration) Phase {
	all := newRouteStats()
	p := Phase{Name: name}
	for _, m := range mix {
		s := stats[m.route]
		if s == nil {
			s = newRouteStats()
		}
		all.merge(s)
		p.Routes = append(p.Routes, Route{Route: m.route, Figures: figures(s, elapsed)})
	}
	p.Figures = figures(all, elapsed)
	return p
}

func figures(s *routeStats, elapsed time.Duration) Figures {
	f := Figures{Requests: len(s.latencies) + s.errors, Status: map[string]int{}, Errors: s.errors, Unexpected: s.unexpected}
	if elapsed > 0 {
		f.PerSecond = float64(f.Requests) / elapsed.Seconds()
	}
	for code, n := range s.status {
		f.Status[strconv.Itoa(code)] = n
		if code >= 500 {
			f.Status5xx += n
		}
	}
	if len(s.latencies) > 0 {
		l := slices.Clone(s.latencies)
		slices.Sort(l)
		f.P50, f.P90, f.P99 = ms(quantile(l, 0.50)), ms(quantile(l, 0.90)), ms(quantile(l, 0.99))
		f.Max = ms(l[len(l)-1])
	}
	return f
}

// quantile returns the q-quantile of sorted durations: the smallest one that
// at least q of them do not exceed.
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(float64(len(sorted))*q+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (r *Report) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func (r *Report) writeTable(w io.Writer) error {
	fmt.Fprintf(w, "target       %s\n", r.Target)
	fmt.Fprintf(w, "load         %d connections, %d timelines, each phase %s after %s of warm-up\n", r.Conns, r.Timelines, r.Duration, r.Warmup)
	fmt.Fprintf(w, "machine      %d CPUs, GOMAXPROCS %d, load average %s before, %s after\n\n", r.NumCPU, r.GOMAXPROCS, orNone(r.LoadBefore), orNone(r.LoadAfter))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// The phase and route columns read from the left: each cell padded to
	// one width (the table aligns every cell to the right).
	fmt.Fprintf(tw, "%-6s\t%-12s\trequests\treq/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\t5xx\terrors\tunexpected\tcpu ms/req\t\n", "phase", "route")
	row := func(phase, route string, f Figures, cpu string) {
		fmt.Fprintf(tw, "%-6s\t%-12s\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%s\t\n",
			phase, route, f.Requests, f.PerSecond, f.P50, f.P90, f.P99, f.Max, f.Status5xx, f.Errors, f.Unexpected, cpu)
	}
	for _, p := range r.Phases {
		for _, rt := range p.Routes {
			row(p.Name, rt.Route, rt.Figures, "")
		}
		cpu := "-"
		if p.CPUPerRequest > 0 {
			cpu = fmt.Sprintf("%.3f", p.CPUPerRequest)
		}
		row(p.Name, "all", p.Figures, cpu)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	a := r.Appends
	fmt.Fprintf(w, "\nappends      %d acknowledged, %d stored, %d missing", a.Acknowledged, a.Stored, a.Missing)
	if len(a.MissingSample) > 0 {
		fmt.Fprintf(w, " (%v)", a.MissingSample)
	}
	verdict := "OK: no 5xx, no unexpected answer, no transport error, every acknowledged append stored"
	if !r.OK() {
		verdict = "FAILED"
	}
	_, err := fmt.Fprintf(w, "\nresult       %s\n", verdict)
	return err
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
