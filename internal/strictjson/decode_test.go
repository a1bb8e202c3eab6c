package strictjson_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
)

type word string

func (w *word) UnmarshalText(b []byte) error {
	if strings.ContainsRune(string(b), ' ') {
		return problem.NewParseError("test", problem.ParseError{What: "word", Input: string(b), Token: " ", Reason: "a space"})
	}
	*w = word(b)
	return nil
}

type inner struct {
	Name  word   `json:"name"`
	Count int32  `json:"count,omitempty"`
	Tags  []word `json:"tags,omitempty"`
}

type doc struct {
	TimeZone string            `json:"time_zone"`
	Inner    *inner            `json:"inner,omitempty"`
	List     []inner           `json:"list,omitempty"`
	Map      map[string]inner  `json:"map,omitempty"`
	Flag     bool              `json:"flag,omitempty"`
	Any      any               `json:"any,omitempty"`
	Skip     string            `json:"-"`
	Extra    map[string]string `json:"extra,omitempty"`
}

func paths(ps []*problem.FieldError) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path+" "+p.Code)
	}
	return out
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"clean", `{"time_zone":"UTC","inner":{"name":"a","count":3},"list":[{"name":"b"}],"flag":true}`, nil},
		{"wrong case is unknown", `{"TIME_ZONE":"UTC"}`, []string{"TIME_ZONE unknown_field"}},
		{"duplicate key", `{"time_zone":"UTC","time_zone":"Europe/Paris"}`, []string{"time_zone duplicate_key"}},
		{"duplicate nested", `{"list":[{"name":"a"},{"name":"b","name":"c"}]}`, []string{"list[1].name duplicate_key"}},
		{"duplicate in any", `{"any":{"x":{"y":1,"y":2}}}`, []string{"any.x.y duplicate_key"}},
		{"unknown nested", `{"inner":{"nmae":"a"}}`, []string{"inner.nmae unknown_field"}},
		{"wrong type", `{"time_zone":3,"flag":"yes"}`, []string{"time_zone malformed", "flag malformed"}},
		{"int range", `{"inner":{"count":2147483648}}`, []string{"inner.count out_of_range"}},
		{"int not integer", `{"inner":{"count":1.5}}`, []string{"inner.count out_of_range"}},
		{"text error rebased", `{"list":[{"name":"a b"}],"map":{"k":{"tags":["x","y z"]}}}`, []string{"list[0].name malformed", "map.k.tags[1] malformed"}},
		{"dash field", `{"Skip":"x","-":"y"}`, []string{"Skip unknown_field", "- unknown_field"}},
		{"null", `null`, nil},
		{"top not object", `[1]`, []string{" malformed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			ps, ok := strictjson.Decode("test", []byte(tt.in), &d, 1<<20)
			require.True(t, ok)
			assert.Equal(t, tt.want, paths(ps))
		})
	}
}

func TestDecodeKeepsWhatDecoded(t *testing.T) {
	var d doc
	ps, ok := strictjson.Decode("test", []byte(`{"time_zone":"UTC","inner":{"name":"a b"},"list":[{"name":"ok"},{"name":"x y"}]}`), &d, 1<<20)
	require.True(t, ok)
	assert.Equal(t, []string{"inner.name malformed", "list[1].name malformed"}, paths(ps))
	assert.Equal(t, "UTC", d.TimeZone)
	assert.Nil(t, d.Inner, "an optional value with a problem stays unset")
	require.Len(t, d.List, 2)
	assert.Equal(t, word("ok"), d.List[0].Name)
	assert.Contains(t, ps[0].Error(), `test: inner.name: parse word "a b": a space`)
}

func TestDecodeNullAsEncodingJSON(t *testing.T) {
	d := doc{TimeZone: "keep", Inner: &inner{Name: "x"}, List: []inner{{}}, Flag: true}
	ps, ok := strictjson.Decode("test", []byte(`{"time_zone":null,"inner":null,"list":null,"flag":null}`), &d, 1<<20)
	require.True(t, ok)
	assert.Empty(t, ps)
	assert.Equal(t, doc{TimeZone: "keep", Flag: true}, d)
}

