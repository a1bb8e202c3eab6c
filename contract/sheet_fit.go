package contract

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/creatorops/creatorops/internal/problem"
)

// Paper is the paper a sheet is printed on. The zero Paper is PaperAny: the
// printer's own paper, which the sheet fits whether it is Letter or A4.
type Paper uint8

const (
	// PaperAny prints on the printer's paper (CSS "@page { size: auto }").
	PaperAny Paper = iota
	// PaperLetter is US Letter, 8.5 × 11 in.
	PaperLetter
	// PaperA4 is ISO A4, 210 × 297 mm.
	PaperA4
)

var paperNames = [...]string{PaperAny: "any", PaperLetter: "letter", PaperA4: "a4"}

// String returns "any", "letter" or "a4", or "Paper(n)" for an invalid value.
func (p Paper) String() string {
	if int(p) < len(paperNames) {
		return paperNames[p]
	}
	return "Paper(" + strconv.Itoa(int(p)) + ")"
}

// ParsePaper reads "any", "letter" or "a4", in any case.
func ParsePaper(s string) (Paper, error) {
	for i, n := range paperNames {
		if strings.EqualFold(s, n) {
			return Paper(i), nil
		}
	}
	return 0, problem.NewParseError(sheetPkg, problem.ParseError{What: "paper", Input: s, Reason: "want letter, a4 or any"})
}

// The printed page, in points (1/72 in). The print stylesheet is made from
// these numbers (templates/print.css), and the page estimate adds them up, so
// the two cannot drift apart. Vertical sizes are whole CSS pixels (0.75 pt),
// which Chrome lays out without rounding.
const (
	pageMargin = 36.0 // every side: 0.5 in

	bodySize = 9.0   // body text
	bodyLine = 11.25 // 15 px
	itemGap  = 1.5   // between list items or paragraphs: 2 px

	titleSize = 15.0  // the campaign
	titleLine = 18.0  // 24 px
	partySize = 10.0  // "Brand × Creator"
	partyLine = 12.75 // 17 px
	metaSize  = 7.5   // version, date, hash
	metaLine  = 9.75  // 13 px
	headRule  = 0.75  // the rule under the header
	headPad   = 3.75  // above the rule: 5 px
	headGap   = 6.0   // below the rule

	figGap      = 6.0  // below the timeline picture and its notes
	noteSize    = 7.5  // the notes under the picture (a moved date's reason)
	noteLine    = 9.75 // 13 px
	columnGap   = 16.0 // between the two columns
	h2Size      = 9.5  // section titles
	h2Line      = 12.0
	h2Pad       = 0.75 // between a title and its rule: 1 px
	h2Rule      = 0.75 // 1 px: Chrome rounds a thinner border up to a whole pixel
	h2Gap       = 2.25 // below the rule: 3 px
	sectionGap  = 6.0  // between sections of a column
	footGap     = 6.0  // above the footer
	footSize    = 7.0
	footLine    = 9.0
	svgWidth    = 540.0 // the timeline's viewBox width: Letter's text width, so 1 unit is about 1 pt
	widthMargin = 1.03  // the estimate takes every text 3% wider than the font's advance widths

	// pageReserve is kept free at the bottom of the page, for what the
	// estimate cannot foresee: a browser's rounding, another version's
	// line breaking. One body line.
	pageReserve = bodyLine
)

// footer is the sheet's last line.
const footer = "This sheet summarises the agreement between the parties above; where they differ, the signed agreement governs."

// pageSize returns the width and height of paper p in points.
func pageSize(p Paper) (w, h float64) {
	if p == PaperA4 {
		return 595.2756, 841.8898 // 210 × 297 mm
	}
	return 612, 792
}

// Advance widths of Arial, in thousandths of an em, for the characters from
// ' ' (U+0020) to '~' (U+007E): the font stack is Arial, Helvetica, Liberation
// Sans and Arimo, which share these metrics. Read once from
// LiberationSans-Regular.ttf and LiberationSans-Bold.ttf (fonts-liberation
// 1:1.07.4, hmtx table); not to be edited by hand.
var (
	arialRegular = [95]uint16{
		278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
	}
	arialBold = [95]uint16{
		278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
	}
)

