package contract

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"

	"github.com/creatorops/creatorops/sla"
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// Onboarding returns the onboarding message a brand sends a creator once the
// agreement is signed, in Markdown and in plain text: the product (what it is,
// the audience, the key message, what must be shown and what is off limits),
// the shipping timeline, what the creator makes and when it posts, and both
// sides' contacts (owner, backup and manager, with their time zones and
// working hours), the response times, the quiet-hours line and the escalation
// path, in one message. Terms the agreement leaves open are said to be open,
// never invented. Both forms say the same things; the Markdown escapes the
// agreement's text so it renders as written.
func Onboarding(a Agreement) (md, text string) {
	doc := onboardingDoc(a)
	return doc.markdown(), doc.text()
}

// message is a document of sections, rendered to Markdown or plain text.
type message struct {
	title    []msgSpan
	intro    []msgSpan
	sections []msgSection
}

// msgSection is a heading and its blocks, in order.
type msgSection struct {
	heading string
	blocks  []msgBlock
}

// msgBlock is a paragraph (para) or a list (items, numbered when ordered).
type msgBlock struct {
	para    []msgSpan
	items   [][]msgSpan
	ordered bool
}

func (s *msgSection) para(spans ...msgSpan) { s.blocks = append(s.blocks, msgBlock{para: spans}) }

// item adds a list item, to the list the msgSection ends with or a new one.
func (s *msgSection) item(ordered bool, spans ...msgSpan) {
	if n := len(s.blocks); n > 0 && s.blocks[n-1].para == nil && s.blocks[n-1].ordered == ordered {
		s.blocks[n-1].items = append(s.blocks[n-1].items, spans)
		return
	}
	s.blocks = append(s.blocks, msgBlock{items: [][]msgSpan{spans}, ordered: ordered})
}

// msgSpan is a run of text: the agreement's own words (escaped in Markdown) or
// the message's (written as they are).
type msgSpan struct {
	s    string
	user bool
}

func lit(s string) msgSpan { return msgSpan{s: s} }
func usr(s string) msgSpan { return msgSpan{s: oneLine(s), user: true} }

// oneLine collapses the whitespace of s, newlines included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func onboardingDoc(a Agreement) message {
	brand := nameOr(a.Brand.Name, "The brand")
	creator := nameOr(a.Creator.Name, "there")
	first := creator
	if n := strings.Fields(a.Creator.Owner.Name + " " + a.Creator.Name); len(n) > 0 {
		first = n[0]
	}
	m := message{
		title: []msgSpan{lit("Welcome to "), usr(nameOr(a.Campaign.Name, "the campaign"))},
		intro: []msgSpan{lit("Hi "), usr(first), lit(", here is everything for "), usr(nameOr(a.Campaign.Name, "the campaign")),
			lit(" in one message: the product, when it ships, what you are making, and who to contact.")},
	}

	// The product.
	b := a.Brief
	prod := msgSection{heading: "The product"}
	if strings.TrimSpace(b.Product) != "" {
		prod.para(usr(b.Product))
	} else {
		prod.para(lit("The brief does not describe the product yet."))
	}
	if b.Audience != "" {
		prod.item(false, lit("Audience: "), usr(b.Audience))
	}
	if b.KeyMessage != "" {
		prod.item(false, lit("Key message: "), usr(b.KeyMessage))
	}
	if len(b.MustShow) > 0 {
		prod.item(false, listItem("Must show: ", b.MustShow)...)
	}
	if len(b.OffLimits) > 0 {
		prod.item(false, listItem("Off limits: ", b.OffLimits)...)
	}
	if len(a.Compliance.MustShow) > 0 {
		prod.item(false, listItem("Required on screen or in the caption: ", a.Compliance.MustShow)...)
	}
	if v, ok := a.Compliance.ClaimRestrictions.Get(); ok {
		prod.item(false, listItem("Claims you may not make: ", v)...)
	}
	if len(a.Compliance.OffLimits) > 0 {
		prod.item(false, listItem("Also off limits: ", a.Compliance.OffLimits)...)
	}
	if a.Compliance.Disclosure != "" {
		prod.item(false, lit("Disclosure: "), usr(a.Compliance.Disclosure))
	}
	m.sections = append(m.sections, prod)

	// Shipping.
	ship := msgSection{heading: "Shipping"}
	switch s, ok := b.Shipping.Get(); {
	case b.Shipping.IsNone():
		ship.para(lit("Nothing is shipped for this campaign."))
	case !ok:
		ship.para(lit("The shipping dates are not set yet; "), usr(brand), lit(" will confirm them."))
	default:
		if !s.ShipBy.IsZero() {
			ship.item(false, usr(brand), lit(" ships the product by "+day(s.ShipBy)+"."))
		}
		if !s.ExpectedReceipt.IsZero() {
			ship.item(false, lit("You should have it by "+day(s.ExpectedReceipt)+"; tell us at once if it has not arrived."))
		}
		if s.ShipBy.IsZero() && s.ExpectedReceipt.IsZero() {
			ship.para(lit("The product is shipped; the dates are not set yet."))
		}
	}
	m.sections = append(m.sections, ship)

	// What you are making.
	work := msgSection{heading: "What you are making"}
	for _, d := range a.Deliverables {
		work.item(false, deliverableItem(d)...)
	}
	if a.Creator.Calendar != nil {
		work.para(lit("Post times are your local time ("), usr(a.Creator.Calendar.Location().String()), lit(")."))
	}
	m.sections = append(m.sections, work)

	// Contacts.
	who := msgSection{heading: "Who to contact"}
	who.item(false, append(sideLine(brand, a.Brand.Calendar), sideContacts(a.Brand)...)...)
	who.item(false, append(sideLine(creator, a.Creator.Calendar), sideContacts(a.Creator)...)...)
	p := a.Policy
	if !p.BrandResponse.IsZero() && !p.CreatorResponse.IsZero() {
		who.para(usr(brand), lit(" replies within "+p.BrandResponse.String()+" and you within "+p.CreatorResponse.String()+", each counted in the working hours of the one who replies."))
	}
	if a.QuietHours != "" {
		who.para(lit("Quiet hours: "), usr(a.QuietHours))
	}
	m.sections = append(m.sections, who)

	esc := msgSection{heading: "If a timeline slips"}
	switch path, ok := a.Escalation.Get(); {
	case ok:
		esc.para(lit("Contact, in this order:"))
		for _, c := range path {
			side := brand
			if c.Side == sltimeline.Creator {
				side = creator
			}
			item := []msgSpan{usr(c.Name), lit(" (")}
			if c.Role != "" {
				item = append(item, usr(c.Role), lit(", "))
			}
			item = append(item, usr(side), lit(")"))
			if c.Email != "" {
				item = append(item, lit(", "), usr(c.Email))
			}
			esc.item(true, item...)
		}
	case a.Escalation.IsNone():
		esc.para(lit("The agreement names no escalation contact: write to the owners above."))
	default:
		esc.para(lit("The escalation contacts are not set yet: write to the owners above."))
	}
	m.sections = append(m.sections, esc)
	return m
}

