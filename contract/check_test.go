package contract_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// edit sets the JSON value at path (deleted removes it).
type edit struct {
	path  string
	value any
}

// checkCases hold one mutation of the good sample per checklist code, and the
// finding it must produce.
var checkCases = []struct {
	code     string
	edits    []edit
	path     string
	contains string
}{
	// Deliverables.
	{contract.CodeNoLength, []edit{{"deliverables[0].length", deleted}}, "deliverables[0].length", "no length"},
	{contract.CodeNoPostDate, []edit{{"deliverables[0].post_date", deleted}}, "deliverables[0].post_date", "no post date"},
	{contract.CodeNoPostTime, []edit{{"deliverables[1].post_time", deleted}}, "deliverables[1].post_time", "no local post time"},
	{contract.CodeNoTag, []edit{{"deliverables[0].tag", ""}}, "deliverables[0].tag", "brand handle"},
	{contract.CodeNotPostingDay, []edit{{"policy.posting_days", "tue-sun"}}, "deliverables[0].post_date", "not a posting day"},
	{contract.CodeScheduleInfeasible, []edit{{"deliverables[0].post_date", "2027-03-08"}}, "deliverables[0].post_date", "final approval is due Fri 5 Mar 2027 17:00 EST"},
	{contract.CodeNoKickoff, []edit{{"kickoff", deleted}}, "kickoff", "No kickoff"},
	{contract.CodeUnstated, []edit{{"rights.usage", deleted}}, "rights.usage", `write "none"`},

	// Brand commitments.
	{contract.CodeNoCalendar, []edit{{"brand.calendar", deleted}}, "brand.calendar", "no calendar"},
	{contract.CodeNoOwner, []edit{{"creator.owner", deleted}}, "creator.owner", "nobody who answers"},
	{contract.CodeNoBackup, []edit{{"brand.backup", deleted}}, "brand.backup", "no backup"},
	{contract.CodeNoManager, []edit{{"creator.manager", deleted}}, "creator.manager", "no manager"},
	{contract.CodeBriefIncomplete, []edit{{"brief.key_message", deleted}}, "brief.key_message", "key message"},

	// Revision policy.
	{contract.CodeNoRevisionRound, []edit{{"policy.edit_rounds", 0}}, "policy.edit_rounds", "No edit round"},
	{contract.CodeUnboundedRevisions, []edit{{"policy.concept_rounds", 5}}, "policy.concept_rounds", "5 concept rounds"},
	{contract.CodeNoRevisionFee, []edit{{"commercial.rate_card.extra_revision", deleted}}, "commercial.rate_card.extra_revision", "extra round"},

	// Commercial terms.
	{contract.CodeNoDeal, []edit{{"commercial.deal", deleted}}, "commercial.deal", "prices nothing"},
	{contract.CodeDealUnpriceable, []edit{{"commercial.deal.items[0].seconds", 90}}, "commercial.deal.items[0].platform", "no base rate"},
	{contract.CodeDeliverableUnpriced, []edit{{"commercial.deal.items", []any{map[string]any{"name": "tiktok-video", "platform": "tiktok", "format": "short_video", "seconds": 35, "usage": map[string]any{"paid": true, "channels": []any{"tiktok", "instagram", "facebook"}, "duration": "3 months"}}}}}, "deliverables[1]", `"story-frames"`},
	{contract.CodeAddOnUnpriced, []edit{{"commercial.deal.whitelisting", deleted}}, "rights.whitelisting", "does not price"},
	{contract.CodeDealMismatch, []edit{{"commercial.deal.items[1].quantity", 2}}, "commercial.deal.items[1].quantity", "prices 2 units"},
	{contract.CodeRushUnpriced, []edit{{"rush", map[string]any{"reason": "launch moved up"}}}, "rush", "no rush fee"},
	{contract.CodeNoPaymentTerms, []edit{{"policy.payment", deleted}}, "policy.payment", "No payment terms"},
	{contract.CodeNoPaymentTrigger, []edit{{"policy.payment.trigger", deleted}}, "policy.payment.trigger", "starts the clock"},
	{contract.CodeNoInvoiceRequirements, []edit{{"commercial.invoice.must_include", deleted}}, "commercial.invoice.must_include", "invoice must carry"},

	// Rights.
	{contract.CodePerpetualRights, []edit{{"rights.usage.duration", "perpetual"}}, "rights.usage.duration", "perpetual"},
	{contract.CodeUsageIncomplete, []edit{{"rights.usage.channels", deleted}}, "rights.usage.channels", "where"},
	{contract.CodeWhitelistingIncomplete, []edit{{"rights.whitelisting.spend_cap", deleted}}, "rights.whitelisting.spend_cap", "spend cap"},
	{contract.CodeExclusivityIncomplete, []edit{{"rights.exclusivity.categories", deleted}}, "rights.exclusivity.categories", "category"},

	// Compliance.
	{contract.CodeNoDisclosure, []edit{{"deliverables[0].disclosure", deleted}, {"compliance.disclosure", deleted}}, "deliverables[0].disclosure", "no disclosure"},

	// Reporting.
	{contract.CodeNoMetricSource, []edit{{"reporting.metric_source", deleted}}, "reporting.metric_source", "metric-source clause"},
	{contract.CodeNoPrimaryKPI, []edit{{"reporting.primary_kpi", ""}}, "reporting.primary_kpi", "primary KPI"},
	{contract.CodeNoReportDeadline, []edit{{"policy.reports", []any{}}}, "policy.reports", "reporting deadline"},
	{contract.CodeReportingIncomplete, []edit{{"reporting.attribution", deleted}}, "reporting.attribution", "attribution"},

	// Escalation.
	{contract.CodeNoEscalation, []edit{{"escalation", deleted}}, "escalation", "No escalation contact"},
	{contract.CodeNoQuietHours, []edit{{"quiet_hours", deleted}}, "quiet_hours", "quiet-hours line"},
}

