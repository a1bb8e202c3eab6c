package contract_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/contract/internal/sheetsample"
	"github.com/creatorops/creatorops/internal/problem"
	"github.com/rickb777/date"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSheetGolden(t *testing.T) {
	s := sheetsample.Typical()
	md, err := s.Markdown()
	require.NoError(t, err)
	golden(t, "sheet/typical.md", md)

	html, err := s.HTML()
	require.NoError(t, err)
	golden(t, "sheet/typical.html", html)

	svg, err := s.TimelineSVG()
	require.NoError(t, err)
	golden(t, "sheet/typical.svg", svg)
	assert.Contains(t, html, svg, "the page draws the same picture as TimelineSVG")
}

func TestSheetHTMLSelfContained(t *testing.T) {
	html, err := sheetsample.Typical().HTML()
	require.NoError(t, err)
	for _, want := range []string{
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		"@page { size: auto; margin: 36pt; }",
		"@media print",
		"break-inside: avoid",
		"@media screen and (max-width: 600px)",
		"<svg xmlns=\"http://www.w3.org/2000/svg\"",
		"Agreement <span class=\"hash\">sha256:9f2c4e8a",
		"Version 3 · Fri 19 Feb 2027",
	} {
		assert.Contains(t, html, want)
	}
	for _, banned := range []string{"<script", "<link", "<img", "@import", "url(", "https://", "@font-face"} {
		assert.NotContains(t, html, banned)
	}
	assert.Equal(t, 1, strings.Count(html, "http://"), "only the SVG namespace is a URL")
}

func TestSheetHTMLForPaper(t *testing.T) {
	s := sheetsample.Typical()
	for _, tc := range []struct {
		paper contract.Paper
		size  string
	}{
		{contract.PaperAny, "size: auto;"},
		{contract.PaperLetter, "size: letter;"},
		{contract.PaperA4, "size: A4;"},
	} {
		t.Run(tc.paper.String(), func(t *testing.T) {
			html, err := s.HTMLFor(tc.paper)
			require.NoError(t, err)
			assert.Contains(t, html, "@page { "+tc.size)
			p, err := contract.ParsePaper(strings.ToUpper(tc.paper.String()))
			require.NoError(t, err)
			assert.Equal(t, tc.paper, p)
		})
	}
	_, err := s.HTMLFor(contract.Paper(9))
	assert.ErrorIs(t, err, problem.ErrInvalid)
	_, err = contract.Sheet{}.Estimate(contract.PaperA4)
	assert.ErrorIs(t, err, problem.ErrInvalid, "Estimate validates")
	_, err = contract.ParsePaper("legal")
	var pe *problem.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, `contract: parse paper "legal": want letter, a4 or any`, err.Error())
}

// hostile is text that is markup in HTML, SVG, XML and Markdown.
const hostile = `<script>alert("x")</script> ]]> "q" 'a' & <b>*s*</b> | _u_ [l](javascript:x) #h` + "`c`"

// hostileSheet puts hostile text in every text field of a sheet.
func hostileSheet() contract.Sheet {
	h := hostile
	ny, _ := time.LoadLocation("America/New_York")
	s := contract.Sheet{
		Campaign: h, Brand: h, Creator: h, Version: h, Date: date.New(2027, 3, 1),
		Duties:      contract.SheetDuties{Deliverables: []contract.SheetDeliverable{{What: h, Details: h, Post: h}}, Response: h, Other: []string{h}},
		Commitments: contract.SheetCommitments{Response: h, Approval: h, Rounds: h, Shipping: h, Other: []string{h}},
		Approval:    contract.SheetApproval{Approved: h, Late: h, Rush: h},
		Posting:     contract.SheetPosting{Tag: h, Disclosure: h},
		Escalation:  contract.SheetEscalation{Rule: h, Contacts: []contract.SheetContact{{Name: h, Role: h, Reach: h, Hours: h}}},
		Payment:     contract.SheetPayment{Amount: h, Terms: h},
		QuietHours:  h, MetricSource: h,
		Glossary: []contract.SheetTerm{{Term: h, Meaning: h}},
		Milestones: []contract.SheetMilestone{
			{Name: h, Owner: contract.OwnerBrand, Date: date.New(2027, 3, 1)},
			{Name: h, Owner: contract.OwnerCreator, At: time.Date(2027, 3, 5, 12, 0, 0, 0, ny), Shifted: true, Reason: h},
		},
	}
	return s
}

