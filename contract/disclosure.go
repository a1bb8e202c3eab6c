package contract

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/creatorops/creatorops/internal/problem"
	// Imported under another name: the sheet has a type named timeline.
	sltimeline "github.com/creatorops/creatorops/sla/timeline"
)

// DisclosureTerms is what an agreement asks of a post's disclosure. Every field
// is optional; "" means the agreement does not ask for it.
type DisclosureTerms struct {
	// Wording is the agreed disclosure, such as "#ad" or "Paid partnership
	// with @glowco". The caption must hold it, in any case and spacing; links
	// in it are left to Link.
	Wording string `json:"wording,omitempty"`
	// Brand is the brand's name, such as "GlowCo": where the profile allows
	// ([Jurisdiction.BrandSuffixes]), "GlowCo partner" and "#GlowCoPartner"
	// disclose.
	Brand string `json:"brand,omitempty"`
	// Handle is the brand's handle the live post must tag, such as "@glowco".
	Handle string `json:"handle,omitempty"`
	// Link is the link the live post must carry, such as
	// "https://glowco.com/spring".
	Link string `json:"link,omitempty"`
	// PaidLabel reports whether the agreement says the post uses the
	// platform's paid-partnership label.
	PaidLabel bool `json:"paid_label,omitempty"`
}

// Caption is a post's text on a platform, before or after posting, and whether
// the platform's paid-partnership label is on.
type Caption struct {
	Platform  Platform `json:"platform"`
	Text      string   `json:"text"`
	PaidLabel bool     `json:"paid_label"`
}

// LivePost is a post as it is live: its address, platform and caption, the
// accounts it tags (photo tags, collaborators; "@glowco"), the links it carries
// (link stickers, description links, the link in bio it points to) and whether
// the platform's paid-partnership label is on.
type LivePost struct {
	URL       string   `json:"url"`
	Platform  Platform `json:"platform"`
	Caption   string   `json:"caption"`
	Tags      []string `json:"tags,omitempty"`
	Links     []string `json:"links,omitempty"`
	PaidLabel bool     `json:"paid_label"`
}

// Limits of the disclosure check, so that its cost is bounded by its input.
const (
	// MaxCaptionBytes bounds the caption the check reads: a longer one gets a
	// [CodeCaptionTooLarge] finding and nothing else is checked. No platform
	// accepts a caption near this size.
	MaxCaptionBytes = 1 << 20
	// MaxWordingBytes bounds DisclosureTerms.Wording, Brand and Handle.
	MaxWordingBytes = 1024
	// MaxLiveItems bounds LivePost.Tags and LivePost.Links, each.
	MaxLiveItems = 1000
	// MaxLinkBytes bounds a link, a tag and a post's URL.
	MaxLinkBytes = 2048
)

// Stable codes of the disclosure check's findings. They are API; messages are
// not.
const (
	// CodeNoClearDisclosure (blocker): the caption has no clear disclosure and no
	// label the profile accepts.
	CodeNoClearDisclosure = "no_clear_disclosure"
	// CodeDisclosureAfterTruncation (blocker): the only clear disclosure comes
	// after the platform's "more".
	CodeDisclosureAfterTruncation = "disclosure_after_truncation"
	// CodeDisclosureBuried: the only clear disclosure is a hashtag that follows
	// other hashtags in a group of three or more: a blocker in the run of
	// hashtags that ends the caption, a warning elsewhere.
	CodeDisclosureBuried = "disclosure_buried"
	// CodeAmbiguousDisclosure: a phrase that hints at a deal but never
	// discloses on its own ("#sp", "#collab"): a warning, or a note when a
	// clear disclosure is there too.
	CodeAmbiguousDisclosure = "ambiguous_disclosure"
	// CodeLabelOnly: only the platform's paid-partnership label discloses the
	// post: a blocker where the profile does not accept the label alone, a note
	// where it does.
	CodeLabelOnly = "label_only"
	// CodeLabelMissing (warning): the agreement says the post uses the
	// platform's paid-partnership label, and it is off.
	CodeLabelMissing = "label_missing"
	// CodeLabelUnavailable (note): the agreement says the post uses the
	// platform's paid-partnership label, and the platform has none this check
	// knows of.
	CodeLabelUnavailable = "label_unavailable"
	// CodeDisclosureWording (warning): the agreed disclosure wording is not in
	// the caption.
	CodeDisclosureWording = "disclosure_wording"
	// CodeWeakWording (warning): the agreed disclosure wording has no phrase
	// the profile counts as clear.
	CodeWeakWording = "weak_wording"
	// CodeCaptionTooLong (warning): the caption is longer than the platform
	// accepts.
	CodeCaptionTooLong = "caption_too_long"
	// CodeCaptionTooLarge (blocker): the caption is over MaxCaptionBytes;
	// nothing else was checked.
	CodeCaptionTooLarge = "caption_too_large"
	// CodeNoPlatform (warning): the platform is not known, so where the
	// caption is cut before "more" was not checked.
	CodeNoPlatform = "no_platform"
	// CodeInvalidJurisdiction (blocker): the profile cannot be used (see
	// [Jurisdiction.Validate]); nothing else was checked.
	CodeInvalidJurisdiction = "invalid_jurisdiction"
	// CodeInvalidTerms (warning): a field of the DisclosureTerms cannot be
	// checked (too long, not a handle, not a link); the checks that need it
	// were skipped.
	CodeInvalidTerms = "invalid_terms"
	// CodeMissingHandle (blocker): the live post neither tags nor mentions
	// the brand's handle.
	CodeMissingHandle = "missing_handle"
	// CodeMissingLink (blocker): the live post does not carry the required
	// link.
	CodeMissingLink = "missing_link"
	// CodeMissingPostURL (warning): the live post has no URL.
	CodeMissingPostURL = "missing_post_url"
	// CodeLivePostTooLarge (blocker): the live post has more tags or links
	// than MaxLiveItems, or one longer than MaxLinkBytes; they were not
	// checked.
	CodeLivePostTooLarge = "live_post_too_large"
)

