package contract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/creatorops/creatorops/internal/problem"
)

// Canonical returns the agreement's canonical JSON: the same bytes for the
// same agreement, however its JSON was formatted or ordered. Keys are sorted
// (by their bytes), there is no insignificant whitespace, values are written
// in their one normalized text (dates "2027-03-15", windows "2 business
// days", amounts "2500.00 USD", durations "3 months", calendars as their
// canonical spec, every policy term spelled out, unstated terms left out),
// and characters are not HTML-escaped. [DecodeAgreement] reads it back to an
// agreement [Agreement.Equal] to this one.
//
// It returns the error of [Agreement.Validate] for an agreement that does not
// validate: only a well-formed agreement has a canonical form.
func (a Agreement) Canonical() ([]byte, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return canonical(a)
}

// canonical writes v's JSON with sorted keys, without whitespace.
func canonical(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, problem.NewFieldError(pkg, "", problem.CodeMalformed, "canonical JSON: "+err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, problem.NewFieldError(pkg, "", problem.CodeMalformed, "canonical JSON: "+err.Error())
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil { // maps are written with sorted keys
		return nil, problem.NewFieldError(pkg, "", problem.CodeMalformed, "canonical JSON: "+err.Error())
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// HashPrefix begins every hash [Agreement.Hash] returns.
const HashPrefix = "sha256:"

// Hash returns the agreement's content hash: "sha256:" and the lowercase hex
// SHA-256 of its [Agreement.Canonical] form. Any change to the agreement's
// content changes it; formatting and key order do not. Printed on the
// expectations sheet, it makes a change after signing visible. It returns
// Canonical's error.
func (a Agreement) Hash() (string, error) {
	c, err := a.Canonical()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(c)
	return HashPrefix + hex.EncodeToString(sum[:]), nil
}

// ShortHashLen is the number of hex digits of [ShortHash].
const ShortHashLen = 12

// ShortHash returns the short form of a hash for print: "sha256:" and its
// first 12 hex digits ("sha256:3f2a9c1d0b7e"). Compare full hashes, not
// short ones. A string that is not a hash from [Agreement.Hash] is returned
// as it is.
func ShortHash(hash string) string {
	hexPart, ok := strings.CutPrefix(hash, HashPrefix)
	if !ok || len(hexPart) < ShortHashLen {
		return hash
	}
	return HashPrefix + hexPart[:ShortHashLen]
}

// Equal reports whether a and b are the same agreement: whether their
// canonical JSON is the same (for agreements that do not validate, the same
// normalization without validation). == cannot say it: an agreement holds
// slices, pointers to calendars and decimal amounts ("2500.00 USD" and
// "2500 USD" are equal).
func (a Agreement) Equal(b Agreement) bool {
	ca, errA := canonical(a)
	cb, errB := canonical(b)
	return errA == nil && errB == nil && bytes.Equal(ca, cb)
}
