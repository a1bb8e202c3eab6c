package timeline_test

import (
	"testing"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

// tenEvents is the worked example's history to the end: the draft approved late,
// posted, checked, reported, invoiced and paid.
func tenEvents() []timeline.Event {
	return append(upToDraft(),
		timeline.Event{Seq: 5, At: time.Date(2027, 3, 12, 13, 0, 0, 0, ny), Kind: timeline.Approved},
		timeline.Event{Seq: 6, At: time.Date(2027, 3, 17, 12, 0, 0, 0, la), Kind: timeline.Posted},
		timeline.Event{Seq: 7, At: time.Date(2027, 3, 17, 16, 0, 0, 0, ny), Kind: timeline.LiveChecked},
		timeline.Event{Seq: 8, At: time.Date(2027, 3, 18, 10, 0, 0, 0, la), Kind: timeline.InvoiceReceived},
		timeline.Event{Seq: 9, At: time.Date(2027, 3, 24, 10, 0, 0, 0, la), Kind: timeline.ReportReceived, Report: workedPlan().Policy.Reports[0]},
		timeline.Event{Seq: 10, At: time.Date(2027, 3, 30, 10, 0, 0, 0, ny), Kind: timeline.Paid},
	)
}

func BenchmarkStateTenEvents(b *testing.B) {
	tl := timeline.MustCompile(workedPlan())
	evs := tenEvents()
	now := time.Date(2027, 3, 31, 12, 0, 0, 0, ny)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tl.State(evs, now); err != nil {
			b.Fatal(err)
		}
	}
}
