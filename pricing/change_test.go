package pricing_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

func TestExtension(t *testing.T) {
	card := pricing.SampleRateCard()
	req := workedRequest()
	ext, err := card.Extension(req, pricing.Months(6), issued)
	require.NoError(t, err)
	assert.Equal(t, pricing.QuoteExtension, ext.Type)
	assert.Equal(t, 1, len(ext.Lines))
	// 50% of 2500.00 = 1250.00, less the 750.00 of 3 months.
	assert.Equal(t, "500.00 USD", ext.Lines[0].Amount.String())
	assert.Equal(t, "usage rights extension, paid, 3 months → 6 months: usage rights, paid, 6 months (tiktok, instagram): 50% of base 2500.00 USD = 1250.00 USD, less 750.00 USD already quoted = 500.00 USD", ext.Lines[0].Rule)
	assert.Equal(t, "500.00 USD", ext.Total.String())
	require.NoError(t, ext.Check())

	// Original plus extension = a fresh quote for the longer term.
	orig, _ := card.Quote(req, issued)
	long := req
	long.Usage = &pricing.UsageRequest{Paid: true, Channels: req.Usage.Channels, Duration: pricing.Months(6)}
	fresh, err := card.Quote(long, issued)
	require.NoError(t, err)
	sum, _ := orig.Total.Add(ext.Total)
	assert.True(t, sum.Equal(fresh.Total), "%v + %v != %v", orig.Total, ext.Total, fresh.Total)

	// With a Net 0 percentage surcharge, the surcharge grows too.
	req.NetZero = true
	ext, err = card.Extension(req, pricing.Months(12), issued)
	require.NoError(t, err)
	assert.Equal(t, 2, len(ext.Lines))
	assert.Equal(t, "Net 0", ext.PaymentTerms)

	for name, to := range map[string]pricing.Duration{"shorter": {}, "no tier": pricing.Months(5)} {
		t.Run(name, func(t *testing.T) {
			_, err := card.Extension(workedRequest(), to, issued)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
		})
	}
	r6 := workedRequest()
	r6.Usage.Duration = pricing.Months(6)
	_, err = card.Extension(r6, pricing.Months(3), issued)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = card.Extension(pricing.Request{Platform: "instagram", Format: "post"}, pricing.Months(3), issued)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
}

func TestChangeOrder(t *testing.T) {
	card := pricing.SampleRateCard()
	tests := []struct {
		name   string
		req    pricing.Request
		ch     pricing.Change
		amount map[string]string
		total  string
	}{
		{"extra revision beyond the included one", pricing.Request{Platform: "instagram", Format: "post", Revisions: 1},
			pricing.Change{Reason: "brand asked for a second round of edits", ExtraRevisions: 1},
			map[string]string{"revisions": "300.00 USD"}, "300.00 USD"},
		{"revision still included", pricing.Request{Platform: "youtube", Format: "integration", Seconds: 90, Revisions: 1},
			pricing.Change{Reason: "one more round", ExtraRevisions: 1},
			map[string]string{"revisions": "0.00 USD"}, "0.00 USD"},
		{"added story frame with usage", pricing.Request{Platform: "instagram", Format: "story", Quantity: 3,
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"instagram"}, Duration: pricing.Months(3)}},
			pricing.Change{Reason: "a fourth story frame with a link sticker", AddQuantity: 1},
			map[string]string{"instagram-story-set": "300.00 USD", "usage": "90.00 USD"}, "390.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			co, err := card.ChangeOrder(tt.req, tt.ch, issued)
			require.NoError(t, err)
			got := map[string]string{}
			for _, l := range co.Lines {
				got[l.Code] = l.Amount.String()
			}
			assert.Equal(t, tt.amount, got)
			assert.Equal(t, tt.total, co.Total.String())
			assert.Equal(t, tt.ch.Reason, co.Reason)
			require.NoError(t, co.Check())
		})
	}
	co, err := card.ChangeOrder(pricing.Request{Platform: "instagram", Format: "story", Quantity: 3},
		pricing.Change{Reason: "a fourth frame", AddQuantity: 1}, issued)
	require.NoError(t, err)
	assert.Equal(t, int64(1), co.Lines[0].Quantity)
	assert.Equal(t, "300.00 USD", co.Lines[0].Unit.String())

	for name, ch := range map[string]pricing.Change{
		"no reason": {ExtraRevisions: 1},
		"nothing":   {Reason: "x"},
		"negative":  {Reason: "x", AddQuantity: -1},
		"no rule":   {Reason: "x", ExtraRevisions: 1000001},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := card.ChangeOrder(pricing.Request{Platform: "instagram", Format: "post"}, ch, issued)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
		})
	}
}

