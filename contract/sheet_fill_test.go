package contract_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

func readAgreement(t *testing.T, name string) contract.Agreement {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	a, err := contract.DecodeAgreement(data)
	require.NoError(t, err)
	return a
}

func TestAgreementSheetGolden(t *testing.T) {
	s, err := contract.SampleAgreement().Sheet()
	require.NoError(t, err)
	md, err := s.Markdown()
	require.NoError(t, err)
	golden(t, "sheet/good.md", md)
	html, err := s.HTML()
	require.NoError(t, err)
	golden(t, "sheet/good.html", html)
}

func TestAgreementSheetGood(t *testing.T) {
	a := contract.SampleAgreement()
	s, err := a.Sheet()
	require.NoError(t, err)
	require.NoError(t, s.Fit(), "the good sample fits one page on Letter and A4")

	hash, err := a.Hash()
	require.NoError(t, err)
	assert.Equal(t, hash, s.Hash)
	assert.Equal(t, "GlowCo Dew Serum launch", s.Campaign)
	assert.Equal(t, "Maya Reyes (@mayaglows)", s.Creator)
	assert.Equal(t, s.TermsUsed(), s.Glossary)
	assert.Equal(t, a.MetricSourceClause(), s.MetricSource)
	assert.Equal(t, a.QuietHours, s.QuietHours)

	require.Len(t, s.Duties.Deliverables, 2)
	assert.Equal(t, contract.SheetDeliverable{What: "1 TikTok video, 20–35 s", Post: "Mon 15 Mar 2027, 12:00 PT"}, s.Duties.Deliverables[0])
	assert.Equal(t, "3 Instagram story frames, 5–15 s each", s.Duties.Deliverables[1].What)
	assert.Equal(t, "Mon 15 – Wed 17 Mar 2027, 18:00 PT", s.Duties.Deliverables[1].Post)
	assert.Contains(t, s.Duties.Deliverables[1].Details, "Link sticker")
	assert.NotContains(t, s.Duties.Deliverables[1].Details, "https://", "the extra already names the link")
	assert.Equal(t, "within 2 business days (Mon–Fri 10:00–18:00 PT), revisions too", s.Duties.Response)
	assert.Contains(t, s.Duties.Other, "Concept outline (hook and structure) by Fri 19 Feb, 18:00 PT.")

	assert.Equal(t, "within 1 business day (Mon–Fri 09:00–17:00 ET)", s.Commitments.Response)
	assert.Equal(t, "48 hours for each round, weekends not counted", s.Commitments.Approval)
	assert.Equal(t, "1 concept round and 1 edit round included; extra rounds 300.00 USD each", s.Commitments.Rounds)
	assert.Equal(t, "ships by Wed 17 Feb, with you by Fri 19 Feb 2027", s.Commitments.Shipping)

	assert.Contains(t, s.Approval.Approved, "Dana Whitfield (or Sam Ortiz)")
	assert.Equal(t, "the post moves so you keep 2 business days between final approval and posting", s.Approval.Late)
	assert.Contains(t, s.Approval.Rush, "none agreed")
	assert.Contains(t, s.Approval.Rush, "25% rush fee")

	assert.Equal(t, "@glowco in the caption", s.Posting.Tag)
	assert.Equal(t, "TikTok video 90 days; Instagram story frames 1 day", s.Posting.KeepLive)

	require.Len(t, s.Escalation.Contacts, 2)
	assert.Equal(t, contract.SheetContact{Name: "Priya Nair", Role: "Partnerships lead, GlowCo", Reach: "priya@glowco.example", Hours: "Mon–Fri 09:00–17:00 ET"}, s.Escalation.Contacts[0])
	assert.Equal(t, "Jordan Lee", s.Escalation.Contacts[1].Name)
	assert.Equal(t, "Mon–Fri 10:00–18:00 PT", s.Escalation.Contacts[1].Hours)
	assert.Contains(t, s.Escalation.Rule, "2 follow-ups 1 business day apart")

	assert.Equal(t, "5300.00 USD: TikTok video 2500.00, usage rights 750.00, Instagram story frames 900.00, whitelisting 500.00, whitelisting setup 250.00, exclusivity 400.00", s.Payment.Amount)
	assert.Equal(t, "Net 15", s.Payment.Terms)
	assert.Equal(t, "the later of the invoice and the live links", s.Payment.Trigger)
	assert.Equal(t, "to ap@glowco.example, with PO number GC-2027-114; The live links of every post; The creator's W-9 on file with GlowCo", s.Payment.Invoice)
}

