package pricing_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// TestQuoteTotalIsSumOfLines: for random cards and requests, the total is
// exactly the sum of the rounded lines, each line is rounded to the
// currency's digits, and each line rounds its exact value once.
func TestQuoteTotalIsSumOfLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, cur := range []string{"USD", "JPY", "KWD"} {
		minor, _ := pricing.MinorUnits(cur)
		money := func() pricing.Money {
			m, err := pricing.NewMoney(decimal.New(rng.Int64N(10_000_000), -int32(rng.IntN(5))), cur)
			require.NoError(t, err)
			return m
		}
		pct := func() *pricing.Percent {
			p, _ := pricing.NewPercent(decimal.New(rng.Int64N(50_000), -int32(rng.IntN(4))))
			if p.Decimal().GreaterThan(decimal.NewFromInt(500)) {
				p = pricing.PercentOf(rng.Int64N(500))
			}
			return &p
		}
		for range 200 {
			rev := money()
			card := pricing.RateCard{
				Version: "p", Currency: cur, ValidDays: 7, Rounding: pricing.RoundingMode(rng.IntN(6)),
				Base:          []pricing.BaseRate{{Code: "b", Platform: "p", Format: "f", Count: rng.Int64N(5), Fee: money()}},
				Usage:         []pricing.UsageTier{{Paid: true, Channels: []string{"c"}, Duration: pricing.Months(3), Percent: pct()}},
				Whitelisting:  &pricing.WhitelistingRate{MonthlyFee: money(), SetupFee: money()},
				Exclusivity:   []pricing.ExclusivityRate{{Scope: "s", MonthlyFee: money()}},
				Rush:          &pricing.Charge{Percent: pct()},
				NetZero:       &pricing.Charge{Percent: pct()},
				ExtraRevision: &rev,
			}
			req := pricing.Request{
				Platform: "p", Format: "f", Quantity: 1 + rng.Int64N(7), Revisions: rng.Int64N(4),
				Usage:        &pricing.UsageRequest{Paid: true, Channels: []string{"c"}, Duration: pricing.Months(3)},
				Whitelisting: &pricing.WhitelistingRequest{Months: 1 + rng.IntN(12)},
				Exclusivity:  &pricing.ExclusivityRequest{Scope: "s", Months: 1 + rng.IntN(12)},
				Rush:         rng.IntN(2) == 0, NetZero: rng.IntN(2) == 0,
			}
			q, err := card.Quote(req, issued)
			require.NoError(t, err)
			sum := decimal.Zero
			for _, l := range q.Lines {
				if !l.Amount.Amount().Equal(l.Amount.Amount().Round(minor)) {
					t.Fatalf("line %q amount %v not rounded to %d digits", l.Code, l.Amount, minor)
				}
				sum = sum.Add(l.Amount.Amount())
			}
			if !sum.Equal(q.Total.Amount()) {
				t.Fatalf("total %v, sum of lines %v", q.Total, sum)
			}
			require.NoError(t, q.Check())
			// Percentage lines: exact value rounded once with the card's mode.
			for _, l := range q.Lines {
				if l.Kind == pricing.KindUsage || l.Kind == pricing.KindRush {
					if want := l.Unit.Round(card.Rounding); !want.Equal(l.Amount) {
						t.Fatalf("%s: %v rounds to %v, line has %v", l.Kind, l.Unit, want, l.Amount)
					}
				}
			}
		}
	}
}

// TestMoneyRoundTrip: parse(format(m)) = m for random amounts in random
// currencies.
func TestMoneyRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	codes := pricing.Currencies()
	for range 2000 {
		cur := codes[rng.IntN(len(codes))]
		d := decimal.New(rng.Int64()-rng.Int64(), -int32(rng.IntN(30)))
		m, err := pricing.NewMoney(d, cur)
		require.NoError(t, err)
		back, err := pricing.ParseMoney(m.String())
		require.NoError(t, err)
		if !back.Equal(m) {
			t.Fatalf("ParseMoney(%q) = %v, want %v", m.String(), back, m)
		}
		b, _ := m.MarshalJSON()
		var j pricing.Money
		require.NoError(t, j.UnmarshalJSON(b))
		assert.True(t, j.Equal(m))
	}
}
