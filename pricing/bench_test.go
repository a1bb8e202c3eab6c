package pricing_test

import (
	"strconv"
	"testing"

	"github.com/creatorops/creatorops/pricing"
)

// BenchmarkQuoteSixLines prices a base fee plus usage, whitelisting,
// exclusivity, an extra revision and rush (the card is validated on every
// call).
func BenchmarkQuoteSixLines(b *testing.B) {
	card := pricing.SampleRateCard()
	req := sixLineRequest()
	req.Whitelisting.SpendCap = pricing.Money{}
	card.Whitelisting.SetupFee = pricing.MustParseMoney("0 USD") // no setup line: six lines
	b.ReportAllocs()
	for b.Loop() {
		q, err := card.Quote(req, issued)
		if err != nil || len(q.Lines) != 6 {
			b.Fatal(err, len(q.Lines))
		}
	}
}

func BenchmarkAllocate1000(b *testing.B) {
	total := pricing.MustParseMoney("1234567.89 USD")
	weights := make([]int64, 1000)
	for i := range weights {
		weights[i] = int64(i%7 + 1)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pricing.Allocate(total, weights); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pricing.ParseMoney("2500.00 USD"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMoneyString(b *testing.B) {
	m := pricing.MustParseMoney("2500.00 USD")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.String()
	}
}

// BenchmarkDeal prices deals of 2 and 10 items (a short video with paid
// usage and rush, then story frames with extra revisions, alternately) with
// whitelisting, exclusivity and Net 0 on the deal (the card is validated on
// every call).
func BenchmarkDeal(b *testing.B) {
	card := pricing.SampleRateCard()
	for _, n := range []int{2, 10} {
		req := pricing.DealRequest{
			Whitelisting: &pricing.WhitelistingRequest{Months: 2, Regions: []string{"US"}},
			Exclusivity:  &pricing.ExclusivityRequest{Scope: "category", Months: 3},
			NetZero:      true,
		}
		for i := range n {
			r := pricing.Request{Platform: "instagram", Format: "story", Quantity: 3, Revisions: 2}
			if i%2 == 0 {
				r = pricing.Request{Platform: "tiktok", Format: "short_video", Seconds: 30, Rush: true,
					Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok"}, Duration: pricing.Months(3)}}
			}
			req.Items = append(req.Items, pricing.DealItem{Name: "item-" + strconv.Itoa(i), Request: r})
		}
		b.Run("items="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q, err := card.Deal(req, issued)
				if err != nil || len(q.Items) != n || len(q.Lines) != 4 {
					b.Fatal(err, len(q.Items), len(q.Lines))
				}
			}
		})
	}
}
