package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla"
)

// Agreements (package contract) are stored as their canonical JSON under
// their id, scoped to the workspace like timelines. A stored agreement never
// changes: it is what was, or will be, signed, and its content hash is printed
// on its sheet. Creating the same agreement again returns it (200); another
// agreement under the same id is a conflict (409). A new version is a new
// agreement under a new id ("glowco-dew-2027/maya-reyes/v2").

// agreementIDText is the form of an agreement's id: segments of letters,
// digits, '.', '_', ':' and '-', each starting with a letter or digit,
// joined by '/' (the library's ids read "campaign/creator"); at most 128
// bytes. In a URL path a '/' of the id is written %2F.
const agreementIDText = `^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9][A-Za-z0-9._:-]*)*$`

// maxAgreementID bounds an agreement's id, in bytes.
const maxAgreementID = 128

var agreementIDPattern = regexp.MustCompile(agreementIDText)

// CodeSheetTooLong is the code of the Problem (422) of a sheet that does not
// fit on one printed page, and of its entries, one per paper that overflows.
const CodeSheetTooLong = contract.CodeSheetTooLong

// AgreementSummary is an agreement in a list.
type AgreementSummary struct {
	ID           string    `json:"id" example:"glowco-dew-2027/maya-reyes"`
	Hash         string    `json:"hash" doc:"The agreement's content hash (contract.Agreement.Hash): sha256: and the hex SHA-256 of its canonical JSON. Printed on its sheet." example:"sha256:aa7efc47396e3b03f38d1451909c28d3469f831c95e00a34f82f2958ecf4a178"`
	ShortHash    string    `json:"short_hash" doc:"The hash's short form for print (contract.ShortHash); compare full hashes." example:"sha256:aa7efc47396e"`
	Campaign     string    `json:"campaign" doc:"The campaign's name." example:"GlowCo Dew Serum launch"`
	Brand        string    `json:"brand" doc:"The brand's name." example:"GlowCo"`
	Creator      string    `json:"creator" doc:"The creator's name." example:"Maya Reyes"`
	Deliverables int       `json:"deliverables" doc:"How many deliverables the agreement lists."`
	Created      time.Time `json:"created" doc:"When it was stored."`
}

// AgreementView is a stored agreement.
type AgreementView struct {
	AgreementSummary
	Agreement AgreementJSON `json:"agreement" doc:"The agreement as stored: its canonical JSON (contract.Agreement.Canonical), byte for byte, so that the SHA-256 of this member's text is hash: keys sorted, every value normalized, every policy term spelled out."`
}

// AgreementJSON is an agreement's canonical JSON, written and read as it is.
// Its schema is contract.Agreement's; contract.DecodeAgreement reads it.
type AgreementJSON []byte

// MarshalJSON returns the JSON as it is.
func (a AgreementJSON) MarshalJSON() ([]byte, error) {
	if len(a) == 0 {
		return []byte("null"), nil
	}
	return a, nil
}

// UnmarshalJSON keeps a copy of the JSON.
func (a *AgreementJSON) UnmarshalJSON(b []byte) error {
	*a = append((*a)[:0], b...)
	return nil
}

// CheckResult is the pre-signing checklist of an agreement (contract.Check).
type CheckResult struct {
	ID       string            `json:"id,omitempty" doc:"The stored agreement's id; absent when the agreement was sent to be checked (POST /v1/agreements/check) without one."`
	Hash     string            `json:"hash" doc:"The checked agreement's content hash: the findings are about this content."`
	Blocker  bool              `json:"blocker" doc:"Reports whether any finding is a blocker: the agreement must not be signed as it is."`
	Ready    bool              `json:"ready" doc:"Reports whether the agreement is ready to sign: no finding is a blocker or a warning (notes are only worth knowing)."`
	Blockers int               `json:"blockers" doc:"The findings of severity blocker."`
	Warnings int               `json:"warnings" doc:"The findings of severity warning."`
	Notes    int               `json:"notes" doc:"The findings of severity note."`
	Findings contract.Findings `json:"findings" doc:"What the checklist found, blockers first, then by path and code: each with a stable code, its severity, the JSON path of the field in the agreement and a message for a brand manager."`
}

