// Package sheetsample holds sample expectations sheets for the sheet's tests,
// its golden files and the one-page check in a browser (.ci/onepage.sh): the
// sheet of the package's sample agreement (Good) and the same with a post
// moved by a late approval (Moved), a hand-written typical sheet
// with a moved post date (Typical), the longest sheet that still fits one page
// (Max, grown from Typical: the page estimate's calibration), and the too-long
// sample agreement's sheet (TooLong).
package sheetsample

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/sla/timeline"
	"github.com/rickb777/date"
)

// toolongJSON is contract/testdata/toolong.json (a test data file of package
// contract, copied here because embed cannot reach outside this directory;
// TestTooLongIsThePackages keeps the two equal).
//
//go:embed toolong.json
var toolongJSON []byte

// Good returns the sheet of the package's sample agreement
// (contract.SampleAgreement), filled by contract.Agreement.Sheet: the sheet a
// real agreement gives. Each call returns a new sheet.
func Good() contract.Sheet {
	s, err := contract.SampleAgreement().Sheet()
	if err != nil {
		panic("sheetsample: the sample agreement has no sheet: " + err.Error())
	}
	return s
}

// Moved returns the sample agreement's sheet as things stand after the
// TikTok video's final approval came 2 business days late (Tue 9 Mar 17:00
// EST instead of Fri 5 Mar 17:00): the post moved, with the engine's reason
// under the picture (contract.Agreement.SheetAt).
func Moved() contract.Sheet {
	a := contract.SampleAgreement()
	p, err := a.Plan(0)
	if err != nil {
		panic("sheetsample: " + err.Error())
	}
	tl, err := timeline.Compile(p)
	if err != nil {
		panic("sheetsample: " + err.Error())
	}
	kinds := map[timeline.Step][]timeline.Kind{
		timeline.StepShip:          {timeline.ProductShipped, timeline.ProductReceived},
		timeline.StepConcept:       {timeline.ConceptSubmitted},
		timeline.StepConceptReview: {timeline.ConceptApproved},
		timeline.StepCompliance:    {timeline.ComplianceChecked},
		timeline.StepDraft:         {timeline.DraftSubmitted},
	}
	var events []timeline.Event
	for _, m := range tl.Schedule() {
		for _, k := range kinds[m.Step] {
			events = append(events, timeline.Event{Seq: int64(len(events) + 1), At: m.Due, Kind: k})
		}
	}
	approved := time.Date(2027, 3, 9, 17, 0, 0, 0, mustZone("America/New_York"))
	events = append(events, timeline.Event{Seq: int64(len(events) + 1), At: approved, Kind: timeline.Approved})
	st, err := tl.State(events, approved.Add(time.Hour))
	if err != nil {
		panic("sheetsample: " + err.Error())
	}
	s, err := a.SheetAt(st)
	if err != nil {
		panic("sheetsample: " + err.Error())
	}
	return s
}

// TooLong returns the sheet of the too-long sample agreement (12
// deliverables, long compliance lists): it fills, and it does not fit one
// page.
func TooLong() contract.Sheet {
	a, err := contract.DecodeAgreement(toolongJSON)
	if err != nil {
		panic("sheetsample: toolong.json does not decode: " + err.Error())
	}
	s, err := a.Sheet()
	if err != nil {
		panic("sheetsample: the too-long agreement has no sheet: " + err.Error())
	}
	return s
}

