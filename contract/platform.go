package contract

import (
	"strconv"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Platform is what the disclosure check needs to know about a social platform:
// how much of a caption its feed shows before "more", how long a caption may
// be, and what its paid-partnership label reads.
//
// The known platforms are data (see [Platforms]); [LookupPlatform] finds one by
// name. The figures are approximate: platforms change their layouts, phones
// show less than desktops, and every platform counts characters its own way
// (X counts a link as 23, some count UTF-16 units or graphemes). The check
// counts Unicode code points (runes), which for emoji and combining marks is
// never fewer than a platform's own count, so the fold it checks is, if
// anything, earlier than the real one. Where two figures were published (phone
// and desktop), the table takes the phone's. Build your own Platform value
// when your figures differ.
//
// A Platform is a comparable value. The zero Platform means "not known": the
// check then cannot say where the fold is and reports so. It marshals to its
// Code; only the platforms of the table read back ([Platform.UnmarshalText]),
// so a Platform of your own has no text form.
type Platform struct {
	// Code names the platform in JSON: "instagram", "tiktok", "youtube", "x",
	// "facebook".
	Code string
	// Name is the platform's name for people: "Instagram".
	Name string
	// Field is what the platform calls the text under a post: "caption",
	// "description", "post".
	Field string
	// FoldRunes is how many characters (runes) the feed shows before "more";
	// 0 means the whole text is shown.
	FoldRunes int
	// FoldLines is how many lines the feed shows before "more"; 0 means lines
	// are not limited (FoldRunes still is).
	FoldLines int
	// MaxRunes is the longest text, in runes, the platform accepts; 0 means
	// unknown.
	MaxRunes int
	// Label is the platform's own paid-partnership label as it reads on the
	// post ("Paid partnership"); "" means the table knows of none.
	Label string
}

// Platform codes of the table.
const (
	PlatformInstagram = "instagram"
	PlatformTikTok    = "tiktok"
	PlatformYouTube   = "youtube"
	PlatformX         = "x"
	PlatformFacebook  = "facebook"
)

// platforms is the table of known platforms, as published in 2025–2026. Sources:
//
//   - Instagram: captions up to 2,200 characters; the feed shows about the first
//     125 before "… more" (caption counters at toolshake.xyz, nasrtech.dev,
//     mojicnt.click). The FTC's 2017 letters to influencers asked for the
//     disclosure in the first three lines, before "more".
//   - TikTok: captions up to 4,000 characters since 2023 (2,200 before); about
//     150 shown before "more" (toolshake.xyz).
//   - YouTube: descriptions up to 5,000 characters; about 100 (phone) to 157
//     (desktop) shown above "…more" (toolsdeck.app, mojicnt.click). The FTC's
//     2016 Warner Bros. settlement found disclosures below the fold of a
//     YouTube description not conspicuous. The paid-promotion label reads
//     "Includes paid promotion".
//   - X: 280 characters for a standard post, up to 25,000 for Premium, whose
//     long posts show "Show more" after about 280. No built-in
//     paid-partnership label is assumed.
//   - Facebook: posts up to 63,206 characters; "See more" after about 477 on a
//     desktop and about 125 on a phone (socialk.it, boldlytype.com).
var platforms = [...]Platform{
	{Code: PlatformInstagram, Name: "Instagram", Field: "caption", FoldRunes: 125, FoldLines: 3, MaxRunes: 2200, Label: "Paid partnership"},
	{Code: PlatformTikTok, Name: "TikTok", Field: "caption", FoldRunes: 150, MaxRunes: 4000, Label: "Paid partnership"},
	{Code: PlatformYouTube, Name: "YouTube", Field: "description", FoldRunes: 100, FoldLines: 3, MaxRunes: 5000, Label: "Includes paid promotion"},
	{Code: PlatformX, Name: "X", Field: "post", FoldRunes: 280, MaxRunes: 25000},
	{Code: PlatformFacebook, Name: "Facebook", Field: "post", FoldRunes: 125, MaxRunes: 63206, Label: "Paid partnership"},
}

// platformAliases are other names LookupPlatform accepts.
var platformAliases = map[string]string{"twitter": PlatformX, "ig": PlatformInstagram, "yt": PlatformYouTube, "fb": PlatformFacebook}

// Platforms returns the known platforms, in a fixed order (Instagram, TikTok,
// YouTube, X, Facebook). The slice is new on every call.
func Platforms() []Platform {
	out := make([]Platform, len(platforms))
	copy(out, platforms[:])
	return out
}

// LookupPlatform returns the known platform of the given code, case-insensitive
// ("Instagram", "tiktok"); "twitter", "ig", "yt" and "fb" are accepted too. An
// unknown name is a *ParseError.
func LookupPlatform(name string) (Platform, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if alias, ok := platformAliases[key]; ok {
		key = alias
	}
	for _, p := range platforms {
		if p.Code == key {
			return p, nil
		}
	}
	return Platform{}, problem.NewParseError("contract", problem.ParseError{
		What:   "platform",
		Input:  name,
		Reason: "unknown platform; want instagram, tiktok, youtube, x or facebook",
	})
}

// IsZero reports whether p is the zero Platform (not known).
func (p Platform) IsZero() bool { return p == Platform{} }

// String returns the platform's name, or "unknown platform" for the zero value.
func (p Platform) String() string {
	if p.Name != "" {
		return p.Name
	}
	if p.Code != "" {
		return p.Code
	}
	return "unknown platform"
}

// MarshalText writes the platform's code, or "" for the zero Platform. A
// Platform that is not one of the table (a value of your own) is an error: its
// figures would be lost.
func (p Platform) MarshalText() ([]byte, error) {
	if p.IsZero() {
		return []byte{}, nil
	}
	if known, err := LookupPlatform(p.Code); err != nil || known != p {
		return nil, problem.NewFieldError("contract", "", problem.CodeMalformed,
			"marshal platform "+problem.Quote(p.Code)+": not one of the known platforms, so it has no text form")
	}
	return []byte(p.Code), nil
}

// UnmarshalText reads a platform's code as [LookupPlatform] does; "" gives the
// zero Platform.
func (p *Platform) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Platform{}
		return nil
	}
	v, err := LookupPlatform(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// foldText describes what the platform shows before "more", for a message:
// "Instagram shows about the first 125 characters (3 lines)".
func (p Platform) foldText() string {
	var b strings.Builder
	b.WriteString(p.String())
	b.WriteString(" shows about the first ")
	switch {
	case p.FoldRunes > 0 && p.FoldLines > 0:
		b.WriteString(strconv.Itoa(p.FoldRunes) + " characters (" + strconv.Itoa(p.FoldLines) + " lines)")
	case p.FoldRunes > 0:
		b.WriteString(strconv.Itoa(p.FoldRunes) + " characters")
	default:
		b.WriteString(strconv.Itoa(p.FoldLines) + " lines")
	}
	b.WriteString(` before "more"`)
	return b.String()
}