func TestDecodeWholeDocumentFailures(t *testing.T) {
	tests := []struct{ name, in, code string }{
		{"not JSON", `{"time_zone":`, problem.CodeMalformed},
		{"trailing data", `{} {}`, problem.CodeMalformed},
		{"too deep", strings.Repeat(`{"any":`, 70) + "1" + strings.Repeat("}", 70), problem.CodeMalformed},
		{"too large", `{"time_zone":"` + strings.Repeat("x", 2000) + `"}`, problem.CodeTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			d.TimeZone = "keep"
			ps, ok := strictjson.Decode("test", []byte(tt.in), &d, 1000)
			require.False(t, ok)
			require.Len(t, ps, 1)
			assert.Equal(t, tt.code, ps[0].Code)
			assert.Equal(t, "", ps[0].Path)
			assert.Equal(t, "keep", d.TimeZone)
		})
	}
}

func TestEveryErrorReadsAsValidationError(t *testing.T) {
	errs := []error{
		problem.NewParseError("sla", problem.ParseError{What: "window", Input: "3 fortnights", Token: "fortnights", Reason: `unknown unit "fortnights"`}),
		problem.NewFieldError("pricing", "usage[1].percent", problem.CodeOutOfRange, "more than 500%"),
		problem.NewMismatchError("pricing", problem.MismatchError{Op: "add", What: "currency", A: "1.00 USD", B: "1.00 EUR", Code: problem.CodeCurrencyMismatch}),
		problem.NewValidationError("sla", "calendar spec", []*problem.FieldError{problem.NewFieldError("sla", "time_zone", problem.CodeRequired, "required")}),
	}
	for _, err := range errs {
		var ve *problem.ValidationError
		require.True(t, errors.As(err, &ve), "%v", err)
		require.NotEmpty(t, ve.Problems)
		assert.NotEmpty(t, ve.Problems[0].Code)
		assert.True(t, errors.Is(err, problem.ErrInvalid), "%v", err)
	}
	assert.Equal(t, `sla: parse window "3 fortnights": unknown unit "fortnights"`, errs[0].Error())
	assert.Equal(t, `pricing: usage[1].percent: more than 500%`, errs[1].Error())
	assert.Equal(t, `pricing: add: currency differs: "1.00 USD" and "1.00 EUR"`, errs[2].Error())
	assert.Equal(t, `sla: calendar spec: time_zone: required`, errs[3].Error())
}

func TestQuoteCutsLongInput(t *testing.T) {
	s := strings.Repeat("é", 40)
	q := problem.Quote(s)
	assert.True(t, strings.HasSuffix(q, `"...`))
	assert.LessOrEqual(t, len(q), 64+5)
}

func TestDecodeCivilTypesStrictly(t *testing.T) {
	type civil struct {
		Date date.Date   `json:"date"`
		At   clock.Clock `json:"at"`
	}
	tests := []struct {
		in   string
		want []string
	}{
		{`{"date":"2027-03-15","at":"12:00"}`, nil},
		{`{"date":"2027-03-15","at":"23:59:59.999"}`, nil},
		{`{"date":"00000-00"}`, []string{"date malformed"}}, // the date library panics on it
		{`{"date":"99999999"}`, []string{"date malformed"}}, // the date library reads +10007-06-07
		{`{"date":"2027-02-30"}`, []string{"date malformed"}},
		{`{"date":"2027-03-15T00:00"}`, []string{"date malformed"}},
		{`{"date":20270315}`, []string{"date malformed"}},
		{`{"at":"24:00"}`, []string{"at malformed"}},
		{`{"at":"9am"}`, []string{"at malformed"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var c civil
			ps, ok := strictjson.Decode("test", []byte(tt.in), &c, 1<<10)
			require.True(t, ok)
			assert.Equal(t, tt.want, paths(ps))
		})
	}
	var c civil
	_, _ = strictjson.Decode("test", []byte(`{"date":"2027-03-15","at":"12:30"}`), &c, 1<<10)
	assert.Equal(t, date.New(2027, 3, 15), c.Date)
	assert.Equal(t, clock.New(12, 30, 0, 0), c.At)
}
