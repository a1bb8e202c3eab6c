package holidays

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Spec asks for a country's public holidays of a range of years: in JSON,
// {"country": "US", "from": 2026, "to": 2028}, the public_holidays member of
// a calendar in the service's requests. To may be left out: the one year From.
type Spec struct {
	Country string `json:"country"`
	From    int    `json:"from"`
	To      int    `json:"to,omitempty"`
}

// MaxSpecBytes bounds the JSON that Decode reads.
const MaxSpecBytes = 1 << 10

// Decode reads a Spec strictly (keys match exactly, no key twice, no unknown
// key, years as whole JSON numbers, at most MaxSpecBytes) and checks it as
// Expand would, reporting every problem at once in an Errors.
func Decode(data []byte) (Spec, error) {
	var errs Errors
	add := func(field, code, msg string) { errs = append(errs, &Error{Field: field, Code: code, Message: msg}) }
	if len(data) > MaxSpecBytes {
		add("", CodeMalformed, fmt.Sprintf("want at most %d bytes, have %d", MaxSpecBytes, len(data)))
		return Spec{}, errs
	}
	if !json.Valid(data) {
		add("", CodeMalformed, "want a JSON object {\"country\": \"US\", \"from\": 2026, \"to\": 2028}: malformed JSON")
		return Spec{}, errs
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		add("", CodeMalformed, "want a JSON object {\"country\": \"US\", \"from\": 2026, \"to\": 2028}")
		return Spec{}, errs
	}
	var s Spec
	seen := map[string]bool{}
	for dec.More() {
		tok, _ := dec.Token()
		k, _ := tok.(string)
		var raw json.RawMessage
		_ = dec.Decode(&raw) // the document is valid JSON
		if seen[k] {
			add(k, CodeDuplicateKey, "key "+quote(k)+" given more than once")
			continue
		}
		seen[k] = true
		switch k {
		case "country":
			if json.Unmarshal(raw, &s.Country) != nil {
				add(k, CodeMalformed, "want a country code as a JSON string, \"US\"")
				seen[k] = false
			}
		case "from", "to":
			y, ok := year(raw)
			if !ok {
				add(k, CodeMalformed, "want a year as a whole JSON number, 2027")
				seen[k] = false
				continue
			}
			if k == "from" {
				s.From = y
			} else {
				s.To = y
			}
		default:
			add(k, CodeUnknownField, "unknown field "+quote(k)+"; want country, from, to")
		}
	}
	if !seen["country"] && !hasField(errs, "country") {
		add("country", CodeRequired, "required: a country code, one of "+fmt.Sprint(Countries()))
	}
	if !seen["from"] && !hasField(errs, "from") {
		add("from", CodeRequired, "required: the first year")
	}
	if len(errs) > 0 {
		return Spec{}, errs
	}
	if s.To == 0 && !seen["to"] {
		s.To = s.From
	}
	if err := Check(s.Country, s.From, s.To); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// year reads a whole JSON number that fits an int of a few digits.
func year(raw json.RawMessage) (int, bool) {
	if len(raw) == 0 || len(raw) > 6 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
		return 0, false
	}
	y, err := strconv.Atoi(string(raw))
	return y, err == nil
}

func hasField(errs Errors, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}
