package contract_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/sla/timeline"
)

// platform returns a known platform, failing the test when it is not.
func platform(t testing.TB, code string) contract.Platform {
	t.Helper()
	p, err := contract.LookupPlatform(code)
	require.NoError(t, err)
	return p
}

// summary lists findings as "severity code path", in their order.
func summary(fs contract.Findings) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Severity.String()+" "+f.Code+" "+f.Path)
	}
	return out
}

// labelProfile is a profile of our own where the platform's label alone is
// enough.
func labelProfile() contract.Jurisdiction {
	j := contract.FTC()
	j.Code = "TEST-LABEL"
	j.LabelSuffices = true
	return j
}

// family is a family emoji: five runes (three people joined by two
// zero-width joiners), one picture.
const family = "👩\u200d👩\u200d👧"

func TestCheckDisclosure(t *testing.T) {
	glowco := contract.DisclosureTerms{Brand: "GlowCo", Handle: "@glowco"}
	tests := []struct {
		name     string
		platform string
		text     string
		label    bool
		j        contract.Jurisdiction
		terms    contract.DisclosureTerms
		want     []string // "severity code path"
		message  string   // a part of a finding's message
	}{
		{name: "#ad first passes", platform: "instagram", j: contract.FTC(),
			text: "#ad Loving the new @glowco serum ✨ my skin has never been this soft"},
		{name: "Ad: first passes", platform: "instagram", j: contract.ASA(),
			text: "Ad: my morning routine with @glowco, three steps and done"},
		{name: "AD in capitals passes", platform: "tiktok", j: contract.FTC(), text: "AD | GRWM with @glowco"},
		{name: "paid partnership passes under the FTC", platform: "instagram", j: contract.FTC(),
			text: "Paid partnership with @glowco — my honest review after two weeks"},
		{name: "paid partnership is ambiguous under the ASA", platform: "instagram", j: contract.ASA(),
			text:    "Paid partnership with @glowco — my honest review after two weeks",
			want:    []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text"},
			message: `"Paid partnership" does not count`},
		{name: "sponsored with hyphens and case", platform: "youtube", j: contract.FTC(), text: "SPONSORED by GlowCo: the routine"},
		{name: "buried at the end after 10 hashtags", platform: "instagram", j: contract.FTC(),
			text:    "Serum day with @glowco #skin #glow #spf #am #pm #diy #me #fun #love #joy #ad",
			want:    []string{"blocker disclosure_buried text"},
			message: `"#ad" (characters 74–76) is buried in the run of 12 hashtags and handles that ends the caption`},
		{name: "buried and after the fold is after the fold", platform: "instagram", j: contract.FTC(),
			text: "My 3-step morning routine with the new Glow Serum: cleanse, serum, SPF. Two weeks in and my skin has never been this calm. " +
				"#skincare #morningroutine #glowserum #spf #selfcare #skin #glow #routine #beauty #love #ad",
			want:    []string{"blocker disclosure_after_truncation text"},
			message: `"#ad" (characters 211–213) on line 1 comes after the fold: Instagram shows about the first 125 characters (3 lines)`},
		{name: "after the Instagram fold", platform: "instagram", j: contract.FTC(),
			text:    strings.Repeat("so good ", 25) + "Ad",
			want:    []string{"blocker disclosure_after_truncation text"},
			message: `"Ad" (characters 201–202)`},
		{name: "the same text on X is before its fold", platform: "x", j: contract.FTC(), text: strings.Repeat("so good ", 25) + "Ad"},
		{name: "after the line fold", platform: "instagram", j: contract.FTC(), text: "Morning!\n\n\n#ad",
			want: []string{"blocker disclosure_after_truncation text"}, message: "on line 4"},
		{name: "on the last line before the line fold", platform: "instagram", j: contract.FTC(), text: "Morning!\n\n#ad"},
		{name: "ending exactly at the fold passes", platform: "instagram", j: contract.FTC(), text: strings.Repeat("x", 122) + " ad"},
		{name: "ending one past the fold", platform: "instagram", j: contract.FTC(), text: strings.Repeat("x", 123) + " ad",
			want: []string{"blocker disclosure_after_truncation text"}, message: `"ad" (characters 125–126)`},
		{name: "#sp alone", platform: "instagram", j: contract.FTC(), text: "#sp loving my new serum",
			want: []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text"}},
		{name: "#spon, #collab, #thanks and #ambassador alone", platform: "tiktok", j: contract.FTC(),
			text: "#spon #collab #thanks #ambassador #collab",
			want: []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text", "warning ambiguous_disclosure text",
				"warning ambiguous_disclosure text", "warning ambiguous_disclosure text"}},
		{name: "#collab then #ad passes with a note", platform: "instagram", j: contract.FTC(), text: "#collab #ad loving it",
			want: []string{"note ambiguous_disclosure text"}, message: `"#collab" (characters 1–7) does not disclose on its own under US-FTC; the caption's "#ad" does`},
		{name: "#ad mixed into a group mid-caption warns", platform: "instagram", j: contract.FTC(), text: "#collab #glow #ad loving it",
			want: []string{"warning ambiguous_disclosure text", "warning disclosure_buried text"}, message: "mixed into a group of 3"},
		{name: "#ad leading the closing hashtags passes", platform: "instagram", j: contract.FTC(), text: "Loved this! #ad #glowco #skincare #spf"},
		{name: "#ad second in the closing hashtags is buried", platform: "instagram", j: contract.FTC(), text: "Loved this! #glowco #ad #skincare",
			want: []string{"blocker disclosure_buried text"}},
		{name: "#ad after one hashtag is no group", platform: "instagram", j: contract.FTC(), text: "Loved this! #glowco #ad"},
		{name: "a link before #ad buries it", platform: "instagram", j: contract.FTC(), text: "Shop: https://glowco.com #ad #spf",
			want: []string{"blocker disclosure_buried text"}},
		{name: "a handle before #ad does not bury it", platform: "instagram", j: contract.FTC(), text: "Loving it @glowco #ad #skin #glow"},
		{name: "a clear word beats a buried hashtag", platform: "instagram", j: contract.FTC(),
			text: "Ad. Loving it #skin #glow #spf #ad"},
		{name: "label only under the FTC", platform: "instagram", j: contract.FTC(), label: true, text: "Loving my new serum",
			want: []string{"blocker label_only paid_label"}, message: `only Instagram's "Paid partnership" label discloses this post, and US-FTC does not count`},
		{name: "label only where the label suffices", platform: "instagram", j: labelProfile(), label: true, text: "Loving my new serum",
			want: []string{"note label_only paid_label"}},
		{name: "label softens a hidden disclosure where it suffices", platform: "instagram", j: labelProfile(), label: true,
			text: strings.Repeat("so good ", 25) + "#ad", want: []string{"warning disclosure_after_truncation text"}},
		{name: "#adidas and #adventure are not #ad", platform: "instagram", j: contract.FTC(), text: "#adidas #adventure I made it",
			want: []string{"blocker no_clear_disclosure text"}},
		{name: "ad inside words is not ad", platform: "instagram", j: contract.FTC(), text: "I made a bad adventure, lad; Ad1 ad_2",
			want: []string{"blocker no_clear_disclosure text"}},
		{name: "#ad inside a link is not #ad", platform: "instagram", j: contract.FTC(), text: "https://glowco.com/p#ad loving it",
			want: []string{"blocker no_clear_disclosure text"}},
		{name: "#ad with a combining mark is another hashtag", platform: "instagram", j: contract.FTC(), text: "#ad\u0301 loving it",
			want: []string{"blocker no_clear_disclosure text"}},
		{name: "#ad after a letter is the word ad", platform: "instagram", j: contract.FTC(), text: "love#ad"},
		{name: "emoji count as runes, before the fold", platform: "instagram", j: contract.FTC(),
			text: strings.Repeat(family, 24) + " #ad"},
		{name: "emoji count as runes, after the fold", platform: "instagram", j: contract.FTC(),
			text: strings.Repeat(family, 25) + " #ad", want: []string{"blocker disclosure_after_truncation text"}, message: `(characters 127–129)`},
		{name: "combining marks count as runes", platform: "instagram", j: contract.FTC(),
			text: strings.Repeat("e\u0301", 62) + " Ad", want: []string{"blocker disclosure_after_truncation text"}, message: `(characters 126–127)`},
		{name: "right-to-left text with #ad", platform: "instagram", j: contract.FTC(),
			text: "\u200fمنتج رائع من @glowco #ad جربته لمدة أسبوعين"},
		{name: "right-to-left text, #ad after the fold", platform: "instagram", j: contract.ASA(),
			text: strings.Repeat("שלום ", 25) + "#ad", want: []string{"blocker disclosure_after_truncation text"}, message: `(characters 126–128)`},
		{name: "brand partner hashtag under the FTC", platform: "instagram", j: contract.FTC(), terms: glowco, text: "#GlowCoPartner my routine"},
		{name: "brand ambassador words under the FTC", platform: "instagram", j: contract.FTC(), terms: glowco, text: "GlowCo Ambassador here!"},
		{name: "handle partner under the FTC", platform: "instagram", j: contract.FTC(), terms: glowco, text: "@glowco partner, my routine"},
		{name: "another brand's partner hashtag is ambiguous", platform: "instagram", j: contract.FTC(), terms: glowco,
			text: "#NikePartner my routine", want: []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text"}},
		{name: "brand ambassador hashtag under the ASA", platform: "instagram", j: contract.ASA(), terms: glowco,
			text: "#GlowCoAmbassador my routine", want: []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text"}},
		{name: "#sponsored under the ASA", platform: "instagram", j: contract.ASA(), text: "#sponsored my routine",
			want: []string{"blocker no_clear_disclosure text", "warning ambiguous_disclosure text"}},
		{name: "empty caption", platform: "instagram", j: contract.FTC(), want: []string{"blocker no_clear_disclosure text"}},
		{name: "no platform: no fold, a warning", j: contract.FTC(), text: strings.Repeat("so good ", 100) + "#ad",
			want: []string{"warning no_platform platform"}},
		{name: "longer than the platform accepts", platform: "instagram", j: contract.FTC(), text: "#ad " + strings.Repeat("é", 2200),
			want: []string{"warning caption_too_long text"}, message: "the caption has 2,204 characters; Instagram accepts at most 2,200"},
		{name: "agreed wording used", platform: "instagram", j: contract.FTC(), terms: contract.DisclosureTerms{Wording: "Paid partnership with @glowco"},
			text: "paid-partnership WITH @GlowCo. My routine"},
		{name: "agreed wording not used", platform: "instagram", j: contract.FTC(), terms: contract.DisclosureTerms{Wording: "Paid partnership with @glowco"},
			text: "#ad My routine", want: []string{"warning disclosure_wording text"}},
		{name: "agreed wording with a link", platform: "instagram", j: contract.FTC(),
			terms: contract.DisclosureTerms{Wording: "#ad shop https://glowco.com/spring"}, text: "#ad shop https://glowco.com/summer now"},
		{name: "agreed wording not clear under the ASA", platform: "instagram", j: contract.ASA(),
			terms: contract.DisclosureTerms{Wording: "Paid partnership with @glowco"}, text: "Ad | Paid partnership with @glowco",
			want: []string{"warning weak_wording terms.wording", "note ambiguous_disclosure text"}, message: `has no phrase UK-ASA counts as clear on its own: agree a wording with "Ad" in it`},
		{name: "agreed label off", platform: "instagram", j: contract.FTC(), terms: contract.DisclosureTerms{PaidLabel: true},
			text: "#ad My routine", want: []string{"warning label_missing paid_label"}},
		{name: "agreed label on a platform without one", platform: "x", j: contract.FTC(), terms: contract.DisclosureTerms{PaidLabel: true},
			text: "#ad My routine", want: []string{"note label_unavailable paid_label"}},
		{name: "terms that cannot be checked", platform: "instagram", j: contract.FTC(),
			terms: contract.DisclosureTerms{Wording: "#" + strings.Repeat("a", 80), Brand: "@glowco", Handle: "glow co", Link: "glowco.com"},
			text:  "#ad My routine",
			want:  []string{"warning invalid_terms terms.brand", "warning invalid_terms terms.handle", "warning invalid_terms terms.link", "warning invalid_terms terms.wording"}},
		{name: "an unusable profile", platform: "instagram", j: contract.Jurisdiction{}, text: "#ad",
			want: []string{"blocker invalid_jurisdiction "}, message: "code: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p contract.Platform
			if tt.platform != "" {
				p = platform(t, tt.platform)
			}
			c := contract.Caption{Platform: p, Text: tt.text, PaidLabel: tt.label}
			fs := contract.CheckDisclosure(c, tt.terms, tt.j)
			want := tt.want
			if want == nil {
				want = []string{}
			}
			require.Equal(t, want, summary(fs), "CheckDisclosure(%q): %v", tt.text, fs)
			if tt.message != "" {
				assert.True(t, slices.ContainsFunc(fs, func(f contract.Finding) bool { return strings.Contains(f.Message, tt.message) }),
					"no finding says %q: %v", tt.message, fs)
			}
			assert.Equal(t, fs, contract.CheckDisclosure(c, tt.terms, tt.j), "the same input gives the same findings")
		})
	}
}

func TestCheckDisclosureTooLarge(t *testing.T) {
	ig := platform(t, "instagram")
	at := contract.Caption{Platform: ig, Text: "#ad " + strings.Repeat("a", contract.MaxCaptionBytes-4)}
	fs := contract.CheckDisclosure(at, contract.DisclosureTerms{}, contract.FTC())
	assert.Equal(t, []string{"warning caption_too_long text"}, summary(fs), "a caption of MaxCaptionBytes is read")

	over := contract.Caption{Platform: ig, Text: at.Text + "a"}
	fs = contract.CheckDisclosure(over, contract.DisclosureTerms{}, contract.FTC())
	require.Equal(t, []string{"blocker caption_too_large text"}, summary(fs))
	assert.Equal(t, "the text is 1,048,577 bytes, over the 1,048,576 this check reads; nothing else was checked", fs[0].Message)
}

func TestCheckDisclosureManyAmbiguous(t *testing.T) {
	var b strings.Builder
	for _, w := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		b.WriteString("#" + w + "partner #" + w + "partner ")
	}
	fs := contract.CheckDisclosure(contract.Caption{Platform: platform(t, "tiktok"), Text: b.String()}, contract.DisclosureTerms{}, contract.FTC())
	require.Len(t, fs, 6, "a no-disclosure blocker and the first five ambiguous phrases: %v", fs)
	assert.Equal(t, contract.CodeNoClearDisclosure, fs[0].Code)
	assert.Contains(t, fs[1].Message, `"#apartner" (characters 1–9) (2 times)`)
	assert.Contains(t, fs[5].Message, "6 more uses of such phrases are not listed")
}

