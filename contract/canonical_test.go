package contract_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// reordered writes v as JSON with every object's keys in reverse order and
// the given indentation.
func reordered(v any, indent string, depth int) string {
	pad := strings.Repeat(indent, depth+1)
	end := strings.Repeat(indent, depth)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Sort(sort.Reverse(sort.StringSlice(keys)))
		var parts []string
		for _, k := range keys {
			kb, _ := json.Marshal(k)
			parts = append(parts, pad+string(kb)+" : "+reordered(x[k], indent, depth+1))
		}
		return "{\n" + strings.Join(parts, ",\n") + "\n" + end + "}"
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, pad+reordered(e, indent, depth+1))
		}
		return "[\n" + strings.Join(parts, ",\n") + "\n" + end + "]"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func hashOf(t testing.TB, doc []byte) string {
	t.Helper()
	a, err := contract.DecodeAgreement(doc)
	require.NoError(t, err)
	h, err := a.Hash()
	require.NoError(t, err)
	return h
}

// TestHashIgnoresFormatting: the same agreement written with other
// whitespace, another key order and other spellings of the same values has
// the same canonical form and hash.
func TestHashIgnoresFormatting(t *testing.T) {
	good := readSample(t, "good")
	want := hashOf(t, good)

	var tree any
	require.NoError(t, json.Unmarshal(good, &tree))
	for _, indent := range []string{"", "\t", "        "} {
		assert.Equal(t, want, hashOf(t, []byte(reordered(tree, indent, 0))), "indent %q", indent)
	}

	respelled := good
	for _, e := range []edit{
		{"policy.payment.net", "15d"},
		{"rights.usage.duration", "3 Months"},
		{"rights.whitelisting.spend_cap", map[string]any{"amount": "5000", "currency": "USD"}},
		{"deliverables[0].post_time", "12:00:00"},
		{"brand.calendar.hours", []any{"Mon-Fri 09:00-17:00"}},
		{"brand.calendar.quiet", []any{"sat,sun"}},
		{"reporting.engagement_rate", "Shares + Likes + Comments / Views"},
		{"policy.review", "48 hours"},
		{"policy.draft", "5bd"},
	} {
		respelled = withJSON(t, respelled, e.path, e.value)
	}
	assert.Equal(t, want, hashOf(t, respelled))
}

// TestHashSeesEveryChange changes each leaf value of the good sample in turn
// (a string gets a suffix, a number one more, a boolean flipped); every
// change that still decodes changes the hash, and so does removing an
// element of every list.
func TestHashSeesEveryChange(t *testing.T) {
	good := readSample(t, "good")
	want := hashOf(t, good)
	var tree any
	require.NoError(t, json.Unmarshal(good, &tree))

	tested := 0
	var walk func(node any, path string)
	try := func(path string, v any) {
		a, err := contract.DecodeAgreement(withJSON(t, good, path, v))
		if err != nil {
			return // not every change is well formed
		}
		tested++
		h, err := a.Hash()
		require.NoError(t, err)
		assert.NotEqual(t, want, h, "changing %s to %v", path, v)
	}
	walk = func(node any, path string) {
		switch x := node.(type) {
		case map[string]any:
			for k, v := range x {
				walk(v, strings.TrimPrefix(path+"."+k, "."))
			}
		case []any:
			for i, v := range x {
				walk(v, fmt.Sprintf("%s[%d]", path, i))
			}
			if len(x) > 1 {
				try(path, x[1:])
			}
		case string:
			try(path, x+" (changed)")
		case float64:
			try(path, x+1)
		case bool:
			try(path, !x)
		}
	}
	walk(tree, "")
	assert.Greater(t, tested, 100, "changes that decode")
}

// TestCanonicalRoundTrip: the canonical form decodes to an equal agreement,
// whose canonical form is the same bytes; it is compact, sorted and not
// HTML-escaped.
func TestCanonicalRoundTrip(t *testing.T) {
	for _, name := range []string{"good", "vague", "toolong"} {
		t.Run(name, func(t *testing.T) {
			a, err := contract.DecodeAgreement(readSample(t, name))
			require.NoError(t, err)
			c, err := a.Canonical()
			require.NoError(t, err)
			back, err := contract.DecodeAgreement(c)
			require.NoError(t, err)
			assert.True(t, a.Equal(back))
			c2, err := back.Canonical()
			require.NoError(t, err)
			assert.Equal(t, string(c), string(c2))

			var compact bytes.Buffer
			require.NoError(t, json.Compact(&compact, c))
			assert.Equal(t, compact.String(), string(c), "no insignificant whitespace")
			assert.False(t, bytes.Contains(c, []byte(`\u0026`)), "not HTML-escaped")
		})
	}
	c, err := contract.SampleAgreement().Canonical()
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(c, []byte(`{"brand":{"backup":{"email":"sam@glowco.example","name":"Sam Ortiz"},"calendar":{"hours":["mon-fri 09:00-17:00"],"quiet":["sat-sun"],"time_zone":"America/New_York"}`)), "%s", c[:200])
}

// TestHashOfTheGoodSample pins the good sample's hash: a change to how any
// value of the module is written changes every signed agreement's hash, and
// must be a conscious decision.
func TestHashOfTheGoodSample(t *testing.T) {
	h, err := contract.SampleAgreement().Hash()
	require.NoError(t, err)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, h)
	assert.Equal(t, "sha256:aa7efc47396e3b03f38d1451909c28d3469f831c95e00a34f82f2958ecf4a178", h)
	assert.Equal(t, h[:len("sha256:")+12], contract.ShortHash(h))
}

func TestCanonicalInvalid(t *testing.T) {
	a := contract.SampleAgreement()
	a.Campaign.Name = ""
	_, err := a.Canonical()
	requireProblem(t, err, "campaign.name", "required")
	_, err = a.Hash()
	assert.ErrorIs(t, err, contract.ErrInvalid)
}

func TestShortHash(t *testing.T) {
	assert.Equal(t, "sha256:0123456789ab", contract.ShortHash("sha256:0123456789abcdef"))
	assert.Equal(t, "md5:0123", contract.ShortHash("md5:0123"))
	assert.Equal(t, "sha256:01", contract.ShortHash("sha256:01"))
}

func TestEqual(t *testing.T) {
	a := contract.SampleAgreement()
	b := contract.SampleAgreement()
	assert.True(t, a.Equal(b))
	b.Deliverables[0].Tag = "@GlowCo"
	assert.False(t, a.Equal(b))
	assert.True(t, contract.Agreement{}.Equal(contract.Agreement{}), "agreements that do not validate compare too")
}

func BenchmarkHash(b *testing.B) {
	a := contract.SampleAgreement()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Hash(); err != nil {
			b.Fatal(err)
		}
	}
}
