package timeline_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

func FuzzDecodePlan(f *testing.F) {
	good, _ := json.Marshal(workedPlan())
	for _, s := range []string{string(good), `{}`, `null`, `{"id":"x","id":"y"}`, `{"policy":{"review":"1h"}}`,
		`{"post_time":"25:00"}`, `{"post_date":"2027-02-30"}`, `{"brand":{"calendar":{"time_zone":"Local"}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := timeline.DecodePlan(data)
		if err != nil {
			if !errors.Is(err, timeline.ErrInvalid) {
				t.Fatalf("DecodePlan(%q) = %v, not ErrInvalid", data, err)
			}
			return
		}
		// A plan that decodes compiles, and what it marshals reads back.
		if _, err := timeline.Compile(p); err != nil {
			t.Fatalf("DecodePlan accepted %q but Compile: %v", data, err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := timeline.DecodePlan(b); err != nil {
			t.Fatalf("DecodePlan(Marshal(DecodePlan(%q))): %v", data, err)
		}
	})
}

func FuzzDecodeEvents(f *testing.F) {
	good, _ := json.Marshal(tenEvents())
	for _, s := range []string{string(good), `[]`, `null`, `[{}]`, `[{"seq":1,"at":"2027-01-01T00:00:00Z","kind":"paid","kind":"posted"}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		evs, err := timeline.DecodeEvents(data)
		if err != nil {
			if !errors.Is(err, timeline.ErrInvalid) {
				t.Fatalf("DecodeEvents(%q) = %v, not ErrInvalid", data, err)
			}
			return
		}
		b, err := json.Marshal(evs)
		if err != nil {
			t.Fatal(err)
		}
		back, err := timeline.DecodeEvents(b)
		if err != nil || len(back) != len(evs) {
			t.Fatalf("DecodeEvents(Marshal(DecodeEvents(%q))) = %d events, %v", data, len(back), err)
		}
	})
}

// FuzzState runs the engine on event sequences built from fuzz bytes: any kind,
// any party, instants around the worked example. It never panics, the state is
// constant until Next, and events left out do not change the state computed from
// the others.
func FuzzState(f *testing.F) {
	f.Add([]byte{0, 10, 2, 30, 3, 40, 4, 50, 8, 60, 14, 1, 15, 2})
	f.Add([]byte{6, 1, 6, 1, 12, 200, 13, 0, 17, 3, 18, 4})
	tl := timeline.MustCompile(workedPlan())
	kinds := []timeline.Kind{timeline.ProductShipped, timeline.ProductReceived, timeline.ConceptSubmitted,
		timeline.ConceptFeedback, timeline.ConceptApproved, timeline.ComplianceChecked, timeline.DraftSubmitted,
		timeline.DraftFeedback, timeline.Approved, timeline.Posted, timeline.LiveChecked, timeline.ReportReceived,
		timeline.InvoiceReceived, timeline.Paid, timeline.FollowUpSent, timeline.Escalated, timeline.RushRequested,
		timeline.RushConfirmed, timeline.PostRenegotiated}
	parties := []timeline.Party{timeline.Brand, timeline.Creator, timeline.Both, ""}
	base := workedPlan().Kickoff
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 200 {
			return
		}
		var evs []timeline.Event
		at := base
		for i := 0; i+1 < len(data); i += 2 {
			at = at.Add(time.Duration(data[i+1]) * 97 * time.Minute)
			e := timeline.Event{Seq: int64(i/2 + 1), At: at, Kind: kinds[int(data[i])%len(kinds)],
				By: parties[int(data[i])/32%len(parties)], To: parties[int(data[i+1])%2]}
			if e.Kind == timeline.ReportReceived {
				e.Report = workedPlan().Policy.Reports[int(data[i+1])%2]
			}
			if e.Kind == timeline.PostRenegotiated {
				e.PostDate = workedPlan().PostDate.Add(3)
			}
			evs = append(evs, e)
		}
		now := at.Add(time.Hour)
		st, err := tl.State(evs, now)
		var ve *timeline.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("State error %v is not a *ValidationError", err)
		}
		// The good events alone give the same state.
		var good []timeline.Event
		bad := map[string]bool{}
		if ve != nil {
			for _, p := range ve.Problems {
				bad[p.Path[:len("events[")+len(pathIndex(p.Path))+1]] = true
			}
		}
		for i, e := range evs {
			if !bad["events["+itoa(i)+"]"] {
				good = append(good, e)
			}
		}
		st2, err2 := tl.State(good, now)
		if err2 != nil {
			t.Fatalf("the good events alone: %v", err2)
		}
		if jsonOf(t, st) != jsonOf(t, st2) {
			t.Fatalf("bad events changed the state")
		}
		if !st.Next.IsZero() {
			mid, _ := tl.State(evs, now.Add(st.Next.Sub(now)/2))
			if jsonOf(t, mid) != jsonOf(t, st) {
				t.Fatalf("state changed before Next")
			}
		}
	})
}

func pathIndex(path string) string {
	i := len("events[")
	j := i
	for j < len(path) && path[j] != ']' {
		j++
	}
	return path[i:j]
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
