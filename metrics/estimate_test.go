package metrics_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/metrics"
)

func TestEstimate(t *testing.T) {
	s, err := metrics.Summarize(byViews, metrics.Report7Days, campaign())
	require.NoError(t, err)
	e, err := s.Estimate()
	require.NoError(t, err)
	// The three reported posts: 5000 USD, expected 280000, actual 400000 views.
	want, err := metrics.CompareEstimate(usd("5000.00"), 280000, 400000)
	require.NoError(t, err)
	want.Posts = 3
	assert.True(t, e.Equal(want), "Estimate() = %+v, want %+v", e, want)
	assert.Equal(t, int64(120000), e.ViewsDifference())
	d, err := e.CPVDifference()
	require.NoError(t, err)
	assert.Equal(t, "-0.0054 USD", show(metrics.FormulaCPV, d)) // 0.0125 − 0.017857...

	one, err := metrics.CompareEstimate(usd("3250.00"), 150000, 120000)
	require.NoError(t, err)
	assert.Equal(t, "0.0217 USD", show(metrics.FormulaCPV, one.EstimatedCPV))
	assert.Equal(t, "0.0271 USD", show(metrics.FormulaCPV, one.ActualCPV))
	_, err = metrics.CompareEstimate(usd("3250.00"), 150000, 0)
	assert.ErrorIs(t, err, metrics.ErrUndefined)
	noExpected := campaign()
	for i := range noExpected {
		noExpected[i].ExpectedViews = metrics.Count{}
	}
	s, err = metrics.Summarize(byViews, metrics.Report7Days, noExpected)
	require.NoError(t, err)
	_, err = s.Estimate()
	assert.ErrorIs(t, err, metrics.ErrUnknown, "Estimate() without expectations")
}
