package sla_test

import (
	"encoding/json"
	"errors"
	"testing"

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
		got, err := sla.ParseWindow(tc.in)
		if err != nil || got != tc.want || got.String() != tc.str {
			t.Errorf("ParseWindow(%q) = %v, %v; want %v (%q)", tc.in, got, err, tc.want, tc.str)
		}
	}
	for _, in := range []string{"", "h", "-0 days", "+1 day", "-3h", "3 fortnights", "1.5 hours", "1e3 hours", "100001 hours", "99999999999999999999 days", "48 hours ago", "3 business weeks"} {
		_, err := sla.ParseWindow(in)
		var pe *sla.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, sla.ErrInvalid) || pe.Input != in {
			t.Errorf("ParseWindow(%q) error = %v, want a *ParseError wrapping ErrInvalid", in, err)
		}
	}
	_, err := sla.ParseWindow("3 fortnights")
	if want := `sla: parse window "3 fortnights": unknown unit "fortnights": want hours, days, business hours or business days`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestWindowJSON(t *testing.T) {
	type terms struct {
		Reply sla.Window `json:"reply"`
		Edit  sla.Window `json:"edit"`
	}
	var v terms
	if err := json.Unmarshal([]byte(`{"reply":"1 business day","edit":"48h"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Reply != sla.BusinessDays(1) || v.Edit != sla.Hours(48) {
		t.Errorf("decoded %+v", v)
	}
	out, _ := json.Marshal(v)
	if string(out) != `{"reply":"1 business day","edit":"48 hours"}` {
		t.Errorf("encoded %s", out)
	}
	if err := json.Unmarshal([]byte(`{"reply":"soon"}`), &v); !errors.Is(err, sla.ErrInvalid) {
		t.Errorf("decoding a bad window: err = %v, want ErrInvalid", err)
	}
	var z sla.Window
	if err := z.UnmarshalText(nil); err != nil || !z.IsZero() {
		t.Errorf("empty text = %v, %v; want the zero window", z, err)
	}
}

func TestWindowConstructorsPanic(t *testing.T) {
	for name, f := range map[string]func(){
		"negative":  func() { sla.BusinessHours(-1) },
		"too large": func() { sla.Days(sla.MaxWindowCount + 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestWindowAdd(t *testing.T) {
	if w, ok := sla.BusinessHours(3).Add(sla.BusinessHours(4)); !ok || w != sla.BusinessHours(7) {
		t.Errorf("3 bh + 4 bh = %v, %v", w, ok)
	}
	if _, ok := sla.BusinessHours(3).Add(sla.Hours(4)); ok {
		t.Error("adding different units succeeded")
	}
}
