package api

import (
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// The OpenAPI document is generated from the Go types. huma reads a struct's
// fields and tags; where a library type's JSON is not what its fields say (a
// Calendar is written as its spec, Money as "2500.00 USD", a Milestone carries
// a "reason" its fields do not show), the schema comes from the aliases and
// fixes below. api_test.go holds the document to the truth: it validates real
// requests and responses against it.

const modulePath = "github.com/creatorops/creatorops/"

// schemaName names a schema after its Go type, prefixing the library's types
// with their package ("TimelinePost", "MetricsPost"): two packages have a Post.
func schemaName(t reflect.Type, hint string) string {
	name := huma.DefaultSchemaNamer(t, hint)
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	if !strings.HasPrefix(pkg, modulePath) || strings.HasPrefix(pkg, modulePath+"examples/") || t.Name() == "" {
		return name
	}
	last := pkg[strings.LastIndex(pkg, "/")+1:]
	return strings.ToUpper(last[:1]) + last[1:] + name
}

// describeSchemas registers the schemas of library types whose JSON is not
// their Go fields.
func describeSchemas(r huma.Registry) {
	alias := func(t, as reflect.Type) { r.RegisterTypeAlias(t, as) }
	alias(reflect.TypeFor[sla.Calendar](), reflect.TypeFor[sla.CalendarSpec]())
	alias(reflect.TypeFor[pricing.Money](), reflect.TypeFor[moneySchema]())
	alias(reflect.TypeFor[sla.Window](), reflect.TypeFor[windowSchema]())
	alias(reflect.TypeFor[date.Date](), reflect.TypeFor[dateSchema]())
	alias(reflect.TypeFor[clock.Clock](), reflect.TypeFor[clockSchema]())
	alias(reflect.TypeFor[metrics.Count](), reflect.TypeFor[countSchema]())
	alias(reflect.TypeFor[pricing.Percent](), reflect.TypeFor[percentSchema]())
	alias(reflect.TypeFor[timeline.Kind](), reflect.TypeFor[kindSchema]())
	alias(reflect.TypeFor[timeline.Party](), reflect.TypeFor[partySchema]())
	alias(reflect.TypeFor[timeline.Step](), reflect.TypeFor[stepSchema]())
	alias(reflect.TypeFor[timeline.Status](), reflect.TypeFor[statusSchema]())
	alias(reflect.TypeFor[timeline.ActionKind](), reflect.TypeFor[actionKindSchema]())
	alias(reflect.TypeFor[pricing.RoundingMode](), reflect.TypeFor[roundingSchema]())
	alias(reflect.TypeFor[metrics.DurationStats](), reflect.TypeFor[durationStatsSchema]())
	describeAgreementSchemas(r)
}

// fixSchemas corrects, after every operation is registered, what huma cannot
// see in the library's types.
func fixSchemas(r huma.Registry) {
	m := r.Map()
	// A plan's policy, and each of its terms, may be left out: the default
	// policy fills them in (timeline.DecodePlan).
	if s := m["SlaPolicy"]; s != nil {
		s.Required = nil
		s.Description = "The service terms. Every term may be left out in a request: it keeps its value in the default policy."
	}
	if s := m["TimelinePlan"]; s != nil {
		s.Required = slices.DeleteFunc(s.Required, func(n string) bool { return n == "policy" || n == "id" })
		s.Required = append(s.Required, "id")
	}
	// A calendar in a request may ask for public holidays (holidays.go).
	if s := m["SlaCalendarSpec"]; s != nil && s.Properties != nil {
		s.Properties[publicHolidaysKey] = publicHolidaysSchema()
	}
	// Milestones and shifts are written with their reason (MarshalJSON).
	for _, name := range []string{"TimelineMilestone", "TimelineShift"} {
		if s := m[name]; s != nil && s.Properties != nil {
			s.Properties["reason"] = &huma.Schema{Type: huma.TypeString, Description: "Why, in words."}
		}
	}
	// A rate card's rounding defaults to half_up.
	if s := m["PricingRateCard"]; s != nil {
		s.Required = slices.DeleteFunc(s.Required, func(n string) bool { return n == "rounding" })
	}
	fixAgreementSchemas(m)
	for name, s := range m {
		// A boolean of the library's left out is false, which is what its
		// decoders read: it is never required.
		if strings.HasPrefix(name, "Sla") || strings.HasPrefix(name, "Timeline") || strings.HasPrefix(name, "Pricing") || strings.HasPrefix(name, "Metrics") {
			s.Required = slices.DeleteFunc(s.Required, func(n string) bool {
				p := s.Properties[n]
				return p != nil && p.Type == huma.TypeBoolean
			})
		}
		s.PrecomputeMessages()
	}
}

// docBody returns the schema that documents a request body of type T, which
// the handler reads itself with the library's strict decoders.
func docBody[T any](r huma.Registry) *huma.Schema {
	t := reflect.TypeFor[T]()
	return r.Schema(t, true, t.Name())
}

func str(desc string, examples ...any) *huma.Schema {
	return &huma.Schema{Type: huma.TypeString, Description: desc, Examples: examples}
}

func enum[T ~string](desc string, values ...T) *huma.Schema {
	s := str(desc)
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}

type moneySchema struct{}

func (moneySchema) Schema(huma.Registry) *huma.Schema {
	amount := `^-?[0-9]+(\.[0-9]+)?$`
	return &huma.Schema{
		Description: `An exact amount and its ISO 4217 currency, "2500.00 USD"; a request may also give {"amount": "2500.00", "currency": "USD"}. Never a JSON number.`,
		OneOf: []*huma.Schema{
			{Type: huma.TypeString, Pattern: `^-?[0-9]+(\.[0-9]+)? [A-Z]{3}$`, Examples: []any{"2500.00 USD"}},
			{
				Type: huma.TypeObject,
				Properties: map[string]*huma.Schema{
					"amount":   {Type: huma.TypeString, Pattern: amount},
					"currency": {Type: huma.TypeString, Pattern: `^[A-Z]{3}$`},
				},
				Required:             []string{"amount", "currency"},
				AdditionalProperties: false,
			},
		},
	}
}

type durationStatsSchema struct{}

func (durationStatsSchema) Schema(huma.Registry) *huma.Schema {
	d := func(what string) *huma.Schema {
		return str(what+`, in Go's duration notation ("20h30m0s")`, "20h30m0s")
	}
	return &huma.Schema{
		Type:        huma.TypeObject,
		Description: `Statistics of a set of durations (such as the brand's approval times); {"n": 0} when there are none.`,
		Properties: map[string]*huma.Schema{
			"n":      {Type: huma.TypeInteger, Format: "int64", Minimum: new(float64), Description: "how many durations"},
			"mean":   d("the mean"),
			"median": d("the median"),
			"min":    d("the shortest"),
			"max":    d("the longest"),
		},
		Required:             []string{"n"},
		AdditionalProperties: false,
	}
}

type windowSchema struct{}

func (windowSchema) Schema(huma.Registry) *huma.Schema {
	return str(`An amount of time: a count and a unit, hours, days, business hours or business days ("48 hours", "1 business day", "8bh", "2bd", "7d").`, "48 hours", "1 business day")
}

type dateSchema struct{}

func (dateSchema) Schema(huma.Registry) *huma.Schema {
	s := str("A date without a time of day, YYYY-MM-DD.", "2027-03-15")
	s.Format = "date"
	return s
}

type clockSchema struct{}

func (clockSchema) Schema(huma.Registry) *huma.Schema {
	s := str("A local time of day, HH:MM, HH:MM:SS or HH:MM:SS.mmm.", "12:00")
	s.Pattern = `^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{3})?)?$`
	return s
}

type countSchema struct{}

func (countSchema) Schema(huma.Registry) *huma.Schema {
	s := str(`A count, as a string of digits; "" or "unknown" (or leaving it out) is unknown, which is not zero.`, "120000")
	s.Pattern = `^([0-9]+|unknown)?$`
	return s
}

type percentSchema struct{}

func (percentSchema) Schema(huma.Registry) *huma.Schema {
	s := str("A percentage.", "30%")
	s.Pattern = `^-?[0-9]+(\.[0-9]+)?%$`
	return s
}

type kindSchema struct{}

func (kindSchema) Schema(huma.Registry) *huma.Schema {
	return enum("What an event records.",
		timeline.ProductShipped, timeline.ProductReceived, timeline.ConceptSubmitted, timeline.ConceptFeedback,
		timeline.ConceptApproved, timeline.ComplianceChecked, timeline.DraftSubmitted, timeline.DraftFeedback,
		timeline.Approved, timeline.Posted, timeline.LiveChecked, timeline.ReportReceived, timeline.InvoiceReceived,
		timeline.Paid, timeline.FollowUpSent, timeline.Escalated, timeline.RushRequested, timeline.RushConfirmed,
		timeline.PostRenegotiated)
}

type partySchema struct{}

func (partySchema) Schema(huma.Registry) *huma.Schema {
	return enum("A side of the partnership.", timeline.Brand, timeline.Creator, timeline.Both)
}

type stepSchema struct{}

func (stepSchema) Schema(huma.Registry) *huma.Schema {
	return enum(`A milestone of a deliverable's timeline ("" on a post-date shift that was renegotiated).`,
		"", timeline.StepShip, timeline.StepConcept, timeline.StepConceptReview, timeline.StepCompliance, timeline.StepDraft,
		timeline.StepReview, timeline.StepRevision, timeline.StepPost, timeline.StepLiveCheck, timeline.StepReport,
		timeline.StepInvoice, timeline.StepPayment)
}

type statusSchema struct{}

func (statusSchema) Schema(huma.Registry) *huma.Schema {
	return enum("Where a milestone stands.",
		timeline.Pending, timeline.OnTrack, timeline.AtRisk, timeline.Breached, timeline.Met, timeline.MetLate)
}

type actionKindSchema struct{}

func (actionKindSchema) Schema(huma.Registry) *huma.Schema {
	return enum("What an action asks a platform to do.", timeline.FollowUp, timeline.Escalate, timeline.Remind)
}

type roundingSchema struct{}

func (roundingSchema) Schema(huma.Registry) *huma.Schema {
	return enum("How each quote line is rounded to the currency's minor digits.",
		"half_up", "half_even", "down", "up", "floor", "ceil")
}
