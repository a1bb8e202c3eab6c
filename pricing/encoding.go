package pricing

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"strconv"

	"github.com/creatorops/creatorops/internal/problem"
	"github.com/creatorops/creatorops/internal/strictjson"
)

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Money.String]: "2500.00 USD". The zero Money marshals to empty text.
func (m Money) MarshalText() ([]byte, error) {
	if m.currency == "" {
		return []byte{}, nil
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMoney].
// Empty text gives the zero Money.
func (m *Money) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Money{}
		return nil
	}
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON implements [json.Marshaler]: a JSON string, "2500.00 USD"
// ("" for the zero Money). Money is never a JSON number.
func (m Money) MarshalJSON() ([]byte, error) {
	if m.currency == "" {
		return []byte(`""`), nil
	}
	return strconv.AppendQuote(nil, m.String()), nil
}

// maxMoneyJSON bounds the JSON of one Money [Money.UnmarshalJSON] reads.
const maxMoneyJSON = 1024

// moneyObject is the object form of Money in JSON.
type moneyObject struct {
	Amount   *string `json:"amount"`
	Currency *string `json:"currency"`
}

// UnmarshalJSON implements [json.Unmarshaler]. It accepts a string,
// "2500.00 USD", or an object, {"amount":"2500.00","currency":"USD"}, read
// strictly: exactly the keys "amount" and "currency" (case-sensitive), each
// once, both required, both strings. "" gives the zero Money, and null
// leaves m unchanged, as encoding/json does for values it decodes itself.
// Anything else (a JSON number, an unknown, duplicate or missing key, more
// than 1024 bytes) is an error wrapping [ErrInvalid] that reads as a
// *[ValidationError] whose problems have paths inside the object
// ("amount").
func (m *Money) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return parseError("money", "", "", "empty JSON")
	}
	switch b[0] {
	case 'n':
		if string(b) == "null" {
			return nil // like encoding/json: null leaves the value unchanged
		}
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return parseError("money", string(b), "", "malformed JSON string")
		}
		return m.UnmarshalText([]byte(s))
	case '{':
		var o moneyObject
		ps, ok := strictjson.Decode(pkg, b, &o, maxMoneyJSON)
		if ok {
			if o.Amount == nil && !strictjson.Covered("amount", ps) {
				ps = append(ps, problem.NewFieldError(pkg, "amount", CodeRequired, `money object needs "amount", a string such as "2500.00"`))
			}
			if o.Currency == nil && !strictjson.Covered("currency", ps) {
				ps = append(ps, problem.NewFieldError(pkg, "currency", CodeRequired, `money object needs "currency", a code such as "USD"`))
			}
		}
		if len(ps) > 0 {
			return problem.NewValidationError(pkg, "money", ps)
		}
		if perr := checkCurrency(*o.Currency); perr != nil {
			perr.Path = "currency"
			return perr
		}
		d, tok, reason := parseAmount(*o.Amount)
		if reason != "" {
			return problem.NewParseError(pkg, ParseError{What: "amount", Path: "amount", Input: *o.Amount, Token: tok, Reason: reason})
		}
		*m = Money{amount: d, currency: *o.Currency}
		return nil
	}
	return parseError("money", string(b), "", `want a string "2500.00 USD" or an object {"amount":"2500.00","currency":"USD"}; never a number`)
}

// Value implements [driver.Valuer]. The column format is text: the form of
// [Money.String], "2500.00 USD" (store it in a TEXT or VARCHAR(128)
// column). The zero Money is NULL.
func (m Money) Value() (driver.Value, error) {
	if m.currency == "" {
		return nil, nil
	}
	return m.String(), nil
}

// Scan implements [database/sql.Scanner] for the column format of
// [Money.Value]: a string or []byte "2500.00 USD", or NULL for the zero
// Money. Other column types are errors wrapping [ErrInvalid].
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*m = Money{}
		return nil
	case string:
		return m.UnmarshalText([]byte(v))
	case []byte:
		return m.UnmarshalText(v)
	}
	return problem.NewFieldError(pkg, "", CodeMalformed, "scan money: cannot scan a column of this type; want text \"2500.00 USD\"")
}