// A face is the font a span is set in.
type face uint8

const (
	regular face = iota
	bold
	mono // Liberation Mono, Courier New, Cousine: every character 0.6 em
)

// runeWidth returns the advance of r in thousandths of an em. Beyond ASCII it
// is an upper bound: dashes and quotes as Arial has them, other Latin, Greek
// and Cyrillic letters as wide as an 'M', everything else (CJK, emoji, symbols
// from fallback fonts) 1.2 em.
func runeWidth(r rune, f face) float64 {
	switch {
	case f == mono && r < 0x0530 && !unicode.Is(unicode.Mn, r):
		return 600
	case r >= ' ' && r <= '~':
		if f == bold {
			return float64(arialBold[r-' '])
		}
		return float64(arialRegular[r-' '])
	case r == '–', r == '€', r == '£', r == '¥', r == '·', r == '•', r == '×':
		return 584
	case r == '—', r == '…', r == '→':
		return 1000
	case r == '‘', r == '’', r == '“', r == '”':
		return 500
	case unicode.Is(unicode.Mn, r):
		return 0
	case r < 0x0530: // Latin-1, Latin Extended, IPA, Greek, Cyrillic
		return 833
	}
	return 1200
}

// textWidth returns the width of s in points at size pt.
func textWidth(s string, size float64, f face) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r, f)
	}
	return w * size / 1000 * widthMargin
}

// A span is text in one face, for the line count.
type span struct {
	text string
	face face
}

// wrapLines returns how many lines the spans take in a box width pt wide at
// size pt, breaking at spaces as a browser does, and inside a word only when
// the word alone is wider than the line (CSS overflow-wrap: anywhere). A
// browser finds at least these break opportunities (it may also break after a
// hyphen or between CJK characters), so it never needs more lines than this.
// Empty text takes no line.
func wrapLines(spans []span, size, width float64) int {
	scale := size / 1000 * widthMargin
	lines, x := 0, 0.0
	pendingSpace := 0.0
	for _, sp := range spans {
		rest := sp.text
		for rest != "" {
			if rest[0] == ' ' {
				if lines > 0 {
					pendingSpace = runeWidth(' ', sp.face) * scale
				}
				rest = rest[1:]
				continue
			}
			word := rest
			if i := strings.IndexByte(rest, ' '); i >= 0 {
				word = rest[:i]
			}
			rest = rest[len(word):]
			ww := 0.0
			for _, r := range word {
				ww += runeWidth(r, sp.face) * scale
			}
			switch {
			case lines == 0:
				lines = 1
			case x+pendingSpace+ww <= width:
				x += pendingSpace + ww
				pendingSpace = 0
				continue
			case x > 0:
				lines++
				x = 0
			}
			pendingSpace = 0
			if x+ww <= width {
				x += ww
				continue
			}
			// A word wider than the line breaks between characters.
			for _, r := range word {
				cw := runeWidth(r, sp.face) * scale
				if x+cw > width && x > 0 {
					lines++
					x = 0
				}
				x += cw
			}
		}
	}
	return lines
}

// SheetEstimate is the page estimate of a sheet on one paper, in body lines
// (11.25 pt, one line of 9 pt text): how many the printed sheet takes at most
// and how many the page holds.
type SheetEstimate struct {
	Paper  Paper
	Height float64 // points the printed sheet takes at most: the header, the picture, the taller column and the footer
	Room   float64 // points of the page inside its margins, less one body line kept free

	Lines    int // Height in body lines, rounded up
	Capacity int // Room in body lines, rounded down

	// Sections are the sections of the sheet with the lines each takes, in
	// reading order; Column says which column it is in (0 left, 1 right).
	// "Header" and "Timeline" (column -1) are above the columns, "Footer"
	// below them.
	Sections []SectionEstimate
}

