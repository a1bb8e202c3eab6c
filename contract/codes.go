package contract

// Codes of the findings of [Check] and [Campaign.Check], by checklist section.
// They are stable API: a platform may key its own texts, icons or rules on
// them. Messages are for people and may change. Each code has one severity,
// [CodeSeverity].
const (
	// Deliverables: platform, count, format, length, posting dates.

	// CodeNoLength: a deliverable without a length range ("one TikTok"
	// without a length invites conflict). Write "none" where length does not
	// apply. Warning.
	CodeNoLength = "no_length"
	// CodeNoPostDate: a deliverable with neither a post date nor a posting
	// window. Blocker.
	CodeNoPostDate = "no_post_date"
	// CodeNoPostTime: a deliverable without a local post time; the schedule
	// check assumes the end of the post date. Note.
	CodeNoPostTime = "no_post_time"
	// CodeNoTag: a deliverable without the brand handle to tag. Warning.
	CodeNoTag = "no_tag"
	// CodeNotPostingDay: a post date on a day the policy does not post on.
	// Warning.
	CodeNotPostingDay = "not_posting_day"
	// CodeScheduleInfeasible: the timeline engine cannot fit the windows of
	// the service terms between the kickoff and the post date; the message
	// carries the numbers. Blocker.
	CodeScheduleInfeasible = "schedule_infeasible"
	// CodeNoKickoff: no kickoff date, so the schedule cannot be checked.
	// Warning.
	CodeNoKickoff = "no_kickoff"
	// CodeUnstated: a term the agreement neither states nor declares
	// "none": a deliverable's extras, the shipping dates, a right, the
	// claim restrictions, the rush. Warning.
	CodeUnstated = "unstated"

	// Brand commitments: response times, approval windows, shipping dates,
	// the people who answer.

	// CodeNoCalendar: a side without a calendar (time zone, working hours,
	// quiet hours): its response times mean nothing. Blocker.
	CodeNoCalendar = "no_calendar"
	// CodeNoOwner: a side without an owner who answers. Blocker.
	CodeNoOwner = "no_owner"
	// CodeNoBackup: an owner without a backup. Warning.
	CodeNoBackup = "no_backup"
	// CodeNoManager: a side without the manager a silent owner is
	// escalated to. Warning.
	CodeNoManager = "no_manager"
	// CodeBriefIncomplete: the brief lacks the product, the audience, the
	// key message, or a ship-by date. Warning.
	CodeBriefIncomplete = "brief_incomplete"

	// Revision policy: included rounds, what triggers extra fees.

	// CodeNoRevisionRound: no edit round included: the first draft is final
	// or every change is a paid extra. Warning.
	CodeNoRevisionRound = "no_revision_round"
	// CodeUnboundedRevisions: more than [MaxSensibleRounds] rounds of a
	// kind: in practice unlimited revisions. Warning.
	CodeUnboundedRevisions = "unbounded_revisions"
	// CodeNoRevisionFee: no price for a round beyond the included ones.
	// Warning.
	CodeNoRevisionFee = "no_revision_fee"

	// Commercial terms: base fee, add-ons, payment timeline, invoice
	// requirements.

	// CodeNoDeal: no rate card or no priced item. Blocker.
	CodeNoDeal = "no_deal"
	// CodeDealUnpriceable: the rate card cannot price the deal (an item, or
	// a term of the whole deal).
	// Blocker.
	CodeDealUnpriceable = "deal_unpriceable"
	// CodeDeliverableUnpriced: a deliverable no item of the deal prices.
	// Blocker.
	CodeDeliverableUnpriced = "deliverable_unpriced"
	// CodeAddOnUnpriced: usage rights, whitelisting or exclusivity granted
	// but not priced by the deal (usage on an item, whitelisting and
	// exclusivity on the deal): an add-on assumed, not bought.
	// Blocker.
	CodeAddOnUnpriced = "add_on_unpriced"
	// CodeDealMismatch: the deal prices something other than what the
	// agreement says: another platform, count or length, an add-on on other
	// terms or not granted at all, other Net days. Warning.
	CodeDealMismatch = "deal_mismatch"
	// CodeRushUnpriced: a rush agreed without a rush fee in the deal: pay
	// for speed or accept the standard timelines. Blocker.
	CodeRushUnpriced = "rush_unpriced"
	// CodeNoPaymentTerms: no payment terms (Net days). Blocker.
	CodeNoPaymentTerms = "no_payment_terms"
	// CodeNoPaymentTrigger: payment terms without the event that starts
	// them. Blocker.
	CodeNoPaymentTrigger = "no_payment_trigger"
	// CodeNoInvoiceRequirements: no recipient for invoices, or nothing said
	// about what an invoice must carry. Warning.
	CodeNoInvoiceRequirements = "no_invoice_requirements"

	// Rights: usage, whitelisting, exclusivity.

	// CodePerpetualRights: usage, whitelisting or exclusivity without end.
	// Warning.
	CodePerpetualRights = "perpetual_rights"
	// CodeUsageIncomplete: usage rights without channels, duration, or paid
	// or organic. Warning.
	CodeUsageIncomplete = "usage_incomplete"
	// CodeWhitelistingIncomplete: whitelisting without a spend cap, a
	// duration or regions. Warning.
	CodeWhitelistingIncomplete = "whitelisting_incomplete"
	// CodeExclusivityIncomplete: exclusivity without categories or a
	// window. Warning.
	CodeExclusivityIncomplete = "exclusivity_incomplete"

	// Compliance: disclosure language and claim restrictions.

	// CodeNoDisclosure: a deliverable with no disclosure, its own or the
	// agreement's. Blocker.
	CodeNoDisclosure = "no_disclosure"

	// Reporting: metrics, source, deadlines.

	// CodeNoMetricSource: no metric-source clause: nothing says where the
	// numbers come from. Blocker.
	CodeNoMetricSource = "no_metric_source"
	// CodeNoPrimaryKPI: no primary KPI. Warning.
	CodeNoPrimaryKPI = "no_primary_kpi"
	// CodeNoReportDeadline: the policy sets no reporting deadline. Warning.
	CodeNoReportDeadline = "no_report_deadline"
	// CodeReportingIncomplete: no secondary KPI, attribution method,
	// reporting format or engagement-rate definition. Note.
	CodeReportingIncomplete = "reporting_incomplete"

	// Escalation: who to contact when timelines slip.

	// CodeNoEscalation: no escalation contact. Blocker.
	CodeNoEscalation = "no_escalation"
	// CodeNoQuietHours: no quiet-hours line. Warning.
	CodeNoQuietHours = "no_quiet_hours"

	// Campaign: the decision rule and consistency across creators.

	// CodeSheetRequired: more than 3 creators, or more than 2 deliverables
	// for a creator: the campaign needs the one-page expectations sheet.
	// Warning.
	CodeSheetRequired = "sheet_required"
	// CodeDefinitionMismatch: agreements of one campaign define the
	// engagement rate differently, so their rates cannot be compared.
	// Warning.
	CodeDefinitionMismatch = "definition_mismatch"
)

