package pricing_test

import (
	"encoding/json"
	"testing"

	"github.com/creatorops/creatorops/pricing"
)

var moneySeeds = []string{
	"2500.00 USD", "1500 JPY", "1.500 KWD", "0.5 CLF", "-12.345 EUR", "0.0217 USD",
	"2,500.00 USD", "1e999999999 USD", "NaN USD", "Inf USD", "+1 USD", ".5 USD", "5. USD",
	"10 usd", "1 XAU", "", " ", "1  USD", "9999999999999999999999999999999999999999.99 USD",
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
		back, err := pricing.ParseMoney(m.String())
		if err != nil {
			t.Fatalf("ParseMoney(%q) = %v, but ParseMoney(%q) fails: %v", s, m, m.String(), err)
		}
		if !back.Equal(m) {
			t.Fatalf("ParseMoney(String(%v)) = %v", m, back)
		}
		if m.Round(pricing.HalfUp).String() != m.Round(pricing.HalfUp).Round(pricing.HalfEven).String() {
			t.Fatalf("rounding twice changed %v", m)
		}
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
		if err != nil {
			t.Fatal(err)
		}
		var back pricing.Money
		if err := back.UnmarshalText(out); err != nil || !back.Equal(m) {
			t.Fatalf("UnmarshalText(MarshalText(%v)) = %v, %v", m, back, err)
		}
	})
}

func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{`"2500.00 USD"`, `{"amount":"1.5","currency":"KWD"}`, `2500`, `null`, `""`,
		`{"amount":"1","currency":"USD","x":1}`, `{"amount":1,"currency":"USD"}`, `"1e999999999 USD"`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m pricing.Money
		if err := json.Unmarshal(b, &m); err != nil {
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back pricing.Money
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(m) {
			t.Fatalf("JSON round trip of %v: %s → %v, %v", m, out, back, err)
		}
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
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := pricing.DecodeRateCard(b)
		if err != nil {
			return
		}
		// A valid card quotes its first base rate without panicking, and
		// the quote is consistent.
		br := c.Base[0]
		q, err := c.Quote(pricing.Request{Platform: br.Platform, Format: br.Format, Seconds: br.MinSeconds}, issued)
		if err != nil {
			t.Fatalf("valid card cannot quote its own base rate: %v", err)
		}
		if err := q.Check(); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pricing.DecodeRateCard(out); err != nil {
			t.Fatalf("re-decoding a valid card: %v\n%s", err, out)
		}
	})
}
