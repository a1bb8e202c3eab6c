package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla/timeline"
)

func TestOpsCheckSample(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, &out))
	s := out.String()
	for _, want := range []string{
		"Creator ops check, Thu 11 Mar 09:30",
		"Waiting on brand (5)",
		"Waiting on creator (7)",
		"glow-tiktok-cleo         review         brand   breached due Wed 10 Mar 00:00 EST",
		"glow-yt-ishaan           report         creator at_risk",
		"on-time posting: 100% (3 on time, 0 late, 9 pending)",
	} {
		assert.Contains(t, s, want)
	}
}

func TestOpsCheckJSON(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-json", "-now", "2027-03-18T09:00:00-05:00"}, &out))
	var b timeline.Board
	require.NoError(t, json.Unmarshal(out.Bytes(), &b))
	assert.Equal(t, "2027-03-18T09:00:00-05:00", b.Now.Format("2006-01-02T15:04:05Z07:00"))
	assert.NotEmpty(t, b.Breached)
	assert.Empty(t, b.Problems)
}

func TestOpsCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[{"plan":{"id":"x","Policy":{}},"events":[]}]`), 0o644))
	err := run([]string{bad}, &bytes.Buffer{})
	var ve *timeline.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "[0].plan.Policy", ve.Problems[0].Path)
	assert.Error(t, run([]string{"-now", "tomorrow"}, &bytes.Buffer{}))
}