// mutate returns the good sample with the edits applied, decoded.
func mutate(t testing.TB, edits []edit) contract.Agreement {
	t.Helper()
	doc := readSample(t, "good")
	for _, e := range edits {
		doc = withJSON(t, doc, e.path, e.value)
	}
	a, err := contract.DecodeAgreement(doc)
	require.NoError(t, err)
	return a
}

// TestCheck: each code of the checklist, named, from one mutation of the good
// sample, which itself has no finding at all.
func TestCheck(t *testing.T) {
	good := contract.Check(contract.SampleAgreement())
	require.Empty(t, good, "the good sample passes the checklist")
	for _, tc := range checkCases {
		t.Run(tc.code, func(t *testing.T) {
			fs := contract.Check(mutate(t, tc.edits))
			f, ok := findAt(fs, tc.code, tc.path)
			require.True(t, ok, "want %s at %s, have %v", tc.code, tc.path, fs)
			assert.Equal(t, contract.CodeSeverity(tc.code), f.Severity)
			assert.Contains(t, f.Message, tc.contains)
			assert.False(t, good.Has(tc.code))
		})
	}
}

// findAt returns the finding with code at path.
func findAt(fs contract.Findings, code, path string) (contract.Finding, bool) {
	for _, f := range fs {
		if f.Code == code && f.Path == path {
			return f, true
		}
	}
	return contract.Finding{}, false
}

// TestCheckCoversEveryCode: every code has its named case (the campaign codes
// in campaign_test.go), and a known severity.
func TestCheckCoversEveryCode(t *testing.T) {
	covered := map[string]bool{contract.CodeSheetRequired: true, contract.CodeDefinitionMismatch: true}
	for _, tc := range checkCases {
		covered[tc.code] = true
	}
	for _, code := range contract.CheckCodes() {
		assert.True(t, covered[code], "no test case for %s", code)
		assert.NotZero(t, contract.CodeSeverity(code), code)
	}
	assert.Len(t, covered, len(contract.CheckCodes()))
	assert.Zero(t, contract.CodeSeverity("no_such_code"))
}

// TestCheckUnstated: every Opt term left out is a finding, and "none" is an
// answer (except for escalation, where none is still nobody to call).
func TestCheckUnstated(t *testing.T) {
	want := map[string]string{"deliverables[0].length": contract.CodeNoLength, "escalation": contract.CodeNoEscalation}
	for _, term := range optTerms {
		t.Run(term.path, func(t *testing.T) {
			code := want[term.path]
			if code == "" {
				code = contract.CodeUnstated
			}
			fs := contract.Check(mutate(t, []edit{{term.path, deleted}}))
			_, ok := findAt(fs, code, term.path)
			assert.True(t, ok, "absent: want %s at %s, have %v", code, term.path, fs)

			fs = contract.Check(mutate(t, []edit{{term.path, "none"}}))
			_, ok = findAt(fs, code, term.path)
			assert.Equal(t, term.path == "escalation", ok, "none: %v", fs)
		})
	}
}

