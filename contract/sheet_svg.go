package contract

import (
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The timeline picture, in viewBox units (about 1 pt on Letter: the picture is
// svgWidth units wide and spans the text width).
const (
	tlPad      = 2.0   // around the picture
	tlAxisX0   = 14.0  // the axis runs from here ...
	tlAxisX1   = 526.0 // ... to here
	tlAxisGap  = 6.0   // between the axis and the nearest row of labels
	tlLaneH    = 20.0  // one row of labels
	tlBoxH     = 18.0  // one label: its name and its date
	tlBoxPad   = 2.0   // inside a label, left and right
	tlBoxGap   = 4.0   // between two labels in a row
	tlNameSize = 7.5
	tlWhenSize = 6.5
	tlMaxLabel = 120.0 // widest label; longer names are cut with "…"
	tlLegend   = 14.0  // the legend row under the labels
	tlLeader   = 1.0   // half the width a leader line keeps clear
)

// A timeline is the laid-out picture of a sheet's milestones.
type timeline struct {
	height  float64
	axisY   float64
	legendY float64
	year    string // the year of every date, when they share one
	items   []tlItem
}

// A tlItem is one milestone in the picture: its dot on the axis and its
// label box in a row above (even lanes) or below (odd lanes) the axis.
type tlItem struct {
	index   int // in Sheet.Milestones
	name    string
	label   string // name, cut to fit
	when    string
	owner   SheetOwner
	shifted bool
	reason  string
	key     float64 // days since the epoch, with the time of day
	x       float64 // the dot
	lane    int
	left    float64 // the label box
	top     float64
	width   float64
}

func (it tlItem) above() bool { return it.lane%2 == 0 }
func (it tlItem) depth() int  { return it.lane / 2 }

// milestoneKey places m on the axis: days since 1970-01-01, plus the wall-clock
// time of an instant in its own location (a date without a time sits at noon).
func milestoneKey(m SheetMilestone) float64 {
	if m.At.IsZero() {
		return float64(m.Date.DaysSinceEpoch()) + 0.5
	}
	y, mo, d := m.At.Date()
	day := float64(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	h, mi, _ := m.At.Clock()
	return day + float64(h*60+mi)/1440
}

// milestoneWhen formats m's date ("Mon 15 Mar", with " 2027" when withYear),
// and an instant's time and zone ("Wed 17 Mar 12:00 PDT").
func milestoneWhen(m SheetMilestone, withYear bool) string {
	layout := "Mon 2 Jan"
	if withYear {
		layout += " 2006"
	}
	if m.At.IsZero() {
		return m.Date.Format(layout)
	}
	return m.At.Format(layout + " 15:04 MST")
}

func milestoneYear(m SheetMilestone) int {
	if m.At.IsZero() {
		return m.Date.Year()
	}
	return m.At.Year()
}

// layoutTimeline lays out the milestones: dots spaced in proportion to their
// dates, labels in rows above and below the axis so that no two labels
// overlap, each as near the axis as it goes without its leader line crossing
// another label (same-day milestones may need to cross one). It costs
// O(n²) for n milestones; [Sheet.Validate] keeps n at most
// [MaxSheetMilestones].
func layoutTimeline(ms []SheetMilestone) timeline {
	var t timeline
	if len(ms) == 0 {
		return t
	}
	years := map[int]bool{}
	for _, m := range ms {
		years[milestoneYear(m)] = true
	}
	if len(years) == 1 {
		t.year = strconv.Itoa(milestoneYear(ms[0]))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, m := range ms {
		it := tlItem{
			index: i, name: clean(m.Name), when: milestoneWhen(m, t.year == ""),
			owner: m.Owner, shifted: m.Shifted, reason: clean(m.Reason), key: milestoneKey(m),
		}
		it.label = cutToWidth(it.name, tlNameSize, tlMaxLabel-2*tlBoxPad)
		it.width = max(textWidth(it.label, tlNameSize, regular), textWidth(it.when, tlWhenSize, regular)) + 2*tlBoxPad
		lo, hi = min(lo, it.key), max(hi, it.key)
		t.items = append(t.items, it)
	}
	for i := range t.items {
		it := &t.items[i]
		if hi > lo {
			it.x = tlAxisX0 + (it.key-lo)/(hi-lo)*(tlAxisX1-tlAxisX0)
		} else {
			it.x = (tlAxisX0 + tlAxisX1) / 2
		}
		it.left = min(max(it.x-it.width/2, tlPad), svgWidth-tlPad-it.width)
	}
	sort.SliceStable(t.items, func(i, j int) bool { return t.items[i].key < t.items[j].key })

	// boxes[k] and leaders[k] are the label boxes of lane k and the leader
	// lines of deeper labels that cross it, as [from, to] intervals.
	type iv struct{ from, to float64 }
	boxes := make([][]iv, 2*len(t.items))
	leaders := make([][]iv, 2*len(t.items))
	hits := func(ss []iv, from, to float64) bool {
		for _, s := range ss {
			if from < s.to && s.from < to {
				return true
			}
		}
		return false
	}
	free := func(it tlItem, k int, leaderRule bool) bool {
		box := iv{it.left - tlBoxGap, it.left + it.width + tlBoxGap}
		if hits(boxes[k], box.from, box.to) {
			return false
		}
		if !leaderRule {
			return true
		}
		if hits(leaders[k], box.from, box.to) {
			return false
		}
		for inner := k - 2; inner >= 0; inner -= 2 {
			if hits(boxes[inner], it.x-tlLeader, it.x+tlLeader) {
				return false
			}
		}
		return true
	}
	above, below := 0, 0
	for i := range t.items {
		it := &t.items[i]
		it.lane = -1
		for _, leaderRule := range []bool{true, false} {
			for k := 0; k < len(boxes) && it.lane < 0; k++ {
				if free(*it, k, leaderRule) {
					it.lane = k
				}
			}
			if it.lane >= 0 {
				break
			}
		}
		boxes[it.lane] = append(boxes[it.lane], iv{it.left, it.left + it.width})
		for inner := it.lane - 2; inner >= 0; inner -= 2 {
			leaders[inner] = append(leaders[inner], iv{it.x - tlLeader, it.x + tlLeader})
		}
		if it.above() {
			above = max(above, it.depth()+1)
		} else {
			below = max(below, it.depth()+1)
		}
	}
	t.axisY = tlPad + float64(above)*tlLaneH + tlAxisGap
	for i := range t.items {
		it := &t.items[i]
		if it.above() {
			it.top = t.axisY - tlAxisGap - float64(it.depth()+1)*tlLaneH + (tlLaneH - tlBoxH)
		} else {
			it.top = t.axisY + tlAxisGap + float64(it.depth())*tlLaneH
		}
	}
	t.legendY = t.axisY + tlAxisGap + float64(below)*tlLaneH + tlLegend - 4
	t.height = t.legendY + 4 + tlPad
	return t
}

// cutToWidth returns s, or its longest prefix with "…" that is at most width
// units wide at size.
func cutToWidth(s string, size, width float64) string {
	if textWidth(s, size, regular) <= width {
		return s
	}
	limit := width - textWidth("…", size, regular)
	w := 0.0
	for i, r := range s {
		w += runeWidth(r, regular) * size / 1000 * widthMargin
		if w > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}

// The picture as the template draws it: the text still raw (the template
// escapes it), the coordinates as trusted attributes (they are numbers
// formatted here).
type svgView struct {
	Size      template.HTMLAttr // viewBox, width and height
	Axis      template.HTMLAttr
	Summary   string // the picture's accessible title
	Items     []svgItem
	Legend    []svgLegend
	Year      string
	YearAttrs template.HTMLAttr
}

type svgItem struct {
	Title     string // the full name, date and reason, for the tooltip
	Label     string
	When      string
	Class     string // "brand", "creator", "both", and " moved" for a shifted date
	Fill      string
	Moved     bool
	Lead      template.HTMLAttr // the leader line from the axis to the label
	Box       template.HTMLAttr // the label's box
	Dot       template.HTMLAttr // a circle's centre, or a moved date's diamond
	NameAttrs template.HTMLAttr
	WhenAttrs template.HTMLAttr
}

type svgLegend struct {
	Fill      string
	Moved     bool
	Dot       template.HTMLAttr
	Label     string
	TextAttrs template.HTMLAttr
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// attrs returns name="value" pairs of coordinates: attrs("x", 1.25, "y", 2)
// is `x="1.3" y="2"`. Names are constants of this file; values are numbers.
func attrs(kv ...any) template.HTMLAttr {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(kv[i].(string))
		b.WriteString(`="`)
		b.WriteString(num(kv[i+1].(float64)))
		b.WriteByte('"')
	}
	return template.HTMLAttr(b.String())
}

// diamond returns the points attribute of a diamond of half-width r at x, y.
func diamond(x, y, r float64) template.HTMLAttr {
	return template.HTMLAttr(`points="` + num(x) + "," + num(y-r) + " " + num(x+r) + "," + num(y) + " " +
		num(x) + "," + num(y+r) + " " + num(x-r) + "," + num(y) + `"`)
}

func (t timeline) view() svgView {
	v := svgView{
		Size: template.HTMLAttr(`viewBox="0 0 ` + num(svgWidth) + " " + num(t.height) + `" ` +
			string(attrs("width", svgWidth, "height", t.height))),
		Axis: attrs("x1", tlAxisX0, "y1", t.axisY, "x2", tlAxisX1, "y2", t.axisY),
	}
	owners := map[SheetOwner]bool{}
	moved := false
	names := make([]string, 0, len(t.items))
	for _, it := range t.items {
		class := it.owner.String()
		title := it.name + ", " + it.when + " (" + it.owner.String() + ")"
		if it.shifted {
			class += " moved"
			moved = true
			title += ": moved"
			if it.reason != "" {
				title += ". " + it.reason
			}
		}
		owners[it.owner] = true
		names = append(names, it.name+" "+it.when)
		lead := it.top
		if it.above() {
			lead = it.top + tlBoxH
		}
		dot := attrs("cx", it.x, "cy", t.axisY)
		if it.shifted {
			dot = diamond(it.x, t.axisY, 4.5)
		}
		v.Items = append(v.Items, svgItem{
			Title: title, Label: it.label, When: it.when, Class: class, Fill: it.owner.fill(), Moved: it.shifted,
			Lead:      attrs("x1", it.x, "y1", t.axisY, "x2", it.x, "y2", lead),
			Box:       attrs("x", it.left, "y", it.top, "width", it.width, "height", tlBoxH),
			Dot:       dot,
			NameAttrs: attrs("x", it.left+tlBoxPad, "y", it.top+7.5),
			WhenAttrs: attrs("x", it.left+tlBoxPad, "y", it.top+15.5),
		})
	}
	v.Summary = "Timeline: " + strings.Join(names, "; ")
	x := tlPad
	add := func(fill, label string, isMoved bool) {
		y := t.legendY - 2.3
		dot := attrs("cx", x+3, "cy", y)
		if isMoved {
			dot = diamond(x+3, y, 3.5)
		}
		v.Legend = append(v.Legend, svgLegend{
			Fill: fill, Moved: isMoved, Dot: dot, Label: label, TextAttrs: attrs("x", x+9, "y", t.legendY),
		})
		x += 9 + textWidth(label, tlWhenSize, regular) + 10
	}
	for _, o := range []SheetOwner{OwnerBrand, OwnerCreator, OwnerBoth} {
		if owners[o] {
			add(o.fill(), o.String(), false)
		}
	}
	if moved {
		add("", "moved after signing", true)
	}
	if t.year != "" {
		v.Year = t.year
		v.YearAttrs = attrs("x", svgWidth-tlPad, "y", t.legendY)
	}
	return v
}

// TimelineSVG returns the timeline picture of s alone, as an SVG document:
// the picture that [Sheet.HTML] draws inline. It validates s but does not
// check that the sheet fits on a page. A sheet without milestones has no
// picture: it returns "".
func (s Sheet) TimelineSVG() (string, error) {
	if err := s.Validate(); err != nil {
		return "", err
	}
	t := layoutTimeline(s.Milestones)
	if len(t.items) == 0 {
		return "", nil
	}
	var b strings.Builder
	if err := sheetTemplates.ExecuteTemplate(&b, "timeline", t.view()); err != nil {
		return "", err
	}
	return b.String(), nil
}

// fill returns the colour of the owner's dots: grey for both sides (and for
// an invalid owner), blue for the brand, green for the creator.
func (o SheetOwner) fill() string {
	switch o {
	case OwnerBrand:
		return "#1f5fa8"
	case OwnerCreator:
		return "#2e7d32"
	}
	return "#666666"
}
