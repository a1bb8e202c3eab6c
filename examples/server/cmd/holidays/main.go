// Command holidays prints a country's public holidays for a range of years as
// the holidays entries of a calendar spec (sla.CalendarSpec), to paste into
// one:
//
//	cd examples/server && go run ./cmd/holidays -country US -from 2027 -to 2028
//	{"holidays": [
//	  "2027-01-01",
//	  ...
//	  "2028-12-25"
//	]}
//
// With -names, one line per date with what it is ("2027-11-25  Thanksgiving
// Day"). The service also takes the same request inside a calendar, as
// "public_holidays": {"country": "US", "from": 2027, "to": 2028}.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/creatorops/creatorops/examples/server/internal/holidays"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "holidays:", err)
		}
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("holidays", flag.ContinueOnError)
	fs.SetOutput(stderr)
	country := fs.String("country", "", "the country: one of "+strings.Join(holidays.Countries(), ", "))
	from := fs.Int("from", 0, "the first year")
	to := fs.Int("to", 0, "the last year (default: -from)")
	names := fs.Bool("names", false, "print each date with its name instead of JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *to == 0 {
		*to = *from
	}
	hs, err := holidays.Expand(*country, *from, *to)
	if err != nil {
		var errs holidays.Errors
		if errors.As(err, &errs) {
			parts := make([]string, len(errs))
			for i, e := range errs {
				parts[i] = "-" + e.Field + ": " + e.Message
			}
			return errors.New(strings.Join(parts, "; "))
		}
		return err
	}
	if *names {
		for _, h := range hs {
			fmt.Fprintf(stdout, "%s  %s\n", h, h.Name)
		}
		return nil
	}
	var b strings.Builder
	b.WriteString(`{"holidays": [`)
	for i, e := range holidays.Entries(hs) {
		q, _ := json.Marshal(e)
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n  ")
		b.Write(q)
	}
	b.WriteString("\n]}\n")
	_, err = io.WriteString(stdout, b.String())
	return err
}