// MaxSensibleRounds is the most feedback rounds of a kind (concept or edit)
// the checklist accepts without calling them unbounded.
const MaxSensibleRounds = 3

// codeList is every code with its severity, in checklist order.
func codeList() []Finding {
	return []Finding{
		{Code: CodeNoLength, Severity: Warning},
		{Code: CodeNoPostDate, Severity: Blocker},
		{Code: CodeNoPostTime, Severity: Note},
		{Code: CodeNoTag, Severity: Warning},
		{Code: CodeNotPostingDay, Severity: Warning},
		{Code: CodeScheduleInfeasible, Severity: Blocker},
		{Code: CodeNoKickoff, Severity: Warning},
		{Code: CodeUnstated, Severity: Warning},
		{Code: CodeNoCalendar, Severity: Blocker},
		{Code: CodeNoOwner, Severity: Blocker},
		{Code: CodeNoBackup, Severity: Warning},
		{Code: CodeNoManager, Severity: Warning},
		{Code: CodeBriefIncomplete, Severity: Warning},
		{Code: CodeNoRevisionRound, Severity: Warning},
		{Code: CodeUnboundedRevisions, Severity: Warning},
		{Code: CodeNoRevisionFee, Severity: Warning},
		{Code: CodeNoDeal, Severity: Blocker},
		{Code: CodeDealUnpriceable, Severity: Blocker},
		{Code: CodeDeliverableUnpriced, Severity: Blocker},
		{Code: CodeAddOnUnpriced, Severity: Blocker},
		{Code: CodeDealMismatch, Severity: Warning},
		{Code: CodeRushUnpriced, Severity: Blocker},
		{Code: CodeNoPaymentTerms, Severity: Blocker},
		{Code: CodeNoPaymentTrigger, Severity: Blocker},
		{Code: CodeNoInvoiceRequirements, Severity: Warning},
		{Code: CodePerpetualRights, Severity: Warning},
		{Code: CodeUsageIncomplete, Severity: Warning},
		{Code: CodeWhitelistingIncomplete, Severity: Warning},
		{Code: CodeExclusivityIncomplete, Severity: Warning},
		{Code: CodeNoDisclosure, Severity: Blocker},
		{Code: CodeNoMetricSource, Severity: Blocker},
		{Code: CodeNoPrimaryKPI, Severity: Warning},
		{Code: CodeNoReportDeadline, Severity: Warning},
		{Code: CodeReportingIncomplete, Severity: Note},
		{Code: CodeNoEscalation, Severity: Blocker},
		{Code: CodeNoQuietHours, Severity: Warning},
		{Code: CodeSheetRequired, Severity: Warning},
		{Code: CodeDefinitionMismatch, Severity: Warning},
	}
}

// CheckCodes returns every code [Check] and [Campaign.Check] may report, in
// checklist order.
func CheckCodes() []string {
	l := codeList()
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = f.Code
	}
	return out
}

// CodeSeverity returns the severity of the findings with the given code, or 0
// for a code this package does not report.
func CodeSeverity(code string) Severity {
	for _, f := range codeList() {
		if f.Code == code {
			return f.Severity
		}
	}
	return 0
}
