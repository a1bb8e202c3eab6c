// Package contract holds the brand–creator agreement as data: the parties and
// their contacts, the deliverables, the service terms, the priced deal, the
// rights, compliance and reporting; the pre-signing checklist that catches what
// goes wrong before signing; the disclosure check for captions; and the
// one-page expectations sheet that creators actually read.
//
// The checklist and the disclosure check return [Findings]: data with a stable
// code, a [Severity], a JSON path and a message. The disclosure check is a lint,
// not legal advice.
package contract
