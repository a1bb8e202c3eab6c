package pricing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/creatorops/creatorops/pricing"
)

// The worked example: a 2500.00 USD short video with 3 months of paid usage
// at 30% of the base.
func Example() {
	card := pricing.SampleRateCard() // example figures, not market data
	q, err := card.Quote(pricing.Request{
		Platform: "tiktok", Format: "short_video", Seconds: 45,
		Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok", "instagram"}, Duration: pricing.Months(3)},
	}, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range q.Lines {
		fmt.Printf("%-12s %s\n", l.Amount, l.Rule)
	}
	fmt.Println("total", q.Total, "|", q.PaymentTerms, "| valid until", q.ValidUntil.Format("2006-01-02"))
	// Output:
	// 2500.00 USD  tiktok short_video (15–60 s): 1 × 2500.00 USD = 2500.00 USD
	// 750.00 USD   usage rights, paid, 3 months (tiktok, instagram): 30% of base 2500.00 USD = 750.00 USD
	// total 3250.00 USD | Net 30 | valid until 2026-04-01
}

func ExampleParseMoney() {
	for _, s := range []string{"2500.00 USD", "1500 JPY", "1.5 KWD", "0.02170 USD", "2,500.00 USD", "1e9 USD", "10 ABC"} {
		m, err := pricing.ParseMoney(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(m)
	}
	// Output:
	// 2500.00 USD
	// 1500 JPY
	// 1.500 KWD
	// 0.0217 USD
	// pricing: parse money "2,500.00 USD": thousands separators are not accepted
	// pricing: parse money "1e9 USD": exponents are not accepted
	// pricing: parse money "10 ABC": not an active ISO 4217 currency
}

func ExampleMoney_Add() {
	fee := pricing.MustParseMoney("2500.00 USD")
	_, err := fee.Add(pricing.MustParseMoney("100.00 EUR"))
	fmt.Println(err)
	sum, _ := fee.Add(pricing.MustParseMoney("0.005 USD"))
	fmt.Println(sum, sum.Round(pricing.HalfUp), sum.Round(pricing.HalfEven))
	// Output:
	// pricing: add: currency differs: "2500.00 USD" and "100.00 EUR"
	// 2500.005 USD 2500.01 USD 2500.00 USD
}

func ExampleAllocate() {
	// A 50% deposit and the balance, then 100.00 split three ways.
	parts, _ := pricing.Allocate(pricing.MustParseMoney("3250.00 USD"), []int64{50, 50})
	fmt.Println(parts)
	parts, _ = pricing.Allocate(pricing.MustParseMoney("100.00 USD"), []int64{1, 1, 1})
	fmt.Println(parts)
	// Output:
	// [1625.00 USD 1625.00 USD]
	// [33.34 USD 33.33 USD 33.33 USD]
}

func ExampleRateCard_Extension() {
	card := pricing.SampleRateCard()
	req := pricing.Request{
		Platform: "tiktok", Format: "short_video", Seconds: 45,
		Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok"}, Duration: pricing.Months(3)},
	}
	ext, err := card.Extension(req, pricing.Months(6), time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ext.Lines[0].Rule)
	fmt.Println("total", ext.Total)
	// Output:
	// usage rights extension, paid, 3 months → 6 months: usage rights, paid, 6 months (tiktok): 50% of base 2500.00 USD = 1250.00 USD, less 750.00 USD already quoted = 500.00 USD
	// total 500.00 USD
}

func ExampleRateCard_ChangeOrder() {
	card := pricing.SampleRateCard()
	req := pricing.Request{Platform: "instagram", Format: "story", Quantity: 3, Revisions: 1}
	co, err := card.ChangeOrder(req, pricing.Change{
		Reason:         "brand asked for a fourth story frame and another round of edits",
		AddQuantity:    1,
		ExtraRevisions: 1,
	}, time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(co.Type, "|", co.Reason)
	for _, l := range co.Lines {
		fmt.Printf("%-9s %-19s %d × %s = %s\n", l.Kind, l.Code, l.Quantity, l.Unit, l.Amount)
	}
	fmt.Println("total", co.Total)
	// Output:
	// change_order | brand asked for a fourth story frame and another round of edits
	// base      instagram-story-set 1 × 300.00 USD = 300.00 USD
	// revisions revisions           1 × 300.00 USD = 300.00 USD
	// total 600.00 USD
}

// A rate card with a key in the wrong case, a key given twice and an unknown
// field: DecodeRateCard reports every problem at once, each with its JSON
// path and a stable code, decoding problems first, then what validation
// finds in the rest (here a fee in the wrong currency).
func ExampleDecodeRateCard_errors() {
	_, err := pricing.DecodeRateCard([]byte(`{
		"version": "2026-03",
		"Currency": "USD",
		"currency": "USD",
		"valid_days": 30,
		"valid_days": 14,
		"base": [{"code": "post", "platform": "instagram", "format": "post", "fee": "1200.00 EUR"}],
		"discount": "10%"
	}`))
	var ve *pricing.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%-12s %-17s %s\n", p.Path, p.Code, p.Message)
		}
	}
	fmt.Println(errors.Is(err, pricing.ErrInvalid), errors.Is(err, pricing.ErrCurrencyMismatch))
	// Output:
	// Currency     unknown_field     unknown field "Currency" (did you mean "currency"? keys match exactly)
	// valid_days   duplicate_key     key "valid_days" given more than once
	// discount     unknown_field     unknown field "discount"
	// base[0].fee  currency_mismatch "1200.00 EUR" is not in the card's currency USD
	// true true
}

func ExampleDecodeRateCard() {
	card, err := pricing.DecodeRateCard([]byte(`{
		"version": "2026-03", "currency": "USD", "valid_days": 30, "net_days": 30,
		"base": [{"code": "post", "platform": "instagram", "format": "post", "fee": "1200.00 USD", "included_revisions": 1}],
		"usage": [{"paid": false, "channels": ["instagram"], "duration": "3 Months", "percent": "10%"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := card.Quote(pricing.Request{Platform: "instagram", Format: "post",
		Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Months(3)}},
		time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(card.Usage[0].Duration, "|", q.Total)
	// Output:
	// 3 months | 1320.00 USD
}

// "1 TikTok video 20–35 s + 3 story frames": paid usage on the video, Net 0
// payment on the whole deal. Each item is priced like a quote of its own,
// its line codes prefixed with its name; the Net 0 surcharge is a deal line,
// computed once on every other line; the total is the sum of every line.
func ExampleRateCard_Deal() {
	card := pricing.SampleRateCard()
	q, err := card.Deal(pricing.DealRequest{
		Items: []pricing.DealItem{
			{Name: "tiktok-video", Request: pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 30,
				Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok"}, Duration: pricing.Months(3)}}},
			{Name: "stories", Request: pricing.Request{Platform: "instagram", Format: "story", Quantity: 3}},
		},
		NetZero: true,
	}, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range q.Items {
		for _, l := range it.Lines {
			fmt.Printf("%-31s %11s  %s\n", l.Code, l.Amount, l.Rule)
		}
		fmt.Printf("%-31s %11s\n", it.Name+" subtotal", it.Subtotal)
	}
	for _, l := range q.Lines {
		fmt.Printf("%-31s %11s  %s\n", l.Code, l.Amount, l.Rule)
	}
	fmt.Printf("%-31s %11s  %s\n", "total", q.Total, q.PaymentTerms)
	// Output:
	// tiktok-video/tiktok-short-video 2500.00 USD  tiktok short_video (15–60 s): 1 × 2500.00 USD = 2500.00 USD
	// tiktok-video/usage               750.00 USD  usage rights, paid, 3 months (tiktok): 30% of base 2500.00 USD = 750.00 USD
	// tiktok-video subtotal           3250.00 USD
	// stories/instagram-story-set      900.00 USD  instagram story: 3 units at 900.00 USD per 3 = 900.00 USD
	// stories subtotal                 900.00 USD
	// net_zero                         124.50 USD  Net 0 payment (instead of Net 30): 3% of subtotal 4150.00 USD = 124.50 USD
	// total                           4274.50 USD  Net 0
}

// The timeline engine prices feedback rounds beyond the included ones with
// the same line a quote's revision rounds get.
func ExampleRateCard_ExtraRevisions() {
	card := pricing.SampleRateCard()
	l, err := card.ExtraRevisions(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Code, l.Amount, "|", l.Rule)
	card.ExtraRevision = nil
	_, err = card.ExtraRevisions(2)
	fmt.Println(err, errors.Is(err, pricing.ErrNoRule))
	// Output:
	// revisions 600.00 USD | extra revision rounds: 2 × 300.00 USD = 600.00 USD
	// pricing: extra revisions: rounds: the card prices no extra revision round true
}
