package contract_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creatorops/creatorops/contract"
	"github.com/rickb777/date"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzSheetText puts fuzzed text in every text field of a sheet (between two
// letters, so that no field is empty) and checks that rendering never panics
// or fails but for a sheet too long; that the HTML has the same elements as
// the sheet with every field "axa" (the text adds none) and no raw markup of
// the text; that every "<" of the Markdown is escaped; and that the output is
// deterministic (Markdown rendered twice, the HTML drawing the same picture
// as TimelineSVG).
func FuzzSheetText(f *testing.F) {
	for _, seed := range []string{
		"", "x", hostile, "<script>alert(1)</script>", "]]>", `"'&<>`, "a|b*c_d[e](f)", "\n\t\r\x00",
		"\xff\xfe", "👩🏽‍💻 ünïcödé 中文", "&lt;b&gt;", "<!--", "--><svg onload=x>", "{{.Campaign}}",
		strings.Repeat("W", 300), strings.Repeat("word ", 100),
	} {
		f.Add(seed, uint8(0))
	}
	var want [3]map[string]int // the elements of the plain sheet, by owner
	for o := range want {
		base := fuzzSheet(contract.SheetOwner(o))
		replace(&base, func(string) string { return "axa" })
		html, err := base.HTML()
		require.NoError(f, err)
		want[o] = tagCounts(html[strings.Index(html, "</style>"):])
	}
	f.Fuzz(func(t *testing.T, text string, owner uint8) {
		if len(text) > 600 {
			return
		}
		o := contract.SheetOwner(owner % 3)
		s := fuzzSheet(o)
		replace(&s, func(string) string { return "a" + text + "a" })

		html, err := s.HTML()
		if err != nil {
			require.True(t, errors.Is(err, contract.ErrTooLong), "HTML: %v", err)
			_, merr := s.Markdown()
			require.ErrorIs(t, merr, contract.ErrTooLong)
			return
		}
		body := html[strings.Index(html, "</style>"):] // the head is the same for every sheet
		got := map[string]int{}
		for _, m := range tagRE.FindAllStringSubmatchIndex(body, -1) {
			got[body[m[2]:m[5]]]++
			if strings.Contains(text, "<") {
				require.NotContains(t, text, body[m[0]:min(len(body), m[0]+20)], "raw markup of the text in the output")
			}
		}
		require.Equal(t, want[o], got, "the text added or removed elements")
		assert.True(t, utf8.ValidString(html))
		svg, err := s.TimelineSVG()
		require.NoError(t, err)
		require.Contains(t, html, svg)

		md, err := s.Markdown()
		require.NoError(t, err)
		md2, err := s.Markdown()
		require.NoError(t, err)
		require.Equal(t, md, md2, "Markdown is deterministic")
		for i := strings.IndexByte(md, '<'); i >= 0; i = nextIndex(md, '<', i) {
			require.True(t, i > 0 && md[i-1] == '\\', "unescaped < at %d in Markdown", i)
		}
	})
}

func nextIndex(s string, c byte, after int) int {
	j := strings.IndexByte(s[after+1:], c)
	if j < 0 {
		return -1
	}
	return after + 1 + j
}

// fuzzSheet is a small sheet with one of every field.
func fuzzSheet(owner contract.SheetOwner) contract.Sheet {
	x := "x"
	return contract.Sheet{
		Campaign: x, Brand: x, Creator: x, Version: x, Date: date.New(2027, 3, 1),
		Hash:        "sha256:" + strings.Repeat("0f", 32),
		Duties:      contract.SheetDuties{Deliverables: []contract.SheetDeliverable{{What: x, Details: x, Post: x}}, Response: x, Other: []string{x}},
		Commitments: contract.SheetCommitments{Response: x, Approval: x, Rounds: x, Shipping: x, Other: []string{x}},
		Approval:    contract.SheetApproval{Approved: x, Late: x, Rush: x, Other: []string{x}},
		Posting:     contract.SheetPosting{Tag: x, Disclosure: x, KeepLive: x, LiveCheck: x},
		Escalation:  contract.SheetEscalation{Rule: x, Contacts: []contract.SheetContact{{Name: x, Role: x, Reach: x, Hours: x}}},
		Payment:     contract.SheetPayment{Amount: x, Terms: x, Trigger: x, Invoice: x, Rush: x},
		QuietHours:  x, MetricSource: x,
		Glossary: []contract.SheetTerm{{Term: x, Meaning: x}},
		Milestones: []contract.SheetMilestone{
			{Name: x, Owner: owner, Date: date.New(2027, 3, 2)},
			{Name: x, Owner: contract.OwnerCreator, At: time.Date(2027, 3, 9, 12, 0, 0, 0, time.UTC), Shifted: true, Reason: x},
			{Name: x, Owner: contract.OwnerBrand, Date: date.New(2027, 3, 9)},
		},
	}
}
