package contract

import (
	"fmt"
	"sort"
)

// Severity ranks a [Finding]. The zero Severity is invalid.
type Severity uint8

const (
	// Note is worth knowing; nothing needs to change.
	Note Severity = iota + 1
	// Warning should be fixed or consciously accepted before signing.
	Warning
	// Blocker must be fixed before signing.
	Blocker
)

var severityNames = [...]string{Note: "note", Warning: "warning", Blocker: "blocker"}

// String returns "blocker", "warning" or "note", or "Severity(n)" for an
// invalid value.
func (s Severity) String() string {
	if s.IsValid() {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// IsValid reports whether s is Note, Warning or Blocker.
func (s Severity) IsValid() bool { return s >= Note && s <= Blocker }

// MarshalText writes the name of s; an invalid Severity is an error.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("contract: marshal severity: invalid value %d", uint8(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText reads "blocker", "warning" or "note".
func (s *Severity) UnmarshalText(b []byte) error {
	for v := Note; v <= Blocker; v++ {
		if string(b) == severityNames[v] {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("contract: parse severity %q: want blocker, warning or note", b)
}

// Finding is one thing the checklist or the disclosure check found. Code is
// stable API (the Code constants); Message is for people and may change. Path is
// the JSON path of the field the finding is about ("deliverables[0].length"),
// or "" when it is about the whole input.
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message"`
}

// String returns "blocker deliverables[0].length: message".
func (f Finding) String() string {
	if f.Path == "" {
		return f.Severity.String() + ": " + f.Message
	}
	return f.Severity.String() + " " + f.Path + ": " + f.Message
}

// Findings is a list of findings, as the checks return them.
type Findings []Finding

// Worst returns the highest severity in fs, or 0 when fs is empty.
func (fs Findings) Worst() Severity {
	var w Severity
	for _, f := range fs {
		if f.Severity > w {
			w = f.Severity
		}
	}
	return w
}

// Has reports whether fs holds a finding with the given code.
func (fs Findings) Has(code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// Sort orders fs by severity (blockers first), then path, then code, in
// place, so a report reads the same on every run.
func (fs Findings) Sort() {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Code < b.Code
	})
}
