package pricing_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2500.00 USD", "2500.00 USD"},
		{"2500 USD", "2500.00 USD"},
		{"2500.5 USD", "2500.50 USD"},
		{"1500 JPY", "1500 JPY"},
		{"1500.00 JPY", "1500 JPY"},
		{"1.5 KWD", "1.500 KWD"},
		{"0.0217 USD", "0.0217 USD"},
		{"0.02170 USD", "0.0217 USD"},
		{"-12.345 EUR", "-12.345 EUR"},
		{"-0 USD", "0.00 USD"},
		{"0.5 CLF", "0.5000 CLF"},
		{"007.10 GBP", "7.10 GBP"},
		{"1500.5 JPY", "1500.5 JPY"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := pricing.ParseMoney(tt.in)
			require.NoError(t, err)
			if got := m.String(); got != tt.want {
				t.Errorf("ParseMoney(%q).String() = %q, want %q", tt.in, got, tt.want)
			}
			back, err := pricing.ParseMoney(m.String())
			require.NoError(t, err)
			assert.True(t, back.Equal(m), "parse(format(m)) = %v, want %v", back, m)
		})
	}
}

func TestParseMoneyErrors(t *testing.T) {
	tests := []struct {
		name, in string
		unknown  bool
	}{
		{"empty", "", false},
		{"no code", "2500.00", false},
		{"unknown code", "10.00 ABC", true},
		{"lower-case code", "10.00 usd", true},
		{"metal", "1 XAU", true},
		{"withdrawn", "1 HRK", true},
		{"comma separator", "2,500.00 USD", false},
		{"space separator", "2 500.00 USD", false},
		{"underscore", "2_500 USD", false},
		{"apostrophe", "2'500 USD", false},
		{"exponent bomb", "1e999999999 USD", false},
		{"exponent", "1E3 USD", false},
		{"NaN", "NaN USD", false},
		{"Inf", "Inf USD", false},
		{"plus", "+1 USD", false},
		{"leading dot", ".5 USD", false},
		{"trailing dot", "5. USD", false},
		{"double dot", "5.0.0 USD", false},
		{"double space", "5  USD", false},
		{"leading space", " 5 USD", false},
		{"trailing space", "5 USD ", false},
		{"symbol", "$5 USD", false},
		{"code first", "USD 5", false},
		{"minus only", "- USD", false},
		{"too many integer digits", strings.Repeat("9", 41) + " USD", false},
		{"too many decimals", "0." + strings.Repeat("1", 65) + " USD", false},
		{"hex", "0x10 USD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pricing.ParseMoney(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, pricing.ErrInvalid)
			if tt.unknown {
				assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
			}
			var pe *pricing.ParseError
			require.ErrorAs(t, err, &pe)
			assert.True(t, strings.HasPrefix(err.Error(), "pricing: "), "message %q", err)
		})
	}
}

func TestParseMoneyBounds(t *testing.T) {
	_, err := pricing.ParseMoney(strings.Repeat("9", 40) + "." + strings.Repeat("9", 64) + " USD")
	require.NoError(t, err)
	_, err = pricing.ParseMoney(strings.Repeat("0", 60) + "1 USD")
	require.NoError(t, err, "leading zeros do not count as digits")
}

func TestNewMoney(t *testing.T) {
	m, err := pricing.NewMoney(decimal.RequireFromString("2500.000"), "USD")
	require.NoError(t, err)
	assert.Equal(t, int32(-3), m.Amount().Exponent(), "NewMoney keeps the amount as given")
	assert.Equal(t, "2500.00 USD", m.String())

	_, err = pricing.NewMoney(decimal.New(1, 999999999), "USD")
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	assert.True(t, len(err.Error()) < 200, err)
	_, err = pricing.NewMoney(decimal.New(1, -999999999), "USD")
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	_, err = pricing.NewMoney(decimal.NewFromInt(1), "XYZ")
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	// Trailing zeros beyond the bound are fine when the value is short.
	_, err = pricing.NewMoney(decimal.New(1, 0).Mul(decimal.New(1, 70)).Mul(decimal.New(1, -70)), "USD")
	require.NoError(t, err)
}

