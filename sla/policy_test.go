package sla_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func TestDefaultPolicy(t *testing.T) {
	p := sla.DefaultPolicy()
	require.NoError(t, p.Validate())
	assert.Equal(t, sla.BusinessDays(1), p.BrandResponse)
	assert.Equal(t, sla.BusinessDays(2), p.CreatorResponse)
	assert.Equal(t, sla.Hours(48), p.Review)
	assert.Equal(t, int64(1), p.ConceptRounds)
	assert.Equal(t, int64(1), p.EditRounds)
	assert.Equal(t, int64(2), p.FollowUps)
	assert.Equal(t, sla.BusinessDays(1), p.FollowUpSpacing)
	assert.Equal(t, sla.BusinessDays(2), p.ProductionLead)
	assert.Equal(t, sla.Hours(2), p.LiveCheck)
	assert.Equal(t, sla.Days(90), p.KeepLive)
	assert.Equal(t, []sla.Window{sla.Days(7), sla.Days(30)}, p.Reports)
	assert.Equal(t, sla.Payment{Net: sla.Days(15), Trigger: sla.TriggerInvoiceAndLiveLink}, p.Payment)
	assert.Equal(t, int64(75), p.AtRisk)
	for w := range 7 {
		assert.True(t, p.IsPostingDay(w), "weekday %d", w)
	}
	// Each call returns a fresh value: changing one does not change the next.
	p.Reports[0] = sla.Days(1)
	p.Rush.Review = sla.Hours(1)
	assert.Equal(t, sla.Days(7), sla.DefaultPolicy().Reports[0])
	assert.Equal(t, sla.Hours(24), sla.DefaultPolicy().Rush.Review)
}

func TestZeroPolicyIsInvalid(t *testing.T) {
	err := sla.Policy{}.Validate()
	assert.ErrorIs(t, err, sla.ErrInvalid)
	assert.Equal(t, []string{
		"brand_response required", "creator_response required", "draft required", "review required",
		"follow_up_spacing required", "live_check required", "keep_live required", "payment.net required",
		"posting_days malformed", "payment.trigger malformed", "at_risk_percent out_of_range",
	}, problems(t, err))
}

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*sla.Policy)
		want   []string
	}{
		{"unlimited rounds", func(p *sla.Policy) { p.EditRounds = 1000 }, []string{"edit_rounds out_of_range"}},
		{"negative rounds", func(p *sla.Policy) { p.ConceptRounds = -1 }, []string{"concept_rounds out_of_range"}},
		{"zero rounds are allowed", func(p *sla.Policy) { p.ConceptRounds = 0 }, nil},
		{"posting days", func(p *sla.Policy) { p.PostingDays = "mon-fry" }, []string{"posting_days malformed"}},
		{"report window", func(p *sla.Policy) { p.Reports = []sla.Window{sla.Days(7), {}} }, []string{"reports[1] required"}},
		{"trigger", func(p *sla.Policy) { p.Payment.Trigger = "whenever" }, []string{"payment.trigger malformed"}},
		{"at risk", func(p *sla.Policy) { p.AtRisk = 100 }, []string{"at_risk_percent out_of_range"}},
		{"rush not shorter", func(p *sla.Policy) { p.Rush.Review = sla.Hours(48) }, []string{"rush.review out_of_range"}},
		{"no rush terms", func(p *sla.Policy) { p.Rush = nil }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sla.DefaultPolicy()
			tt.change(&p)
			err := p.Validate()
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tt.want, problems(t, err))
		})
	}
	p := sla.DefaultPolicy()
	p.PostingDays = "tue,thu"
	require.NoError(t, p.Validate())
	assert.True(t, p.IsPostingDay(int(time.Tuesday)))
	assert.False(t, p.IsPostingDay(int(time.Monday)))
}

func TestDecodePolicy(t *testing.T) {
	p, err := sla.DecodePolicy([]byte(`{"brand_response":"4 business hours","posting_days":"mon-fri","rush":null}`))
	require.NoError(t, err)
	want := sla.DefaultPolicy()
	want.BrandResponse = sla.BusinessHours(4)
	want.PostingDays = "mon-fri"
	want.Rush = nil
	assert.Equal(t, want, p)

	_, err = sla.DecodePolicy([]byte(`{"Brand_Response":"1 day","review":"2 fortnights","review":"1h","at_risk_percent":0}`))
	assert.Equal(t, []string{"Brand_Response unknown_field", "review malformed", "review duplicate_key", "at_risk_percent out_of_range"}, problems(t, err))

	// What Marshal writes, DecodePolicy reads back.
	b, err := json.Marshal(sla.DefaultPolicy())
	require.NoError(t, err)
	back, err := sla.DecodePolicy(b)
	require.NoError(t, err)
	assert.Equal(t, sla.DefaultPolicy(), back)
	assert.JSONEq(t, `{"brand_response":"1 business day","creator_response":"2 business days","draft":"5 business days",
		"concept_rounds":1,"edit_rounds":1,"review":"48 hours","follow_ups":2,"follow_up_spacing":"1 business day",
		"production_lead":"2 business days","posting_days":"daily","live_check":"2 hours","keep_live":"90 days",
		"reports":["7 days","30 days"],"payment":{"net":"15 days","trigger":"invoice_and_live_link"},
		"rush":{"brand_response":"4 business hours","creator_response":"4 business hours","draft":"2 business days","review":"24 hours","production_lead":"1 business day"},
		"at_risk_percent":75}`, string(b))
}
