package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/examples/server/internal/holidays"
	"github.com/creatorops/creatorops/sla"
)

// Public holidays in calendars. A calendar in a request (a deadline's, a
// plan's sides and contacts, an agreement's parties and contacts) may carry
// "public_holidays": {"country": "US", "from": 2026, "to": 2028}, which the
// service expands, before the library reads the calendar, into the
// calendar's "holidays" entries (internal/holidays: the country's public
// holidays of those years with their observed dates), after the entries the
// calendar gives itself. The library's calendar spec has no such member: what
// is stored (a plan, an agreement) and answered is the calendar with its
// holidays written out, so it never changes when holiday rules do.

// publicHolidaysKey is the member of a calendar that asks for public holidays.
const publicHolidaysKey = "public_holidays"

// The calendars of each kind of request body, by their path in the body.
var (
	deadlineCalendars  = []string{"calendar", "counterpart"}
	planCalendars      = sideCalendars("plan.", "owner", "manager")
	agreementCalendars = sideCalendars("", "owner", "manager", "backup")
)

// sideCalendars returns the paths of the calendars of both sides of a plan or
// an agreement under prefix: each side's and each of its contacts'.
func sideCalendars(prefix string, contacts ...string) []string {
	var out []string
	for _, side := range []string{"brand", "creator"} {
		out = append(out, prefix+side+".calendar")
		for _, c := range contacts {
			out = append(out, prefix+side+"."+c+".calendar")
		}
	}
	return out
}

// expandHolidays rewrites the calendars at paths in a JSON body: each one's
// public_holidays member is taken out and its holidays appended to the
// calendar's holidays. It returns the body (the same slice when nothing
// changed) and the problems of the public_holidays members, at their paths in
// the body. A body that is not JSON, or a calendar that is not an object, is
// left as it is for the library's decoders to report.
func expandHolidays(body []byte, paths []string) ([]byte, []*sla.FieldError) {
	// Most requests have no public holidays: a member named so, or a key
	// with an escape that could spell it, must be in the text.
	if !bytes.Contains(body, []byte(publicHolidaysKey)) && !bytes.Contains(body, []byte(`\u`)) {
		return body, nil
	}
	if !json.Valid(body) {
		return body, nil
	}
	segs := make([][]string, len(paths))
	for i, p := range paths {
		segs[i] = strings.Split(p, ".")
	}
	var probs []*sla.FieldError
	out, _ := rewriteCalendars(body, "", segs, &probs)
	return out, probs
}

// rewriteCalendars rewrites the calendars at the paths (relative to raw, at
// base in the body) in raw, and reports whether it changed anything. A path
// with no segments left is raw itself.
func rewriteCalendars(raw json.RawMessage, base string, paths [][]string, probs *[]*sla.FieldError) (json.RawMessage, bool) {
	ms, ok := members(raw)
	if !ok {
		return raw, false
	}
	changed := false
	for _, p := range paths {
		if len(p) == 0 {
			ms, ok = expandCalendar(ms, base, probs)
			changed = changed || ok
		}
	}
	// Walk into each member named by the paths: the first of the name (a key
	// given twice is the library's to report).
	done := map[string]bool{}
	for i, m := range ms {
		if done[m.key] {
			continue
		}
		done[m.key] = true
		var sub [][]string
		for _, p := range paths {
			if len(p) > 0 && p[0] == m.key {
				sub = append(sub, p[1:])
			}
		}
		if len(sub) == 0 {
			continue
		}
		if v, ok := rewriteCalendars(m.raw, joinLocation(base, m.key), sub, probs); ok {
			ms[i].raw, changed = v, true
		}
	}
	if !changed {
		return raw, false
	}
	return object(ms), true
}

