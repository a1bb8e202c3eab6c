package api

import (
	"context"
	"time"

	"github.com/creatorops/creatorops/pricing"
)

// QuoteRequest documents the body of POST /v1/quotes.
type QuoteRequest struct {
	RateCard pricing.RateCard `json:"rate_card"`
	Request  pricing.Request  `json:"request"`
	Issued   time.Time        `json:"issued,omitzero" doc:"When the quote is issued (RFC 3339 with an offset); now when left out. It is valid for the card's valid_days from then."`
}

type quoteOutput struct {
	Body pricing.Quote
}

func (s *Server) quote(ctx context.Context, in *rawBody) (*quoteOutput, error) {
	const what = "quote request"
	env, err := readEnvelope(in.RawBody, member{"rate_card", true}, member{"request", true}, member{"issued", false})
	if err != nil {
		return nil, bodyError(what, err)
	}
	var card pricing.RateCard
	if env.has("rate_card") {
		if card, err = pricing.DecodeRateCard(env.raw["rate_card"]); err != nil {
			env.addErr("rate_card", err)
		}
	}
	var req pricing.Request
	if env.has("request") {
		// DecodeRequest reports its paths under "request." already.
		if req, err = pricing.DecodeRequest(env.raw["request"]); err != nil {
			env.addErr("", err)
		}
	}
	issued := s.now().UTC()
	if t, ok := env.instant("issued"); ok {
		issued = t
	}
	if err := env.err(what); err != nil {
		return nil, invalid(what, err)
	}
	q, err := card.Quote(req, issued)
	if err != nil {
		return nil, invalid(what, err)
	}
	return &quoteOutput{Body: q}, nil
}
