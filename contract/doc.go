// Package contract holds the brand–creator agreement as data: the parties and
// their contacts, the brief, the deliverables, the service terms, the priced
// deal, the rights, compliance and reporting; the pre-signing checklist that
// catches what goes wrong before signing; the campaign's decision rule; the
// onboarding message; the disclosure check for captions; and the one-page
// expectations sheet that creators actually read.
//
// It composes the module's other packages instead of re-describing them: an
// agreement holds an [sla.Policy] and each side's [sla.Calendar], a
// [pricing.RateCard] and the [pricing.Request] of each deliverable, a
// [metrics.Definition] of the engagement rate and the [metrics.SourceKind] of
// its numbers, and each side is a Side of the timeline engine (package
// [github.com/creatorops/creatorops/sla/timeline]), so that [Agreement.Plan]
// feeds the engine directly.
//
// # The agreement model
//
// An [Agreement] is plain data, written as JSON with snake_case keys and read
// with [DecodeAgreement]: strictly (exact keys, no duplicates, no unknown
// fields, at most [MaxAgreementBytes]), with every problem reported at once
// and each at its JSON path ("deliverables[1].window.to"), as every decoder of
// the module does. Its parts:
//
//   - campaign, id and kickoff date; the template it was made from, if any;
//   - brand and creator, each a [Party]: a name and handle, a calendar (time
//     zone, working hours, quiet hours), the owner who answers, a backup, and
//     the manager a silent owner is escalated to;
//   - the [Brief]: product, audience, key message, must show, off limits,
//     and the [Shipping] dates;
//   - the [Deliverable] list: platform, format, count, length range, extras
//     ("link sticker to glowco.example/dew"), a post date or a
//     [PostingWindow] and a local post time, the brand handle to tag, the
//     disclosure, the days to keep the post live;
//   - the service terms, an [sla.Policy]: a term the agreement leaves out
//     keeps its [sla.DefaultPolicy] value, except the payment terms, which
//     are written down or missing;
//   - the [Commercial] terms: the rate card, the [Deal] with one [DealItem]
//     per deliverable, and the [Invoice] requirements;
//   - the [Rights] (usage, whitelisting, exclusivity), the [Compliance] rules,
//     the [Reporting] request with its [MetricSource] clause, the escalation
//     path of [EscalationContact] values, and the quiet-hours line.
//
// "Not set" and "explicitly none" are different values. A right nobody
// mentioned is an open question; a right both sides wrote "none" for is a
// decision. Every term that can be either is an [Opt]: left out of the JSON
// it is unstated, the string "none" states it as none, and anything else is
// its value. The rights, the rush, a deliverable's length and extras, the
// shipping dates, the claim restrictions and the escalation path are Opts.
//
// [Agreement.Validate] judges whether an agreement is well formed: names
// present, counts and ranges in bounds, dates in order, a policy and a rate
// card that validate, deal items that name the deliverables. What is well
// formed but risky is for the checklist.
//
// [Agreement.Canonical] writes the one canonical JSON of an agreement (sorted
// keys, no insignificant whitespace, every value in its normalized text), and
// [Agreement.Hash] its content hash, "sha256:" and 64 hex digits
// ([ShortHash] for print): formatting and key order do not change it, any
// change of content does, so a change after signing shows. [Agreement.Equal]
// compares agreements by their canonical form.
//
// A [Template] holds what a campaign's agreements share (brief, disclosure
// language, reporting request, service terms, rate card) under a name and a
// version; [Template.Instantiate] makes one creator's agreement from
// [CreatorTerms], the per-creator fields, and the agreement carries the
// template's version.
//
// [Onboarding] renders the message a creator gets once the agreement is
// signed, in Markdown and plain text: product, shipping timeline, what to
// make and when, and both sides' contacts, in one message.
//
// # The checklist
//
// [Check] is the checklist a brand sends before signing any creator. It
// returns [Findings], each a [Finding] with a stable code (the Code
// constants; [CheckCodes] lists them), a [Severity] ([Blocker], [Warning] or
// [Note]; [CodeSeverity]), the JSON path of the field and a message a brand
// manager understands. It covers the eight sections of the checklist and the
// classic mistakes of the field:
//
//   - deliverables: platform, count, format, length, posting dates; "one
//     TikTok" without a length or a date is vague ([CodeNoLength],
//     [CodeNoPostDate]);
//   - brand commitments: calendars, owners and their backups, the brief and
//     its shipping dates; one owner without a backup is where delays start
//     ([CodeNoBackup]);
//   - revision policy: included rounds, zero or in practice unlimited
//     ([CodeNoRevisionRound], [CodeUnboundedRevisions]), and the price of an
//     extra one;
//   - commercial terms: the deal prices every deliverable and every add-on
//     the rights grant ([CodeAddOnUnpriced]: whitelisting and usage rights
//     are bought, not assumed), a rush has its rush fee ([CodeRushUnpriced]:
//     pay for speed or accept the standard timelines), and payment has its
//     Net days, its trigger and its invoice requirements;
//   - rights: no perpetual rights, whitelisting with a spend cap, a duration
//     and regions, exclusivity with categories and a window;
//   - compliance: a disclosure for every post, the claim restrictions stated
//     before filming;
//   - reporting: the metric-source clause ([CodeNoMetricSource]: one sentence
//     that prevents fights about what counts as a view), the KPIs, the
//     deadlines;
//   - escalation: who to contact when a timeline slips, and the quiet-hours
//     line.
//
// The schedule is not guessed: for each deliverable, Check builds the plan
// ([Agreement.Plan]) and compiles it with the timeline engine
// (the engine's Compile); a plan whose windows cannot fit between the kickoff
// and the post date is a [CodeScheduleInfeasible] blocker that carries the
// engine's numbers. An agreement with no finding of severity Warning or
// Blocker is ready to sign.
//
// The decision rule is [NeedsSheet]: a campaign with more than 3 creators, or
// more than 2 deliverables for one creator, needs the one-page expectations
// sheet. [Campaign.Check] runs every agreement's checklist and says so
// ([CodeSheetRequired]), and checks that every creator's engagement rate
// has one definition.
//
// # The one-page sheet
//
// "If you cannot describe your response time, revision policy and payment
// timeline in one page, you do not have a service system yet." [Agreement.Sheet]
// fills a [Sheet] from an agreement in the words a creator reads: what the
// creator does and by when, what the brand commits to ("within 1 business day
// (Mon–Fri 09:00–17:00 ET)", "48 hours for each round, weekends not
// counted"), what "approved" means and what a late approval does, the rush
// terms, the posting requirements, the escalation contacts in order with their
// hours, the price line by line ([Agreement.Price]) with the payment terms,
// their trigger and the invoice requirements, the quiet-hours line, the
// metric-source clause, a glossary of the terms it uses, and the agreement's
// content hash, so that a sheet made from a changed agreement looks different.
// A term the agreement leaves open reads "not agreed yet"; nothing is invented.
//
// Its timeline picture draws the dates the agreement promises, taken from each
// deliverable's schedule in the timeline engine (every step taking its whole
// window): kickoff, shipping, concept, approvals, draft, posts, reports and
// payment. [Agreement.SheetAt] draws the sheet as things stand: a post that a
// late approval moved (a deliverable's state in the timeline engine) shows at
// its new date, marked, with the engine's reason, and what follows the post
// moves with it. [Sheet.Markdown] and [Sheet.HTML] render the one model (the HTML
// self-contained, with an inline SVG picture, a print stylesheet and a phone
// layout). The sheet is meant for one printed page, Letter and A4: the
// renderers estimate the printed height ([Sheet.Fit], checked against
// Chromium in CI) and return [ErrTooLong], naming the sections that run over,
// instead of spilling onto a second page. The command examples/sheet renders
// an agreement file's sheet, checklist or onboarding message.
//
// # Disclosure
//
// [CheckDisclosure] lints a caption against the agreement's [DisclosureTerms]
// ([Agreement.DisclosureTerms] gives a deliverable's) and a [Jurisdiction]
// profile ([FTC], [ASA], or one of your own): a clear phrase ("#ad", "Ad:",
// "Paid partnership" where the profile allows it) must end before the
// [Platform]'s fold ("… more") and must not follow other hashtags in a group
// of hashtags; ambiguous phrases ("#sp", "#collab", "#thanks") warn and never
// pass alone; the platform's paid-partnership label alone passes only where
// the profile says so. [CheckLivePost] adds the brand's tag and the required
// link on the live post, and [LiveCheckEvent] records its findings as the
// timeline's live-check event. The profiles and the platforms' figures are
// data, with their sources.
//
// The checklist and the disclosure check are lints: findings are data, not
// legal advice. They find the usual mistakes, and a person still judges the
// agreement and the post.
package contract
