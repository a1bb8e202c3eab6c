package contract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// placementCodes say the caption does not disclose; a caption has at most one.
var placementCodes = []string{
	contract.CodeNoClearDisclosure, contract.CodeDisclosureAfterTruncation, contract.CodeDisclosureBuried, contract.CodeLabelOnly,
}

// requireWellFormed checks what every result of the check must be: valid
// severities, known codes, a message, sorted, at most one placement finding.
func requireWellFormed(t *testing.T, fs contract.Findings) {
	t.Helper()
	placements := 0
	for _, f := range fs {
		require.True(t, f.Severity.IsValid(), "finding %v: invalid severity", f)
		require.Contains(t, contract.DisclosureCodes(), f.Code, "finding %v: unknown code", f)
		require.NotEmpty(t, f.Message, "finding %v: no message", f)
		if slices.Contains(placementCodes, f.Code) {
			placements++
		}
	}
	require.LessOrEqual(t, placements, 1, "%v", fs)
	sorted := slices.Clone(fs)
	sorted.Sort()
	require.Equal(t, sorted, fs, "findings are sorted")
}

func FuzzCheckDisclosure(f *testing.F) {
	for _, s := range []string{
		"#ad Loving the new @glowco serum ✨",
		"Ad: my morning routine",
		"Serum day with @glowco #skin #glow #spf #am #pm #diy #me #fun #love #joy #ad",
		"#sp loving it", "#collab #ad", "#collab #glow #ad loving it", "#adidas #adventure I made it",
		"#GlowCoPartner", "@glowco partner", "paid-partnership WITH @GlowCo.", "https://glowco.com/p#ad",
		strings.Repeat(family, 25) + " #ad", strings.Repeat("e\u0301", 62) + " Ad", "\u200fمنتج رائع #ad",
		"Morning!\n\n\n#ad", "love#ad", "##ad @@glowco www. https:// a'b’c", "\xff\xfe#ad\x80",
	} {
		f.Add(s, uint8(0), false, uint8(0), "Paid partnership with @glowco", "GlowCo", "@glowco")
	}
	f.Add("", uint8(5), true, uint8(1), "", "", "")
	f.Add("#thanks", uint8(3), true, uint8(2), "#ad", "Glow Co", "glow.co_")
	platforms := append(contract.Platforms(), contract.Platform{})
	f.Fuzz(func(t *testing.T, text string, pi uint8, label bool, ji uint8, wording, brand, handle string) {
		js := []contract.Jurisdiction{contract.FTC(), contract.ASA(), labelProfile()}
		c := contract.Caption{Platform: platforms[int(pi)%len(platforms)], Text: text, PaidLabel: label}
		j := js[int(ji)%len(js)]
		terms := contract.DisclosureTerms{Wording: wording, Brand: brand, Handle: handle, Link: "https://glowco.com/spring", PaidLabel: label}

		fs := contract.CheckDisclosure(c, terms, j)
		requireWellFormed(t, fs)
		require.Equal(t, fs, contract.CheckDisclosure(c, terms, j), "the same input gives the same findings")

		// "#ad " first discloses, whatever follows, under every profile.
		c.Text = "#ad " + text
		if len(c.Text) <= contract.MaxCaptionBytes {
			for _, f := range contract.CheckDisclosure(c, terms, j) {
				require.NotContains(t, placementCodes, f.Code, "%q: %v", c.Text, f)
			}
		}

		p := contract.LivePost{URL: text, Platform: c.Platform, Caption: text, Tags: []string{handle, text}, Links: []string{text, wording}, PaidLabel: label}
		live := contract.CheckLivePost(p, terms, j)
		requireWellFormed(t, live)
		require.Equal(t, live, contract.CheckLivePost(p, terms, j))
		for _, s := range live.LiveCheckFindings() {
			require.NotEmpty(t, s)
		}
	})
}
