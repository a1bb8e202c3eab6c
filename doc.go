// Package creatorops is the map of a library that turns the operations of
// brand–creator partnerships into pure, embeddable Go: the service levels both
// sides promise, the price of a deal, the metrics both sides argue about, and
// (to come) the one-page agreement that ties them together.
//
// The root package holds no code; the work is in its packages:
//
//   - [github.com/creatorops/creatorops/sla]: each party's clock. A Calendar is
//     a time zone, working hours, holidays, quiet hours and pre-scheduled time;
//     Calendar.Due turns "1 business day", "48 hours" or "7 days" into a deadline
//     on that clock, correctly across time zones and DST, in constant time.
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
// and the agreement package will compose all three.
//
// Nothing in the library reads the wall clock or the machine's time zone: "now"
// and every location are parameters, so the same inputs give the same answers
// on any machine. Calendars, rate cards and definitions are immutable once built
// and safe for concurrent use. Bad input returns an error that wraps the
// package's ErrInvalid and says what is wrong (parse errors are typed, naming the
// field and the token); no function returns NaN or Inf, and money never passes
// through float64.
//
// Start with the program under examples/quickstart (go run ./examples/quickstart):
// one campaign's deadlines, its quote and its report.
package creatorops
