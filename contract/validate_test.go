package contract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

func TestValidate(t *testing.T) {
	require.NoError(t, contract.SampleAgreement().Validate())
	require.NoError(t, contract.VagueAgreement().Validate(), "a vague agreement is well formed")

	cases := []struct {
		name     string
		path     string
		value    any
		wantPath string
		wantCode string
	}{
		{"no campaign name", "campaign.name", "", "campaign.name", "required"},
		{"no brand name", "brand.name", " ", "brand.name", "required"},
		{"no creator name", "creator.name", deleted, "creator.name", "required"},
		{"bad email", "creator.owner.email", "maya.example", "creator.owner.email", "malformed"},
		{"no deliverables", "deliverables", []any{}, "deliverables", "required"},
		{"no id", "deliverables[0].id", "", "deliverables[0].id", "required"},
		{"duplicate id", "deliverables[1].id", "tiktok-video", "deliverables[1].id", "duplicate_key"},
		{"no platform", "deliverables[0].platform", deleted, "deliverables[0].platform", "required"},
		{"no format", "deliverables[0].format", "", "deliverables[0].format", "required"},
		{"negative count", "deliverables[0].count", -1, "deliverables[0].count", "out_of_range"},
		{"huge count", "deliverables[0].count", contract.MaxCount + 1, "deliverables[0].count", "out_of_range"},
		{"zero length", "deliverables[0].length", map[string]any{"min_seconds": 0, "max_seconds": 10}, "deliverables[0].length.min_seconds", "out_of_range"},
		{"inverted length", "deliverables[0].length", map[string]any{"min_seconds": 30, "max_seconds": 20}, "deliverables[0].length.max_seconds", "out_of_range"},
		{"empty extra", "deliverables[1].extras", []any{"a sticker", " "}, "deliverables[1].extras[1]", "required"},
		{"date and window", "deliverables[0].window", map[string]any{"from": "2027-03-15", "to": "2027-03-16"}, "deliverables[0].window", "mismatch"},
		{"inverted window", "deliverables[1].window.to", "2027-03-14", "deliverables[1].window.to", "out_of_range"},
		{"long window", "deliverables[1].window.to", "2028-03-15", "deliverables[1].window.to", "out_of_range"},
		{"window without end", "deliverables[1].window.to", deleted, "deliverables[1].window.to", "required"},
		{"keep live too long", "deliverables[0].keep_live_days", 4000, "deliverables[0].keep_live_days", "out_of_range"},
		{"receipt before shipping", "brief.shipping.expected_receipt", "2027-02-16", "brief.shipping.expected_receipt", "out_of_range"},
		{"empty must show", "brief.must_show", []any{""}, "brief.must_show[0]", "required"},
		{"invalid policy", "policy.at_risk_percent", 100, "policy.at_risk_percent", "out_of_range"},
		{"invalid rate card", "commercial.rate_card.valid_days", 0, "commercial.rate_card.valid_days", "out_of_range"},
		{"item for nothing", "commercial.deal.items[1].name", "reel", "commercial.deal.items[1].name", "mismatch"},
		{"item twice", "commercial.deal.items[1].name", "tiktok-video", "commercial.deal.items[1].name", "duplicate"},
		{"item name with a slash", "commercial.deal.items[1].name", "story/frames", "commercial.deal.items[1].name", "malformed"},
		{"deal term on an item", "commercial.deal.items[0].exclusivity", map[string]any{"scope": "category", "months": 1}, "commercial.deal.items[0].exclusivity", "deal_level"},
		{"negative quantity", "commercial.deal.items[1].quantity", -3, "commercial.deal.items[1].quantity", "out_of_range"},
		{"item without name", "commercial.deal.items[1].name", "", "commercial.deal.items[1].name", "required"},
		{"negative spend cap", "rights.whitelisting.spend_cap", "-1.00 USD", "rights.whitelisting.spend_cap", "out_of_range"},
		{"empty channel", "rights.usage.channels", []any{""}, "rights.usage.channels[0]", "required"},
		{"empty claim list", "compliance.claim_restrictions", []any{}, "compliance.claim_restrictions", "required"},
		{"empty source kind", "reporting.metric_source.kinds", []any{""}, "reporting.metric_source.kinds[0]", "required"},
		{"template without version", "template", map[string]any{"name": "spring"}, "template.version", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.DecodeAgreement(withJSON(t, readSample(t, "good"), tc.path, tc.value))
			requireProblem(t, err, tc.wantPath, tc.wantCode)
		})
	}
}

func TestValidateTooManyDeliverables(t *testing.T) {
	a := contract.SampleAgreement()
	for len(a.Deliverables) <= contract.MaxDeliverables {
		a.Deliverables = append(a.Deliverables, a.Deliverables[0])
	}
	requireProblem(t, a.Validate(), "deliverables", "too_large")
}

func TestValidateZeroAgreement(t *testing.T) {
	err := contract.Agreement{}.Validate()
	var ve *contract.ValidationError
	require.ErrorAs(t, err, &ve)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	assert.Contains(t, paths, "campaign.name")
	assert.Contains(t, paths, "deliverables")
	assert.Contains(t, paths, "policy.brand_response", "the zero policy is not a policy without deadlines")
}
