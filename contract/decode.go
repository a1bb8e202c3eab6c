package contract

import (
	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
	"github.com/creatorops/creatorops/sla"
)

// pkg names this package in error messages.
const pkg = "contract"

// ErrInvalid is wrapped by every error of this package for bad input: an
// agreement or template that does not decode or does not validate. It is the
// module's one ErrInvalid (sla.ErrInvalid, pricing.ErrInvalid).
var ErrInvalid = problem.ErrInvalid

// The module's error types (see package sla): every error of this package
// reads as a *ValidationError with errors.As, whose Problems are {path, code,
// message}, ready for a 400 response.
type (
	FieldError      = problem.FieldError
	ValidationError = problem.ValidationError
)

// MaxAgreementBytes bounds the JSON [DecodeAgreement] and [DecodeTemplate]
// read: 1 MiB.
const MaxAgreementBytes = 1 << 20

// DecodeAgreement reads an agreement from JSON strictly and validates it.
//
// Keys match the snake_case names exactly (case included), a key given twice
// is an error, unknown keys are errors, dates are "YYYY-MM-DD", amounts are
// strings ("2500.00 USD"), windows and durations are text ("2 business
// days", "3 months"), and the document may not exceed [MaxAgreementBytes].
// A service term the policy leaves out keeps its [sla.DefaultPolicy] value,
// except the payment terms, which have no default. [Opt] terms read "none"
// as explicitly none.
//
// Every problem is reported at once in a *[ValidationError]: what decoding
// finds, each with its path ("deliverables[1].post_date"), then what
// [Agreement.Validate] finds in what could be decoded. A well-formed but
// risky agreement decodes: [Check] is the judge of that.
func DecodeAgreement(data []byte) (Agreement, error) {
	a, decoded, ok := decodeAgreement(data)
	l := problem.List{Pkg: pkg, Problems: decoded}
	if ok {
		if err := a.Validate(); err != nil {
			l.Problems = strictjson.Merge(decoded, problem.Problems(pkg, "", err))
		}
	}
	if err := l.Err("agreement"); err != nil {
		return Agreement{}, err
	}
	return a, nil
}

// plainAgreement is Agreement without its UnmarshalJSON.
type plainAgreement Agreement

func decodeAgreement(data []byte) (Agreement, []*FieldError, bool) {
	a := plainAgreement{Policy: defaultPolicy()}
	decoded, ok := strictjson.Decode(pkg, data, &a, MaxAgreementBytes)
	return Agreement(a), decoded, ok
}

// defaultPolicy is the policy an agreement's terms are read over:
// [sla.DefaultPolicy] without payment terms.
func defaultPolicy() sla.Policy {
	p := sla.DefaultPolicy()
	p.Payment = sla.Payment{}
	return p
}

// UnmarshalJSON decodes an agreement as [DecodeAgreement] does (strictly,
// over the default policy) without validating it, so that encoding/json
// reads agreements as strictly as this package does.
func (a *Agreement) UnmarshalJSON(data []byte) error {
	v, decoded, _ := decodeAgreement(data)
	if err := problem.NewValidationError(pkg, "agreement", decoded); err != nil {
		return err
	}
	*a = v
	return nil
}