// The amount on the sheet is the quote's total, and the lines add up to it.
func TestAgreementSheetAmountIsTheQuote(t *testing.T) {
	a := contract.SampleAgreement()
	q, err := a.Price(time.Date(2027, 2, 15, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	s, err := a.Sheet()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(s.Payment.Amount, q.Total.String()+": "), s.Payment.Amount)
	n := len(q.Lines)
	for _, it := range q.Items {
		n += len(it.Lines)
	}
	assert.Equal(t, n, strings.Count(s.Payment.Amount, ",")+1, "one part per quote line")
}

// The milestones are the dates the schedule promises, in each owner's zone.
func TestAgreementSheetMilestones(t *testing.T) {
	s, err := contract.SampleAgreement().Sheet()
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	type point struct {
		owner contract.SheetOwner
		when  string
	}
	got := map[string]point{}
	for _, m := range s.Milestones {
		when := m.Date.String()
		if !m.At.IsZero() {
			when = m.At.Format(time.RFC3339)
		}
		got[m.Name] = point{m.Owner, when}
	}
	at := func(loc *time.Location, mo time.Month, d, h int) string {
		return time.Date(2027, mo, d, h, 0, 0, 0, loc).Format(time.RFC3339)
	}
	want := map[string]point{
		"Kickoff":                     {contract.OwnerBoth, "2027-02-15"},
		"Product ships":               {contract.OwnerBrand, "2027-02-17"},
		"Concept outline":             {contract.OwnerCreator, at(la, 2, 19, 18)},
		"Concept approved":            {contract.OwnerBrand, at(ny, 2, 23, 21)},
		"Draft":                       {contract.OwnerCreator, at(la, 3, 3, 14)},
		"Final approval":              {contract.OwnerBrand, at(ny, 3, 5, 17)},
		"Post: TikTok":                {contract.OwnerCreator, at(la, 3, 15, 12)},
		"Post: Instagram":             {contract.OwnerCreator, at(la, 3, 17, 18)},
		"Report (7 days): TikTok":     {contract.OwnerCreator, at(la, 3, 22, 12)},
		"Report (30 days): TikTok":    {contract.OwnerCreator, at(la, 4, 14, 12)},
		"Report (7 days): Instagram":  {contract.OwnerCreator, at(la, 3, 24, 18)},
		"Report (30 days): Instagram": {contract.OwnerCreator, at(la, 4, 16, 18)},
		"Payment due":                 {contract.OwnerBrand, "2027-04-05"},
	}
	assert.Equal(t, want, got)
	assert.Len(t, s.Milestones, len(want), "no milestone is drawn twice")
}

// The too-long sample agreement fills a sheet, and every renderer refuses it
// with ErrTooLong instead of printing two pages.
func TestAgreementSheetTooLong(t *testing.T) {
	s, err := readAgreement(t, "toolong.json").Sheet()
	require.NoError(t, err)
	assert.LessOrEqual(t, len(s.Milestones), contract.MaxSheetMilestones)
	require.ErrorIs(t, s.Fit(), contract.ErrTooLong)
	for name, render := range map[string]func() (string, error){
		"markdown": s.Markdown,
		"html":     s.HTML,
		"letter":   func() (string, error) { return s.HTMLFor(contract.PaperLetter) },
		"a4":       func() (string, error) { return s.HTMLFor(contract.PaperA4) },
		"svg":      s.TimelineSVG,
	} {
		t.Run(name, func(t *testing.T) {
			out, err := render()
			if name == "svg" {
				// The picture alone is not a page: it renders.
				require.NoError(t, err)
				assert.Contains(t, out, "Last post")
				return
			}
			require.ErrorIs(t, err, contract.ErrTooLong)
			assert.Empty(t, out)
			var tl *contract.SheetTooLongError
			require.True(t, errors.As(err, &tl))
			assert.NotEmpty(t, tl.Overflows)
		})
	}
}

// A vague agreement still fills a sheet: what it leaves open reads "not
// agreed yet", never an invented term.
func TestAgreementSheetVague(t *testing.T) {
	s, err := contract.VagueAgreement().Sheet()
	require.NoError(t, err)
	assert.Equal(t, "Not agreed yet.", s.QuietHours)
	assert.Equal(t, "not agreed yet", s.Payment.Trigger)
	assert.Equal(t, "not agreed yet", s.Payment.Invoice)
	assert.Equal(t, "shipping dates not agreed yet", s.Commitments.Shipping)
	assert.Equal(t, "date not agreed yet", s.Duties.Deliverables[0].Post)
	require.Len(t, s.Escalation.Contacts, 1)
	assert.Contains(t, s.Escalation.Contacts[0].Role, "not agreed yet")
	assert.Contains(t, strings.Join(s.Duties.Other, " "), "with no end", "perpetual usage is said as it is")
	md, err := s.Markdown()
	require.NoError(t, err)
	assert.Contains(t, md, "not agreed yet")

	// "none" is an answer, and the sheet says so differently.
	a := contract.VagueAgreement()
	a.Escalation = contract.None[[]contract.EscalationContact]()
	s, err = a.Sheet()
	require.NoError(t, err)
	require.Len(t, s.Escalation.Contacts, 1)
	assert.Equal(t, "the agreement names no escalation contact; write to the owners", s.Escalation.Contacts[0].Role)
}

func TestAgreementSheetInvalid(t *testing.T) {
	for name, edit := range map[string]func(*contract.Agreement){
		"no campaign":     func(a *contract.Agreement) { a.Campaign.Name = "" },
		"no deliverables": func(a *contract.Agreement) { a.Deliverables = nil },
	} {
		t.Run(name, func(t *testing.T) {
			a := contract.SampleAgreement()
			edit(&a)
			s, err := a.Sheet()
			require.ErrorIs(t, err, contract.ErrInvalid)
			assert.Empty(t, s.Campaign)
		})
	}
}

// A valid agreement whose sheet is past the sheet's bounds is too long, not
// invalid input: every problem is a size.
func TestAgreementSheetPastBounds(t *testing.T) {
	for name, edit := range map[string]func(*contract.Agreement){
		"huge quiet line": func(a *contract.Agreement) { a.QuietHours = strings.Repeat("quiet ", 500) },
		"many claims": func(a *contract.Agreement) {
			claims := make([]string, 40)
			for i := range claims {
				claims[i] = fmt.Sprintf("Claim restriction number %d: no claim about anything at all", i)
			}
			a.Compliance.ClaimRestrictions = contract.Some(claims)
		},
		"many reports": func(a *contract.Agreement) {
			a.Policy.Reports = nil
			for i := range 12 {
				a.Policy.Reports = append(a.Policy.Reports, sla.Days(int64(7+i)))
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			a := contract.SampleAgreement()
			edit(&a)
			require.NoError(t, a.Validate())
			s, err := a.Sheet()
			require.ErrorIs(t, err, contract.ErrTooLong)
			require.ErrorIs(t, err, contract.ErrInvalid)
			var v *contract.ValidationError
			require.True(t, errors.As(err, &v))
			assert.Equal(t, "too_large", v.Problems[0].Code)
			assert.Empty(t, s.Campaign)
		})
	}
}

// lateState runs deliverable i of a as its schedule promises up to the draft,
// then approves late, at approved.
func lateState(t *testing.T, a contract.Agreement, i int, approved time.Time) timeline.State {
	t.Helper()
	p, err := a.Plan(i)
	require.NoError(t, err)
	tl, err := timeline.Compile(p)
	require.NoError(t, err)
	kinds := map[timeline.Step][]timeline.Kind{
		timeline.StepShip:          {timeline.ProductShipped, timeline.ProductReceived},
		timeline.StepConcept:       {timeline.ConceptSubmitted},
		timeline.StepConceptReview: {timeline.ConceptApproved},
		timeline.StepCompliance:    {timeline.ComplianceChecked},
		timeline.StepDraft:         {timeline.DraftSubmitted},
	}
	var events []timeline.Event
	for _, m := range tl.Schedule() {
		for _, k := range kinds[m.Step] {
			events = append(events, timeline.Event{Seq: int64(len(events) + 1), At: m.Due, Kind: k})
		}
	}
	events = append(events, timeline.Event{Seq: int64(len(events) + 1), At: approved, Kind: timeline.Approved})
	st, err := tl.State(events, approved.Add(time.Hour))
	require.NoError(t, err)
	return st
}

// A late final approval moves the post on the sheet, with the engine's
// reason; the reports follow the post, the earlier dates stay.
func TestAgreementSheetAtMovedPost(t *testing.T) {
	a := contract.SampleAgreement()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	// Final approval was due Fri 5 Mar 17:00 EST; it comes Tue 9 Mar 17:00.
	st := lateState(t, a, 0, time.Date(2027, 3, 9, 17, 0, 0, 0, ny))
	require.NotEmpty(t, st.Post.Shifts)
	require.True(t, st.Post.Current.After(st.Post.Planned))

	planned, err := a.Sheet()
	require.NoError(t, err)
	s, err := a.SheetAt(st)
	require.NoError(t, err)
	require.NoError(t, s.Fit())

	byName := func(s contract.Sheet) map[string]contract.SheetMilestone {
		m := map[string]contract.SheetMilestone{}
		for _, x := range s.Milestones {
			m[x.Name] = x
		}
		return m
	}
	before, after := byName(planned), byName(s)
	post := after["Post: TikTok"]
	assert.True(t, post.Shifted)
	assert.True(t, post.At.Equal(st.Post.Current), "post at %v, state says %v", post.At, st.Post.Current)
	assert.Contains(t, post.Reason, "final approval was due Fri 5 Mar 2027 17:00 EST")
	assert.True(t, strings.HasPrefix(post.Reason, "Post date moved from Mon 15 Mar 12:00"), post.Reason)
	assert.Equal(t, st.Post.Current.AddDate(0, 0, 7).Format(time.RFC3339), after["Report (7 days): TikTok"].At.Format(time.RFC3339), "the report follows the post")
	for _, same := range []string{"Kickoff", "Draft", "Final approval", "Post: Instagram", "Report (7 days): Instagram"} {
		assert.Equal(t, before[same], after[same], same)
	}
	assert.False(t, after["Post: Instagram"].Shifted)
	assert.Contains(t, s.Duties.Deliverables[0].Post, "(moved from Mon 15 Mar, 12:00)")
	assert.Equal(t, planned.Hash, s.Hash, "the agreement did not change")

	md, err := s.Markdown()
	require.NoError(t, err)
	assert.Contains(t, md, "**moved**: Post date moved from Mon 15 Mar 12:00")

	// A state whose post did not move changes nothing.
	onTime := lateState(t, a, 1, time.Date(2027, 3, 4, 10, 0, 0, 0, ny))
	require.Empty(t, onTime.Post.Shifts)
	same, err := a.SheetAt(onTime)
	require.NoError(t, err)
	assert.Equal(t, planned, same)
}

func TestAgreementSheetAtBadStates(t *testing.T) {
	a := contract.SampleAgreement()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	st := lateState(t, a, 0, time.Date(2027, 3, 9, 17, 0, 0, 0, ny))
	other := st
	other.Plan = "someone-else/tiktok-video"
	for name, tc := range map[string]struct {
		states []timeline.State
		path   string
	}{
		"unknown plan": {[]timeline.State{other}, "states[0].plan"},
		"twice":        {[]timeline.State{st, st}, "states[1].plan"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := a.SheetAt(tc.states...)
			require.ErrorIs(t, err, contract.ErrInvalid)
			var v *contract.ValidationError
			require.True(t, errors.As(err, &v))
			require.Len(t, v.Problems, 1)
			assert.Equal(t, tc.path, v.Problems[0].Path)
		})
	}
}

