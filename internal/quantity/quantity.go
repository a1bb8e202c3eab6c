// Package quantity is the module's one grammar for "n units" (a window of "2
// business days", a usage duration of "3 months", a report window of "7 days"):
// a whole count and a unit, case-insensitive, singular or plural, with or without
// a space, short forms where the unit has them, leading zeros allowed, signs
// rejected.
package quantity

import (
	"strconv"
	"strings"
)

// Unit is one unit's names, lower case.
type Unit struct {
	One, Many string   // long forms: "business day", "business days"
	Short     []string // short forms: "bd"
}

// Format returns "1 business day", "2 business days", "0 hours".
func (u Unit) Format(n int64) string {
	if n == 1 {
		return "1 " + u.One
	}
	return strconv.FormatInt(n, 10) + " " + u.Many
}

// Error says why a text is not a quantity: the part at fault (empty when
// something is missing) and the reason, which names what was found.
type Error struct {
	Token, Reason string
}

// Parse reads s as a count of at most limit and one of units, returning the
// count and the unit's index.
func Parse(s string, units []Unit, limit int64) (n int64, unit int, err *Error) {
	in := strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(in) && in[i] >= '0' && in[i] <= '9' {
		i++
	}
	if i == 0 {
		switch {
		case in == "":
			return 0, 0, &Error{Reason: "empty: want a count and a unit, such as " + strconv.Quote(units[0].Format(2))}
		case in[0] == '-' || in[0] == '+':
			return 0, 0, &Error{Token: in[:1], Reason: "want a whole number without a sign, found " + strconv.Quote(in[:1])}
		}
		tok := firstWord(in)
		return 0, 0, &Error{Token: tok, Reason: "want a count before the unit, found " + strconv.Quote(tok)}
	}
	num := strings.TrimLeft(in[:i], "0")
	if num == "" {
		num = "0"
	}
	if len(num) > len(strconv.FormatInt(limit, 10)) {
		return 0, 0, &Error{Token: in[:i], Reason: "count larger than " + strconv.FormatInt(limit, 10) + ": " + truncate(num)}
	}
	n, _ = strconv.ParseInt(num, 10, 64)
	if n > limit {
		return 0, 0, &Error{Token: num, Reason: "count larger than " + strconv.FormatInt(limit, 10) + ": " + num}
	}
	rest := in[i:]
	if rest != "" && (rest[0] == '.' || rest[0] == ',') {
		return 0, 0, &Error{Token: rest[:1], Reason: "want a whole number, found " + strconv.Quote(in[:i]+rest[:1]) + "..."}
	}
	name := strings.Join(strings.Fields(rest), " ")
	if name == "" {
		return 0, 0, &Error{Reason: "missing unit after " + strconv.Quote(in[:i]) + ": want " + names(units)}
	}
	for k, u := range units {
		if name == u.One || name == u.Many {
			return n, k, nil
		}
		for _, sh := range u.Short {
			if name == sh {
				return n, k, nil
			}
		}
	}
	return 0, 0, &Error{Token: name, Reason: "unknown unit " + strconv.Quote(truncate(name)) + ": want " + names(units)}
}

func names(units []Unit) string {
	var b strings.Builder
	for i, u := range units {
		if i > 0 {
			if i == len(units)-1 {
				b.WriteString(" or ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(u.Many)
	}
	return b.String()
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return truncate(f[0])
	}
	return s
}

func truncate(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}
