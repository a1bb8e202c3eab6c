package creatorops_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/creatorops/creatorops/metrics"
	"github.com/creatorops/creatorops/pricing"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// problemJSON is what a service answers a bad request with: HTTP 400 and every
// problem with its path, stable code and message.
type problemJSON struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// respond turns any error of any package of the module into the body of a 400,
// with one errors.As: every error the module returns for bad input is, or reads
// as, a *ValidationError (sla.ValidationError, pricing.ValidationError and
// metrics.ValidationError are one type).
func respond(err error) string {
	var ve *sla.ValidationError
	if !errors.As(err, &ve) {
		return "500: " + err.Error()
	}
	out := make([]problemJSON, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = problemJSON{p.Path, p.Code, p.Message}
	}
	b, _ := json.Marshal(out)
	return "400: " + string(b)
}

// One error model for the whole module: a parse error for one piece of text, a
// field problem with its JSON path, every problem of a document at once, and a
// mismatch of two values all answer the same errors.As.
func Example_errors() {
	_, err := sla.ParseWindow("3 fortnights")
	fmt.Println(respond(err))

	_, err = sla.DecodeCalendarSpec([]byte(`{"TIME_ZONE":"UTC","hours":["mon-fry 09:00-17:00"]}`))
	fmt.Println(respond(err))

	_, err = pricing.MustParseMoney("10.00 USD").Add(pricing.MustParseMoney("10.00 EUR"))
	fmt.Println(respond(err))

	_, err = metrics.CPM(pricing.MustParseMoney("2000.00 USD"), 0)
	fmt.Println(respond(err))

	_, err = timeline.DecodeEvents([]byte(`[{"seq":1,"at":"2027-03-08T10:00:00-08:00","kind":"draft_sent"}]`))
	fmt.Println(respond(err))

	// Sentinels still answer errors.Is, and ErrInvalid is one value module-wide.
	fmt.Println(errors.Is(err, sla.ErrInvalid), sla.ErrInvalid == pricing.ErrInvalid && pricing.ErrInvalid == metrics.ErrInvalid)
	// Output:
	// 400: [{"path":"","code":"malformed","message":"parse window \"3 fortnights\": unknown unit \"fortnights\": want hours, days, business hours or business days"}]
	// 400: [{"path":"TIME_ZONE","code":"unknown_field","message":"unknown field \"TIME_ZONE\" (did you mean \"time_zone\"? keys match exactly)"},{"path":"time_zone","code":"required","message":"required: an IANA time zone name such as \"America/New_York\" or \"UTC\""},{"path":"hours[0]","code":"malformed","message":"parse hours \"mon-fry 09:00-17:00\": unknown day \"fry\" (want mon..sun, a range mon-fri, a list sat,sun, or daily)"}]
	// 400: [{"path":"","code":"currency_mismatch","message":"add: currency differs: \"10.00 USD\" and \"10.00 EUR\""}]
	// 400: [{"path":"impressions","code":"undefined","message":"CPM: impressions 0: zero denominator"}]
	// 400: [{"path":"[0].kind","code":"malformed","message":"unknown kind \"draft_sent\""}]
	// true true
}