// Typical returns the sheet of a typical agreement: GlowCo and Mia Chen, one
// TikTok video and three story frames, the module's default service terms,
// and the post date moved two days by a late final approval (the worked
// example of DESIGN.md). Each call returns a new sheet.
func Typical() contract.Sheet {
	ny := mustZone("America/New_York")
	la := mustZone("America/Los_Angeles")
	s := contract.Sheet{
		Campaign: "Spring Glow launch",
		Brand:    "GlowCo",
		Creator:  "Mia Chen (@miamakes)",
		Version:  "3",
		Date:     date.New(2027, 2, 19),
		Hash:     "sha256:9f2c4e8a1b7d3f60c5e9a2b4d8f1c3e7a6b0d2f4e8c1a3b5d7f9e0c2a4b6d8f1",
		Duties: contract.SheetDuties{
			Deliverables: []contract.SheetDeliverable{
				{What: "1 TikTok video, 20–35 s", Details: "hook in the first 2 s, the serum shown on skin, link in bio", Post: "Wed 17 Mar 2027, 12:00 PT"},
				{What: "3 Instagram story frames", Details: "link sticker to the tracked URL on frame 2", Post: "the same day as the video"},
			},
			Response: "within 2 business days (Mon–Fri 10:00–18:00 PT)",
			Other: []string{
				"Send a concept outline (hook and structure, not a script) by Fri 26 Feb.",
				"Send the draft by Mon 8 Mar, 10:00 PT.",
				"Share the live link and posting time within 2 hours of posting.",
				"Send analytics screenshots or exports 7 and 30 days after posting.",
			},
		},
		Commitments: contract.SheetCommitments{
			Response: "within 1 business day (Mon–Fri 09:00–17:00 ET)",
			Approval: "48 hours for each round; weekends do not count",
			Rounds:   "1 concept round and 1 edit round, one consolidated feedback doc each, notes marked must-fix (legal, safety, facts) or nice-to-have; extra rounds 300.00 USD each",
			Shipping: "2 bottles of Glow Serum ship by Wed 24 Feb, with tracking",
			Other:    []string{"Confirm that the tracking links work within 2 hours of the post."},
		},
		Approval: contract.SheetApproval{
			Approved: "a written “approved” from the brand owner in the feedback doc; silence is not approval",
			Late:     "the post date moves so that the creator keeps the 26 working hours promised between final approval and posting; a late draft does not move it",
			Rush:     "only when both sides confirm in writing; 25% rush fee",
		},
		Posting: contract.SheetPosting{
			Tag:        "@glowco in the caption and on screen",
			Disclosure: "“#ad” at the start of the caption, plus the platform's Paid partnership label",
			KeepLive:   "90 days",
			LiveCheck:  "the brand checks tag, link and disclosure within 2 hours",
		},
		Escalation: contract.SheetEscalation{
			Rule: "no reply after 2 follow-ups 1 business day apart: go to the next contact; the waiting step's window restarts",
			Contacts: []contract.SheetContact{
				{Name: "Dana Ruiz", Role: "brand owner", Reach: "dana@glowco.example", Hours: "Mon–Fri 09:00–17:00 ET"},
				{Name: "Sam Lee", Role: "brand backup", Reach: "sam@glowco.example"},
				{Name: "Priya Nair", Role: "brand manager (escalation)", Reach: "priya@glowco.example, +1 212 555 0142"},
				{Name: "Jo Park", Role: "creator's manager", Reach: "jo@parktalent.example", Hours: "Mon–Fri 10:00–18:00 PT"},
			},
		},
		Payment: contract.SheetPayment{
			Amount:  "3250.00 USD: the video 2500.00, 3 months of paid usage rights 750.00",
			Terms:   "Net 15",
			Trigger: "the later of the invoice and the live link",
			Invoice: "PO number GLOW-0142 and a W-9, sent to ap@glowco.example",
			Rush:    "Net 0 for a 3% fee",
		},
		QuietHours:   "No weekend approvals unless pre-scheduled. No messages to the creator 21:00–08:00 PT.",
		MetricSource: "Views, reach and impressions are the platform's native analytics, sent as screenshots or exports within 7 days of posting and again at 30 days. The brand computes CPV on the total cost.",
		Milestones: []contract.SheetMilestone{
			{Name: "Kickoff", Owner: contract.OwnerBoth, Date: date.New(2027, 2, 22)},
			{Name: "Product ships", Owner: contract.OwnerBrand, Date: date.New(2027, 2, 24)},
			{Name: "Concept outline", Owner: contract.OwnerCreator, Date: date.New(2027, 2, 26)},
			{Name: "Concept approved", Owner: contract.OwnerBrand, Date: date.New(2027, 3, 2)},
			{Name: "Draft", Owner: contract.OwnerCreator, At: time.Date(2027, 3, 8, 10, 0, 0, 0, la)},
			{Name: "Final approval", Owner: contract.OwnerBrand, At: time.Date(2027, 3, 10, 13, 0, 0, 0, ny)},
			{Name: "Post", Owner: contract.OwnerCreator, At: time.Date(2027, 3, 17, 12, 0, 0, 0, la), Shifted: true,
				Reason: "It was planned for Mon 15 Mar 12:00 PDT; final approval was due Wed 10 Mar 13:00 EST and came Fri 12 Mar 13:00 EST, 2 business days late."},
			{Name: "Report (7 days)", Owner: contract.OwnerCreator, Date: date.New(2027, 3, 24)},
			{Name: "Payment due", Owner: contract.OwnerBrand, Date: date.New(2027, 4, 1)},
			{Name: "Report (30 days)", Owner: contract.OwnerCreator, Date: date.New(2027, 4, 16)},
		},
	}
	s.Glossary = s.TermsUsed()
	return s
}

// Grow returns s with n more list items, one line each, spread in turn over
// what the creator does, what the brand commits to, the timeline section and
// posting.
func Grow(s contract.Sheet, n int) contract.Sheet {
	s.Duties.Other = append([]string(nil), s.Duties.Other...)
	s.Commitments.Other = append([]string(nil), s.Commitments.Other...)
	s.Approval.Other = append([]string(nil), s.Approval.Other...)
	s.Posting.Other = append([]string(nil), s.Posting.Other...)
	for i := range n {
		item := fmt.Sprintf("Extra item %d: show the label to the camera.", i+1)
		switch i % 4 {
		case 0:
			s.Duties.Other = append(s.Duties.Other, item)
		case 1:
			s.Commitments.Other = append(s.Commitments.Other, item)
		case 2:
			s.Approval.Other = append(s.Approval.Other, item)
		default:
			s.Posting.Other = append(s.Posting.Other, item)
		}
	}
	return s
}

// MaxItems returns the most items [Grow] adds to s before the sheet no
// longer fits one page, by [contract.Sheet.Fit]; -1 when s itself does not
// fit.
func MaxItems(s contract.Sheet) int {
	n := -1
	for Grow(s, n+1).Fit() == nil {
		n++
	}
	return n
}

// Max returns the typical sheet grown to the longest that still fits one
// page, and Over the same sheet one line longer, which does not.
func Max() contract.Sheet { return Grow(Typical(), MaxItems(Typical())) }

// Over returns [Max] with one more item: the shortest grown sheet that does
// not fit.
func Over() contract.Sheet { return Grow(Typical(), MaxItems(Typical())+1) }

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}
