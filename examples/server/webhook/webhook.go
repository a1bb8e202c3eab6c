// Package webhook is what the service sends to a platform's webhook when an
// action of a timeline falls due (a follow-up, an escalation, a reminder), and
// how a receiver checks that a delivery came from the service.
//
// Each delivery is one HTTP POST of a JSON [Payload] with these headers:
//
//	Content-Type:          application/json
//	Creatorops-Delivery:   the delivery's ID (the same on every retry; dedupe on it)
//	Creatorops-Signature:  t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
//
// t is the Unix time of the attempt, in seconds, and v1 is the hex
// HMAC-SHA256, keyed with the shared secret, of the bytes of t in decimal, a
// '.', and the body exactly as received. A receiver calls [Verify] with the
// secret, the header, the body and its own clock: it refuses a signature that
// does not match the body, and one older or newer than its tolerance (a
// replayed delivery). A header may carry several v1 values (while a secret is
// rotated); one matching value is enough.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

// The headers of a delivery.
const (
	// SignatureHeader carries the signature: t=<unix seconds>,v1=<hex>.
	SignatureHeader = "Creatorops-Signature"
	// DeliveryHeader carries the delivery's ID, the Payload's ID.
	DeliveryHeader = "Creatorops-Delivery"
)

// DefaultTolerance is how far a signature's time may be from the receiver's
// clock, either way, for [Verify] to accept it.
const DefaultTolerance = 5 * time.Minute

// MaxHeaderBytes bounds the signature header [Verify] reads; a longer one is
// malformed, whatever it holds.
const MaxHeaderBytes = 1024

// Payload is the JSON body of a delivery: one action of one timeline.
type Payload struct {
	// ID identifies the delivery: the same on each retry, and the same if the
	// action is found due again; a receiver that has seen it can ignore it.
	ID        string `json:"id"`
	Workspace string `json:"workspace"`
	Timeline  string `json:"timeline"`
	// Due is when the service found the action due (the wake-up's instant).
	Due time.Time `json:"due"`
	// Action is the library's timeline.Action: kind, party, recipient, step,
	// when it goes out and why.
	Action timeline.Action `json:"action"`
}

// Errors of [Verify]; test them with errors.Is.
var (
	// ErrMalformed: the header is not t=<unix seconds>,v1=<64 hex digits>.
	ErrMalformed = errors.New("webhook: malformed signature header")
	// ErrMismatch: no v1 value is the body's signature under the secret.
	ErrMismatch = errors.New("webhook: signature does not match the body")
	// ErrExpired: t is further from the receiver's clock than the tolerance
	// (a replay, or a clock far off).
	ErrExpired = errors.New("webhook: signature time outside the tolerance")
)

// Sign returns the signature header's value for body sent at timestamp.
func Sign(secret []byte, timestamp time.Time, body []byte) string {
	t := strconv.FormatInt(timestamp.Unix(), 10)
	return "t=" + t + ",v1=" + hex.EncodeToString(mac(secret, t, body))
}

func mac(secret []byte, t string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(t))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks a signature header against the body received and the
// receiver's clock now: nil when one of its v1 values is the body's HMAC under
// secret and its time is within tolerance of now (DefaultTolerance when
// tolerance is zero or less). Otherwise the error wraps ErrMalformed,
// ErrMismatch or ErrExpired. Its cost is bounded by MaxHeaderBytes and the
// body's length.
func Verify(secret []byte, header string, body []byte, now time.Time, tolerance time.Duration) error {
	if tolerance <= 0 {
		tolerance = DefaultTolerance
	}
	if len(header) > MaxHeaderBytes {
		return fmt.Errorf("%w: longer than %d bytes", ErrMalformed, MaxHeaderBytes)
	}
	var t string
	var sigs [][]byte
	for part := range strings.SplitSeq(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return fmt.Errorf("%w: %q is not key=value", ErrMalformed, part)
		}
		switch k {
		case "t":
			if t != "" {
				return fmt.Errorf("%w: two t values", ErrMalformed)
			}
			if v == "" {
				return fmt.Errorf("%w: empty t", ErrMalformed)
			}
			t = v
		case "v1":
			sig, err := hex.DecodeString(v)
			if err != nil || len(sig) != sha256.Size {
				return fmt.Errorf("%w: v1 is not %d hex bytes", ErrMalformed, sha256.Size)
			}
			sigs = append(sigs, sig)
		}
		// Other keys (later schemes) are ignored.
	}
	if t == "" {
		return fmt.Errorf("%w: no t", ErrMalformed)
	}
	if len(sigs) == 0 {
		return fmt.Errorf("%w: no v1 signature", ErrMalformed)
	}
	sec, err := strconv.ParseInt(t, 10, 64)
	if err != nil || strconv.FormatInt(sec, 10) != t {
		return fmt.Errorf("%w: t %q is not a Unix time in decimal", ErrMalformed, t)
	}
	want := mac(secret, t, body)
	matched := false
	for _, s := range sigs {
		if hmac.Equal(s, want) {
			matched = true
		}
	}
	if !matched {
		return ErrMismatch
	}
	// Compared in seconds, so that no time value overflows.
	age := now.Unix() - sec
	if age > int64(tolerance/time.Second) || -age > int64(tolerance/time.Second) {
		return fmt.Errorf("%w: signed at %s, %s from now (tolerance %s)", ErrExpired,
			time.Unix(sec, 0).UTC().Format(time.RFC3339), time.Duration(min(max(age, -1<<33), 1<<33))*time.Second, tolerance)
	}
	return nil
}