// Over returns how many body lines the sheet is past the page (its overflow
// rounded up), or 0 when it fits.
func (e SheetEstimate) Over() int {
	if e.Height <= e.Room {
		return 0
	}
	return int(math.Ceil((e.Height - e.Room) / bodyLine))
}

// SectionEstimate is one section's share of a [SheetEstimate].
type SectionEstimate struct {
	Name   string // the section's title: "Payment"
	Column int    // 0 left, 1 right, -1 full width
	Lines  int    // its height in body lines, rounded up
	Past   bool   // reports whether the section ends past the bottom of the page
}

// ErrTooLong reports a sheet that does not fit on one printed page, Letter or
// A4. Errors that match it are *[SheetTooLongError]s; they also match the
// module's shared ErrInvalid.
var ErrTooLong = errors.New("contract: sheet does not fit on one page")

// CodeSheetTooLong is the stable code of a sheet too long for one page, as a
// field problem of a *ValidationError.
const CodeSheetTooLong = "sheet_too_long"

// SheetTooLongError is a sheet that does not fit on one printed page: for
// each paper it overflows, how many body lines over it is and which sections
// run past the bottom of the page. Its message reads
//
//	contract: sheet does not fit on one page: letter: 6 lines over (Payment, Terms used run past the end); a4: 2 lines over (Terms used runs past the end)
//
// It matches [ErrTooLong] and the module's ErrInvalid, and reads (errors.As)
// as a *ValidationError with one problem (code [CodeSheetTooLong]) per paper.
type SheetTooLongError struct {
	Overflows []SheetEstimate // one per paper that overflows: Letter, then A4
}

// Error names the overflow of each paper.
func (e *SheetTooLongError) Error() string {
	return ErrTooLong.Error() + ": " + e.message()
}

func (e *SheetTooLongError) message() string {
	parts := make([]string, len(e.Overflows))
	for i, o := range e.Overflows {
		parts[i] = overflowText(o)
	}
	return strings.Join(parts, "; ")
}

func overflowText(o SheetEstimate) string {
	var past []string
	footer := false
	for _, s := range o.Sections {
		switch {
		case !s.Past:
		case s.Name == "Footer":
			footer = true
		default:
			past = append(past, s.Name)
		}
	}
	if len(past) == 0 && footer {
		past = append(past, "Footer")
	}
	t := o.Paper.String() + ": " + strconv.Itoa(o.Over()) + " line"
	if o.Over() != 1 {
		t += "s"
	}
	t += " over"
	switch len(past) {
	case 0:
	case 1:
		t += " (" + past[0] + " runs past the end)"
	default:
		t += " (" + strings.Join(past, ", ") + " run past the end)"
	}
	return t
}

// Unwrap returns ErrTooLong and problem.ErrInvalid.
func (e *SheetTooLongError) Unwrap() []error { return []error{ErrTooLong, problem.ErrInvalid} }

// As reads the error as a *problem.ValidationError, one problem per paper.
func (e *SheetTooLongError) As(target any) bool {
	t, ok := target.(**problem.ValidationError)
	if !ok {
		return false
	}
	ps := make([]*problem.FieldError, len(e.Overflows))
	for i, o := range e.Overflows {
		ps[i] = problem.NewFieldError(sheetPkg, "", CodeSheetTooLong, "does not fit on one page: "+overflowText(o), ErrTooLong, problem.ErrInvalid)
	}
	*t = problem.NewValidationError(sheetPkg, "sheet", ps).(*problem.ValidationError)
	return true
}

// Fit reports whether s prints on one page of Letter and of A4 paper: nil
// when it does, a *[SheetTooLongError] (matching [ErrTooLong]) naming the
// overflow when it does not, or the problems of [Sheet.Validate]. The
// renderers call it first, so [Sheet.HTML] and [Sheet.Markdown] never return a
// sheet that would spill onto a second page.
//
// The check is an estimate, made to err on the long side: it adds up the
// print stylesheet's boxes, wrapping every text with Arial's advance widths
// taken 3% wider and breaking lines only at spaces. A sheet it accepts prints
// on one page in Chromium with the font stack's fonts (Arial, Helvetica,
// Liberation Sans or Arimo); a machine with none of them falls back to a wider
// sans-serif, which may not fit.
func (s Sheet) Fit() error {
	_, err := s.fitted()
	return err
}

