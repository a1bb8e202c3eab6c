package contract_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/creatorops/creatorops/contract"
)

// FuzzDecodeAgreement: DecodeAgreement never panics and fails only with
// ErrInvalid; an agreement it accepts has a canonical form that decodes back
// to the same canonical form, and the checklist and the onboarding message
// run on it without a panic.
func FuzzDecodeAgreement(f *testing.F) {
	for _, name := range []string{"good", "vague", "toolong"} {
		b, err := os.ReadFile("testdata/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{}`, `null`, `[]`, `"none"`,
		`{"campaign":{"name":"x"},"brand":{"name":"b"},"creator":{"name":"c"},"deliverables":[{"id":"d","platform":"tiktok","format":"short_video","count":1}]}`,
		`{"campaign":{"name":"x"},"brand":{"name":"b"},"creator":{"name":"c"},"deliverables":[{"id":"d","platform":"p","format":"f","count":1,"length":"none","extras":"none"}],"rights":{"usage":"none","whitelisting":null,"exclusivity":{}},"rush":"none","escalation":"none"}`,
		`{"rights":{"usage":"None"}}`, `{"deliverables":[{"window":{"from":"2027-03-17","to":"2027-03-15"}}]}`,
		`{"policy":{"payment":{"trigger":""}}}`, `{"brief":{"shipping":{"ship_by":"2027-02-30"}}}`,
		`{"campaign":{"name":"x"},"campaign":{"name":"y"}}`, `{"escalation":[{"side":"brand","calendar":{"time_zone":"Local"}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := contract.DecodeAgreement(data)
		if err != nil {
			if !errors.Is(err, contract.ErrInvalid) {
				t.Fatalf("DecodeAgreement(%q) = %v, not ErrInvalid", data, err)
			}
			return
		}
		c, err := a.Canonical()
		if err != nil {
			t.Fatalf("DecodeAgreement accepted %q but Canonical: %v", data, err)
		}
		back, err := contract.DecodeAgreement(c)
		if err != nil {
			t.Fatalf("DecodeAgreement(Canonical(%q)) = %v; canonical %s", data, err, c)
		}
		c2, err := back.Canonical()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(c, c2) {
			t.Fatalf("canonical form changed after a round trip:\n%s\n%s", c, c2)
		}
		contract.Check(a)
		contract.Onboarding(a)
	})
}