// TestCheckAddOns: each add-on granted but not priced is a blocker at its
// right; each priced but not granted is a mismatch at its deal item.
func TestCheckAddOns(t *testing.T) {
	for _, tc := range []struct{ key, priced string }{
		{"usage", "commercial.deal.items[0].usage"},
		{"whitelisting", "commercial.deal.whitelisting"},
		{"exclusivity", "commercial.deal.exclusivity"},
	} {
		t.Run(tc.key, func(t *testing.T) {
			fs := contract.Check(mutate(t, []edit{{tc.priced, deleted}}))
			_, ok := findAt(fs, contract.CodeAddOnUnpriced, "rights."+tc.key)
			assert.True(t, ok, "%v", fs)

			fs = contract.Check(mutate(t, []edit{{"rights." + tc.key, "none"}}))
			_, ok = findAt(fs, contract.CodeDealMismatch, tc.priced)
			assert.True(t, ok, "%v", fs)
			assert.False(t, fs.Has(contract.CodeAddOnUnpriced))
		})
	}
	fs := contract.Check(mutate(t, []edit{{"rights.usage.duration", "6 months"}}))
	f, ok := findAt(fs, contract.CodeDealMismatch, "commercial.deal.items[0].usage")
	require.True(t, ok, "%v", fs)
	assert.Contains(t, f.Message, "paid usage for 3 months")
	assert.Contains(t, f.Message, "grants paid usage for 6 months")

	fs = contract.Check(mutate(t, []edit{{"rights.whitelisting.duration", "45 days"}}))
	_, ok = findAt(fs, contract.CodeDealMismatch, "commercial.deal.whitelisting.months")
	assert.True(t, ok, "%v", fs)
}

// TestCheckRush: a priced rush is checked with the rush windows, which fit a
// post date the standard windows do not.
func TestCheckRush(t *testing.T) {
	early := edit{"deliverables[0].post_date", "2027-03-08"}
	rush := edit{"rush", map[string]any{"reason": "launch moved up"}}
	fee := edit{"commercial.deal.items[0].rush", true}

	fs := contract.Check(mutate(t, []edit{early, rush, fee}))
	assert.Empty(t, fs)

	fs = contract.Check(mutate(t, []edit{{"deliverables[0].post_date", "2027-02-19"}, rush, fee}))
	f, ok := findAt(fs, contract.CodeScheduleInfeasible, "deliverables[0].post_date")
	require.True(t, ok, "%v", fs)
	assert.Contains(t, f.Message, "even with the rush windows")

	fs = contract.Check(mutate(t, []edit{fee}))
	_, ok = findAt(fs, contract.CodeDealMismatch, "commercial.deal.items[0].rush")
	assert.True(t, ok, "a rush priced but not agreed: %v", fs)
}

func TestCheckWindowSchedule(t *testing.T) {
	fs := contract.Check(mutate(t, []edit{{"deliverables[1].window", map[string]any{"from": "2027-03-01", "to": "2027-03-02"}}}))
	_, ok := findAt(fs, contract.CodeScheduleInfeasible, "deliverables[1].window.to")
	assert.True(t, ok, "%v", fs)
}

func TestCheckPayment(t *testing.T) {
	fs := contract.Check(mutate(t, []edit{{"policy.payment.net", deleted}}))
	_, ok := findAt(fs, contract.CodeNoPaymentTerms, "policy.payment.net")
	assert.True(t, ok, "%v", fs)

	fs = contract.Check(mutate(t, []edit{{"policy.payment.net", "30 days"}}))
	_, ok = findAt(fs, contract.CodeDealMismatch, "commercial.rate_card.net_days")
	assert.True(t, ok, "the card's quotes say another Net: %v", fs)
}

func TestCheckVague(t *testing.T) {
	fs := contract.Check(contract.VagueAgreement())
	assert.Equal(t, contract.Blocker, fs.Worst())
	for _, code := range []string{
		contract.CodeNoLength, contract.CodeNoPostDate, contract.CodeNoPostTime, contract.CodeNoKickoff,
		contract.CodeNoCalendar, contract.CodeNoOwner, contract.CodeNoBackup, contract.CodeNoManager,
		contract.CodeUnboundedRevisions, contract.CodeNoRevisionFee, contract.CodeDeliverableUnpriced,
		contract.CodeAddOnUnpriced, contract.CodeRushUnpriced, contract.CodeNoPaymentTrigger,
		contract.CodeNoInvoiceRequirements, contract.CodePerpetualRights, contract.CodeWhitelistingIncomplete,
		contract.CodeExclusivityIncomplete, contract.CodeNoDisclosure, contract.CodeNoMetricSource,
		contract.CodeNoPrimaryKPI, contract.CodeNoEscalation, contract.CodeNoQuietHours, contract.CodeUnstated,
	} {
		assert.True(t, fs.Has(code), code)
	}
	for i := 1; i < len(fs); i++ {
		assert.GreaterOrEqual(t, fs[i-1].Severity, fs[i].Severity, "sorted, blockers first")
	}
}

