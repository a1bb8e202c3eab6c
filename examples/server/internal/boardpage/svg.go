package boardpage

import (
	"strconv"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

// layout is a drawing's geometry, in SVG user units.
type layout struct {
	width    int // of the viewBox
	trackX0  int // the axis starts here
	trackX1  int // and ends here
	row      int // the height of a milestone's row
	labelTop bool
	// labelTop puts a row's label above its track, which then spans the
	// whole width (the phone layout); otherwise the label is on the left.
	maxTicks float64 // about this many tick labels at most
}

var (
	// wide is the desktop drawing: labels on the left of the axis.
	wide = layout{width: 800, trackX0: 150, trackX1: 784, row: 20, maxTicks: 10}
	// compact is the phone drawing: each label above its row, the axis the
	// whole width, so that it fits a phone's screen at a readable size.
	compact = layout{width: 400, trackX0: 10, trackX1: 390, row: 30, labelTop: true, maxTicks: 5}
)

const (
	topPad  = 6
	axisPad = 30 // under the rows: the ticks and their dates
)

// drawing is a deliverable's timeline: every milestone at its planned due
// date (a hollow diamond) and where it stands now (its window as a bar, a dot
// at its due or met instant, coloured by status), the post date's shift as an
// arrow, and a line at the board's instant.
type drawing struct {
	Compact       bool
	Width, Height int
	TrackX0       int
	TrackX1       int
	Title         string
	Rows          []svgRow
	Ticks         []tick
	NowX          string
	NowLabelX     string // NowX, kept inside the drawing
	AxisY         int
}

type svgRow struct {
	Y, TextY, MidY int
	TextX, RowH    int
	BarY           int
	Label          string
	Cls            string // the status
	Planned        string // x of the planned due, "" for none
	BarX, BarW     string // the window opened → due, "" for none
	MarkX          string // x of the met or due instant, "" for none
	OverX1, OverX2 string // a breached step: from its due instant to now
	ShiftX1        string // a move from the planned date to the current one
	ShiftX2        string
	Post           bool
	Note           string // after the mark, for the post: "moved +2d"
	NoteX          string
	NoteAnchor     string
}

type tick struct {
	X     string
	Label string
}

func draw(d Deliverable, now time.Time, l layout) *drawing {
	zone := d.Zone
	if zone == nil {
		zone = time.UTC
	}
	st := d.State
	lo, hi := now, now
	widen := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	for _, m := range st.Milestones {
		widen(m.Opened)
		widen(m.Due)
		widen(m.Met)
	}
	for _, m := range d.Schedule {
		widen(m.Due)
	}
	widen(st.Post.Planned)
	widen(st.Post.Current)
	span := hi.Sub(lo)
	if span < 24*time.Hour {
		span = 24 * time.Hour
	}
	pad := span / 40
	lo, hi = lo.Add(-pad), hi.Add(pad)
	span = hi.Sub(lo)
	x := func(t time.Time) float64 {
		return float64(l.trackX0) + float64(t.Sub(lo))/float64(span)*float64(l.trackX1-l.trackX0)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

	dr := &drawing{Compact: l.labelTop, Width: l.width, TrackX0: l.trackX0, TrackX1: l.trackX1, Title: "Timeline of " + st.Plan}
	for i, m := range st.Milestones {
		y := topPad + i*l.row
		r := svgRow{Y: y, RowH: l.row, TextX: 4, TextY: y + l.row/2 + 4, MidY: y + l.row/2, BarY: y + l.row/2 - 5, Label: stepName(m.Step, m.Round) + " · " + string(m.Owner), Cls: string(m.Status)}
		p, hasPlan := planned(d.Schedule, m)
		if m.Step == timeline.StepPost && !st.Post.Planned.IsZero() {
			p, hasPlan = st.Post.Planned, true
			r.Post = true
		}
		if l.labelTop {
			r.TextX, r.TextY, r.MidY = l.trackX0, y+11, y+21
			r.BarY = r.MidY - 5
		}
		if hasPlan {
			r.Planned = f(x(p))
		}
		if !m.Opened.IsZero() && !m.Due.IsZero() && m.Met.IsZero() {
			x1, x2 := x(m.Opened), x(m.Due)
			if x2 > x1 {
				r.BarX, r.BarW = f(x1), f(x2-x1)
			}
		}
		if m.Status == timeline.Breached && m.Met.IsZero() && !m.Due.IsZero() && now.After(m.Due) {
			r.OverX1, r.OverX2 = f(x(m.Due)), f(x(now))
		}
		mark := m.Met
		if mark.IsZero() {
			mark = m.Due
		}
		if m.Step == timeline.StepPost && m.Met.IsZero() && !st.Post.Current.IsZero() {
			mark = st.Post.Current
		}
		if !mark.IsZero() && m.Status != timeline.Pending {
			r.MarkX = f(x(mark))
			if hasPlan && !mark.Equal(p) {
				r.ShiftX1, r.ShiftX2 = f(x(p)), f(x(mark))
			}
		}
		if r.Post && !st.Post.Current.Equal(st.Post.Planned) {
			r.Note = "moved to " + st.Post.Current.Format("Mon 2 Jan")
			nx := x(st.Post.Current) + 8
			r.NoteX, r.NoteAnchor = f(nx), "start"
			if nx > float64(l.trackX1-120) {
				r.NoteX, r.NoteAnchor = f(x(earlier(st.Post.Current, st.Post.Planned))-8), "end"
			}
		}
		dr.Rows = append(dr.Rows, r)
	}
	dr.AxisY = topPad + len(st.Milestones)*l.row + 4
	dr.Height = dr.AxisY + axisPad
	dr.NowX = f(x(now))
	dr.NowLabelX = f(max(float64(l.trackX0+14), min(x(now), float64(l.width-16))))
	dr.Ticks = ticks(lo.In(zone), hi.In(zone), l.maxTicks, x, f)
	return dr
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// ticks returns the axis's ticks: days, or Mondays every one, two, four or
// eight weeks, so that about most of them are labelled.
func ticks(lo, hi time.Time, most float64, x func(time.Time) float64, f func(float64) string) []tick {
	days := hi.Sub(lo).Hours() / 24
	stepDays := 1
	for _, s := range []int{7, 14, 28, 56} {
		if days/float64(stepDays) <= most {
			break
		}
		stepDays = s
	}
	y, m, d := lo.Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, lo.Location())
	if stepDays >= 7 {
		for t.Weekday() != time.Monday {
			d++
			t = time.Date(y, m, d, 0, 0, 0, 0, lo.Location())
		}
	}
	var out []tick
	for i := 0; i < 64; i++ {
		t = time.Date(y, m, d, 0, 0, 0, 0, lo.Location())
		if t.After(hi) {
			break
		}
		if !t.Before(lo) {
			out = append(out, tick{X: f(x(t)), Label: t.Format("2 Jan")})
		}
		d += stepDays
	}
	return out
}