// AgreementList is a page of agreements.
type AgreementList struct {
	Agreements []AgreementSummary `json:"agreements"`
	Next       string             `json:"next,omitempty" doc:"Pass as after for the next page; absent on the last page."`
}

type agreementIDInput struct {
	ID string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9][A-Za-z0-9._:-]*)*$" maxLength:"128" doc:"The agreement's id; a '/' in it is written %2F in the path." example:"glowco-dew-2027/maya-reyes"`
}

type sheetHTMLInput struct {
	ID    string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9][A-Za-z0-9._:-]*)*$" maxLength:"128" doc:"The agreement's id; a '/' in it is written %2F in the path." example:"glowco-dew-2027/maya-reyes"`
	Paper string `query:"paper" enum:"any,letter,a4" default:"any" doc:"The paper of the print stylesheet: any (the printer's: the sheet fits Letter and A4), letter or a4."`
}

type onboardingInput struct {
	ID     string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9][A-Za-z0-9._:-]*)*$" maxLength:"128" doc:"The agreement's id; a '/' in it is written %2F in the path." example:"glowco-dew-2027/maya-reyes"`
	Format string `query:"format" enum:"md,text" default:"md" doc:"md for Markdown (text/markdown), text for plain text (text/plain)."`
}

type agreementListInput struct {
	After string `query:"after" doc:"The next of the previous page."`
	Limit int    `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"At most this many agreements."`
}

type createdAgreementOutput struct {
	Status   int
	Location string `header:"Location" doc:"The agreement's URL."`
	Body     AgreementView
}

type agreementOutput struct{ Body AgreementView }
type agreementListOutput struct{ Body AgreementList }
type checkOutput struct{ Body CheckResult }

// textOutput is a document that is not JSON: a sheet, an onboarding message.
type textOutput struct {
	ContentType string `header:"Content-Type"`
	NoSniff     string `header:"X-Content-Type-Options"`
	Policy      string `header:"Content-Security-Policy"`
	Body        []byte
}

// sheetPolicy is the Content-Security-Policy of a sheet's HTML page: it is
// self-contained (inline CSS and SVG), so it may load nothing and run no
// script, whatever an agreement's text holds (the library escapes it; this
// is the second line).
const sheetPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// text returns a document of content type ct.
func text(ct, doc string) *textOutput {
	out := &textOutput{ContentType: ct, NoSniff: "nosniff", Body: []byte(doc)}
	if ct == contentHTML {
		out.Policy = sheetPolicy
	}
	return out
}

// Content types of the documents that are not JSON.
const (
	contentHTML     = "text/html; charset=utf-8"
	contentMarkdown = "text/markdown; charset=utf-8"
	contentText     = "text/plain; charset=utf-8"
)