// fitted validates s and returns its layout, or the error of Fit.
func (s Sheet) fitted() (sheetLayout, error) {
	if err := s.Validate(); err != nil {
		return sheetLayout{}, err
	}
	l := s.layout()
	return l, l.fit()
}

// Estimate returns the page estimate of s on paper p (PaperAny is estimated
// as Letter), whether or not the sheet fits, or the problems of
// [Sheet.Validate].
func (s Sheet) Estimate(p Paper) (SheetEstimate, error) {
	if err := s.Validate(); err != nil {
		return SheetEstimate{}, err
	}
	if p == PaperAny {
		p = PaperLetter
	}
	return s.layout().estimate(p), nil
}

// A sheetLayout is what the renderers and the estimate share: the header, the
// timeline picture, and the sections split into two columns.
type sheetLayout struct {
	head     header
	timeline timeline
	notes    []string // under the picture: "Post moved to Wed 17 Mar 2027 12:00 PDT. reason"
	blocks   []block
	split    int        // blocks[:split] are the left column
	measures [2]measure // on Letter and on A4
}

// A measure is the height of every part of a sheet printed on one paper.
type measure struct {
	paper                  Paper
	room                   float64 // inside the margins, less the reserve
	header, figure, footer float64
	blocks                 []float64 // each section at the column width
}

// fixed returns the height of what is not in the columns.
func (m measure) fixed() float64 { return m.header + m.figure + m.footer }

// height returns the height of the sheet with its sections split at k.
func (m measure) height(k int) float64 {
	return m.fixed() + max(columnHeight(m.blocks[:k]), columnHeight(m.blocks[k:]))
}

func (l sheetLayout) measure(p Paper) measure {
	pw, ph := pageSize(p)
	width, col := pw-2*pageMargin, columnWidth(pw)
	m := measure{
		paper: p, room: ph - 2*pageMargin - pageReserve,
		header: l.head.height(width), figure: l.figureHeight(width), footer: footerHeight(width),
		blocks: make([]float64, len(l.blocks)),
	}
	for i, b := range l.blocks {
		m.blocks[i] = blockHeight(b, col)
	}
	return m
}

func (s Sheet) layout() sheetLayout {
	l := sheetLayout{head: s.header(), timeline: layoutTimeline(s.Milestones), blocks: s.blocks()}
	for _, m := range s.Milestones {
		if m.Shifted {
			note := clean(m.Name) + " moved to " + milestoneWhen(m, true) + "."
			if r := clean(m.Reason); r != "" {
				note += " " + r
			}
			l.notes = append(l.notes, note)
		}
	}
	l.measures = [2]measure{l.measure(PaperLetter), l.measure(PaperA4)}
	l.split = l.balance()
	return l
}

// balance returns the split of the sections into a left and a right column,
// in reading order, that leaves the most room on the tighter of Letter and A4
// (each measured at its own column width); of equal splits, the one with the
// longer left column. One split serves both papers, and since adding text
// never shortens a column, it never makes a sheet that did not fit fit.
func (l sheetLayout) balance() int {
	best, bestOver := 0, math.Inf(1)
	for k := 0; k <= len(l.blocks); k++ {
		over := math.Inf(-1)
		for _, m := range l.measures {
			over = max(over, m.height(k)-m.room)
		}
		if over <= bestOver {
			best, bestOver = k, over
		}
	}
	return best
}

func footerHeight(width float64) float64 {
	return footGap + float64(wrapLines([]span{{text: footer}}, footSize, width))*footLine
}

func columnWidth(pageW float64) float64 { return (pageW - 2*pageMargin - columnGap) / 2 }

// columnHeight returns the height of sections of heights hs stacked in a
// column.
func columnHeight(hs []float64) float64 {
	h := 0.0
	for i, x := range hs {
		if i > 0 {
			h += sectionGap
		}
		h += x
	}
	return h
}

