package contract

import (
	"encoding/json"
	"strings"

	"github.com/rickb777/date"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
)

// Template is what every agreement of a campaign shares: the brand, the
// brief, the service terms, the rate card and invoice requirements, the
// standard rights, the disclosure language and compliance rules, the
// reporting request, the escalation path and the quiet-hours line. It is
// instantiated per creator with only the per-creator fields
// ([Template.Instantiate]); each agreement carries the template's name and
// version, so that a template updated each quarter leaves a trail.
//
// Its JSON keys are the agreement's (name and version aside), so a problem
// has the same path in a template as in the agreements made from it. Read
// one with [DecodeTemplate].
type Template struct {
	// Name and Version identify the template: "glowco-creator-standard",
	// "2027-q1". Both required.
	Name    string `json:"name"`
	Version string `json:"version"`

	Campaign CampaignRef `json:"campaign"`
	Brand    Party       `json:"brand"`
	Brief    Brief       `json:"brief,omitzero"`
	// Policy is the service terms, read over [sla.DefaultPolicy] (payment
	// terms aside), as an agreement's.
	Policy sla.Policy `json:"policy"`
	// Commercial holds the rate card and the invoice requirements; the deal
	// is per creator ([CreatorTerms.Deal]) and must be empty here.
	Commercial Commercial `json:"commercial,omitzero"`
	// Rights are the campaign's standard rights; a creator's terms may state
	// others.
	Rights     Rights                   `json:"rights,omitzero"`
	Compliance Compliance               `json:"compliance,omitzero"`
	Reporting  Reporting                `json:"reporting,omitzero"`
	Escalation Opt[[]EscalationContact] `json:"escalation,omitzero"`
	QuietHours string                   `json:"quiet_hours,omitempty"`
}

// CreatorTerms are the per-creator fields of an agreement made from a
// [Template].
type CreatorTerms struct {
	// ID is the agreement's ID: "glowco-dew-2027/maya-reyes".
	ID      string    `json:"id,omitempty"`
	Creator Party     `json:"creator"`
	Kickoff date.Date `json:"kickoff,omitzero"`
	// Deliverables and Deal are the creator's deliverables and the deal
	// that prices them.
	Deliverables []Deliverable       `json:"deliverables"`
	Deal         pricing.DealRequest `json:"deal,omitzero"`
	// Shipping is the creator's shipping dates; unstated keeps the
	// template's brief's.
	Shipping Opt[Shipping] `json:"shipping,omitzero"`
	// Rights stated here replace the template's, one right at a time: a
	// creator's "exclusivity": "none" overrides the campaign's standard
	// exclusivity, and an unstated right keeps the template's.
	Rights Rights    `json:"rights,omitzero"`
	Rush   Opt[Rush] `json:"rush,omitzero"`
	// Escalation is the creator's side of the escalation path, added after
	// the template's contacts.
	Escalation []EscalationContact `json:"escalation,omitempty"`
}

// DecodeTemplate reads a template from JSON as [DecodeAgreement] reads an
// agreement (strictly, at most [MaxAgreementBytes], the policy over the
// defaults without payment terms) and validates it with [Template.Validate].
func DecodeTemplate(data []byte) (Template, error) {
	t := plainTemplate{Policy: defaultPolicy()}
	decoded, ok := strictjson.Decode(pkg, data, &t, MaxAgreementBytes)
	l := problem.List{Pkg: pkg, Problems: decoded}
	if ok {
		if err := Template(t).Validate(); err != nil {
			l.Problems = strictjson.Merge(decoded, problem.Problems(pkg, "", err))
		}
	}
	if err := l.Err("template"); err != nil {
		return Template{}, err
	}
	return Template(t), nil
}

// plainTemplate is Template without its UnmarshalJSON.
type plainTemplate Template

