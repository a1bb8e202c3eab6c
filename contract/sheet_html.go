package contract

import (
	"embed"
	"html/template"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/creatorops/creatorops/internal/problem"
)

//go:embed templates
var templateFiles embed.FS

// sheetTemplates are the HTML page and the timeline picture; printCSS is the
// print stylesheet, filled with the page constants. Both are parsed once and
// are safe for concurrent use.
var (
	sheetTemplates = template.Must(template.ParseFS(templateFiles, "templates/sheet.html.tmpl", "templates/timeline.svg.tmpl"))
	printCSS       = texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/print.css"))
	screenCSS      = mustRead("templates/sheet.css")
)

func mustRead(name string) string {
	b, err := templateFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// HTML renders s as a self-contained HTML page: inline CSS, an inline SVG
// timeline, no external fonts, scripts or images. It reads on a phone (one
// column under 600 px) and prints on one page of the printer's paper, Letter
// or A4 (CSS "@page { size: auto }"). Every text of s is escaped.
//
// HTML first checks s with [Sheet.Fit]: a sheet that does not validate, or
// that would not fit on one page of Letter and of A4, returns that error
// (matching [ErrTooLong] for the latter) and no page.
func (s Sheet) HTML() (string, error) { return s.HTMLFor(PaperAny) }

// HTMLFor is [Sheet.HTML] with the paper size set in the print stylesheet:
// PaperLetter or PaperA4 prints on that paper whatever the printer's default,
// PaperAny on the printer's paper. The content is the same for every paper.
func (s Sheet) HTMLFor(p Paper) (string, error) {
	if int(p) >= len(paperNames) {
		return "", problem.NewFieldError(sheetPkg, "paper", problem.CodeOutOfRange, "invalid paper "+p.String())
	}
	l, err := s.fitted()
	if err != nil {
		return "", err
	}
	return l.html(p)
}

// pageSizeCSS is the CSS size of each paper.
var pageSizeCSS = [...]string{PaperAny: "auto", PaperLetter: "letter", PaperA4: "A4"}

// sheetCSS is the stylesheet of a sheet printed on each paper, made once.
var sheetCSS = func() (out [len(paperNames)]string) {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for p := range out {
		var b strings.Builder
		b.WriteString(screenCSS)
		err := printCSS.ExecuteTemplate(&b, "print.css", map[string]string{
			"Size": pageSizeCSS[p], "Margin": f(pageMargin),
			"Body": f(bodySize), "BodyLine": f(bodyLine), "ItemGap": f(itemGap),
			"Title": f(titleSize), "TitleLine": f(titleLine),
			"Party": f(partySize), "PartyLine": f(partyLine),
			"Meta": f(metaSize), "MetaLine": f(metaLine),
			"HeadRule": f(headRule), "HeadPad": f(headPad), "HeadGap": f(headGap),
			"FigGap": f(figGap), "Note": f(noteSize), "NoteLine": f(noteLine),
			"ColumnGap": f(columnGap), "SectionGap": f(sectionGap),
			"H2": f(h2Size), "H2Line": f(h2Line), "H2Pad": f(h2Pad), "H2Rule": f(h2Rule), "H2Gap": f(h2Gap),
			"FootGap": f(footGap), "Foot": f(footSize), "FootLine": f(footLine),
		})
		if err != nil {
			panic(err)
		}
		out[p] = b.String()
	}
	return out
}()

// The page as the template draws it: text still raw (the template escapes
// it), the stylesheet and the picture trusted (they are made here).
type pageView struct {
	CSS                       template.CSS
	Campaign, Brand, Creator  string
	Meta, HashNote, HashValue string
	Timeline                  *svgView
	Notes                     []string
	Columns                   [][]sectionView
	Footer                    string
}

type sectionView struct {
	ID, Title string
	Prose     bool
	Rows      []rowView
}

type rowView struct{ Label, Text string }

func (l sheetLayout) html(p Paper) (string, error) {
	v := pageView{
		CSS:      template.CSS(sheetCSS[p]),
		Campaign: l.head.campaign, Brand: l.head.brand, Creator: l.head.creator,
		Meta: l.head.meta, HashNote: l.head.hashNote, HashValue: l.head.hashValue,
		Notes:  l.notes,
		Footer: footer,
	}
	if len(l.timeline.items) > 0 {
		tv := l.timeline.view()
		v.Timeline = &tv
	}
	for _, col := range [][]block{l.blocks[:l.split], l.blocks[l.split:]} {
		var sv []sectionView
		for _, b := range col {
			s := sectionView{ID: b.id, Title: b.title, Prose: b.prose}
			for _, r := range b.rows {
				label := r.label
				if r.num > 0 {
					label = strconv.Itoa(r.num) + ". " + label
				}
				s.Rows = append(s.Rows, rowView{Label: label, Text: r.text})
			}
			sv = append(sv, s)
		}
		if len(sv) > 0 {
			v.Columns = append(v.Columns, sv)
		}
	}
	var b strings.Builder
	if err := sheetTemplates.ExecuteTemplate(&b, "sheet", v); err != nil {
		return "", err
	}
	return b.String(), nil
}
