package boardpage

import (
	"crypto/rand"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

// MaxDrawn bounds the deliverables whose timelines one page draws.
const MaxDrawn = 100

// Policy returns the Content-Security-Policy of a page rendered with nonce:
// nothing is loaded, no script runs, only the inline <style> element carrying
// the nonce applies, images are data: URLs only, and a form posts only to the
// service itself.
func Policy(nonce string) string {
	return "default-src 'none'; style-src 'nonce-" + nonce + "'; img-src data:; form-action 'self'; " +
		"frame-ancestors 'none'; base-uri 'none'"
}

// NewNonce returns a fresh nonce for one response: 128 random bits, base64.
func NewNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return base64.StdEncoding.EncodeToString(b[:])
}

// Deliverable is what a drawn timeline needs of one deliverable: its state at
// the board's instant and its schedule (timeline.Timeline.Schedule: the dates
// as planned).
type Deliverable struct {
	State    timeline.State
	Schedule []timeline.Milestone
	// Zone is where the drawing's axis is read: the brand's calendar's
	// location. nil is UTC.
	Zone *time.Location
}

// Board is what the page shows.
type Board struct {
	Workspace string
	Board     timeline.Board
	Timelines int  // the timelines on the board
	Truncated bool // the workspace has more than one board computes
	// Deliverables are the deliverables to draw, by plan id: those Drawn
	// names. A card without one is listed, not drawn.
	Deliverables map[string]Deliverable
}

// Drawn returns the plan ids of the deliverables a page of b draws, at most
// MaxDrawn: those in the groups, breached first, then at risk, waiting on the
// brand, waiting on the creator, each once.
func Drawn(b timeline.Board) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range groupsOf(b) {
		for _, c := range g.cards {
			if !seen[c.Plan] && len(out) < MaxDrawn {
				seen[c.Plan] = true
				out = append(out, c.Plan)
			}
		}
	}
	return out
}

type group struct {
	id, title, note string
	cards           []timeline.Card
}

func groupsOf(b timeline.Board) []group {
	return []group{
		{"breached", "Breached", "A step is past its due instant.", b.Breached},
		{"at-risk", "At risk", "Most of a step's window is gone.", b.AtRisk},
		{"waiting-on-brand", "Waiting on brand", "The brand owes the next step.", b.WaitingOnBrand},
		{"waiting-on-creator", "Waiting on creator", "The creator owes the next step.", b.WaitingOnCreator},
	}
}

//go:embed templates
var files embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"even": func(i int) bool { return i%2 == 0 },
}).ParseFS(files, "templates/*.html"))

// Render writes b as the board page, its <style> element carrying nonce (the
// nonce of the response's [Policy]).
func Render(w io.Writer, b Board, nonce string) error {
	return templates.ExecuteTemplate(w, "board.html", newView(b, nonce))
}

// SignIn is the sign-in form.
type SignIn struct {
	// Message says why the form is shown again ("That token opens no
	// workspace."); empty on the first visit.
	Message string
	// At is the board's ?at= to keep through the sign-in; empty for now.
	At string
}

// RenderSignIn writes the sign-in form, its <style> element carrying nonce.
func RenderSignIn(w io.Writer, s SignIn, nonce string) error {
	return templates.ExecuteTemplate(w, "signin.html", struct {
		SignIn
		Nonce string
	}{s, nonce})
}

// view is the page's data, every text formatted.
type view struct {
	Nonce     string
	Workspace string
	Now       string
	NowISO    string
	Metrics   []metric
	Groups    []groupView
	Done      []cardView
	Problems  []cardView
	Timelines string // "3 deliverables"
	Truncated bool
	NotDrawn  int // deliverables in the groups whose timelines are not drawn
	MaxDrawn  int
}

type metric struct {
	Label, Value, Note string
}

type groupView struct {
	ID, Title, Note string
	Cards           []cardView
}

type cardView struct {
	ID        string
	Anchor    string
	Brand     string
	Creator   string
	WaitingOn string
	Worst     string
	WorstCls  string
	Post      string
	Planned   string
	Shifted   bool
	Shifts    []string
	Actions   int
	Problem   string
	Drawing   *drawing // nil when drawn in an earlier group, or not drawn
	Compact   *drawing // the same for a phone
	DrawnIn   string   // the title of the group it is drawn in
	DrawnAt   string   // the anchor of that drawing
	Rows      []rowText
}

// rowText is one milestone in the table under a drawing.
type rowText struct {
	Step, Owner, Planned, Due, Met, Status, Cls, Reason string
}

func newView(b Board, nonce string) view {
	v := view{
		Nonce:     nonce,
		Workspace: b.Workspace,
		Now:       b.Board.Now.Format("Mon 2 Jan 2006 15:04 -07:00"),
		NowISO:    b.Board.Now.Format(time.RFC3339),
		Metrics:   metrics(b.Board),
		Timelines: plural(int64(b.Timelines), "deliverable"),
		Truncated: b.Truncated,
		MaxDrawn:  MaxDrawn,
	}
	drawnIn := map[string]string{} // plan id → group title
	anchors := map[string]string{}
	for i, id := range Drawn(b.Board) {
		anchors[id] = "tl-" + strconv.Itoa(i+1)
	}
	listed := map[string]bool{}
	for _, g := range groupsOf(b.Board) {
		gv := groupView{ID: g.id, Title: g.title, Note: g.note}
		for _, c := range g.cards {
			cv := card(c)
			listed[c.Plan] = true
			if d, ok := b.Deliverables[c.Plan]; ok && anchors[c.Plan] != "" {
				if in, done := drawnIn[c.Plan]; done {
					cv.DrawnIn, cv.DrawnAt = in, anchors[c.Plan]
				} else {
					drawnIn[c.Plan] = g.title
					cv.Anchor = anchors[c.Plan]
					cv.Drawing = draw(d, b.Board.Now, wide)
					cv.Compact = draw(d, b.Board.Now, compact)
					cv.Rows = rows(d)
					cv.Shifts = shifts(d)
				}
			}
			gv.Cards = append(gv.Cards, cv)
		}
		v.Groups = append(v.Groups, gv)
	}
	for id := range listed {
		if _, ok := drawnIn[id]; !ok {
			v.NotDrawn++
		}
	}
	for _, c := range b.Board.Done {
		v.Done = append(v.Done, card(c))
	}
	for _, c := range b.Board.Problems {
		v.Problems = append(v.Problems, card(c))
	}
	return v
}

