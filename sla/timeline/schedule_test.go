package timeline_test

import (
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla/timeline"
)

func TestSchedule(t *testing.T) {
	withProduct := workedPlan()
	withProduct.Product = &timeline.Product{ShipBy: date.New(2027, time.February, 17)}
	for name, p := range map[string]timeline.Plan{"worked": workedPlan(), "with product": withProduct} {
		t.Run(name, func(t *testing.T) {
			tl := timeline.MustCompile(p)
			ms := tl.Schedule()
			steps := map[timeline.Step]int{}
			for _, m := range ms {
				steps[m.Step]++
				assert.Equal(t, timeline.Met, m.Status, "%s %d", m.Step, m.Round)
				assert.True(t, m.Met.Equal(m.Due), "%s met at its due", m.Step)
				assert.NotEmpty(t, m.Reason(), "%s has a reason", m.Step)
			}
			for _, s := range []timeline.Step{timeline.StepConcept, timeline.StepConceptReview, timeline.StepCompliance,
				timeline.StepDraft, timeline.StepReview, timeline.StepPost, timeline.StepLiveCheck, timeline.StepInvoice, timeline.StepPayment} {
				assert.Equal(t, 1, steps[s], "%s once", s)
			}
			assert.Equal(t, len(p.Policy.Reports), steps[timeline.StepReport])
			if p.Product != nil {
				assert.Equal(t, 1, steps[timeline.StepShip])
			}
			post, review := find(t, ms, timeline.StepPost), find(t, ms, timeline.StepReview)
			assert.True(t, post.Due.Equal(tl.PlannedPost()), "the post at the planned instant")
			assert.True(t, review.Due.Before(post.Due))
			// The same schedule the state shows once the ideal events happened:
			// nothing late, nothing shifted.
			for _, m := range ms {
				assert.False(t, m.Due.Before(p.Kickoff), "%s before the kickoff", m.Step)
			}
		})
	}
}

func find(t *testing.T, ms []timeline.Milestone, s timeline.Step) timeline.Milestone {
	t.Helper()
	for _, m := range ms {
		if m.Step == s {
			return m
		}
	}
	require.Failf(t, "no milestone", "%s", s)
	return timeline.Milestone{}
}
