package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/pricing"
)

// dealBody returns a body for POST /v1/deals: the sample rate card, a deal
// (raw JSON) and, unless "", the issue time.
func dealBody(t *testing.T, deal, issued string) string {
	t.Helper()
	card, err := json.Marshal(pricing.SampleRateCard())
	require.NoError(t, err)
	body := `{"rate_card":` + string(card) + `,"deal":` + deal
	if issued != "" {
		body += `,"issued":"` + issued + `"`
	}
	return body + "}"
}

// TestDeal prices the library's sample deal (a rushed TikTok video with
// usage rights and an extra round, 3 story frames, whitelisting, exclusivity,
// Net 0): the answer is RateCard.Deal's, every line explained, and its total
// is the sum of its lines.
func TestDeal(t *testing.T) {
	e := newEnv(t)
	deal := string(readFile(t, "deal_request.json"))
	res := e.do(http.MethodPost, "/v1/deals", e.tokenA, dealBody(t, deal, "2027-03-01T09:00:00-05:00"))
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var q pricing.DealQuote
	require.NoError(t, json.Unmarshal(res.Body, &q))

	// The library's own answer for the same card, deal and instant.
	req, err := pricing.DecodeDealRequest([]byte(deal))
	require.NoError(t, err)
	card := pricing.SampleRateCard()
	issued := time.Date(2027, 3, 1, 9, 0, 0, 0, time.FixedZone("", -5*3600))
	want, err := card.Deal(req, issued)
	require.NoError(t, err)
	assert.True(t, want.Equal(q), "the deal is RateCard.Deal's:\n%s", res.Body)
	assert.True(t, want.Total.Equal(q.Total), "total %v, want %v", q.Total, want.Total)

	// The total is the sum of every line, counted here.
	require.NoError(t, q.Check())
	sum := pricing.MustParseMoney("0.00 USD")
	lines := 0
	for _, item := range q.Items {
		sub := pricing.MustParseMoney("0.00 USD")
		for _, l := range item.Lines {
			assert.NotEmpty(t, l.Rule, "each line says how it was made")
			assert.True(t, strings.HasPrefix(l.Code, item.Name+"/"), "an item's line codes carry its name: %s", l.Code)
			sub, err = sub.Add(l.Amount)
			require.NoError(t, err)
			lines++
		}
		assert.True(t, sub.Equal(item.Subtotal), "%s: subtotal %v, lines sum to %v", item.Name, item.Subtotal, sub)
		sum, err = sum.Add(item.Subtotal)
		require.NoError(t, err)
	}
	for _, l := range q.Lines {
		assert.NotEmpty(t, l.Rule)
		sum, err = sum.Add(l.Amount)
		require.NoError(t, err)
		lines++
	}
	assert.True(t, sum.Equal(q.Total), "total %v, lines sum to %v", q.Total, sum)
	assert.Greater(t, lines, 6)
	require.Len(t, q.Items, 2)
	assert.Equal(t, "tiktok-video", q.Items[0].Name)
	assert.Equal(t, "stories", q.Items[1].Name)
	assert.Equal(t, "Net 0", q.PaymentTerms)
	assert.Equal(t, "2027-03-01T09:00:00-05:00", q.Issued.Format(time.RFC3339))

	// Amounts are strings, never JSON numbers.
	total := get(t, res.json(t), "total")
	assert.Equal(t, q.Total.String(), total)

	t.Run("issued now when left out", func(t *testing.T) {
		res := e.do(http.MethodPost, "/v1/deals", e.tokenA, dealBody(t, deal, ""))
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var q pricing.DealQuote
		require.NoError(t, json.Unmarshal(res.Body, &q))
		assert.True(t, q.Issued.Equal(testNow))
	})
}

// TestDealProblems: problems of the deal come back at their paths under
// "deal", with the library's codes, all at once.
func TestDealProblems(t *testing.T) {
	e := newEnv(t)
	const video = `"platform":"tiktok","format":"short_video","seconds":30`
	for _, c := range []struct {
		name string
		body string
		want []api.ProblemError
	}{
		{"no deal", `{"rate_card":` + string(mustMarshal(t, pricing.SampleRateCard())) + `}`,
			[]api.ProblemError{{Location: "body.deal", Path: "deal", Code: "required"}}},
		{"what the decoder finds", dealBody(t, `{"items":[{"name":"v",`+video+`,"whitelisting":{"months":1}},{"name":"v",`+video+`,"Seconds":3}]}`, "yesterday"),
			[]api.ProblemError{
				{Location: "body.deal.items[0].whitelisting", Path: "deal.items[0].whitelisting", Code: pricing.CodeDealLevel},
				{Location: "body.deal.items[1].Seconds", Path: "deal.items[1].Seconds", Code: "unknown_field"},
				{Location: "body.deal.items[1].name", Path: "deal.items[1].name", Code: "duplicate"},
				{Location: "body.issued", Path: "issued", Code: "malformed"},
			}},
		{"what the card does not price", dealBody(t, `{"items":[{"name":"v",`+video+`},{"name":"p","platform":"myspace","format":"post"}],"exclusivity":{"scope":"galaxy","months":2}}`, ""),
			[]api.ProblemError{
				{Location: "body.deal.items[1].platform", Path: "deal.items[1].platform", Code: pricing.CodeNoRule},
				{Location: "body.deal.exclusivity.scope", Path: "deal.exclusivity.scope", Code: pricing.CodeNoRule},
			}},
		{"the card's and the deal's", `{"rate_card":{"version":"x","currency":"usd","valid_days":30,"net_days":30,"base":[]},"deal":{"items":[]}}`,
			[]api.ProblemError{
				{Location: "body.deal.items", Path: "deal.items", Code: "required"},
				{Location: "body.rate_card.base", Path: "rate_card.base", Code: "required"},
				{Location: "body.rate_card.currency", Path: "rate_card.currency", Code: "unknown_currency"},
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.do(http.MethodPost, "/v1/deals", e.tokenA, c.body)
			require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
			p := res.problem(t)
			assert.Equal(t, api.CodeInvalid, p.Code)
			got := make([]api.ProblemError, len(p.Errors))
			for i, pe := range p.Errors {
				assert.NotEmpty(t, pe.Message)
				got[i] = api.ProblemError{Location: pe.Location, Path: pe.Path, Code: pe.Code}
			}
			sortProblems(got)
			sortProblems(c.want)
			assert.Equal(t, c.want, got, "%s", res.Body)
		})
	}
	res := e.do(http.MethodPost, "/v1/deals", e.tokenA, `{"rate_card":`)
	require.Equal(t, http.StatusBadRequest, res.Status)
	assert.Equal(t, api.CodeMalformed, res.problem(t).Code)
}
