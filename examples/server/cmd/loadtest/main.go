// Command loadtest drives the reference service on loopback from many
// goroutines with mixed traffic (deadlines, quotes, event appends, state
// reads) and reports the requests per second and the latency percentiles of
// each route and phase, the 5xx answers and transport errors (there must be
// none), and whether every append the service acknowledged is stored.
//
//	cd examples/server && go run ./cmd/loadtest                     # in process, on SQLite in a temporary directory
//	go run ./cmd/loadtest -phases read -duration 10s -conns 32
//	go run ./cmd/loadtest -db postgres://user:password@localhost:5432/db  # in process, on PostgreSQL
//	go run ./cmd/loadtest -url http://127.0.0.1:8080 -token "$TOKEN" # a running server
//
// By default it builds the service in process exactly as the server command
// does (internal/service), on SQLite in a temporary directory or, with -db, on
// PostgreSQL, serves it on a loopback port and creates a workspace; with -url it drives a running server with the workspace token
// given by -token. Either way it first creates -timelines timelines (the
// README's plan with four events) and then runs each phase for -warmup
// (not measured) and -duration:
//
//   - read: state reads, deadlines, quotes;
//   - append: one event per request, to timelines picked at random;
//   - mixed: the reads, event lists, appends and retries of acknowledged
//     appends (answered as duplicates).
//
// Each goroutine (-conns of them) sends one request at a time over a
// keep-alive connection. At the end every timeline's events are read back and
// each acknowledged append must be among them. The exit status is 1 when any
// answer was a 5xx or unexpected, a request failed, or an acknowledged append
// is missing.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
		}
		os.Exit(2)
	}
	if !rep.OK() {
		os.Exit(1)
	}
}

// run parses the flags, runs the load and writes the report to stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (*Report, error) {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return nil, err
	}
	rep, err := load(ctx, cfg, stderr)
	if err != nil {
		return nil, err
	}
	if cfg.json {
		return rep, rep.writeJSON(stdout)
	}
	return rep, rep.writeTable(stdout)
}
