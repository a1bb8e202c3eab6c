package contract

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// Check runs the pre-signing checklist over the agreement and returns what it
// finds, sorted (blockers first; see [Findings.Sort]). An agreement with no
// finding of severity [Warning] or [Blocker] is ready to sign.
//
// It covers the eight sections of the checklist a brand sends before signing
// and the classic mistakes of the field, each finding with a stable code (the
// Code constants, [CheckCodes]), a severity, the JSON path of the field and a
// message in a brand manager's words:
//
//   - Deliverables: no length or no post date (a vague deliverable), no post
//     time, no brand tag, a post date that is not a posting day, a schedule
//     that cannot fit: the timeline engine ([sltimeline.Compile]) places every
//     window of the service terms between the kickoff and the post date, and
//     an infeasible plan is a blocker carrying its numbers.
//   - Brand commitments: a side without a calendar, an owner, a backup or a
//     manager; a brief without product, audience, key message or ship-by
//     date.
//   - Revision policy: no edit round, more than [MaxSensibleRounds] rounds (in
//     practice unlimited), no price for an extra round.
//   - Commercial terms: no deal, an item the rate card cannot price, a
//     deliverable no item prices, an add-on granted but not priced, a deal
//     that prices something else, a rush without a rush fee, payment without
//     Net days or a trigger, no invoice requirements.
//   - Rights: perpetual rights; usage, whitelisting or exclusivity without
//     their terms (channels and duration; spend cap, duration and regions;
//     categories and window).
//   - Compliance: a deliverable without a disclosure.
//   - Reporting: no metric-source clause, no primary KPI, no reporting
//     deadline, and (as notes) no secondary KPI, attribution, format or
//     engagement-rate definition.
//   - Escalation: no escalation contact, no quiet-hours line.
//
// Terms that are [Opt] and left unstated are reported with [CodeUnstated]:
// stating "none" is an answer, silence is not.
//
// Check judges an agreement that [Agreement.Validate] accepts; given one that
// it rejects, Check does not panic, but its findings may be incomplete.
func Check(a Agreement) Findings {
	c := checker{a: a}
	c.deliverables()
	c.commitments()
	c.revisions()
	c.commercial()
	c.rights()
	c.compliance()
	c.reporting()
	c.escalation()
	c.fs.Sort()
	return c.fs
}

type checker struct {
	a  Agreement
	fs Findings
}

func (c *checker) add(code, path, msg string) {
	c.fs = append(c.fs, Finding{Code: code, Severity: CodeSeverity(code), Path: path, Message: msg})
}

func (c *checker) deliverables() {
	a := c.a
	dated := false
	for i, d := range a.Deliverables {
		p := problem.Index("deliverables", i)
		what := d.describe()
		if !d.Length.IsStated() {
			c.add(CodeNoLength, p+".length", what+" has no length: say how long each unit is (\"20–35 s\"), or write \"none\" where length does not apply.")
		}
		if !d.Extras.IsStated() {
			c.add(CodeUnstated, p+".extras", what+": say what comes with it (a link sticker, story frames), or write \"none\".")
		}
		post, postPath := d.postDate(p)
		if post.IsZero() {
			c.add(CodeNoPostDate, p+".post_date", what+" has no post date or posting window: nothing can be scheduled or checked.")
		} else {
			dated = true
			if d.PostTime == nil {
				c.add(CodeNoPostTime, p+".post_time", what+" has no local post time; the schedule is checked against the end of its last posting day.")
			}
		}
		if strings.TrimSpace(d.Tag) == "" {
			c.add(CodeNoTag, p+".tag", what+" does not say which brand handle to tag.")
		}
		if strings.TrimSpace(d.Disclosure) == "" && strings.TrimSpace(a.Compliance.Disclosure) == "" {
			c.add(CodeNoDisclosure, p+".disclosure", what+" carries no disclosure, and the agreement sets none: say how the post is disclosed (\"#ad\", the paid-partnership label).")
		}
		if !post.IsZero() {
			c.schedule(i, postPath)
		}
	}
	if dated && a.Kickoff.IsZero() {
		c.add(CodeNoKickoff, "kickoff", "No kickoff date: the schedule cannot be checked against the post dates.")
	}
}

// describe names a deliverable for a message: "deliverable \"tiktok-video\"
// (1 tiktok short_video)".
func (d Deliverable) describe() string {
	return fmt.Sprintf("Deliverable %s (%d %s %s)", problem.Quote(d.ID), d.Count, d.Platform, d.Format)
}

