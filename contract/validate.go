package contract

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/rickb777/date"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// Validate reports whether the agreement is well formed, with every problem at
// once in a *[ValidationError] whose problems carry JSON paths. It rejects
// what cannot be right whatever was negotiated:
//
//   - a missing campaign name, brand name or creator name;
//   - no deliverables or more than [MaxDeliverables]; a deliverable without an
//     id (or with the id of another), platform or format; a count outside
//     1..[MaxCount]; a length range that is inverted or outside
//     1..[MaxSeconds]; both a post date and a posting window, or a window
//     whose dates are missing, inverted or more than [MaxWindowDays] apart;
//     keep_live_days outside 0..[MaxKeepLiveDays];
//   - a policy that [sla.Policy.Validate] rejects (its payment terms may be
//     missing: that is a finding of [Check], not a malformed agreement);
//   - an expected receipt before the ship-by date;
//   - a rate card that [pricing.RateCard.Validate] rejects; a deal that
//     [pricing.DecodeDealRequest] rejects (names, counts, deal terms set on
//     an item), or whose items name no deliverable;
//   - a negative whitelisting spend cap;
//   - a stated list that is empty (write "none") or holds an empty entry;
//     an empty or unknown metric-source kind; an escalation contact without
//     a name or with a side other than brand or creator; an email without
//     "@"; a template reference without its name or version.
//
// What is missing or risky but well formed (no post date, no backup, an
// unpriced add-on) is not an error here: [Check] reports it.
func (a Agreement) Validate() error {
	l := problem.List{Pkg: pkg}
	a.validate(&l)
	return l.Err("agreement")
}

func (a Agreement) validate(l *problem.List) {
	if a.Template != (TemplateRef{}) {
		required(l, "template.name", a.Template.Name, "the template's name")
		required(l, "template.version", a.Template.Version, "the template's version")
	}
	required(l, "campaign.name", a.Campaign.Name, "the campaign's name")
	a.Brand.validate(l, "brand")
	a.Creator.validate(l, "creator")

	a.Brief.validate(l)
	a.validateDeliverables(l)

	if err := paymentFilled(a.Policy).Validate(); err != nil {
		for _, f := range problem.Problems(pkg, "", err) {
			l.Problems = append(l.Problems, f.Rebase("policy"))
		}
	}

	a.validateCommercial(l)
	a.Rights.validate(l)

	if v, ok := a.Compliance.ClaimRestrictions.Get(); ok {
		stringList(l, "compliance.claim_restrictions", v, true)
	}
	stringList(l, "compliance.must_show", a.Compliance.MustShow, false)
	stringList(l, "compliance.off_limits", a.Compliance.OffLimits, false)

	for i, k := range a.Reporting.MetricSource.Kinds {
		if k < metrics.SourceScreenshot || k > metrics.SourcePromoCode {
			l.Add(problem.Index("reporting.metric_source.kinds", i), problem.CodeRequired,
				"empty source: want screenshot, export, api, link_tracker or promo_code")
		}
	}

	if v, ok := a.Escalation.Get(); ok {
		if len(v) == 0 {
			l.Add("escalation", problem.CodeRequired, `an empty escalation path: name a contact, or write "none"`)
		}
		for i, c := range v {
			p := problem.Index("escalation", i)
			if c.Side != sltimeline.Brand && c.Side != sltimeline.Creator {
				l.Add(p+".side", problem.CodeMalformed, "side "+problem.Quote(string(c.Side))+": want brand or creator")
			}
			required(l, p+".name", c.Name, "the person to contact")
			email(l, p+".email", c.Email)
		}
	}
}

// paymentFilled returns p with its missing payment terms set to the default
// ones: the policy as the timeline engine needs it. A missing payment term is
// a checklist finding, not a malformed policy.
func paymentFilled(p sla.Policy) sla.Policy {
	d := sla.DefaultPolicy().Payment
	if p.Payment.Net.IsZero() {
		p.Payment.Net = d.Net
	}
	if p.Payment.Trigger == "" {
		p.Payment.Trigger = d.Trigger
	}
	return p
}

