package contract_test

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/metrics"
)

// deleted is the value that makes setPath delete a key.
type deletedKey struct{}

var deleted = deletedKey{}

// readSample returns a sample of testdata by name ("good").
func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name + ".json")
	require.NoError(t, err)
	return b
}

// withJSON returns doc with the value at path ("rights.usage",
// "deliverables[0].extras") set to v (any JSON value; deleted removes the
// key).
func withJSON(t testing.TB, doc []byte, path string, v any) []byte {
	t.Helper()
	var root any
	require.NoError(t, json.Unmarshal(doc, &root))
	root = setPath(t, root, splitPath(path), v)
	b, err := json.Marshal(root)
	require.NoError(t, err)
	return b
}

// splitPath splits "a.b[2].c" into "a", "b", "[2]", "c".
func splitPath(path string) []string {
	var out []string
	for _, part := range strings.Split(path, ".") {
		for {
			i := strings.IndexByte(part, '[')
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, part[:i])
			}
			j := strings.IndexByte(part, ']')
			out = append(out, part[i:j+1])
			part = part[j+1:]
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

func setPath(t testing.TB, node any, path []string, v any) any {
	t.Helper()
	if len(path) == 0 {
		return v
	}
	key := path[0]
	if strings.HasPrefix(key, "[") {
		i, err := strconv.Atoi(key[1 : len(key)-1])
		require.NoError(t, err)
		arr, ok := node.([]any)
		require.True(t, ok, "not an array at %s", key)
		arr[i] = setPath(t, arr[i], path[1:], v)
		return arr
	}
	obj, ok := node.(map[string]any)
	if node == nil {
		obj, ok = map[string]any{}, true
	}
	require.True(t, ok, "not an object at %s", key)
	if len(path) == 1 && v == deleted {
		delete(obj, key)
		return obj
	}
	obj[key] = setPath(t, obj[key], path[1:], v)
	return obj
}

// decodeWith decodes the good sample with the value at path set to v and
// requires it to decode.
func decodeWith(t testing.TB, path string, v any) contract.Agreement {
	t.Helper()
	a, err := contract.DecodeAgreement(withJSON(t, readSample(t, "good"), path, v))
	require.NoError(t, err)
	return a
}

// optState is the state of an Opt, whatever its type.
type optState interface {
	IsStated() bool
	IsNone() bool
	String() string
}

// optTerms are every Opt term of an agreement: its JSON path, a value to
// state, and how to read it.
var optTerms = []struct {
	path  string
	value any
	get   func(a contract.Agreement) optState
}{
	{"rights.usage", map[string]any{"channels": []any{"tiktok"}, "duration": "3 months", "paid": true}, func(a contract.Agreement) optState { return a.Rights.Usage }},
	{"rights.whitelisting", map[string]any{"duration": "1 month", "spend_cap": "100.00 USD", "regions": []any{"US"}}, func(a contract.Agreement) optState { return a.Rights.Whitelisting }},
	{"rights.exclusivity", map[string]any{"categories": []any{"skincare"}, "window": "30 days"}, func(a contract.Agreement) optState { return a.Rights.Exclusivity }},
	{"rush", map[string]any{"reason": "launch moved up"}, func(a contract.Agreement) optState { return a.Rush }},
	{"deliverables[0].extras", []any{"a link sticker"}, func(a contract.Agreement) optState { return a.Deliverables[0].Extras }},
	{"deliverables[0].length", map[string]any{"min_seconds": 10, "max_seconds": 20}, func(a contract.Agreement) optState { return a.Deliverables[0].Length }},
	{"escalation", []any{map[string]any{"side": "brand", "name": "Priya Nair"}}, func(a contract.Agreement) optState { return a.Escalation }},
	{"brief.shipping", map[string]any{"ship_by": "2027-02-17"}, func(a contract.Agreement) optState { return a.Brief.Shipping }},
	{"compliance.claim_restrictions", []any{"no cure claims"}, func(a contract.Agreement) optState { return a.Compliance.ClaimRestrictions }},
}

// TestOptThreeStates: for every Opt term, a missing key, "none" and a value
// decode to three different states (null reads as missing), and each state
// survives a JSON round trip: unstated is left out, none is "none", a value
// is itself.
func TestOptThreeStates(t *testing.T) {
	for _, term := range optTerms {
		t.Run(term.path, func(t *testing.T) {
			cases := []struct {
				name   string
				json   any
				stated bool
				none   bool
				text   string
			}{
				{"absent", deleted, false, false, "unstated"},
				{"null", nil, false, false, "unstated"},
				{"none", "none", true, true, "none"},
				{"value", term.value, true, false, "set"},
			}
			for _, tc := range cases {
				a := decodeWith(t, term.path, tc.json)
				o := term.get(a)
				assert.Equal(t, tc.stated, o.IsStated(), "%s: IsStated", tc.name)
				assert.Equal(t, tc.none, o.IsNone(), "%s: IsNone", tc.name)
				assert.Equal(t, tc.text, o.String(), tc.name)

				out, err := json.Marshal(a)
				require.NoError(t, err)
				var back contract.Agreement
				require.NoError(t, json.Unmarshal(out, &back), tc.name)
				assert.Equal(t, o.String(), term.get(back).String(), "%s: state after a round trip", tc.name)
				assert.True(t, a.Equal(back), "%s: agreement after a round trip", tc.name)

				got := lookup(t, out, term.path)
				switch tc.text {
				case "unstated":
					assert.Nil(t, got, "%s: an unstated term is left out", tc.name)
				case "none":
					assert.Equal(t, "none", got, tc.name)
				default:
					assert.NotNil(t, got, tc.name)
				}
			}
		})
	}
}

// lookup returns the JSON value at path in doc, or nil when absent.
func lookup(t testing.TB, doc []byte, path string) any {
	t.Helper()
	var node any
	require.NoError(t, json.Unmarshal(doc, &node))
	for _, key := range splitPath(path) {
		if strings.HasPrefix(key, "[") {
			i, err := strconv.Atoi(key[1 : len(key)-1])
			require.NoError(t, err)
			node = node.([]any)[i]
			continue
		}
		obj, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = obj[key]
	}
	return node
}

func TestOptConstructors(t *testing.T) {
	var zero contract.Opt[contract.Usage]
	assert.False(t, zero.IsStated())
	assert.True(t, zero.IsZero())
	_, ok := zero.Get()
	assert.False(t, ok)

	n := contract.None[contract.Usage]()
	assert.True(t, n.IsStated())
	assert.True(t, n.IsNone())
	_, ok = n.Get()
	assert.False(t, ok)

	s := contract.Some([]string{"a link sticker"})
	v, ok := s.Get()
	assert.True(t, ok)
	assert.Equal(t, []string{"a link sticker"}, v)
	assert.False(t, s.IsNone())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["a link sticker"]`, string(b))
	b, err = json.Marshal(n)
	require.NoError(t, err)
	assert.Equal(t, `"none"`, string(b))
}

// TestOptStrict: a stated value is read as strictly as the rest of the
// agreement, with paths inside it, and only "none" means none.
func TestOptStrict(t *testing.T) {
	cases := []struct {
		name, path string
		value      any
		wantPath   string
		wantCode   string
	}{
		{"None is not none", "rights.usage", "None", "rights.usage", "malformed"},
		{"empty string", "rush", "", "rush", "malformed"},
		{"unknown key", "rights.usage", map[string]any{"chanels": []any{"tiktok"}}, "rights.usage.chanels", "unknown_field"},
		{"wrong type inside", "rights.whitelisting", map[string]any{"regions": "US"}, "rights.whitelisting.regions", "malformed"},
		{"bad duration", "rights.exclusivity", map[string]any{"window": "3 fortnights"}, "rights.exclusivity.window", "malformed"},
		{"bad date", "brief.shipping", map[string]any{"ship_by": "2027-02-30"}, "brief.shipping.ship_by", "malformed"},
		{"a number", "deliverables[0].extras", 3, "deliverables[0].extras", "malformed"},
		{"empty list", "deliverables[0].extras", []any{}, "deliverables[0].extras", "required"},
		{"empty escalation", "escalation", []any{}, "escalation", "required"},
		{"escalation side", "escalation", []any{map[string]any{"side": "agency", "name": "X"}}, "escalation[0].side", "malformed"},
		{"escalation name", "escalation", []any{map[string]any{"side": "brand"}}, "escalation[0].name", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.DecodeAgreement(withJSON(t, readSample(t, "good"), tc.path, tc.value))
			requireProblem(t, err, tc.wantPath, tc.wantCode)
		})
	}
}

// requireProblem requires err to be a *contract.ValidationError holding a
// problem at path with code.
func requireProblem(t testing.TB, err error, path, code string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, contract.ErrInvalid)
	var ve *contract.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, p := range ve.Problems {
		if p.Path == path && p.Code == code {
			return
		}
	}
	require.Failf(t, "problem not found", "want %s %s in %v", path, code, err)
}

func TestSamples(t *testing.T) {
	a := contract.SampleAgreement()
	assert.Equal(t, "GlowCo", a.Brand.Name)
	assert.Equal(t, "America/New_York", a.Brand.Calendar.Location().String())
	assert.Equal(t, "America/Los_Angeles", a.Creator.Calendar.Location().String())
	require.Len(t, a.Deliverables, 2)
	assert.Equal(t, "tiktok", a.Deliverables[0].Platform)
	n, ok := a.Deliverables[0].Length.Get()
	require.True(t, ok)
	assert.Equal(t, contract.Length{MinSeconds: 20, MaxSeconds: 35}, n)
	assert.Equal(t, "2027-03-15", a.Deliverables[0].PostDate.String())
	extras, ok := a.Deliverables[1].Extras.Get()
	require.True(t, ok)
	assert.Contains(t, extras[0], "Link sticker")
	assert.True(t, a.Rush.IsNone())
	u, ok := a.Rights.Usage.Get()
	require.True(t, ok)
	assert.Equal(t, "3 months", u.Duration.String())
	assert.True(t, u.Paid && u.Organic)
	w, ok := a.Rights.Whitelisting.Get()
	require.True(t, ok)
	assert.Equal(t, "5000.00 USD", w.SpendCap.String())

	// Each call returns a new value.
	a.Deliverables[0].ID = "changed"
	assert.Equal(t, "tiktok-video", contract.SampleAgreement().Deliverables[0].ID)

	v := contract.VagueAgreement()
	assert.False(t, v.Deliverables[0].Length.IsStated())
	assert.True(t, v.Deliverables[0].PostDate.IsZero())

	_, err := contract.DecodeAgreement(readSample(t, "toolong"))
	require.NoError(t, err)
}

func TestMetricSourceClause(t *testing.T) {
	a := contract.SampleAgreement()
	assert.Equal(t, "Primary reporting source is platform native analytics screenshots or exports, provided within 7 days of posting.", a.MetricSourceClause())

	a.Reporting.MetricSource.Clause = ""
	assert.Equal(t, "Primary reporting source is platform native analytics screenshots, with platform native analytics exports, provided within 7 days of posting.", a.MetricSourceClause())

	a.Reporting.MetricSource.Kinds = []metrics.SourceKind{metrics.SourceLinkTracker, metrics.SourcePromoCode, metrics.SourceAPI}
	a.Policy.Reports = nil
	assert.Equal(t, "Primary reporting source is link-tracker analytics, with promo-code redemptions and the platform's API.", a.MetricSourceClause())

	a.Reporting.MetricSource.Kinds = nil
	assert.Equal(t, "", a.MetricSourceClause())
}

// TestDisclosureTerms: a deliverable's disclosure terms feed the disclosure
// check.
func TestDisclosureTerms(t *testing.T) {
	a := contract.SampleAgreement()
	terms, err := a.DisclosureTerms(1)
	require.NoError(t, err)
	assert.Equal(t, contract.DisclosureTerms{Wording: "#ad", Brand: "GlowCo", Handle: "@glowco", Link: "https://glowco.example/dew", PaidLabel: true}, terms)

	terms, err = a.DisclosureTerms(0)
	require.NoError(t, err)
	tiktok, err := contract.LookupPlatform("tiktok")
	require.NoError(t, err)
	good := contract.CheckDisclosure(contract.Caption{Platform: tiktok, Text: "#ad Three drops every morning with @glowco Dew Serum", PaidLabel: true}, terms, contract.FTC())
	assert.Less(t, good.Worst(), contract.Warning, "%v", good)
	bad := contract.CheckDisclosure(contract.Caption{Platform: tiktok, Text: "Three drops every morning #sp", PaidLabel: true}, terms, contract.FTC())
	assert.Equal(t, contract.Blocker, bad.Worst(), "%v", bad)

	_, err = a.DisclosureTerms(2)
	requireProblem(t, err, "deliverables", "out_of_range")
}
