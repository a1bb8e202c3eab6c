package contract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// golden compares got with testdata/name, or rewrites the file when the
// environment sets UPDATE_GOLDEN=1 (as package pricing's golden tests do).
// golden compares got with testdata/name, or rewrites the file when
// UPDATE_GOLDEN=1 (as in package pricing).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run UPDATE_GOLDEN=1 go test to write %s", path)
	assert.Equal(t, string(want), got, "%s differs; UPDATE_GOLDEN=1 go test rewrites it", path)
}

func TestOnboardingGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    contract.Agreement
	}{{"good", contract.SampleAgreement()}, {"vague", contract.VagueAgreement()}} {
		t.Run(tc.name, func(t *testing.T) {
			md, text := contract.Onboarding(tc.a)
			golden(t, "onboarding_"+tc.name+".md", md)
			golden(t, "onboarding_"+tc.name+".txt", text)
		})
	}
}

// TestOnboardingContent: product info, the shipping timeline and both sides'
// contacts are in one message, in both forms.
func TestOnboardingContent(t *testing.T) {
	md, text := contract.Onboarding(contract.SampleAgreement())
	for _, s := range []string{
		"GlowCo Dew Serum: a 30 ml niacinamide",
		"ships the product by Wed 17 Feb 2027",
		"You should have it by Fri 19 Feb 2027",
		"Dana Whitfield (owner), dana@glowco.example",
		"Sam Ortiz (backup)",
		"Maya Reyes (owner), maya@mayaglows.example",
		"Alex Kim (backup)",
		"1 × TikTok short video, 20–35 s, posted Mon 15 Mar 2027 at 12:00",
		"1. Priya Nair (Partnerships lead, GlowCo)",
		"No weekend approvals unless pre-scheduled",
	} {
		assert.Contains(t, md, s)
		assert.Contains(t, text, s)
	}
	assert.NotContains(t, text, `\`, "plain text has no Markdown escapes")
	assert.True(t, strings.HasPrefix(md, "# Welcome to GlowCo Dew Serum launch\n"))
	assert.True(t, strings.HasPrefix(text, "Welcome to GlowCo Dew Serum launch\n==="))
}

func TestOnboardingShipping(t *testing.T) {
	a := contract.SampleAgreement()
	a.Brief.Shipping = contract.None[contract.Shipping]()
	md, _ := contract.Onboarding(a)
	assert.Contains(t, md, "Nothing is shipped for this campaign.")

	a.Brief.Shipping = contract.Some(contract.Shipping{})
	md, _ = contract.Onboarding(a)
	assert.Contains(t, md, "The product is shipped; the dates are not set yet.")
}

// TestOnboardingEscapesMarkdown: the agreement's text renders as written, not
// as Markdown, and the plain text is the text itself.
func TestOnboardingEscapesMarkdown(t *testing.T) {
	cases := []struct{ in, md string }{
		{"# Big *bold* launch", `\# Big \*bold\* launch`},
		{"[click](http://x) <b>tag</b>", `\[click\](http://x) \<b\>tag\</b\>`},
		{"1. first", `1\. first`},
		{"- item", `\- item`},
		{"#ad and @glowco", `#ad and @glowco`},
		{"snake_case stays, _this_ does not", `snake_case stays, \_this\_ does not`},
		{"A & B | C ~~D~~ `code`", "A \\& B \\| C \\~\\~D\\~\\~ \\`code\\`"},
		{"line\nbreak", "line break"},
	}
	for _, tc := range cases {
		a := contract.SampleAgreement()
		a.Brief.Product = tc.in
		md, text := contract.Onboarding(a)
		assert.Contains(t, md, "## The product\n\n"+tc.md+"\n", "%q", tc.in)
		assert.Contains(t, text, "-----------\n\n"+strings.Join(strings.Fields(tc.in), " ")+"\n", "%q", tc.in)
	}
}
