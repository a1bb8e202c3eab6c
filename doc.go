// Package creatorops is the map of a library that turns the operations of
// brand–creator partnerships into pure, embeddable Go: the service levels both
// sides promise, the deliverable timeline that runs on them, the price of a deal,
// the metrics both sides argue about, and (to come) the one-page agreement that
// ties them together.
//
// The root package holds no code; the work is in its packages:
//
//   - [github.com/creatorops/creatorops/sla]: each party's clock. A Calendar is
//     a time zone, working hours, holidays, quiet hours and pre-scheduled time;
//     Calendar.Due turns "1 business day", "48 hours" or "7 days" into a deadline
//     on that clock, correctly across time zones and DST, in constant time;
//     SubWorkingTime counts it backwards; Policy is the service terms.
//   - [github.com/creatorops/creatorops/sla/timeline]: the deliverable engine. A
//     plan and the events that really happened give, for any instant, every
//     milestone's due date and status, who is holding things up, the post date
//     and why it moved, the follow-ups and escalations due, and the next instant
//     anything changes; a board groups many deliverables for the weekly ops
//     check.
//   - [github.com/creatorops/creatorops/pricing]: exact decimal Money in ISO 4217
//     currencies, rate cards, and quotes whose every line (base fee, usage
//     rights, whitelisting, exclusivity, rush, extra revisions) explains itself;
//     Allocate splits a total so the parts sum exactly.
//   - [github.com/creatorops/creatorops/metrics]: CPM, CPV, CPA, CPC, CPE on the
//     total cost, CTR and conversion rate, engagement rate under one declared
//     definition per campaign, roll-ups that divide sums, estimates beside
//     actuals, and the operational metrics (approval time, revisions, on-time
//     posting).
//
// Imports run one way: sla and pricing are leaves, metrics uses pricing's Money,
// sla/timeline uses all three, and the agreement package will compose them.
//
// Nothing in the library reads the wall clock or the machine's time zone: "now"
// and every location are parameters, so the same inputs give the same answers
// on any machine. Calendars, rate cards and definitions are immutable once built
// and safe for concurrent use. The tz database decides the answers in any zone:
// the same inputs give the same answers for one version of it (Go's, or the
// system's; import time/tzdata to pin the one built into the binary).
//
// # Errors and JSON
//
// One error model runs through every package. Bad input returns a
// *ValidationError listing every problem at once, each with the JSON path of the
// value at fault, a stable code and a message; a parse error (one piece of text)
// and a mismatch error (two values that do not go together) read as one with
// errors.As. The types are shared: sla.ValidationError, pricing.ValidationError
// and metrics.ValidationError are one type, so a service answers any error with
// one errors.As (see the errors Example). Sentinels remain for errors.Is;
// ErrInvalid is one value in every package. No function returns NaN or Inf,
// and money never passes through float64.
//
// Every decoder of user JSON (Decode… in each package) is strict: keys match
// exactly, case included; a key given twice, an unknown key, a value of the wrong
// type and a document past its size limit are errors with their paths; dates are
// exactly "YYYY-MM-DD". Parse… reads one piece of text, Decode… one JSON
// document. What the module writes, it reads back.
//
// Start with the program under examples/quickstart (go run ./examples/quickstart):
// one campaign's deadlines, a late approval moving its post date, its quote and
// its report; examples/opscheck prints the weekly ops board.
package creatorops
