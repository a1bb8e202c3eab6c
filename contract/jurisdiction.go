package contract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Jurisdiction is a disclosure profile: which words disclose that a post is an
// ad, which only hint at it, and whether a platform's paid-partnership label is
// enough on its own. It is the data behind [CheckDisclosure]; [FTC] and [ASA]
// return the two this package knows, and a profile of your own is a struct
// literal checked by [Jurisdiction.Validate].
//
// A phrase is either one hashtag ("#ad") or one to eight words ("paid
// partnership"); it matches whole tokens, case-insensitively ("#ad" matches
// "#Ad" and not "#adidas"; "ad" matches "Ad:" and not "made"; punctuation and
// spacing between the words of a phrase do not matter, so "paid partnership"
// matches "Paid-Partnership"). A word phrase does not match a hashtag: list
// "#ad" and "ad" both.
//
// The profiles encode published guidance as a lint; they are not legal advice.
// The zero Jurisdiction is invalid. A Jurisdiction holds slices: [FTC] and
// [ASA] return new ones on every call, so changing one changes no other.
type Jurisdiction struct {
	// Code names the profile: "US-FTC", "UK-ASA".
	Code string `json:"code"`
	// Name is the profile's name for people.
	Name string `json:"name"`
	// Clear are the phrases that disclose on their own, when placed where
	// followers see them.
	Clear []string `json:"clear"`
	// Ambiguous are the phrases that hint at a deal but never disclose on
	// their own ("#sp", "#collab"): the check warns about them.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// BrandSuffixes are words that disclose when they follow the brand's name
	// or handle: with "partner", "GlowCo partner", "@glowco partner" and
	// "#GlowCoPartner" are clear.
	BrandSuffixes []string `json:"brand_suffixes,omitempty"`
	// AmbiguousSuffixes are hashtag endings that hint at a deal
	// ("#nikeambassador" with "ambassador"), unless BrandSuffixes makes the
	// hashtag clear.
	AmbiguousSuffixes []string `json:"ambiguous_suffixes,omitempty"`
	// LabelSuffices reports whether the platform's paid-partnership label on
	// the post discloses it without any words in the caption.
	LabelSuffices bool `json:"label_suffices"`
	// Suggest is the wording the check suggests; it must be one of Clear.
	Suggest string `json:"suggest"`
	// Sources are the published guidance the profile follows.
	Sources []string `json:"sources,omitempty"`
}

// Limits of a [Jurisdiction], so that the check's cost stays bounded.
const (
	// MaxProfilePhrases bounds Clear plus Ambiguous.
	MaxProfilePhrases = 256
	// MaxProfileSuffixes bounds BrandSuffixes and AmbiguousSuffixes, each.
	MaxProfileSuffixes = 16
	// MaxPhraseWords bounds the words of one phrase.
	MaxPhraseWords = 8
)

// FTC returns the profile of the US Federal Trade Commission's Endorsement
// Guides (16 CFR Part 255), code "US-FTC", as its staff explain them for
// social media:
//
//   - Clear: "ad", "advertisement", "sponsored", "paid partnership", "paid
//     promotion", and their hashtags, and "#paid" (Disclosures 101: "terms like
//     'advertisement,' 'ad,' and 'sponsored'"; the FTC's 2017 #influencer101
//     chat: "#ad, #paid, #BRANDpartner"). "BRAND partner" and "BRAND
//     ambassador" are clear (Disclosures 101), hence BrandSuffixes.
//   - Ambiguous: "sp", "spon", "collab" ("vague or confusing terms"), the
//     stand-alone "thanks" and "ambassador" (Disclosures 101), "#partner"
//     (the 2017 warning letters), and "gifted", "affiliate", "in collaboration
//     with": words that hint and may be fine with more said, which a lint
//     cannot judge.
//   - The platform label is not enough on its own: "Don't assume that a
//     platform's disclosure tool is good enough, but consider using it in
//     addition to your own good disclosure" (Disclosures 101).
//   - Placement is the check's own rule, the same for every profile: before
//     "more" ("Disclosures are likely to be missed if they appear ... anywhere
//     that requires a person to click MORE") and not mixed into a group of
//     hashtags ("Don't mix your disclosure into a group of hashtags or links").
func FTC() Jurisdiction {
	return Jurisdiction{
		Code: "US-FTC",
		Name: "United States: FTC Endorsement Guides",
		Clear: []string{
			"#ad", "ad", "sponsored", "paid partnership", "#sponsored", "advertisement",
			"#advertisement", "advert", "#advert", "#paid", "#paidpartnership",
			"paid promotion", "#paidpromotion",
		},
		Ambiguous: []string{
			"#sp", "sp", "#spon", "spon", "#collab", "collab", "in collaboration with",
			"#thanks", "thanks to", "#ambassador", "ambassador", "#partner",
			"#gifted", "gifted", "#affiliate",
		},
		BrandSuffixes:     []string{"partner", "ambassador"},
		AmbiguousSuffixes: []string{"partner", "ambassador", "collab"},
		LabelSuffices:     false,
		Suggest:           "#ad",
		Sources: []string{
			"https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers",
			"https://www.ftc.gov/business-guidance/resources/ftcs-endorsement-guides-what-people-are-asking",
			"https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255",
		},
	}
}

