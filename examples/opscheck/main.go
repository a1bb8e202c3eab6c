// Command opscheck prints the weekly creator-ops board, as a platform's cron job
// would: who is waiting on the brand, who on the creator, what is at risk, what is
// breached, what is done, and the operational metrics.
//
//	go run ./examples/opscheck                         # the sample beside it
//	go run ./examples/opscheck -now 2027-03-18T09:00:00-05:00 deliverables.json
//	go run ./examples/opscheck -json
//
// The input is a JSON array of {"plan": ..., "events": [...]}, read strictly by
// timeline.DecodeItems; deliverables.json is a realistic sample of a dozen
// deliverables of three brands and six creators.
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

//go:embed deliverables.json
var sample []byte

// defaultNow is the sample's Thursday-morning ops check.
const defaultNow = "2027-03-11T09:30:00-05:00"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "opscheck:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("opscheck", flag.ContinueOnError)
	nowFlag := fs.String("now", defaultNow, "the instant of the check, RFC 3339")
	asJSON := fs.Bool("json", false, "print the board as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	now, err := time.Parse(time.RFC3339, *nowFlag)
	if err != nil {
		return fmt.Errorf("-now: %w", err)
	}
	data := sample
	if fs.NArg() > 1 {
		return fmt.Errorf("want at most one file, have %d", fs.NArg())
	}
	if fs.NArg() == 1 {
		if data, err = os.ReadFile(fs.Arg(0)); err != nil {
			return err
		}
	}
	items, err := timeline.DecodeItems(data)
	if err != nil {
		return err
	}
	board := timeline.NewBoard(items, now)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(board)
	}
	printBoard(w, board)
	return nil
}

// printBoard prints each group's cards with the step that matters to the group
// (the brand's step among those waiting on the brand), each instant in its
// owner's zone.
func printBoard(w io.Writer, b timeline.Board) {
	const stamp = "Mon 2 Jan 15:04 MST"
	fmt.Fprintf(w, "Creator ops check, %s\n", b.Now.Format(stamp))
	groups := []struct {
		name  string
		party timeline.Party
		cards []timeline.Card
	}{
		{"Waiting on brand", timeline.Brand, b.WaitingOnBrand},
		{"Waiting on creator", timeline.Creator, b.WaitingOnCreator},
		{"At risk", "", b.AtRisk},
		{"Breached", "", b.Breached},
		{"Done", "", b.Done},
		{"Problems", "", b.Problems},
	}
	for _, g := range groups {
		if len(g.cards) == 0 && g.name == "Problems" {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", g.name, len(g.cards))
		for _, c := range g.cards {
			if c.Problem != "" && g.name == "Problems" {
				fmt.Fprintf(w, "  %-26s %s\n", c.Plan, c.Problem)
				continue
			}
			line := fmt.Sprintf("  %-24s", c.Plan)
			if o, ok := c.Worst(g.party); ok {
				line += fmt.Sprintf(" %-14s %-7s %-8s due %-20s", o.Step, o.Owner, o.Status, o.Due.Format(stamp))
			}
			post := "post " + c.Post.Format(stamp)
			if c.Shifted {
				post += " (moved)"
			}
			if c.Done {
				post = "paid and reported"
			}
			line += "  " + post
			if c.Actions > 0 {
				line += fmt.Sprintf("  [%d due]", c.Actions)
			}
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
	o := b.Ops
	fmt.Fprintf(w, "\nOperational metrics\n")
	if o.ApprovalTimes.N > 0 {
		fmt.Fprintf(w, "  brand approval time: mean %s, median %s over %d reviews\n",
			o.ApprovalTimes.Mean.Round(time.Minute), o.ApprovalTimes.Median.Round(time.Minute), o.ApprovalTimes.N)
	}
	fmt.Fprintf(w, "  feedback rounds per deliverable: %s\n", o.RevisionsPerDeliverable.StringFixed(2))
	rate := "no post due yet"
	if !o.OnTimeUndefined {
		rate = o.OnTimeRate.Shift(2).StringFixed(0) + "%"
	}
	fmt.Fprintf(w, "  on-time posting: %s (%d on time, %d late, %d pending)\n", rate, o.OnTime.OnTime, o.OnTime.Late, o.OnTime.Pending)
}