// DisclosureCodes returns every code [CheckDisclosure] and [CheckLivePost]
// may report. Unlike the checklist's codes, some have more than one severity
// (see each code).
func DisclosureCodes() []string {
	return []string{
		CodeNoClearDisclosure, CodeDisclosureAfterTruncation, CodeDisclosureBuried, CodeAmbiguousDisclosure,
		CodeLabelOnly, CodeLabelMissing, CodeLabelUnavailable, CodeDisclosureWording, CodeWeakWording,
		CodeCaptionTooLong, CodeCaptionTooLarge, CodeNoPlatform, CodeInvalidJurisdiction, CodeInvalidTerms,
		CodeMissingHandle, CodeMissingLink, CodeMissingPostURL, CodeLivePostTooLarge,
	}
}

// discGroup is the size from which a run of hashtags, handles and links is a
// group that buries a disclosure.
const discGroup = 3

// maxAmbiguous bounds the ambiguous phrases reported one by one.
const maxAmbiguous = 5

// CheckDisclosure lints a caption's disclosure against the agreement's terms
// and a jurisdiction profile. It is a lint, not legal advice: it finds the
// usual mistakes in the text, and a person still judges the post.
//
// A caption passes when a clear phrase of the profile (or "BRAND partner"
// where the profile allows it) ends before the platform's fold and, if it is
// a hashtag, does not follow other hashtags in a group of three or more
// hashtags, handles and links (spaces, punctuation and emoji between them do
// not break a group). Otherwise the finding says why, with the position in
// characters (runes, counted from 1): [CodeDisclosureAfterTruncation],
// [CodeDisclosureBuried], [CodeLabelOnly] or [CodeNoClearDisclosure]. Where the
// profile accepts the platform's label on its own and the label is on, those
// blockers become warnings. Ambiguous phrases are reported
// ([CodeAmbiguousDisclosure]) and never pass alone; the agreed wording and
// label, the platform's length and the limits are checked too.
//
// Matching is by whole tokens, case-insensitive and Unicode-aware: words
// (letters, digits, marks and "_", with inner apostrophes), hashtags and
// @handles (a "#" or "@" that does not follow a letter or digit), and links
// ("http://", "https://", "www." up to the next space). "#ad" does not match
// "#adidas" or "#ad\u0301"; "ad" matches "Ad:" and not "made". The fold is
// counted in runes and lines ("\n"); invalid UTF-8 counts one rune a byte.
//
// Paths are those of the Caption's JSON ("text", "paid_label", "platform"),
// and "terms.wording" etc. for the terms. Findings are sorted
// ([Findings.Sort]). The check reads each byte of the caption a bounded
// number of times: its time is linear in the caption's length, which is capped
// at [MaxCaptionBytes]. It is safe for concurrent use.
func CheckDisclosure(c Caption, terms DisclosureTerms, j Jurisdiction) Findings {
	fs, _ := checkCaption(c.Platform, c.Text, c.PaidLabel, terms, j, discPaths{text: "text", label: "paid_label", platform: "platform"})
	fs.Sort()
	return fs
}

