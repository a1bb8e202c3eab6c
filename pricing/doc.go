// Package pricing computes the price of brand–creator deals in exact decimal
// money: a base deliverable fee plus transparent, separately priced add-ons
// (usage rights, whitelisting, exclusivity, rush, Net 0 payment, extra
// revision rounds), each line of a quote explaining the rule that made it.
//
// # Money
//
// [Money] is an exact [decimal.Decimal] amount and an ISO 4217 currency code
// ([MinorUnits] knows every active code: JPY has 0 minor digits, KWD 3, CLF
// 4). [ParseMoney] reads "2500.00 USD"; [Money.String] writes it back, and
// [Money.StringFixed] is the one display at a fixed precision. Every Money
// the package accepts or produces reads back: arithmetic is exact, never
// mixes currencies ([ErrCurrencyMismatch]), and reports an error rather than
// leave the range of Money ([MaxIntegerDigits], [MaxFractionDigits]).
// Rounding is explicit, with a [RoundingMode] and a number of digits. There
// is no float64 in the API. JSON amounts are strings ("2500.00 USD" or
// {"amount":"2500.00","currency":"USD"}), never numbers. [Allocate] splits a
// total into parts that sum to it exactly. The zero Money is invalid; an
// amount of zero is "0.00 USD".
//
// # Rate cards and quotes
//
// A [RateCard] is data a user writes (JSON, read strictly with
// [DecodeRateCard], checked with [RateCard.Validate], which reports every
// problem at once with its field path); a [Request] is read with
// [DecodeRequest]. [RateCard.Quote] prices a [Request]: a [Quote] is a list
// of [Line] values, each rounded once to the currency's digits with the
// card's rounding mode, and a total that is exactly the sum of the lines.
// [RateCard.Extension] prices longer usage rights as the difference between
// tiers, and [RateCard.ChangeOrder] turns a request beyond scope into priced
// lines; [Quote.Type] says which ([QuoteType]). [SampleRateCard] is sample
// data to start from, not market data.
//
// # Deals
//
// A deal is several deliverables priced as one offer ("1 TikTok video 20–35
// s + 3 story frames"). A [DealRequest] holds [DealItem] values, each a
// [Request] (embedded: in JSON an item is a request's object with a
// "name") under a name unique within the deal, and the terms of the whole
// deal: whitelisting, exclusivity and Net 0 payment, each charged once. Rush,
// usage rights and revision rounds stay on the item they concern.
// [DecodeDealRequest] reads one strictly, with paths such as
// "items[1].usage.duration". [RateCard.Deal] prices each item as
// [RateCard.Quote] would (its line codes prefixed with its name,
// "stories/instagram-story-set"), then the deal's own lines, the Net 0
// surcharge last, on the sum of every other line. A [DealQuote] holds each
// item's lines and subtotal, the deal's lines, and a total that is exactly
// the sum of every line; [DealQuote.Check] verifies it. [RateCard.ExtraRevisions]
// prices revision rounds beyond the included ones with the line Quote
// gives them, for the timeline engine's extra feedback rounds.
//
// # Errors
//
// Errors are the module's shared types: a *[ParseError] for text that does
// not parse, a *[FieldError] for one value at a JSON path, a
// *[ValidationError] holding every problem of one input, and a
// *[MismatchError] for amounts in different currencies. Every one of them
// reads as a *ValidationError with errors.As, whose Problems give each
// problem's path, stable code (the Code constants) and message; the
// sentinels [ErrInvalid], [ErrCurrencyMismatch], [ErrUnknownCurrency] and
// [ErrNoRule] work with errors.Is.
//
// # Concurrency
//
// Every type is a value or is read-only once built; everything is safe for
// concurrent use. Nothing reads the clock: quotes take their issue time as a
// parameter. The package sets none of shopspring/decimal's global variables
// and does not depend on them.
package pricing