func TestMinorUnits(t *testing.T) {
	tests := []struct {
		code string
		want int32
		ok   bool
	}{
		{"USD", 2, true}, {"JPY", 0, true}, {"KWD", 3, true}, {"CLF", 4, true},
		{"UYW", 4, true}, {"BHD", 3, true}, {"KRW", 0, true}, {"EUR", 2, true},
		{"XCG", 2, true}, {"ZWG", 2, true}, {"XAU", 0, false}, {"XTS", 0, false},
		{"usd", 0, false}, {"", 0, false}, {"USDX", 0, false}, {"ZWL", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := pricing.MinorUnits(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("MinorUnits(%q) = %d, %v, want %d, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
	codes := pricing.Currencies()
	assert.True(t, len(codes) > 150, len(codes))
	for i := 1; i < len(codes); i++ {
		assert.True(t, codes[i-1] < codes[i], "table must be sorted and unique")
	}
}

func TestArithmetic(t *testing.T) {
	a := pricing.MustParseMoney("10.10 USD")
	b := pricing.MustParseMoney("0.205 USD")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assert.Equal(t, "10.305 USD", sum.String())
	diff, err := a.Sub(b)
	require.NoError(t, err)
	assert.Equal(t, "9.895 USD", diff.String())

	_, err = a.Add(pricing.MustParseMoney("1 EUR"))
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	assert.True(t, strings.Contains(err.Error(), `"10.10 USD"`), err)
	_, err = a.Sub(pricing.Money{})
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	_, err = a.Cmp(pricing.MustParseMoney("1 EUR"))
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)

	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)

	pct, err := pricing.MustParseMoney("2500.00 USD").MulPercent(pricing.PercentOf(30))
	require.NoError(t, err)
	r4 := pct.RoundTo(4, pricing.HalfUp)
	assert.Equal(t, int32(-4), r4.Amount().Exponent())
	assert.Equal(t, "750.00 USD", r4.String())
	pct, err = pricing.MustParseMoney("2500.00 USD").MulPercent(pricing.MustParsePercent("30%"))
	require.NoError(t, err)
	assertMoney(t, pricing.MustParseMoney("750 USD"), pct)
	times3, err := a.MulInt(3)
	require.NoError(t, err)
	assert.Equal(t, "30.30 USD", times3.String())
	assert.Equal(t, "-10.10 USD", a.Neg().String())
	assert.True(t, a.Neg().IsNegative())
	assert.Equal(t, 0, pricing.MustParseMoney("0.00 USD").Sign())
	assert.True(t, pricing.MustParseMoney("2500 USD").Equal(pricing.MustParseMoney("2500.00 USD")))
	assert.True(t, !pricing.MustParseMoney("2500 USD").Equal(pricing.MustParseMoney("2500 EUR")))
	assert.Equal(t, "invalid Money", pricing.Money{}.String())
}

func TestRound(t *testing.T) {
	tests := []struct {
		in   string
		mode pricing.RoundingMode
		want string
	}{
		{"2.345 USD", pricing.HalfUp, "2.35 USD"},
		{"-2.345 USD", pricing.HalfUp, "-2.35 USD"},
		{"2.345 USD", pricing.HalfEven, "2.34 USD"},
		{"2.355 USD", pricing.HalfEven, "2.36 USD"},
		{"2.349 USD", pricing.Down, "2.34 USD"},
		{"-2.349 USD", pricing.Down, "-2.34 USD"},
		{"2.341 USD", pricing.Up, "2.35 USD"},
		{"-2.341 USD", pricing.Up, "-2.35 USD"},
		{"-2.341 USD", pricing.Floor, "-2.35 USD"},
		{"2.349 USD", pricing.Floor, "2.34 USD"},
		{"2.341 USD", pricing.Ceil, "2.35 USD"},
		{"-2.349 USD", pricing.Ceil, "-2.34 USD"},
		{"1500.5 JPY", pricing.HalfUp, "1501 JPY"},
		{"1.0005 KWD", pricing.HalfUp, "1.001 KWD"},
		{"1.0005 KWD", pricing.HalfEven, "1.000 KWD"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" "+tt.mode.String(), func(t *testing.T) {
			got := pricing.MustParseMoney(tt.in).Round(tt.mode)
			if got.String() != tt.want {
				t.Errorf("Round(%s, %v) = %s, want %s", tt.in, tt.mode, got, tt.want)
			}
		})
	}
	assert.Equal(t, "0.0217", pricing.MustParseMoney("0.021666 USD").RoundTo(4, pricing.HalfUp).Amount().String())

	// As RoundTo documents: the places are in the exponent, not in the
	// printed text; StringFixed shows them.
	r := pricing.MustParseMoney("0.015 USD").RoundTo(4, pricing.HalfUp)
	assert.Equal(t, int32(-4), r.Amount().Exponent())
	assert.Equal(t, "0.015", r.Amount().String())
	assert.Equal(t, "0.015 USD", r.String())
	assert.Equal(t, "0.0150", r.Amount().StringFixed(4))
	// As MulPercent documents: exact, not rounded.
	fifteen, err := pricing.MustParseMoney("2499.99 USD").MulPercent(pricing.PercentOf(15))
	require.NoError(t, err)
	assert.Equal(t, "374.9985 USD", fifteen.String())
}

// roundingModeTests is the table of ParseRoundingMode, and the seeds of its
// fuzz target. ok false means the input is rejected.
var roundingModeTests = []struct {
	in   string
	want pricing.RoundingMode
	ok   bool
}{
	{"half_up", pricing.HalfUp, true}, {"half_even", pricing.HalfEven, true}, {"down", pricing.Down, true},
	{"up", pricing.Up, true}, {"floor", pricing.Floor, true}, {"ceil", pricing.Ceil, true},
	{"HALF_UP", 0, false}, {"half-up", 0, false}, {"", 0, false}, {" up", 0, false}, {"RoundingMode(6)", 0, false},
}

func TestParseRoundingMode(t *testing.T) {
	for _, tt := range roundingModeTests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := pricing.ParseRoundingMode(tt.in)
			if !tt.ok {
				assert.ErrorIs(t, err, pricing.ErrInvalid)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, m)
			assert.Equal(t, tt.in, m.String())
			b, err := m.MarshalText()
			require.NoError(t, err)
			var back pricing.RoundingMode
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, m, back)
		})
	}
	_, err := pricing.RoundingMode(42).MarshalText()
	assert.ErrorIs(t, err, pricing.ErrInvalid)
	assert.Equal(t, "RoundingMode(42)", pricing.RoundingMode(42).String())
	var r pricing.RoundingMode
	require.NoError(t, r.UnmarshalText(nil))
	assert.Equal(t, pricing.HalfUp, r, "empty text is the zero value")
}