// CheckLivePost runs [CheckDisclosure] on a live post's caption (path
// "caption") and checks what the post must carry: the brand's handle, among
// its tags or mentioned in the caption ([CodeMissingHandle], path "tags"), the
// required link, among its links or in the caption ([CodeMissingLink], path
// "links"; the scheme, a leading "www.", the case of the host and a trailing
// "/" do not matter, and a link that adds a query or fragment to the required
// one carries it), and its URL ([CodeMissingPostURL]). [LiveCheckEvent] turns
// the findings into the timeline's live-check event. Like CheckDisclosure, it
// is a lint, not legal advice.
func CheckLivePost(p LivePost, terms DisclosureTerms, j Jurisdiction) Findings {
	paths := discPaths{text: "caption", label: "paid_label", platform: "platform"}
	fs, sc := checkCaption(p.Platform, p.Caption, p.PaidLabel, terms, j, paths)
	if sc == nil {
		fs.Sort()
		return fs
	}
	add := func(code string, sev Severity, path, msg string) {
		fs = append(fs, Finding{Code: code, Severity: sev, Path: path, Message: msg})
	}
	switch {
	case strings.TrimSpace(p.URL) == "":
		add(CodeMissingPostURL, Warning, "url", "no URL for the live post: record where it is, so the check can be repeated")
	case len(p.URL) > MaxLinkBytes:
		add(CodeLivePostTooLarge, Blocker, "url", "the post's URL is "+discCount(len(p.URL))+" bytes long; at most "+discCount(MaxLinkBytes))
	}
	tagsOK := discItemsFit(&fs, "tags", p.Tags)
	linksOK := discItemsFit(&fs, "links", p.Links)
	if sc.handle != "" && !sc.handleFound && tagsOK {
		found := false
		for _, t := range p.Tags {
			t = strings.TrimPrefix(strings.TrimSpace(t), "@")
			if strings.EqualFold(t, sc.handle[1:]) {
				found = true
				break
			}
		}
		if !found {
			add(CodeMissingHandle, Blocker, "tags", "the post does not tag "+sc.handle+": it is neither among the post's tags nor mentioned in the caption")
		}
	}
	if sc.link.ok && !sc.linkFound && linksOK {
		found := false
		for _, l := range p.Links {
			if sc.link.matches(l) {
				found = true
				break
			}
		}
		if !found {
			add(CodeMissingLink, Blocker, "links", "the post does not carry the required link "+problem.Quote(terms.Link))
		}
	}
	fs.Sort()
	return fs
}

// discItemsFit reports whether a live post's tags or links are within the
// limits, adding a finding when not.
func discItemsFit(fs *Findings, path string, items []string) bool {
	if len(items) > MaxLiveItems {
		*fs = append(*fs, Finding{Code: CodeLivePostTooLarge, Severity: Blocker, Path: path,
			Message: discCount(len(items)) + " " + path + "; the check reads at most " + discCount(MaxLiveItems)})
		return false
	}
	for i, s := range items {
		if len(s) > MaxLinkBytes {
			*fs = append(*fs, Finding{Code: CodeLivePostTooLarge, Severity: Blocker, Path: problem.Index(path, i),
				Message: discCount(len(s)) + " bytes long; the check reads at most " + discCount(MaxLinkBytes)})
			return false
		}
	}
	return true
}

// LiveCheckFindings returns the warnings and blockers of fs as the timeline's
// live-check event records them: "missing_handle (blocker) tags: message", or
// "code (warning): message" when the path is empty. Notes are left out: the event lists what
// the check found wrong, and none means it passed.
func (fs Findings) LiveCheckFindings() []string {
	var out []string
	for _, f := range fs {
		if f.Severity < Warning {
			continue
		}
		s := f.Code + " (" + f.Severity.String() + ")"
		if f.Path != "" {
			s += " " + f.Path
		}
		out = append(out, s+": "+f.Message)
	}
	return out
}

// LiveCheckEvent returns the timeline event of a live-post check done at at:
// kind "live_checked" ([sltimeline.LiveChecked] of package sla/timeline), the
// post's URL, and fs's warnings and blockers ([Findings.LiveCheckFindings]).
// seq is the event's sequence number, unique among the deliverable's events.
func LiveCheckEvent(seq int64, at time.Time, p LivePost, fs Findings) sltimeline.Event {
	return sltimeline.Event{Seq: seq, At: at, Kind: sltimeline.LiveChecked, URL: p.URL, Findings: fs.LiveCheckFindings()}
}

// discPaths are the JSON paths of a caption's fields in its input.
type discPaths struct{ text, label, platform string }

