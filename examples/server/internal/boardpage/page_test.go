package boardpage

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla/timeline"
)

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0m"},
		{59 * time.Second, "1m"},
		{45 * time.Minute, "45m"},
		{3 * time.Hour, "3h"},
		{3*time.Hour + 30*time.Minute, "3h 30m"},
		{24 * time.Hour, "1d"},
		{26*time.Hour + 10*time.Minute, "1d 2h"},
		{4 * 24 * time.Hour, "4d"},
	} {
		assert.Equal(t, c.want, duration(c.d), "duration(%v)", c.d)
	}
}

func TestTicks(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	x := func(time.Time) float64 { return 0 }
	f := func(float64) string { return "0" }
	for _, c := range []struct {
		name   string
		lo, hi time.Time
		want   []string
	}{
		{"days, across the spring-forward day", time.Date(2027, 3, 12, 12, 0, 0, 0, ny), time.Date(2027, 3, 16, 12, 0, 0, 0, ny),
			[]string{"13 Mar", "14 Mar", "15 Mar", "16 Mar"}},
		{"weekly on Mondays", time.Date(2027, 2, 14, 10, 0, 0, 0, ny), time.Date(2027, 3, 20, 0, 0, 0, 0, ny),
			[]string{"15 Feb", "22 Feb", "1 Mar", "8 Mar", "15 Mar"}},
		{"every two weeks", time.Date(2027, 1, 1, 0, 0, 0, 0, ny), time.Date(2027, 4, 1, 0, 0, 0, 0, ny),
			[]string{"4 Jan", "18 Jan", "1 Feb", "15 Feb", "1 Mar", "15 Mar", "29 Mar"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var have []string
			for _, tk := range ticks(c.lo, c.hi, 10, x, f) {
				have = append(have, tk.Label)
			}
			assert.Equal(t, c.want, have)
		})
	}
	// A span of years has a bounded number of ticks.
	many := ticks(time.Date(2027, 1, 1, 0, 0, 0, 0, ny), time.Date(2037, 1, 1, 0, 0, 0, 0, ny), 10, x, f)
	assert.LessOrEqual(t, len(many), 64)
}

func TestDrawn(t *testing.T) {
	card := func(id string) timeline.Card { return timeline.Card{Plan: id} }
	b := timeline.Board{
		WaitingOnBrand:   []timeline.Card{card("a"), card("b")},
		WaitingOnCreator: []timeline.Card{card("c")},
		AtRisk:           []timeline.Card{card("c")},
		Breached:         []timeline.Card{card("b")},
	}
	assert.Equal(t, []string{"b", "c", "a"}, Drawn(b), "breached first, then at risk, each once")

	var cards []timeline.Card
	for i := range MaxDrawn + 5 {
		cards = append(cards, card(strings.Repeat("x", i+1)))
	}
	assert.Len(t, Drawn(timeline.Board{Breached: cards}), MaxDrawn)
}

func TestPolicyAndNonce(t *testing.T) {
	n1, n2 := NewNonce(), NewNonce()
	assert.Len(t, n1, 24, "128 bits in base64")
	assert.NotEqual(t, n1, n2)
	p := Policy(n1)
	assert.True(t, strings.HasPrefix(p, "default-src 'none'; style-src 'nonce-"+n1+"'; img-src data:"), p)
	assert.NotContains(t, p, "script-src")
}

func TestSignInEscapes(t *testing.T) {
	var b strings.Builder
	require.NoError(t, RenderSignIn(&b, SignIn{Message: `<img src=x onerror=alert(1)>`, At: `"><script>`}, "n0nce"))
	assert.NotContains(t, b.String(), "<img")
	assert.NotContains(t, b.String(), "<script")
	assert.Contains(t, b.String(), `<style nonce="n0nce">`)
}
