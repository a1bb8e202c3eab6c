// Command sheetgen writes a sample expectations sheet to standard output, for
// the one-page check in a browser (.ci/onepage.sh):
//
//	go run ./contract/internal/sheetgen -paper letter|a4|any -sample good|moved|typical|max|over|toolong -format html|md|estimate
//
// "good" (the default) is the sheet of the package's sample agreement, filled
// by contract.Agreement.Sheet; "moved" the same after a late approval moved
// a post (contract.Agreement.SheetAt); "typical" a hand-written sheet with a moved
// post date; "max" the longest sheet grown from it that the page estimate
// accepts, "over" one line longer (it fails with the estimate's error);
// "toolong" the too-long sample agreement's sheet (it fails too). -format
// estimate prints the page estimate of each paper instead of the sheet.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/contract/internal/sheetsample"
)

func main() {
	paper := flag.String("paper", "any", "paper size in the print stylesheet: letter, a4 or any")
	sample := flag.String("sample", "good", "sample sheet: good, moved, typical, max, over or toolong")
	format := flag.String("format", "html", "output: html, md or estimate")
	flag.Parse()
	if err := run(*paper, *sample, *format); err != nil {
		fmt.Fprintln(os.Stderr, "sheetgen:", err)
		os.Exit(1)
	}
}

func run(paper, sample, format string) error {
	p, err := contract.ParsePaper(paper)
	if err != nil {
		return err
	}
	var s contract.Sheet
	switch sample {
	case "good":
		s = sheetsample.Good()
	case "moved":
		s = sheetsample.Moved()
	case "toolong":
		s = sheetsample.TooLong()
	case "typical":
		s = sheetsample.Typical()
	case "max":
		s = sheetsample.Max()
	case "over":
		s = sheetsample.Over()
	default:
		return fmt.Errorf("unknown sample %q: want good, moved, typical, max, over or toolong", sample)
	}
	var out string
	switch format {
	case "html":
		out, err = s.HTMLFor(p)
	case "md":
		out, err = s.Markdown()
	case "estimate":
		for _, p := range []contract.Paper{contract.PaperLetter, contract.PaperA4} {
			e, err := s.Estimate(p)
			if err != nil {
				return err
			}
			out += fmt.Sprintf("%s: %d of %d lines (%.1f of %.1f pt), over %d\n", p, e.Lines, e.Capacity, e.Height, e.Room, e.Over())
			for _, sec := range e.Sections {
				out += fmt.Sprintf("  %-24s column %2d  %3d lines  past %v\n", sec.Name, sec.Column, sec.Lines, sec.Past)
			}
		}
	default:
		return fmt.Errorf("unknown format %q: want html, md or estimate", format)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Print(out)
	return err
}
