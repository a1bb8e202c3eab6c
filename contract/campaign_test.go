package contract_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/metrics"
)

func TestNeedsSheet(t *testing.T) {
	cases := []struct {
		creators, perCreator int
		want                 bool
	}{
		{1, 1, false}, {3, 2, false}, {4, 1, true}, {1, 3, true}, {0, 0, false}, {10, 10, true},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, contract.NeedsSheet(tc.creators, tc.perCreator), "NeedsSheet(%d, %d)", tc.creators, tc.perCreator)
	}
}

// campaignOf returns a campaign of n agreements with the good sample, each for
// another creator.
func campaignOf(n int) contract.Campaign {
	var c contract.Campaign
	for i := range n {
		a := contract.SampleAgreement()
		a.Creator.Name = "Creator " + strconv.Itoa(i)
		c.Agreements = append(c.Agreements, a)
	}
	return c
}

// TestCampaignSheetRequired is the decision rule's named test: more than 3
// creators, or more than 2 deliverables for one creator, needs the sheet.
func TestCampaignSheetRequired(t *testing.T) {
	c := campaignOf(3)
	creators, most := c.Creators()
	assert.Equal(t, 3, creators)
	assert.Equal(t, 2, most)
	assert.False(t, c.NeedsSheet())
	assert.Empty(t, c.Check())

	c = campaignOf(4)
	assert.True(t, c.NeedsSheet())
	fs := c.Check()
	f, ok := findAt(fs, contract.CodeSheetRequired, "")
	require.True(t, ok, "%v", fs)
	assert.Equal(t, contract.Warning, f.Severity)
	assert.Contains(t, f.Message, "4 creators (more than 3)")

	// The same creator in two agreements: 2 + 2 deliverables.
	c = campaignOf(1)
	c.Agreements = append(c.Agreements, c.Agreements[0])
	creators, most = c.Creators()
	assert.Equal(t, 1, creators)
	assert.Equal(t, 4, most)
	f, ok = findAt(c.Check(), contract.CodeSheetRequired, "")
	require.True(t, ok)
	assert.Contains(t, f.Message, "up to 4 deliverables for one creator")

	long, err := contract.DecodeAgreement(readSample(t, "toolong"))
	require.NoError(t, err)
	assert.True(t, contract.Campaign{Agreements: []contract.Agreement{long}}.NeedsSheet())
}

// TestCampaignDefinitionMismatch: one engagement-rate definition for every
// creator.
func TestCampaignDefinitionMismatch(t *testing.T) {
	c := campaignOf(3)
	c.Agreements[0].Reporting.EngagementRate = metrics.Definition{}
	c.Agreements[2].Reporting.EngagementRate = metrics.MustNewDefinition(metrics.BasisReach, metrics.AllInteractions)
	fs := c.Check()
	f, ok := findAt(fs, contract.CodeDefinitionMismatch, "agreements[2].reporting.engagement_rate")
	require.True(t, ok, "%v", fs)
	assert.Contains(t, f.Message, "agreements[1]")
	assert.False(t, fs.Has(contract.CodeSheetRequired))
}

func TestCampaignCheckPaths(t *testing.T) {
	c := contract.Campaign{Agreements: []contract.Agreement{contract.SampleAgreement(), contract.VagueAgreement()}}
	fs := c.Check()
	_, ok := findAt(fs, contract.CodeNoEscalation, "agreements[1].escalation")
	assert.True(t, ok, "%v", fs)
	assert.Equal(t, contract.Blocker, fs[0].Severity)
}