// A change of the agreement after signing shows on the sheet: its hash.
func TestAgreementSheetShowsChanges(t *testing.T) {
	a := contract.SampleAgreement()
	before, err := a.Sheet()
	require.NoError(t, err)
	a.Deliverables[0].PostDate = date.New(2027, 3, 16)
	after, err := a.Sheet()
	require.NoError(t, err)
	assert.NotEqual(t, before.Hash, after.Hash)
	assert.Equal(t, "Tue 16 Mar 2027, 12:00 PT", after.Duties.Deliverables[0].Post)
}

func ExampleAgreement_Sheet() {
	s, err := contract.SampleAgreement().Sheet()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Commitments.Response)
	fmt.Println(s.Commitments.Approval)
	fmt.Println(s.Payment.Terms, "after", s.Payment.Trigger)
	for _, m := range s.Milestones[:6] {
		when := m.Date.Format("Mon 2 Jan")
		if !m.At.IsZero() {
			when = m.At.Format("Mon 2 Jan 15:04 MST")
		}
		fmt.Printf("%-17s %-8s %s\n", m.Name, m.Owner, when)
	}
	_, err = s.HTML()
	fmt.Println("fits one page:", err == nil)
	// Output:
	// within 1 business day (Mon–Fri 09:00–17:00 ET)
	// 48 hours for each round, weekends not counted
	// Net 15 after the later of the invoice and the live links
	// Kickoff           both     Mon 15 Feb
	// Product ships     brand    Wed 17 Feb
	// Concept outline   creator  Fri 19 Feb 18:00 PST
	// Concept approved  brand    Tue 23 Feb 21:00 EST
	// Draft             creator  Wed 3 Mar 14:00 PST
	// Final approval    brand    Fri 5 Mar 17:00 EST
	// fits one page: true
}

