package webhook_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/webhook"
)

var (
	secret = []byte("whsec_test")
	body   = []byte(`{"id":"d1","workspace":"ws_1","timeline":"tiktok-1"}`)
	signed = time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
)

func TestSignFormat(t *testing.T) {
	h := webhook.Sign(secret, signed, body)
	assert.Regexp(t, `^t=1804775400,v1=[0-9a-f]{64}$`, h)
	assert.Equal(t, h, webhook.Sign(secret, signed.Add(999*time.Millisecond), body), "whole seconds")
	assert.NotEqual(t, h, webhook.Sign([]byte("other"), signed, body))
}

func TestVerify(t *testing.T) {
	h := webhook.Sign(secret, signed, body)
	require.NoError(t, webhook.Verify(secret, h, body, signed, 0))
	require.NoError(t, webhook.Verify(secret, h, body, signed.Add(4*time.Minute), 0), "within the default tolerance")
	require.NoError(t, webhook.Verify(secret, h, body, signed.Add(-4*time.Minute), 0), "a receiver's clock behind")

	// Tampering: one byte of the body, the time, the signature, the secret.
	tampered := append([]byte{}, body...)
	tampered[len(tampered)-2] = 'X'
	assert.ErrorIs(t, webhook.Verify(secret, h, tampered, signed, 0), webhook.ErrMismatch)
	later := strings.Replace(h, "t=1804775400", "t=1804775460", 1)
	assert.ErrorIs(t, webhook.Verify(secret, later, body, signed, 0), webhook.ErrMismatch, "t is signed too")
	flipped := h[:len(h)-1] + map[bool]string{true: "1", false: "0"}[h[len(h)-1] == '0']
	assert.ErrorIs(t, webhook.Verify(secret, flipped, body, signed, 0), webhook.ErrMismatch)
	assert.ErrorIs(t, webhook.Verify([]byte("other"), h, body, signed, 0), webhook.ErrMismatch)

	// Replay window: a delivery replayed past the tolerance, or from the future.
	err := webhook.Verify(secret, h, body, signed.Add(6*time.Minute), 0)
	assert.ErrorIs(t, err, webhook.ErrExpired)
	assert.ErrorContains(t, err, "2027-03-11T14:30:00Z")
	assert.ErrorIs(t, webhook.Verify(secret, h, body, signed.Add(-6*time.Minute), 0), webhook.ErrExpired)
	assert.ErrorIs(t, webhook.Verify(secret, h, body, signed.Add(2*time.Minute), time.Minute), webhook.ErrExpired)
	require.NoError(t, webhook.Verify(secret, h, body, signed.Add(2*time.Hour), 3*time.Hour))
	assert.ErrorIs(t, webhook.Verify(secret, h, body, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), 0), webhook.ErrExpired)

	// A rotated secret: the old and the new signature in one header.
	rotated := h + ",v1=" + strings.TrimPrefix(webhook.Sign([]byte("new"), signed, body), "t=1804775400,v1=")
	require.NoError(t, webhook.Verify(secret, rotated, body, signed, 0))
	require.NoError(t, webhook.Verify([]byte("new"), rotated, body, signed, 0))
	require.NoError(t, webhook.Verify(secret, h+",v2=whatever", body, signed, 0), "unknown schemes are ignored")
}

func TestVerifyMalformed(t *testing.T) {
	sig := strings.TrimPrefix(webhook.Sign(secret, signed, body), "t=1804775400,")
	for _, h := range []string{
		"",
		"garbage",
		sig,                   // no t
		"t=1804775400",        // no v1
		"t=1804775400,v1=abc", // short
		"t=1804775400,v1=" + strings.Repeat("zz", 32),
		"t=," + sig,
		"t=+1804775400," + sig, // not canonical decimal
		"t=1804775400,t=1804775400," + sig,
		"t=99999999999999999999," + sig,
		"t=1804775400," + sig + strings.Repeat(",x=y", 300), // too long
	} {
		err := webhook.Verify(secret, h, body, signed, 0)
		assert.ErrorIs(t, err, webhook.ErrMalformed, "%q", h)
	}
}

func ExampleVerify() {
	secret := []byte("whsec_from_the_server_flag")
	body := []byte(`{"id":"...","action":{"kind":"follow_up"}}`)
	sent := time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)
	header := webhook.Sign(secret, sent, body) // the service does this

	// The receiver, 3 seconds later:
	err := webhook.Verify(secret, header, body, sent.Add(3*time.Second), webhook.DefaultTolerance)
	fmt.Println(err)
	err = webhook.Verify(secret, header, body, sent.Add(time.Hour), webhook.DefaultTolerance)
	fmt.Println(errors.Is(err, webhook.ErrExpired))
	// Output:
	// <nil>
	// true
}

func FuzzVerify(f *testing.F) {
	f.Add([]byte("s"), webhook.Sign([]byte("s"), signed, body), body, int64(0))
	f.Add([]byte(""), "t=1,v1=00", []byte{}, int64(-1))
	f.Add([]byte("k"), "t=1804775400,v1=,v1=zz,t=", body, int64(1<<62))
	f.Fuzz(func(t *testing.T, secret []byte, header string, body []byte, skew int64) {
		now := signed.Add(time.Duration(skew))
		err := webhook.Verify(secret, header, body, now, 0)
		if err != nil {
			if !errors.Is(err, webhook.ErrMalformed) && !errors.Is(err, webhook.ErrMismatch) && !errors.Is(err, webhook.ErrExpired) {
				t.Fatalf("untyped error %v", err)
			}
		}
		// What Sign writes, Verify accepts at the same instant, and refuses for
		// any other body.
		h := webhook.Sign(secret, now, body)
		if err := webhook.Verify(secret, h, body, now, 0); err != nil {
			t.Fatalf("own signature refused: %v", err)
		}
		if err := webhook.Verify(secret, h, append(body, 'x'), now, 0); !errors.Is(err, webhook.ErrMismatch) {
			t.Fatalf("a changed body: %v", err)
		}
	})
}
