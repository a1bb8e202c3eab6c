// Package strictjson is the module's one JSON decoder for documents users write
// (calendar specs, rate cards, requests, metrics inputs, Money's object form). It
// is strict where encoding/json is lenient, and it reports every problem at once
// with its JSON path:
//
//   - keys match the json tag (or field name) exactly, case included;
//   - a key given twice in one object is an error (encoding/json keeps the last);
//   - unknown keys are errors;
//   - a value of the wrong JSON type, a number out of the Go type's range, text
//     that the field's UnmarshalText or UnmarshalJSON rejects: each is a problem at
//     its path, and the field keeps its zero value;
//   - the document has a size limit and a nesting limit, and nothing may follow it;
//   - dates (date.Date) are exactly "YYYY-MM-DD" and times of day (clock.Clock)
//     "HH:MM[:SS[.mmm]]", read here rather than by their library's lenient
//     parsers; and a panic in any type's own decoder is a problem, not a crash.
//
// What could be decoded is decoded, so that a validator can judge the rest
// without reporting the same value twice (see [Covered]).
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/internal/problem"
)

// MaxDepth bounds the nesting of arrays and objects.
const MaxDepth = 64

// Decode decodes data into v, a non-nil pointer, and returns the problems found,
// each with its path and the package name pkg. ok is false when nothing could be
// decoded: the document is larger than limit bytes, is not JSON, or has data after
// it; then v is unchanged. JSON null is read as encoding/json reads it.
func Decode(pkg string, data []byte, v any, limit int) (problems []*problem.FieldError, ok bool) {
	d := decoder{pkg: pkg}
	if len(data) > limit {
		d.add("", problem.CodeTooLarge, "document larger than "+strconv.Itoa(limit)+" bytes")
		return d.list, false
	}
	root, err := parse(data)
	if err != nil {
		d.add("", problem.CodeMalformed, err.Error())
		return d.list, false
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode of a non-pointer or nil")
	}
	d.value(root, rv.Elem(), "")
	return d.list, true
}

// Covered reports whether a validator's problem at path is a consequence of a
// decoding problem: at the same path, inside the value found there, or anywhere
// when decoding failed at the root.
func Covered(path string, decoded []*problem.FieldError) bool {
	for _, d := range decoded {
		if d.Path == "" || path == d.Path || within(path, d.Path) {
			return true
		}
	}
	return false
}

