package holidays_test

import (
	"errors"
	"testing"

	"github.com/creatorops/creatorops/examples/server/internal/holidays"
)

// FuzzDecode: any input is a Spec that expands, or Errors; never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"country": "US", "from": 2026, "to": 2028}`, `{"country": "JP", "from": 2027}`,
		`{"country": "XX", "from": 1, "to": -1}`, `{"from": 2027, "from": 2027}`, `[]`, `{`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := holidays.Decode(data)
		if err != nil {
			var errs holidays.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("%q: error %v is not Errors", data, err)
			}
			return
		}
		hs, err := holidays.Expand(s.Country, s.From, s.To)
		if err != nil {
			t.Fatalf("%q decoded as %+v, which does not expand: %v", data, s, err)
		}
		if len(hs) == 0 {
			t.Fatalf("%+v: no holidays", s)
		}
	})
}

// FuzzExpand: any country and years expand to sorted dates within (about) the
// years asked, or an Errors.
func FuzzExpand(f *testing.F) {
	f.Add("US", 2026, 2028)
	f.Add("GB", 2027, 2027)
	f.Add("JP", 2099, 2099)
	f.Add("XX", 0, -5)
	f.Fuzz(func(t *testing.T, country string, from, to int) {
		hs, err := holidays.Expand(country, from, to)
		if err != nil {
			var errs holidays.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %v is not Errors", err)
			}
			return
		}
		if to-from+1 > holidays.MaxYears {
			t.Fatalf("%d..%d expanded", from, to)
		}
		prev := ""
		for _, h := range hs {
			e := h.String()
			if e <= prev {
				t.Fatalf("%s after %s", e, prev)
			}
			prev = e
			if h.Year < from-1 || h.Year > to+1 || h.Name == "" {
				t.Fatalf("%+v outside %d..%d", h, from, to)
			}
		}
	})
}
