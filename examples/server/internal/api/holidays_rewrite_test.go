package api_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
)

func TestExpandHolidaysKeepsTheRest(t *testing.T) {
	// No public_holidays: the very same bytes.
	body := []byte(`{"calendar": {"time_zone": "UTC", "holidays": ["2027-01-02"]}, "start": "x"}`)
	out, probs := api.ExpandHolidays(body, api.DeadlineCalendars)
	assert.Empty(t, probs)
	assert.Equal(t, string(body), string(out))

	// Keys given twice stay twice (the library reports them), other members
	// keep their order and bytes, the calendar's holidays come first.
	body = []byte(`{"calendar": {"time_zone": "UTC", "holidays": ["2027-01-02", "2027-01-01"], "public_holidays": {"country": "FR", "from": 2027}, "time_zone": "UTC"}, "start": 1, "start": 2}`)
	out, probs = api.ExpandHolidays(body, api.DeadlineCalendars)
	assert.Empty(t, probs)
	var top struct {
		Calendar json.RawMessage `json:"calendar"`
	}
	require.NoError(t, json.Unmarshal(out, &top))
	keys, vals, ok := api.JSONObjectMembers(top.Calendar)
	require.True(t, ok)
	assert.Equal(t, []string{"time_zone", "holidays", "time_zone"}, keys)
	var hs []string
	require.NoError(t, json.Unmarshal([]byte(vals[1]), &hs))
	assert.Equal(t, []string{"2027-01-02", "2027-01-01", "2027-03-29"}, hs[:3], "own entries first")
	assert.Len(t, hs, 12, "FR 2027: 11 holidays, one of which (1 January) the calendar had")
	assert.Contains(t, string(out), `"start":1,"start":2`, "a key given twice stays twice")

	// public_holidays elsewhere than a calendar is not touched.
	body = []byte(`{"public_holidays": {"country": "US", "from": 2027}, "calendar": {"time_zone": "UTC"}}`)
	out, probs = api.ExpandHolidays(body, api.DeadlineCalendars)
	assert.Empty(t, probs)
	assert.Equal(t, string(body), string(out))

	// An escaped key is the same key.
	body = []byte(`{"calendar": {"time_zone": "UTC", "public\u005fholidays": {"country": "US", "from": 2027}}}`)
	out, probs = api.ExpandHolidays(body, api.DeadlineCalendars)
	assert.Empty(t, probs)
	assert.Contains(t, string(out), `"2027-11-25"`)
	assert.NotContains(t, string(out), "public")
}

// FuzzExpandHolidays: any body is answered without a panic, as valid JSON
// when it was, and untouched when it has no public_holidays member.
func FuzzExpandHolidays(f *testing.F) {
	for _, s := range []string{
		`{"calendar": {"time_zone": "UTC", "public_holidays": {"country": "US", "from": 2027}}}`,
		`{"calendar": {"holidays": null, "public_holidays": null}}`,
		`{"calendar": {"holidays": 5, "public_holidays": {"country": "JP", "from": 2027, "to": 2030}}, "counterpart": []}`,
		`{"plan": {"brand": {"owner": {"calendar": {"public_holidays": {"country": "XX"}}}}}}`,
		`[{"calendar": {}}]`, `{"calendar": "public_holidays"}`, `{`,
	} {
		f.Add([]byte(s))
	}
	paths := append(append([]string{}, api.DeadlineCalendars...), api.PlanCalendars...)
	f.Fuzz(func(t *testing.T, body []byte) {
		out, probs := api.ExpandHolidays(body, paths)
		if !json.Valid(body) {
			if string(out) != string(body) {
				t.Fatalf("a body that is not JSON was changed")
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("%q became %q, not JSON", body, out)
		}
		for _, p := range probs {
			if p.Path == "" || p.Code == "" || p.Message == "" {
				t.Fatalf("a problem without path, code or message: %+v", p)
			}
		}
		if len(out) > len(body)+len(paths)*20*20*16 {
			t.Fatalf("%d bytes grew to %d", len(body), len(out))
		}
	})
}
