package contract_test

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"
	"github.com/rickb777/date/clock"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// The whole round: the sample agreement passes the checklist, prints its
// content hash, and feeds the timeline engine.
func Example() {
	a := contract.SampleAgreement()
	fmt.Println("findings:", len(contract.Check(a)))

	h, err := a.Hash()
	if err != nil {
		panic(err)
	}
	fmt.Println("hash:", contract.ShortHash(h))

	plan, err := a.Plan(0)
	if err != nil {
		panic(err)
	}
	tl, err := timeline.Compile(plan)
	if err != nil {
		panic(err)
	}
	fmt.Println("post:", tl.PlannedPost().Format("Mon 2 Jan 2006 15:04 MST"))
	fmt.Println("sheet needed:", contract.Campaign{Agreements: []contract.Agreement{a}}.NeedsSheet())
	// Output:
	// findings: 0
	// hash: sha256:aa7efc47396e
	// post: Mon 15 Mar 2027 12:00 PDT
	// sheet needed: false
}

// An agreement is strict JSON. "Not set" and "explicitly none" differ: here
// exclusivity is left out, whitelisting is "none", usage is granted.
func ExampleDecodeAgreement() {
	a, err := contract.DecodeAgreement([]byte(`{
		"campaign": {"name": "GlowCo Dew Serum launch"},
		"brand": {"name": "GlowCo"},
		"creator": {"name": "Maya Reyes"},
		"deliverables": [{
			"id": "tiktok-video", "platform": "tiktok", "format": "short_video", "count": 1,
			"length": {"min_seconds": 20, "max_seconds": 35}, "post_date": "2027-03-15"
		}],
		"rights": {
			"usage": {"channels": ["tiktok", "instagram"], "duration": "3 months", "paid": true},
			"whitelisting": "none"
		}
	}`))
	if err != nil {
		panic(err)
	}
	fmt.Println("usage:", a.Rights.Usage)
	fmt.Println("whitelisting:", a.Rights.Whitelisting)
	fmt.Println("exclusivity:", a.Rights.Exclusivity)
	fmt.Println("review window:", a.Policy.Review, "(the default)")

	// Every problem at once, each with its path.
	_, err = contract.DecodeAgreement([]byte(`{
		"campaign": {"name": "GlowCo Dew Serum launch"},
		"brand": {"name": "GlowCo"},
		"creator": {"name": "Maya Reyes"},
		"deliverables": [{"id": "tiktok-video", "platform": "tiktok", "format": "short_video", "count": 0, "post_date": "2027-02-30"}],
		"rights": {"usage": "None"}
	}`))
	for _, line := range strings.Split(err.Error(), "; ") {
		fmt.Println(line)
	}
	// Output:
	// usage: set
	// whitelisting: none
	// exclusivity: unstated
	// review window: 48 hours (the default)
	// contract: agreement: deliverables[0].post_date: want a date "YYYY-MM-DD" from 0001-01-01 to 9999-12-31, have "2027-02-30"
	// rights.usage: want "none" or a value, have "None"
	// deliverables[0].count: required: the number of units, 1 to 1000
}

// The checklist on a few classic mistakes: "one TikTok" without a length, a
// rush without a rush fee, an owner without a backup, and a post date the
// schedule cannot fit before, even with the rush windows.
func ExampleCheck() {
	a := contract.SampleAgreement()
	a.Deliverables[0].Length = contract.Opt[contract.Length]{}
	a.Deliverables[0].PostDate = date.New(2027, 2, 19)
	a.Rush = contract.Some(contract.Rush{Reason: "launch moved up"})
	a.Brand.Backup = timeline.Contact{}
	for _, f := range contract.Check(a) {
		fmt.Printf("%s %s %s\n", f.Severity, f.Code, f.Path)
	}
	// Output:
	// blocker schedule_infeasible deliverables[0].post_date
	// blocker rush_unpriced rush
	// warning no_backup brand.backup
	// warning no_length deliverables[0].length
}

// One template, instantiated per creator with only the creator's fields. Leo
// takes the campaign's standard usage rights, but no whitelisting and no
// exclusivity.
func ExampleTemplate_Instantiate() {
	s := contract.SampleAgreement()
	tpl := contract.Template{
		Name: "glowco-creator-standard", Version: "2027-q1",
		Campaign: s.Campaign, Brand: s.Brand, Brief: s.Brief, Policy: s.Policy,
		Commercial: contract.Commercial{RateCard: s.Commercial.RateCard, Invoice: s.Commercial.Invoice},
		Rights:     s.Rights, Compliance: s.Compliance, Reporting: s.Reporting,
		Escalation: s.Escalation, QuietHours: s.QuietHours,
	}
	noon := clock.New(12, 0, 0, 0)
	london := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Europe/London", Hours: []string{"mon-fri 09:30-17:30"}, Quiet: []string{"sat-sun"}})
	a, err := tpl.Instantiate(contract.CreatorTerms{
		ID: "glowco-dew-2027/leo-park",
		Creator: contract.Party{
			Name: "Leo Park", Handle: "@leoskin",
			Side: timeline.Side{
				Calendar: london,
				Owner:    timeline.Contact{Name: "Leo Park", Email: "leo@leoskin.example"},
				Manager:  timeline.Contact{Name: "Ana Ruiz", Email: "ana@talent.example"},
			},
			Backup: timeline.Contact{Name: "Sofia Park", Email: "sofia@leoskin.example"},
		},
		Kickoff: date.New(2027, 2, 15),
		Deliverables: []contract.Deliverable{{
			ID: "tiktok-video", Platform: "tiktok", Format: "short_video", Count: 1,
			Length:   contract.Some(contract.Length{MinSeconds: 20, MaxSeconds: 35}),
			Extras:   contract.None[[]string](),
			PostDate: date.New(2027, 3, 16), PostTime: &noon, Tag: "@glowco",
		}},
		Deal: pricing.DealRequest{Items: []pricing.DealItem{{Name: "tiktok-video", Request: pricing.Request{
			Platform: "tiktok", Format: "short_video", Seconds: 30,
			Usage: &pricing.UsageRequest{Paid: true, Channels: []string{"tiktok", "instagram", "facebook"}, Duration: pricing.Months(3)},
		}}}},
		Rights: contract.Rights{
			Whitelisting: contract.None[contract.Whitelisting](),
			Exclusivity:  contract.None[contract.Exclusivity](),
		},
		Rush: contract.None[contract.Rush](),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.ID, "from", a.Template.Name, a.Template.Version)
	fmt.Println("usage:", a.Rights.Usage, "whitelisting:", a.Rights.Whitelisting, "exclusivity:", a.Rights.Exclusivity)
	fmt.Println("findings:", contract.Check(a))
	// Output:
	// glowco-dew-2027/leo-park from glowco-creator-standard 2027-q1
	// usage: set whitelisting: none exclusivity: none
	// findings: []
}

// The onboarding message, in plain text here; Markdown is the other result.
func ExampleOnboarding() {
	_, text := contract.Onboarding(contract.SampleAgreement())
	_, shipping, _ := strings.Cut(text, "\nShipping\n--------\n\n")
	shipping, _, _ = strings.Cut(shipping, "\n\n")
	fmt.Println(shipping)
	// Output:
	// - GlowCo ships the product by Wed 17 Feb 2027.
	// - You should have it by Fri 19 Feb 2027; tell us at once if it has not arrived.
}