// agreementRoutes declares the operations of agreements.
func (s *Server) agreementRoutes() {
	r := s.api.OpenAPI().Components.Schemas
	o := s.api.OpenAPI()

	register(s, huma.Operation{
		OperationID: "create-agreement", Method: http.MethodPost, Path: "/v1/agreements", Tags: []string{"agreements"},
		Summary: "Store an agreement",
		Description: "Stores a brand–creator agreement (contract.Agreement, read strictly and validated; the body is the agreement " +
			"itself) under its id, as its canonical JSON with its content hash. Creating the same agreement again returns it " +
			"(200), however its JSON is written; another agreement under the same id is a conflict (409): a stored agreement " +
			"never changes, and a new version is a new agreement under a new id. A well-formed agreement is stored even when " +
			"the checklist finds blockers: GET /v1/agreements/{id}/check says what they are.",
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusConflict},
	}, docBody[contract.Agreement](r), s.createAgreement)
	again := operation(o, http.MethodPost, "/v1/agreements")
	again.Responses["200"] = &huma.Response{
		Description: "The same agreement was stored under this id already: the stored agreement.",
		Content:     again.Responses["201"].Content,
	}

	register(s, huma.Operation{
		OperationID: "list-agreements", Method: http.MethodGet, Path: "/v1/agreements", Tags: []string{"agreements"},
		Summary:     "List agreements",
		Description: "The workspace's agreements in id order (by bytes), a page at a time: pass the page's next as after for the next page.",
		Errors:      []int{http.StatusUnprocessableEntity},
	}, nil, s.listAgreements)

	register(s, huma.Operation{
		OperationID: "check-agreement-body", Method: http.MethodPost, Path: "/v1/agreements/check", Tags: []string{"agreements"},
		Summary: "Check an agreement without storing it",
		Description: "The pre-signing checklist (contract.Check) of the agreement in the body, which is read as POST /v1/agreements " +
			"reads it (its id may be left out) and not stored.",
	}, docBody[contract.Agreement](r), s.checkAgreementBody)

	register(s, huma.Operation{
		OperationID: "get-agreement", Method: http.MethodGet, Path: "/v1/agreements/{id}", Tags: []string{"agreements"},
		Summary: "Get a stored agreement",
		Errors:  []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.getAgreement)

	register(s, huma.Operation{
		OperationID: "check-agreement", Method: http.MethodGet, Path: "/v1/agreements/{id}/check", Tags: []string{"agreements"},
		Summary: "Check a stored agreement",
		Description: "The pre-signing checklist (contract.Check): what is missing or risky, each finding with a stable code, " +
			"a severity (blocker, warning, note), the JSON path of the field and a message; whether any is a blocker; " +
			"whether the agreement is ready to sign.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.checkAgreement)

	register(s, huma.Operation{
		OperationID: "get-agreement-sheet-html", Method: http.MethodGet, Path: "/v1/agreements/{id}/sheet.html", Tags: []string{"agreements"},
		Summary: "The one-page expectations sheet, HTML",
		Description: "The agreement's one-page expectations sheet (contract.Agreement.Sheet, Sheet.HTMLFor) as a self-contained " +
			"HTML page: inline CSS and SVG timeline, a print stylesheet, a phone layout; it carries the agreement's content hash. " +
			"A sheet that would not fit on one printed page (Letter and A4) is refused with a 422 problem of code " +
			"sheet_too_long naming the overflow, never spilled onto a second page.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.sheetHTML)
	textResponse(o, "/v1/agreements/{id}/sheet.html", "The sheet, a self-contained HTML page.", contentHTML)

	register(s, huma.Operation{
		OperationID: "get-agreement-sheet-markdown", Method: http.MethodGet, Path: "/v1/agreements/{id}/sheet.md", Tags: []string{"agreements"},
		Summary: "The one-page expectations sheet, Markdown",
		Description: "The same sheet as sheet.html, as CommonMark (Sheet.Markdown), the timeline as a table of dates. A sheet " +
			"that would not fit on one printed page is refused with a 422 problem of code sheet_too_long, as for sheet.html.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.sheetMarkdown)
	textResponse(o, "/v1/agreements/{id}/sheet.md", "The sheet, CommonMark.", contentMarkdown)

	register(s, huma.Operation{
		OperationID: "get-agreement-onboarding", Method: http.MethodGet, Path: "/v1/agreements/{id}/onboarding", Tags: []string{"agreements"},
		Summary: "The onboarding message",
		Description: "The message a brand sends the creator once the agreement is signed (contract.Onboarding): the product, " +
			"the shipping timeline, what to make and when it posts, both sides' contacts, response times, quiet hours and " +
			"the escalation path; terms the agreement leaves open are said to be open. ?format=md (the default) or text.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.onboarding)
	textResponse(o, "/v1/agreements/{id}/onboarding", "The message, Markdown (format=md) or plain text (format=text).", contentMarkdown, contentText)
}

// textResponse documents the 200 response of a GET operation that answers a
// document of one of the content types, instead of JSON.
func textResponse(o *huma.OpenAPI, path, description string, types ...string) {
	op := operation(o, http.MethodGet, path)
	content := map[string]*huma.MediaType{}
	for _, t := range types {
		content[t] = &huma.MediaType{Schema: &huma.Schema{Type: huma.TypeString}}
	}
	op.Responses["200"] = &huma.Response{Description: description, Content: content}
}

func (s *Server) createAgreement(ctx context.Context, in *rawBody) (*createdAgreementOutput, error) {
	const what = "agreement"
	a, err := s.readAgreement(in.RawBody, true)
	if err != nil {
		return nil, err
	}
	rec, created, err := s.cfg.Store.CreateAgreement(ctx, workspace(ctx).ID, a)
	if errors.Is(err, store.ErrConflict) {
		return nil, newProblem(http.StatusConflict, what+" "+quote(a.ID)+" exists with other content",
			&ProblemError{Location: "body.id", Path: "id", Code: CodeConflict,
				Message: "another agreement is stored under this id: a stored agreement never changes; store a new version under a new id"})
	}
	if err != nil {
		return nil, fail(ctx, what, err)
	}
	out := &createdAgreementOutput{Status: http.StatusOK, Location: agreementURL(rec.ID)}
	if created {
		out.Status = http.StatusCreated
		logFrom(ctx).InfoContext(ctx, "agreement stored", "agreement", rec.ID, "hash", rec.Hash)
	}
	out.Body = agreementView(rec)
	return out, nil
}

// readAgreement reads a request body that is an agreement: strictly, every
// problem at once with its path in the body. With needID, the agreement must
// have an id fit for a URL.
func (s *Server) readAgreement(body []byte, needID bool) (contract.Agreement, error) {
	const what = "agreement"
	if !json.Valid(body) {
		return contract.Agreement{}, malformedBody(notJSON(body))
	}
	body, holidayProblems := expandHolidays(body, agreementCalendars)
	env := &envelope{problems: holidayProblems}
	a, err := contract.DecodeAgreement(body)
	if err != nil {
		env.addErr("", err)
	}
	// The id's own problems, whether or not the rest decoded; a member that
	// is not a string is the decoder's to report.
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) == nil {
		var id string
		raw, given := top["id"]
		given = given && string(raw) != "null"
		switch {
		case !given && needID:
			env.add("id", sla.CodeRequired, "required: an agreement is stored under its id")
		case given && json.Unmarshal(raw, &id) == nil && (len(id) > maxAgreementID || !agreementIDPattern.MatchString(id)):
			env.add("id", sla.CodeMalformed, "want an id of at most 128 bytes: segments of letters, digits, '.', '_', ':' or '-', "+
				"each starting with a letter or digit, joined by '/'; have "+quote(id))
		}
	}
	if err := env.err(what); err != nil {
		return contract.Agreement{}, invalid(what, err)
	}
	return a, nil
}

func (s *Server) listAgreements(ctx context.Context, in *agreementListInput) (*agreementListOutput, error) {
	limit := in.Limit
	if limit <= 0 || limit > DefaultMaxList {
		limit = DefaultMaxList
	}
	recs, err := s.cfg.Store.Agreements(ctx, workspace(ctx).ID, in.After, limit)
	if err != nil {
		return nil, fail(ctx, "agreements", err)
	}
	out := &agreementListOutput{Body: AgreementList{Agreements: make([]AgreementSummary, len(recs))}}
	for i, r := range recs {
		out.Body.Agreements[i] = agreementSummary(r)
	}
	if len(recs) == limit {
		out.Body.Next = recs[len(recs)-1].ID
	}
	return out, nil
}

func (s *Server) getAgreement(ctx context.Context, in *agreementIDInput) (*agreementOutput, error) {
	rec, err := s.cfg.Store.Agreement(ctx, workspace(ctx).ID, in.ID)
	if err != nil {
		return nil, fail(ctx, "agreement "+quote(in.ID), err)
	}
	return &agreementOutput{Body: agreementView(rec)}, nil
}

func (s *Server) checkAgreement(ctx context.Context, in *agreementIDInput) (*checkOutput, error) {
	rec, a, err := s.storedAgreement(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	return &checkOutput{Body: checkResult(rec.ID, rec.Hash, a)}, nil
}

func (s *Server) checkAgreementBody(ctx context.Context, in *rawBody) (*checkOutput, error) {
	a, err := s.readAgreement(in.RawBody, false)
	if err != nil {
		return nil, err
	}
	hash, err := a.Hash()
	if err != nil {
		return nil, fail(ctx, "agreement", err) // a decoded agreement validates, and has a hash
	}
	return &checkOutput{Body: checkResult(a.ID, hash, a)}, nil
}

func (s *Server) sheetHTML(ctx context.Context, in *sheetHTMLInput) (*textOutput, error) {
	paper, err := contract.ParsePaper(in.Paper)
	if err != nil { // huma checked the enum
		return nil, fail(ctx, "sheet", err)
	}
	return s.sheet(ctx, in.ID, contentHTML, func(sh contract.Sheet) (string, error) { return sh.HTMLFor(paper) })
}

func (s *Server) sheetMarkdown(ctx context.Context, in *agreementIDInput) (*textOutput, error) {
	return s.sheet(ctx, in.ID, contentMarkdown, contract.Sheet.Markdown)
}

// sheet renders the sheet of a stored agreement with render.
func (s *Server) sheet(ctx context.Context, id, contentType string, render func(contract.Sheet) (string, error)) (*textOutput, error) {
	_, a, err := s.storedAgreement(ctx, id)
	if err != nil {
		return nil, err
	}
	sh, err := a.Sheet()
	var doc string
	if err == nil {
		doc, err = render(sh)
	}
	if errors.Is(err, contract.ErrTooLong) {
		return nil, sheetTooLong(id, err)
	}
	if err != nil {
		return nil, fail(ctx, "sheet", err)
	}
	return text(contentType, doc), nil
}

// sheetTooLong is the 422 Problem of a sheet that does not fit on one page:
// one entry per paper it overflows, each naming the sections that run over.
func sheetTooLong(id string, err error) error {
	p := newProblem(http.StatusUnprocessableEntity, "the sheet of agreement "+quote(id)+" does not fit on one printed page: "+
		"shorten the agreement's texts or split its deliverables; "+err.Error())
	p.Code = CodeSheetTooLong
	for _, e := range problemErrors("", err) {
		p.Errors = append(p.Errors, &ProblemError{Location: "path.id", Code: e.Code, Message: e.Message})
	}
	return p
}

func (s *Server) onboarding(ctx context.Context, in *onboardingInput) (*textOutput, error) {
	_, a, err := s.storedAgreement(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	md, plain := contract.Onboarding(a)
	if in.Format == "text" {
		return text(contentText, plain), nil
	}
	return text(contentMarkdown, md), nil
}

// storedAgreement returns a stored agreement of the request's workspace,
// decoded; another workspace's is not found.
func (s *Server) storedAgreement(ctx context.Context, id string) (store.Agreement, contract.Agreement, error) {
	rec, err := s.cfg.Store.Agreement(ctx, workspace(ctx).ID, id)
	if err != nil {
		return store.Agreement{}, contract.Agreement{}, fail(ctx, "agreement "+quote(id), err)
	}
	a, err := store.DecodeAgreement(rec.Body)
	if err != nil {
		return store.Agreement{}, contract.Agreement{}, fail(ctx, "agreement", err)
	}
	return rec, a, nil
}

func checkResult(id, hash string, a contract.Agreement) CheckResult {
	fs := contract.Check(a)
	if fs == nil {
		fs = contract.Findings{}
	}
	r := CheckResult{ID: id, Hash: hash, Findings: fs}
	for _, f := range fs {
		switch f.Severity {
		case contract.Blocker:
			r.Blockers++
		case contract.Warning:
			r.Warnings++
		case contract.Note:
			r.Notes++
		}
	}
	r.Blocker = r.Blockers > 0
	r.Ready = r.Blockers == 0 && r.Warnings == 0
	return r
}

func agreementURL(id string) string { return "/v1/agreements/" + url.PathEscape(id) }

func agreementSummary(r store.Agreement) AgreementSummary {
	return AgreementSummary{ID: r.ID, Hash: r.Hash, ShortHash: contract.ShortHash(r.Hash), Campaign: r.Campaign,
		Brand: r.Brand, Creator: r.Creator, Deliverables: r.Deliverables, Created: r.Created}
}

func agreementView(r store.Agreement) AgreementView {
	return AgreementView{AgreementSummary: agreementSummary(r), Agreement: AgreementJSON(r.Body)}
}