func nameOr(s, or string) string {
	if strings.TrimSpace(s) == "" {
		return or
	}
	return s
}

// day writes a date as "Wed 17 Feb 2027".
func day(d date.Date) string { return d.Format("Mon 2 Jan 2006") }

func listItem(label string, list []string) []msgSpan {
	out := []msgSpan{lit(label)}
	for i, s := range list {
		if i > 0 {
			out = append(out, lit("; "))
		}
		out = append(out, usr(s))
	}
	return out
}

// platformName spells the platforms people know.
func platformName(p string) string {
	switch strings.ToLower(p) {
	case "tiktok":
		return "TikTok"
	case "instagram":
		return "Instagram"
	case "youtube":
		return "YouTube"
	case "facebook":
		return "Facebook"
	}
	return p
}

func deliverableItem(d Deliverable) []msgSpan {
	out := []msgSpan{lit(fmt.Sprintf("%d × ", d.Count)), usr(platformName(d.Platform) + " " + strings.ReplaceAll(d.Format, "_", " "))}
	switch n, ok := d.Length.Get(); {
	case ok && d.Count > 1:
		out = append(out, lit(fmt.Sprintf(", %d–%d s each", n.MinSeconds, n.MaxSeconds)))
	case ok:
		out = append(out, lit(fmt.Sprintf(", %d–%d s", n.MinSeconds, n.MaxSeconds)))
	}
	at := ""
	if d.PostTime != nil {
		at = " at " + fmt.Sprintf("%02d:%02d", d.PostTime.Hours(), d.PostTime.Minutes())
	}
	switch {
	case d.Window != nil:
		out = append(out, lit(", posted between "+day(d.Window.From)+" and "+day(d.Window.To)+at))
	case !d.PostDate.IsZero():
		out = append(out, lit(", posted "+day(d.PostDate)+at))
	default:
		out = append(out, lit(", post date not set yet"))
	}
	if v, ok := d.Extras.Get(); ok {
		out = append(out, listItem(", with: ", v)...)
	}
	if d.Tag != "" {
		out = append(out, lit(", tag "), usr(d.Tag))
	}
	if d.Link != "" {
		out = append(out, lit(", link "), usr(d.Link))
	}
	if d.Disclosure != "" {
		out = append(out, lit(", disclosure: "), usr(d.Disclosure))
	}
	if d.PaidLabel {
		out = append(out, lit(", with the platform's paid-partnership label on"))
	}
	return append(out, lit("."))
}

