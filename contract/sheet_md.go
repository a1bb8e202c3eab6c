package contract

import (
	"sort"
	"strconv"
	"strings"
)

// Markdown renders s as CommonMark (with a GitHub-style table for the
// timeline): the same sections, in the same order, as [Sheet.HTML], the
// timeline picture as a table of dates. Every text of s is escaped, so that
// "*", "_", "|", "<", "#" and the like print as themselves.
//
// Markdown checks s with [Sheet.Fit] first, like HTML: a sheet that does not
// fit on one printed page returns an error matching [ErrTooLong] and no text,
// so the two forms of a sheet always exist together or not at all.
func (s Sheet) Markdown() (string, error) {
	l, err := s.fitted()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	h := l.head
	b.WriteString("# " + mdEscape(h.campaign) + "\n\n")
	b.WriteString("**" + mdEscape(h.brand) + "** × **" + mdEscape(h.creator) + "**")
	if h.meta != "" {
		b.WriteString(" · " + mdEscape(h.meta))
	}
	b.WriteString(" · " + mdEscape(h.hashNote))
	if h.hashValue != "" {
		b.WriteString(" `" + h.hashValue + "`") // validated: "sha256:" and hex digits
	}
	b.WriteString("\n")

	if len(s.Milestones) > 0 {
		b.WriteString("\n## Timeline\n\n| Date | Milestone | Owner |\n| --- | --- | --- |\n")
		for _, m := range sortedMilestones(s.Milestones) {
			what := mdEscape(clean(m.Name))
			if m.Shifted {
				what += " (**moved**"
				if r := clean(m.Reason); r != "" {
					what += ": " + mdEscape(r)
				}
				what += ")"
			}
			b.WriteString("| " + mdEscape(milestoneWhen(m, true)) + " | " + what + " | " + m.Owner.String() + " |\n")
		}
	}

	for _, blk := range l.blocks {
		b.WriteString("\n## " + mdEscape(blk.title) + "\n\n")
		prev := -1 // 0 after a bullet, 1 after a numbered item
		for _, r := range blk.rows {
			if blk.prose {
				b.WriteString(mdLineStart(mdEscape(r.text)) + "\n")
				continue
			}
			kind, marker := 0, "- "
			if r.num > 0 {
				kind, marker = 1, strconv.Itoa(r.num)+". "
			}
			if prev >= 0 && prev != kind {
				b.WriteString("\n")
			}
			prev = kind
			b.WriteString(marker)
			switch {
			case r.label != "" && r.text != "":
				b.WriteString("**" + mdEscape(r.label) + ":** " + mdEscape(r.text))
			case r.label != "":
				b.WriteString("**" + mdEscape(r.label) + "**")
			default:
				b.WriteString(mdEscape(r.text))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n---\n\n*" + mdEscape(footer) + "*\n")
	return b.String(), nil
}

// sortedMilestones returns ms in the order of the timeline: by date and time,
// same-day dates in the order given.
func sortedMilestones(ms []SheetMilestone) []SheetMilestone {
	out := append([]SheetMilestone(nil), ms...)
	sort.SliceStable(out, func(i, j int) bool { return milestoneKey(out[i]) < milestoneKey(out[j]) })
	return out
}

// mdEscape returns s with a backslash before every character that Markdown
// could read as markup anywhere in a line: emphasis, code, links, images, HTML
// and entities, table cells, headings' closing hashes, strikethrough.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~#&!{}", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLineStart escapes what makes a line that starts a paragraph a list item,
// a quote or a rule: a leading "-", "+" or "=", or a number followed by "."
// or ")". The rest is already escaped by mdEscape.
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return "\\" + s
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}
