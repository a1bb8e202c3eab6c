// Package boardpage renders the creator-ops board as one self-contained HTML
// page: the deliverables grouped as breached, at risk, waiting on the brand and
// waiting on the creator (timeline.Board's groups), each deliverable's
// milestones drawn as an inline SVG timeline (planned against current dates,
// the post date's shifts with their reasons written out as text), and the
// operational metrics; and the small sign-in form that comes before it.
//
// # Self-contained
//
// The page loads nothing and runs nothing: its CSS is one inline <style>
// element carrying the response's nonce, its drawings are inline SVG, it has no
// script at all. It is served with a Content-Security-Policy that allows only
// that ([Policy]). Every text of a plan (ids, names, reasons) goes through
// html/template, so a name holding "<script>" is text on the page.
//
// # Bounded
//
// A board lists every card; the timelines of at most [MaxDrawn] deliverables
// are drawn (the furthest behind first), and the page says how many were left
// out.
package boardpage
