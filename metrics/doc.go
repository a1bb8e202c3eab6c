// Package metrics computes the marketing figures brands and creators argue about, with
// one written-down definition for each: cost per thousand impressions, per view, per
// action, per click and per engagement; click-through, conversion, view-through and
// completion rates; engagement rate under a declared [Definition]; honest roll-ups across
// posts, creators and platforms; estimates beside actuals; and the operational metrics
// that predict how a campaign will go (approval time, revisions per deliverable, on-time
// posting).
//
// Everything here is a pure function of its inputs or an immutable value, safe for
// concurrent use. Nothing reads the clock, and there is no package-level setting.
//
// # Cost formulas
//
// [CPM], [CPV], [CPA], [CPC] and [CPE] take the total cost of what was bought (the base
// fee plus every add-on: usage rights, whitelisting, exclusivity, rush) as a
// [pricing.Money] and a count, and return Money in the same currency:
//
//	CPM = cost × 1000 / impressions
//	CPV = cost / views
//	CPA = cost / conversions
//	CPC = cost / clicks
//	CPE = cost / engagements
//
// A CPV on the base fee alone flatters the deal: 2500.00 USD for a video over 150,000
// views is 0.0167 USD, but the same video with 750.00 USD of usage rights costs 3250.00
// USD, a blended CPV of 0.0217 USD.
//
// # Precision and rounding
//
// Every division keeps [Precision] (16) decimal places, rounding half away from zero at
// the last place; the results are exact enough to sum, compare and divide again. Display
// precision is a separate, explicit step that never feeds back into a computation: show
// Money with [pricing.Money.StringFixed], at the places [DisplayPlaces] gives, rounding
// with [pricing.HalfUp]. A CPM or a CPA is shown to the currency's minor units (2 for
// USD: "10.00 USD"), a CPV, CPC or CPE to two places more (4 for USD: "0.0217 USD", not
// "0.02 USD"):
//
//	cpv.StringFixed(metrics.DisplayPlaces(metrics.FormulaCPV, cpv.Currency()), pricing.HalfUp)
//
// Rates are fractions ([decimal.Decimal], 0.03 for 3%); [Percent] and [FormatPercent]
// print them ("3.00%").
//
// # Bad input
//
// A zero denominator returns an error wrapping [ErrUndefined]; a negative count or cost
// one wrapping [ErrInvalid], each count checked on its own before any sum (a negative
// late count never offsets an on-time one). Nothing returns NaN or Inf or panics on data. A zero cost is
// valid (a gifted post has a 0.00 USD CPM). A [pricing.Money] built by the pricing
// package always carries a known currency; the zero Money, which has none, is rejected
// with [ErrInvalid].
//
// A missing input is unknown, which is not zero: a [Count] is either known or unknown
// (the zero Count is unknown), and a result that needs an unknown count returns an error
// wrapping [ErrUnknown].
//
// # Engagement rate
//
// Which interactions count, and over what, decides the number: 3,600 engagements on
// 120,000 reach is 3.00%, and the same post over its followers may be 1.2%. A
// [Definition] names the basis (reach, impressions, views or followers) and the
// interactions (likes, comments, shares, saves); [EngagementRate] carries its definition,
// and combining or comparing rates under different definitions returns [ErrMismatch].
// Platform notes: TikTok exposes no saves; Meta replaced impressions with views in 2025;
// reach is unique and cannot be summed across posts, so a reach-based rate of several
// posts is [ErrUndefined] unless the platform reports a de-duplicated campaign reach.
//
// # Roll-ups
//
// Averaging ratios is the classic reporting mistake: a 0.01 USD CPV on a big post
// (4000.00 USD, 400,000 views) and a 0.10 USD CPV on a small one (1000.00 USD, 10,000
// views) average to 0.055 USD, but the campaign paid 5000.00 USD for 410,000 views, a CPV
// of 0.0122 USD. [Summarize] sums costs and counts and divides the sums (total cost /
// total views), which is the count-weighted mean of the per-post figures. Its [Summary]
// breaks down by creator and by platform, reports posts without data as missing rather
// than as zero, counts a 0.00 cost (a gifted post) as a cost like any other, refuses to
// mix reporting windows ([ErrMismatch]) and currencies (an error wrapping both
// [ErrMismatch] and [pricing.ErrCurrencyMismatch]), and sets the estimate made at quote
// time (expected views) beside the actual figures.
//
// # Actuals and their source
//
// Every actual carries a [Source]: where the number came from (a screenshot or export of
// the platform's native analytics, the API, a link tracker, a promo code), when it was
// captured, and the reporting window it answers (7 or 30 days after posting).
//
// This package does no calendar arithmetic: it never computes when a report is due.
// Report deadlines come from the timeline engine (package sla/timeline), which adds the
// policy's report windows (sla.Days(7), sla.Days(30)) to the posting instant on the
// creator's calendar, with package sla's rules for DST days. metrics only compares
// instants it is given (an actual captured before its post went live is an error).
//
// # JSON
//
// The data a platform stores and exchanges, [Post], [Actual], [Counts], [Source],
// [Posting] and [OnTime], encodes to JSON with snake_case names: money as a
// [pricing.Money] string ("3250.00 USD"), a [Count] as a string of digits with unknown
// counts left out, instants as RFC 3339 with their offset, a report window as "7 days".
// Everything this package marshals reads back to an equal value; a value that could
// not (a negative known Count) fails to marshal instead.
//
// Decoding is strict, through the Decode functions ([DecodePosts], [DecodePost],
// [DecodeActual], [DecodeCounts], [DecodeSource], [DecodePostings], [DecodeOnTime]) and
// through encoding/json alike, which calls the types' UnmarshalJSON:
//
//   - keys match the snake_case names exactly, case included: "Views" and "viewz" are
//     unknown fields, never silently dropped, so data cannot read as missing;
//   - a key given twice in one object is an error;
//   - values of the wrong JSON type, counts that are not digits, unknown source kinds,
//     report windows other than 7 or 30 days are errors;
//   - a document has at most [MaxJSONSize] bytes (16 MiB) and 64 levels of nesting.
//
// Every problem is reported at once, in one *[ValidationError], each with its JSON path
// ("[3].actual.counts.viewz" in a list of posts) and a stable code ("unknown_field",
// "duplicate_key", "malformed", "negative", "too_large"). Decoding checks the form of
// the data; [Summarize], [Source.Validate] and [OnTime.Rate] check what it means (a
// missing ID, a source without a kind). The results ([Summary], [Estimate],
// [EngagementRate], [DurationStats]) are values to compute with, not an exchange
// format.
//
// # Operational metrics
//
// [ApprovalTimes], [RevisionsPerDeliverable] and [OnTimePosting] take plain durations,
// counts and instants, so the timeline engine in package sla, or any platform, can feed
// them.
package metrics
