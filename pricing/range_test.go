package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// readsBack checks the invariant of Money: its String and its JSON parse
// back to an Equal value.
func readsBack(t testing.TB, m pricing.Money) {
	t.Helper()
	if !m.IsValid() {
		return
	}
	back, err := pricing.ParseMoney(m.String())
	require.NoError(t, err, "ParseMoney(%q)", m.String())
	require.True(t, m.Equal(back), "ParseMoney(%q) = %v, want %v", m.String(), back, m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var j pricing.Money
	require.NoError(t, json.Unmarshal(b, &j), "%s", b)
	require.True(t, m.Equal(j), "JSON %s reads back as %v, want %v", b, j, m)
}

var forty = strings.Repeat("9", pricing.MaxIntegerDigits)

// Arithmetic that would leave the range of Money is an error; what it
// returns always reads back.
func TestArithmeticStaysInRange(t *testing.T) {
	big := pricing.MustParseMoney(forty + ".99 USD")
	_, err := big.Add(big)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = big.Neg().Sub(big)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = big.MulInt(2)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = big.Mul(decimal.New(1, 999999999))
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	assert.Less(t, len(err.Error()), 200, "the message never prints a huge factor")
	_, err = pricing.MustParseMoney("1.5 USD").Mul(decimal.New(1, -64))
	assert.ErrorIs(t, err, pricing.ErrInvalid, "65 decimal places")
	_, err = big.MulPercent(pricing.PercentOf(101))
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	var pe *pricing.ValidationError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, pricing.CodeOutOfRange, pe.Problems[0].Code)

	// Rounding a 40-digit amount up gives 10^40, which is in range.
	up := big.RoundTo(0, pricing.Up)
	assert.Equal(t, "1"+strings.Repeat("0", 40)+".00 USD", up.String())
	readsBack(t, up)
	readsBack(t, pricing.MustParseMoney("-"+forty+".5 USD").RoundTo(-40, pricing.Floor))
	_, err = pricing.ParseMoney("1" + strings.Repeat("0", 40) + ".01 USD")
	assert.ErrorIs(t, err, pricing.ErrInvalid, "above 10^40")

	// The zero Money stays invalid.
	_, err = pricing.Money{}.MulInt(2)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = pricing.Money{}.Add(pricing.Money{})
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	// Exactly Money{} (== on purpose: omitzero drops only that value).
	assert.Equal(t, pricing.Money{}, pricing.Money{}.Neg())
	assert.Equal(t, pricing.Money{}, pricing.Money{}.RoundTo(2, pricing.HalfUp))
	assert.Panics(t, func() { pricing.MustParseMoney("1 USD").RoundTo(65, pricing.HalfUp) })
	assert.Panics(t, func() { pricing.MustParseMoney("1 USD").RoundTo(-41, pricing.Up) })
}

// The case of the issue: a usage tier of 33.333…% with 64 decimals of a
// 1234.57 USD fee made a quote whose JSON did not read back. A percentage
// now has at most MaxPercentDecimals places, and a quote at that bound reads
// back.
func TestPercentQuoteReadsBack(t *testing.T) {
	_, err := pricing.ParsePercent("33." + strings.Repeat("3", 64) + "%")
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = pricing.NewPercent(decimal.RequireFromString("33." + strings.Repeat("3", 21)))
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	pct := pricing.MustParsePercent("33." + strings.Repeat("3", pricing.MaxPercentDecimals) + "%")
	assert.Equal(t, "33."+strings.Repeat("3", pricing.MaxPercentDecimals)+"%", pct.String())

	card := pricing.SampleRateCard()
	card.Base[3].Fee = pricing.MustParseMoney("1234.57 USD")
	card.Usage[0].Percent = &pct
	card.NetZero = &pricing.Charge{Percent: &pct}
	q, err := card.Quote(pricing.Request{Platform: "instagram", Format: "post", NetZero: true,
		Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Months(3)}}, issued)
	require.NoError(t, err)
	for _, l := range q.Lines {
		readsBack(t, l.Unit)
		readsBack(t, l.Amount)
	}
	b, err := json.Marshal(q)
	require.NoError(t, err)
	var back pricing.Quote
	require.NoError(t, json.Unmarshal(b, &back), "%s", b)
	assert.True(t, back.Equal(q))
}

// A quote whose amounts would leave the range of Money is an error at the
// request's path, never a quote that does not read back.
func TestQuoteBeyondRange(t *testing.T) {
	card := pricing.SampleRateCard()
	card.Base[3].Fee = pricing.MustParseMoney(forty + " USD")
	_, err := card.Quote(pricing.Request{Platform: "instagram", Format: "post", Quantity: 2}, issued)
	assert.Equal(t, map[string]string{"request.quantity": pricing.CodeOutOfRange}, problemPaths(t, err))
	_, err = card.Quote(pricing.Request{Platform: "instagram", Format: "post", Rush: true}, issued)
	assert.Equal(t, map[string]string{"request": pricing.CodeOutOfRange}, problemPaths(t, err), "the total")
	card.Base[3].Fee = pricing.MustParseMoney("1" + strings.Repeat("0", 39) + " USD")
	_, err = card.Quote(pricing.Request{Platform: "instagram", Format: "post", Rush: true,
		Whitelisting: &pricing.WhitelistingRequest{Months: 1}}, issued)
	require.NoError(t, err)
	card.Base[3].Fee = pricing.MustParseMoney("9" + strings.Repeat("0", 39) + " USD")
	_, err = card.Quote(pricing.Request{Platform: "instagram", Format: "post", Usage: &pricing.UsageRequest{Paid: true,
		Channels: []string{"instagram"}, Duration: pricing.Perpetual()}}, issued)
	assert.Equal(t, map[string]string{"request.usage": pricing.CodeOutOfRange}, problemPaths(t, err))
}

// The zero Money is invalid and omitzero drops only it: a price of 0.00 USD
// is kept.
func TestMoneyZeroValueOmitzero(t *testing.T) {
	type doc struct {
		Fee      pricing.Money `json:"fee,omitzero"`
		Discount pricing.Money `json:"discount,omitzero"`
	}
	zero := pricing.MustParseMoney("0.00 USD")
	assert.True(t, zero.IsValid())
	assert.Equal(t, 0, zero.Sign())
	assert.False(t, pricing.Money{}.IsValid())
	b, err := json.Marshal(doc{Fee: zero})
	require.NoError(t, err)
	assert.Equal(t, `{"fee":"0.00 USD"}`, string(b))
	b, err = json.Marshal(doc{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
	z, err := pricing.Zero("JPY")
	require.NoError(t, err)
	b, err = json.Marshal(doc{Discount: z})
	require.NoError(t, err)
	assert.Equal(t, `{"discount":"0 JPY"}`, string(b))
}

func TestQuoteTypeText(t *testing.T) {
	for _, qt := range []pricing.QuoteType{pricing.QuoteNew, pricing.QuoteExtension, pricing.QuoteChangeOrder, ""} {
		b, err := qt.MarshalText()
		require.NoError(t, err)
		var back pricing.QuoteType
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, qt, back)
	}
	_, err := pricing.ParseQuoteType("Quote")
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = pricing.QuoteType("invoice").MarshalText()
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	var q pricing.Quote
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"type":"invoice"}`), &q), pricing.ErrInvalid)
	for _, k := range []pricing.LineKind{pricing.KindBase, pricing.KindNetZero} {
		got, err := pricing.ParseLineKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	_, err = pricing.ParseLineKind("discount")
	assert.ErrorIs(t, err, pricing.ErrInvalid)
}