// postDate returns the date the schedule must fit before (the post date, or
// the last date of the posting window) and the path of that date.
func (d Deliverable) postDate(path string) (date.Date, string) {
	if d.Window != nil && !d.Window.To.IsZero() {
		return d.Window.To, path + ".window.to"
	}
	return d.PostDate, path + ".post_date"
}

// schedule compiles deliverable i's plan with the timeline engine and reports
// a plan that cannot fit or a post date that is not a posting day. Missing
// names do not stop it: they are findings of their own.
func (c *checker) schedule(i int, postPath string) {
	a := c.a
	if a.Kickoff.IsZero() || a.Brand.Calendar == nil || a.Creator.Calendar == nil {
		return
	}
	plan, err := a.Plan(i)
	if err != nil {
		return
	}
	for _, s := range []*sltimeline.Side{&plan.Brand, &plan.Creator} {
		if s.Owner.Name == "" {
			s.Owner.Name = "owner"
		}
		if s.Manager.Name == "" {
			s.Manager.Name = "manager"
		}
	}
	fit := "the schedule cannot fit"
	if _, ok := a.Rush.Get(); ok && plan.Policy.Rush != nil {
		plan.Policy = withRush(plan.Policy)
		fit += ", even with the rush windows"
	}
	_, err = sltimeline.Compile(plan)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return
	}
	what := a.Deliverables[i].describe()
	for _, f := range ve.Problems {
		switch {
		case f.Code == sltimeline.CodeInfeasible:
			c.add(CodeScheduleInfeasible, postPath, what+": "+fit+": "+strings.TrimPrefix(f.Message, "cannot fit: ")+".")
		case f.Path == "post_date" && f.Code == problem.CodeOutOfRange:
			c.add(CodeNotPostingDay, postPath, what+": "+f.Message+".")
		}
	}
}

// withRush returns p with its rush windows in place of the normal ones (and
// no rush terms left, since they would no longer be shorter).
func withRush(p sla.Policy) sla.Policy {
	r := p.Rush
	set := func(w *sla.Window, rush sla.Window) {
		if !rush.IsZero() {
			*w = rush
		}
	}
	set(&p.BrandResponse, r.BrandResponse)
	set(&p.CreatorResponse, r.CreatorResponse)
	set(&p.Draft, r.Draft)
	set(&p.Review, r.Review)
	set(&p.ProductionLead, r.ProductionLead)
	p.Rush = nil
	return p
}

// Plan returns the timeline plan of deliverable i, ready for
// [sltimeline.Compile]: the agreement's policy (payment terms missing from it
// filled with the defaults), both sides as they are, the kickoff at the start
// of its date on the brand's calendar, the post date (the last date of a
// posting window) and post time (23:59 when the agreement gives none), the
// ship-by date when a product is shipped, and the rate card's price of an
// extra revision round (the rate card, when it validates and prices one). It
// reports an error when i is out of range or the
// agreement lacks a kickoff, the post date or a side's calendar.
func (a Agreement) Plan(i int) (sltimeline.Plan, error) {
	if i < 0 || i >= len(a.Deliverables) {
		return sltimeline.Plan{}, problem.NewFieldError(pkg, "deliverables", problem.CodeOutOfRange,
			fmt.Sprintf("no deliverable %d: the agreement has %d", i, len(a.Deliverables)))
	}
	d := a.Deliverables[i]
	l := problem.List{Pkg: pkg}
	post, postPath := d.postDate(problem.Index("deliverables", i))
	requiredDate(&l, postPath, post, "the post date")
	requiredDate(&l, "kickoff", a.Kickoff, "the kickoff date")
	if a.Brand.Calendar == nil {
		l.Add("brand.calendar", problem.CodeRequired, "required: the brand's calendar")
	}
	if a.Creator.Calendar == nil {
		l.Add("creator.calendar", problem.CodeRequired, "required: the creator's calendar")
	}
	if err := l.Err("plan"); err != nil {
		return sltimeline.Plan{}, err
	}
	y, m, dd := a.Kickoff.Date()
	at := clock.New(23, 59, 0, 0)
	if d.PostTime != nil {
		at = *d.PostTime
	}
	id := d.ID
	if a.ID != "" {
		id = a.ID + "/" + d.ID
	}
	plan := sltimeline.Plan{
		ID:       id,
		Policy:   paymentFilled(a.Policy),
		Brand:    a.Brand.Side,
		Creator:  a.Creator.Side,
		Kickoff:  a.Brand.Calendar.At(y, m, dd, 0, 0, 0),
		PostDate: post,
		PostTime: at,
	}
	if s, ok := a.Brief.Shipping.Get(); ok && !s.ShipBy.IsZero() {
		plan.Product = &sltimeline.Product{ShipBy: s.ShipBy}
	}
	if rc := a.Commercial.RateCard; rc != nil && rc.ExtraRevision != nil && rc.Validate() == nil {
		plan.RateCard = rc
	}
	return plan, nil
}

