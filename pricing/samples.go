package pricing

// SampleRateCard returns sample data: a rate card to start from, in USD.
// Its figures are round numbers chosen to make quotes easy to read and check
// by hand; they are not market data and not advice. The card is flagged
// Example, and so is every quote made from it. Edit a copy: each call
// returns a new card.
//
//   - Base: TikTok or Instagram short video (15–60 s) 2500.00, 1 revision
//     round included; a set of 3 Instagram story frames 900.00; an Instagram
//     feed post 1200.00; a YouTube integration (60–600 s) 4000.00.
//   - Usage rights on tiktok, instagram, facebook: organic 3, 6, 12 months at
//     10%, 15%, 25% of the base; paid 3, 6, 12 months at 30%, 50%, 80%;
//     paid perpetual at 150%.
//   - Whitelisting: 500.00 a month plus 250.00 setup, up to 12 months.
//   - Exclusivity: 400.00 a month for one product category, 1000.00 for a
//     whole industry.
//   - Rush: 25% of the base. Net 0 payment: 3% of the subtotal, instead of
//     Net 30. Extra revision round: 300.00.
//   - Quotes valid 30 days, rounded half-up.
//
// A [Request] against this card must use its keys exactly (they are
// case-sensitive):
//
//   - Platform and Format: "tiktok" "short_video", "instagram" "short_video",
//     "instagram" "story", "instagram" "post", "youtube" "integration".
//   - Usage channels: any of "tiktok", "instagram", "facebook"; durations
//     "3 months", "6 months" or "12 months" (not "90 days"), or "perpetual"
//     for paid use.
//   - Exclusivity scope: "category" or "industry".
func SampleRateCard() RateCard {
	usd := func(s string) Money { return MustParseMoney(s + " USD") }
	pct := func(s string) *Percent { p := MustParsePercent(s); return &p }
	social := []string{"tiktok", "instagram", "facebook"}
	tier := func(paid bool, d Duration, p string) UsageTier {
		return UsageTier{Paid: paid, Channels: social, Duration: d, Percent: pct(p)}
	}
	rev := usd("300.00")
	return RateCard{
		Version:   "example-2026-01",
		Currency:  "USD",
		Example:   true,
		Rounding:  HalfUp,
		ValidDays: 30,
		NetDays:   30,
		Base: []BaseRate{
			{Code: "tiktok-short-video", Platform: "tiktok", Format: "short_video", MinSeconds: 15, MaxSeconds: 60, Fee: usd("2500.00"), IncludedRevisions: 1},
			{Code: "instagram-reel", Platform: "instagram", Format: "short_video", MinSeconds: 15, MaxSeconds: 60, Fee: usd("2500.00"), IncludedRevisions: 1},
			{Code: "instagram-story-set", Platform: "instagram", Format: "story", Count: 3, Fee: usd("900.00"), IncludedRevisions: 1},
			{Code: "instagram-post", Platform: "instagram", Format: "post", Fee: usd("1200.00"), IncludedRevisions: 1},
			{Code: "youtube-integration", Platform: "youtube", Format: "integration", MinSeconds: 60, MaxSeconds: 600, Fee: usd("4000.00"), IncludedRevisions: 2},
		},
		Usage: []UsageTier{
			tier(false, Months(3), "10"), tier(false, Months(6), "15"), tier(false, Months(12), "25"),
			tier(true, Months(3), "30"), tier(true, Months(6), "50"), tier(true, Months(12), "80"),
			tier(true, Perpetual(), "150"),
		},
		Whitelisting: &WhitelistingRate{MonthlyFee: usd("500.00"), SetupFee: usd("250.00"), MaxMonths: 12},
		Exclusivity: []ExclusivityRate{
			{Scope: "category", MonthlyFee: usd("400.00")},
			{Scope: "industry", MonthlyFee: usd("1000.00")},
		},
		Rush:          &Charge{Percent: pct("25")},
		NetZero:       &Charge{Percent: pct("3")},
		ExtraRevision: &rev,
	}
}
