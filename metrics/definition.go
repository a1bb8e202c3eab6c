package metrics

import (
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Basis is the denominator of an engagement rate.
type Basis uint8

// The bases of an engagement rate. The zero Basis is invalid.
const (
	BasisReach       Basis = iota + 1 // unique accounts reached; cannot be summed across posts
	BasisImpressions                  // times shown; Meta replaced impressions with views in 2025
	BasisViews                        // views by the platform's definition
	BasisFollowers                    // the creator's followers when the post went live
)

var basisNames = [...]string{"", "reach", "impressions", "views", "followers"}

// String returns the basis's name: "reach", "impressions", "views" or "followers".
func (b Basis) String() string {
	if b >= BasisReach && b <= BasisFollowers {
		return basisNames[b]
	}
	return "invalid basis"
}

// Metric returns the [Metric] that supplies the basis.
func (b Basis) Metric() Metric {
	switch b {
	case BasisReach:
		return Reach
	case BasisImpressions:
		return Impressions
	case BasisViews:
		return Views
	case BasisFollowers:
		return Followers
	}
	return 0
}

// Interactions is a set of interactions that count as engagement.
type Interactions uint8

// The interactions an engagement rate may count. Combine them with |.
const (
	CountLikes    Interactions = 1 << iota // likes (hearts)
	CountComments                          // comments
	CountShares                            // shares and sends
	CountSaves                             // saves (bookmarks); TikTok exposes none

	// AllInteractions counts likes, comments, shares and saves.
	AllInteractions = CountLikes | CountComments | CountShares | CountSaves
)

var interactionOrder = [...]struct {
	set    Interactions
	name   string
	metric Metric
}{
	{CountLikes, "likes", Likes},
	{CountComments, "comments", Comments},
	{CountShares, "shares", Shares},
	{CountSaves, "saves", Saves},
}

// Has reports whether the set holds every interaction of o.
func (s Interactions) Has(o Interactions) bool { return s&o == o }

// String returns the interactions joined with "+" in the order likes, comments, shares,
// saves, e.g. "likes+comments".
func (s Interactions) String() string {
	var b strings.Builder
	for _, it := range interactionOrder {
		if s.Has(it.set) {
			if b.Len() > 0 {
				b.WriteByte('+')
			}
			b.WriteString(it.name)
		}
	}
	return b.String()
}

// Definition says what an engagement rate means: the interactions that count, over a
// basis. A campaign holds one Definition; rates under different definitions cannot be
// combined or compared ([ErrMismatch]). The zero Definition is invalid. Definitions are
// comparable with ==.
//
// Platform notes, as of 2025:
//   - TikTok exposes no saves: a definition that counts saves gives [ErrUnknown] for a
//     TikTok post whose saves are unknown. Use a definition without saves for a campaign
//     that includes TikTok, or leave TikTok out of the rate.
//   - Meta (Instagram, Facebook) replaced impressions with views in 2025: use [BasisViews]
//     for Meta posts from then on, and do not compare them with older impression-based
//     rates.
//   - Reach is unique per post and cannot be summed across posts: a reach-based rate of
//     several posts is undefined unless the platform gives a de-duplicated reach for the
//     whole campaign (see [EngagementRate.Combine]).
type Definition struct {
	basis  Basis
	counts Interactions
}

// NewDefinition returns the definition counting the given interactions over basis. It
// returns an error wrapping [ErrInvalid] for an unknown basis or an empty or unknown set
// of interactions.
func NewDefinition(basis Basis, counts Interactions) (Definition, error) {
	if basis < BasisReach || basis > BasisFollowers {
		return Definition{}, invalid("NewDefinition", "basis", basis.String(), CodeOutOfRange,
			"want reach, impressions, views or followers")
	}
	if counts == 0 || counts&^AllInteractions != 0 {
		return Definition{}, invalid("NewDefinition", "interactions", "", CodeOutOfRange,
			"want a non-empty set of likes, comments, shares, saves")
	}
	return Definition{basis: basis, counts: counts}, nil
}

// MustNewDefinition is like [NewDefinition] but panics on error. It is for tests and
// package-level literals.
func MustNewDefinition(basis Basis, counts Interactions) Definition {
	d, err := NewDefinition(basis, counts)
	if err != nil {
		panic(err)
	}
	return d
}

// Basis returns the definition's denominator.
func (d Definition) Basis() Basis { return d.basis }

// Interactions returns the interactions the definition counts.
func (d Definition) Interactions() Interactions { return d.counts }

// IsZero reports whether d is the zero (invalid) Definition.
func (d Definition) IsZero() bool { return d == Definition{} }

// String returns the definition in the form [ParseDefinition] reads, e.g.
// "likes+comments+shares+saves / reach". The zero Definition is "".
func (d Definition) String() string {
	if d.IsZero() {
		return ""
	}
	return d.counts.String() + " / " + d.basis.String()
}

// ParseDefinition parses "<interactions> / <basis>": interactions are likes, comments,
// shares, saves joined with "+" (each at most once, any order), the basis one of reach,
// impressions, views, followers. Case and spaces around names do not matter:
// "Likes + Comments / Reach" is "likes+comments / reach". Errors wrap [ErrInvalid].
func ParseDefinition(s string) (Definition, error) {
	fail := func(token, reason string) (Definition, error) {
		return Definition{}, problem.NewParseError(pkg, ParseError{What: "definition", Input: s, Token: token, Reason: reason}, ErrInvalid)
	}
	num, den, ok := strings.Cut(s, "/")
	if !ok {
		return fail("", `want "<interactions> / <basis>"`)
	}
	var basis Basis
	den = strings.TrimSpace(den)
	for b := BasisReach; b <= BasisFollowers; b++ {
		if strings.EqualFold(den, basisNames[b]) {
			basis = b
		}
	}
	if basis == 0 {
		return fail(den, "unknown basis "+problem.Quote(den)+", want reach, impressions, views or followers")
	}
	var counts Interactions
	for _, part := range strings.Split(num, "+") {
		part = strings.TrimSpace(part)
		var found Interactions
		for _, it := range interactionOrder {
			if strings.EqualFold(part, it.name) {
				found = it.set
			}
		}
		if found == 0 {
			return fail(part, "unknown interaction "+problem.Quote(part)+", want likes, comments, shares or saves")
		}
		if counts.Has(found) {
			return fail(part, "interaction "+problem.Quote(part)+" listed twice")
		}
		counts |= found
	}
	return NewDefinition(basis, counts)
}

// MarshalText implements [encoding.TextMarshaler] with [Definition.String].
func (d Definition) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDefinition]; empty text
// gives the zero Definition.
func (d *Definition) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Definition{}
		return nil
	}
	v, err := ParseDefinition(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Engagements returns the interactions the definition counts, summed, from c. It returns
// an error wrapping [ErrUnknown] naming the first counted interaction that is unknown (a
// TikTok post's saves), and one wrapping [ErrInvalid] for a negative count or the zero
// Definition.
func (d Definition) Engagements(c Counts) (int64, error) {
	const op = "engagement rate"
	if d.IsZero() {
		return 0, invalid(op, "definition", "", CodeRequired, "zero Definition")
	}
	var sum int64
	for _, it := range interactionOrder {
		if !d.counts.Has(it.set) {
			continue
		}
		n, ok := c.Get(it.metric).Get()
		if !ok {
			return 0, unknown(op, it.name)
		}
		if err := checkCount(op, it.name, n); err != nil {
			return 0, err
		}
		if sum > maxInt64-n {
			return 0, overflow(op, "engagements")
		}
		sum += n
	}
	return sum, nil
}

const maxInt64 = 1<<63 - 1
