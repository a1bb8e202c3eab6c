package pricing

import (
	"slices"
	"strconv"
	"time"

	"github.com/creatorops/creatorops/internal/problem"
)

// QuoteType says what a [Quote] prices: a new deal, an extension of usage
// rights, or a change order. The zero value, "", is no type (a Quote not
// made by this package). Its text form is the constant's string, and
// [ParseQuoteType] reads it back.
type QuoteType string

// Quote types.
const (
	QuoteNew         QuoteType = "quote"        // made by [RateCard.Quote]
	QuoteExtension   QuoteType = "extension"    // made by [RateCard.Extension]
	QuoteChangeOrder QuoteType = "change_order" // made by [RateCard.ChangeOrder]
)

var quoteTypes = []QuoteType{QuoteNew, QuoteExtension, QuoteChangeOrder}

// ParseQuoteType parses "quote", "extension" or "change_order" (exactly);
// anything else is a *[ParseError] wrapping [ErrInvalid].
func ParseQuoteType(s string) (QuoteType, error) {
	if i := slices.Index(quoteTypes, QuoteType(s)); i >= 0 {
		return quoteTypes[i], nil
	}
	return "", parseError("quote type", s, s, `want "quote", "extension" or "change_order"`)
}

// String returns the type's text, "quote".
func (t QuoteType) String() string { return string(t) }

// MarshalText implements [encoding.TextMarshaler]. The zero QuoteType is
// empty text; a value that is not one of the constants is an error.
func (t QuoteType) MarshalText() ([]byte, error) {
	if t != "" && !slices.Contains(quoteTypes, t) {
		return nil, problem.NewFieldError(pkg, "", CodeOutOfRange, "marshal quote type: "+strconv.Quote(string(t))+" is not one of the constants")
	}
	return []byte(t), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseQuoteType]. Empty text gives the zero QuoteType.
func (t *QuoteType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = ""
		return nil
	}
	v, err := ParseQuoteType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// LineKind classifies a quote line. Its text form is the constant's string,
// and [ParseLineKind] reads it back.
type LineKind string

// Line kinds.
const (
	KindBase              LineKind = "base"
	KindUsage             LineKind = "usage"
	KindWhitelisting      LineKind = "whitelisting"
	KindWhitelistingSetup LineKind = "whitelisting_setup"
	KindExclusivity       LineKind = "exclusivity"
	KindRevisions         LineKind = "revisions"
	KindRush              LineKind = "rush"
	KindNetZero           LineKind = "net_zero"
)

var lineKinds = []LineKind{KindBase, KindUsage, KindWhitelisting, KindWhitelistingSetup, KindExclusivity, KindRevisions, KindRush, KindNetZero}

// ParseLineKind parses a line kind's text ("base", "usage", ...) exactly;
// anything else is a *[ParseError] wrapping [ErrInvalid].
func ParseLineKind(s string) (LineKind, error) {
	if i := slices.Index(lineKinds, LineKind(s)); i >= 0 {
		return lineKinds[i], nil
	}
	return "", parseError("line kind", s, s, `want one of "base", "usage", "whitelisting", "whitelisting_setup", "exclusivity", "revisions", "rush", "net_zero"`)
}

// String returns the kind's text, "usage".
func (k LineKind) String() string { return string(k) }

// MarshalText implements [encoding.TextMarshaler]. The zero LineKind is
// empty text; a value that is not one of the constants is an error.
func (k LineKind) MarshalText() ([]byte, error) {
	if k != "" && !slices.Contains(lineKinds, k) {
		return nil, problem.NewFieldError(pkg, "", CodeOutOfRange, "marshal line kind: "+strconv.Quote(string(k))+" is not one of the constants")
	}
	return []byte(k), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseLineKind]. Empty text gives the zero LineKind.
func (k *LineKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = ""
		return nil
	}
	v, err := ParseLineKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Line is one priced line of a quote. Amount is rounded once, to the
// currency's minor digits with the quote's rounding mode; Unit is the exact
// price of one unit (shown to the currency's digits plus 4 when it does not
// terminate); Rule says, in words, how the amount was made.
type Line struct {
	Code     string   `json:"code"` // stable: the base rate's code, "usage", "exclusivity:category"...
	Kind     LineKind `json:"kind"`
	Quantity int64    `json:"quantity"`
	Unit     Money    `json:"unit"`
	Rule     string   `json:"rule"`
	Amount   Money    `json:"amount"`
}

