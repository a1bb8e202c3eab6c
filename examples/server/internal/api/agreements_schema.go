package api

import (
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/metrics"
)

// The schemas of package contract's types whose JSON is not their Go fields:
// the Opt terms ("none" or a value), the severity of a finding (a name), the
// metric sources (names), and the canonical JSON of a stored agreement.

// describeAgreementSchemas registers the aliases of package contract's types.
func describeAgreementSchemas(r huma.Registry) {
	alias := func(t, as reflect.Type) { r.RegisterTypeAlias(t, as) }
	alias(reflect.TypeFor[AgreementJSON](), reflect.TypeFor[contract.Agreement]())
	alias(reflect.TypeFor[contract.Severity](), reflect.TypeFor[severitySchema]())
	alias(reflect.TypeFor[[]metrics.SourceKind](), reflect.TypeFor[sourceKindsSchema]())
	alias(reflect.TypeFor[contract.Opt[contract.Rush]](), reflect.TypeFor[optSchema[contract.Rush]]())
	alias(reflect.TypeFor[contract.Opt[contract.Shipping]](), reflect.TypeFor[optSchema[contract.Shipping]]())
	alias(reflect.TypeFor[contract.Opt[contract.Length]](), reflect.TypeFor[optSchema[contract.Length]]())
	alias(reflect.TypeFor[contract.Opt[contract.Usage]](), reflect.TypeFor[optSchema[contract.Usage]]())
	alias(reflect.TypeFor[contract.Opt[contract.Whitelisting]](), reflect.TypeFor[optSchema[contract.Whitelisting]]())
	alias(reflect.TypeFor[contract.Opt[contract.Exclusivity]](), reflect.TypeFor[optSchema[contract.Exclusivity]]())
	alias(reflect.TypeFor[contract.Opt[[]string]](), reflect.TypeFor[optSchema[[]string]]())
	alias(reflect.TypeFor[contract.Opt[[]contract.EscalationContact]](), reflect.TypeFor[optSchema[[]contract.EscalationContact]]())
}

// fixAgreementSchemas corrects what huma cannot see in package contract's
// types, once every operation is registered.
func fixAgreementSchemas(m map[string]*huma.Schema) {
	without := func(s *huma.Schema, names ...string) {
		s.Required = slices.DeleteFunc(s.Required, func(n string) bool { return slices.Contains(names, n) })
	}
	// The policy may be left out: every term keeps its default, and missing
	// payment terms are a finding of the checklist, not a malformed
	// agreement.
	if s := m["ContractAgreement"]; s != nil {
		without(s, "policy")
	}
	if s := m["SlaPayment"]; s != nil {
		without(s, "net", "trigger")
	}
	// A party's calendar, owner and manager may be missing (findings of the
	// checklist); the canonical form writes a missing calendar as null.
	if s := m["ContractParty"]; s != nil && s.Properties != nil {
		without(s, "calendar", "owner", "manager")
		if cal := s.Properties["calendar"]; cal != nil && cal.Ref != "" {
			s.Properties["calendar"] = &huma.Schema{
				Description: "The side's calendar spec; null or left out when the agreement gives none.",
				AnyOf:       []*huma.Schema{{Ref: cal.Ref}, {Type: "null"}},
			}
		}
	}
	for name, s := range m {
		if strings.HasPrefix(name, "Contract") {
			s.Required = slices.DeleteFunc(s.Required, func(n string) bool {
				p := s.Properties[n]
				return p != nil && p.Type == huma.TypeBoolean
			})
		}
	}
}

// optSchema is the schema of a contract.Opt[T]: left out (unstated), the
// string "none" (explicitly none), or a T.
type optSchema[T any] struct{}

func (optSchema[T]) Schema(r huma.Registry) *huma.Schema {
	return &huma.Schema{
		Description: `A term the agreement may leave out (unstated: the checklist asks about it), state as "none", or state with its value.`,
		OneOf: []*huma.Schema{
			{Type: huma.TypeString, Enum: []any{"none"}},
			r.Schema(reflect.TypeFor[T](), true, ""),
		},
	}
}

type severitySchema struct{}

func (severitySchema) Schema(huma.Registry) *huma.Schema {
	return enum("How much a finding matters: a blocker must be fixed before signing, a warning fixed or consciously accepted, a note is worth knowing.",
		"blocker", "warning", "note")
}

type sourceKindsSchema struct{}

func (sourceKindsSchema) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{
		Type:        huma.TypeArray,
		Description: "Where the numbers come from, the primary source first.",
		Items:       enum("A metric source.", "screenshot", "export", "api", "link_tracker", "promo_code"),
	}
}
