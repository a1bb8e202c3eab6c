package contract

import (
	"fmt"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Campaign is the agreements of one campaign, one or more per creator.
type Campaign struct {
	Agreements []Agreement `json:"agreements"`
}

// The decision rule's thresholds: a campaign with more creators than
// SheetCreators, or a creator with more deliverables than
// SheetDeliverablesPerCreator, needs the one-page expectations sheet.
const (
	SheetCreators               = 3
	SheetDeliverablesPerCreator = 2
)

// NeedsSheet is the decision rule: a campaign with more than 3 creators, or
// with more than 2 deliverables for any one creator, needs a one-page
// expectations sheet (an SLA every creator reads).
func NeedsSheet(creators, maxDeliverablesPerCreator int) bool {
	return creators > SheetCreators || maxDeliverablesPerCreator > SheetDeliverablesPerCreator
}

// Creators returns the number of distinct creators (by name and handle,
// ignoring case and surrounding space) and the most deliverables any one of
// them has across the campaign's agreements. A deliverable counts once
// whatever its count of units: "3 story frames with link sticker" is one
// deliverable.
func (c Campaign) Creators() (creators, maxDeliverables int) {
	per := make(map[string]int, len(c.Agreements))
	for _, a := range c.Agreements {
		k := creatorKey(a.Creator)
		per[k] += len(a.Deliverables)
		maxDeliverables = max(maxDeliverables, per[k])
	}
	return len(per), maxDeliverables
}

func creatorKey(p Party) string {
	return strings.ToLower(strings.TrimSpace(p.Name)) + "\x00" + strings.ToLower(strings.TrimSpace(p.Handle))
}

// NeedsSheet reports whether the campaign needs the one-page expectations
// sheet, by [NeedsSheet].
func (c Campaign) NeedsSheet() bool { return NeedsSheet(c.Creators()) }

// Check runs the checklist of every agreement, with paths under
// "agreements[i]", and the campaign-level checks: the decision rule
// ([CodeSheetRequired] when the campaign needs the expectations sheet) and
// one engagement-rate definition for every creator ([CodeDefinitionMismatch]
// at each agreement that defines it differently from the first that defines
// it). The findings are sorted.
func (c Campaign) Check() Findings {
	var fs Findings
	for i, a := range c.Agreements {
		base := problem.Index("agreements", i)
		for _, f := range Check(a) {
			f.Path = problem.JoinPath(base, f.Path)
			fs = append(fs, f)
		}
	}
	creators, most := c.Creators()
	if NeedsSheet(creators, most) {
		var why []string
		if creators > SheetCreators {
			why = append(why, fmt.Sprintf("%d creators (more than %d)", creators, SheetCreators))
		}
		if most > SheetDeliverablesPerCreator {
			why = append(why, fmt.Sprintf("up to %d deliverables for one creator (more than %d)", most, SheetDeliverablesPerCreator))
		}
		fs = append(fs, Finding{Code: CodeSheetRequired, Severity: CodeSeverity(CodeSheetRequired),
			Message: "The campaign has " + strings.Join(why, " and ") + ": write the one-page expectations sheet and send it to every creator."})
	}
	first := -1
	for i, a := range c.Agreements {
		d := a.Reporting.EngagementRate
		switch {
		case d.IsZero():
		case first < 0:
			first = i
		case d != c.Agreements[first].Reporting.EngagementRate:
			fs = append(fs, Finding{Code: CodeDefinitionMismatch, Severity: CodeSeverity(CodeDefinitionMismatch),
				Path: problem.Index("agreements", i) + ".reporting.engagement_rate",
				Message: fmt.Sprintf("Engagement rate is %s here but %s in agreements[%d]: pick one definition for every creator, or the rates cannot be compared.",
					problem.Quote(d.String()), problem.Quote(c.Agreements[first].Reporting.EngagementRate.String()), first)})
		}
	}
	fs.Sort()
	return fs
}
