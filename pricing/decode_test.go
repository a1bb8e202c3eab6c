package pricing_test

import (
	"encoding/json"
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

// The findings come in a stable order: decoding problems in document order
// (each object's duplicate keys first), then Validate's in its order.
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

// Every decoder is strict: a key in the wrong case is unknown, a key given
// twice is a duplicate, an unknown key is an error, each with its path.
func TestDecodersAreStrict(t *testing.T) {
	const card = `"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD"}]`
	decodeCard := func(s string) error { _, err := pricing.DecodeRateCard([]byte(s)); return err }
	decodeRequest := func(s string) error { _, err := pricing.DecodeRequest([]byte(s)); return err }
	decodeMoney := func(s string) error { var m pricing.Money; return json.Unmarshal([]byte(s), &m) }
	tests := []struct {
		name   string
		decode func(string) error
		in     string
		want   []string // "path code", in order
	}{
		{"card: wrong-case key", decodeCard, `{` + card + `,"Version":"w"}`, []string{"Version unknown_field"}},
		{"card: duplicate key", decodeCard, `{` + card + `,"version":"w"}`, []string{"version duplicate_key"}},
		{"card: unknown field", decodeCard, `{` + card + `,"colour":"red"}`, []string{"colour unknown_field"}},
		{"card: nested wrong case", decodeCard, `{` + card + `,"rush":{"Percent":"25%"}}`, []string{"rush.Percent unknown_field"}},
		{"card: money object, wrong case", decodeCard, `{` + card + `,"extra_revision":{"Amount":"1","currency":"USD"}}`,
			[]string{"extra_revision.Amount unknown_field", "extra_revision.amount required"}},
		{"card: money object, duplicate", decodeCard, `{` + card + `,"extra_revision":{"amount":"1","amount":"2","currency":"USD"}}`,
			[]string{"extra_revision.amount duplicate_key"}},
		{"card: money object, unknown field", decodeCard, `{` + card + `,"extra_revision":{"amount":"1","currency":"USD","cents":100}}`,
			[]string{"extra_revision.cents unknown_field"}},
		{"card: money object, bad currency", decodeCard, `{` + card + `,"extra_revision":{"amount":"1","currency":"usd"}}`,
			[]string{"extra_revision.currency unknown_currency"}},
		{"request: wrong-case key", decodeRequest, `{"platform":"tiktok","Format":"post"}`, []string{"request.Format unknown_field"}},
		{"request: duplicate key", decodeRequest, `{"platform":"tiktok","platform":"instagram"}`, []string{"request.platform duplicate_key"}},
		{"request: unknown field", decodeRequest, `{"platform":"tiktok","usage":{"paid":true,"channels":["x"],"duration":"3 months","region":"US"}}`,
			[]string{"request.usage.region unknown_field"}},
		{"request: money object, wrong case", decodeRequest, `{"whitelisting":{"months":1,"spend_cap":{"amount":"1","Currency":"USD"}}}`,
			[]string{"request.whitelisting.spend_cap.Currency unknown_field", "request.whitelisting.spend_cap.currency required"}},
		{"money: wrong-case key", decodeMoney, `{"Amount":"9.90","currency":"USD"}`, []string{"Amount unknown_field", "amount required"}},
		{"money: duplicate key", decodeMoney, `{"amount":"9.90","currency":"USD","currency":"EUR"}`, []string{"currency duplicate_key"}},
		{"money: unknown field", decodeMoney, `{"amount":"9.90","currency":"USD","note":"x"}`, []string{"note unknown_field"}},
		{"money: both missing", decodeMoney, `{}`, []string{"amount required", "currency required"}},
		{"money: amount a number", decodeMoney, `{"amount":9.90,"currency":"USD"}`, []string{"amount malformed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.decode(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			assert.Equal(t, tt.want, problemList(t, err))
		})
	}
}

// The decoders report an integer beyond its field's type as out of range,
// with the exact range in the message, and Validate bounds what decodes:
// no message promises a bound the code does not enforce.
func TestDecodeRateCardIntegerRange(t *testing.T) {
	base := func(count string) string {
		return `{"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD","count":` + count + `}]}`
	}
	tests := []struct {
		name, in, path, code, message string
	}{
		{"beyond int64", base("9223372036854775808"), "base[0].count", pricing.CodeOutOfRange,
			`want an integer from -9223372036854775808 to 9223372036854775807, have "9223372036854775808"`},
		{"int32 max is beyond MaxCount", base("2147483647"), "base[0].count", pricing.CodeOutOfRange, "2147483647 not in 0..1000000"},
		{"valid_days", `{"version":"v","currency":"USD","valid_days":2147483647,"base":[{"code":"a","platform":"p","format":"f","fee":"1.00 USD"}]}`,
			"valid_days", pricing.CodeOutOfRange, "valid_days 2147483647 not in 1..365"},
		{"not an integer", base("1.5"), "base[0].count", pricing.CodeOutOfRange,
			`want an integer from -9223372036854775808 to 9223372036854775807, have "1.5"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.DecodeRateCard([]byte(tt.in))
			var ve *pricing.ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Problems, 1, "%v", err)
			p := ve.Problems[0]
			assert.Equal(t, tt.path, p.Path)
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, tt.message, p.Message)
		})
	}
	c, err := pricing.DecodeRateCard([]byte(base("1000000")))
	require.NoError(t, err, "MaxCount itself is accepted")
	assert.Equal(t, int64(pricing.MaxCount), c.Base[0].Count)
}

// Decode problems come first; a size limit is reported alone.
func TestDecodeLimits(t *testing.T) {
	big := []byte(`{"version":"` + strings.Repeat("x", pricing.MaxRateCardBytes) + `"}`)
	_, err := pricing.DecodeRateCard(big)
	assert.Equal(t, []string{" too_large"}, problemList(t, err))
	big = []byte(`{"platform":"` + strings.Repeat("x", pricing.MaxRequestBytes) + `"}`)
	_, err = pricing.DecodeRequest(big)
	assert.Equal(t, []string{"request too_large"}, problemList(t, err))
	_, err = pricing.DecodeRequest([]byte(`{"quantity":-1,"usage":{"paid":true,"channels":[],"duration":"3 fortnights"}}`))
	// An optional object with a decode problem stays unset (strictjson), so
	// Validate does not also judge its other fields.
	assert.Equal(t, []string{"request.usage.duration malformed", "request.quantity out_of_range"}, problemList(t, err))
}