func TestSheetHTMLEscapesHostileText(t *testing.T) {
	s := hostileSheet()
	require.NoError(t, s.Fit())
	html, err := s.HTML()
	require.NoError(t, err)
	svg, err := s.TimelineSVG()
	require.NoError(t, err)
	for name, out := range map[string]string{"html": html, "svg": svg} {
		t.Run(name, func(t *testing.T) {
			assert.NotContains(t, out, "<script")
			assert.NotContains(t, out, "</script")
			assert.NotContains(t, out, "]]>", "no CDATA end in the output")
			assert.NotContains(t, out, "<b>*s*")
			assert.NotContains(t, out, `"q"`)
			assert.Contains(t, out, "&lt;script&gt;")
			assert.Contains(t, out, "]]&gt;")
			assertOnlyOurTags(t, out)
		})
	}
	// The moved milestone's reason is in the SVG <title>, escaped.
	assert.Regexp(t, `<title>[^<]*moved\. &lt;script&gt;`, svg)
}

// ourTags are the elements the sheet's templates write.
var ourTags = map[string]bool{
	"!DOCTYPE": true, "html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"main": true, "header": true, "h1": true, "h2": true, "p": true, "b": true, "span": true, "figure": true,
	"div": true, "section": true, "ul": true, "li": true, "footer": true,
	"svg": true, "line": true, "g": true, "rect": true, "polygon": true, "circle": true, "text": true,
}

var tagRE = regexp.MustCompile(`<(/?)([!A-Za-z][A-Za-z0-9]*)`)

// assertOnlyOurTags checks that every "<" in out opens or closes one of the
// templates' elements.
func assertOnlyOurTags(t *testing.T, out string) {
	t.Helper()
	tags := tagRE.FindAllStringSubmatchIndex(out, -1)
	assert.Equal(t, strings.Count(out, "<"), len(tags), "every < starts a tag")
	for _, m := range tags {
		name := out[m[4]:m[5]]
		assert.True(t, ourTags[name], "unexpected element <%s>", name)
	}
}

// tagCounts counts the elements of out by name.
func tagCounts(out string) map[string]int {
	n := map[string]int{}
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		n[m[1]+m[2]]++
	}
	return n
}

func TestSheetHostileTextAddsNoElement(t *testing.T) {
	plain := hostileSheet()
	plainText := "plain words"
	replace(&plain, func(string) string { return plainText })
	a, err := hostileSheet().HTML()
	require.NoError(t, err)
	b, err := plain.HTML()
	require.NoError(t, err)
	assert.Equal(t, tagCounts(b), tagCounts(a))
}

