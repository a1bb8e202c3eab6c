package pricing_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

var moneySeeds = []string{
	"2500.00 USD", "1500 JPY", "1.500 KWD", "0.5 CLF", "-12.345 EUR", "0.0217 USD",
	"2,500.00 USD", "1e999999999 USD", "NaN USD", "Inf USD", "+1 USD", ".5 USD", "5. USD",
	"10 usd", "1 XAU", "", " ", "1  USD", "9999999999999999999999999999999999999999.99 USD",
	"10000000000000000000000000000000000000000 USD", "0.0000000000000000000000000000000000000000000000000000000000000001 USD",
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := pricing.ParseMoney(s)
		if err != nil {
			return
		}
		readsBack(t, m)
		// Rounding to the currency's digits moves the amount by less than
		// one minor unit, between Floor and Ceil, and the result reads back.
		minor, _ := pricing.MinorUnits(m.Currency())
		unit := decimal.New(1, -minor)
		for mode := pricing.HalfUp; mode <= pricing.Ceil; mode++ {
			r := m.Round(mode)
			readsBack(t, r)
			d := r.Amount().Sub(m.Amount()).Abs()
			require.True(t, d.LessThan(unit), "Round(%v, %v) = %v: moved by %v", m, mode, r, d)
			require.True(t, r.Amount().Equal(r.Amount().Round(minor)), "Round(%v, %v) = %v: not rounded to %d digits", m, mode, r, minor)
		}
		lo, hi := m.Round(pricing.Floor), m.Round(pricing.Ceil)
		require.False(t, lo.Amount().GreaterThan(m.Amount()) || hi.Amount().LessThan(m.Amount()), "Floor %v, Ceil %v around %v", lo, hi, m)
	})
}

func FuzzMoneyText(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m pricing.Money
		if err := m.UnmarshalText(b); err != nil {
			return
		}
		out, err := m.MarshalText()
		require.NoError(t, err)
		var back pricing.Money
		require.NoError(t, back.UnmarshalText(out))
		require.True(t, back.Equal(m), "UnmarshalText(MarshalText(%v)) = %v", m, back)
	})
}

