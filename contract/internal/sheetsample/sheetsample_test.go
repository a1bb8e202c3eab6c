package sheetsample_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/contract/internal/sheetsample"
)

func TestTooLongIsThePackages(t *testing.T) {
	here, err := os.ReadFile("toolong.json")
	require.NoError(t, err)
	there, err := os.ReadFile(filepath.Join("..", "..", "testdata", "toolong.json"))
	require.NoError(t, err)
	assert.Equal(t, string(there), string(here), "copy contract/testdata/toolong.json here")
}

func TestSamples(t *testing.T) {
	for name, tc := range map[string]struct {
		s    contract.Sheet
		fits bool
	}{
		"good":    {sheetsample.Good(), true},
		"moved":   {sheetsample.Moved(), true},
		"typical": {sheetsample.Typical(), true},
		"max":     {sheetsample.Max(), true},
		"over":    {sheetsample.Over(), false},
		"toolong": {sheetsample.TooLong(), false},
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, tc.s.Validate())
			if tc.fits {
				assert.NoError(t, tc.s.Fit())
			} else {
				assert.ErrorIs(t, tc.s.Fit(), contract.ErrTooLong)
			}
		})
	}
	assert.Equal(t, "GlowCo Dew Serum launch", sheetsample.Good().Campaign)
	moved := 0
	for _, m := range sheetsample.Moved().Milestones {
		if m.Shifted {
			moved++
			assert.Contains(t, m.Reason, "final approval was due")
		}
	}
	assert.Equal(t, 1, moved)
}
