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
// is reported at once in a *[ValidationError]: first what decoding finds
// (unknown fields, values of the wrong JSON type, malformed money,
// percentages and durations, and an empty string where an optional value
// such as a charge's "percent" or "fixed" goes: leave the field out
// instead), each with its path such as "usage[1].duration", in document
// order with object keys sorted; then what [RateCard.Validate] finds in
// everything that could be decoded. A value that could not be decoded is
// reported once, not again by Validate as missing, and neither is anything
// inside it. Only a document that is not JSON, or one larger than
// [MaxRateCardBytes], is reported alone, with the path "".
// Field names are matched exactly (snake_case); amounts are strings.
func DecodeRateCard(data []byte) (RateCard, error) {
	var c RateCard
	p, ok := decodeLenient(data, &c)
	if !ok {
		return RateCard{}, p.err()
	}
	decoded := len(p.list)
	var v problems
	c.validate(&v)
	for _, f := range v.list {
		if !covered(f.Path, p.list[:decoded]) {
			p.list = append(p.list, f)
		}
	}
	if err := p.err(); err != nil {
		return RateCard{}, err
	}
	return c, nil
}

// covered reports whether a Validate finding at path is a consequence of a
// decoding problem: at the same path or inside the value found there.
func covered(path string, decoded []*FieldError) bool {
	for _, d := range decoded {
		if d.Path == "" || path == d.Path {
			return true
		}
		if rest, ok := strings.CutPrefix(path, d.Path); ok && (rest[0] == '.' || rest[0] == '[') {
			return true
		}
	}
	return false
}

// DecodeRequest reads a [Request] from JSON the way [DecodeRateCard] reads
// a card, with paths under "request.". It does not check the request
// against a card; [RateCard.Quote] does.
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	p, _ := decodeLenient(data, &r)
	if err := p.err(); err != nil {
		for _, f := range p.list {
			f.Path = joinPath("request", f.Path)
		}
		return Request{}, err
	}
	return r, nil
}

// decodeLenient decodes data into v, which points to a struct, decoding
// what can be decoded: it checks the document against v's type with walk,
// which reports every unknown field and bad value, drops the unknown
// fields and puts the zero value in place of each bad value, then decodes
// the cleaned document. ok is false when nothing could be decoded (data is
// too large or not JSON); JSON null decodes as the zero value.
func decodeLenient(data []byte, v any) (p problems, ok bool) {
	if len(data) > MaxRateCardBytes {
		p.add("", CodeOutOfRange, "document larger than "+strconv.Itoa(MaxRateCardBytes)+" bytes")
		return p, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		p.add("", CodeMalformed, "malformed JSON: "+strings.TrimPrefix(err.Error(), "json: "))
		return p, false
	}
	if dec.More() {
		p.add("", CodeMalformed, "malformed JSON: data after the document")
		return p, false
	}
	if doc == nil {
		doc = map[string]any{} // null: the zero value, for Validate to judge
	}
	// Not an object: walk reports it at the path "", which covers everything, and
	// returns an empty object.
	doc = walk(doc, reflect.TypeOf(v).Elem(), "", &p)
	clean, err := json.Marshal(doc)
	if err == nil {
		strict := json.NewDecoder(bytes.NewReader(clean))
		strict.DisallowUnknownFields()
		err = strict.Decode(v)
	}
	if err != nil { // walk should have caught it
		p.add("", CodeMalformed, strings.TrimPrefix(err.Error(), "json: "))
		return p, false
	}
	return p, true
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
// UnmarshalText rejects, and for an empty string given for an optional
// (pointer) value that parses text. It returns v cleaned for decoding into
// t: unknown fields deleted and each rejected value replaced by the JSON of
// the zero value. Objects and arrays are cleaned in place.
func walk(v any, t reflect.Type, path string, p *problems) any {
	if v == nil {
		return nil // null: leaves the zero value
	}
	optional := t.Kind() == reflect.Pointer
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	isJSON := reflect.PointerTo(t).Implements(jsonUnmarshaler)
	isText := reflect.PointerTo(t).Implements(textUnmarshaler)
	if s, ok := v.(string); ok && s == "" && optional && (isJSON || isText) {
		// The zero value of a Percent is 0%; "" is not a way to write it.
		p.add(path, CodeRequired, "empty string: give a value or leave the field out")
		return v
	}
	if isJSON {
		raw, _ := json.Marshal(v)
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			p.add(path, CodeMalformed, reasonOf(err))
			return ""
		}
		return v
	}
	if isText {
		s, ok := v.(string)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON string, have "+jsonKind(v))
			return ""
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			p.add(path, CodeMalformed, reasonOf(err))
			return ""
		}
		return v
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON object, have "+jsonKind(v))
			return map[string]any{}
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
				delete(obj, k)
				continue
			}
			obj[k] = walk(obj[k], ft, joinPath(path, k), p)
		}
		return obj
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON array, have "+jsonKind(v))
			return []any{}
		}
		for i, e := range arr {
			arr[i] = walk(e, t.Elem(), path+"["+strconv.Itoa(i)+"]", p)
		}
		return arr
	case reflect.String:
		if _, ok := v.(string); !ok {
			p.add(path, CodeMalformed, "want a JSON string, have "+jsonKind(v))
			return ""
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.add(path, CodeMalformed, "want true or false, have "+jsonKind(v))
			return false
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := v.(json.Number)
		if !ok {
			p.add(path, CodeMalformed, "want a JSON integer, have "+jsonKind(v))
			return json.Number("0")
		}
		if _, err := strconv.ParseInt(string(n), 10, 32); err != nil {
			p.add(path, CodeMalformed, "want an integer of at most 9 digits, have "+quote(truncate(string(n))))
			return json.Number("0")
		}
	}
	return v
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
