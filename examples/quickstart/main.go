// Command quickstart is the main job of creatorops, end to end: one brand–creator
// campaign from its deadlines to its price and its report.
//
//	go run ./examples/quickstart
//
// Each section lives in its own file: clock.go (service-level deadlines across two
// time zones), timeline.go (a deliverable whose approval comes late, and the weekly
// ops board), pricing.go (the quote) and metrics.go (the report).
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	for _, section := range []func(io.Writer) error{clockSection, timelineSection, pricingSection, metricsSection} {
		if err := section(w); err != nil {
			return err
		}
	}
	return nil
}