// An extra revision still within the included rounds is a line of 0.00
// saying so, not an empty quote.
func TestChangeOrderRevisionWithinIncluded(t *testing.T) {
	card := pricing.SampleRateCard()
	req := pricing.Request{Platform: "youtube", Format: "integration", Seconds: 90, Revisions: 1}
	co, err := card.ChangeOrder(req, pricing.Change{Reason: "one more round", ExtraRevisions: 1}, issued)
	require.NoError(t, err)
	require.NoError(t, co.Check())
	if len(co.Lines) != 1 {
		t.Fatalf("ChangeOrder(within included) has %d lines, want 1: %+v", len(co.Lines), co.Lines)
	}
	l := co.Lines[0]
	assert.Equal(t, "revisions", l.Code)
	assert.Equal(t, pricing.KindRevisions, l.Kind)
	assert.Equal(t, int64(1), l.Quantity)
	assert.Equal(t, "0.00 USD", l.Unit.String())
	assert.Equal(t, "0.00 USD", l.Amount.String())
	assert.True(t, strings.Contains(l.Rule, "within the 2 included rounds"), "rule %q", l.Rule)
	assert.True(t, strings.HasPrefix(l.Rule, "one more round: "), "rule %q", l.Rule)
	assert.Equal(t, "0.00 USD", co.Total.String())
	assert.Equal(t, pricing.QuoteChangeOrder, co.Type)

	// Part within, part beyond: the charged line says how many were included.
	co, err = card.ChangeOrder(req, pricing.Change{Reason: "three more rounds", ExtraRevisions: 3}, issued)
	require.NoError(t, err)
	require.NoError(t, co.Check())
	if len(co.Lines) != 1 || co.Lines[0].Quantity != 2 {
		t.Fatalf("ChangeOrder(1 within, 2 beyond) lines %+v, want one line of 2 rounds", co.Lines)
	}
	assert.True(t, strings.Contains(co.Lines[0].Rule, "2 included"), "rule %q", co.Lines[0].Rule)

	// With added units too, the 0.00 revisions line sits before rush.
	req.Rush = true
	co, err = card.ChangeOrder(req, pricing.Change{Reason: "longer cut", AddQuantity: 1, ExtraRevisions: 1}, issued)
	require.NoError(t, err)
	require.NoError(t, co.Check())
	var kinds []pricing.LineKind
	for _, l := range co.Lines {
		kinds = append(kinds, l.Kind)
	}
	assert.Equal(t, []pricing.LineKind{pricing.KindBase, pricing.KindRevisions, pricing.KindRush}, kinds)
}

// Rounds beyond the included ones on a card whose extra-round fee is zero are a
// 0.00 line that shows the fee, not an empty change order.
func TestChangeOrderRevisionAtZeroFee(t *testing.T) {
	card := pricing.SampleRateCard()
	zero := pricing.MustParseMoney("0.00 USD")
	card.ExtraRevision = &zero
	req := pricing.Request{Platform: "youtube", Format: "integration", Seconds: 90, Revisions: 2}
	co, err := card.ChangeOrder(req, pricing.Change{Reason: "one more round", ExtraRevisions: 1}, issued)
	require.NoError(t, err)
	require.NoError(t, co.Check())
	if len(co.Lines) != 1 {
		t.Fatalf("ChangeOrder(zero fee) has %d lines, want 1: %+v", len(co.Lines), co.Lines)
	}
	assert.Equal(t, "0.00 USD", co.Lines[0].Amount.String())
	assert.True(t, strings.Contains(co.Lines[0].Rule, "2 included, 1 × 0.00 USD = 0.00 USD"), "rule %q", co.Lines[0].Rule)
}

// Regression: an extension to a duration the card has no tier for blames
// the argument to, not the request's duration (which prices fine).
func TestExtensionBlamesTargetDuration(t *testing.T) {
	card := pricing.SampleRateCard()
	req := pricing.Request{Platform: "instagram", Format: "post",
		Usage: &pricing.UsageRequest{Channels: []string{"instagram"}, Duration: pricing.Months(3)}}
	_, err := card.Extension(req, pricing.Perpetual(), issued)
	assert.ErrorIs(t, err, pricing.ErrNoRule)
	assert.Equal(t, map[string]string{"to": pricing.CodeNoRule}, problemPaths(t, err))
	// A fault of the request itself is still the request's.
	req.Usage.Duration = pricing.Months(4)
	_, err = card.Extension(req, pricing.Months(6), issued)
	assert.Equal(t, map[string]string{"request.usage.duration": pricing.CodeNoRule}, problemPaths(t, err))
}
