package timeline

// Schedule returns the plan's milestones as they fall when every step takes its
// whole window and nothing is late: the product ships at the end of its ship-by
// date and arrives then, each submission, review and check comes at its due
// instant, the post goes live at the planned instant, and the reports, the
// invoice and the payment follow at theirs. It is the timeline an agreement
// promises, the one an expectations sheet draws; every milestone in it is Met
// at its Due, with the reason for that date (Reason).
//
// The schedule comes from the engine itself, by feeding it the events of that
// ideal run, so it follows the same rules as [Timeline.State]. It costs about a
// dozen State computations.
func (t *Timeline) Schedule() []Milestone {
	var evs []Event
	at := t.plan.Kickoff
	var st State
	// Each round meets one open step; a plan has a couple of dozen at most.
	for seq := int64(1); seq <= 64; seq++ {
		st, _ = t.State(evs, at)
		next, ok := firstOpen(st)
		if !ok {
			break
		}
		e := Event{Seq: seq, At: next.Due, Kind: meets(next.Step)}
		if next.Step == StepReport && next.Round >= 1 && next.Round <= len(t.plan.Policy.Reports) {
			e.Report = t.plan.Policy.Reports[next.Round-1]
		}
		if next.Step == StepPost {
			e.URL = "https://example.invalid/planned"
		}
		evs = append(evs, e)
		if next.Step == StepShip {
			seq++
			evs = append(evs, Event{Seq: seq, At: next.Due, Kind: ProductReceived})
		}
		at = next.Due
	}
	return st.Milestones
}

// firstOpen returns the open milestone due first.
func firstOpen(st State) (Milestone, bool) {
	var best Milestone
	found := false
	for _, m := range st.Milestones {
		if m.Opened.IsZero() || !m.Met.IsZero() || m.Due.IsZero() {
			continue
		}
		if !found || m.Due.Before(best.Due) {
			best, found = m, true
		}
	}
	return best, found
}

// meets is the event that meets a step on time.
func meets(s Step) Kind {
	switch s {
	case StepShip:
		return ProductShipped
	case StepConcept:
		return ConceptSubmitted
	case StepConceptReview:
		return ConceptApproved
	case StepCompliance:
		return ComplianceChecked
	case StepDraft, StepRevision:
		return DraftSubmitted
	case StepReview:
		return Approved
	case StepPost:
		return Posted
	case StepLiveCheck:
		return LiveChecked
	case StepReport:
		return ReportReceived
	case StepInvoice:
		return InvoiceReceived
	}
	return Paid
}