func (p Party) validate(l *problem.List, path string) {
	required(l, path+".name", p.Name, "the "+path+"'s name")
	email(l, path+".owner.email", p.Owner.Email)
	email(l, path+".manager.email", p.Manager.Email)
	email(l, path+".backup.email", p.Backup.Email)
}

func (b Brief) validate(l *problem.List) {
	stringList(l, "brief.must_show", b.MustShow, false)
	stringList(l, "brief.off_limits", b.OffLimits, false)
	if s, ok := b.Shipping.Get(); ok && !s.ShipBy.IsZero() && !s.ExpectedReceipt.IsZero() && s.ExpectedReceipt.Before(s.ShipBy) {
		l.Add("brief.shipping.expected_receipt", problem.CodeOutOfRange,
			fmt.Sprintf("expected receipt %s is before the ship-by date %s", s.ExpectedReceipt, s.ShipBy))
	}
}

func (a Agreement) validateDeliverables(l *problem.List) {
	switch n := len(a.Deliverables); {
	case n == 0:
		l.Add("deliverables", problem.CodeRequired, "required: at least one deliverable")
	case n > MaxDeliverables:
		l.Add("deliverables", problem.CodeTooLarge, fmt.Sprintf("%d deliverables: at most %d", n, MaxDeliverables))
		return
	}
	seen := make(map[string]int, len(a.Deliverables))
	for i, d := range a.Deliverables {
		p := problem.Index("deliverables", i)
		if required(l, p+".id", d.ID, "a name for the deliverable, such as \"tiktok-video\"") {
			if j, dup := seen[d.ID]; dup {
				l.Add(p+".id", problem.CodeDuplicateKey, fmt.Sprintf("id %s is also deliverables[%d]'s", problem.Quote(d.ID), j))
			} else {
				seen[d.ID] = i
			}
		}
		required(l, p+".platform", d.Platform, "the platform, such as \"tiktok\"")
		required(l, p+".format", d.Format, "the format, such as \"short_video\"")
		switch {
		case d.Count == 0:
			l.Add(p+".count", problem.CodeRequired, fmt.Sprintf("required: the number of units, 1 to %d", MaxCount))
		case d.Count < 0 || d.Count > MaxCount:
			l.Add(p+".count", problem.CodeOutOfRange, fmt.Sprintf("%d units: want 1 to %d", d.Count, MaxCount))
		}
		if n, ok := d.Length.Get(); ok {
			switch {
			case n.MinSeconds < 1 || n.MinSeconds > MaxSeconds:
				l.Add(p+".length.min_seconds", problem.CodeOutOfRange, fmt.Sprintf("%d s: want 1 to %d", n.MinSeconds, MaxSeconds))
			case n.MaxSeconds < n.MinSeconds || n.MaxSeconds > MaxSeconds:
				l.Add(p+".length.max_seconds", problem.CodeOutOfRange, fmt.Sprintf("%d s: want %d to %d", n.MaxSeconds, n.MinSeconds, MaxSeconds))
			}
		}
		if v, ok := d.Extras.Get(); ok {
			stringList(l, p+".extras", v, true)
		}
		if w := d.Window; w != nil {
			if !d.PostDate.IsZero() {
				l.Add(p+".window", problem.CodeMismatch, "both a post date and a posting window: keep one")
			}
			from := requiredDate(l, p+".window.from", w.From, "the first date of the window")
			to := requiredDate(l, p+".window.to", w.To, "the last date of the window")
			if from && to {
				switch days := w.To.Sub(w.From) + 1; {
				case days < 1:
					l.Add(p+".window.to", problem.CodeOutOfRange, fmt.Sprintf("window ends %s, before it starts %s", w.To, w.From))
				case days > MaxWindowDays:
					l.Add(p+".window.to", problem.CodeOutOfRange, fmt.Sprintf("window of %d days: at most %d", days, MaxWindowDays))
				}
			}
		}
		if d.KeepLiveDays < 0 || d.KeepLiveDays > MaxKeepLiveDays {
			l.Add(p+".keep_live_days", problem.CodeOutOfRange, fmt.Sprintf("%d days: want 0 (the policy's keep_live) to %d", d.KeepLiveDays, MaxKeepLiveDays))
		}
	}
}

