package pricing

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// MaxRateCardBytes bounds the JSON [DecodeRateCard] reads.
const MaxRateCardBytes = 1 << 20

// DecodeRateCard reads a rate card from JSON and validates it. Every problem
// is reported at once in a *[ValidationError]: unknown fields, values of the
// wrong JSON type, malformed money, percentages and durations (each with its
// path, such as "usage[1].duration"), then what [RateCard.Validate] finds.
// Field names are matched exactly (snake_case); amounts are strings.
func DecodeRateCard(data []byte) (RateCard, error) {
	var c RateCard
	if err := decodeStrict(data, &c); err != nil {
		return RateCard{}, err
	}
	if err := c.Validate(); err != nil {
		return RateCard{}, err
	}
	return c, nil
}

// DecodeRequest reads a [Request] from JSON the way [DecodeRateCard] reads
// a card, with paths under "request.". It does not check the request
// against a card; [RateCard.Quote] does.
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	if err := decodeStrict(data, &r); err != nil {
		var ve *ValidationError
		if asValidation(err, &ve) {
			for _, p := range ve.Problems {
				p.Path = joinPath("request", p.Path)
			}
		}
		return Request{}, err
	}
	return r, nil
}

func asValidation(err error, out **ValidationError) bool {
	ve, ok := err.(*ValidationError)
	if ok {
		*out = ve
	}
	return ok
}

func decodeStrict(data []byte, v any) error {
	var p problems
	if len(data) > MaxRateCardBytes {
		p.add("", CodeOutOfRange, "document larger than "+strconv.Itoa(MaxRateCardBytes)+" bytes")
		return p.err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		p.add("", CodeMalformed, "malformed JSON: "+strings.TrimPrefix(err.Error(), "json: "))
		return p.err()
	}
	if dec.More() {
		p.add("", CodeMalformed, "malformed JSON: data after the document")
		return p.err()
	}
	walk(doc, reflect.TypeOf(v).Elem(), "", &p)
	if err := p.err(); err != nil {
		return err
	}
	strict := json.NewDecoder(bytes.NewReader(data))
	strict.DisallowUnknownFields()
	if err := strict.Decode(v); err != nil { // walk should have caught it
		p.add("", CodeMalformed, strings.TrimPrefix(err.Error(), "json: "))
		return p.err()
	}
	return nil
}

func joinPath(base, field string) string {
	if base == "" {
		return field
	}
	if field == "" || field[0] == '[' {
		return base + field
	}
	return base + "." + field
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// walk checks a generic JSON value against the Go type t, adding a problem
// for every unknown field, wrong JSON type and value its UnmarshalJSON or
// UnmarshalText rejects.
func walk(v any, t reflect.Type, path string, p *problems) {
	if v == nil {
		return // null: leaves the zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		raw, _ := json.Marshal(v)
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			p.add(path, CodeMalformed, reasonOf(err))
		}
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		s, ok := v.(string)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON string, have "+jsonKind(v))
			return
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			p.add(path, CodeMalformed, reasonOf(err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON object, have "+jsonKind(v))
			return
		}
		fields := make(map[string]reflect.Type, t.NumField())
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fields[name] = f.Type
		}
		for _, k := range sortedKeys(obj) {
			ft, ok := fields[k]
			if !ok {
				p.add(joinPath(path, k), CodeUnknownField, "unknown field "+quote(k))
				continue
			}
			walk(obj[k], ft, joinPath(path, k), p)
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON array, have "+jsonKind(v))
			return
		}
		for i, e := range arr {
			walk(e, t.Elem(), path+"["+strconv.Itoa(i)+"]", p)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			p.add(path, CodeMalformed, "want a JSON string, have "+jsonKind(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.add(path, CodeMalformed, "want true or false, have "+jsonKind(v))
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := v.(json.Number)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON integer, have "+jsonKind(v))
			return
		}
		if _, err := strconv.ParseInt(string(n), 10, 32); err != nil {
			p.add(path, CodeMalformed, "want an integer of at most 9 digits, have "+quote(truncate(string(n))))
		}
	}
}

func reasonOf(err error) string {
	var pe *ParseError
	if e, ok := err.(*ParseError); ok {
		pe = e
		return pe.Type + " " + quote(pe.Input) + ": " + pe.Reason
	}
	return strings.TrimPrefix(err.Error(), "pricing: ")
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