func TestCheckLivePost(t *testing.T) {
	terms := contract.DisclosureTerms{Handle: "@glowco", Link: "https://glowco.com/spring"}
	base := contract.LivePost{
		URL:      "https://www.instagram.com/p/C0ffee/",
		Platform: platform(t, "instagram"),
		Caption:  "#ad My spring routine",
		Tags:     []string{"@GlowCo"},
		Links:    []string{"https://glowco.com/spring"},
	}
	tests := []struct {
		name string
		edit func(p *contract.LivePost)
		want []string
	}{
		{name: "all there", edit: func(*contract.LivePost) {}},
		{name: "handle in the caption, not tagged", edit: func(p *contract.LivePost) {
			p.Tags, p.Caption = nil, "#ad My spring routine with @glowco."
		}},
		{name: "handle missing", edit: func(p *contract.LivePost) { p.Tags = []string{"@glowcofans"} },
			want: []string{"blocker missing_handle tags"}},
		{name: "an e-mail address is not a mention", edit: func(p *contract.LivePost) {
			p.Tags, p.Caption = nil, "#ad write to hi@glowco.com"
		}, want: []string{"blocker missing_handle tags"}},
		{name: "link with another scheme, www, case and a slash", edit: func(p *contract.LivePost) {
			p.Links = []string{"http://WWW.GlowCo.com/spring/"}
		}},
		{name: "link with tracking added", edit: func(p *contract.LivePost) {
			p.Links = []string{"https://glowco.com/spring?utm_source=ig&utm_campaign=spring"}
		}},
		{name: "link in the caption", edit: func(p *contract.LivePost) {
			p.Links, p.Caption = nil, "#ad My spring routine: https://glowco.com/spring."
		}},
		{name: "another page", edit: func(p *contract.LivePost) { p.Links = []string{"https://glowco.com/summer"} },
			want: []string{"blocker missing_link links"}},
		{name: "another host", edit: func(p *contract.LivePost) { p.Links = []string{"https://glowco.co/spring"} },
			want: []string{"blocker missing_link links"}},
		{name: "no URL", edit: func(p *contract.LivePost) { p.URL = "" },
			want: []string{"warning missing_post_url url"}},
		{name: "caption problems too", edit: func(p *contract.LivePost) { p.Caption, p.Tags, p.Links = "#sp spring", nil, nil },
			want: []string{"blocker no_clear_disclosure caption", "blocker missing_link links", "blocker missing_handle tags", "warning ambiguous_disclosure caption"}},
		{name: "too many tags", edit: func(p *contract.LivePost) { p.Tags = make([]string, contract.MaxLiveItems+1) },
			want: []string{"blocker live_post_too_large tags"}},
		{name: "a link too long", edit: func(p *contract.LivePost) {
			p.Links = []string{"https://glowco.com/spring", strings.Repeat("x", contract.MaxLinkBytes+1)}
		}, want: []string{"blocker live_post_too_large links[1]"}},
		{name: "caption too large: nothing else", edit: func(p *contract.LivePost) {
			p.Caption, p.URL = strings.Repeat("a", contract.MaxCaptionBytes+1), ""
		}, want: []string{"blocker caption_too_large caption"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			p.Tags = append([]string(nil), base.Tags...)
			p.Links = append([]string(nil), base.Links...)
			tt.edit(&p)
			want := tt.want
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, summary(contract.CheckLivePost(p, terms, contract.FTC())))
		})
	}
}

