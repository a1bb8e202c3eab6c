package api

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/examples/server/internal/boardpage"
	"github.com/creatorops/creatorops/sla/timeline"
)

// BoardCookie is the cookie POST /board/sign-in sets: the workspace's token
// itself, which the store keeps only as a hash, so a copy of the database
// cannot forge one. It is HttpOnly, SameSite=Strict, Secure over TLS, and sent
// only to /board.
const BoardCookie = "creatorops_board"

// pageInput is what a page's handler learns of the request beyond its
// parameters: whether it came over TLS, and from where.
type pageInput struct {
	tls      bool
	host     string
	origin   string
	fetchSit string
}

// Resolve records the connection's facts.
func (p *pageInput) Resolve(ctx huma.Context) []error {
	p.tls = ctx.TLS() != nil
	p.host = ctx.Host()
	p.origin = ctx.Header("Origin")
	p.fetchSit = ctx.Header("Sec-Fetch-Site")
	return nil
}

type boardPageInput struct {
	pageInput
	At            string `query:"at" doc:"The instant, RFC 3339 with an offset; now when left out." example:"2027-03-11T09:30:00-05:00"`
	Authorization string `header:"Authorization" doc:"Bearer and a workspace's token; or the cookie of POST /board/sign-in."`
	Session       string `cookie:"creatorops_board" doc:"The cookie POST /board/sign-in sets."`
}

type signInInput struct {
	pageInput
	RawBody []byte `contentType:"application/x-www-form-urlencoded"`
}

type signOutInput struct {
	pageInput
}

// pageOutput is an HTML page, or a redirect.
type pageOutput struct {
	Status       int
	ContentType  string `header:"Content-Type"`
	NoSniff      string `header:"X-Content-Type-Options"`
	Policy       string `header:"Content-Security-Policy"`
	CacheControl string `header:"Cache-Control"`
	Referrer     string `header:"Referrer-Policy"`
	Location     string `header:"Location" doc:"After a sign-in or sign-out: the board."`
	SetCookie    string `header:"Set-Cookie" doc:"After a sign-in: the board's cookie; after a sign-out, its removal."`
	Challenge    string `header:"WWW-Authenticate"`
	Body         []byte
}

// SignInForm documents the body of POST /board/sign-in.
type SignInForm struct {
	Token string `json:"token" doc:"The workspace's token."`
	At    string `json:"at,omitempty" doc:"The board's instant to show after the sign-in (RFC 3339); now when left out."`
}

// page returns an HTML page of status and the headers every page has.
func page(status int) (*pageOutput, string) {
	nonce := boardpage.NewNonce()
	return &pageOutput{
		Status: status, ContentType: contentHTML, NoSniff: "nosniff", Policy: boardpage.Policy(nonce),
		CacheControl: "no-store", Referrer: "same-origin",
	}, nonce
}

// redirect returns a 303 to the board at at ("" for now).
func redirect(at string) *pageOutput {
	out := &pageOutput{Status: http.StatusSeeOther, Location: "/board", CacheControl: "no-store"}
	if at != "" {
		out.Location += "?at=" + url.QueryEscape(at)
	}
	return out
}

