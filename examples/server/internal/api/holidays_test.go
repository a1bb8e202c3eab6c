package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
)

// locations returns the location and code of each entry of a problem.
func locations(p api.Problem) map[string]string {
	m := map[string]string{}
	for _, e := range p.Errors {
		m[e.Location] = e.Code
	}
	return m
}

func TestPublicHolidaysDeadline(t *testing.T) {
	e := newEnv(t)
	// Wed 24 Nov 2027 10:00 EST: one business day later is Thanksgiving.
	body := func(cal string) string {
		return `{"calendar":` + cal + `,"start":"2027-11-24T10:00:00-05:00","window":"1 business day"}`
	}
	res := e.do(http.MethodPost, "/v1/deadlines", e.tokenA, body(nyCalendar))
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	assert.Equal(t, "2027-11-25T10:00:00-05:00", get(t, res.json(t), "due"), "without holidays")

	us := `{"time_zone":"America/New_York","hours":["mon-fri 09:00-17:00"],"quiet":["sat-sun"],` +
		`"public_holidays":{"country":"US","from":2027,"to":2028}}`
	res = e.do(http.MethodPost, "/v1/deadlines", e.tokenA, body(us))
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	assert.Equal(t, "2027-11-26T10:00:00-05:00", get(t, res.json(t), "due"), "Thanksgiving is closed")

	// Observed dates: Christmas 2027 is a Saturday, observed Friday 24 Dec.
	res = e.do(http.MethodPost, "/v1/deadlines", e.tokenA,
		`{"calendar":`+us+`,"start":"2027-12-23T10:00:00-05:00","window":"1 business day"}`)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	assert.Equal(t, "2027-12-27T10:00:00-05:00", get(t, res.json(t), "due"), "Fri 24 Dec is the observed Christmas")

	// The calendar's own holidays stay, and the counterpart takes them too.
	own := `{"time_zone":"America/New_York","holidays":["2027-11-26"],"public_holidays":{"country":"US","from":2027}}`
	res = e.do(http.MethodPost, "/v1/deadlines", e.tokenA,
		`{"calendar":`+own+`,"counterpart":`+us+`,"start":"2027-11-24T10:00:00-05:00","window":"1 business day"}`)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	assert.Equal(t, "2027-11-29T10:00:00-05:00", get(t, res.json(t), "due"), "Thu closed by the country, Fri by the calendar")
}

func TestPublicHolidaysProblems(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		name, holidays string
		want           map[string]string
	}{
		{"unknown country", `{"country":"XX","from":2027}`,
			map[string]string{"body.calendar.public_holidays.country": "unknown_country"}},
		{"too many years", `{"country":"US","from":2027,"to":2060}`,
			map[string]string{"body.calendar.public_holidays.to": "out_of_range"}},
		{"before the range", `{"country":"US","from":1990}`,
			map[string]string{"body.calendar.public_holidays.from": "out_of_range"}},
		{"unknown key", `{"country":"US","from":2027,"years":3}`,
			map[string]string{"body.calendar.public_holidays.years": "unknown_field"}},
		{"not an object", `"US"`,
			map[string]string{"body.calendar.public_holidays": "malformed"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal := `{"time_zone":"America/New_York","public_holidays":` + c.holidays + `}`
			// With another problem in the same request: every problem at once.
			res := e.do(http.MethodPost, "/v1/deadlines", e.tokenA, `{"calendar":`+cal+`,"start":"2027-11-24T10:00:00-05:00","window":"2 fortnights"}`)
			require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
			p := res.problem(t)
			got := locations(p)
			for loc, code := range c.want {
				assert.Equal(t, code, got[loc], "%s in %s", loc, res.Body)
			}
			assert.Equal(t, "malformed", got["body.window"], "%s", res.Body)
			assert.Len(t, got, len(c.want)+1, "%s", res.Body)
		})
	}
	res := e.do(http.MethodPost, "/v1/deadlines", e.tokenA,
		`{"calendar":{"time_zone":"UTC","public_holidays":{"country":"US","from":2027},"public_holidays":{"country":"GB","from":2027}},"start":"2027-11-24T10:00:00Z","window":"1 business day"}`)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
	assert.Equal(t, "duplicate_key", locations(res.problem(t))["body.calendar.public_holidays"])
	// A message names what is accepted.
	res = e.do(http.MethodPost, "/v1/deadlines", e.tokenA,
		`{"calendar":{"time_zone":"UTC","public_holidays":{"country":"ZZ","from":2027}},"start":"2027-11-24T10:00:00Z","window":"1 business day"}`)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.problem(t).Errors[0].Message, "want one of DE, FR, GB, JP, US")
}