// Equal reports whether l and m are the same line (Money compared with
// [Money.Equal]).
func (l Line) Equal(m Line) bool {
	return l.Code == m.Code && l.Kind == m.Kind && l.Quantity == m.Quantity &&
		l.Unit.Equal(m.Unit) && l.Rule == m.Rule && l.Amount.Equal(m.Amount)
}

// Quote is a priced offer: lines, subtotals and a total that is exactly the
// sum of the lines, in one currency. It is a record computed by
// [RateCard.Quote], [RateCard.Extension] or [RateCard.ChangeOrder]; changing
// its fields afterwards breaks that invariant, which [Quote.Check] verifies.
// Every Money in it is within the range of Money, so its JSON reads back to
// an Equal quote. Use [Quote.Equal], not ==.
type Quote struct {
	Type            QuoteType    `json:"type"`
	RateCardVersion string       `json:"rate_card_version"`
	Example         bool         `json:"example,omitempty"` // priced from sample data, not market data
	Reason          string       `json:"reason,omitempty"`  // of an extension or a change order
	Currency        string       `json:"currency"`
	Issued          time.Time    `json:"issued"`
	ValidUntil      time.Time    `json:"valid_until"`
	PaymentTerms    string       `json:"payment_terms"` // "Net 30", "Net 0"
	Rounding        RoundingMode `json:"rounding"`
	Lines           []Line       `json:"lines"`
	BaseSubtotal    Money        `json:"base_subtotal"`
	AddOnSubtotal   Money        `json:"add_on_subtotal"`
	Total           Money        `json:"total"`
}

// Check reports a *[FieldError] wrapping [ErrInvalid] unless the subtotals
// are the sums of the base and add-on lines, the total is their sum, and
// every line is in the quote's currency and rounded to its digits.
func (q Quote) Check() error {
	digits, ok := MinorUnits(q.Currency)
	if !ok {
		return problem.NewFieldError(pkg, "currency", CodeUnknownCurrency, "currency "+strconv.Quote(q.Currency)+" is not an active ISO 4217 code", unknownCurrency...)
	}
	base, _ := Zero(q.Currency)
	addOns := base
	for i, l := range q.Lines {
		path := problem.Index("lines", i) + ".amount"
		if l.Amount.Currency() != q.Currency || !l.Amount.Equal(l.Amount.RoundTo(digits, Down)) {
			return problem.NewFieldError(pkg, path, CodeMalformed, strconv.Quote(l.Amount.String())+" is not a rounded "+q.Currency+" amount")
		}
		var err error
		if l.Kind == KindBase {
			base, err = base.Add(l.Amount)
		} else {
			addOns, err = addOns.Add(l.Amount)
		}
		if err != nil {
			return problem.Problems(pkg, path, err)[0]
		}
	}
	return checkSums(base, addOns, q.BaseSubtotal, q.AddOnSubtotal, q.Total)
}

// checkSums checks a quote's recorded subtotals and total against the sums of
// its lines, base and addOns: the first that differs is the error.
func checkSums(base, addOns, baseSubtotal, addOnSubtotal, recordedTotal Money) error {
	total, err := base.Add(addOns)
	if err != nil {
		return problem.Problems(pkg, "total", err)[0]
	}
	switch {
	case !base.Equal(baseSubtotal):
		return problem.NewFieldError(pkg, "base_subtotal", CodeMalformed, "base_subtotal "+strconv.Quote(baseSubtotal.String())+" is not the sum of the base lines, "+base.String())
	case !addOns.Equal(addOnSubtotal):
		return problem.NewFieldError(pkg, "add_on_subtotal", CodeMalformed, "add_on_subtotal "+strconv.Quote(addOnSubtotal.String())+" is not the sum of the add-on lines, "+addOns.String())
	case !total.Equal(recordedTotal):
		return problem.NewFieldError(pkg, "total", CodeMalformed, "total "+strconv.Quote(recordedTotal.String())+" is not the sum of the lines, "+total.String())
	}
	return nil
}

// Equal reports whether q and r are the same quote.
func (q Quote) Equal(r Quote) bool {
	return q.Type == r.Type && q.RateCardVersion == r.RateCardVersion && q.Example == r.Example &&
		q.Reason == r.Reason && q.Currency == r.Currency && q.Issued.Equal(r.Issued) &&
		q.ValidUntil.Equal(r.ValidUntil) && q.PaymentTerms == r.PaymentTerms && q.Rounding == r.Rounding &&
		slices.EqualFunc(q.Lines, r.Lines, Line.Equal) && q.BaseSubtotal.Equal(r.BaseSubtotal) &&
		q.AddOnSubtotal.Equal(r.AddOnSubtotal) && q.Total.Equal(r.Total)
}