// FuzzAgreementSheet: any agreement the decoder accepts fills a sheet that
// validates, or fails with ErrInvalid; a filled sheet renders, or the
// renderers say it is too long; nothing panics.
func FuzzAgreementSheet(f *testing.F) {
	for _, name := range []string{"good", "vague", "toolong"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"campaign":{"name":"x"},"brand":{"name":"b"},"creator":{"name":"c"},"deliverables":[{"id":"d","platform":"p","format":"f","count":1,"length":"none","extras":"none"}],"rights":{"usage":"none","whitelisting":null,"exclusivity":{}},"rush":"none","escalation":"none"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := contract.DecodeAgreement(data)
		if err != nil {
			return
		}
		s, err := a.Sheet()
		if err != nil {
			if !errors.Is(err, contract.ErrInvalid) {
				t.Fatalf("Sheet() = %v, not ErrInvalid", err)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("Sheet() gave a sheet that does not validate: %v", err)
		}
		if h, err := a.Hash(); err != nil || h != s.Hash {
			t.Fatalf("sheet hash %q, agreement hash %q (%v)", s.Hash, h, err)
		}
		for _, render := range []func() (string, error){s.Markdown, s.HTML} {
			if out, err := render(); err != nil && !errors.Is(err, contract.ErrTooLong) || err == nil && out == "" {
				t.Fatalf("render: %q, %v", out, err)
			}
		}
	})
}

func BenchmarkAgreementSheet(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "toolong.json"))
	require.NoError(b, err)
	long, err := contract.DecodeAgreement(data)
	require.NoError(b, err)
	for name, a := range map[string]contract.Agreement{"good": contract.SampleAgreement(), "toolong": long} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.Sheet(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
