package holidays_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/holidays"
	"github.com/creatorops/creatorops/sla"
)

// names returns the holidays of country in from..to by date entry.
func names(t *testing.T, country string, from, to int) map[string]string {
	t.Helper()
	hs, err := holidays.Expand(country, from, to)
	require.NoError(t, err)
	m := map[string]string{}
	for _, h := range hs {
		_, dup := m[h.String()]
		require.False(t, dup, "one entry per date: %s", h)
		m[h.String()] = h.Name
	}
	return m
}

func TestKnownDates(t *testing.T) {
	us := names(t, "US", 2026, 2028)
	assert.Equal(t, "Thanksgiving Day", us["2027-11-25"])
	assert.Equal(t, "Independence Day", us["2026-07-04"], "a Saturday")
	assert.Equal(t, "Independence Day (observed)", us["2026-07-03"], "observed the Friday before")
	assert.Equal(t, "Independence Day (observed)", us["2027-07-05"], "a Sunday, observed the Monday after")
	assert.Equal(t, "New Year's Day (observed)", us["2027-12-31"], "2028-01-01 is a Saturday: observed in 2027")
	assert.Equal(t, "Juneteenth", us["2027-06-19"])

	gb := names(t, "GB", 2027, 2027)
	assert.Equal(t, "Boxing Day", gb["2027-12-26"], "a Sunday")
	assert.Equal(t, "Christmas Day (observed)", gb["2027-12-27"], "Christmas on Saturday: Monday")
	assert.Equal(t, "Boxing Day (observed)", gb["2027-12-28"], "Boxing Day substitute: Tuesday")
	assert.Equal(t, "Good Friday", gb["2027-03-26"])
	assert.Equal(t, "Summer Bank Holiday", gb["2027-08-30"])

	jp := names(t, "JP", 2026, 2027)
	assert.Equal(t, "Constitution Memorial Day (observed)", jp["2026-05-06"], "May 3 2026 is a Sunday: the substitute holiday is Wed 6 May")
	assert.Equal(t, "Vernal Equinox Day", jp["2027-03-21"])
	assert.Equal(t, "Vernal Equinox Day (observed)", jp["2027-03-22"], "a Sunday: substitute Monday")
	assert.Equal(t, "Labor Thanksgiving Day", jp["2027-11-23"])

	de := names(t, "DE", 2027, 2027)
	assert.Equal(t, "Tag der Deutschen Einheit", de["2027-10-03"])
	assert.Equal(t, "Tag der Arbeit", de["2027-05-01"])
	assert.Equal(t, "Zweiter Weihnachtsfeiertag", de["2027-12-26"])
	assert.Len(t, de, 9)

	fr := names(t, "FR", 2027, 2027)
	assert.Equal(t, "Fête Nationale", fr["2027-07-14"])
	assert.Equal(t, "Armistice de 1918", fr["2027-11-11"])
	assert.Equal(t, "Fête de la Victoire", fr["2027-05-08"])
	assert.Len(t, fr, 11)
}

func TestSortedAndSpecEntries(t *testing.T) {
	for _, c := range holidays.Countries() {
		hs, err := holidays.Expand(c, 2026, 2045)
		require.NoError(t, err, c)
		entries := holidays.Entries(hs)
		assert.IsIncreasing(t, entries, c)
		// The entries are what sla.CalendarSpec.Holidays takes.
		_, err = sla.NewCalendar(sla.CalendarSpec{TimeZone: "UTC", Holidays: entries})
		require.NoError(t, err, c)
		assert.Less(t, len(hs), 20*30, "bounded: %s", c)
	}
	assert.Equal(t, []string{"DE", "FR", "GB", "JP", "US"}, holidays.Countries())
	name, ok := holidays.CountryName("GB")
	assert.True(t, ok)
	assert.Contains(t, name, "England and Wales")
}