func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{`"2500.00 USD"`, `{"amount":"1.5","currency":"KWD"}`, `2500`, `null`, `""`,
		`{"amount":"1","currency":"USD","x":1}`, `{"amount":1,"currency":"USD"}`, `"1e999999999 USD"`, `[]`,
		`{"Amount":"1","currency":"USD"}`, `{"amount":"1","amount":"2","currency":"USD"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m pricing.Money
		if err := json.Unmarshal(b, &m); err != nil {
			return
		}
		readsBack(t, m)
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, tt := range percentTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := pricing.ParsePercent(s)
		if err != nil {
			return
		}
		back, err := pricing.ParsePercent(p.String())
		require.NoError(t, err, "ParsePercent(%q)", p.String())
		require.True(t, back.Equal(p), "ParsePercent(%q) = %v, want %v", p.String(), back, p)
		// A percentage of an amount rounded to its currency's digits is
		// within the range of Money (or an error beyond 40 integer digits).
		m, err := pricing.MustParseMoney("1234.57 USD").MulPercent(p)
		if err == nil {
			readsBack(t, m)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, tt := range durationTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := pricing.ParseDuration(s)
		if err != nil {
			return
		}
		require.False(t, d.IsZero(), "ParseDuration(%q) is the zero Duration", s)
		back, err := pricing.ParseDuration(d.String())
		require.NoError(t, err, "ParseDuration(%q)", d.String())
		require.Equal(t, d, back, "ParseDuration(%q)", d.String())
	})
}

func FuzzParseRoundingMode(f *testing.F) {
	for _, tt := range roundingModeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := pricing.ParseRoundingMode(s)
		if err != nil {
			return
		}
		require.Equal(t, s, m.String())
		back, err := pricing.ParseRoundingMode(m.String())
		require.NoError(t, err)
		require.Equal(t, m, back)
	})
}

// FuzzArithmetic checks the invariant of Money on arithmetic results, not
// only on parsed text: every Money that Add, Sub, Mul, MulInt, MulPercent,
// RoundTo and Allocate return without an error reads back Equal from its
// String and its JSON.
func FuzzArithmetic(f *testing.F) {
	for _, s := range moneySeeds {
		f.Add(s, "0.005 USD", "1.5", "30%", int64(3), int8(2), uint8(0), int64(1), int64(2))
	}
	f.Add("9999999999999999999999999999999999999999.99 USD", "0.01 USD", "10", "500%", int64(1<<62), int8(-40), uint8(3), int64(1), int64(0))
	f.Add("1234.57 USD", "-1234.57 USD", "0.0000000000000000000000000000000000000000000000000000000000000001", "33.33333333333333333333%", int64(-7), int8(64), uint8(5), int64(7), int64(9))
	f.Fuzz(func(t *testing.T, as, bs, fs, ps string, n int64, places int8, mode uint8, w1, w2 int64) {
		a, err := pricing.ParseMoney(as)
		if err != nil {
			return
		}
		check := func(m pricing.Money, err error) {
			if err == nil {
				readsBack(t, m)
			}
		}
		if b, err := pricing.ParseMoney(bs); err == nil {
			check(a.Add(b))
			check(a.Sub(b))
		}
		if len(fs) <= 200 {
			if d, err := decimal.NewFromString(fs); err == nil {
				check(a.Mul(d))
			}
		}
		check(a.MulInt(n))
		if p, err := pricing.ParsePercent(ps); err == nil {
			check(a.MulPercent(p))
		}
		rm := pricing.RoundingMode(mode % 6)
		if places >= -pricing.MaxIntegerDigits && places <= pricing.MaxFractionDigits {
			readsBack(t, a.RoundTo(int32(places), rm))
		}
		readsBack(t, a.Round(rm))
		readsBack(t, a.Neg())
		readsBack(t, a.Abs())
		parts, err := pricing.Allocate(a.Round(rm), []int64{w1, w2})
		if err == nil {
			for _, p := range parts {
				readsBack(t, p)
			}
		}
	})
}

// FuzzQuoteLines checks the invariant on quotes: every Money of a quote
// reads back, and the quote's JSON reads back to an Equal quote.
func FuzzQuoteLines(f *testing.F) {
	f.Add("1234.57 USD", "33.33333333333333333333%", int64(1), int64(3), int64(2), 3)
	f.Add("2500.00 USD", "30%", int64(4), int64(1), int64(0), 12)
	f.Add("1500 JPY", "12.5%", int64(7), int64(3), int64(5), 1)
	f.Add("9999999999999999999999999999999999999999 KWD", "500%", int64(1000000), int64(7), int64(3), 1200)
	f.Fuzz(func(t *testing.T, fee, pct string, qty, count, revisions int64, months int) {
		m, err := pricing.ParseMoney(fee)
		if err != nil || m.IsNegative() {
			return
		}
		p, err := pricing.ParsePercent(pct)
		if err != nil || p.Decimal().IsNegative() || p.Decimal().GreaterThan(decimal.NewFromInt(pricing.MaxPercent)) {
			return
		}
		card := pricing.RateCard{
			Version: "fuzz", Currency: m.Currency(), ValidDays: 30,
			Base:          []pricing.BaseRate{{Code: "b", Platform: "p", Format: "f", Count: count, Fee: m}},
			Usage:         []pricing.UsageTier{{Paid: true, Channels: []string{"c"}, Duration: pricing.Months(3), Percent: &p}},
			Whitelisting:  &pricing.WhitelistingRate{MonthlyFee: m, SetupFee: m},
			Exclusivity:   []pricing.ExclusivityRate{{Scope: "s", MonthlyFee: m}},
			Rush:          &pricing.Charge{Percent: &p},
			NetZero:       &pricing.Charge{Percent: &p},
			ExtraRevision: &m,
		}
		if card.Validate() != nil {
			return
		}
		req := pricing.Request{Platform: "p", Format: "f", Quantity: qty, Revisions: revisions, Rush: true, NetZero: true,
			Usage:        &pricing.UsageRequest{Paid: true, Channels: []string{"c"}, Duration: pricing.Months(3)},
			Whitelisting: &pricing.WhitelistingRequest{Months: months},
			Exclusivity:  &pricing.ExclusivityRequest{Scope: "s", Months: months},
		}
		q, err := card.Quote(req, issued)
		if err != nil {
			require.ErrorIs(t, err, pricing.ErrInvalid)
			return
		}
		require.NoError(t, q.Check())
		for _, l := range q.Lines {
			readsBack(t, l.Unit)
			readsBack(t, l.Amount)
		}
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var back pricing.Quote
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		require.True(t, back.Equal(q), "quote JSON does not read back:\n%s", b)
	})
}

func FuzzDecodeRateCard(f *testing.F) {
	card := pricing.SampleRateCard()
	good, _ := json.Marshal(card)
	f.Add(good)
	f.Add([]byte(`{"version":"v","currency":"USD","valid_days":1,"base":[{"code":"a","platform":"p","format":"f","fee":"1e999999999 USD"}]}`))
	f.Add([]byte(`{"version":"v","currency":"JPY","valid_days":1,"base":[{"code":"a","platform":"p","format":"f","fee":"1500 JPY","count":3}],"usage":[{"paid":true,"channels":["x"],"duration":"3 months","percent":"33.3%"}],"net_zero":{"fixed":"1 JPY"}}`))
	f.Add([]byte(`{"usage":[{"duration":"0 days"}],"x":[1,2,{"y":null}]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"version":"v","currency":"USD","valid_days":30,"base":[{"code":"a","platform":"p","format":"f","fee":"-5.00 USD"}],"usage":[{"paid":true,"channels":["x"],"duration":"3 months","percent":""}],"rush":"x","colour":"red"}`))
	f.Add([]byte(`{"Version":"v","version":"v","version":"w","base":[{"fee":{"Amount":"1","currency":"USD"}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := pricing.DecodeRateCard(b)
		if err != nil {
			var ve *pricing.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Problems)
			require.ErrorIs(t, err, pricing.ErrInvalid)
			return
		}
		// A valid card quotes its first base rate, or reports an amount
		// beyond the range of Money; the quote is consistent.
		br := c.Base[0]
		q, err := c.Quote(pricing.Request{Platform: br.Platform, Format: br.Format, Seconds: br.MinSeconds}, issued)
		if err != nil {
			require.Equal(t, map[string]string{"request.quantity": pricing.CodeOutOfRange}, problemPaths(t, err))
			return
		}
		require.NoError(t, q.Check())
		out, err := json.Marshal(c)
		require.NoError(t, err)
		_, err = pricing.DecodeRateCard(out)
		require.NoError(t, err, "re-decoding a valid card:\n%s", out)
	})
}

