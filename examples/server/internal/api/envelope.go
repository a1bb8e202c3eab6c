package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/creatorops/creatorops/sla"
)

// A request body that carries library documents ({"plan": ..., "events": ...})
// is read in two steps: the envelope here, as strictly as the library reads
// its own documents (keys match exactly, no key twice, no unknown key), and
// each member by the library's decoder, whose problems are moved under the
// member's name ("creator.calendar.hours[0]" becomes
// "plan.creator.calendar.hours[0]"). So every problem of a request comes back
// at once, with its path in the body.

// member is a key of an envelope.
type member struct {
	name     string
	required bool
}

// envelope is a decoded request envelope: the raw JSON of each member given,
// and the problems found so far.
type envelope struct {
	raw      map[string]json.RawMessage
	problems []*sla.FieldError
}

// errNotJSON marks a body that is not one JSON document (a 400, not a 422).
var errNotJSON = errors.New("not a JSON document")

// readEnvelope reads a JSON object whose keys are among members. A body that
// is not a JSON object is an error (errNotJSON, with the problem); problems
// with its keys are recorded in the envelope for the caller to report with
// those of the members. A member given as JSON null counts as left out.
func readEnvelope(body []byte, members ...member) (*envelope, error) {
	if !json.Valid(body) {
		return nil, notJSON(body)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return nil, &sla.ValidationError{What: "request", Problems: []*sla.FieldError{{Code: sla.CodeMalformed, Message: "want a JSON object, have " + kindOf(tok)}}}
	}
	env := &envelope{raw: map[string]json.RawMessage{}}
	seen := map[string]bool{}
	for dec.More() {
		tok, _ := dec.Token()
		key, _ := tok.(string)
		var raw json.RawMessage
		_ = dec.Decode(&raw) // the document is valid JSON
		switch {
		case seen[key]:
			env.add(key, sla.CodeDuplicateKey, "key "+quote(key)+" given more than once")
			continue
		case !known(members, key):
			env.add(key, sla.CodeUnknownField, unknownField(members, key))
			continue
		}
		seen[key] = true
		if !bytes.Equal(raw, []byte("null")) {
			env.raw[key] = raw
		}
	}
	for _, m := range members {
		if _, ok := env.raw[m.name]; m.required && !ok {
			env.add(m.name, sla.CodeRequired, "required")
		}
	}
	return env, nil
}

func (e *envelope) add(path, code, msg string) {
	e.problems = append(e.problems, &sla.FieldError{Path: path, Code: code, Message: msg})
}

// addErr records the problems of a library decoder's error under the member
// name.
func (e *envelope) addErr(name string, err error) {
	for _, p := range problemErrors("", err) {
		e.problems = append(e.problems, &sla.FieldError{Path: joinLocation(name, p.Path), Code: p.Code, Message: p.Message})
	}
}

// has reports whether member name was given (and not null).
func (e *envelope) has(name string) bool {
	_, ok := e.raw[name]
	return ok
}

// err returns the problems as a module *ValidationError, or nil.
func (e *envelope) err(what string) error {
	if len(e.problems) == 0 {
		return nil
	}
	return &sla.ValidationError{What: what, Problems: e.problems}
}

// instant reads member name as an RFC 3339 instant with an offset. It reports
// whether the member was given and read.
func (e *envelope) instant(name string) (time.Time, bool) {
	s, ok := e.str(name)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseInstant(s)
	if err != nil {
		e.add(name, sla.CodeMalformed, err.Error())
		return time.Time{}, false
	}
	return t, true
}

// str reads member name as a JSON string.
func (e *envelope) str(name string) (string, bool) {
	raw, ok := e.raw[name]
	if !ok {
		return "", false
	}
	var s string
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		e.add(name, sla.CodeMalformed, "want a JSON string, have "+kindOfRaw(raw))
		return "", false
	}
	return s, true
}

// parseInstant reads an RFC 3339 instant; the offset is required ("Z" for
// UTC), so that an instant never depends on the server's zone.
func parseInstant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errors.New("want an RFC 3339 instant with an offset, such as \"2027-03-08T10:00:00-08:00\", have " + quote(s))
	}
	return t, nil
}

func known(members []member, key string) bool {
	for _, m := range members {
		if m.name == key {
			return true
		}
	}
	return false
}

func unknownField(members []member, key string) string {
	msg := "unknown field " + quote(key)
	for _, m := range members {
		if strings.EqualFold(m.name, key) {
			return msg + " (did you mean " + quote(m.name) + "? keys match exactly)"
		}
	}
	names := make([]string, len(members))
	for i, m := range members {
		names[i] = m.name
	}
	return msg + "; want " + strings.Join(names, ", ")
}

// notJSON returns the problem of a body that is not one JSON document.
func notJSON(body []byte) error {
	msg := "malformed JSON"
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		msg += ": " + strings.TrimPrefix(err.Error(), "json: ")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		msg = "empty body: want a JSON document"
	}
	return errors.Join(errNotJSON, &sla.ValidationError{What: "request", Problems: []*sla.FieldError{{Code: sla.CodeMalformed, Message: msg}}})
}

func kindOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

func kindOfRaw(raw json.RawMessage) string {
	tok, _ := json.NewDecoder(bytes.NewReader(raw)).Token()
	return kindOf(tok)
}

// quote quotes s for a message, cut to 64 bytes (on a rune boundary).
func quote(s string) string {
	const max = 64
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "..."
}