// boardPageRoutes declares the board page and its sign-in.
func (s *Server) boardPageRoutes() {
	o := s.api.OpenAPI()
	html := map[string]*huma.MediaType{contentHTML: {Schema: &huma.Schema{Type: huma.TypeString}}}
	security := []map[string][]string{{"bearer": {}}, {"board_cookie": {}}}
	o.Components.SecuritySchemes["board_cookie"] = &huma.SecurityScheme{
		Type: "apiKey", In: "cookie", Name: BoardCookie,
		Description: "The cookie POST /board/sign-in sets: the board page only.",
	}

	register(s, huma.Operation{
		OperationID: "get-board-page", Method: http.MethodGet, Path: "/board", Tags: []string{"board page"},
		Summary: "The creator-ops board, a web page",
		Description: "The board of GET /v1/board as one self-contained HTML page for a browser: the deliverables grouped as " +
			"breached, at risk, waiting on the brand and waiting on the creator, each one's milestones drawn as an inline " +
			"SVG timeline (planned and current dates, the post date's shifts with their reasons as text), and the " +
			"operational metrics. No script, nothing loaded (a Content-Security-Policy allows only the inline style). " +
			"It needs the workspace's token as a bearer token or the cookie of POST /board/sign-in; without either the " +
			"answer is the sign-in form (200), and with a token no workspace holds, the form again (401).",
		Security: security,
		Errors:   []int{http.StatusUnprocessableEntity},
	}, nil, s.boardPage)
	op := operation(o, http.MethodGet, "/board")
	op.Responses["200"] = &huma.Response{Description: "The board; or, without a token, the sign-in form.", Content: html}
	op.Responses["401"] = &huma.Response{Description: "The sign-in form again: no workspace holds the token.", Content: html}

	register(s, huma.Operation{
		OperationID: "sign-in-board-page", Method: http.MethodPost, Path: "/board/sign-in", Tags: []string{"board page"},
		Summary: "Sign in to the board page",
		Description: "The sign-in form's target: with a workspace's token, sets the board's cookie (the token itself, " +
			"HttpOnly, SameSite=Strict, Secure over TLS, for /board only) and redirects to the board (303); with a token " +
			"no workspace holds, the form again (401). A request from another site (its Origin is not this service) is " +
			"refused (403).",
		DefaultStatus:    http.StatusSeeOther,
		SkipValidateBody: true,
		Errors:           []int{http.StatusRequestEntityTooLarge},
	}, nil, s.signIn)
	op = operation(o, http.MethodPost, "/board/sign-in")
	op.RequestBody = &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
		"application/x-www-form-urlencoded": {Schema: huma.SchemaFromType(o.Components.Schemas, reflect.TypeFor[SignInForm]())},
	}}
	op.Responses["401"] = &huma.Response{Description: "The sign-in form again: no workspace holds the token.", Content: html}
	op.Responses["303"].Description = "Signed in: the cookie is set (Set-Cookie); on to the board (Location)."
	op.Responses["303"].Content = nil
	op.Responses["403"] = &huma.Response{Description: "The request came from another site.", Content: html}

	register(s, huma.Operation{
		OperationID: "sign-out-board-page", Method: http.MethodPost, Path: "/board/sign-out", Tags: []string{"board page"},
		Summary:       "Sign out of the board page",
		Description:   "Removes the board's cookie and redirects to the sign-in form (303). A request from another site is refused (403).",
		DefaultStatus: http.StatusSeeOther,
	}, nil, s.signOut)
	op = operation(o, http.MethodPost, "/board/sign-out")
	op.Responses["303"].Description = "Signed out: the cookie is removed (Set-Cookie); on to the sign-in form (Location)."
	op.Responses["303"].Content = nil
	op.Responses["403"] = &huma.Response{Description: "The request came from another site.", Content: html}
}

// boardPage serves GET /board.
func (s *Server) boardPage(ctx context.Context, in *boardPageInput) (*pageOutput, error) {
	at, err := s.at(in.At)
	if err != nil {
		return nil, err
	}
	header := in.Authorization
	if header == "" && in.Session != "" {
		header = "Bearer " + in.Session
	}
	if header == "" {
		return s.signInForm(http.StatusOK, "", in.At)
	}
	w, err := s.workspaceOf(ctx, header)
	var pe *ProblemError
	if errors.As(err, &pe) {
		out, err := s.signInForm(http.StatusUnauthorized, "That token opens no workspace: sign in again.", in.At)
		if out != nil && in.Authorization == "" {
			out.SetCookie = clearCookie(in.tls)
		}
		return out, err
	}
	if err != nil {
		return nil, fail(ctx, "board page", err)
	}
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		info.workspace = w.ID
	}
	b, err := s.board(ctx, w.ID, at)
	if err != nil {
		return nil, err
	}
	pb := boardpage.Board{
		Workspace: w.Name, Board: b.view.Board, Timelines: b.view.Timelines, Truncated: b.view.Truncated,
		Deliverables: map[string]boardpage.Deliverable{},
	}
	index := make(map[string]int, len(b.items))
	for i, it := range b.items {
		index[it.Plan.ID] = i
	}
	for _, id := range boardpage.Drawn(b.view.Board) {
		i, ok := index[id]
		if !ok || b.timelines[i] == nil {
			continue
		}
		tl := b.timelines[i]
		st, err := tl.State(b.items[i].Events, at)
		var ve *timeline.ValidationError
		if err != nil && !errors.As(err, &ve) {
			return nil, fail(ctx, "board page", err)
		}
		pb.Deliverables[id] = boardpage.Deliverable{State: st, Schedule: tl.Schedule(), Zone: tl.Plan().Brand.Calendar.Location()}
	}
	out, nonce := page(http.StatusOK)
	var buf bytes.Buffer
	if err := boardpage.Render(&buf, pb, nonce); err != nil {
		return nil, fail(ctx, "board page", err)
	}
	out.Body = buf.Bytes()
	return out, nil
}