// replace sets every text field of s to f(field).
func replace(s *contract.Sheet, f func(string) string) {
	for _, p := range []*string{&s.Campaign, &s.Brand, &s.Creator, &s.Version,
		&s.Duties.Response, &s.Commitments.Response, &s.Commitments.Approval, &s.Commitments.Rounds, &s.Commitments.Shipping,
		&s.Approval.Approved, &s.Approval.Late, &s.Approval.Rush,
		&s.Posting.Tag, &s.Posting.Disclosure, &s.Posting.KeepLive, &s.Posting.LiveCheck,
		&s.Escalation.Rule, &s.Payment.Amount, &s.Payment.Terms, &s.Payment.Trigger, &s.Payment.Invoice, &s.Payment.Rush,
		&s.QuietHours, &s.MetricSource} {
		if *p != "" {
			*p = f(*p)
		}
	}
	for _, l := range [][]string{s.Duties.Other, s.Commitments.Other, s.Approval.Other, s.Posting.Other} {
		for i := range l {
			l[i] = f(l[i])
		}
	}
	s.Duties.Deliverables = append([]contract.SheetDeliverable(nil), s.Duties.Deliverables...)
	for i := range s.Duties.Deliverables {
		d := &s.Duties.Deliverables[i]
		d.What, d.Details, d.Post = f(d.What), f(d.Details), f(d.Post)
	}
	s.Escalation.Contacts = append([]contract.SheetContact(nil), s.Escalation.Contacts...)
	for i := range s.Escalation.Contacts {
		c := &s.Escalation.Contacts[i]
		c.Name, c.Role, c.Reach, c.Hours = f(c.Name), f(c.Role), f(c.Reach), f(c.Hours)
	}
	s.Glossary = append([]contract.SheetTerm(nil), s.Glossary...)
	for i := range s.Glossary {
		s.Glossary[i] = contract.SheetTerm{Term: f(s.Glossary[i].Term), Meaning: f(s.Glossary[i].Meaning)}
	}
	s.Milestones = append([]contract.SheetMilestone(nil), s.Milestones...)
	for i := range s.Milestones {
		m := &s.Milestones[i]
		m.Name = f(m.Name)
		if m.Reason != "" {
			m.Reason = f(m.Reason)
		}
	}
}

