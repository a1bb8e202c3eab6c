package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/pricing"
)

// durationTests is the table of ParseDuration, and the seeds of its fuzz
// target. An empty reason means the input parses to want.
var durationTests = []struct {
	in     string
	want   pricing.Duration
	reason string
}{
	{"1 month", pricing.Months(1), ""},
	{"3 months", pricing.Months(3), ""},
	{"3 Months", pricing.Months(3), ""},
	{"3  MONTHS", pricing.Months(3), ""},
	{"1 months", pricing.Months(1), ""},
	{"6mo", pricing.Months(6), ""},
	{"003 months", pricing.Months(3), ""},
	{"1 day", pricing.Days(1), ""},
	{"90 days", pricing.Days(90), ""},
	{"90d", pricing.Days(90), ""},
	{"1200 months", pricing.Months(1200), ""},
	{"36500 days", pricing.Days(36500), ""},
	{"perpetual", pricing.Perpetual(), ""},
	{"Perpetual", pricing.Perpetual(), ""},
	{" PERPETUAL ", pricing.Perpetual(), ""},
	{"", pricing.Duration{}, `empty: want "<n> months", "<n> days" or "perpetual"`},
	{"0 months", pricing.Duration{}, "zero-length duration: want at least 1 month"},
	{"0 days", pricing.Duration{}, "zero-length duration: want at least 1 day"},
	{"-1 months", pricing.Duration{}, `want a whole number without a sign, found "-"`},
	{"+1 months", pricing.Duration{}, `want a whole number without a sign, found "+"`},
	{"1201 months", pricing.Duration{}, "count larger than 1200 months: 1201"},
	{"36501 days", pricing.Duration{}, "count larger than 36500: 36501"},
	{"3 weeks", pricing.Duration{}, `unknown unit "weeks": want days or months`},
	{"forever", pricing.Duration{}, `want a count before the unit, found "forever"; or "perpetual"`},
	{"1e3 days", pricing.Duration{}, `unknown unit "e3 days": want days or months`},
	{"1.5 months", pricing.Duration{}, `want a whole number, found "1."...`},
	{"9999999 days", pricing.Duration{}, "count larger than 36500: 9999999"},
	{"3", pricing.Duration{}, `missing unit after "3": want days or months`},
}

func TestParseDuration(t *testing.T) {
	for _, tt := range durationTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := pricing.ParseDuration(tt.in)
			if tt.reason != "" {
				require.Error(t, err)
				assert.ErrorIs(t, err, pricing.ErrInvalid)
				var pe *pricing.ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, tt.reason, pe.Reason)
				assert.Equal(t, "duration", pe.What)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, "ParseDuration(%q)", tt.in)
			back, err := pricing.ParseDuration(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back, "ParseDuration(%q) does not read back", got.String())
		})
	}
	assert.Equal(t, "1 month", pricing.Months(1).String())
	assert.Equal(t, "90 days", pricing.Days(90).String())
	assert.NotEqual(t, pricing.Months(3), pricing.Days(90), "3 months and 90 days are different durations")
}
