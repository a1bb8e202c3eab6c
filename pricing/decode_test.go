package pricing_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// A card with decode problems is still validated: the issue asks for every
// problem at once, with field paths.
func TestDecodeRateCardReportsDecodeAndValidateProblems(t *testing.T) {
	tests := []struct {
		name string
		json string
		want map[string]string // path → code
	}{
		{"unknown field, negative fee, percent over the bound",
			`{"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"-5.00 USD"}],"usage":[{"paid":true,"channels":["x"],"duration":"3 months","percent":"900%"}],"colour":"red"}`,
			map[string]string{
				"colour":           pricing.CodeUnknownField,
				"base[0].fee":      pricing.CodeNegative,
				"usage[0].percent": pricing.CodeOutOfRange,
			}},
		{"malformed value beside a missing version",
			`{"currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"2,500.00 USD"}]}`,
			map[string]string{
				"version":     pricing.CodeRequired,
				"base[0].fee": pricing.CodeMalformed, // not also "required"
			}},
		{"wrong type for an object is not also reported inside it",
			`{"version":"v","currency":"USD","valid_days":0,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD"}],"usage":["3 months"],"rush":"25%"}`,
			map[string]string{
				"valid_days": pricing.CodeOutOfRange,
				"usage[0]":   pricing.CodeMalformed,
				"rush":       pricing.CodeMalformed,
			}},
		{"malformed percent is not also a missing charge",
			`{"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD"}],"rush":{"percent":"1e9%"}}`,
			map[string]string{"rush.percent": pricing.CodeMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeRateCard([]byte(tt.json))
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, tt.want, problemPaths(t, err))
		})
	}
}

// The findings come in a stable order: decoding problems in document order,
// then Validate's in its order.
func TestDecodeRateCardProblemOrder(t *testing.T) {
	in := `{"version":"v","currency":"USD","valid_days":30,"zz":1,"base":[{"code":"a","platform":"p","format":"f","fee":"-5.00 USD"}],"usage":[{"paid":true,"channels":["x"],"duration":"3 months","percent":"900%"}],"colour":"red"}`
	for range 20 {
		_, err := pricing.DecodeRateCard([]byte(in))
		var ve *pricing.ValidationError
		require.ErrorAs(t, err, &ve)
		var paths []string
		for _, p := range ve.Problems {
			paths = append(paths, p.Path)
		}
		if want := []string{"zz", "colour", "base[0].fee", "usage[0].percent"}; !slices.Equal(paths, want) {
			t.Fatalf("DecodeRateCard problem paths %q, want %q", paths, want)
		}
	}
}

// "percent": "" is not 0%: it names the field as required.
func TestDecodeRateCardEmptyPercent(t *testing.T) {
	base := `"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD"}]`
	tests := []struct {
		name, json, path string
	}{
		{"usage tier", `{` + base + `,"usage":[{"paid":true,"channels":["x"],"duration":"3 months","percent":""}]}`, "usage[0].percent"},
		{"rush", `{` + base + `,"rush":{"percent":""}}`, "rush.percent"},
		{"net zero", `{` + base + `,"net_zero":{"percent":""}}`, "net_zero.percent"},
		{"empty fixed fee", `{` + base + `,"net_zero":{"fixed":""}}`, "net_zero.fixed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeRateCard([]byte(tt.json))
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, map[string]string{tt.path: pricing.CodeRequired}, problemPaths(t, err))
			var fe *pricing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.True(t, strings.Contains(fe.Error(), tt.path), "%q does not name %s", fe.Error(), tt.path)
		})
	}
	// An explicit 0% is a price, not a missing one.
	_, err := pricing.DecodeRateCard([]byte(`{` + base + `,"rush":{"percent":"0%"}}`))
	require.NoError(t, err)
}

// JSON null is the zero card, which Validate rejects; it is never a valid card.
func TestDecodeRateCardNull(t *testing.T) {
	for _, in := range []string{`null`, ` null `, `{}`} {
		_, err := pricing.DecodeRateCard([]byte(in))
		assert.ErrorIs(t, err, pricing.ErrInvalid, "DecodeRateCard(%s)", in)
		got := problemPaths(t, err)
		assert.Equal(t, pricing.CodeRequired, got["version"], "DecodeRateCard(%s)", in)
		assert.Equal(t, pricing.CodeRequired, got["base"], "DecodeRateCard(%s)", in)
	}
	_, err := pricing.DecodeRequest([]byte(`null`))
	require.NoError(t, err)
}