func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		country  string
		from, to int
		field    string
		code     string
	}{
		{"XX", 2027, 2027, "country", holidays.CodeUnknownCountry},
		{"us", 2027, 2027, "country", holidays.CodeUnknownCountry},
		{"", 2027, 2027, "country", holidays.CodeUnknownCountry},
		{"US", 1999, 2000, "from", holidays.CodeOutOfRange},
		{"US", 2027, 2100, "to", holidays.CodeOutOfRange},
		{"US", 2028, 2027, "to", holidays.CodeOutOfRange},
		{"US", 2026, 2046, "to", holidays.CodeOutOfRange},
	} {
		_, err := holidays.Expand(tc.country, tc.from, tc.to)
		var errs holidays.Errors
		require.True(t, errors.As(err, &errs), "%+v: %v", tc, err)
		require.Len(t, errs, 1, "%+v", tc)
		assert.Equal(t, tc.field, errs[0].Field, "%+v", tc)
		assert.Equal(t, tc.code, errs[0].Code, "%+v", tc)
	}
	_, err := holidays.Expand("US", 2026, 2045)
	assert.NoError(t, err, "20 years")
}

// TestConcurrent: some of the library's rules write into their holiday; Expand
// computes on copies (go test -race).
func TestConcurrent(t *testing.T) {
	want := names(t, "JP", 2026, 2045)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for y := 2026; y <= 2045; y++ {
				hs, err := holidays.Expand("JP", y, y)
				assert.NoError(t, err)
				for _, h := range hs {
					assert.Equal(t, want[h.String()], h.Name)
				}
			}
		})
	}
	wg.Wait()
}

func TestDecode(t *testing.T) {
	s, err := holidays.Decode([]byte(`{"country": "US", "from": 2026, "to": 2028}`))
	require.NoError(t, err)
	assert.Equal(t, holidays.Spec{Country: "US", From: 2026, To: 2028}, s)
	s, err = holidays.Decode([]byte(`{"country": "JP", "from": 2027}`))
	require.NoError(t, err)
	assert.Equal(t, 2027, s.To, "to left out: the one year")

	for _, tc := range []struct {
		in     string
		fields []string
		codes  []string
	}{
		{`{"country": "XX", "from": 2027}`, []string{"country"}, []string{holidays.CodeUnknownCountry}},
		{`{"from": 2027}`, []string{"country"}, []string{holidays.CodeRequired}},
		{`{"country": "US"}`, []string{"from"}, []string{holidays.CodeRequired}},
		{`{"country": "US", "from": 2027, "Country": "US"}`, []string{"Country"}, []string{holidays.CodeUnknownField}},
		{`{"country": "US", "from": 2027, "from": 2028}`, []string{"from"}, []string{holidays.CodeDuplicateKey}},
		{`{"country": 1, "from": "2027"}`, []string{"country", "from"}, []string{holidays.CodeMalformed, holidays.CodeMalformed}},
		{`{"country": "US", "from": 2027.5}`, []string{"from"}, []string{holidays.CodeMalformed}},
		{`{"country": "US", "from": 1e3}`, []string{"from"}, []string{holidays.CodeMalformed}},
		{`{"country": "US", "from": 2027, "to": 99999999999}`, []string{"to"}, []string{holidays.CodeMalformed}},
		{`{"country": "US", "from": 2000, "to": 2099}`, []string{"to"}, []string{holidays.CodeOutOfRange}},
		{`["US"]`, []string{""}, []string{holidays.CodeMalformed}},
		{`{"country": "US"`, []string{""}, []string{holidays.CodeMalformed}},
		{`"US"`, []string{""}, []string{holidays.CodeMalformed}},
	} {
		_, err := holidays.Decode([]byte(tc.in))
		var errs holidays.Errors
		require.True(t, errors.As(err, &errs), "%s: %v", tc.in, err)
		var fields, codes []string
		for _, e := range errs {
			fields, codes = append(fields, e.Field), append(codes, e.Code)
		}
		assert.Equal(t, tc.fields, fields, tc.in)
		assert.Equal(t, tc.codes, codes, tc.in)
	}
}