func TestSheetMarkdownEscapes(t *testing.T) {
	s := contract.Sheet{
		Campaign: "Launch #1 *big*", Brand: "A|B", Creator: "_c_", Hash: "sha256:" + strings.Repeat("ab", 32),
		Posting:      contract.SheetPosting{Tag: "@x | <b>bold</b> [l](u) `code` ~s~ &amp; !"},
		QuietHours:   "1. not a list",
		MetricSource: "- not a bullet either",
		Milestones: []contract.SheetMilestone{
			{Name: "Post | moved", Owner: contract.OwnerCreator, Date: date.New(2027, 3, 17), Shifted: true, Reason: "a|b"},
		},
	}
	md, err := s.Markdown()
	require.NoError(t, err)
	lines := strings.Split(md, "\n")
	assert.Equal(t, `# Launch \#1 \*big\*`, lines[0])
	assert.Contains(t, md, `**A\|B** × **\_c\_** · Agreement `+"`sha256:"+strings.Repeat("ab", 32)+"`")
	assert.Contains(t, md, `- **Tag:** @x \| \<b\>bold\</b\> \[l\](u) \`+"`code\\`"+` \~s\~ \&amp; \!`)
	assert.Contains(t, md, "\n1\\. not a list\n")
	assert.Contains(t, md, "\n\\- not a bullet either\n")
	row := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "| Wed 17 Mar 2027") {
			row = l
		}
	}
	assert.Equal(t, `| Wed 17 Mar 2027 | Post \| moved (**moved**: a\|b) | creator |`, row)
	unescaped := regexp.MustCompile(`(^|[^\\])\|`).FindAllString(row, -1)
	assert.Len(t, unescaped, 4, "a row of three cells has four cell borders")
}

func TestSheetTooLong(t *testing.T) {
	over := sheetsample.Over()
	err := over.Fit()
	require.Error(t, err)
	assert.ErrorIs(t, err, contract.ErrTooLong)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	var tl *contract.SheetTooLongError
	require.ErrorAs(t, err, &tl)
	require.NotEmpty(t, tl.Overflows)
	assert.Equal(t, contract.PaperLetter, tl.Overflows[0].Paper)
	assert.Equal(t, 1, tl.Overflows[0].Over())
	assert.Contains(t, err.Error(), "contract: sheet does not fit on one page: letter: 1 line over")

	var ve *problem.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, len(tl.Overflows))
	assert.Equal(t, contract.CodeSheetTooLong, ve.Problems[0].Code)

	md, mdErr := over.Markdown()
	assert.Empty(t, md)
	assert.ErrorIs(t, mdErr, contract.ErrTooLong)
	for _, p := range []contract.Paper{contract.PaperAny, contract.PaperLetter, contract.PaperA4} {
		html, err := over.HTMLFor(p)
		assert.Empty(t, html)
		assert.ErrorIs(t, err, contract.ErrTooLong)
	}

	// The longest sample fits, on both papers.
	longest := sheetsample.Max()
	require.NoError(t, longest.Fit())
	for _, p := range []contract.Paper{contract.PaperLetter, contract.PaperA4} {
		e, err := longest.Estimate(p)
		require.NoError(t, err)
		assert.Zero(t, e.Over(), "%s", p)
		assert.LessOrEqual(t, e.Height, e.Room)
		assert.LessOrEqual(t, e.Lines, e.Capacity)
	}
}

func TestSheetTooLongNamesTheSections(t *testing.T) {
	s := sheetsample.Typical()
	for i := range 40 {
		s.Payment.Invoice += fmt.Sprintf(" requirement %d of a long list,", i)
	}
	s.Glossary = append(s.Glossary, s.Glossary...)
	err := s.Fit()
	var tl *contract.SheetTooLongError
	require.ErrorAs(t, err, &tl)
	require.Len(t, tl.Overflows, 2, "too long on Letter and on A4")
	assert.Equal(t, contract.PaperA4, tl.Overflows[1].Paper)
	var past []string
	for _, sec := range tl.Overflows[0].Sections {
		if sec.Past {
			past = append(past, sec.Name)
		}
	}
	assert.Contains(t, past, "Terms used")
	assert.Regexp(t, `^contract: sheet does not fit on one page: letter: \d+ lines over \(.*Terms used run past the end\); a4: \d+ lines over`, err.Error())
	assert.NotContains(t, err.Error(), "Footer", "the footer is named only when nothing else runs past")
}

// TestSheetFitMonotonic adds lines to sheets at random: once a sheet does not
// fit, no addition makes it fit.
func TestSheetFitMonotonic(t *testing.T) {
	adds := []func(s *contract.Sheet, i int){
		func(s *contract.Sheet, i int) {
			s.Duties.Other = append(s.Duties.Other, "Another duty "+strconv.Itoa(i))
		},
		func(s *contract.Sheet, i int) {
			s.Commitments.Other = append(s.Commitments.Other, "Another commitment that runs long enough to wrap onto a second line "+strconv.Itoa(i))
		},
		func(s *contract.Sheet, i int) { s.Approval.Other = append(s.Approval.Other, "x") },
		func(s *contract.Sheet, i int) { s.Posting.Other = append(s.Posting.Other, "Another posting rule") },
		func(s *contract.Sheet, i int) { s.Payment.Invoice += " and one more document" },
		func(s *contract.Sheet, i int) { s.QuietHours += " Another quiet-hours sentence." },
		func(s *contract.Sheet, i int) {
			s.Escalation.Contacts = append(s.Escalation.Contacts, contract.SheetContact{Name: "Contact " + strconv.Itoa(i)})
		},
		func(s *contract.Sheet, i int) {
			s.Glossary = append(s.Glossary, contract.SheetTerm{Term: "Term " + strconv.Itoa(i), Meaning: "what it means"})
		},
		func(s *contract.Sheet, i int) {
			s.Duties.Deliverables = append(s.Duties.Deliverables, contract.SheetDeliverable{What: "1 more post", Post: "a week later"})
		},
	}
	for seed := range uint64(20) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 9))
			s := sheetsample.Typical()
			rejectedAt := -1
			for i := 0; i < 200 && (rejectedAt < 0 || i < rejectedAt+30); i++ {
				adds[r.IntN(len(adds))](&s, i)
				err := s.Fit()
				if rejectedAt >= 0 {
					require.ErrorIs(t, err, contract.ErrTooLong, "step %d: a longer sheet fits again", i)
					continue
				}
				if err != nil {
					require.ErrorIs(t, err, contract.ErrTooLong)
					rejectedAt = i
				}
			}
			assert.GreaterOrEqual(t, rejectedAt, 0, "200 additions never made the sheet too long")
		})
	}
}

var (
	boxRE  = regexp.MustCompile(`<rect class="box" x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)"`)
	dotRE  = regexp.MustCompile(`<g class="label [^"]*">\s*<title>[^<]*</title>\s*<rect[^>]*>\s*(?:<circle cx="([-\d.]+)"|<polygon points="([-\d.]+),)`)
	viewRE = regexp.MustCompile(`viewBox="0 0 ([\d.]+) ([\d.]+)"`)
)

