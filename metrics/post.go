package metrics

import (
	"time"

	"github.com/creatorops/creatorops/pricing"
)

// Post is one published deliverable with what it cost, what was expected of it at quote
// time and, once reported, what it did. It is plain data; [Summarize] validates it. To
// attribute a package price to its posts, use [pricing.Allocate].
//
// In JSON, a Post is an object with snake_case names: Cost is a [pricing.Money] string
// ("2500.00 USD"), counts are strings of digits (see [Count.MarshalText]), instants
// RFC 3339. Decoding is strict ([DecodePosts]): a misspelled or wrong-case key is an
// error at its path, never a silently missing figure. A zero PostedAt, an unknown
// ExpectedViews and a nil Actual are left out:
//
//	{"id":"reel-1","creator":"anna","platform":"instagram",
//	 "posted_at":"2026-03-02T18:00:00-05:00","cost":"3250.00 USD",
//	 "expected_views":"150000",
//	 "actual":{"counts":{"views":"120000"},
//	  "source":{"kind":"export","captured_at":"2026-03-09T18:00:00-04:00","window":"7 days"}}}
type Post struct {
	ID       string `json:"id"`                 // required, unique within a roll-up
	Creator  string `json:"creator,omitempty"`  // the key of Summary.ByCreator
	Platform string `json:"platform,omitempty"` // the key of Summary.ByPlatform, e.g. "instagram", "tiktok"

	// PostedAt is when the post went live; optional. When set, an actual captured
	// before it is an error.
	PostedAt time.Time `json:"posted_at,omitzero"`

	// Cost is the total cost attributed to the post: base fee plus every add-on
	// (usage rights, whitelisting, exclusivity, rush), as pricing.Allocate
	// attributes a package price.
	Cost pricing.Money `json:"cost"`

	// ExpectedViews is the estimate made at quote time; unknown if none was made.
	ExpectedViews Count `json:"expected_views,omitzero"`

	// Actual holds the reported figures; nil when no report has come in, which
	// makes the post missing, not zero.
	Actual *Actual `json:"actual,omitempty"`
}

// Actual is one report of a post: the figures and where they came from. In JSON it is
// {"counts":{...},"source":{...}}; see [Counts] and [Source].
type Actual struct {
	Counts Counts `json:"counts"`
	Source Source `json:"source"`
}