// checkCaption runs the caption check. It returns the scan for the live
// checks, or nil when it stopped early (an unusable profile, a caption too
// large).
func checkCaption(plat Platform, text string, label bool, terms DisclosureTerms, j Jurisdiction, paths discPaths) (Findings, *discScan) {
	prof, errs := compileProfile(j)
	if errs != nil {
		msg := problem.NewValidationError("", "", errs).Error()
		return Findings{{Code: CodeInvalidJurisdiction, Severity: Blocker, Message: "the jurisdiction profile " + problem.Quote(j.Code) + " cannot be used: " + msg}}, nil
	}
	if len(text) > MaxCaptionBytes {
		return Findings{{Code: CodeCaptionTooLarge, Severity: Blocker, Path: paths.text,
			Message: "the text is " + discCount(len(text)) + " bytes, over the " + discCount(MaxCaptionBytes) + " this check reads; nothing else was checked"}}, nil
	}
	var fs Findings
	add := func(code string, sev Severity, path, msg string) {
		fs = append(fs, Finding{Code: code, Severity: sev, Path: path, Message: msg})
	}
	sc := &discScan{s: text, plat: plat, prof: prof}
	sc.compileTerms(terms, j, &fs)
	sc.scan()

	where := func(h discHit) string {
		if h.to-h.from <= 1 {
			return problem.Quote(h.text) + " (character " + discCount(h.to) + ")"
		}
		return problem.Quote(h.text) + " (characters " + discCount(h.from+1) + "–" + discCount(h.to) + ")"
	}
	suggest := problem.Quote(j.Suggest)
	labelName := "the platform's paid-partnership label"
	if plat.Label != "" {
		labelName = plat.String() + "'s " + problem.Quote(plat.Label) + " label"
	}
	labelOK := label && j.LabelSuffices
	sev := Blocker
	if labelOK {
		sev = Warning
	}
	switch {
	case sc.good.ok:
	case sc.mid.ok:
		h := sc.mid
		add(CodeDisclosureBuried, Warning, paths.text, where(h)+" is mixed into a group of "+discCount(h.run)+
			" hashtags and handles, where followers skim past it: put it at the start of the caption, apart from the other hashtags")
	case sc.trail.ok:
		h := sc.trail
		add(CodeDisclosureBuried, sev, paths.text, where(h)+" is buried in the run of "+discCount(h.run)+
			" hashtags and handles that ends the caption, where followers skim past it: put it at the start of the caption, apart from the other hashtags")
	case sc.hidden.ok:
		h := sc.hidden
		add(CodeDisclosureAfterTruncation, sev, paths.text, where(h)+" on line "+discCount(h.line+1)+" comes after the fold: "+
			plat.foldText()+", so most followers never see it: move it to the start of the caption")
	case labelOK:
		add(CodeLabelOnly, Note, paths.label, "only "+labelName+" discloses this post; "+j.Code+" accepts the label on its own")
	case label:
		add(CodeLabelOnly, Blocker, paths.label, "only "+labelName+" discloses this post, and "+j.Code+
			" does not count a platform's label on its own: add "+suggest+" at the start of the caption too"+sc.ambNote())
	default:
		add(CodeNoClearDisclosure, Blocker, paths.text, "no clear disclosure, so followers cannot tell this post is an ad: add "+suggest+
			" at the start of the caption ("+j.Code+" accepts "+discList(prof, 4)+")"+sc.ambNote())
	}
	for i, a := range sc.amb {
		h := discHit{text: a.text, from: a.from, to: a.to}
		times := ""
		if a.n > 1 {
			times = " (" + discCount(a.n) + " times)"
		}
		if sc.good.ok {
			add(CodeAmbiguousDisclosure, Note, paths.text, where(h)+times+" does not disclose on its own under "+j.Code+
				"; the caption's "+problem.Quote(sc.good.text)+" does")
		} else {
			msg := where(h) + times + " does not tell followers this post is an ad under " + j.Code + " and never counts on its own: use " + suggest
			if i == len(sc.amb)-1 && sc.ambMore > 0 {
				msg += "; " + discCount(sc.ambMore) + " more uses of such phrases are not listed"
			}
			add(CodeAmbiguousDisclosure, Warning, paths.text, msg)
		}
	}
	if len(sc.wording) > 0 && !sc.wordingFound {
		add(CodeDisclosureWording, Warning, paths.text, "the agreed disclosure "+problem.Quote(terms.Wording)+" is not in the "+discField(plat))
	}
	if terms.PaidLabel && !label {
		if !plat.IsZero() && plat.Label == "" {
			add(CodeLabelUnavailable, Note, paths.label, "the agreement says the post uses the platform's paid-partnership label; "+
				plat.String()+" has none that this check knows of")
		} else {
			add(CodeLabelMissing, Warning, paths.label, "the agreement says the post uses "+labelName+", and it is off")
		}
	}
	if plat.IsZero() {
		add(CodeNoPlatform, Warning, paths.platform, `no platform: where the text is cut before "more" was not checked`)
	} else if plat.MaxRunes > 0 && sc.runes > plat.MaxRunes {
		add(CodeCaptionTooLong, Warning, paths.text, "the "+discField(plat)+" has "+discCount(sc.runes)+" characters; "+
			plat.String()+" accepts at most "+discCount(plat.MaxRunes))
	}
	return fs, sc
}

// ambNote says that the first ambiguous phrase does not count: `; "#sp" does
// not count`, or "" when there is none.
func (sc *discScan) ambNote() string {
	if len(sc.amb) == 0 {
		return ""
	}
	return "; " + problem.Quote(sc.amb[0].text) + " does not count"
}

// discField is what the platform calls the text: "caption" when unknown.
func discField(p Platform) string {
	if p.Field != "" {
		return p.Field
	}
	return "caption"
}

