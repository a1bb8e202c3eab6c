package pricing

import (
	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
)

// Size limits of the decoders.
const (
	// MaxRateCardBytes bounds the JSON [DecodeRateCard] reads: 1 MiB.
	MaxRateCardBytes = 1 << 20
	// MaxRequestBytes bounds the JSON [DecodeRequest] reads: 64 KiB.
	MaxRequestBytes = 64 << 10
)

// DecodeRateCard reads a rate card from JSON, strictly, and validates it.
//
// The JSON is read the way every decoder of the module reads: keys match
// the snake_case names exactly (case included: "Version" is an unknown
// field), a key given twice is an error, unknown keys are errors, amounts
// are strings ("2500.00 USD" or {"amount":"2500.00","currency":"USD"}, read
// as strictly), counts are JSON integers within their Go type, and the
// document may not exceed [MaxRateCardBytes] or nest deeper than 64 levels.
//
// Every problem is reported at once in a *[ValidationError]: first what
// decoding finds, in document order with each object's duplicate keys
// first (an unknown, duplicate or wrong-case
// key, a value of the wrong JSON type, an integer out of range, malformed
// money, percentages and durations, and an empty string where an optional
// percentage goes: leave the field out instead), each with its path such as
// "usage[1].duration"; then what [RateCard.Validate] finds in everything
// that could be decoded. A value that could not be decoded is reported
// once, not again by Validate as missing, and neither is anything inside
// it. A document that is not JSON, or is too large, is reported alone, with
// the path "".
func DecodeRateCard(data []byte) (RateCard, error) {
	var c RateCard
	decoded, ok := strictjson.Decode(pkg, data, &c, MaxRateCardBytes)
	if !ok {
		return RateCard{}, problem.NewValidationError(pkg, "rate card", decoded)
	}
	v := newProblems()
	c.validate(v)
	if err := problem.NewValidationError(pkg, "rate card", strictjson.Merge(decoded, v.Problems)); err != nil {
		return RateCard{}, err
	}
	return c, nil
}

// DecodeRequest reads a [Request] from JSON the way [DecodeRateCard] reads
// a card (at most [MaxRequestBytes]), with paths under "request.", and
// checks what can be checked without a card (counts in range, a usage
// duration and channels, months of whitelisting and exclusivity). It does
// not check the request against a card; [RateCard.Quote] does. JSON null is
// the zero Request.
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	decoded, ok := strictjson.Decode(pkg, data, &r, MaxRequestBytes)
	for i, f := range decoded {
		decoded[i] = f.Rebase("request")
	}
	if !ok {
		return Request{}, problem.NewValidationError(pkg, "request", decoded)
	}
	v := newProblems()
	r.validate(v)
	if err := problem.NewValidationError(pkg, "request", strictjson.Merge(decoded, v.Problems)); err != nil {
		return Request{}, err
	}
	return r, nil
}
