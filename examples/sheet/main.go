// Command sheet renders a brand–creator agreement's one-page expectations
// sheet, runs its pre-signing checklist, or writes its onboarding message:
//
//	go run ./examples/sheet                                  # the sample's sheet, Markdown
//	go run ./examples/sheet -format html good.json >sheet.html
//	go run ./examples/sheet -format html -paper a4 good.json # pin the paper (letter, a4)
//	go run ./examples/sheet -check vague.json                # the checklist's findings
//	go run ./examples/sheet -onboarding -format text         # the onboarding message
//
// With no file it uses the built-in sample agreement (contract.SampleAgreement),
// the same as good.json beside this file; vague.json is a deliberately vague
// agreement that trips most of the checklist. Edit either and pass it.
//
// Output goes to standard output, errors to standard error. The exit code is 0
// on success; 1 when -check finds a blocker or the sheet does not fit on one
// page (contract.ErrTooLong); 2 for bad usage or input the agreement decoder
// rejects, with every problem on its own line at its JSON path.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/creatorops/creatorops/contract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // a blocker, or a sheet too long for one page
	exitBadArgs = 2 // bad usage or bad input
)

// run is the command with its arguments and streams, for tests; it returns
// the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sheet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "md", "output format: md or html for the sheet; md or text for -onboarding")
	paper := fs.String("paper", "any", "paper of the HTML print stylesheet: any, letter or a4")
	check := fs.Bool("check", false, "print the checklist's findings instead of the sheet; exit 1 on a blocker")
	onboarding := fs.Bool("onboarding", false, "print the onboarding message instead of the sheet")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sheet [-format md|html|text] [-paper any|letter|a4] [-check | -onboarding] [agreement.json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitBadArgs
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "sheet: "+format+"\n", a...)
		return code
	}
	if fs.NArg() > 1 {
		return fail(exitBadArgs, "want at most one agreement file, have %d", fs.NArg())
	}
	if *check && *onboarding {
		return fail(exitBadArgs, "-check and -onboarding do not go together")
	}
	a, code := load(fs.Args(), stderr)
	if code != exitOK {
		return code
	}

	switch {
	case *check:
		fs := contract.Check(a)
		fs.Sort()
		counts := map[contract.Severity]int{}
		for _, f := range fs {
			fmt.Fprintln(stdout, f.String())
			counts[f.Severity]++
		}
		fmt.Fprintf(stdout, "%d blockers, %d warnings, %d notes\n", counts[contract.Blocker], counts[contract.Warning], counts[contract.Note])
		if counts[contract.Blocker] > 0 {
			return exitFailed
		}
		return exitOK

	case *onboarding:
		md, text := contract.Onboarding(a)
		switch *format {
		case "md":
			fmt.Fprint(stdout, md)
		case "text":
			fmt.Fprint(stdout, text)
		default:
			return fail(exitBadArgs, "-onboarding: unknown format %q: want md or text", *format)
		}
		return exitOK
	}

	p, err := contract.ParsePaper(*paper)
	if err != nil {
		return fail(exitBadArgs, "-paper: %v", err)
	}
	if *format != "md" && *format != "html" {
		return fail(exitBadArgs, "unknown format %q: want md or html", *format)
	}
	s, err := a.Sheet()
	if err != nil {
		return problems(stderr, err)
	}
	var out string
	if *format == "md" {
		out, err = s.Markdown()
	} else {
		out, err = s.HTMLFor(p)
	}
	switch {
	case errors.Is(err, contract.ErrTooLong):
		return fail(exitFailed, "%v", err)
	case err != nil:
		return problems(stderr, err)
	}
	fmt.Fprint(stdout, out)
	return exitOK
}

// load reads the agreement file named in args, or returns the built-in
// sample.
func load(args []string, stderr io.Writer) (contract.Agreement, int) {
	if len(args) == 0 {
		return contract.SampleAgreement(), exitOK
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return contract.Agreement{}, exitBadArgs
	}
	a, err := contract.DecodeAgreement(data)
	if err != nil {
		fmt.Fprintf(stderr, "sheet: %s does not decode:\n", args[0])
		return contract.Agreement{}, problems(stderr, err)
	}
	return a, exitOK
}

// problems prints every problem of err, one a line with its JSON path, and
// returns the bad-input exit code.
func problems(stderr io.Writer, err error) int {
	var v *contract.ValidationError
	if !errors.As(err, &v) {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return exitBadArgs
	}
	for _, p := range v.Problems {
		path := p.Path
		if path == "" {
			path = "(top level)"
		}
		fmt.Fprintf(stderr, "  %s: %s (%s)\n", path, p.Message, p.Code)
	}
	return exitBadArgs
}
