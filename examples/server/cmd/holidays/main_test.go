package main

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func TestPrintsSpecEntries(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-country", "US", "-from", "2027", "-to", "2028"}, &out, io.Discard))
	// The output is a calendar spec's holidays member: add a zone and it is a spec.
	var spec sla.CalendarSpec
	require.NoError(t, json.Unmarshal(out.Bytes(), &spec), "%s", out.String())
	assert.Contains(t, spec.Holidays, "2027-11-25")
	assert.Contains(t, spec.Holidays, "2027-12-31", "New Year's Day 2028, observed")
	assert.Equal(t, "2027-01-01", spec.Holidays[0])
	assert.Equal(t, "2028-12-25", spec.Holidays[len(spec.Holidays)-1])
	spec.TimeZone = "America/New_York"
	_, err := sla.NewCalendar(spec)
	require.NoError(t, err)
	assert.Contains(t, out.String(), "{\"holidays\": [\n  \"2027-01-01\",\n")

	out.Reset()
	require.NoError(t, run([]string{"-country", "GB", "-from", "2027", "-names"}, &out, io.Discard))
	assert.Contains(t, out.String(), "2027-12-28  Boxing Day (observed)\n")
}

func TestRefuses(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"-country", "XX", "-from", "2027"}, &out, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-country: unknown country \"XX\"")
	err = run([]string{"-country", "US", "-from", "2020", "-to", "2050"}, &out, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-to: want at most 20 years")
	assert.Error(t, run([]string{"-country", "US", "-from", "2027", "extra"}, &out, io.Discard))
	assert.Empty(t, out.String())
}