// ASA returns the profile of the UK's Advertising Standards Authority and
// Committee of Advertising Practice, with the Competition and Markets
// Authority ("Influencers' guide to making clear that ads are ads", third
// edition, 2023), code "UK-ASA":
//
//   - Clear: "ad", "advert", "advertising", "advertisement" and their
//     hashtags, the labels the ASA and CMA call always acceptable (ASA/CMA
//     training, October 2019). The ASA recommends "Ad" as a minimum, at the
//     beginning of the caption.
//   - Ambiguous: "sponsored" ("labels such as 'sponsored', 'brought to you by'
//     or similar are unlikely to be sufficient", CAP 2017), "paid partnership",
//     "paid promotion", "brand ambassador" (acceptable only in particular
//     circumstances), "gifted", "affiliate" (risky), "sp", "spon", "in
//     collaboration with", "thanks to", "#client" (not to be used), and brand
//     ambassador hashtags (the ASA ruled "#CalzedoniaAmbassador" not clear,
//     2021), hence no BrandSuffixes.
//   - The platform label is not enough on its own: the ASA asks for "Ad"
//     upfront; a platform's tool that is not prominent may not be enough
//     (ASA/CMA guidance).
func ASA() Jurisdiction {
	return Jurisdiction{
		Code: "UK-ASA",
		Name: "United Kingdom: ASA/CAP and CMA influencer guidance",
		Clear: []string{
			"ad", "#ad", "advert", "advertisement", "advertising", "#advert",
			"#advertisement", "#advertising",
		},
		Ambiguous: []string{
			"sponsored", "#sponsored", "#sp", "sp", "#spon", "spon", "#collab", "collab",
			"in collaboration with", "#thanks", "thanks to", "brought to you by", "#client",
			"gifted", "#gifted", "affiliate", "#affiliate", "ambassador", "#ambassador",
			"brand ambassador", "#partner", "paid partnership", "#paidpartnership",
			"paid promotion", "#paidpromotion",
		},
		AmbiguousSuffixes: []string{"partner", "ambassador", "collab"},
		LabelSuffices:     false,
		Suggest:           "Ad",
		Sources: []string{
			"https://www.asa.org.uk/resource/influencers-guide.html",
			"https://www.asa.org.uk/news/picture-this-snappy-tips-on-making-your-instagram-ads-clear.html",
		},
	}
}

// Jurisdictions returns the profiles this package knows: [FTC] and [ASA].
func Jurisdictions() []Jurisdiction { return []Jurisdiction{FTC(), ASA()} }

// LookupJurisdiction returns the known profile of the given code,
// case-insensitive: "US-FTC" (or "FTC", "US") and "UK-ASA" (or "ASA", "UK",
// "GB"). An unknown code is a *ParseError.
func LookupJurisdiction(code string) (Jurisdiction, error) {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "US-FTC", "FTC", "US":
		return FTC(), nil
	case "UK-ASA", "ASA", "UK", "GB":
		return ASA(), nil
	}
	return Jurisdiction{}, problem.NewParseError("contract", problem.ParseError{
		What:   "jurisdiction",
		Input:  code,
		Reason: "unknown jurisdiction; want US-FTC or UK-ASA",
	})
}

// Validate checks that the profile can be used: a code, at least one clear
// phrase, every phrase one hashtag or one to [MaxPhraseWords] words, no
// phrase both clear and ambiguous, suffixes that are single words, Suggest one
// of Clear, and the limits. Every problem is reported, with its JSON path.
func (j Jurisdiction) Validate() error {
	_, errs := compileProfile(j)
	return problem.NewValidationError("contract", "jurisdiction", errs)
}

// discPhrase is one compiled phrase: its token keys (lowercased, "#" kept on a
// hashtag), its text as written, and where it is in the profile.
type discPhrase struct {
	keys  []string
	text  string
	clear bool
	index int   // in Clear or Ambiguous
	next  int32 // the next phrase with the same first key, or -1
}

// discProfile is a compiled Jurisdiction.
type discProfile struct {
	phrases  []discPhrase
	byFirst  map[string]int32 // the first phrase of each first key
	brandSuf []string
	ambSuf   []string
}

// path returns the JSON path of phrase i in its profile: "clear[3]".
func (p *discProfile) path(i int32) string {
	if p.phrases[i].clear {
		return problem.Index("clear", p.phrases[i].index)
	}
	return problem.Index("ambiguous", p.phrases[i].index)
}

// find returns the phrase with the given keys, or -1.
func (p *discProfile) find(keys []string) int32 {
	i, ok := p.byFirst[keys[0]]
	for ok && i >= 0 {
		if slices.Equal(p.phrases[i].keys, keys) {
			return i
		}
		i = p.phrases[i].next
	}
	return -1
}

