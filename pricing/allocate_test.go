package pricing_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

func TestAllocate(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []int64
		want    []string
	}{
		{"deposit and balance", "3250.00 USD", []int64{50, 50}, []string{"1625.00 USD", "1625.00 USD"}},
		{"thirds, tie to earlier", "100.00 USD", []int64{1, 1, 1}, []string{"33.34 USD", "33.33 USD", "33.33 USD"}},
		{"largest remainder wins", "1.00 USD", []int64{1, 2}, []string{"0.33 USD", "0.67 USD"}},
		{"zero weight gets nothing", "0.05 USD", []int64{1, 0, 1}, []string{"0.03 USD", "0.00 USD", "0.02 USD"}},
		{"yen", "1000 JPY", []int64{1, 1, 1}, []string{"334 JPY", "333 JPY", "333 JPY"}},
		{"dinar", "1.000 KWD", []int64{1, 1, 1}, []string{"0.334 KWD", "0.333 KWD", "0.333 KWD"}},
		{"negative total", "-100.00 USD", []int64{1, 1, 1}, []string{"-33.34 USD", "-33.33 USD", "-33.33 USD"}},
		{"30/70", "3250.00 USD", []int64{30, 70}, []string{"975.00 USD", "2275.00 USD"}},
		{"single", "12.34 EUR", []int64{7}, []string{"12.34 EUR"}},
		{"zero total", "0.00 USD", []int64{1, 2}, []string{"0.00 USD", "0.00 USD"}},
		{"huge total (big path)", "123456789012345678901234567890.00 USD", []int64{1, 1, 1},
			[]string{"41152263004115226300411522630.00 USD", "41152263004115226300411522630.00 USD", "41152263004115226300411522630.00 USD"}},
		{"huge total, remainder (big path)", "100000000000000000000000.01 USD", []int64{1, 1},
			[]string{"50000000000000000000000.01 USD", "50000000000000000000000.00 USD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, err := pricing.Allocate(pricing.MustParseMoney(tt.total), tt.weights)
			require.NoError(t, err)
			got := make([]string, len(parts))
			for i, p := range parts {
				got[i] = p.String()
			}
			assert.Equal(t, tt.want, got, "Allocate(%s, %v)", tt.total, tt.weights)
		})
	}
}

func TestAllocateErrors(t *testing.T) {
	tests := []struct {
		name    string
		total   pricing.Money
		weights []int64
	}{
		{"zero Money", pricing.Money{}, []int64{1}},
		{"no weights", pricing.MustParseMoney("1 USD"), nil},
		{"negative weight", pricing.MustParseMoney("1 USD"), []int64{1, -1}},
		{"all zero", pricing.MustParseMoney("1 USD"), []int64{0, 0}},
		{"sub-cent total", pricing.MustParseMoney("10.005 USD"), []int64{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.Allocate(tt.total, tt.weights)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			var fe *pricing.FieldError
			require.ErrorAs(t, err, &fe)
		})
	}
}

// TestAllocateProperties: the parts sum exactly to the total, and each part
// is within one minor unit of its exact share.
func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, cur := range []string{"USD", "JPY", "KWD", "CLF"} {
		minor, _ := pricing.MinorUnits(cur)
		unit := decimal.New(1, -minor)
		for range 300 {
			n := 1 + rng.IntN(20)
			weights := make([]int64, n)
			var sum int64
			for i := range weights {
				if rng.IntN(5) > 0 {
					weights[i] = rng.Int64N(1_000_000)
				}
				sum += weights[i]
			}
			if sum == 0 {
				weights[0], sum = 1, 1
			}
			units := rng.Int64N(1_000_000_000_000) - 500_000_000_000
			total, err := pricing.NewMoney(decimal.New(units, -minor), cur)
			require.NoError(t, err)
			if rng.IntN(10) == 0 { // beyond 64 bits: the big.Int path
				total, err = total.Mul(decimal.New(1, 21))
				require.NoError(t, err)
			}
			parts, err := pricing.Allocate(total, weights)
			require.NoError(t, err)
			acc := decimal.Zero
			for i, p := range parts {
				acc = acc.Add(p.Amount())
				exact := total.Amount().Mul(decimal.NewFromInt(weights[i])).DivRound(decimal.NewFromInt(sum), 40)
				if p.Amount().Sub(exact).Abs().GreaterThanOrEqual(unit) {
					t.Fatalf("Allocate(%v, %v)[%d] = %v, exact share %v: off by a unit or more", total, weights, i, p, exact)
				}
				if weights[i] == 0 && p.Sign() != 0 {
					t.Fatalf("Allocate(%v, %v)[%d] = %v for weight 0", total, weights, i, p)
				}
				if p.Currency() != cur {
					t.Fatalf("currency %q", p.Currency())
				}
			}
			if !acc.Equal(total.Amount()) {
				t.Fatalf("Allocate(%v, %v) sums to %v", total, weights, acc)
			}
		}
	}
}