func TestCheckTooLongIsClean(t *testing.T) {
	a, err := contract.DecodeAgreement(readSample(t, "toolong"))
	require.NoError(t, err)
	assert.Empty(t, contract.Check(a))
}

// TestCheckNeverPanics: the zero agreement and other invalid ones give
// findings, not a panic.
func TestCheckNeverPanics(t *testing.T) {
	fs := contract.Check(contract.Agreement{})
	assert.True(t, fs.Has(contract.CodeNoCalendar))
	a := contract.SampleAgreement()
	a.Commercial.RateCard.Currency = "XYZ"
	a.Policy.PostingDays = "someday"
	a.Deliverables[0].Count = -3
	assert.NotPanics(t, func() { contract.Check(a) })
}

func TestPlan(t *testing.T) {
	a := contract.SampleAgreement()
	p, err := a.Plan(0)
	require.NoError(t, err)
	assert.Equal(t, "glowco-dew-2027/maya-reyes/tiktok-video", p.ID)
	assert.Equal(t, "2027-02-15T00:00:00-05:00", p.Kickoff.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, "2027-03-15", p.PostDate.String())
	assert.Equal(t, "2027-02-17", p.Product.ShipBy.String())
	assert.Equal(t, "300.00 USD", p.RateCard.ExtraRevision.String())
	assert.Equal(t, "15 days", p.Policy.Payment.Net.String())

	p, err = a.Plan(1)
	require.NoError(t, err)
	assert.Equal(t, "2027-03-17", p.PostDate.String(), "a window's plan posts on its last date")

	_, err = a.Plan(2)
	requireProblem(t, err, "deliverables", "out_of_range")
	a.Kickoff = contract.Agreement{}.Kickoff
	_, err = a.Plan(0)
	requireProblem(t, err, "kickoff", "required")
}

func BenchmarkCheck(b *testing.B) {
	for _, name := range []string{"good", "toolong"} {
		b.Run(name, func(b *testing.B) {
			a, err := contract.DecodeAgreement(readSample(b, name))
			require.NoError(b, err)
			b.ReportAllocs()
			for b.Loop() {
				contract.Check(a)
			}
		})
	}
}

// TestPrice: the deal of the good sample, priced line by line; its total is
// the sum of its lines.
func TestPrice(t *testing.T) {
	issued := time.Date(2027, 2, 10, 9, 0, 0, 0, time.UTC)
	q, err := contract.SampleAgreement().Price(issued)
	require.NoError(t, err)
	require.NoError(t, q.Check())
	var lines []string
	for _, it := range q.Items {
		for _, l := range it.Lines {
			lines = append(lines, l.Code+" "+l.Amount.String())
		}
	}
	for _, l := range q.Lines {
		lines = append(lines, l.Code+" "+l.Amount.String())
	}
	assert.Equal(t, []string{
		"tiktok-video/tiktok-short-video 2500.00 USD",
		"tiktok-video/usage 750.00 USD",
		"story-frames/instagram-story-set 900.00 USD",
		"whitelisting 500.00 USD",
		"whitelisting_setup 250.00 USD",
		"exclusivity:category 400.00 USD",
	}, lines)
	assert.Equal(t, "5300.00 USD", q.Total.String())

	a := contract.SampleAgreement()
	a.Commercial.Deal.Items[0].Seconds = 90
	_, err = a.Price(issued)
	requireProblem(t, err, "commercial.deal.items[0].platform", "no_rule")

	a.Commercial.RateCard.Currency = "XYZ"
	_, err = a.Price(issued)
	requireProblem(t, err, "commercial.rate_card.currency", "unknown_currency")

	a.Commercial.RateCard = nil
	_, err = a.Price(issued)
	requireProblem(t, err, "commercial.rate_card", "required")
}

// TestCheckNetZero: a deal paid on delivery is not held to the card's Net
// days.
func TestCheckNetZero(t *testing.T) {
	fs := contract.Check(mutate(t, []edit{{"policy.payment.net", "1 day"}, {"commercial.deal.net_zero", true}, {"commercial.rate_card.net_zero", map[string]any{"percent": "3%"}}}))
	assert.False(t, fs.Has(contract.CodeDealMismatch), "%v", fs)
	fs = contract.Check(mutate(t, []edit{{"policy.payment.net", "1 day"}}))
	assert.True(t, fs.Has(contract.CodeDealMismatch), "%v", fs)
}