type box struct{ x, y, w, h float64 }

func (a box) overlaps(b box) bool {
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

// timelineNumbers renders the timeline of ms and returns its label boxes,
// its dots' x and its size, in drawing order (by date).
func timelineNumbers(t *testing.T, ms []contract.SheetMilestone) (boxes []box, dots []float64, w, h float64) {
	t.Helper()
	s := contract.Sheet{Campaign: "c", Brand: "b", Creator: "c", Milestones: ms}
	svg, err := s.TimelineSVG()
	require.NoError(t, err)
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	for _, m := range boxRE.FindAllStringSubmatch(svg, -1) {
		boxes = append(boxes, box{f(m[1]), f(m[2]), f(m[3]), f(m[4])})
	}
	for _, m := range dotRE.FindAllStringSubmatch(svg, -1) {
		dots = append(dots, f(m[1]+m[2]))
	}
	vb := viewRE.FindStringSubmatch(svg)
	require.NotNil(t, vb)
	return boxes, dots, f(vb[1]), f(vb[2])
}

func TestSheetTimelineLayout(t *testing.T) {
	d := func(day int) date.Date { return date.New(2027, 3, day) }
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	spread := func(n, every int) []contract.SheetMilestone {
		var ms []contract.SheetMilestone
		for i := range n {
			ms = append(ms, contract.SheetMilestone{Name: "Milestone number " + strconv.Itoa(i+1), Owner: contract.SheetOwner(i % 3), Date: d(1 + i*every)})
		}
		return ms
	}
	sameDay := []contract.SheetMilestone{
		{Name: "Draft", Owner: contract.OwnerCreator, Date: d(10)},
		{Name: "Compliance check", Owner: contract.OwnerBrand, Date: d(10)},
		{Name: "Final approval", Owner: contract.OwnerBrand, At: time.Date(2027, 3, 10, 15, 0, 0, 0, la)},
		{Name: "Post", Owner: contract.OwnerCreator, Date: d(10), Shifted: true, Reason: "late approval"},
		{Name: "Report", Owner: contract.OwnerCreator, Date: d(17)},
	}
	for _, tc := range []struct {
		name string
		ms   []contract.SheetMilestone
	}{
		{"one", spread(1, 1)},
		{"two", spread(2, 3)},
		{"fifteen", spread(15, 2)},
		{"fifteen in two days", spread(15, 0)},
		{"same day", sameDay},
		{"thirty", spread(contract.MaxSheetMilestones, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			boxes, dots, w, h := timelineNumbers(t, tc.ms)
			require.Len(t, boxes, len(tc.ms))
			require.Len(t, dots, len(tc.ms))
			for i, a := range boxes {
				assert.GreaterOrEqual(t, a.x, 0.0, "box %d", i)
				assert.LessOrEqual(t, a.x+a.w, w, "box %d", i)
				assert.GreaterOrEqual(t, a.y, 0.0, "box %d", i)
				assert.LessOrEqual(t, a.y+a.h, h, "box %d", i)
				for j, b := range boxes[:i] {
					assert.False(t, a.overlaps(b), "label %d %+v overlaps label %d %+v", i, a, j, b)
				}
			}
			assert.True(t, sort.Float64sAreSorted(dots), "dots in date order: %v", dots)
		})
	}

	t.Run("one is centred", func(t *testing.T) {
		_, dots, w, _ := timelineNumbers(t, spread(1, 1))
		assert.InDelta(t, w/2, dots[0], 0.1)
	})
	t.Run("proportional to the dates", func(t *testing.T) {
		ms := []contract.SheetMilestone{
			{Name: "a", Date: d(1)}, {Name: "b", Date: d(2)}, {Name: "c", Date: d(4)}, {Name: "d", Date: d(31)},
		}
		_, dots, _, _ := timelineNumbers(t, ms)
		unit := (dots[3] - dots[0]) / 30
		assert.InDelta(t, unit, dots[1]-dots[0], 0.15)
		assert.InDelta(t, 2*unit, dots[2]-dots[1], 0.15)
	})
	t.Run("same day, same place", func(t *testing.T) {
		boxes, dots, _, _ := timelineNumbers(t, sameDay)
		assert.Equal(t, dots[0], dots[1], "two dates of one day")
		assert.Less(t, dots[1], dots[3], "a date sits at noon, before 15:00")
		seen := map[[2]float64]bool{}
		for _, b := range boxes {
			assert.False(t, seen[[2]float64{b.x, b.y}], "two labels at %v, %v", b.x, b.y)
			seen[[2]float64{b.x, b.y}] = true
		}
	})
}

func TestSheetTimelineMovedDate(t *testing.T) {
	s := sheetsample.Typical()
	svg, err := s.TimelineSVG()
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(svg, `stroke-dasharray="2 1.5"/>`+"\n"+`<polygon`), "the moved post has a dashed box and a diamond")
	assert.Contains(t, svg, "<title>Post, Wed 17 Mar 12:00 PDT (creator): moved. It was planned for Mon 15 Mar 12:00 PDT;")
	html, err := s.HTML()
	require.NoError(t, err)
	assert.Contains(t, html, `<p class="note">Post moved to Wed 17 Mar 2027 12:00 PDT. It was planned for Mon 15 Mar`)

	none, err := contract.Sheet{Campaign: "c", Brand: "b", Creator: "c"}.TimelineSVG()
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestSheetValidate(t *testing.T) {
	ok := func() contract.Sheet { return contract.Sheet{Campaign: "c", Brand: "b", Creator: "k"} }
	for _, tc := range []struct {
		name  string
		edit  func(*contract.Sheet)
		path  string
		code  string
		parts int
	}{
		{"no campaign", func(s *contract.Sheet) { s.Campaign = " \n" }, "campaign", problem.CodeRequired, 1},
		{"bad hash", func(s *contract.Sheet) { s.Hash = "sha256:ABC" }, "hash", problem.CodeMalformed, 1},
		{"upper-case hash", func(s *contract.Sheet) { s.Hash = "sha256:" + strings.Repeat("AB", 32) }, "hash", problem.CodeMalformed, 1},
		{"long text", func(s *contract.Sheet) { s.QuietHours = strings.Repeat("x", 2001) }, "quiet_hours", problem.CodeTooLarge, 1},
		{"empty duty", func(s *contract.Sheet) { s.Duties.Other = []string{"a", ""} }, "duties.other[1]", problem.CodeRequired, 1},
		{"deliverable without what", func(s *contract.Sheet) {
			s.Duties.Deliverables = []contract.SheetDeliverable{{Post: "Mon"}}
		}, "duties.deliverables[0].what", problem.CodeRequired, 1},
		{"too many items", func(s *contract.Sheet) { s.Posting.Other = make([]string, 61) }, "posting.other", problem.CodeTooLarge, 1},
		{"contact without name", func(s *contract.Sheet) {
			s.Escalation.Contacts = []contract.SheetContact{{Role: "owner"}}
		}, "escalation.contacts[0].name", problem.CodeRequired, 1},
		{"term without meaning", func(s *contract.Sheet) { s.Glossary = []contract.SheetTerm{{Term: "CPM"}} }, "glossary[0].meaning", problem.CodeRequired, 1},
		{"milestone without date", func(s *contract.Sheet) {
			s.Milestones = []contract.SheetMilestone{{Name: "Post"}}
		}, "milestones[0].date", problem.CodeRequired, 1},
		{"milestone with date and instant", func(s *contract.Sheet) {
			s.Milestones = []contract.SheetMilestone{{Name: "Post", Date: date.New(2027, 1, 1), At: time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)}}
		}, "milestones[0].at", problem.CodeMismatch, 1},
		{"reason without shift", func(s *contract.Sheet) {
			s.Milestones = []contract.SheetMilestone{{Name: "Post", Date: date.New(2027, 1, 1), Reason: "why"}}
		}, "milestones[0].reason", problem.CodeMismatch, 1},
		{"bad owner", func(s *contract.Sheet) {
			s.Milestones = []contract.SheetMilestone{{Name: "Post", Date: date.New(2027, 1, 1), Owner: 7}}
		}, "milestones[0].owner", problem.CodeOutOfRange, 1},
		{"too many milestones", func(s *contract.Sheet) {
			s.Milestones = make([]contract.SheetMilestone, contract.MaxSheetMilestones+1)
		}, "milestones", problem.CodeTooLarge, 1},
		{"everything missing", func(s *contract.Sheet) { *s = contract.Sheet{} }, "campaign", problem.CodeRequired, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := ok()
			tc.edit(&s)
			err := s.Validate()
			var ve *problem.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, problem.ErrInvalid)
			require.Len(t, ve.Problems, tc.parts)
			assert.Equal(t, tc.path, ve.Problems[0].Path)
			assert.Equal(t, tc.code, ve.Problems[0].Code)
			// The renderers refuse it with the same error.
			_, herr := s.HTML()
			assert.Equal(t, err.Error(), herr.Error())
			_, merr := s.Markdown()
			assert.Equal(t, err.Error(), merr.Error())
			assert.Equal(t, err.Error(), s.Fit().Error())
		})
	}
	require.NoError(t, ok().Validate())
	require.NoError(t, sheetsample.Typical().Validate())
}