func (c *checker) commitments() {
	a := c.a
	for _, s := range []struct {
		path, who string
		p         Party
	}{{"brand", "The brand", a.Brand}, {"creator", "The creator", a.Creator}} {
		if s.p.Calendar == nil {
			c.add(CodeNoCalendar, s.path+".calendar", s.who+" has no calendar (time zone, working hours, quiet hours): its response times cannot be counted.")
		}
		if strings.TrimSpace(s.p.Owner.Name) == "" {
			c.add(CodeNoOwner, s.path+".owner", s.who+" names nobody who answers: name one owner for creator communication.")
		}
		if strings.TrimSpace(s.p.Backup.Name) == "" {
			c.add(CodeNoBackup, s.path+".backup", s.who+"'s owner has no backup: when the owner is away, nobody answers, and that is where delays start.")
		}
		if strings.TrimSpace(s.p.Manager.Name) == "" {
			c.add(CodeNoManager, s.path+".manager", s.who+" names no manager: a silent owner cannot be escalated to anyone.")
		}
	}
	b := a.Brief
	for _, f := range []struct{ path, value, what string }{
		{"brief.product", b.Product, "what the product is"},
		{"brief.audience", b.Audience, "who the audience is"},
		{"brief.key_message", b.KeyMessage, "the key message"},
	} {
		if strings.TrimSpace(f.value) == "" {
			c.add(CodeBriefIncomplete, f.path, "The brief does not say "+f.what+".")
		}
	}
	switch s, ok := b.Shipping.Get(); {
	case !b.Shipping.IsStated():
		c.add(CodeUnstated, "brief.shipping", "The brief does not say when the product ships: give the ship-by date, or write \"none\" when nothing is shipped.")
	case ok && s.ShipBy.IsZero():
		c.add(CodeBriefIncomplete, "brief.shipping.ship_by", "The product is shipped, but the brief gives no ship-by date: the brand's shipping commitment is open.")
	}
}

func (c *checker) revisions() {
	p := c.a.Policy
	if p.EditRounds == 0 {
		c.add(CodeNoRevisionRound, "policy.edit_rounds", "No edit round is included: the first draft is final, or every change is a paid extra. Include at least one round of edit notes.")
	}
	for _, r := range []struct {
		path, what string
		n          int64
	}{{"policy.concept_rounds", "concept", p.ConceptRounds}, {"policy.edit_rounds", "edit", p.EditRounds}} {
		if r.n > MaxSensibleRounds {
			c.add(CodeUnboundedRevisions, r.path, fmt.Sprintf("%d %s rounds are included: in practice unlimited revisions, which become endless. Cap them (%d or fewer) and price the extra ones.", r.n, r.what, MaxSensibleRounds))
		}
	}
	if rc := c.a.Commercial.RateCard; rc == nil || rc.ExtraRevision == nil {
		c.add(CodeNoRevisionFee, "commercial.rate_card.extra_revision", "Nothing prices a revision round beyond the included ones: say what an extra round costs.")
	}
}

// quoteIssued is the issue time of the quotes Check makes: only the lines
// matter, and they do not depend on it.
func quoteIssued() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