// FuzzDecodeDealRequest checks that DecodeDealRequest never panics, that
// every error is a *ValidationError with problems, and that a deal it
// accepts either prices on the sample card to a consistent quote whose
// JSON reads back Equal, or is refused with ErrInvalid; the request's own
// JSON decodes again and prices the same.
func FuzzDecodeDealRequest(f *testing.F) {
	good, _ := json.Marshal(pricing.DealRequest{
		Items: []pricing.DealItem{
			{Name: "tiktok-video", Request: sixLineRequest()},
			{Name: "stories", Request: pricing.Request{Platform: "instagram", Format: "story", Quantity: 3, Revisions: 4}},
		},
		Whitelisting: &pricing.WhitelistingRequest{Months: 2, SpendCap: pricing.MustParseMoney("5000 USD")},
		NetZero:      true,
	})
	f.Add(good)
	if b, err := os.ReadFile("testdata/deal_request.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"items":[{"name":"v","platform":"tiktok","format":"short_video","seconds":30}]}`))
	f.Add([]byte(`{"items":[{"name":"v","platform":"tiktok","format":"short_video","seconds":30,"net_zero":true},{"name":"v"}],"exclusivity":{"scope":"x","months":0}}`))
	f.Add([]byte(`{"items":[{"name":"a/b\u0000","quantity":-1,"Quantity":2,"usage":{"duration":"3 fortnights"}}],"items":null}`))
	f.Add([]byte(`{"items":[]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"items":[{"name":"é","platform":"instagram","format":"story","quantity":1000000}],"whitelisting":{"months":12,"spend_cap":"1e3 USD"}}`))
	card := pricing.SampleRateCard()
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := pricing.DecodeDealRequest(b)
		if err != nil {
			var ve *pricing.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Problems)
			require.ErrorIs(t, err, pricing.ErrInvalid)
			return
		}
		require.NotEmpty(t, req.Items)
		require.LessOrEqual(t, len(req.Items), pricing.MaxDealItems)
		q, err := card.Deal(req, issued)
		if err != nil {
			var ve *pricing.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Problems)
			return
		}
		require.NoError(t, q.Check())
		out, err := json.Marshal(q)
		require.NoError(t, err)
		var back pricing.DealQuote
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, back.Equal(q), "deal quote JSON does not read back:\n%s", out)
		again, err := json.Marshal(req)
		require.NoError(t, err)
		req2, err := pricing.DecodeDealRequest(again)
		require.NoError(t, err, "re-decoding an accepted deal:\n%s", again)
		q2, err := card.Deal(req2, issued)
		require.NoError(t, err)
		require.True(t, q2.Equal(q), "the re-decoded deal prices differently:\n%s", again)
	})
}