func card(c timeline.Card) cardView {
	cv := cardView{ID: c.Plan, Brand: c.Brand, Creator: c.Creator, Shifted: c.Shifted, Actions: c.Actions, Problem: c.Problem}
	for i, p := range c.WaitingOn {
		if i > 0 {
			cv.WaitingOn += " and "
		}
		cv.WaitingOn += string(p)
	}
	if o, ok := c.Worst(""); ok {
		cv.Worst = fmt.Sprintf("%s (%s) %s, due %s", stepName(o.Step, o.Round), o.Owner, statusWords(o.Status), stamp(o.Due))
		cv.WorstCls = string(o.Status)
	}
	if !c.Post.IsZero() {
		cv.Post = stamp(c.Post)
	}
	return cv
}

// shifts are the reasons the post date moved, in words.
func shifts(d Deliverable) []string {
	var out []string
	for _, s := range d.State.Post.Shifts {
		out = append(out, s.Reason())
	}
	return out
}

func rows(d Deliverable) []rowText {
	var out []rowText
	for _, m := range d.State.Milestones {
		r := rowText{Step: stepName(m.Step, m.Round), Owner: string(m.Owner), Status: statusWords(m.Status), Cls: string(m.Status), Reason: m.Reason()}
		if p, ok := planned(d.Schedule, m); ok {
			r.Planned = stamp(p)
		}
		if !m.Due.IsZero() {
			r.Due = stamp(m.Due)
		}
		if !m.Met.IsZero() {
			r.Met = stamp(m.Met)
		}
		out = append(out, r)
	}
	return out
}

// planned returns the planned due instant of m: that of the same step and
// round in the schedule.
func planned(schedule []timeline.Milestone, m timeline.Milestone) (time.Time, bool) {
	for _, p := range schedule {
		if p.Step == m.Step && p.Round == m.Round {
			return p.Due, !p.Due.IsZero()
		}
	}
	return time.Time{}, false
}

func metrics(b timeline.Board) []metric {
	ops := b.Ops
	var out []metric
	at := ops.ApprovalTimes
	if at.N > 0 {
		out = append(out, metric{"Approval time", "median " + duration(at.Median),
			fmt.Sprintf("mean %s over %s; %s to %s", duration(at.Mean), plural(at.N, "review"), duration(at.Min), duration(at.Max))})
	} else {
		out = append(out, metric{"Approval time", "none yet", "no concept or draft review met yet"})
	}
	out = append(out, metric{"Revisions per deliverable", ops.RevisionsPerDeliverable.StringFixed(2), "feedback rounds of concepts and drafts"})
	ot := ops.OnTime
	if ops.OnTimeUndefined {
		out = append(out, metric{"On-time posting", "no post due yet", fmt.Sprintf("%d pending", ot.Pending)})
	} else {
		out = append(out, metric{"On-time posting", ops.OnTimeRate.Shift(2).StringFixed(0) + "%",
			fmt.Sprintf("%d on time, %d late, %d pending", ot.OnTime, ot.Late, ot.Pending)})
	}
	return out
}

// duration formats a duration in days, hours and minutes: "1d 2h", "3h 30m".
func duration(d time.Duration) string {
	d = d.Round(time.Minute)
	days, h, m := int64(d/(24*time.Hour)), int64(d/time.Hour)%24, int64(d/time.Minute)%60
	switch {
	case days > 0 && h > 0:
		return fmt.Sprintf("%dd %dh", days, h)
	case days > 0:
		return fmt.Sprintf("%dd", days)
	case h > 0 && m > 0:
		return fmt.Sprintf("%dh %dm", h, m)
	case h > 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dm", m)
}

func stamp(t time.Time) string { return t.Format("Mon 2 Jan 15:04 MST") }

var stepNames = map[timeline.Step]string{
	timeline.StepShip:          "ship product",
	timeline.StepConcept:       "concept",
	timeline.StepConceptReview: "concept review",
	timeline.StepCompliance:    "compliance",
	timeline.StepDraft:         "draft",
	timeline.StepReview:        "review",
	timeline.StepRevision:      "revision",
	timeline.StepPost:          "post",
	timeline.StepLiveCheck:     "live check",
	timeline.StepReport:        "report",
	timeline.StepInvoice:       "invoice",
	timeline.StepPayment:       "payment",
}

func stepName(s timeline.Step, round int) string {
	n, ok := stepNames[s]
	if !ok {
		n = string(s)
	}
	if round > 1 {
		n += " " + strconv.Itoa(round)
	}
	return n
}

// statusWords returns a status as words: "on track", "met late".
func statusWords(s timeline.Status) string { return strings.ReplaceAll(string(s), "_", " ") }

// plural returns "1 review", "2 reviews".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.FormatInt(n, 10) + " " + noun + "s"
}