func TestCheckLivePostDomainLink(t *testing.T) {
	p := contract.LivePost{URL: "https://x.com/cleo/status/1", Platform: platform(t, "x"), Caption: "#ad spring", Links: []string{"https://glowco.com/spring?x=1"}}
	fs := contract.CheckLivePost(p, contract.DisclosureTerms{Link: "https://glowco.com"}, contract.FTC())
	assert.Empty(t, fs, "any link to the host carries a link without a path")
	fs = contract.CheckLivePost(p, contract.DisclosureTerms{Link: "https://glowco.com/spring?x=2"}, contract.FTC())
	assert.Equal(t, []string{"blocker missing_link links"}, summary(fs), "a required query must be the same")
}

func TestLiveCheckEvent(t *testing.T) {
	p := contract.LivePost{URL: "https://www.tiktok.com/@cleo/video/1", Platform: platform(t, "tiktok"), Caption: "#collab spring routine #ad"}
	fs := contract.CheckLivePost(p, contract.DisclosureTerms{Handle: "@glowco"}, contract.FTC())
	require.Equal(t, []string{"blocker missing_handle tags", "note ambiguous_disclosure caption"}, summary(fs))

	at := time.Date(2027, 3, 17, 14, 0, 0, 0, time.UTC)
	e := contract.LiveCheckEvent(7, at, p, fs)
	require.NoError(t, e.Validate())
	assert.Equal(t, timeline.LiveChecked, e.Kind)
	assert.Equal(t, int64(7), e.Seq)
	assert.Equal(t, at, e.At)
	assert.Equal(t, p.URL, e.URL)
	assert.Equal(t, []string{"missing_handle (blocker) tags: the post does not tag @glowco: it is neither among the post's tags nor mentioned in the caption"}, e.Findings,
		"notes are not findings of the live check")

	clean := contract.LiveCheckEvent(8, at, p, contract.Findings{{Code: "x", Severity: contract.Note, Message: "fine"}})
	assert.Empty(t, clean.Findings, "a check with only notes passed")
	assert.Equal(t, []string{"x (warning): whole"}, contract.Findings{{Code: "x", Severity: contract.Warning, Message: "whole"}}.LiveCheckFindings())
}