func TestPublicHolidaysPlan(t *testing.T) {
	e := newEnv(t)
	var plan map[string]any
	require.NoError(t, json.Unmarshal(readFile(t, "plan.json"), &plan))
	brand := plan["brand"].(map[string]any)
	brand["calendar"].(map[string]any)["public_holidays"] = map[string]any{"country": "US", "from": 2027}
	brand["manager"].(map[string]any)["calendar"] = map[string]any{"time_zone": "Europe/London", "public_holidays": map[string]any{"country": "GB", "from": 2027}}
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, map[string]any{"plan": plan})
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	stored := get(t, res.json(t), "plan", "brand")
	cal := get(t, stored, "calendar").(map[string]any)
	assert.NotContains(t, cal, "public_holidays", "stored with its holidays written out")
	assert.Contains(t, cal["holidays"], "2027-02-15", "Presidents' Day")
	assert.Contains(t, get(t, stored, "manager", "calendar", "holidays"), "2027-12-28", "GB Boxing Day substitute")

	// Problems are at their paths in the body, in every calendar of a plan.
	brand["calendar"].(map[string]any)["public_holidays"] = map[string]any{"country": "United States", "from": 2027}
	plan["creator"].(map[string]any)["owner"].(map[string]any)["calendar"] = map[string]any{"time_zone": "UTC", "public_holidays": map[string]any{"country": "FR", "from": 2027, "to": 2027.5}}
	plan["id"] = "other"
	res = e.do(http.MethodPost, "/v1/timelines", e.tokenA, map[string]any{"plan": plan})
	require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
	got := locations(res.problem(t))
	assert.Equal(t, "unknown_country", got["body.plan.brand.calendar.public_holidays.country"], "%s", res.Body)
	assert.Equal(t, "malformed", got["body.plan.creator.owner.calendar.public_holidays.to"], "%s", res.Body)
	assert.Len(t, got, 2, "%s", res.Body)
}

func TestPublicHolidaysAgreement(t *testing.T) {
	e := newEnv(t)
	var a map[string]any
	require.NoError(t, json.Unmarshal(readFile(t, "agreement_good.json"), &a))
	a["creator"].(map[string]any)["calendar"].(map[string]any)["public_holidays"] = map[string]any{"country": "US", "from": 2027}
	res := e.do(http.MethodPost, "/v1/agreements", e.tokenA, a)
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	hs := get(t, res.json(t), "agreement", "creator", "calendar", "holidays")
	assert.Contains(t, hs, "2027-07-05", "Independence Day observed")
	assert.NotContains(t, string(res.Body), "public_holidays")

	a["brand"].(map[string]any)["backup"].(map[string]any)["calendar"] = map[string]any{"time_zone": "UTC", "public_holidays": map[string]any{"country": "JP"}}
	res = e.do(http.MethodPost, "/v1/agreements/check", e.tokenA, a)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s", res.Body)
	got := locations(res.problem(t))
	assert.Equal(t, map[string]string{"body.brand.backup.calendar.public_holidays.from": "required"}, got)
}

// TestPublicHolidaysDocumented: the OpenAPI document describes the member.
func TestPublicHolidaysDocumented(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodGet, "/openapi.json", "", nil)
	doc := res.json(t)
	ph := get(t, doc, "components", "schemas", "SlaCalendarSpec", "properties", "public_holidays")
	assert.Equal(t, []any{"DE", "FR", "GB", "JP", "US"}, get(t, ph, "properties", "country", "enum"))
	assert.Equal(t, []any{"country", "from"}, get(t, ph, "required"))
	assert.True(t, strings.Contains(get(t, ph, "description").(string), "at most 20 years"))
}