// Merge returns the decoding problems followed by the validation problems that
// are not a consequence of them: not [Covered], and not a "required" finding
// about a value that holds a decoding problem (a charge whose percent was
// malformed is not also missing its percent; a calendar whose hours did not
// parse is not also missing).
func Merge(decoded, validated []*problem.FieldError) []*problem.FieldError {
	out := decoded
	for _, f := range validated {
		if Covered(f.Path, decoded) || f.Code == problem.CodeRequired && holds(f.Path, decoded) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Holds reports whether a decoding problem lies at path or inside the value
// there: an element whose own decoder failed is left zero, and checking it
// would only repeat the failure.
func Holds(path string, decoded []*problem.FieldError) bool {
	for _, d := range decoded {
		if d.Path == path || within(d.Path, path) {
			return true
		}
	}
	return false
}

// holds reports whether a decoding problem lies inside the value at path.
func holds(path string, decoded []*problem.FieldError) bool {
	for _, d := range decoded {
		if within(d.Path, path) {
			return true
		}
	}
	return false
}

// within reports whether path lies inside the value at base.
func within(path, base string) bool {
	if base == "" {
		return true
	}
	rest, ok := strings.CutPrefix(path, base)
	return ok && rest != "" && (rest[0] == '.' || rest[0] == '[')
}

// node is a parsed JSON value that keeps its keys in order.
type node struct {
	kind byte   // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	str  string // string text, number text
	b    bool
	keys []string
	vals []*node // object values (parallel to keys) or array elements
	raw  []byte  // the value's JSON text
	dups []dup   // keys given again, in document order
}

// dup is a key given again in an object, after the first at of its keys.
type dup struct {
	at  int
	key string
}

type syntaxError struct{ msg string }

func (e *syntaxError) Error() string { return e.msg }

func parse(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parseValue(dec, data, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &syntaxError{"malformed JSON: data after the document"}
	}
	return n, nil
}

func malformed(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &syntaxError{"malformed JSON: unexpected end of input"}
	}
	return &syntaxError{"malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

func parseValue(dec *json.Decoder, data []byte, depth int) (*node, error) {
	start := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return nil, malformed(err)
	}
	n := &node{}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= MaxDepth {
			return nil, &syntaxError{"document nested deeper than " + strconv.Itoa(MaxDepth) + " levels"}
		}
		if t == '{' {
			n.kind = 'o'
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, malformed(err)
				}
				k, _ := kt.(string)
				v, err := parseValue(dec, data, depth+1)
				if err != nil {
					return nil, err
				}
				if seen[k] {
					n.dups = append(n.dups, dup{len(n.keys), k})
					continue
				}
				seen[k] = true
				n.keys = append(n.keys, k)
				n.vals = append(n.vals, v)
			}
		} else {
			n.kind = 'a'
			for dec.More() {
				v, err := parseValue(dec, data, depth+1)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil, malformed(err)
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.str = 'n', string(t)
	case bool:
		n.kind, n.b = 'b', t
	case nil:
		n.kind = 'z'
	}
	n.raw = bytes.TrimLeft(data[start:dec.InputOffset()], " \t\r\n,:")
	return n, nil
}

type decoder struct {
	pkg    string
	list   []*problem.FieldError
	fields map[reflect.Type]map[string]field // the struct field tables of this call
}

func (d *decoder) add(path, code, msg string) {
	d.list = append(d.list, problem.NewFieldError(d.pkg, path, code, msg))
}

func (d *decoder) addErr(path string, err error) {
	d.list = append(d.list, problem.Problems(d.pkg, path, err)...)
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func kindName(n *node) string {
	switch n.kind {
	case 'o':
		return "an object"
	case 'a':
		return "an array"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

func (d *decoder) wrongType(path, want string, n *node) {
	d.add(path, problem.CodeMalformed, "want "+want+", have "+kindName(n))
}

// value decodes n into v (settable), reporting problems under path.
func (d *decoder) value(n *node, v reflect.Value, path string) {
	if n.kind == 'z' {
		// As encoding/json: null sets a pointer, map, slice or interface to nil
		// and leaves any other value as it is (a type's own UnmarshalJSON is not
		// called).
		switch v.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			v.SetZero()
		}
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			// An optional value: set only when it decodes without a problem, so
			// that a validator sees "missing" where the decoder reported "bad".
			nv := reflect.New(v.Type().Elem())
			before := len(d.list)
			d.value(n, nv.Elem(), path)
			if len(d.list) == before {
				v.Set(nv)
			}
			return
		}
		d.value(n, v.Elem(), path)
		return
	}
	if d.civil(n, v, path) {
		return
	}
	if v.CanAddr() {
		p := v.Addr()
		if p.Type().Implements(jsonUnmarshaler) {
			fresh := reflect.New(v.Type())
			if err := guard(func() error { return fresh.Interface().(json.Unmarshaler).UnmarshalJSON(n.raw) }); err != nil {
				d.addErr(path, err)
				return
			}
			v.Set(fresh.Elem())
			return
		}
		if p.Type().Implements(textUnmarshaler) {
			if n.kind != 's' {
				d.wrongType(path, "a JSON string", n)
				return
			}
			fresh := reflect.New(v.Type())
			if err := guard(func() error { return fresh.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.str)) }); err != nil {
				d.addErr(path, err)
				return
			}
			v.Set(fresh.Elem())
			return
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		d.object(n, v, path)
	case reflect.Map:
		if n.kind != 'o' {
			d.wrongType(path, "a JSON object", n)
			return
		}
		if v.Type().Key().Kind() != reflect.String {
			panic("strictjson: map keys must be strings")
		}
		if v.IsNil() {
			v.Set(reflect.MakeMapWithSize(v.Type(), len(n.keys)))
		}
		next := 0
		for i, k := range n.keys {
			d.duplicates(n, path, i, &next)
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(n.vals[i], e, problem.JoinPath(path, k))
			v.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
		d.duplicates(n, path, len(n.keys), &next)
	case reflect.Slice:
		if n.kind != 'a' {
			d.wrongType(path, "a JSON array", n)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.vals), len(n.vals))
		for i, e := range n.vals {
			d.value(e, s.Index(i), problem.Index(path, i))
		}
		v.Set(s)
	case reflect.Array:
		if n.kind != 'a' || len(n.vals) != v.Len() {
			d.add(path, problem.CodeMalformed, "want a JSON array of "+strconv.Itoa(v.Len())+" elements, have "+kindName(n))
			return
		}
		for i, e := range n.vals {
			d.value(e, v.Index(i), problem.Index(path, i))
		}
	case reflect.String:
		if n.kind != 's' {
			d.wrongType(path, "a JSON string", n)
			return
		}
		v.SetString(n.str)
	case reflect.Bool:
		if n.kind != 'b' {
			d.wrongType(path, "true or false", n)
			return
		}
		v.SetBool(n.b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != 'n' {
			d.wrongType(path, "a JSON integer", n)
			return
		}
		bits := v.Type().Bits()
		i, err := strconv.ParseInt(n.str, 10, bits)
		if err != nil {
			lo, hi := int64(-1)<<(bits-1), int64(1)<<(bits-1)-1
			d.add(path, problem.CodeOutOfRange, "want an integer from "+strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10)+", have "+problem.Quote(n.str))
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.kind != 'n' {
			d.wrongType(path, "a JSON integer", n)
			return
		}
		bits := v.Type().Bits()
		u, err := strconv.ParseUint(n.str, 10, bits)
		if err != nil {
			hi := uint64(math.MaxUint64) >> (64 - bits)
			d.add(path, problem.CodeOutOfRange, "want an integer from 0 to "+strconv.FormatUint(hi, 10)+", have "+problem.Quote(n.str))
			return
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		if n.kind != 'n' {
			d.wrongType(path, "a JSON number", n)
			return
		}
		f, err := strconv.ParseFloat(n.str, v.Type().Bits())
		if err != nil {
			d.add(path, problem.CodeOutOfRange, "number out of range: "+problem.Quote(n.str))
			return
		}
		v.SetFloat(f)
	case reflect.Interface:
		if v.NumMethod() != 0 {
			panic("strictjson: cannot decode into interface " + v.Type().String())
		}
		var x any
		_ = json.Unmarshal(n.raw, &x)
		d.duplicatesDeep(n, path)
		v.Set(reflect.ValueOf(&x).Elem())
	default:
		panic("strictjson: cannot decode into " + v.Type().String())
	}
}

// duplicates reports the keys of n given again before its key i (all of them
// when i is len(n.keys)) and not reported yet.
// guard runs a type's own decoding and turns a panic in it into an error: a
// library's parser must not take a service down on one bad value
// (github.com/rickb777/date v1.22.0 panics on "00000-00").
func guard(decode func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("malformed value")
		}
	}()
	return decode()
}

var (
	dateType  = reflect.TypeFor[date.Date]()
	clockType = reflect.TypeFor[clock.Clock]()
)

// civil decodes the module's civil types itself, strictly: a date.Date is
// exactly "YYYY-MM-DD" with a year from 0001 to 9999 and a day that exists (the
// date library also reads "99999999" as +10007-06-07 and panics on
// "00000-00"); a clock.Clock is "HH:MM", "HH:MM:SS" or "HH:MM:SS.mmm" within one
// day. It reports whether v was one of them.
func (d *decoder) civil(n *node, v reflect.Value, path string) bool {
	switch v.Type() {
	case dateType:
		if n.kind != 's' {
			d.wrongType(path, `a date string "YYYY-MM-DD"`, n)
			return true
		}
		if t, err := time.Parse(time.DateOnly, n.str); err != nil || t.Year() < 1 {
			d.add(path, problem.CodeMalformed, `want a date "YYYY-MM-DD" from 0001-01-01 to 9999-12-31, have `+problem.Quote(n.str))
		} else {
			v.Set(reflect.ValueOf(date.New(t.Date())))
		}
		return true
	case clockType:
		if n.kind != 's' {
			d.wrongType(path, `a time of day "HH:MM"`, n)
			return true
		}
		var t time.Time
		var err error
		for _, layout := range []string{"15:04", "15:04:05", "15:04:05.000"} {
			if t, err = time.Parse(layout, n.str); err == nil {
				break
			}
		}
		if err != nil {
			d.add(path, problem.CodeMalformed, `want a time of day "HH:MM" or "HH:MM:SS" from 00:00 to 23:59:59, have `+problem.Quote(n.str))
		} else {
			v.Set(reflect.ValueOf(clock.New(t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e6)))
		}
		return true
	}
	return false
}

func (d *decoder) duplicates(n *node, path string, i int, next *int) {
	for ; *next < len(n.dups) && n.dups[*next].at <= i; *next++ {
		k := n.dups[*next].key
		d.add(problem.JoinPath(path, k), problem.CodeDuplicateKey, "key "+problem.Quote(k)+" given more than once")
	}
}

func (d *decoder) duplicatesDeep(n *node, path string) {
	next := 0
	d.duplicates(n, path, len(n.keys), &next)
	for i, c := range n.vals {
		if n.kind == 'o' {
			d.duplicatesDeep(c, problem.JoinPath(path, n.keys[i]))
		} else {
			d.duplicatesDeep(c, problem.Index(path, i))
		}
	}
}

// field is one JSON key of a struct: the index path of its Go field.
type field struct {
	index []int
}

// fieldsOf returns t's JSON keys, computed once per decoding (not cached across
// calls: the module keeps no package-level state).
func (d *decoder) fieldsOf(t reflect.Type) map[string]field {
	if f, ok := d.fields[t]; ok {
		return f
	}
	if d.fields == nil {
		d.fields = map[reflect.Type]map[string]field{}
	}
	out := map[string]field{}
	d.fields[t] = out
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" && !strings.HasPrefix(tag, "-,") {
				continue
			}
			idx := append(append([]int(nil), index...), i)
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					walk(ft, idx)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, ok := out[name]; !ok {
				out[name] = field{index: idx}
			}
		}
	}
	walk(t, nil)
	return out
}

func (d *decoder) object(n *node, v reflect.Value, path string) {
	if n.kind != 'o' {
		d.wrongType(path, "a JSON object", n)
		return
	}
	fields := d.fieldsOf(v.Type())
	next := 0
	for i, k := range n.keys {
		d.duplicates(n, path, i, &next)
		f, ok := fields[k]
		p := problem.JoinPath(path, k)
		if !ok {
			msg := "unknown field " + problem.Quote(k)
			for name := range fields {
				if strings.EqualFold(name, k) {
					msg += " (did you mean " + problem.Quote(name) + "? keys match exactly)"
					break
				}
			}
			d.add(p, problem.CodeUnknownField, msg)
			continue
		}
		fv, ok := fieldByIndex(v, f.index)
		if !ok {
			continue
		}
		d.value(n.vals[i], fv, p)
	}
	d.duplicates(n, path, len(n.keys), &next)
}

// fieldByIndex is v.FieldByIndex, allocating nil embedded pointers.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}