func TestCaptionJSON(t *testing.T) {
	c := contract.Caption{Platform: platform(t, "youtube"), Text: "#ad", PaidLabel: true}
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"platform":"youtube","text":"#ad","paid_label":true}`, string(b))
	var back contract.Caption
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)

	var bad contract.Caption
	err = json.Unmarshal([]byte(`{"platform":"myspace","text":"#ad"}`), &bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `contract: parse platform "myspace": unknown platform`)
}

func TestPlatforms(t *testing.T) {
	for _, p := range contract.Platforms() {
		t.Run(p.Code, func(t *testing.T) {
			assert.True(t, p.FoldRunes > 0 && p.MaxRunes > p.FoldRunes, "%s: a fold and a maximum", p.Name)
			b, err := p.MarshalText()
			require.NoError(t, err)
			var back contract.Platform
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, p, back)
			upper, err := contract.LookupPlatform(strings.ToUpper(p.Code))
			require.NoError(t, err)
			assert.Equal(t, p, upper)
		})
	}
	for alias, code := range map[string]string{"Twitter": "x", "ig": "instagram", " YT ": "youtube", "fb": "facebook"} {
		p, err := contract.LookupPlatform(alias)
		require.NoError(t, err, alias)
		assert.Equal(t, code, p.Code, alias)
	}
	_, err := contract.LookupPlatform("myspace")
	require.Error(t, err)
	assert.True(t, errors.Is(err, problem.ErrInvalid))
	var pe *problem.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, "myspace", pe.Input)

	var zero contract.Platform
	assert.True(t, zero.IsZero())
	assert.Equal(t, "unknown platform", zero.String())
	b, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	require.NoError(t, zero.UnmarshalText(nil))
	assert.True(t, zero.IsZero())

	custom := platform(t, "instagram")
	custom.FoldRunes = 90
	_, err = custom.MarshalText()
	assert.ErrorContains(t, err, `contract: marshal platform "instagram": not one of the known platforms`, "a platform of your own has no text form")
}

func TestJurisdictions(t *testing.T) {
	for _, j := range contract.Jurisdictions() {
		t.Run(j.Code, func(t *testing.T) {
			require.NoError(t, j.Validate())
			assert.False(t, j.LabelSuffices, "neither the FTC nor the ASA counts a platform's label alone")
			assert.NotEmpty(t, j.Sources)
			back, err := contract.LookupJurisdiction(strings.ToLower(j.Code))
			require.NoError(t, err)
			assert.Equal(t, j, back)
		})
	}
	for code, want := range map[string]string{"ftc": "US-FTC", "US": "US-FTC", " asa ": "UK-ASA", "gb": "UK-ASA", "UK": "UK-ASA"} {
		j, err := contract.LookupJurisdiction(code)
		require.NoError(t, err, code)
		assert.Equal(t, want, j.Code, code)
	}
	_, err := contract.LookupJurisdiction("EU")
	require.Error(t, err)
	assert.True(t, errors.Is(err, problem.ErrInvalid))

	a, b := contract.FTC(), contract.FTC()
	a.Clear[0] = "changed"
	assert.Equal(t, "#ad", b.Clear[0], "every call returns its own slices")
}

func TestJurisdictionValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(j *contract.Jurisdiction)
		paths []string
	}{
		{name: "zero", edit: func(j *contract.Jurisdiction) { *j = contract.Jurisdiction{} }, paths: []string{"code", "clear", "suggest"}},
		{name: "hashtag in a phrase", edit: func(j *contract.Jurisdiction) { j.Clear = append(j.Clear, "#ad now") }, paths: []string{"clear[13]"}},
		{name: "handle as a phrase", edit: func(j *contract.Jurisdiction) { j.Ambiguous = append(j.Ambiguous, "@brand") }, paths: []string{"ambiguous[15]"}},
		{name: "link as a phrase", edit: func(j *contract.Jurisdiction) { j.Ambiguous[0] = "https://x.com" }, paths: []string{"ambiguous[0]"}},
		{name: "too many words", edit: func(j *contract.Jurisdiction) { j.Clear[1] = "a b c d e f g h i" }, paths: []string{"clear[1]"}},
		{name: "word too long", edit: func(j *contract.Jurisdiction) { j.Clear[1] = strings.Repeat("a", 65) }, paths: []string{"clear[1]"}},
		{name: "no word", edit: func(j *contract.Jurisdiction) { j.Clear[1] = " ... " }, paths: []string{"clear[1]"}},
		{name: "both clear and ambiguous", edit: func(j *contract.Jurisdiction) { j.Ambiguous[0] = "#AD" }, paths: []string{"ambiguous[0]"}},
		{name: "suggest not clear", edit: func(j *contract.Jurisdiction) { j.Suggest = "#sp" }, paths: []string{"suggest"}},
		{name: "bad suffix", edit: func(j *contract.Jurisdiction) { j.BrandSuffixes = []string{"brand partner"} }, paths: []string{"brand_suffixes[0]"}},
		{name: "too many phrases", edit: func(j *contract.Jurisdiction) { j.Ambiguous = make([]string, contract.MaxProfilePhrases) }, paths: []string{"ambiguous"}},
		{name: "too many suffixes", edit: func(j *contract.Jurisdiction) { j.AmbiguousSuffixes = make([]string, contract.MaxProfileSuffixes+1) }, paths: []string{"ambiguous_suffixes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := contract.FTC()
			tt.edit(&j)
			err := j.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, problem.ErrInvalid))
			var ve *problem.ValidationError
			require.True(t, errors.As(err, &ve))
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.paths, paths, "%v", err)
			fs := contract.CheckDisclosure(contract.Caption{Text: "#ad"}, contract.DisclosureTerms{}, j)
			assert.Equal(t, []string{"blocker invalid_jurisdiction "}, summary(fs), "an unusable profile checks nothing")
		})
	}
}
