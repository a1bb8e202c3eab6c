package timeline_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla/timeline"
)

func TestPlanJSONReadsBack(t *testing.T) {
	b, err := json.Marshal(workedPlan())
	require.NoError(t, err)
	p, err := timeline.DecodePlan(b)
	require.NoError(t, err)
	b2, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Contains(t, string(b), `"post_date":"2027-03-15"`)
	assert.Contains(t, string(b), `"post_time":"12:00:00.000"`)

	// The worked example from JSON gives the worked example's answer.
	tl := timeline.MustCompile(p)
	evs, err := timeline.DecodeEvents([]byte(`[
		{"seq":1,"at":"2027-02-16T11:00:00-08:00","kind":"concept_submitted"},
		{"seq":2,"at":"2027-02-17T10:00:00-05:00","kind":"concept_approved"},
		{"seq":3,"at":"2027-02-17T15:00:00-05:00","kind":"compliance_checked"},
		{"seq":4,"at":"2027-03-08T10:00:00-08:00","kind":"draft_submitted"},
		{"seq":5,"at":"2027-03-12T13:00:00-05:00","kind":"approved"}]`))
	require.NoError(t, err)
	st, err := tl.State(evs, evs[4].At)
	require.NoError(t, err)
	assert.Equal(t, "2027-03-17T12:00:00-07:00", st.Post.Current.Format("2006-01-02T15:04:05Z07:00"))
}

func TestDecodePlanIsStrict(t *testing.T) {
	good, err := json.Marshal(workedPlan())
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(good, &doc))
	doc["ID"] = "x"
	doc["policy"] = map[string]any{"review": "2 fortnights", "Review": "1h"}
	doc["creator"].(map[string]any)["calendar"] = map[string]any{"time_zone": "America/Los_Angeles", "hours": []string{"mon-fry 10:00-18:00"}}
	b, _ := json.Marshal(doc)
	_, err = timeline.DecodePlan(b)
	assert.Equal(t, []string{"ID unknown_field", "creator.calendar.hours[0] malformed", "policy.Review unknown_field", "policy.review malformed"}, codes(t, err))

	_, err = timeline.DecodePlan([]byte(`{"id":"x","id":"y"}`))
	got := codes(t, err)
	assert.Equal(t, "id duplicate_key", got[0])
}

func TestDecodeEvents(t *testing.T) {
	_, err := timeline.DecodeEvents([]byte(`[
		{"seq":1,"at":"2027-02-16T11:00:00-08:00","kind":"concept_submited"},
		{"seq":2,"kind":"approved"},
		{"seq":3,"at":"2027-02-17T15:00:00-05:00","kind":"follow_up_sent"},
		{"seq":4,"at":"2027-02-17T15:00:00-05:00","kind":"report_received","report":"7 weeks"},
		{"seq":5,"at":"2027-02-17T15:00:00-05:00","kind":"posted","URL":"x"}]`))
	assert.Equal(t, []string{"[3].report malformed", "[4].URL unknown_field", "[0].kind malformed", "[1].at required", "[2].to required"}, codes(t, err),
		"what the decoder finds, then what each event's check finds")

	evs := []timeline.Event{{Seq: 1, At: workedPlan().Kickoff, Kind: timeline.RushRequested, By: timeline.Brand}}
	b, err := json.Marshal(evs)
	require.NoError(t, err)
	back, err := timeline.DecodeEvents(b)
	require.NoError(t, err)
	assert.True(t, back[0].At.Equal(evs[0].At))
	assert.Equal(t, evs[0].Kind, back[0].Kind)
	assert.JSONEq(t, `[{"seq":1,"at":"2027-02-15T10:00:00-08:00","kind":"rush_requested","by":"brand"}]`, string(b))
}