// signInForm returns the sign-in form, with a message when it is shown again.
func (s *Server) signInForm(status int, message, at string) (*pageOutput, error) {
	out, nonce := page(status)
	if status == http.StatusUnauthorized {
		out.Challenge = `Bearer realm="creatorops"`
	}
	var buf bytes.Buffer
	if err := boardpage.RenderSignIn(&buf, boardpage.SignIn{Message: message, At: at}, nonce); err != nil {
		return nil, err
	}
	out.Body = buf.Bytes()
	return out, nil
}

// signIn serves POST /board/sign-in.
func (s *Server) signIn(ctx context.Context, in *signInInput) (*pageOutput, error) {
	if out := s.crossSite(in.pageInput); out != nil {
		return out, nil
	}
	form, err := url.ParseQuery(string(in.RawBody))
	if err != nil {
		form = url.Values{}
	}
	at := form.Get("at")
	if _, err := parseInstant(at); err != nil {
		at = ""
	}
	token := strings.TrimSpace(form.Get("token"))
	if token == "" {
		return s.signInForm(http.StatusUnauthorized, "Enter your workspace's token.", at)
	}
	w, err := s.workspaceOf(ctx, "Bearer "+token)
	var pe *ProblemError
	if errors.As(err, &pe) {
		return s.signInForm(http.StatusUnauthorized, "That token opens no workspace.", at)
	}
	if err != nil {
		return nil, fail(ctx, "sign-in", err)
	}
	logFrom(ctx).InfoContext(ctx, "board: signed in", "workspace", w.ID)
	out := redirect(at)
	c := &http.Cookie{Name: BoardCookie, Value: token, Path: "/board", HttpOnly: true, Secure: in.tls, SameSite: http.SameSiteStrictMode}
	out.SetCookie = c.String()
	return out, nil
}

// signOut serves POST /board/sign-out.
func (s *Server) signOut(_ context.Context, in *signOutInput) (*pageOutput, error) {
	if out := s.crossSite(in.pageInput); out != nil {
		return out, nil
	}
	out := redirect("")
	out.SetCookie = clearCookie(in.tls)
	return out, nil
}

// clearCookie is the Set-Cookie that removes the board's cookie.
func clearCookie(tls bool) string {
	c := &http.Cookie{Name: BoardCookie, Value: "", Path: "/board", MaxAge: -1, HttpOnly: true, Secure: tls, SameSite: http.SameSiteStrictMode}
	return c.String()
}

// crossSite returns a 403 page for a form posted from another site: the
// browser says it is not same-origin (Sec-Fetch-Site), or its Origin is not
// this service's. A request with neither header (curl) is not a browser's and
// passes; the cookie is SameSite=Strict besides. (The pages' Referrer-Policy
// is same-origin: with no-referrer, a browser sends "Origin: null".)
func (s *Server) crossSite(in pageInput) *pageOutput {
	ok := in.fetchSit == "" || in.fetchSit == "same-origin" || in.fetchSit == "none"
	if in.origin != "" {
		scheme := "http://"
		if in.tls {
			scheme = "https://"
		}
		ok = ok && in.origin == scheme+in.host
	}
	if ok {
		return nil
	}
	out, nonce := page(http.StatusForbidden)
	var buf bytes.Buffer
	_ = boardpage.RenderSignIn(&buf, boardpage.SignIn{Message: "This form was sent from another site; open the board here and sign in."}, nonce)
	out.Body = buf.Bytes()
	return out
}
