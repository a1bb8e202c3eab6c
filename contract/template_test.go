package contract_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// sampleTerms returns the good sample's per-creator fields.
func sampleTerms() contract.CreatorTerms {
	g := contract.SampleAgreement()
	esc, _ := g.Escalation.Get()
	return contract.CreatorTerms{
		ID:           g.ID,
		Creator:      g.Creator,
		Kickoff:      g.Kickoff,
		Deliverables: g.Deliverables,
		Deal:         g.Commercial.Deal,
		Shipping:     g.Brief.Shipping,
		Rush:         g.Rush,
		Escalation:   esc[1:],
	}
}

func readTemplate(t testing.TB) contract.Template {
	t.Helper()
	tpl, err := contract.DecodeTemplate(readSample(t, "template"))
	require.NoError(t, err)
	return tpl
}

// TestTemplateInstantiate: the template plus the good sample's per-creator
// fields is the good sample, carrying the template's name and version.
func TestTemplateInstantiate(t *testing.T) {
	tpl := readTemplate(t)
	a, err := tpl.Instantiate(sampleTerms())
	require.NoError(t, err)
	assert.Equal(t, contract.TemplateRef{Name: "glowco-creator-standard", Version: "2027-q1.2"}, a.Template)

	want := contract.SampleAgreement()
	want.Template = a.Template
	assert.True(t, want.Equal(a))
	assert.Empty(t, contract.Check(a))

	// The agreement shares nothing with the template.
	a.Brief.MustShow[0] = "changed"
	a.Commercial.RateCard.Version = "changed"
	assert.Equal(t, "The dropper and the serum's texture on skin", tpl.Brief.MustShow[0])
	assert.Equal(t, "glowco-2027-q1", tpl.Commercial.RateCard.Version)
}

// TestTemplateCreatorRights: a right the creator's terms state replaces the
// template's; an unstated one keeps it.
func TestTemplateCreatorRights(t *testing.T) {
	tpl := readTemplate(t)
	terms := sampleTerms()
	terms.Rights.Exclusivity = contract.None[contract.Exclusivity]()
	terms.Deal.Exclusivity = nil
	a, err := tpl.Instantiate(terms)
	require.NoError(t, err)
	assert.True(t, a.Rights.Exclusivity.IsNone())
	assert.True(t, hasValue(a.Rights.Usage), "the template's usage rights stay")
	assert.Empty(t, contract.Check(a))

	terms = sampleTerms()
	terms.Shipping = contract.None[contract.Shipping]()
	a, err = tpl.Instantiate(terms)
	require.NoError(t, err)
	assert.True(t, a.Brief.Shipping.IsNone())
}

func hasValue[T any](o contract.Opt[T]) bool {
	_, ok := o.Get()
	return ok
}

func TestTemplateInstantiateErrors(t *testing.T) {
	tpl := readTemplate(t)
	terms := sampleTerms()
	terms.Deliverables = append([]contract.Deliverable(nil), terms.Deliverables...)
	terms.Deliverables[0].Count = 0
	_, err := tpl.Instantiate(terms)
	requireProblem(t, err, "deliverables[0].count", "required")

	_, err = tpl.Instantiate(contract.CreatorTerms{})
	requireProblem(t, err, "creator.name", "required")
	requireProblem(t, err, "deliverables", "required")

	noVersion := tpl
	noVersion.Version = ""
	_, err = noVersion.Instantiate(sampleTerms())
	requireProblem(t, err, "template.version", "required")
}

func TestDecodeTemplate(t *testing.T) {
	tpl := readTemplate(t)
	require.NoError(t, tpl.Validate())
	assert.Equal(t, "GlowCo", tpl.Brand.Name)

	cases := []struct {
		name     string
		path     string
		value    any
		wantPath string
		wantCode string
	}{
		{"no version", "version", deleted, "version", "required"},
		{"unknown key", "creator", map[string]any{"name": "x"}, "creator", "unknown_field"},
		{"a deal", "commercial.deal", map[string]any{"items": []any{map[string]any{"name": "x"}}}, "commercial.deal", "mismatch"},
		{"bad policy", "policy.review", "0 hours", "policy.review", "required"},
		{"no brand name", "brand.name", "", "brand.name", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.DecodeTemplate(withJSON(t, readSample(t, "template"), tc.path, tc.value))
			requireProblem(t, err, tc.wantPath, tc.wantCode)
		})
	}

	var viaJSON contract.Template
	require.NoError(t, json.Unmarshal(readSample(t, "template"), &viaJSON))
	assert.Equal(t, "2027-q1.2", viaJSON.Version)
	assert.Error(t, json.Unmarshal([]byte(`{"Name": "x"}`), &viaJSON))
}