// compileProfile compiles j, or reports why it cannot be used. Its cost is
// linear in the size of the profile, which Validate bounds.
func compileProfile(j Jurisdiction) (*discProfile, []*problem.FieldError) {
	l := problem.List{Pkg: "contract"}
	if strings.TrimSpace(j.Code) == "" {
		l.Add("code", problem.CodeRequired, "required: the profile's code, such as \"US-FTC\"")
	}
	if len(j.Clear) == 0 {
		l.Add("clear", problem.CodeRequired, "required: at least one phrase that discloses on its own, such as \"#ad\"")
	}
	n := len(j.Clear) + len(j.Ambiguous)
	if n > MaxProfilePhrases {
		l.Add("ambiguous", problem.CodeTooLarge, strconv.Itoa(n)+" phrases in all; at most "+strconv.Itoa(MaxProfilePhrases))
		return nil, l.Problems
	}
	p := &discProfile{byFirst: make(map[string]int32, n), phrases: make([]discPhrase, 0, n)}
	keyStore := make([]string, 0, n+n/2)
	add := func(list string, i int, text string, clear bool) {
		from := len(keyStore)
		var reason string
		keyStore, reason = phraseKeys(text, keyStore)
		if reason != "" {
			keyStore = keyStore[:from]
			l.Add(problem.Index(list, i), problem.CodeMalformed, "phrase "+problem.Quote(text)+": "+reason)
			return
		}
		keys := keyStore[from:len(keyStore):len(keyStore)]
		if dup := p.find(keys); dup >= 0 {
			l.Add(problem.Index(list, i), problem.CodeMismatch, "phrase "+problem.Quote(text)+" is also "+p.path(dup))
			return
		}
		next, ok := p.byFirst[keys[0]]
		if !ok {
			next = -1
		}
		p.byFirst[keys[0]] = int32(len(p.phrases))
		p.phrases = append(p.phrases, discPhrase{keys: keys, text: text, clear: clear, index: i, next: next})
	}
	for i, s := range j.Clear {
		add("clear", i, s, true)
	}
	for i, s := range j.Ambiguous {
		add("ambiguous", i, s, false)
	}
	p.brandSuf = compileSuffixes(&l, "brand_suffixes", j.BrandSuffixes)
	p.ambSuf = compileSuffixes(&l, "ambiguous_suffixes", j.AmbiguousSuffixes)
	if keys, reason := phraseKeys(j.Suggest, nil); reason != "" {
		l.Add("suggest", problem.CodeMalformed, "the suggested wording "+problem.Quote(j.Suggest)+": "+reason)
	} else if i := p.find(keys); i < 0 || !p.phrases[i].clear {
		l.Add("suggest", problem.CodeMismatch, "the suggested wording "+problem.Quote(j.Suggest)+" is not one of the clear phrases")
	}
	if len(l.Problems) > 0 {
		return nil, l.Problems
	}
	return p, nil
}

// compileSuffixes checks and lowercases a profile's suffixes.
func compileSuffixes(l *problem.List, path string, sufs []string) []string {
	if len(sufs) > MaxProfileSuffixes {
		l.Add(path, problem.CodeTooLarge, strconv.Itoa(len(sufs))+" suffixes; at most "+strconv.Itoa(MaxProfileSuffixes))
		return nil
	}
	out := make([]string, 0, len(sufs))
	var one [1]string
	for i, s := range sufs {
		keys, reason := phraseKeys(s, one[:0])
		switch {
		case reason != "":
		case len(keys) != 1 || keys[0][0] == '#':
			reason = "want one word"
		case len(keys[0]) > 32:
			reason = "longer than 32 bytes"
		}
		if reason != "" {
			l.Add(problem.Index(path, i), problem.CodeMalformed, "suffix "+problem.Quote(s)+": "+reason)
			continue
		}
		out = append(out, keys[0])
	}
	return out
}

// phraseKeys appends the token keys of a profile phrase to keys, or says why
// it is not a phrase: it must be one hashtag or one to MaxPhraseWords words.
// A key that is already lowercase shares the phrase's memory.
func phraseKeys(s string, keys []string) ([]string, string) {
	var buf [discKeyBuf]byte
	from := len(keys)
	hashtag := false
	for pos := 0; ; {
		t, ok := nextCapToken(s, pos)
		if !ok {
			break
		}
		pos = t.end
		switch {
		case t.kind == capURL:
			return keys, "a link is not a phrase"
		case t.kind == capMention:
			return keys, "a handle is not a phrase; brand suffixes cover \"@brand partner\""
		case len(keys)-from == MaxPhraseWords:
			return keys, "more than " + strconv.Itoa(MaxPhraseWords) + " words"
		}
		hashtag = hashtag || t.kind == capHashtag
		tok := s[t.start:t.end]
		k, fits := capKey(tok, buf[:0])
		switch {
		case !fits:
			return keys, "a word longer than " + strconv.Itoa(discMaxKey) + " bytes"
		case string(k) == tok:
			keys = append(keys, tok)
		default:
			keys = append(keys, string(k))
		}
	}
	switch n := len(keys) - from; {
	case n == 0:
		return keys, "no word in it"
	case hashtag && n > 1:
		return keys, "a hashtag must stand alone"
	}
	return keys, ""
}
