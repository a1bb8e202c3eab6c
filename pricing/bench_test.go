package pricing_test

import (
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
