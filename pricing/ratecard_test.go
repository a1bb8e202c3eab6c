package pricing_test

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

func TestSampleRateCardValid(t *testing.T) {
	card := pricing.SampleRateCard()
	require.NoError(t, card.Validate())
	assert.True(t, card.Example)
	b, err := json.Marshal(card)
	require.NoError(t, err)
	back, err := pricing.DecodeRateCard(b)
	require.NoError(t, err, "%s", b)
	q1, _ := card.Quote(sixLineRequest(), issued)
	q2, err := back.Quote(sixLineRequest(), issued)
	require.NoError(t, err)
	assert.True(t, q1.Equal(q2), "decoded card quotes differently")
}

func TestDecodeRateCardErrors(t *testing.T) {
	tests := []struct {
		name string
		json string
		want map[string]string // path → code
	}{
		{"every problem at once", `{
			"version": "", "currency": "USD", "valid_days": 30, "net_days": 30,
			"base": [
				{"code": "a", "platform": "tiktok", "format": "short_video", "fee": "-1.00 USD", "included_revisions": 1},
				{"code": "a", "platform": "tiktok", "format": "post", "fee": "10.00 EUR", "min_seconds": 60, "max_seconds": 15}
			],
			"usage": [
				{"paid": true, "channels": ["tiktok"], "duration": "3 months", "percent": "-5%"},
				{"paid": true, "channels": ["tiktok"], "duration": "6 months", "percent": "900%"},
				{"paid": true, "channels": [], "duration": "12 months", "percent": "10%", "fixed": "1.00 USD"}
			],
			"rush": {}
		}`, map[string]string{
			"version":             pricing.CodeRequired,
			"base[0].fee":         pricing.CodeNegative,
			"base[1].code":        pricing.CodeDuplicate,
			"base[1].fee":         pricing.CodeCurrencyMismatch,
			"base[1].max_seconds": pricing.CodeOutOfRange,
			"usage[0].percent":    pricing.CodeNegative,
			"usage[1].percent":    pricing.CodeOutOfRange,
			"usage[2].channels":   pricing.CodeRequired,
			"usage[2]":            pricing.CodeConflict,
			"rush":                pricing.CodeRequired,
		}},
		{"decode problems with paths", `{
			"version": "v1", "currency": "USD", "valid_days": 30, "colour": "red",
			"base": [{"code": "a", "platform": "tiktok", "format": "short_video", "fee": 2500, "Fee2": 1}],
			"usage": [
				{"paid": true, "channels": ["tiktok"], "duration": "0 months", "percent": "30%"},
				{"paid": "yes", "channels": ["tiktok"], "duration": "3 fortnights", "percent": "1e9%"}
			],
			"extra_revision": "2,500.00 USD"
		}`, map[string]string{
			"colour":            pricing.CodeUnknownField,
			"base[0].fee":       pricing.CodeMalformed,
			"base[0].Fee2":      pricing.CodeUnknownField,
			"usage[0].duration": pricing.CodeMalformed,
			"usage[1].paid":     pricing.CodeMalformed,
			"usage[1].duration": pricing.CodeMalformed,
			"usage[1].percent":  pricing.CodeMalformed,
			"extra_revision":    pricing.CodeMalformed,
		}},
		{"unknown currency", `{"version":"v","currency":"XYZ","valid_days":1,"base":[{"code":"a","platform":"p","format":"f","fee":"1 USD"}]}`,
			map[string]string{"currency": pricing.CodeUnknownCurrency}},
		{"exponent bomb", `{"version":"v","currency":"USD","valid_days":1,"base":[{"code":"a","platform":"p","format":"f","fee":"1e999999999 USD"}]}`,
			map[string]string{"base[0].fee": pricing.CodeMalformed}},
		{"not an object", `[]`, map[string]string{"": pricing.CodeMalformed}},
		{"trailing data", `{} {}`, map[string]string{"": pricing.CodeMalformed}},
		{"huge integer", `{"version":"v","currency":"USD","valid_days":1e400,"base":[]}`,
			map[string]string{"valid_days": pricing.CodeOutOfRange, "base": pricing.CodeRequired}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeRateCard([]byte(tt.json))
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, tt.want, problemPaths(t, err))
		})
	}
}

func TestValidateSentinels(t *testing.T) {
	card := pricing.SampleRateCard()
	card.Base[0].Fee = pricing.MustParseMoney("1 EUR")
	err := card.Validate()
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	card.Currency = "ABC"
	err = card.Validate()
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
	var fe *pricing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.True(t, errors.Is(err, pricing.ErrInvalid))
	// A ValidationError of several problems matches the sentinel of each.
	card = pricing.SampleRateCard()
	card.Version = ""
	card.Base[0].Fee = pricing.MustParseMoney("2500.00 EUR")
	err = card.Validate()
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	assert.True(t, !errors.Is(err, pricing.ErrNoRule), "a card problem is not ErrNoRule")
	card = pricing.SampleRateCard()
	card.Usage[0].Duration = pricing.Duration{}
	assert.Equal(t, map[string]string{"usage[0].duration": pricing.CodeZeroDuration}, problemPaths(t, card.Validate()))
}

func TestDecodeRequest(t *testing.T) {
	r, err := pricing.DecodeRequest([]byte(`{"platform":"tiktok","format":"short_video","seconds":45,
		"usage":{"paid":true,"channels":["tiktok"],"duration":"3 months"},
		"whitelisting":{"months":2,"spend_cap":{"amount":"5000","currency":"USD"},"regions":["US"]}}`))
	require.NoError(t, err)
	assert.Equal(t, pricing.Months(3), r.Usage.Duration)
	assert.Equal(t, "5000.00 USD", r.Whitelisting.SpendCap.String())
	_, err = pricing.DecodeRequest([]byte(`{"platform":"tiktok","usage":{"duration":"forever"},"extra":1}`))
	assert.Equal(t, map[string]string{"request.usage.duration": pricing.CodeMalformed, "request.extra": pricing.CodeUnknownField}, problemPaths(t, err))
}

// TestGoldenQuote compares a full quote's JSON with testdata/quote.golden.json.
// Run with UPDATE_GOLDEN=1 to rewrite it after an intended change, and review
// the diff.
func TestGoldenQuote(t *testing.T) {
	card := pricing.SampleRateCard()
	req := sixLineRequest()
	req.NetZero = true
	q, err := card.Quote(req, issued)
	require.NoError(t, err)
	got, err := json.MarshalIndent(q, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	const path = "testdata/quote.golden.json"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if string(got) != string(want) {
		t.Errorf("quote JSON differs from %s:\ngot:\n%s", path, got)
	}
	var back pricing.Quote
	require.NoError(t, json.Unmarshal(want, &back))
	assert.True(t, back.Equal(q))
	require.NoError(t, back.Check())
	kinds := []pricing.LineKind{}
	for _, l := range back.Lines {
		kinds = append(kinds, l.Kind)
	}
	assert.True(t, slices.Equal(kinds, []pricing.LineKind{"base", "usage", "whitelisting", "whitelisting_setup", "exclusivity", "revisions", "rush", "net_zero"}), kinds)
}