func (c *checker) commercial() {
	a := c.a
	cm := a.Commercial
	rc := cm.RateCard
	if rc == nil {
		c.add(CodeNoDeal, "commercial.rate_card", "No rate card: nothing prices the deal.")
	}
	if len(cm.Deal.Items) == 0 {
		c.add(CodeNoDeal, "commercial.deal", "The deal prices nothing: add one item per deliverable.")
	}
	if rc != nil && rc.Validate() == nil && len(cm.Deal.Items) > 0 {
		if _, err := a.Price(quoteIssued()); err != nil {
			for _, f := range problem.Problems(pkg, "", err) {
				c.add(CodeDealUnpriceable, f.Path, "The rate card cannot price the deal: "+f.Message+".")
			}
		}
	}
	for i, d := range a.Deliverables {
		j := slices.IndexFunc(cm.Deal.Items, func(it pricing.DealItem) bool { return it.Name == d.ID })
		if j < 0 {
			if len(cm.Deal.Items) > 0 {
				c.add(CodeDeliverableUnpriced, problem.Index("deliverables", i), d.describe()+" is not priced: add a deal item named "+problem.Quote(d.ID)+".")
			}
			continue
		}
		c.dealItem(d, j)
	}
	c.rush()
	c.payment()
	if strings.TrimSpace(cm.Invoice.To) == "" {
		c.add(CodeNoInvoiceRequirements, "commercial.invoice.to", "The agreement does not say who receives invoices.")
	}
	if len(cm.Invoice.MustInclude) == 0 {
		c.add(CodeNoInvoiceRequirements, "commercial.invoice.must_include", "The agreement does not say what an invoice must carry (a PO number, the live links, tax forms): unclear invoice requirements delay payment.")
	}
}

// dealItem compares deliverable d with the deal item j that prices it.
func (c *checker) dealItem(d Deliverable, j int) {
	it := c.a.Commercial.Deal.Items[j]
	p := problem.Index("commercial.deal.items", j)
	if it.Platform != d.Platform || it.Format != d.Format {
		c.add(CodeDealMismatch, p+".platform", fmt.Sprintf("The deal prices %s %s for %s.", it.Platform, it.Format, d.describe()))
	}
	if q := max(it.Quantity, 1); q != d.Count {
		c.add(CodeDealMismatch, p+".quantity", fmt.Sprintf("The deal prices %d units for %s.", q, d.describe()))
	}
	if n, ok := d.Length.Get(); ok && it.Seconds != 0 && (int64(it.Seconds) < n.MinSeconds || int64(it.Seconds) > n.MaxSeconds) {
		c.add(CodeDealMismatch, p+".seconds", fmt.Sprintf("The deal prices %d s, outside the agreed %d–%d s of %s.", it.Seconds, n.MinSeconds, n.MaxSeconds, d.describe()))
	}
}

func (c *checker) rush() {
	a := c.a
	priced := -1
	for i, it := range a.Commercial.Deal.Items {
		if it.Rush {
			priced = i
			break
		}
	}
	_, agreed := a.Rush.Get()
	switch {
	case !a.Rush.IsStated():
		c.add(CodeUnstated, "rush", "The agreement does not say whether a rush turnaround is agreed: write \"none\" for the standard timelines.")
	case agreed && priced < 0:
		c.add(CodeRushUnpriced, "rush", "A rush turnaround is agreed but the deal has no rush fee: pay for speed or accept the standard timelines, not both.")
	}
	if !agreed && priced >= 0 {
		c.add(CodeDealMismatch, problem.Index("commercial.deal.items", priced)+".rush", "The deal prices a rush turnaround the agreement does not agree to.")
	}
}

func (c *checker) payment() {
	pay := c.a.Policy.Payment
	switch {
	case pay.Net.IsZero() && pay.Trigger == "":
		c.add(CodeNoPaymentTerms, "policy.payment", "No payment terms: say how many days after which event the creator is paid (\"Net 15 after invoice and live links\").")
	case pay.Net.IsZero():
		c.add(CodeNoPaymentTerms, "policy.payment.net", "The payment terms do not say how many days the brand has to pay.")
	case pay.Trigger == "":
		c.add(CodeNoPaymentTrigger, "policy.payment.trigger", "The payment terms do not say what starts the clock: the invoice, the live link, both, or final approval.")
	}
	if rc := c.a.Commercial.RateCard; rc != nil && !c.a.Commercial.Deal.NetZero && !pay.Net.IsZero() && pay.Net != sla.Days(int64(rc.NetDays)) {
		c.add(CodeDealMismatch, "commercial.rate_card.net_days", fmt.Sprintf("The rate card's quotes say Net %d; the agreement pays %s after the trigger.", rc.NetDays, pay.Net))
	}
}

