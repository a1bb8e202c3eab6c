package pricing_test

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/creatorops/creatorops/pricing"
)

func TestExampleRateCardValid(t *testing.T) {
	card := pricing.ExampleRateCard()
	noError(t, card.Validate())
	truth(t, card.Example)
	b, err := json.Marshal(card)
	noError(t, err)
	back, err := pricing.DecodeRateCard(b)
	noError(t, err, "%s", b)
	q1, _ := card.Quote(sixLineRequest(), issued)
	q2, err := back.Quote(sixLineRequest(), issued)
	noError(t, err)
	truth(t, q1.Equal(q2), "decoded card quotes differently")
}

func problemPaths(t *testing.T, err error) map[string]string {
	t.Helper()
	var ve *pricing.ValidationError
	errorAs(t, err, &ve)
	out := map[string]string{}
	for _, p := range ve.Problems {
		out[p.Path] = p.Code
	}
	return out
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
			map[string]string{"valid_days": pricing.CodeMalformed, "base": pricing.CodeRequired}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeRateCard([]byte(tt.json))
			errorIs(t, err, pricing.ErrInvalid)
			equal(t, problemPaths(t, err), tt.want)
		})
	}
}

func TestValidateSentinels(t *testing.T) {
	card := pricing.ExampleRateCard()
	card.Base[0].Fee = pricing.MustParseMoney("1 EUR")
	err := card.Validate()
	errorIs(t, err, pricing.ErrCurrencyMismatch)
	card.Currency = "ABC"
	err = card.Validate()
	errorIs(t, err, pricing.ErrUnknownCurrency)
	var fe *pricing.FieldError
	errorAs(t, err, &fe)
	truth(t, errors.Is(err, pricing.ErrInvalid))
	// A ValidationError of several problems matches the sentinel of each.
	card = pricing.ExampleRateCard()
	card.Version = ""
	card.Base[0].Fee = pricing.MustParseMoney("2500.00 EUR")
	err = card.Validate()
	errorIs(t, err, pricing.ErrInvalid)
	errorIs(t, err, pricing.ErrCurrencyMismatch)
	truth(t, !errors.Is(err, pricing.ErrNoRule), "a card problem is not ErrNoRule")
	card = pricing.ExampleRateCard()
	card.Usage[0].Duration = pricing.Duration{}
	equal(t, problemPaths(t, card.Validate()), map[string]string{"usage[0].duration": pricing.CodeZeroDuration})
}

func TestDecodeRequest(t *testing.T) {
	r, err := pricing.DecodeRequest([]byte(`{"platform":"tiktok","format":"short_video","seconds":45,
		"usage":{"paid":true,"channels":["tiktok"],"duration":"3 months"},
		"whitelisting":{"months":2,"spend_cap":{"amount":"5000","currency":"USD"},"regions":["US"]}}`))
	noError(t, err)
	equal(t, r.Usage.Duration, pricing.Months(3))
	equal(t, r.Whitelisting.SpendCap.String(), "5000.00 USD")
	_, err = pricing.DecodeRequest([]byte(`{"platform":"tiktok","usage":{"duration":"forever"},"extra":1}`))
	equal(t, problemPaths(t, err), map[string]string{"request.usage.duration": pricing.CodeMalformed, "request.extra": pricing.CodeUnknownField})
}

func TestDuration(t *testing.T) {
	for _, s := range []string{"1 month", "3 months", "1 day", "90 days", "perpetual"} {
		d, err := pricing.ParseDuration(s)
		noError(t, err)
		equal(t, d.String(), s)
	}
	d, err := pricing.ParseDuration("1 months")
	noError(t, err)
	equal(t, d, pricing.Months(1))
	for _, s := range []string{"", "0 months", "-1 months", "3 Months", "3  months", "1201 months", "36501 days", "3 weeks", "forever", "1e3 days", "9999999 days"} {
		_, err := pricing.ParseDuration(s)
		errorIs(t, err, pricing.ErrInvalid, s)
	}
	truth(t, pricing.Months(3) != pricing.Days(90))
}

// TestGoldenQuote compares a full quote's JSON with testdata/quote.golden.json.
// Run with UPDATE_GOLDEN=1 to rewrite it after an intended change, and review
// the diff.
func TestGoldenQuote(t *testing.T) {
	card := pricing.ExampleRateCard()
	req := sixLineRequest()
	req.NetZero = true
	q, err := card.Quote(req, issued)
	noError(t, err)
	got, err := json.MarshalIndent(q, "", "  ")
	noError(t, err)
	got = append(got, '\n')
	const path = "testdata/quote.golden.json"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		noError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	noError(t, err)
	if string(got) != string(want) {
		t.Errorf("quote JSON differs from %s:\ngot:\n%s", path, got)
	}
	var back pricing.Quote
	noError(t, json.Unmarshal(want, &back))
	truth(t, back.Equal(q))
	noError(t, back.Check())
	kinds := []pricing.LineKind{}
	for _, l := range back.Lines {
		kinds = append(kinds, l.Kind)
	}
	truth(t, slices.Equal(kinds, []pricing.LineKind{"base", "usage", "whitelisting", "whitelisting_setup", "exclusivity", "revisions", "rush", "net_zero"}), kinds)
}
