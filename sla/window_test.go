package sla_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func TestParseWindow(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want sla.Window
		str  string
	}{
		{"48h", sla.Hours(48), "48 hours"},
		{"48 hours", sla.Hours(48), "48 hours"},
		{"1 hours", sla.Hours(1), "1 hour"},
		{"1 day", sla.Days(1), "1 day"},
		{"7 days", sla.Days(7), "7 days"},
		{"7d", sla.Days(7), "7 days"},
		{"8 business hours", sla.BusinessHours(8), "8 business hours"},
		{"8bh", sla.BusinessHours(8), "8 business hours"},
		{"1 business day", sla.BusinessDays(1), "1 business day"},
		{"2 Business  Days", sla.BusinessDays(2), "2 business days"},
		{"2bd", sla.BusinessDays(2), "2 business days"},
		{"0 days", sla.Days(0), "0 days"},
		{" 100000 H ", sla.Hours(100000), "100000 hours"},
		{"00000001 hour", sla.Hours(1), "1 hour"},
		{"000 days", sla.Days(0), "0 days"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := sla.ParseWindow(tc.in)
			require.NoError(t, err, "ParseWindow(%q)", tc.in)
			assert.Equal(t, tc.want, got, "ParseWindow(%q) = %v, want %v", tc.in, got, tc.want)
			assert.Equal(t, tc.str, got.String(), "ParseWindow(%q).String() = %q, want %q", tc.in, got.String(), tc.str)
		})
	}
	for _, in := range []string{"", "h", "-0 days", "+1 day", "-3h", "3 fortnights", "1.5 hours", "1e3 hours", "100001 hours", "99999999999999999999 days", "48 hours ago", "3 business weeks"} {
		_, err := sla.ParseWindow(in)
		var pe *sla.ParseError
		if assert.ErrorAs(t, err, &pe, "ParseWindow(%q) error = %v, want a *ParseError", in, err) {
			assert.Equal(t, in, pe.Input, "ParseWindow(%q): ParseError.Input = %q, want the input", in, pe.Input)
		}
		assert.ErrorIs(t, err, sla.ErrInvalid, "ParseWindow(%q) error = %v, want it to wrap ErrInvalid", in, err)
	}
	_, err := sla.ParseWindow("3 fortnights")
	assert.EqualError(t, err, `sla: parse window "3 fortnights": unknown unit "fortnights": want hours, days, business hours or business days`)
}

func TestWindowJSON(t *testing.T) {
	type terms struct {
		Reply sla.Window `json:"reply"`
		Edit  sla.Window `json:"edit"`
	}
	var v terms
	require.NoError(t, json.Unmarshal([]byte(`{"reply":"1 business day","edit":"48h"}`), &v))
	assert.Equal(t, sla.BusinessDays(1), v.Reply, "decoded %+v", v)
	assert.Equal(t, sla.Hours(48), v.Edit, "decoded %+v", v)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"reply":"1 business day","edit":"48 hours"}`, string(out), "encoded %s", out)
	err = json.Unmarshal([]byte(`{"reply":"soon"}`), &v)
	assert.ErrorIs(t, err, sla.ErrInvalid, "decoding a bad window: err = %v, want ErrInvalid", err)
	var z sla.Window
	assert.NoError(t, z.UnmarshalText(nil), "UnmarshalText(nil)")
	assert.True(t, z.IsZero(), "empty text = %v, want the zero window", z)
}

func TestWindowConstructorsPanic(t *testing.T) {
	for name, f := range map[string]func(){
		"negative":  func() { sla.BusinessHours(-1) },
		"too large": func() { sla.Days(sla.MaxWindowCount + 1) },
	} {
		assert.Panics(t, f, "%s: no panic", name)
	}
}

func TestWindowAdd(t *testing.T) {
	w, ok := sla.BusinessHours(3).Add(sla.BusinessHours(4))
	assert.True(t, ok, "3 bh + 4 bh = %v, %v; want ok", w, ok)
	assert.Equal(t, sla.BusinessHours(7), w, "3 bh + 4 bh = %v, want 7 bh", w)
	_, ok = sla.BusinessHours(3).Add(sla.Hours(4))
	assert.False(t, ok, "adding different units succeeded")
}
