package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// assertMoney checks that got is Equal to want (Money is compared with
// Equal, never ==: 2500 USD and 2500.00 USD are the same amount).
func assertMoney(t testing.TB, want, got pricing.Money, msgAndArgs ...any) bool {
	t.Helper()
	if want.Equal(got) {
		return true
	}
	return assert.Fail(t, "Money differs", append([]any{"got %v, want %v", got, want}, msgAndArgs...)...)
}

// problemPaths returns the problems of err, which must read as a
// *ValidationError, as path → code.
func problemPaths(t testing.TB, err error) map[string]string {
	t.Helper()
	var ve *pricing.ValidationError
	require.ErrorAs(t, err, &ve)
	out := map[string]string{}
	for _, p := range ve.Problems {
		out[p.Path] = p.Code
	}
	return out
}

// problemList returns the problems of err as "path code", in order.
func problemList(t testing.TB, err error) []string {
	t.Helper()
	var ve *pricing.ValidationError
	require.ErrorAs(t, err, &ve)
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path+" "+p.Code)
	}
	return out
}
