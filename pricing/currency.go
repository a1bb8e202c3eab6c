package pricing

import (
	"sort"

	"github.com/creatorops/creatorops/internal/problem"
)

// currencyInfo is one row of the ISO 4217 table in iso4217.go.
type currencyInfo struct {
	code    string
	numeric int16
	minor   int8 // -1: "N.A." in ISO 4217, not priced by this package
}

// lookupCurrency finds code in the table by binary search; it never
// allocates. The table is sorted (a test checks it).
func lookupCurrency(code string) (currencyInfo, bool) {
	if len(code) != 3 {
		return currencyInfo{}, false
	}
	i := sort.Search(len(iso4217), func(i int) bool { return iso4217[i].code >= code })
	if i < len(iso4217) && iso4217[i].code == code {
		return iso4217[i], true
	}
	return currencyInfo{}, false
}

// MinorUnits returns the number of digits after the decimal point of the
// ISO 4217 currency code (2 for "USD", 0 for "JPY", 3 for "KWD", 4 for
// "CLF") and reports whether code is an active currency with minor units.
// Codes are upper case; "usd" is not a code. Codes whose minor units ISO
// 4217 lists as "N.A." (gold "XAU", "XDR", the testing code "XTS") report
// false: they are not money this package prices.
func MinorUnits(code string) (int32, bool) {
	c, ok := lookupCurrency(code)
	if !ok || c.minor < 0 {
		return 0, false
	}
	return int32(c.minor), true
}

// Currencies returns the codes [MinorUnits] accepts, sorted. The slice is
// new on each call.
func Currencies() []string {
	out := make([]string, 0, len(iso4217))
	for _, c := range iso4217 {
		if c.minor >= 0 {
			out = append(out, c.code)
		}
	}
	return out
}

// checkCurrency returns nil for a code MinorUnits accepts, or a
// *ParseError of the currency (code [CodeUnknownCurrency], wrapping
// [ErrUnknownCurrency] and [ErrInvalid]) saying why not.
func checkCurrency(code string) *ParseError {
	reason := ""
	if len(code) != 3 || !isUpper(code[0]) || !isUpper(code[1]) || !isUpper(code[2]) {
		reason = "not a three-letter upper-case ISO 4217 code"
	} else if c, ok := lookupCurrency(code); !ok {
		reason = "not an active ISO 4217 currency"
	} else if c.minor < 0 {
		reason = "ISO 4217 code without minor units (a metal, fund or testing code), not money"
	} else {
		return nil
	}
	return problem.NewParseError(pkg, ParseError{What: "currency", Input: code, Token: code, Reason: reason, Code: CodeUnknownCurrency}, unknownCurrency...)
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