// TestSheetHugeInput: a sheet far too big is refused by its counts and
// sizes before any layout (a quadratic layout of 100,000 milestones would not
// finish).
func TestSheetHugeInput(t *testing.T) {
	s := contract.Sheet{Campaign: strings.Repeat("c", 1<<20), Brand: "b", Creator: "k"}
	s.Milestones = make([]contract.SheetMilestone, 100_000)
	for i := range s.Milestones {
		s.Milestones[i] = contract.SheetMilestone{Name: "m", Date: date.New(2027, 1, 1).Add(date.PeriodOfDays(i))}
	}
	s.Duties.Other = make([]string, 100_000)
	for _, f := range []func() error{
		s.Fit, s.Validate,
		func() error { _, err := s.HTML(); return err },
		func() error { _, err := s.Markdown(); return err },
		func() error { _, err := s.TimelineSVG(); return err },
		func() error { _, err := s.Estimate(contract.PaperLetter); return err },
	} {
		err := f()
		assert.ErrorIs(t, err, problem.ErrInvalid)
		assert.NotErrorIs(t, err, contract.ErrTooLong)
	}
	assert.Len(t, s.TermsUsed(), 0)
}

func TestSheetTermsUsed(t *testing.T) {
	terms := func(s contract.Sheet) []string {
		var out []string
		for _, g := range s.TermsUsed() {
			out = append(out, g.Term)
		}
		return out
	}
	assert.Equal(t, []string{"Business day", "Net N", "CPV", "Usage rights"}, terms(sheetsample.Typical()))
	s := contract.Sheet{Campaign: "c", Brand: "b", Creator: "k"}
	assert.Empty(t, terms(s))
	s.Payment.Amount = "2000.00 USD for 200,000 impressions (CPM 10.00); whitelisting for 3 months; 1 month exclusivity"
	s.QuietHours = "net revenue is not a term; nor is CPMX or the word 'business'"
	assert.Equal(t, []string{"CPM", "Whitelisting", "Exclusivity"}, terms(s))
	s.Glossary = []contract.SheetTerm{{Term: "CPA", Meaning: "a glossary entry is not a use"}}
	assert.Equal(t, []string{"CPM", "Whitelisting", "Exclusivity"}, terms(s))
}