// UnmarshalJSON decodes a template as [DecodeTemplate] does, without
// validating it.
func (t *Template) UnmarshalJSON(data []byte) error {
	v := plainTemplate{Policy: defaultPolicy()}
	decoded, _ := strictjson.Decode(pkg, data, &v, MaxAgreementBytes)
	if err := problem.NewValidationError(pkg, "template", decoded); err != nil {
		return err
	}
	*t = Template(v)
	return nil
}

// Validate reports every problem of the template at once: a missing name or
// version, deal items (they are per creator), and whatever
// [Agreement.Validate] rejects in the fields the template holds, at the same
// paths.
func (t Template) Validate() error {
	l := problem.List{Pkg: pkg}
	required(&l, "name", t.Name, "the template's name")
	required(&l, "version", t.Version, "the template's version")
	if !dealIsZero(t.Commercial.Deal) {
		l.Add("commercial.deal", problem.CodeMismatch, "a template prices no deal: the deal is per creator, in the creator terms")
	}
	probe := t.agreement(CreatorTerms{})
	var ps problem.List
	probe.validate(&ps)
	for _, p := range ps.Problems {
		if !perCreator(p.Path) {
			l.Problems = append(l.Problems, p)
		}
	}
	return l.Err("template")
}

// perCreator reports whether path is in the per-creator part of an
// agreement.
func perCreator(path string) bool {
	for _, p := range []string{"creator", "deliverables", "commercial.deal", "template", "id", "kickoff"} {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}

// agreement assembles the agreement of c from t, sharing their values.
func (t Template) agreement(c CreatorTerms) Agreement {
	a := Agreement{
		ID:           c.ID,
		Template:     TemplateRef{Name: t.Name, Version: t.Version},
		Campaign:     t.Campaign,
		Kickoff:      c.Kickoff,
		Brand:        t.Brand,
		Creator:      c.Creator,
		Brief:        t.Brief,
		Deliverables: c.Deliverables,
		Policy:       t.Policy,
		Rush:         c.Rush,
		Commercial:   Commercial{RateCard: t.Commercial.RateCard, Deal: c.Deal, Invoice: t.Commercial.Invoice},
		Rights:       t.Rights,
		Compliance:   t.Compliance,
		Reporting:    t.Reporting,
		Escalation:   t.Escalation,
		QuietHours:   t.QuietHours,
	}
	if c.Shipping.IsStated() {
		a.Brief.Shipping = c.Shipping
	}
	if c.Rights.Usage.IsStated() {
		a.Rights.Usage = c.Rights.Usage
	}
	if c.Rights.Whitelisting.IsStated() {
		a.Rights.Whitelisting = c.Rights.Whitelisting
	}
	if c.Rights.Exclusivity.IsStated() {
		a.Rights.Exclusivity = c.Rights.Exclusivity
	}
	if len(c.Escalation) > 0 {
		path, _ := t.Escalation.Get()
		a.Escalation = Some(append(path[:len(path):len(path)], c.Escalation...))
	}
	return a
}

// Instantiate returns the agreement of one creator: the template's shared
// terms, the creator's own fields (see [CreatorTerms] for how rights,
// shipping and escalation combine), and the template's name and version in
// [Agreement.Template]. The agreement shares no slice, map or pointer with the
// template or the terms, except the immutable calendars. It is validated as
// [DecodeAgreement] validates, and the error, if any, has the agreement's
// paths ("deliverables[0].count").
func (t Template) Instantiate(c CreatorTerms) (Agreement, error) {
	l := problem.List{Pkg: pkg}
	required(&l, "template.name", t.Name, "the template's name")
	required(&l, "template.version", t.Version, "the template's version")
	if !dealIsZero(t.Commercial.Deal) {
		l.Add("commercial.deal", problem.CodeMismatch, "the template prices a deal: the deal is per creator, in the creator terms")
	}
	if err := l.Err("agreement"); err != nil {
		return Agreement{}, err
	}
	data, err := json.Marshal(t.agreement(c))
	if err != nil {
		return Agreement{}, problem.NewFieldError(pkg, "", problem.CodeMalformed, "instantiate template: "+err.Error())
	}
	return DecodeAgreement(data)
}
