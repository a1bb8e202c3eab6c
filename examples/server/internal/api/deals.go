package api

import (
	"context"
	"time"

	"github.com/creatorops/creatorops/pricing"
)

// DealRequest documents the body of POST /v1/deals.
type DealRequest struct {
	RateCard pricing.RateCard    `json:"rate_card"`
	Deal     pricing.DealRequest `json:"deal" doc:"The deliverables, each a request with a name unique in the deal, and the terms of the whole deal (whitelisting, exclusivity, Net 0)."`
	Issued   time.Time           `json:"issued,omitzero" doc:"When the deal is quoted (RFC 3339 with an offset); now when left out. It is valid for the card's valid_days from then."`
}

type dealOutput struct {
	Body pricing.DealQuote
}

func (s *Server) deal(ctx context.Context, in *rawBody) (*dealOutput, error) {
	const what = "deal request"
	env, err := readEnvelope(in.RawBody, member{"rate_card", true}, member{"deal", true}, member{"issued", false})
	if err != nil {
		return nil, bodyError(what, err)
	}
	var card pricing.RateCard
	if env.has("rate_card") {
		if card, err = pricing.DecodeRateCard(env.raw["rate_card"]); err != nil {
			env.addErr("rate_card", err)
		}
	}
	var req pricing.DealRequest
	if env.has("deal") {
		if req, err = pricing.DecodeDealRequest(env.raw["deal"]); err != nil {
			env.addErr("deal", err)
		}
	}
	issued := s.now().UTC()
	if t, ok := env.instant("issued"); ok {
		issued = t
	}
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	q, err := card.Deal(req, issued)
	if err != nil {
		// The card decoded and issued is set: what Deal reports is the
		// deal's, at paths in it ("items[1].usage.duration").
		env.addErr("deal", err)
		return nil, invalid(what, env.err(what))
	}
	return &dealOutput{Body: q}, nil
}