func (c *checker) rights() {
	r := c.a.Rights
	deal := c.a.Commercial.Deal
	const unstated = ": say what the brand may do, or write \"none\"."

	switch u, ok := r.Usage.Get(); {
	case !r.Usage.IsStated():
		c.add(CodeUnstated, "rights.usage", "Usage rights are not stated"+unstated)
	case ok:
		if len(u.Channels) == 0 {
			c.add(CodeUsageIncomplete, "rights.usage.channels", "Usage rights do not say where the brand may use the content.")
		}
		if u.Duration.IsZero() {
			c.add(CodeUsageIncomplete, "rights.usage.duration", "Usage rights do not say for how long.")
		}
		if !u.Paid && !u.Organic {
			c.add(CodeUsageIncomplete, "rights.usage", "Usage rights do not say whether paid, organic or both.")
		}
		if u.Duration.IsPerpetual() {
			c.add(CodePerpetualRights, "rights.usage.duration", "Usage rights are perpetual: start with 3 months and extend if the content performs.")
		}
		c.usagePriced(u)
	}
	if !granted(r.Usage) {
		for i, it := range deal.Items {
			if it.Usage != nil {
				c.add(CodeDealMismatch, problem.Index("commercial.deal.items", i)+".usage", "The deal prices usage rights the agreement does not grant.")
			}
		}
	}

	switch w, ok := r.Whitelisting.Get(); {
	case !r.Whitelisting.IsStated():
		c.add(CodeUnstated, "rights.whitelisting", "Whitelisting is not stated"+unstated)
	case ok:
		if !w.SpendCap.IsPositive() {
			c.add(CodeWhitelistingIncomplete, "rights.whitelisting.spend_cap", "Whitelisting has no spend cap: cap the ad spend from the creator's handle.")
		}
		if w.Duration.IsZero() {
			c.add(CodeWhitelistingIncomplete, "rights.whitelisting.duration", "Whitelisting does not say for how long the brand has ad access.")
		}
		if len(w.Regions) == 0 {
			c.add(CodeWhitelistingIncomplete, "rights.whitelisting.regions", "Whitelisting does not say in which regions the ads run.")
		}
		if w.Duration.IsPerpetual() {
			c.add(CodePerpetualRights, "rights.whitelisting.duration", "Whitelisting is perpetual: limit the term to reduce the creator's risk.")
		}
		switch p := deal.Whitelisting; {
		case p == nil:
			c.add(CodeAddOnUnpriced, "rights.whitelisting", "Whitelisting is granted but the deal does not price it: it is a separate deliverable with separate pricing.")
		case !w.Duration.IsZero() && !monthsCover(p.Months, w.Duration):
			c.add(CodeDealMismatch, "commercial.deal.whitelisting.months", fmt.Sprintf("The deal prices %d months of whitelisting; the agreement grants %s.", p.Months, w.Duration))
		case w.SpendCap.IsValid() && p.SpendCap.IsValid() && !w.SpendCap.Equal(p.SpendCap):
			c.add(CodeDealMismatch, "commercial.deal.whitelisting.spend_cap", fmt.Sprintf("The deal prices a spend cap of %s; the agreement caps spend at %s.", p.SpendCap, w.SpendCap))
		}
	}
	if !granted(r.Whitelisting) && deal.Whitelisting != nil {
		c.add(CodeDealMismatch, "commercial.deal.whitelisting", "The deal prices whitelisting the agreement does not grant.")
	}

	switch e, ok := r.Exclusivity.Get(); {
	case !r.Exclusivity.IsStated():
		c.add(CodeUnstated, "rights.exclusivity", "Exclusivity is not stated"+unstated)
	case ok:
		if len(e.Categories) == 0 {
			c.add(CodeExclusivityIncomplete, "rights.exclusivity.categories", "Exclusivity names no category: define competitors by category, not by a long brand list.")
		}
		if e.Window.IsZero() {
			c.add(CodeExclusivityIncomplete, "rights.exclusivity.window", "Exclusivity does not say for how long.")
		}
		if e.Window.IsPerpetual() {
			c.add(CodePerpetualRights, "rights.exclusivity.window", "Exclusivity is perpetual: the creator could never work in the category again.")
		}
		switch p := deal.Exclusivity; {
		case p == nil:
			c.add(CodeAddOnUnpriced, "rights.exclusivity", "Exclusivity is granted but the deal does not price it.")
		case !e.Window.IsZero() && !monthsCover(p.Months, e.Window):
			c.add(CodeDealMismatch, "commercial.deal.exclusivity.months", fmt.Sprintf("The deal prices %d months of exclusivity; the agreement grants %s.", p.Months, e.Window))
		}
	}
	if !granted(r.Exclusivity) && deal.Exclusivity != nil {
		c.add(CodeDealMismatch, "commercial.deal.exclusivity", "The deal prices exclusivity the agreement does not grant.")
	}
}

