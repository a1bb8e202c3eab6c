package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// benchCaption returns a caption of exactly n bytes made of unit repeated (cut
// on a rune boundary, padded with spaces).
func benchCaption(unit string, n int) string {
	s := strings.Repeat(unit, n/len(unit)+1)[:n]
	for !strings.HasSuffix(s, " ") && len(s) > 0 && s[len(s)-1] >= 0x80 {
		s = s[:len(s)-1]
	}
	return s + strings.Repeat(" ", n-len(s))
}

// benchShapes are the kinds of text the check must read in linear time: an
// ordinary caption, and shapes that would make a careless matcher quadratic
// (every word the start of a phrase, one endless hashtag run, one endless word,
// endless separators, emoji and combining marks).
var benchShapes = []struct{ name, unit string }{
	{"prose", "Loving my morning routine with @glowco, the serum is so light ✨ https://glowco.com/spring #skincare "},
	{"hashtags", "#glow #ad #skincare @glowco "},
	{"phrase-starts", "paid in collaboration thanks brand paid "},
	{"one-word", "a"},
	{"separators", " \n.,!"},
	{"emoji-marks", "👩‍👩‍👧 e\u0301 إعلان "},
}

// BenchmarkCheckDisclosure checks captions of 1 KiB, 100 KiB and 1 MiB (the
// limit, MaxCaptionBytes) of each shape: with linear time, MB/s is the same at
// every size.
func BenchmarkCheckDisclosure(b *testing.B) {
	ig, err := contract.LookupPlatform("instagram")
	if err != nil {
		b.Fatal(err)
	}
	terms := contract.DisclosureTerms{Wording: "Paid partnership with @glowco", Brand: "GlowCo", Handle: "@glowco", Link: "https://glowco.com/spring"}
	ftc := contract.FTC()
	for _, shape := range benchShapes {
		for _, size := range []struct {
			name string
			n    int
		}{{"1KiB", 1 << 10}, {"100KiB", 100 << 10}, {"1MiB", contract.MaxCaptionBytes}} {
			c := contract.Caption{Platform: ig, Text: benchCaption(shape.unit, size.n)}
			b.Run(shape.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(c.Text)))
				b.ReportAllocs()
				for b.Loop() {
					_ = contract.CheckDisclosure(c, terms, ftc)
				}
			})
		}
	}
}

// BenchmarkCheckDisclosureTypical is one real-sized caption, as a service
// checks it: the profile is compiled on every call.
func BenchmarkCheckDisclosureTypical(b *testing.B) {
	ig, err := contract.LookupPlatform("instagram")
	if err != nil {
		b.Fatal(err)
	}
	c := contract.Caption{Platform: ig, PaidLabel: true, Text: "Paid partnership with @glowco ✨ My 3-step morning routine: cleanse, " +
		"the new Glow Serum, SPF. Two weeks in and my skin has never been this calm. Code GLOW15 for 15% off, link in bio. " +
		"#skincare #morningroutine #glowserum #spf #selfcare"}
	terms := contract.DisclosureTerms{Wording: "Paid partnership with @glowco", Brand: "GlowCo", Handle: "@glowco", PaidLabel: true}
	ftc := contract.FTC()
	b.ReportAllocs()
	for b.Loop() {
		_ = contract.CheckDisclosure(c, terms, ftc)
	}
}

// TestCheckDisclosureAllocsFlat locks what makes the check linear in memory:
// it allocates for the profile and the findings, never per token, so a 1 MiB
// caption allocates no more than a 1 KiB one of the same shape.
func TestCheckDisclosureAllocsFlat(t *testing.T) {
	ig := platform(t, "instagram")
	terms := contract.DisclosureTerms{Wording: "Paid partnership with @glowco", Brand: "GlowCo", Handle: "@glowco", Link: "https://glowco.com/spring"}
	ftc := contract.FTC()
	for _, shape := range benchShapes {
		t.Run(shape.name, func(t *testing.T) {
			small := contract.Caption{Platform: ig, Text: benchCaption(shape.unit, 1<<10)}
			large := contract.Caption{Platform: ig, Text: benchCaption(shape.unit, contract.MaxCaptionBytes)}
			require.Len(t, large.Text, contract.MaxCaptionBytes)
			a := testing.AllocsPerRun(3, func() { contract.CheckDisclosure(small, terms, ftc) })
			b := testing.AllocsPerRun(3, func() { contract.CheckDisclosure(large, terms, ftc) })
			assert.LessOrEqual(t, b, a+16, "allocations: %v for 1 KiB, %v for 1 MiB (the large one has a caption_too_long finding more)", a, b)
		})
	}
}
