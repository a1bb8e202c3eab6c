package main

import (
	"fmt"
	"io"
	"time"

	"github.com/creatorops/creatorops/pricing"
)

// pricingSection prices the campaign's deliverable: a 2500.00 USD short
// video with 3 months of paid usage at 30% of the base, on the sample rate
// card (example figures, not market data). Every line says how it was made,
// and the total is exactly the sum of the rounded lines.
func pricingSection(w io.Writer) error {
	card := pricing.SampleRateCard()
	issued := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	q, err := card.Quote(pricing.Request{
		Platform: "tiktok", Format: "short_video", Seconds: 45,
		Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok", "instagram"}, Duration: pricing.Months(3)},
	}, issued)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== Pricing: quote from rate card %s (example figures, not market data) ==\n", q.RateCardVersion)
	for _, l := range q.Lines {
		fmt.Fprintf(w, "  %-17s %12s  %s\n", l.Kind, l.Amount, l.Rule)
	}
	fmt.Fprintf(w, "  %-17s %12s\n", "base subtotal", q.BaseSubtotal)
	fmt.Fprintf(w, "  %-17s %12s\n", "add-ons subtotal", q.AddOnSubtotal)
	fmt.Fprintf(w, "  %-17s %12s  (%s, rounded %s per line, valid until %s)\n",
		"total", q.Total, q.PaymentTerms, q.Rounding, q.ValidUntil.Format("2006-01-02"))

	deposit, err := pricing.Allocate(q.Total, []int64{50, 50})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  deposit %s on signing, balance %s after the live check\n", deposit[0], deposit[1])
	return nil
}
