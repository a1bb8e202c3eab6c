package pricing

// Exact division with explicit rounding, for pro-rata prices.

import (
	"math/big"

	"github.com/shopspring/decimal"
)

func pow10(n int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// roundRatio rounds num/den (den > 0) to an integer with mode, exactly.
func roundRatio(num, den *big.Int, mode RoundingMode) decimal.Decimal {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int)) // truncated toward zero, r has num's sign
	if r.Sign() != 0 {
		neg := num.Sign() < 0
		twice := new(big.Int).Abs(r)
		twice.Lsh(twice, 1)
		half := twice.Cmp(den) // <0 below half, 0 exactly half, >0 above
		away := false
		switch mode {
		case HalfUp:
			away = half >= 0
		case HalfEven:
			away = half > 0 || half == 0 && q.Bit(0) == 1
		case Down:
		case Up:
			away = true
		case Floor:
			away = neg
		case Ceil:
			away = !neg
		default:
			panic("pricing: invalid " + mode.String())
		}
		if away {
			if neg {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return decimal.NewFromBigInt(q, 0)
}

// divRound returns num / den rounded to places digits with mode, exactly
// (no intermediate rounding). den > 0.
func divRound(num decimal.Decimal, den int64, places int32, mode RoundingMode) decimal.Decimal {
	if den == 1 {
		return mode.round(num, places)
	}
	scaled := num.Shift(places) // num × 10^places
	coef := scaled.Coefficient()
	exp := scaled.Exponent()
	d := decimal.NewFromInt(den)
	if exp > 0 {
		coef.Mul(coef, pow10(int64(exp)))
		exp = 0
	}
	// value = coef × 10^exp / den
	denom := d.Coefficient()
	if exp < 0 {
		denom.Mul(denom, pow10(int64(-exp)))
	}
	return roundRatio(coef, denom, mode).Shift(-places)
}