// blockHeight returns the height of one section in a column width pt wide.
func blockHeight(b block, width float64) float64 {
	h := float64(wrapLines([]span{{text: b.title, face: bold}}, h2Size, width))*h2Line + h2Pad + h2Rule + h2Gap
	for i, r := range b.rows {
		if i > 0 {
			h += itemGap
		}
		h += float64(max(1, wrapLines(r.spans(), bodySize, width))) * bodyLine
	}
	return h
}

// spans returns the row as printed: "Label: text", the label bold.
func (r row) spans() []span {
	if r.label == "" {
		return []span{{text: r.text}}
	}
	label := r.label
	if r.num > 0 {
		label = strconv.Itoa(r.num) + ". " + label
	}
	if r.text == "" {
		return []span{{text: label, face: bold}}
	}
	return []span{{text: label + ":", face: bold}, {text: " " + r.text}}
}

// headerHeight returns the height of the header in a page width pt wide.
func (h header) height(width float64) float64 {
	y := float64(wrapLines([]span{{text: h.campaign, face: bold}}, titleSize, width)) * titleLine
	y += float64(wrapLines(h.partySpans(), partySize, width)) * partyLine
	y += float64(wrapLines(h.metaSpans(), metaSize, width)) * metaLine
	return y + headPad + headRule + headGap
}

func (h header) partySpans() []span {
	return []span{{text: h.brand, face: bold}, {text: " × "}, {text: h.creator, face: bold}}
}

// metaSpans returns "Version 3 · Mon 1 Mar 2027 · Agreement sha256:…", the
// hash in the monospace face.
func (h header) metaSpans() []span {
	var out []span
	if h.meta != "" {
		out = append(out, span{text: h.meta + " · "})
	}
	if h.hashValue == "" {
		return append(out, span{text: h.hashNote})
	}
	return append(out, span{text: h.hashNote + " "}, span{text: h.hashValue, face: mono})
}

func (l sheetLayout) estimate(p Paper) SheetEstimate {
	m := l.measures[0]
	if p == PaperA4 {
		m = l.measures[1]
	}
	e := SheetEstimate{Paper: p}
	add := func(name string, column int, h, bottom float64) {
		e.Sections = append(e.Sections, SectionEstimate{
			Name: name, Column: column, Lines: int(math.Ceil(h / bodyLine)), Past: bottom > m.room,
		})
	}
	y := m.header
	add("Header", -1, m.header, y)
	if m.figure > 0 {
		y += m.figure
		add("Timeline", -1, m.figure, y)
	}
	bottom := y
	for c, blocks := range [][]block{l.blocks[:l.split], l.blocks[l.split:]} {
		cy := y
		for i, b := range blocks {
			if i > 0 {
				cy += sectionGap
			}
			h := m.blocks[i+c*l.split]
			add(b.title, c, h, cy+h)
			cy += h
		}
		bottom = max(bottom, cy)
	}
	bottom += m.footer
	add("Footer", -1, m.footer, bottom)
	e.Height, e.Room = bottom, m.room
	e.Lines = int(math.Ceil(bottom / bodyLine))
	e.Capacity = int(math.Floor(m.room / bodyLine))
	return e
}

// figureHeight returns the height of the timeline picture and its notes in
// a page width pt wide, or 0 when there is no picture.
func (l sheetLayout) figureHeight(width float64) float64 {
	if len(l.timeline.items) == 0 {
		return 0
	}
	// The picture scales to the text width; Chrome may round its height up
	// to a whole pixel.
	h := l.timeline.height*width/svgWidth + 0.75
	for _, n := range l.notes {
		h += float64(wrapLines([]span{{text: n}}, noteSize, width)) * noteLine
	}
	return h + figGap
}

// fit returns nil, or the overflow on Letter and A4.
func (l sheetLayout) fit() error {
	var over []SheetEstimate
	for _, m := range l.measures {
		if m.height(l.split) > m.room {
			over = append(over, l.estimate(m.paper))
		}
	}
	if len(over) == 0 {
		return nil
	}
	return &SheetTooLongError{Overflows: over}
}
