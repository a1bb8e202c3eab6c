package contract_test

import (
	"encoding/json"
	"testing"

	"github.com/creatorops/creatorops/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeverityText(t *testing.T) {
	for _, s := range []contract.Severity{contract.Note, contract.Warning, contract.Blocker} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back contract.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	_, err := contract.Severity(0).MarshalText()
	assert.Error(t, err)
	var s contract.Severity
	assert.Error(t, s.UnmarshalText([]byte("Blocker")))
	assert.Equal(t, "Severity(9)", contract.Severity(9).String())
}

func TestFindingsSortWorstHas(t *testing.T) {
	fs := contract.Findings{
		{Code: "b", Severity: contract.Note, Path: "a"},
		{Code: "a", Severity: contract.Blocker, Path: "z"},
		{Code: "c", Severity: contract.Warning, Path: "b"},
		{Code: "a", Severity: contract.Blocker, Path: "y"},
	}
	fs.Sort()
	assert.Equal(t, []string{"y", "z", "b", "a"}, []string{fs[0].Path, fs[1].Path, fs[2].Path, fs[3].Path})
	assert.Equal(t, contract.Blocker, fs.Worst())
	assert.Equal(t, contract.Severity(0), contract.Findings(nil).Worst())
	assert.True(t, fs.Has("c"))
	assert.False(t, fs.Has("d"))
	b, err := json.Marshal(fs[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"a","severity":"blocker","path":"y","message":""}`, string(b))
}
