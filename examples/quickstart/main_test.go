package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestQuickstart runs the main job and checks the figures this field quotes.
func TestQuickstart(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{
		// The clock.
		"due  Mon Dec 7 17:00 EST / Mon 14:00 PST",  // Friday-evening draft, 1 business day
		"due  Tue Dec 15 12:00 EST / Tue 09:00 PST", // 48 hours over a quiet weekend
		"due  Thu Dec 24 13:00 EST / Thu 10:00 PST", // the half day before the holiday
		"goes out Tue Dec 15 13:00 EST / Tue 10:00 PST",
		"first 45-minute call with both at work: Mon Dec 14 16:00 EST",
		// The timeline: DESIGN.md's worked example.
		"final approval due Wed 10 Mar 13:00 EST",
		"approve by Wed 10 Mar 13:00 EST to keep the post; the creator is promised 26h0m0s",
		"post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days late",
		"follow_up to Bea (brand)          at Wed 10 Mar 13:00 EST",
		"follow_up to Bea (brand)          at Thu 11 Mar 13:00 EST",
		"escalate  to Max (brand manager)  at Fri 12 Mar 13:00 EST",
		"final approval due again Tue 16 Mar 13:05 EDT",
		"waiting on brand:  tiktok-video-1 (review breached)",
		// The price.
		"750.00 USD", "3250.00 USD",
		// The report.
		"0.0167 USD", "0.0217 USD", "10.00 USD", "3.00%",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("quickstart output lacks %q\n%s", want, out.String())
		}
	}
}
