package pricing

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"strconv"
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

// moneyObject is the object form of Money in JSON.
type moneyObject struct {
	Amount   *string `json:"amount"`
	Currency *string `json:"currency"`
}

// UnmarshalJSON implements [json.Unmarshaler]. It accepts a string,
// "2500.00 USD", or an object, {"amount":"2500.00","currency":"USD"}, with
// the amount as a string. A JSON number, unknown or missing object fields
// are errors wrapping [ErrInvalid]; "" gives the zero Money, and null leaves
// m unchanged, as encoding/json does for values it decodes itself.
func (m *Money) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return parseErr("money", "", "empty JSON", ErrInvalid)
	}
	switch b[0] {
	case 'n':
		if string(b) == "null" {
			return nil // like encoding/json: null leaves the value unchanged
		}
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return parseErr("money", string(b), "malformed JSON string", ErrInvalid)
		}
		return m.UnmarshalText([]byte(s))
	case '{':
		var o moneyObject
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			return parseErr("money", string(b), `want {"amount":"<digits>","currency":"<CODE>"} with no other fields, amount a string`, ErrInvalid)
		}
		if o.Amount == nil || o.Currency == nil {
			return parseErr("money", string(b), `object needs both "amount" and "currency"`, ErrInvalid)
		}
		return m.UnmarshalText([]byte(*o.Amount + " " + *o.Currency))
	}
	return parseErr("money", string(b), `want a string "2500.00 USD" or an object {"amount":"2500.00","currency":"USD"}; never a number`, ErrInvalid)
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
	return parseErr("money", "", "cannot scan a column of this type; want text \"2500.00 USD\"", ErrInvalid)
}