// sideLine introduces a side: its name, zone, working hours and quiet hours.
func sideLine(name string, c *sla.Calendar) []msgSpan {
	out := []msgSpan{usr(name)}
	if c == nil {
		return append(out, lit(" (no time zone or working hours given): "))
	}
	s := c.Spec()
	hours := s.TimeZone + ", working " + strings.Join(s.Hours, "; ")
	if len(s.Quiet) > 0 {
		hours += ", quiet " + strings.Join(s.Quiet, "; ")
	}
	return append(out, lit(" ("), usr(hours), lit("): "))
}

// sideContacts lists a side's owner, backup and manager.
func sideContacts(p Party) []msgSpan {
	var out []msgSpan
	for _, c := range []struct {
		role string
		c    sltimeline.Contact
	}{{"owner", p.Owner}, {"backup", p.Backup}, {"manager", p.Manager}} {
		if strings.TrimSpace(c.c.Name) == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, lit("; "))
		}
		out = append(out, usr(c.c.Name), lit(" ("+c.role+")"))
		if c.c.Email != "" {
			out = append(out, lit(", "), usr(c.c.Email))
		}
	}
	if len(out) == 0 {
		return []msgSpan{lit("nobody named yet.")}
	}
	return append(out, lit("."))
}

// markdownSpecial are the characters that would change the meaning of the
// agreement's text in Markdown, escaped wherever they are ('_' only where it
// could start or end emphasis); markdownLead are those that do so only at the
// start of a line, before a space ("# " a heading, "- " a list item).
const (
	markdownSpecial = "\\`*_[]<>|&~"
	markdownLead    = "#-+"
)

// markdown returns the msgSpan as Markdown: the message's own text as it is,
// the agreement's with a backslash before each character that would change
// its meaning, so that it renders as written.
func (s msgSpan) markdown() string {
	if !s.user {
		return s.s
	}
	var b strings.Builder
	for i, r := range s.s {
		if strings.ContainsRune(markdownSpecial, r) && !intraword(s.s, i) || i == 0 && lineMarker(s.s) || listNumber(s.s, i) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// intraword reports whether s[i] is a '_' between two letters or digits,
// where it cannot start or end emphasis ("America/Los_Angeles").
func intraword(s string, i int) bool {
	return s[i] == '_' && i > 0 && i+1 < len(s) && alnum(s[i-1]) && alnum(s[i+1])
}

func alnum(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

// lineMarker reports whether s starts with a run of '#', '-' or '+' followed
// by a space or the end: a heading, a list item or a rule at the start of a
// line ("#ad" is none of them).
func lineMarker(s string) bool {
	if s == "" || !strings.ContainsRune(markdownLead, rune(s[0])) {
		return false
	}
	rest := strings.TrimLeft(s, s[:1])
	return rest == "" || rest[0] == ' '
}

// listNumber reports whether s[i] is the '.' or ')' of a leading number
// ("1. ", "2) "), which would start a numbered list at the start of a line.
func listNumber(s string, i int) bool {
	if i == 0 || s[i] != '.' && s[i] != ')' {
		return false
	}
	for j := range i {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return true
}

func join(spans []msgSpan, md bool) string {
	var b strings.Builder
	for _, s := range spans {
		if md {
			b.WriteString(s.markdown())
		} else {
			b.WriteString(s.s)
		}
	}
	return b.String()
}

func (m message) markdown() string { return m.render(true) }

func (m message) text() string { return m.render(false) }

// render writes the message as Markdown (md) or as plain text with
// underlined headings.
func (m message) render(md bool) string {
	var b strings.Builder
	title := join(m.title, md)
	if md {
		b.WriteString("# " + title + "\n\n")
	} else {
		b.WriteString(title + "\n" + strings.Repeat("=", len([]rune(title))) + "\n\n")
	}
	b.WriteString(join(m.intro, md) + "\n")
	for _, s := range m.sections {
		if md {
			b.WriteString("\n## " + s.heading + "\n")
		} else {
			b.WriteString("\n" + s.heading + "\n" + strings.Repeat("-", len([]rune(s.heading))) + "\n")
		}
		for _, bl := range s.blocks {
			b.WriteString("\n")
			if bl.para != nil {
				b.WriteString(join(bl.para, md) + "\n")
				continue
			}
			for i, it := range bl.items {
				bullet := "- "
				if bl.ordered {
					bullet = fmt.Sprintf("%d. ", i+1)
				}
				b.WriteString(bullet + join(it, md) + "\n")
			}
		}
	}
	return b.String()
}