func TestSheetOwnerText(t *testing.T) {
	for _, o := range []contract.SheetOwner{contract.OwnerBoth, contract.OwnerBrand, contract.OwnerCreator} {
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back contract.SheetOwner
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
	}
	_, err := contract.SheetOwner(3).MarshalText()
	assert.Error(t, err)
	var o contract.SheetOwner
	assert.Error(t, o.UnmarshalText([]byte("Brand")))
	assert.Equal(t, "SheetOwner(3)", contract.SheetOwner(3).String())
}

func TestSheetWhiteSpaceAndControls(t *testing.T) {
	s := contract.Sheet{Campaign: "Spring\n\tlaunch\x00\u200b  2027 ", Brand: "b", Creator: "k", QuietHours: "bad \xff byte"}
	md, err := s.Markdown()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(md, "# Spring launch 2027\n"), md)
	assert.Contains(t, md, "bad \uFFFD byte")
}

func TestSheetRenderersAreDeterministic(t *testing.T) {
	a, err := sheetsample.Max().HTML()
	require.NoError(t, err)
	for range 3 {
		b, err := sheetsample.Max().HTML()
		require.NoError(t, err)
		require.Equal(t, a, b)
	}
}

func ExampleSheet_Markdown() {
	s := contract.Sheet{
		Campaign: "Spring Glow launch",
		Brand:    "GlowCo",
		Creator:  "Mia Chen",
		Hash:     "sha256:9f2c4e8a1b7d3f60c5e9a2b4d8f1c3e7a6b0d2f4e8c1a3b5d7f9e0c2a4b6d8f1",
		Duties: contract.SheetDuties{
			Deliverables: []contract.SheetDeliverable{{What: "1 TikTok video, 20–35 s", Post: "Mon 15 Mar 2027"}},
			Response:     "within 2 business days",
		},
		Commitments: contract.SheetCommitments{Response: "within 1 business day", Approval: "48 hours for each round"},
		Payment:     contract.SheetPayment{Amount: "2500.00 USD", Terms: "Net 15", Trigger: "the later of the invoice and the live link"},
		QuietHours:  "No weekend approvals unless pre-scheduled.",
	}
	s.Glossary = s.TermsUsed()
	md, err := s.Markdown()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(md)
	// Output:
	// # Spring Glow launch
	//
	// **GlowCo** × **Mia Chen** · Agreement `sha256:9f2c4e8a1b7d3f60c5e9a2b4d8f1c3e7a6b0d2f4e8c1a3b5d7f9e0c2a4b6d8f1`
	//
	// ## What the creator does
	//
	// - **1 TikTok video, 20–35 s:** post Mon 15 Mar 2027
	// - **Replies:** within 2 business days
	//
	// ## What the brand commits to
	//
	// - **Replies:** within 1 business day
	// - **Approval windows:** 48 hours for each round
	//
	// ## Payment
	//
	// - **Amount:** 2500.00 USD
	// - **Terms:** Net 15
	// - **Paid after:** the later of the invoice and the live link
	//
	// ## Quiet hours
	//
	// No weekend approvals unless pre-scheduled.
	//
	// ## Terms used
	//
	// - **Business day:** a working day of the side that must act, in its own time zone; weekends and holidays do not count
	// - **Net N:** payment is due N calendar days after the payment trigger; Net 0 means on the trigger day
	//
	// ---
	//
	// *This sheet summarises the agreement between the parties above; where they differ, the signed agreement governs.*
}

func ExampleSheet_Fit() {
	s := contract.Sheet{Campaign: "Spring Glow launch", Brand: "GlowCo", Creator: "Mia Chen"}
	for i := range 55 {
		s.Duties.Other = append(s.Duties.Other, fmt.Sprintf("Duty number %d.", i+1))
	}
	err := s.Fit()
	fmt.Println(errors.Is(err, contract.ErrTooLong))
	fmt.Println(err)
	// Output:
	// true
	// contract: sheet does not fit on one page: letter: 7 lines over (What the creator does runs past the end); a4: 3 lines over (What the creator does runs past the end)
}

func BenchmarkSheetHTML(b *testing.B) {
	s := sheetsample.Typical()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}