func TestMoneyJSON(t *testing.T) {
	type doc struct {
		Fee pricing.Money `json:"fee"`
	}
	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"fee":"2500.00 USD"}`), &d))
	assert.Equal(t, "2500.00 USD", d.Fee.String())
	require.NoError(t, json.Unmarshal([]byte(`{"fee":{"amount":"1.5","currency":"KWD"}}`), &d))
	assert.Equal(t, "1.500 KWD", d.Fee.String())
	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `{"fee":"1.500 KWD"}`, string(out))

	for _, bad := range []string{
		`{"fee":2500}`,
		`{"fee":{"amount":2500,"currency":"USD"}}`,
		`{"fee":{"amount":"2500","currency":"USD","x":1}}`,
		`{"fee":{"amount":"2500"}}`,
		`{"fee":"NaN USD"}`,
		`{"fee":true}`,
		`{"fee":[]}`,
	} {
		t.Run(bad, func(t *testing.T) {
			var d doc
			err := json.Unmarshal([]byte(bad), &d)
			require.Error(t, err)
			assert.True(t, errors.Is(err, pricing.ErrInvalid), "%v", err)
		})
	}
	var z pricing.Money
	require.NoError(t, json.Unmarshal([]byte(`""`), &z))
	assert.True(t, !z.IsValid())
	out, err = json.Marshal(z)
	require.NoError(t, err)
	assert.Equal(t, `""`, string(out))
}

func TestMoneySQL(t *testing.T) {
	m := pricing.MustParseMoney("1500 JPY")
	v, err := m.Value()
	require.NoError(t, err)
	assert.Equal(t, "1500 JPY", v)
	var back pricing.Money
	require.NoError(t, back.Scan([]byte("1500 JPY")))
	assert.True(t, back.Equal(m))
	require.NoError(t, back.Scan(nil))
	assert.True(t, !back.IsValid())
	assert.ErrorIs(t, back.Scan(int64(3)), pricing.ErrInvalid)
	v, err = pricing.Money{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)
}

// percentTests is the table of ParsePercent, and the seeds of its fuzz
// target. An empty want means the input is rejected.
var percentTests = []struct{ in, want string }{
	{"30%", "30%"}, {"12.5%", "12.5%"}, {"0%", "0%"}, {"100%", "100%"}, {"30", "30%"},
	{"-5%", "-5%"}, {"007.50%", "7.5%"}, {"33.33333333333333333333%", "33.33333333333333333333%"},
	{"", ""}, {"%", ""}, {"30%%", ""}, {"1e3%", ""}, {"NaN%", ""}, {"3,0%", ""}, {"30 %", ""},
	{"+5%", ""}, {".5%", ""}, {"33.333333333333333333333%", ""},
}

func TestParsePercent(t *testing.T) {
	for _, tt := range percentTests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := pricing.ParsePercent(tt.in)
			if tt.want == "" {
				assert.ErrorIs(t, err, pricing.ErrInvalid)
				var pe *pricing.ParseError
				assert.ErrorAs(t, err, &pe)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.String())
			back, err := pricing.ParsePercent(p.String())
			require.NoError(t, err)
			assert.True(t, back.Equal(p), "ParsePercent(%q) = %v, want %v", p.String(), back, p)
		})
	}
	assert.Equal(t, "0.3", pricing.MustParsePercent("30%").Fraction().String())
}

// In JSON a percentage is a non-empty string: "" is missing, not 0%.
func TestPercentJSON(t *testing.T) {
	var p pricing.Percent
	require.NoError(t, json.Unmarshal([]byte(`"12.5%"`), &p))
	assert.Equal(t, "12.5%", p.String())
	err := json.Unmarshal([]byte(`""`), &p)
	assert.Equal(t, map[string]string{"": pricing.CodeRequired}, problemPaths(t, err))
	assert.ErrorIs(t, json.Unmarshal([]byte(`12.5`), &p), pricing.ErrInvalid)
	require.NoError(t, json.Unmarshal([]byte(`null`), &p))
	assert.Equal(t, "12.5%", p.String(), "null leaves the value unchanged")
}

func TestStringFixed(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		mode   pricing.RoundingMode
		want   string
	}{
		{"0.015 USD", 4, pricing.HalfUp, "0.0150 USD"},
		{"0.021666 USD", 4, pricing.HalfUp, "0.0217 USD"},
		{"0.00005 USD", 4, pricing.HalfEven, "0.0000 USD"},
		{"0.00015 USD", 4, pricing.HalfEven, "0.0002 USD"},
		{"1500 JPY", 2, pricing.HalfUp, "1500.00 JPY"},
		{"-2.345 EUR", 2, pricing.HalfUp, "-2.35 EUR"},
		{"1234.5 USD", -2, pricing.HalfUp, "1200 USD"},
	}
	for _, tt := range tests {
		m := pricing.MustParseMoney(tt.in)
		got := m.StringFixed(tt.places, tt.mode)
		if got != tt.want {
			t.Errorf("StringFixed(%q, %d, %v) = %q, want %q", tt.in, tt.places, tt.mode, got, tt.want)
		}
		back, err := pricing.ParseMoney(got)
		if err != nil || !back.Equal(m.RoundTo(tt.places, tt.mode)) {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", got, back, err, m.RoundTo(tt.places, tt.mode))
		}
	}
	if got := (pricing.Money{}).StringFixed(2, pricing.HalfUp); got != "invalid Money" {
		t.Errorf("zero Money StringFixed = %q", got)
	}
}
