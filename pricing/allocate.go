package pricing

import (
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/creatorops/creatorops/internal/problem"
)

// MaxAllocateParts is the most parts [Allocate] splits a total into.
const MaxAllocateParts = 1 << 20

// Allocate splits total into len(weights) parts proportional to weights, for
// a deposit and a balance (weights 50, 50), or a campaign total attributed to
// deliverables or creators. The parts sum exactly to total, each is a whole
// number of the currency's minor units, and each is within one minor unit of
// its exact share total × wᵢ / Σw: every part first gets the floor of its
// share in minor units, then the units left over go one each to the parts
// with the largest remainders (largest remainder method), ties to the
// earlier part. A part of weight 0 is zero. A negative total is split like
// its absolute value, then negated.
//
// Every part is within the range of [Money]: its magnitude is at most the
// total's. Errors are *[FieldError] values wrapping [ErrInvalid]: a zero Money total, no weights or more than
// [MaxAllocateParts], a negative weight, weights that are all zero, and a
// total that is not a whole number of minor units (round it first: 10.005
// USD cannot be split into cents exactly).
func Allocate(total Money, weights []int64) ([]Money, error) {
	if total.currency == "" {
		return nil, problem.NewFieldError(pkg, "total", CodeRequired, "allocate: total is the zero Money")
	}
	if len(weights) == 0 || len(weights) > MaxAllocateParts {
		return nil, problem.NewFieldError(pkg, "weights", CodeOutOfRange, "allocate: want 1 to "+strconv.Itoa(MaxAllocateParts)+" weights, have "+strconv.Itoa(len(weights)))
	}
	minor := total.minor()
	units := total.amount.Shift(minor)
	if !units.IsInteger() {
		return nil, problem.NewFieldError(pkg, "total", CodeMalformed, "allocate "+strconv.Quote(total.String())+": not a whole number of minor units; round it first")
	}
	var sum big.Int
	var w big.Int
	for i, x := range weights {
		if x < 0 {
			return nil, problem.NewFieldError(pkg, problem.Index("weights", i), CodeNegative, "allocate: weight "+strconv.FormatInt(x, 10)+" is negative")
		}
		sum.Add(&sum, w.SetInt64(x))
	}
	if sum.Sign() == 0 {
		return nil, problem.NewFieldError(pkg, "weights", CodeOutOfRange, "allocate: weights are all zero")
	}
	neg := units.IsNegative()
	u := units.Abs().BigInt()

	shares := make([]uint64, len(weights)) // only used on the fast path
	parts := make([]Money, len(weights))
	var bigShares []*big.Int
	if u.IsUint64() && sum.IsUint64() {
		allocateFast(u.Uint64(), sum.Uint64(), weights, shares)
	} else {
		bigShares = allocateBig(u, &sum, weights)
	}
	for i := range parts {
		var a decimal.Decimal
		if bigShares == nil {
			v := shares[i]
			if v <= 1<<63-1 {
				a = decimal.New(int64(v), -minor)
			} else {
				a = decimal.NewFromBigInt(new(big.Int).SetUint64(v), -minor)
			}
		} else {
			a = decimal.NewFromBigInt(bigShares[i], -minor)
		}
		if neg {
			a = a.Neg()
		}
		parts[i] = Money{amount: a, currency: total.currency}
	}
	return parts, nil
}

// allocateFast splits u units by weights summing to sum, all in uint64: the
// product u × w is 128 bits, and its quotient by sum fits 64 bits because w ≤
// sum.
func allocateFast(u, sum uint64, weights []int64, out []uint64) {
	rems := make([]uint64, len(weights))
	order := make([]int32, len(weights))
	left := u
	for i, x := range weights {
		hi, lo := bits.Mul64(u, uint64(x))
		q, r := bits.Div64(hi, lo, sum)
		out[i], rems[i] = q, r
		left -= q
		order[i] = int32(i)
	}
	if left == 0 {
		return
	}
	// Largest remainder first, ties to the earlier part: a total order,
	// so the unstable sort is deterministic.
	slices.SortFunc(order, func(a, b int32) int {
		switch {
		case rems[a] > rems[b]:
			return -1
		case rems[a] < rems[b]:
			return 1
		}
		return int(a - b)
	})
	for _, i := range order[:left] {
		out[i]++
	}
}

// allocateBig is allocateFast in big.Int, for totals or weight sums beyond
// 64 bits.
func allocateBig(u, sum *big.Int, weights []int64) []*big.Int {
	out := make([]*big.Int, len(weights))
	rems := make([]*big.Int, len(weights))
	order := make([]int, len(weights))
	left := new(big.Int).Set(u)
	for i, x := range weights {
		q, r := new(big.Int), new(big.Int)
		q.QuoRem(new(big.Int).Mul(u, big.NewInt(x)), sum, r)
		out[i], rems[i] = q, r
		left.Sub(left, q)
		order[i] = i
	}
	// left < len(weights): each floor loses less than one unit.
	n := int(left.Int64())
	slices.SortStableFunc(order, func(a, b int) int { return -rems[a].Cmp(rems[b]) })
	for _, i := range order[:n] {
		out[i].Add(out[i], big.NewInt(1))
	}
	return out
}
