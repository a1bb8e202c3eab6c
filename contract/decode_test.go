package contract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/sla"
)

func TestDecodeAgreementStrict(t *testing.T) {
	cases := []struct {
		name     string
		path     string
		value    any
		wantPath string
		wantCode string
	}{
		{"unknown key", "campaign.title", "x", "campaign.title", "unknown_field"},
		{"wrong case", "Kickoff", "2027-02-15", "Kickoff", "unknown_field"},
		{"bad date", "kickoff", "15/02/2027", "kickoff", "malformed"},
		{"date that does not exist", "deliverables[0].post_date", "2027-02-29", "deliverables[0].post_date", "malformed"},
		{"bad post time", "deliverables[0].post_time", "25:00", "deliverables[0].post_time", "malformed"},
		{"count as text", "deliverables[0].count", "1", "deliverables[0].count", "malformed"},
		{"bad calendar", "brand.calendar.hours", []any{"mon-fry 09:00-17:00"}, "brand.calendar.hours[0]", "malformed"},
		{"bad window", "policy.review", "48 fortnights", "policy.review", "malformed"},
		{"bad trigger", "policy.payment.trigger", "whenever", "policy.payment.trigger", "malformed"},
		{"money as a number", "rights.whitelisting.spend_cap", 5000, "rights.whitelisting.spend_cap", "malformed"},
		{"bad engagement definition", "reporting.engagement_rate", "likes / fans", "reporting.engagement_rate", "malformed"},
		{"bad source", "reporting.metric_source.kinds", []any{"vibes"}, "reporting.metric_source.kinds[0]", "malformed"},
		{"bad rate card", "commercial.rate_card.currency", "XYZ", "commercial.rate_card.currency", "unknown_currency"},
		{"unknown request key", "commercial.deal.items[0].platfrom", "tiktok", "commercial.deal.items[0].platfrom", "unknown_field"},
		{"backup unknown key", "brand.backup.phone", "555", "brand.backup.phone", "unknown_field"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.DecodeAgreement(withJSON(t, readSample(t, "good"), tc.path, tc.value))
			requireProblem(t, err, tc.wantPath, tc.wantCode)
		})
	}
}

// TestDecodeAgreementAllProblems: every problem is reported at once, decoding
// problems first (in document order), then validation problems.
func TestDecodeAgreementAllProblems(t *testing.T) {
	doc := readSample(t, "good")
	doc = withJSON(t, doc, "kickoff", "soon")
	doc = withJSON(t, doc, "campaign.name", "")
	doc = withJSON(t, doc, "deliverables[1].count", 0)
	doc = withJSON(t, doc, "deliverables[0].id", 7)
	_, err := contract.DecodeAgreement(doc)
	var ve *contract.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Code)
	}
	assert.Equal(t, []string{
		"deliverables[0].id malformed",
		"kickoff malformed",
		"campaign.name required",
		"deliverables[1].count required",
		"commercial.deal.items[0].name mismatch",
	}, got)
	assert.Contains(t, err.Error(), "contract: agreement: ")
}

func TestDecodeAgreementDuplicateKey(t *testing.T) {
	doc := bytes.Replace(readSample(t, "good"), []byte(`"quiet_hours":`), []byte(`"quiet_hours": "x", "quiet_hours":`), 1)
	_, err := contract.DecodeAgreement(doc)
	requireProblem(t, err, "quiet_hours", "duplicate_key")
}

func TestDecodeAgreementLimits(t *testing.T) {
	big := make([]byte, contract.MaxAgreementBytes+1)
	for i := range big {
		big[i] = ' '
	}
	_, err := contract.DecodeAgreement(big)
	requireProblem(t, err, "", "too_large")

	for _, doc := range []string{"", "null", "[]", `{"campaign":`, `{} {}`} {
		_, err := contract.DecodeAgreement([]byte(doc))
		assert.ErrorIs(t, err, contract.ErrInvalid, "%q", doc)
	}
}

// TestDecodeAgreementPolicy: a term the policy leaves out keeps its default,
// except the payment terms, which have none.
func TestDecodeAgreementPolicy(t *testing.T) {
	a := decodeWith(t, "policy", map[string]any{"brand_response": "8 business hours"})
	def := sla.DefaultPolicy()
	assert.Equal(t, sla.BusinessHours(8), a.Policy.BrandResponse)
	assert.Equal(t, def.Review, a.Policy.Review)
	assert.Equal(t, def.Reports, a.Policy.Reports)
	assert.Equal(t, sla.Payment{}, a.Policy.Payment, "payment terms are not defaulted")

	a = decodeWith(t, "policy.payment", map[string]any{"net": "30 days"})
	assert.Equal(t, sla.Days(30), a.Policy.Payment.Net)
	assert.Equal(t, sla.PaymentTrigger(""), a.Policy.Payment.Trigger)

	_, err := contract.DecodeAgreement(withJSON(t, readSample(t, "good"), "policy.edit_rounds", 100))
	requireProblem(t, err, "policy.edit_rounds", "out_of_range")
}

// TestAgreementUnmarshalJSON: encoding/json reads an agreement as strictly as
// DecodeAgreement, without validating it.
func TestAgreementUnmarshalJSON(t *testing.T) {
	var a contract.Agreement
	require.NoError(t, json.Unmarshal(readSample(t, "good"), &a))
	assert.Equal(t, "GlowCo", a.Brand.Name)

	err := json.Unmarshal(withJSON(t, readSample(t, "good"), "brand.Name", "x"), &a)
	requireProblem(t, err, "brand.Name", "unknown_field")

	var b contract.Agreement
	require.NoError(t, json.Unmarshal(withJSON(t, readSample(t, "good"), "campaign.name", ""), &b), "UnmarshalJSON does not validate")
	assert.Error(t, b.Validate())
}

func TestDecodeAgreementErrorsAreModuleErrors(t *testing.T) {
	_, err := contract.DecodeAgreement([]byte(`{"campaign": 1}`))
	require.Error(t, err)
	var fe *contract.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "campaign", fe.Path)
}

func BenchmarkDecodeAgreement(b *testing.B) {
	doc := readSample(b, "good")
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := contract.DecodeAgreement(doc); err != nil {
			b.Fatal(err)
		}
	}
}
