package quantity_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/internal/quantity"
)

var units = []quantity.Unit{
	{One: "hour", Many: "hours", Short: []string{"h"}},
	{One: "business day", Many: "business days", Short: []string{"bd"}},
}

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		n      int64
		unit   int
		reason string
	}{
		{"48h", 48, 0, ""},
		{"48 Hours", 48, 0, ""},
		{"1 hours", 1, 0, ""},
		{" 007  business   DAYS ", 7, 1, ""},
		{"0 hours", 0, 0, ""},
		{"2bd", 2, 1, ""},
		{"", 0, 0, `empty: want a count and a unit, such as "2 hours"`},
		{"-0 hours", 0, 0, `want a whole number without a sign, found "-"`},
		{"+1 hour", 0, 0, `want a whole number without a sign, found "+"`},
		{"hours", 0, 0, `want a count before the unit, found "hours"`},
		{"1000 hours", 0, 0, `count larger than 999: 1000`},
		{"99999999999999999999999 hours", 0, 0, `count larger than 999: 99999999999999999999999`},
		{"1.5 hours", 0, 0, `want a whole number, found "1."...`},
		{"3", 0, 0, `missing unit after "3": want hours or business days`},
		{"3 fortnights", 0, 0, `unknown unit "fortnights": want hours or business days`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, u, err := quantity.Parse(tt.in, units, 999)
			if tt.reason != "" {
				require.NotNil(t, err)
				assert.Equal(t, tt.reason, err.Reason)
				return
			}
			require.Nil(t, err)
			assert.Equal(t, tt.n, n)
			assert.Equal(t, tt.unit, u)
		})
	}
}

func TestFormatReadsBack(t *testing.T) {
	for k, u := range units {
		for _, n := range []int64{0, 1, 2, 999} {
			got, gu, err := quantity.Parse(u.Format(n), units, 999)
			require.Nil(t, err)
			assert.Equal(t, n, got)
			assert.Equal(t, k, gu)
		}
	}
	assert.Equal(t, "1 business day", units[1].Format(1))
	assert.Equal(t, "0 hours", units[0].Format(0))
}
