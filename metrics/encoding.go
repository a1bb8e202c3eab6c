package metrics

import (
	"bytes"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/pricing"
)

// MaxJSONSize is the largest JSON document the Decode functions and the UnmarshalJSON
// methods of this package accept: 16 MiB, some 40,000 posts of the form the [Post] doc
// shows. A larger document is one problem with code "too_large".
const MaxJSONSize = 16 << 20

// The plain forms of the types: the same fields and tags without the methods, so that
// strictjson decodes them field by field instead of calling UnmarshalJSON again.
type (
	countsJSON  Counts
	sourceJSON  Source
	postingJSON Posting
	onTimeJSON  OnTime
	actualJSON  struct {
		Counts countsJSON `json:"counts"`
		Source sourceJSON `json:"source"`
	}
	postJSON struct {
		ID            string        `json:"id"`
		Creator       string        `json:"creator,omitempty"`
		Platform      string        `json:"platform,omitempty"`
		PostedAt      time.Time     `json:"posted_at,omitzero"`
		Cost          pricing.Money `json:"cost"`
		ExpectedViews Count         `json:"expected_views,omitzero"`
		Actual        *actualJSON   `json:"actual,omitempty"`
	}
)

func (a *actualJSON) actual() *Actual {
	if a == nil {
		return nil
	}
	return &Actual{Counts: Counts(a.Counts), Source: Source(a.Source)}
}

func (p *postJSON) post() Post {
	return Post{ID: p.ID, Creator: p.Creator, Platform: p.Platform, PostedAt: p.PostedAt,
		Cost: p.Cost, ExpectedViews: p.ExpectedViews, Actual: p.Actual.actual()}
}

// decode decodes data strictly into v and returns its problems as one error.
func decode(what string, data []byte, v any) error {
	problems, _ := strictjson.Decode(pkg, data, v, MaxJSONSize)
	return problem.NewValidationError(pkg, "decode "+what, problems)
}

func isNull(data []byte) bool { return bytes.Equal(bytes.TrimSpace(data), []byte("null")) }

// DecodePosts decodes a JSON array of posts, each of the form the [Post] doc shows,
// strictly (see [MaxJSONSize]): nil and one *[ValidationError] listing every problem at
// its path ("[3].actual.counts.viewz"), or the posts. JSON null gives no posts.
func DecodePosts(data []byte) ([]Post, error) {
	var raw []postJSON
	if err := decode("posts", data, &raw); err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, nil
	}
	posts := make([]Post, len(raw))
	for i := range raw {
		posts[i] = raw[i].post()
	}
	return posts, nil
}

// DecodePost decodes one post strictly; see [DecodePosts].
func DecodePost(data []byte) (Post, error) {
	var raw postJSON
	if err := decode("post", data, &raw); err != nil {
		return Post{}, err
	}
	return raw.post(), nil
}

// DecodeActual decodes one actual, {"counts":{...},"source":{...}}, strictly; see
// [DecodePosts].
func DecodeActual(data []byte) (Actual, error) {
	var raw actualJSON
	if err := decode("actual", data, &raw); err != nil {
		return Actual{}, err
	}
	return *raw.actual(), nil
}

// DecodeCounts decodes one [Counts] object strictly; see [DecodePosts].
func DecodeCounts(data []byte) (Counts, error) {
	var raw countsJSON
	if err := decode("counts", data, &raw); err != nil {
		return Counts{}, err
	}
	return Counts(raw), nil
}

// DecodeSource decodes one [Source] object strictly; see [DecodePosts]. Check it with
// [Source.Validate].
func DecodeSource(data []byte) (Source, error) {
	var raw sourceJSON
	if err := decode("source", data, &raw); err != nil {
		return Source{}, err
	}
	return Source(raw), nil
}

// DecodePostings decodes a JSON array of [Posting] objects strictly, for
// [OnTimePosting]; see [DecodePosts].
func DecodePostings(data []byte) ([]Posting, error) {
	var raw []postingJSON
	if err := decode("postings", data, &raw); err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, nil
	}
	out := make([]Posting, len(raw))
	for i := range raw {
		out[i] = Posting(raw[i])
	}
	return out, nil
}

// DecodeOnTime decodes one [OnTime] object, {"on_time":3,"late":1,"pending":0},
// strictly; see [DecodePosts].
func DecodeOnTime(data []byte) (OnTime, error) {
	var raw onTimeJSON
	if err := decode("on-time counts", data, &raw); err != nil {
		return OnTime{}, err
	}
	return OnTime(raw), nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of [DecodePost].
// On error p is unchanged; JSON null leaves p unchanged.
func (p *Post) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodePost(data)
	if err == nil {
		*p = v
	}
	return err
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [DecodeActual]. On error a is unchanged; JSON null leaves a unchanged.
func (a *Actual) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodeActual(data)
	if err == nil {
		*a = v
	}
	return err
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [DecodeCounts]. On error c is unchanged; JSON null leaves c unchanged.
func (c *Counts) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodeCounts(data)
	if err == nil {
		*c = v
	}
	return err
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [DecodeSource]. On error s is unchanged; JSON null leaves s unchanged.
func (s *Source) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodeSource(data)
	if err == nil {
		*s = v
	}
	return err
}

// UnmarshalJSON implements [json.Unmarshaler] strictly, like [DecodePostings] for one
// posting. On error p is unchanged; JSON null leaves p unchanged.
func (p *Posting) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	var raw postingJSON
	if err := decode("posting", data, &raw); err != nil {
		return err
	}
	*p = Posting(raw)
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [DecodeOnTime]. On error o is unchanged; JSON null leaves o unchanged.
func (o *OnTime) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	v, err := DecodeOnTime(data)
	if err == nil {
		*o = v
	}
	return err
}
