package contract_test

import (
	"fmt"
	"time"

	"github.com/creatorops/creatorops/contract"
)

// A draft caption for Instagram, checked against the agreement's terms under
// the FTC's rules: the "#ad" is there, but at the end of a run of hashtags.
// Moved to the start, the caption passes.
func ExampleCheckDisclosure() {
	ig, _ := contract.LookupPlatform("instagram")
	terms := contract.DisclosureTerms{Wording: "#ad", Brand: "GlowCo", Handle: "@glowco"}

	draft := contract.Caption{Platform: ig, Text: "Serum day with @glowco ✨ #skin #glow #spf #selfcare #ad"}
	for _, f := range contract.CheckDisclosure(draft, terms, contract.FTC()) {
		fmt.Println(f.Code+":", f)
	}

	fixed := contract.Caption{Platform: ig, Text: "#ad Serum day with @glowco ✨ #skin #glow #spf #selfcare"}
	fmt.Println("fixed:", len(contract.CheckDisclosure(fixed, terms, contract.FTC())), "findings")
	// Output:
	// disclosure_buried: blocker text: "#ad" (characters 53–55) is buried in the run of 6 hashtags and handles that ends the caption, where followers skim past it: put it at the start of the caption, apart from the other hashtags
	// fixed: 0 findings
}

// The same words pass under one profile and not under another: the UK's ASA
// does not count "sponsored", and neither profile counts the platform's label
// on its own.
func ExampleCheckDisclosure_jurisdictions() {
	tt, _ := contract.LookupPlatform("tiktok")
	c := contract.Caption{Platform: tt, Text: "Sponsored by GlowCo: my 3-step routine"}
	for _, code := range []string{"US-FTC", "UK-ASA"} {
		j, _ := contract.LookupJurisdiction(code)
		if fs := contract.CheckDisclosure(c, contract.DisclosureTerms{}, j); len(fs) > 0 {
			fmt.Println(code+":", fs.Worst(), fs[0].Code)
		} else {
			fmt.Println(code + ": passes")
		}
	}

	label := contract.Caption{Platform: tt, Text: "My 3-step routine", PaidLabel: true}
	for _, f := range contract.CheckDisclosure(label, contract.DisclosureTerms{}, contract.FTC()) {
		fmt.Println(f)
	}
	// Output:
	// US-FTC: passes
	// UK-ASA: blocker no_clear_disclosure
	// blocker paid_label: only TikTok's "Paid partnership" label discloses this post, and US-FTC does not count a platform's label on its own: add "#ad" at the start of the caption too
}

// The check after posting: the disclosure, the brand's tag and the link, turned
// into the timeline's live-check event.
func ExampleCheckLivePost() {
	ig, _ := contract.LookupPlatform("instagram")
	terms := contract.DisclosureTerms{Handle: "@glowco", Link: "https://glowco.com/spring"}
	post := contract.LivePost{
		URL:      "https://www.instagram.com/p/C0ffee/",
		Platform: ig,
		Caption:  "Ad | My spring routine with @glowco",
		Links:    []string{"https://glowco.com/summer"},
	}
	fs := contract.CheckLivePost(post, terms, contract.FTC())

	at := time.Date(2027, 3, 17, 14, 0, 0, 0, time.UTC)
	e := contract.LiveCheckEvent(12, at, post, fs)
	fmt.Println(e.Kind, e.URL)
	for _, s := range e.Findings {
		fmt.Println(s)
	}
	// Output:
	// live_checked https://www.instagram.com/p/C0ffee/
	// missing_link (blocker) links: the post does not carry the required link "https://glowco.com/spring"
}

func ExampleLookupJurisdiction() {
	for _, code := range []string{"ftc", "UK-ASA"} {
		j, err := contract.LookupJurisdiction(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: suggests %q, label alone enough: %t\n", j.Code, j.Suggest, j.LabelSuffices)
	}
	_, err := contract.LookupJurisdiction("EU")
	fmt.Println(err)
	// Output:
	// US-FTC: suggests "#ad", label alone enough: false
	// UK-ASA: suggests "Ad", label alone enough: false
	// contract: parse jurisdiction "EU": unknown jurisdiction; want US-FTC or UK-ASA
}

func ExampleLookupPlatform() {
	for _, p := range contract.Platforms() {
		fmt.Printf("%-9s %-11s fold %3d characters, %d lines; at most %5d; label %q\n", p.Name, p.Field, p.FoldRunes, p.FoldLines, p.MaxRunes, p.Label)
	}
	p, _ := contract.LookupPlatform("Twitter")
	fmt.Println(p.Code)
	// Output:
	// Instagram caption     fold 125 characters, 3 lines; at most  2200; label "Paid partnership"
	// TikTok    caption     fold 150 characters, 0 lines; at most  4000; label "Paid partnership"
	// YouTube   description fold 100 characters, 3 lines; at most  5000; label "Includes paid promotion"
	// X         post        fold 280 characters, 0 lines; at most 25000; label ""
	// Facebook  post        fold 125 characters, 0 lines; at most 63206; label "Paid partnership"
	// x
}