// discList lists the first n clear phrases of a profile: `"#ad", "ad", ...`.
func discList(p *discProfile, n int) string {
	var b strings.Builder
	k := 0
	for _, ph := range p.phrases {
		if !ph.clear {
			continue
		}
		if k == n {
			b.WriteString(", ...")
			break
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(problem.Quote(ph.text))
		k++
	}
	return b.String()
}

// discCount formats n with thousands separators: 1,048,576.
func discCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// discHit is a clear disclosure found in the caption: its text, its runes
// [from, to) counted from 0, the line of its end (from 0), and the group of
// hashtags it is in.
type discHit struct {
	ok       bool
	text     string
	from, to int
	line     int
	run      int
}

// discAmb is an ambiguous phrase found in the caption: the first occurrence,
// and how many there are.
type discAmb struct {
	key      string
	text     string
	from, to int
	n        int
}

// discBrand is the brand of the terms, for "BRAND partner" phrases.
type discBrand struct {
	words   []string // the keys of the name's words: "glow", "co"
	compact string   // the name's letters and digits, lowercased: "glowco"
	handle  string   // the handle without "@", lowercased: "glowco"
}

// discScan is one pass over a caption.
type discScan struct {
	s    string
	plat Platform
	prof *discProfile

	// what the terms ask
	brand   discBrand
	wording []string
	handle  string // "@glowco", lowercased; "" when not asked
	link    discLink

	// the position of the pass: bytes, runes and newlines before it
	pos, runes, lines int
	covered           int // the end of the last phrase matched: phrases do not overlap

	// the open run of hashtags, handles and links
	runOpen       bool
	runLen        int
	runHashOrLink bool    // a hashtag or link came before in the run
	pending       discHit // the first visible clear hashtag after one: buried if the run is a group

	// what was found
	good, mid, trail, hidden discHit
	amb                      []discAmb
	ambMore                  int
	wordingFound             bool
	handleFound, linkFound   bool
}

// compileTerms reads the terms into the scan, reporting what cannot be
// checked.
func (sc *discScan) compileTerms(t DisclosureTerms, j Jurisdiction, fs *Findings) {
	bad := func(path, msg string) {
		*fs = append(*fs, Finding{Code: CodeInvalidTerms, Severity: Warning, Path: path, Message: msg})
	}
	var buf [discKeyBuf]byte
	if t.Wording != "" {
		if len(t.Wording) > MaxWordingBytes {
			bad("terms.wording", "the agreed wording is "+discCount(len(t.Wording))+" bytes long; the check reads at most "+discCount(MaxWordingBytes))
		} else {
			keys, ok := discWordingKeys(t.Wording)
			switch {
			case !ok:
				bad("terms.wording", "the agreed wording "+problem.Quote(t.Wording)+" has a word longer than "+strconv.Itoa(discMaxKey)+
					" bytes or more than "+strconv.Itoa(discMaxWording)+" words, and cannot be looked for")
			case len(keys) == 0:
				bad("terms.wording", "the agreed wording "+problem.Quote(t.Wording)+" has no word in it")
			default:
				sc.wording = keys
			}
		}
	}
	if t.Brand != "" {
		ok := len(t.Brand) <= MaxWordingBytes
		var words []string
		var compact []byte
		for pos := 0; ok; {
			tok, more := nextCapToken(t.Brand, pos)
			if !more {
				break
			}
			pos = tok.end
			k, fits := capKey(t.Brand[tok.start:tok.end], buf[:0])
			if !fits || tok.kind != capWord || len(words) == MaxPhraseWords-1 {
				ok = false
				break
			}
			words = append(words, string(k))
			for _, r := range string(k) {
				if isCapWord(r) {
					compact = utf8.AppendRune(compact, r)
				}
			}
		}
		if !ok || len(words) == 0 || len(compact) > discMaxKey {
			bad("terms.brand", "the brand's name "+problem.Quote(t.Brand)+" is not one to "+strconv.Itoa(MaxPhraseWords-1)+
				" words of letters and digits, so \"BRAND partner\" phrases are not looked for")
		} else {
			sc.brand.words, sc.brand.compact = words, string(compact)
		}
	}
	if t.Handle != "" {
		h := strings.TrimPrefix(strings.TrimSpace(t.Handle), "@")
		if !discIsHandle(h) {
			bad("terms.handle", "the handle "+problem.Quote(t.Handle)+" is not a handle such as \"@glowco\" (letters, digits, \".\" and \"_\", at most 64)")
		} else {
			sc.handle = "@" + strings.ToLower(h)
			sc.brand.handle = sc.handle[1:]
		}
	}
	if t.Link != "" {
		if l, ok := discParseLink(t.Link); ok {
			sc.link = l
		} else {
			bad("terms.link", "the required link "+problem.Quote(t.Link)+" is not an http or https link with a host")
		}
	}
	if sc.wording != nil && !discWordingClear(t.Wording, sc.prof, sc.brand) {
		*fs = append(*fs, Finding{Code: CodeWeakWording, Severity: Warning, Path: "terms.wording",
			Message: "the agreed disclosure " + problem.Quote(t.Wording) + " has no phrase " + j.Code +
				" counts as clear on its own: agree a wording with " + problem.Quote(j.Suggest) + " in it"})
	}
}

// discMaxWording bounds the words of the agreed wording that are looked for.
const discMaxWording = 32

// discWordingKeys returns the token keys of the agreed wording, links left
// out, or false when a token is too long or there are too many.
func discWordingKeys(w string) ([]string, bool) {
	var keys []string
	var buf [discKeyBuf]byte
	for pos := 0; ; {
		t, ok := nextCapToken(w, pos)
		if !ok {
			return keys, true
		}
		pos = t.end
		if t.kind == capURL {
			continue
		}
		k, fits := capKey(w[t.start:t.end], buf[:0])
		if !fits || len(keys) == discMaxWording {
			return nil, false
		}
		keys = append(keys, string(k))
	}
}

// discWordingClear reports whether the agreed wording holds a clear phrase of
// the profile.
func discWordingClear(w string, prof *discProfile, brand discBrand) bool {
	sc := &discScan{s: w, prof: prof, brand: brand}
	sc.scan()
	return sc.good.ok || sc.mid.ok || sc.trail.ok || sc.hidden.ok
}

// discIsHandle reports whether h (without "@") is a handle.
func discIsHandle(h string) bool {
	if h == "" || len(h) > 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// scan reads the caption once, token by token.
func (sc *discScan) scan() {
	var buf [discKeyBuf]byte
	for pos := 0; ; {
		t, ok := nextCapToken(sc.s, pos)
		if !ok {
			break
		}
		pos = t.end
		sc.advance(t.start)
		from, line := sc.runes, sc.lines
		tag := t.kind != capWord
		if tag {
			if !sc.runOpen {
				sc.runOpen, sc.runLen, sc.runHashOrLink, sc.pending = true, 0, false, discHit{}
			}
			sc.runLen++
		} else if sc.runOpen {
			sc.closeRun(false)
		}
		if key, fits := capKey(sc.s[t.start:t.end], buf[:0]); fits {
			if t.start >= sc.covered {
				sc.match(t, key, from, line)
			}
			if !sc.wordingFound && len(sc.wording) > 0 && string(key) == sc.wording[0] {
				_, sc.wordingFound = discLookahead(sc.s, t.end, sc.wording[1:], true)
			}
			if t.kind == capMention && sc.handle != "" && string(key) == sc.handle {
				sc.handleFound = true
			}
		}
		if t.kind == capURL && sc.link.ok && !sc.linkFound {
			sc.linkFound = sc.link.matches(sc.s[t.start:t.end])
		}
		if t.kind == capHashtag || t.kind == capURL {
			sc.runHashOrLink = true
		}
	}
	sc.advance(len(sc.s))
	if sc.runOpen {
		sc.closeRun(true)
	}
}

// advance moves the pass's position to byte to, counting runes and newlines.
func (sc *discScan) advance(to int) {
	if to <= sc.pos {
		return
	}
	seg := sc.s[sc.pos:to]
	sc.runes += utf8.RuneCountInString(seg)
	sc.lines += strings.Count(seg, "\n")
	sc.pos = to
}

// closeRun ends the open run of hashtags, handles and links, settling the
// clear hashtag it holds after another.
func (sc *discScan) closeRun(trailing bool) {
	if h := sc.pending; h.ok {
		h.run = sc.runLen
		switch {
		case sc.runLen < discGroup:
			discFirst(&sc.good, h)
		case trailing:
			discFirst(&sc.trail, h)
		default:
			discFirst(&sc.mid, h)
		}
	}
	sc.runOpen, sc.pending = false, discHit{}
}

// discFirst keeps the first hit of a kind.
func discFirst(dst *discHit, h discHit) {
	if !dst.ok {
		*dst = h
	}
}

// match looks for a phrase starting at token t (key is its key) and records
// it.
func (sc *discScan) match(t capToken, key []byte, from, line int) {
	end, id := 0, -1
	i, ok := sc.prof.byFirst[string(key)]
	for ; ok && i >= 0; i = sc.prof.phrases[i].next {
		ph := &sc.prof.phrases[i]
		if id >= 0 && (len(ph.keys) < len(sc.prof.phrases[id].keys) || len(ph.keys) == len(sc.prof.phrases[id].keys) && !ph.clear) {
			continue
		}
		if e, ok := discLookahead(sc.s, t.end, ph.keys[1:], false); ok {
			end, id = e, int(i)
		}
	}
	clear := id >= 0 && sc.prof.phrases[id].clear
	ambKey := ""
	if id >= 0 {
		ambKey = sc.prof.phrases[id].text
	}
	if e, ok := sc.brandPhrase(t, key); ok && e >= end {
		end, clear = e, true
	}
	if end == 0 && t.kind == capHashtag {
		switch body := key[1:]; {
		case sc.brandHashtag(body):
			end, clear = t.end, true
		case discHasSuffix(body, sc.prof.ambSuf):
			end = t.end
		}
	}
	if end == 0 {
		return
	}
	sc.covered = end
	text := sc.s[t.start:end]
	to := from + utf8.RuneCountInString(text)
	if !clear {
		sc.ambiguous(ambKey, key, text, from, to)
		return
	}
	h := discHit{ok: true, text: text, from: from, to: to, line: line + strings.Count(text, "\n")}
	switch {
	case !sc.visible(h):
		discFirst(&sc.hidden, h)
	case t.kind == capHashtag && sc.runHashOrLink:
		discFirst(&sc.pending, h)
	default:
		discFirst(&sc.good, h)
	}
}

// visible reports whether a hit ends before the platform's fold.
func (sc *discScan) visible(h discHit) bool {
	p := sc.plat
	return (p.FoldRunes <= 0 || h.to <= p.FoldRunes) && (p.FoldLines <= 0 || h.line < p.FoldLines)
}

// ambiguous records an ambiguous phrase: by its profile phrase (phrase), or
// by its own key for a hashtag with an ambiguous suffix.
func (sc *discScan) ambiguous(phrase string, key []byte, text string, from, to int) {
	for i := range sc.amb {
		a := &sc.amb[i]
		if phrase != "" && a.key == phrase || phrase == "" && a.key == string(key) {
			a.n++
			return
		}
	}
	if len(sc.amb) == maxAmbiguous {
		sc.ambMore++
		return
	}
	if phrase == "" {
		phrase = string(key)
	}
	sc.amb = append(sc.amb, discAmb{key: phrase, text: text, from: from, to: to, n: 1})
}

// brandPhrase matches "BRAND partner" or "@brand partner" at token t, with the
// profile's brand suffixes, returning the end of the phrase.
func (sc *discScan) brandPhrase(t capToken, key []byte) (int, bool) {
	if len(sc.prof.brandSuf) == 0 {
		return 0, false
	}
	pos := t.end
	switch {
	case len(sc.brand.words) > 0 && string(key) == sc.brand.words[0]:
		end, ok := discLookahead(sc.s, pos, sc.brand.words[1:], false)
		if !ok {
			return 0, false
		}
		pos = end
	case sc.brand.handle != "" && t.kind == capMention && string(key[1:]) == sc.brand.handle:
	default:
		return 0, false
	}
	nt, ok := nextCapToken(sc.s, pos)
	if !ok || nt.kind != capWord {
		return 0, false
	}
	var buf [discKeyBuf]byte
	k, fits := capKey(sc.s[nt.start:nt.end], buf[:0])
	if !fits {
		return 0, false
	}
	for _, suf := range sc.prof.brandSuf {
		if string(k) == suf {
			return nt.end, true
		}
	}
	return 0, false
}

// brandHashtag reports whether a hashtag's body (lowercased, without "#") is
// the brand's name or handle and a brand suffix: "glowcopartner".
func (sc *discScan) brandHashtag(body []byte) bool {
	for _, suf := range sc.prof.brandSuf {
		if len(body) <= len(suf) || string(body[len(body)-len(suf):]) != suf {
			continue
		}
		head := string(body[:len(body)-len(suf)])
		if head == sc.brand.compact && head != "" || head == sc.brand.handle && head != "" {
			return true
		}
	}
	return false
}

// discHasSuffix reports whether body ends with one of sufs, after at least one
// other rune.
func discHasSuffix(body []byte, sufs []string) bool {
	for _, suf := range sufs {
		if len(body) > len(suf) && string(body[len(body)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// discLookahead matches keys against the tokens after byte pos of s, skipping
// links when skipURLs, and returns the end of the last one.
func discLookahead(s string, pos int, keys []string, skipURLs bool) (int, bool) {
	var buf [discKeyBuf]byte
	for _, want := range keys {
		t, ok := nextCapToken(s, pos)
		for ok && skipURLs && t.kind == capURL {
			t, ok = nextCapToken(s, t.end)
		}
		if !ok {
			return 0, false
		}
		k, fits := capKey(s[t.start:t.end], buf[:0])
		if !fits || string(k) != want {
			return 0, false
		}
		pos = t.end
	}
	return pos, true
}

// discLink is a required link, split for matching.
type discLink struct {
	ok               bool
	host, path, tail string
}

// discParseLink reads a required link: http or https, with a host.
func discParseLink(s string) (discLink, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || len(s) > MaxLinkBytes || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return discLink{}, false
	}
	host, path, tail := discSplitLink(s)
	return discLink{ok: true, host: strings.ToLower(host), path: path, tail: tail}, true
}

// discSplitLink splits a link into its host (without "www."), its path
// (without a trailing "/") and the query and fragment after it.
func discSplitLink(s string) (host, path, tail string) {
	s = strings.TrimSpace(s)
	for _, scheme := range [...]string{"https://", "http://"} {
		if discHasPrefixFold(s, scheme) {
			s = s[len(scheme):]
			break
		}
	}
	if discHasPrefixFold(s, "www.") {
		s = s[len("www."):]
	}
	i := strings.IndexAny(s, "/?#")
	if i < 0 {
		return s, "", ""
	}
	host, rest := s[:i], s[i:]
	j := strings.IndexAny(rest, "?#")
	if j < 0 {
		j = len(rest)
	}
	return host, strings.TrimRight(rest[:j], "/"), rest[j:]
}

// matches reports whether a link found on the post carries the required one:
// the same host and path, and the same query and fragment unless the required
// link has none. A required link without a path is carried by any link to
// its host.
func (l discLink) matches(found string) bool {
	host, path, tail := discSplitLink(found)
	if !strings.EqualFold(host, l.host) {
		return false
	}
	if l.path == "" && l.tail == "" {
		return true
	}
	return path == l.path && (l.tail == "" || tail == l.tail)
}

// discHasPrefixFold reports whether s starts with prefix, ASCII
// case-insensitive.
func discHasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// The tokenizer.

// capKind is the kind of a caption token.
type capKind uint8

const (
	capWord    capKind = iota + 1 // letters, digits, marks and "_", with inner apostrophes
	capHashtag                    // "#" and a word
	capMention                    // "@" and letters, digits, "_" and inner "."
	capURL                        // "http://", "https://" or "www." up to the next space
)

// capToken is a token of a caption: its kind and its bytes [start, end).
type capToken struct {
	kind       capKind
	start, end int
}

const (
	// discMaxKey bounds a token key: longer tokens match no phrase.
	discMaxKey = 64
	// discKeyBuf is the size of a key buffer: a key and one more rune.
	discKeyBuf = discMaxKey + utf8.UTFMax
)

// capKey appends the key of a token (lowercased) to buf, stopping with false
// as soon as it is longer than discMaxKey.
func capKey(tok string, buf []byte) ([]byte, bool) {
	for i := 0; i < len(tok); {
		if c := tok[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
		} else {
			r, w := utf8.DecodeRuneInString(tok[i:])
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += w
		}
		if len(buf) > discMaxKey {
			return buf, false
		}
	}
	return buf, true
}

// capDecode decodes the rune at byte i of s.
func capDecode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isCapWord reports whether r belongs in a word: a letter, a digit, a mark or
// "_".
func isCapWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// nextCapToken returns the first token of s at or after byte i.
func nextCapToken(s string, i int) (capToken, bool) {
	for i < len(s) {
		r, w := capDecode(s, i)
		switch {
		case isCapWord(r):
			if n := capURLLen(s[i:]); n > 0 {
				return capToken{capURL, i, i + n}, true
			}
			return capToken{capWord, i, capWordEnd(s, i)}, true
		case (r == '#' || r == '@') && capBoundary(s, i):
			if end := capTagEnd(s, i+1, r == '@'); end > i+1 {
				kind := capHashtag
				if r == '@' {
					kind = capMention
				}
				return capToken{kind, i, end}, true
			}
		}
		i += w
	}
	return capToken{}, false
}

// capBoundary reports whether byte i of s does not follow a word rune.
func capBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isCapWord(r)
}

// capWordEnd returns the end of the word starting at byte i.
func capWordEnd(s string, i int) int {
	for i < len(s) {
		r, w := capDecode(s, i)
		if !isCapWord(r) {
			if (r != '\'' && r != '’') || i+w >= len(s) {
				return i
			}
			if next, _ := capDecode(s, i+w); !isCapWord(next) {
				return i
			}
		}
		i += w
	}
	return i
}

// capTagEnd returns the end of a hashtag's or handle's body starting at byte
// i; a handle may hold "." but not end with it.
func capTagEnd(s string, i int, handle bool) int {
	end := i
	for j := i; j < len(s); {
		r, w := capDecode(s, j)
		if !isCapWord(r) && (!handle || r != '.') {
			break
		}
		j += w
		if r != '.' {
			end = j
		}
	}
	return end
}

// capURLLen returns the length of the link at the start of s, or 0: from
// "http://", "https://" or "www." up to the next space, without trailing
// punctuation.
func capURLLen(s string) int {
	var scheme int
	switch {
	case discHasPrefixFold(s, "https://"):
		scheme = len("https://")
	case discHasPrefixFold(s, "http://"):
		scheme = len("http://")
	case discHasPrefixFold(s, "www."):
		scheme = len("www.")
	default:
		return 0
	}
	n := 0
	for n < len(s) {
		r, w := capDecode(s, n)
		if unicode.IsSpace(r) {
			break
		}
		n += w
	}
	for n > scheme && strings.IndexByte(`.,;:!?)]}'"`, s[n-1]) >= 0 {
		n--
	}
	if n <= scheme {
		return 0
	}
	return n
}