// granted reports whether an Opt holds a value.
func granted[T any](o Opt[T]) bool {
	_, ok := o.Get()
	return ok
}

// usagePriced reports usage rights that no deal item prices, or prices on
// other terms.
func (c *checker) usagePriced(u Usage) {
	items := c.a.Commercial.Deal.Items
	first := -1
	for i, it := range items {
		r := it.Usage
		if r == nil {
			continue
		}
		if first < 0 {
			first = i
		}
		if r.Paid == u.Paid && (u.Duration.IsZero() || r.Duration == u.Duration) && subset(u.Channels, r.Channels) {
			return
		}
	}
	if first < 0 {
		c.add(CodeAddOnUnpriced, "rights.usage", "Usage rights are granted but the deal does not price them: price them separately from the creative fee.")
		return
	}
	r := items[first].Usage
	c.add(CodeDealMismatch, problem.Index("commercial.deal.items", first)+".usage", fmt.Sprintf(
		"The deal prices %s usage for %s on %s; the agreement grants %s usage for %s on %s.",
		paidWord(r.Paid), r.Duration, strings.Join(r.Channels, ", "), paidWord(u.Paid), u.Duration, strings.Join(u.Channels, ", ")))
}

func paidWord(paid bool) string {
	if paid {
		return "paid"
	}
	return "organic"
}

// subset reports whether every entry of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// monthsCover reports whether months priced cover duration d: as many months,
// or 31 days a month.
func monthsCover(months int, d pricing.Duration) bool {
	switch {
	case d.IsPerpetual():
		return false
	case d.Months() > 0:
		return months >= d.Months()
	}
	return months*31 >= d.Days()
}

func (c *checker) compliance() {
	if !c.a.Compliance.ClaimRestrictions.IsStated() {
		c.add(CodeUnstated, "compliance.claim_restrictions", "Claim restrictions are not stated: list the claims the content may not make before filming starts, or write \"none\".")
	}
}

func (c *checker) reporting() {
	r := c.a.Reporting
	if len(r.MetricSource.Kinds) == 0 && strings.TrimSpace(r.MetricSource.Clause) == "" {
		c.add(CodeNoMetricSource, "reporting.metric_source", "No metric-source clause: say where the numbers come from (\"platform native analytics screenshots or exports, within 7 days of posting\"), or expect fights about what counts as a view.")
	}
	if strings.TrimSpace(r.PrimaryKPI) == "" {
		c.add(CodeNoPrimaryKPI, "reporting.primary_kpi", "No primary KPI: say what the campaign is judged on (reach, views, clicks, conversions or CPA).")
	}
	if len(c.a.Policy.Reports) == 0 {
		c.add(CodeNoReportDeadline, "policy.reports", "No reporting deadline: say when figures are due (7 days after posting, and again at 30).")
	}
	for _, f := range []struct{ path, value, what string }{
		{"reporting.secondary_kpi", r.SecondaryKPI, "No secondary KPI (engagement rate, saves, shares, watch time)."},
		{"reporting.attribution", r.Attribution, "No attribution method (UTM link, affiliate link, promo code, pixel)."},
		{"reporting.format", r.Format, "No reporting format (screenshots, CSV export, marketplace report)."},
		{"reporting.engagement_rate", r.EngagementRate.String(), "No engagement-rate definition: pick one and keep it for every creator."},
	} {
		if strings.TrimSpace(f.value) == "" {
			c.add(CodeReportingIncomplete, f.path, f.what)
		}
	}
}

func (c *checker) escalation() {
	a := c.a
	switch {
	case !a.Escalation.IsStated():
		c.add(CodeNoEscalation, "escalation", "No escalation contact: name who to contact, in order, when a timeline slips.")
	case a.Escalation.IsNone():
		c.add(CodeNoEscalation, "escalation", "The agreement says there is no escalation path: when a timeline slips, nobody is named to call.")
	}
	if strings.TrimSpace(a.QuietHours) == "" {
		c.add(CodeNoQuietHours, "quiet_hours", "No quiet-hours line: say when neither side expects answers (\"No weekend approvals unless pre-scheduled\").")
	}
}