func (a Agreement) validateCommercial(l *problem.List) {
	c := a.Commercial
	if c.RateCard != nil {
		if err := c.RateCard.Validate(); err != nil {
			for _, f := range problem.Problems(pkg, "", err) {
				l.Problems = append(l.Problems, f.Rebase("commercial.rate_card"))
			}
		}
	}
	if !dealIsZero(c.Deal) {
		// The deal's own checks, those that need no card, with their paths.
		if data, err := json.Marshal(c.Deal); err != nil {
			l.Add("commercial.deal", problem.CodeMalformed, err.Error())
		} else if _, err := pricing.DecodeDealRequest(data); err != nil {
			for _, f := range problem.Problems(pkg, "", err) {
				l.Problems = append(l.Problems, f.Rebase("commercial.deal"))
			}
		}
	}
	ids := make(map[string]bool, len(a.Deliverables))
	for _, d := range a.Deliverables {
		ids[d.ID] = true
	}
	for i, it := range c.Deal.Items {
		if it.Name != "" && !ids[it.Name] {
			l.Add(problem.Index("commercial.deal.items", i)+".name", problem.CodeMismatch, "no deliverable has the id "+problem.Quote(it.Name))
		}
	}
	stringList(l, "commercial.invoice.must_include", c.Invoice.MustInclude, false)
}

func (r Rights) validate(l *problem.List) {
	if u, ok := r.Usage.Get(); ok {
		stringList(l, "rights.usage.channels", u.Channels, false)
	}
	if w, ok := r.Whitelisting.Get(); ok {
		if w.SpendCap.IsNegative() {
			l.Add("rights.whitelisting.spend_cap", problem.CodeOutOfRange, problem.Quote(w.SpendCap.String())+" is negative")
		}
		stringList(l, "rights.whitelisting.regions", w.Regions, false)
	}
	if e, ok := r.Exclusivity.Get(); ok {
		stringList(l, "rights.exclusivity.categories", e.Categories, false)
	}
}

// dealIsZero reports whether the agreement has no deal at all.
func dealIsZero(d pricing.DealRequest) bool {
	return len(d.Items) == 0 && d.Whitelisting == nil && d.Exclusivity == nil && !d.NetZero
}

// required reports a missing value at path and whether it is present.
func required(l *problem.List, path, value, what string) bool {
	if strings.TrimSpace(value) == "" {
		l.Add(path, problem.CodeRequired, "required: "+what)
		return false
	}
	return true
}

// stringList reports empty entries of list and, when stated, an empty list.
func stringList(l *problem.List, path string, list []string, stated bool) {
	if stated && len(list) == 0 {
		l.Add(path, problem.CodeRequired, `an empty list: give at least one entry, or write "none"`)
	}
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			l.Add(problem.Index(path, i), problem.CodeRequired, "an empty entry")
		}
	}
}

// email reports an address without "@"; an empty one is not checked.
func email(l *problem.List, path, s string) {
	if s != "" && !strings.Contains(s, "@") {
		l.Add(path, problem.CodeMalformed, "email "+problem.Quote(s)+" has no \"@\"")
	}
}

// requiredDate reports a missing date at path and whether it is present.
func requiredDate(l *problem.List, path string, d date.Date, what string) bool {
	if d.IsZero() {
		l.Add(path, problem.CodeRequired, "required: "+what)
		return false
	}
	return true
}