// expandCalendar takes the public_holidays members out of a calendar's
// members and appends their holidays to its holidays member. It reports
// whether it changed the members.
func expandCalendar(ms []jsonMember, base string, probs *[]*sla.FieldError) ([]jsonMember, bool) {
	at := joinLocation(base, publicHolidaysKey)
	var spec json.RawMessage
	kept := ms[:0:0]
	for _, m := range ms {
		switch {
		case m.key != publicHolidaysKey:
			kept = append(kept, m)
		case spec != nil:
			*probs = append(*probs, &sla.FieldError{Path: at, Code: sla.CodeDuplicateKey, Message: "key \"public_holidays\" given more than once"})
		default:
			spec = m.raw
		}
	}
	if spec == nil {
		return ms, false
	}
	if bytes.Equal(spec, []byte("null")) {
		return kept, true
	}
	s, err := holidays.Decode(spec)
	var entries []string
	if err == nil {
		var hs []holidays.Holiday
		if hs, err = holidays.Expand(s.Country, s.From, s.To); err == nil {
			entries = holidays.Entries(hs)
		}
	}
	if err != nil {
		var errs holidays.Errors
		if !errors.As(err, &errs) {
			errs = holidays.Errors{{Code: sla.CodeMalformed, Message: err.Error()}}
		}
		for _, e := range errs {
			*probs = append(*probs, &sla.FieldError{Path: joinLocation(at, e.Field), Code: e.Code, Message: e.Message})
		}
		return kept, true
	}
	for i, m := range kept {
		if m.key != "holidays" {
			continue
		}
		var own []string
		if bytes.Equal(m.raw, []byte("null")) {
			own = []string{}
		} else if json.Unmarshal(m.raw, &own) != nil {
			return kept, true // not a list of strings: the library reports it
		}
		kept[i].raw = stringList(own, entries)
		return kept, true
	}
	return append(kept, jsonMember{key: "holidays", raw: stringList(nil, entries)}), true
}

// stringList returns the JSON array of own then those of more not in own.
func stringList(own, more []string) json.RawMessage {
	seen := make(map[string]bool, len(own))
	for _, s := range own {
		seen[s] = true
	}
	all := append([]string{}, own...)
	for _, s := range more {
		if !seen[s] {
			seen[s] = true
			all = append(all, s)
		}
	}
	b, _ := json.Marshal(all)
	return b
}

// jsonMember is a key of a JSON object and its raw value.
type jsonMember struct {
	key string
	raw json.RawMessage
}

// members returns the members of a JSON object in order, keys given twice
// included, or false when raw is not an object.
func members(raw json.RawMessage) ([]jsonMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var ms []jsonMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		ms = append(ms, jsonMember{key, v})
	}
	return ms, true
}

// object writes the members as a JSON object, in order.
func object(ms []jsonMember) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.raw)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// publicHolidaysSchema documents the public_holidays member of a calendar.
func publicHolidaysSchema() *huma.Schema {
	year := func(desc string) *huma.Schema {
		minY, maxY := float64(holidays.MinYear), float64(holidays.MaxYear)
		return &huma.Schema{Type: huma.TypeInteger, Minimum: &minY, Maximum: &maxY, Description: desc, Examples: []any{2027}}
	}
	country := &huma.Schema{Type: huma.TypeString, Description: "The country: an ISO 3166-1 alpha-2 code (GB is England and Wales).", Examples: []any{"US"}}
	for _, c := range holidays.Countries() {
		country.Enum = append(country.Enum, c)
	}
	return &huma.Schema{
		Type: huma.TypeObject,
		Description: "A request only: the country's public holidays of the years from..to (at most 20 years), with their observed " +
			"dates, added to the calendar's holidays by the service (github.com/rickar/cal/v2). What is stored and answered is " +
			"the calendar with those holidays written out.",
		Properties: map[string]*huma.Schema{
			"country": country,
			"from":    year("The first year."),
			"to":      year("The last year; the one year from when left out."),
		},
		Required:             []string{"country", "from"},
		AdditionalProperties: false,
	}
}
