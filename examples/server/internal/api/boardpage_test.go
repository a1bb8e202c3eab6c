package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/boardpage"
)

// boardAt is the instant of the board page's tests: Fri 12 Mar 2027 17:30 EST.
// Then the deliverables of boardFixture stand in all four groups.
const boardAt = "2027-03-12T17:30:00-05:00"

// shiftReason is why b-shifted's post date moved: its final approval came
// two business days late.
const shiftReason = "post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST " +
	"and came Fri 12 Mar 2027 13:00 EST, 2 business days late"

// hostile is a creator's name that is markup.
const hostile = `<script>alert("x")</script> & <b>Co</b>`

const eventsToDraft = `[{"seq": 1, "at": "2027-02-16T11:00:00-08:00", "kind": "concept_submitted"},
	{"seq": 2, "at": "2027-02-17T10:00:00-05:00", "kind": "concept_approved"},
	{"seq": 3, "at": "2027-02-17T15:00:00-05:00", "kind": "compliance_checked"},
	{"seq": 4, "at": "2027-03-08T10:00:00-08:00", "kind": "draft_submitted"}`

// boardFixture stores, in the workspace of token, three deliverables that at
// boardAt are: a-breached, its final approval overdue (breached, waiting on
// the brand); b-shifted, approved two business days late so that its post
// date moved (waiting on the creator); c-at-risk, its concept due soon
// (at risk, waiting on the creator), whose creator's name is hostile markup.
func boardFixture(t *testing.T, e *env, token string) {
	t.Helper()
	for _, body := range [][]byte{
		item(t, "a-breached", eventsToDraft+"]"),
		item(t, "b-shifted", eventsToDraft+`,{"seq": 5, "at": "2027-03-12T13:00:00-05:00", "kind": "approved"}]`),
		editPlan(t, item(t, "c-at-risk", ""), func(p map[string]any) {
			p["kickoff"] = "2027-03-11T10:00:00-08:00"
			p["post_date"] = "2027-04-15"
			p["creator"].(map[string]any)["owner"].(map[string]any)["name"] = hostile
		}),
	} {
		res := e.do(http.MethodPost, "/v1/timelines", token, body)
		require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	}
}

// editPlan edits the plan of a POST /v1/timelines body.
func editPlan(t *testing.T, body []byte, edit func(map[string]any)) []byte {
	t.Helper()
	v := map[string]any{}
	require.NoError(t, json.Unmarshal(body, &v))
	edit(v["plan"].(map[string]any))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// signIn posts the sign-in form from the service's own origin and returns
// the answer.
func (e *env) signIn(token, at string) response {
	e.t.Helper()
	form := url.Values{"token": {token}}
	if at != "" {
		form.Set("at", at)
	}
	return e.doRaw(http.MethodPost, "/board/sign-in", map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://example.com", "Sec-Fetch-Site": "same-origin",
	}, form.Encode())
}

// cookieOf returns the board's cookie of a sign-in's answer.
func cookieOf(t *testing.T, res response) *http.Cookie {
	t.Helper()
	cookies := (&http.Response{Header: res.Header}).Cookies()
	require.Len(t, cookies, 1, "Set-Cookie: %v", res.Header.Values("Set-Cookie"))
	require.Equal(t, api.BoardCookie, cookies[0].Name)
	return cookies[0]
}

// boardPage gets the board page with the cookie of token.
func (e *env) boardPage(token, query string) response {
	e.t.Helper()
	return e.doRaw(http.MethodGet, "/board"+query, map[string]string{"Cookie": api.BoardCookie + "=" + token}, nil)
}

func TestBoardPageSignIn(t *testing.T) {
	e := newEnv(t)
	boardFixture(t, e, e.tokenA)

	t.Run("no token: the form", func(t *testing.T) {
		res := e.do(http.MethodGet, "/board?at="+url.QueryEscape(boardAt), "", nil)
		require.Equal(t, http.StatusOK, res.Status)
		checkPageHeaders(t, res)
		doc := parseHTML(t, res.Body)
		form := find(doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "action") == "/board/sign-in" })
		require.NotNil(t, form, "%s", res.Body)
		assert.Equal(t, "post", attr(form, "method"))
		input := find(form, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "token" })
		require.NotNil(t, input)
		assert.Equal(t, "password", attr(input, "type"))
		at := find(form, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "at" })
		require.NotNil(t, at, "the board's ?at= is kept through the sign-in")
		assert.Equal(t, boardAt, attr(at, "value"))
		assert.Empty(t, res.Header.Values("Set-Cookie"))
		assert.NotContains(t, string(res.Body), "Glow Labs")
	})

	t.Run("the right token: a cookie, then the board", func(t *testing.T) {
		res := e.signIn(e.tokenA, boardAt)
		require.Equal(t, http.StatusSeeOther, res.Status, "%s", res.Body)
		assert.Equal(t, "/board?at="+url.QueryEscape(boardAt), res.Header.Get("Location"))
		c := cookieOf(t, res)
		assert.Equal(t, e.tokenA, c.Value, "the cookie is the token, which the database holds only as a hash")
		assert.True(t, c.HttpOnly)
		assert.Equal(t, http.SameSiteStrictMode, c.SameSite)
		assert.Equal(t, "/board", c.Path)
		assert.False(t, c.Secure, "not over TLS")
		assert.NotContains(t, res.Header.Get("Location"), e.tokenA, "no token in a URL")

		page := e.boardPage(c.Value, "?at="+url.QueryEscape(boardAt))
		require.Equal(t, http.StatusOK, page.Status, "%s", page.Body)
		checkPageHeaders(t, page)
		assert.Contains(t, text(parseHTML(t, page.Body)), "Glow Labs")
	})

	t.Run("over TLS the cookie is Secure", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "https://example.com/board/sign-in", strings.NewReader(url.Values{"token": {e.tokenA}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://example.com")
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		require.Equal(t, http.StatusSeeOther, w.Code, "%s", w.Body)
		c := cookieOf(t, response{Header: w.Header()})
		assert.True(t, c.Secure)
		assert.Equal(t, "/board", w.Header().Get("Location"))
	})

	t.Run("a bearer token works without the cookie", func(t *testing.T) {
		res := e.do(http.MethodGet, "/board?at="+url.QueryEscape(boardAt), e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status)
		assert.NotNil(t, byID(parseHTML(t, res.Body), "breached"))
	})

	for _, c := range []struct {
		name, token, message string
	}{
		{"wrong token", "cop_notatoken", "That token opens no workspace."},
		{"a byte changed", e.tokenA[:len(e.tokenA)-1] + "x", "That token opens no workspace."},
		{"empty token", "", "Enter your workspace's token."},
		{"blank token", "   ", "Enter your workspace's token."},
	} {
		t.Run(c.name+": the form again, 401", func(t *testing.T) {
			res := e.signIn(c.token, boardAt)
			require.Equal(t, http.StatusUnauthorized, res.Status)
			checkPageHeaders(t, res)
			assert.Empty(t, res.Header.Values("Set-Cookie"))
			doc := parseHTML(t, res.Body)
			alert := find(doc, func(n *html.Node) bool { return attr(n, "role") == "alert" })
			require.NotNil(t, alert, "%s", res.Body)
			assert.Equal(t, c.message, text(alert))
			assert.NotNil(t, find(doc, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "token" }))
		})
	}

	t.Run("a cookie no workspace holds: the form, 401, and the cookie removed", func(t *testing.T) {
		res := e.boardPage("cop_notatoken", "")
		require.Equal(t, http.StatusUnauthorized, res.Status)
		c := cookieOf(t, res)
		assert.Empty(t, c.Value)
		assert.Less(t, c.MaxAge, 0)
		assert.Nil(t, byID(parseHTML(t, res.Body), "breached"))
	})

	t.Run("a wrong bearer token: the form, 401", func(t *testing.T) {
		res := e.do(http.MethodGet, "/board", "cop_notatoken", nil)
		require.Equal(t, http.StatusUnauthorized, res.Status)
		assert.Contains(t, res.Header.Get("WWW-Authenticate"), "Bearer")
	})

	for _, c := range []struct {
		name    string
		headers map[string]string
	}{
		{"another origin", map[string]string{"Origin": "https://evil.example"}},
		{"another scheme", map[string]string{"Origin": "https://example.com"}},
		{"a cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"a same-site fetch", map[string]string{"Sec-Fetch-Site": "same-site"}},
		{"an opaque origin", map[string]string{"Origin": "null"}},
	} {
		t.Run(c.name+": 403", func(t *testing.T) {
			h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
			for k, v := range c.headers {
				h[k] = v
			}
			res := e.doRaw(http.MethodPost, "/board/sign-in", h, url.Values{"token": {e.tokenA}}.Encode())
			require.Equal(t, http.StatusForbidden, res.Status)
			assert.Empty(t, res.Header.Values("Set-Cookie"))
		})
	}

	t.Run("no Origin and no Sec-Fetch-Site (curl): signed in", func(t *testing.T) {
		res := e.doRaw(http.MethodPost, "/board/sign-in", map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			url.Values{"token": {e.tokenA}}.Encode())
		require.Equal(t, http.StatusSeeOther, res.Status)
		assert.Equal(t, e.tokenA, cookieOf(t, res).Value)
	})

	t.Run("a form over the size limit: 413 problem", func(t *testing.T) {
		res := e.doRaw(http.MethodPost, "/board/sign-in", map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			"token="+strings.Repeat("x", api.DefaultMaxBodyBytes+1))
		require.Equal(t, http.StatusRequestEntityTooLarge, res.Status)
		res.problem(t)
	})

	t.Run("sign-out removes the cookie", func(t *testing.T) {
		res := e.doRaw(http.MethodPost, "/board/sign-out", map[string]string{"Origin": "http://example.com"}, nil)
		require.Equal(t, http.StatusSeeOther, res.Status)
		assert.Equal(t, "/board", res.Header.Get("Location"))
		c := cookieOf(t, res)
		assert.Empty(t, c.Value)
		assert.Less(t, c.MaxAge, 0)
	})

	t.Run("a malformed at: 422 problem", func(t *testing.T) {
		res := e.boardPage(e.tokenA, "?at=yesterday")
		require.Equal(t, http.StatusUnprocessableEntity, res.Status)
		assert.Equal(t, "query.at", res.problem(t).Errors[0].Location)
	})
}

func TestBoardPageGroups(t *testing.T) {
	e := newEnv(t)
	boardFixture(t, e, e.tokenA)
	res := e.boardPage(e.tokenA, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	doc := parseHTML(t, res.Body)

	// The groups are the JSON board's.
	jsonBoard := e.do(http.MethodGet, "/v1/board?at="+url.QueryEscape(boardAt), e.tokenA, nil).json(t)
	for id, key := range map[string]string{
		"breached": "breached", "at-risk": "at_risk", "waiting-on-brand": "waiting_on_brand", "waiting-on-creator": "waiting_on_creator",
	} {
		var want []string
		for _, c := range jsonBoard[key].([]any) {
			want = append(want, c.(map[string]any)["plan"].(string))
		}
		section := byID(doc, id)
		require.NotNil(t, section, id)
		var have []string
		for _, h := range findAll(section, func(n *html.Node) bool { return n.Data == "h3" }) {
			have = append(have, text(h))
		}
		assert.Equal(t, want, have, "group %s", id)
		assert.NotEmpty(t, have, "group %s", id)
	}
	assert.Equal(t, []string{"a-breached"}, headings(byID(doc, "breached")))
	assert.Equal(t, []string{"c-at-risk"}, headings(byID(doc, "at-risk")))
	assert.Equal(t, []string{"a-breached"}, headings(byID(doc, "waiting-on-brand")))
	assert.Equal(t, []string{"b-shifted", "c-at-risk"}, headings(byID(doc, "waiting-on-creator")))

	// Each deliverable is drawn once, in the first group it stands in (twice:
	// for a desktop, and for a phone).
	assert.Len(t, wideDrawings(doc), 3)
	assert.Len(t, findAll(doc, func(n *html.Node) bool { return hasClass(n, "compact") }), 3)
	brandCard := cardOf(t, byID(doc, "waiting-on-brand"), "a-breached")
	assert.Nil(t, find(brandCard, func(n *html.Node) bool { return n.Data == "svg" }), "drawn under Breached already")
	assert.Contains(t, text(brandCard), "Its timeline is under Breached")

	// The shifted post date, with its reason in words (not only in the drawing).
	shifted := cardOf(t, byID(doc, "waiting-on-creator"), "b-shifted")
	shift := find(shifted, func(n *html.Node) bool { return hasClass(n, "shift") })
	require.NotNil(t, shift)
	assert.Equal(t, shiftReason, text(shift))
	assert.Contains(t, text(shifted), "Wed 17 Mar 12:00 PDT")
	drawing := find(shifted, func(n *html.Node) bool { return n.Data == "svg" })
	require.NotNil(t, drawing)
	assert.Contains(t, text(drawing), "moved to Wed 17 Mar", "the drawing marks the move")
	assert.NotNil(t, find(drawing, func(n *html.Node) bool { return hasClass(n, "postshift") }), "the move is drawn")
	assert.NotNil(t, find(drawing, func(n *html.Node) bool { return hasClass(n, "pl") }), "the planned dates are drawn")
	assert.NotNil(t, find(drawing, func(n *html.Node) bool { return hasClass(n, "now") }), "the board's instant is drawn")
	table := find(shifted, func(n *html.Node) bool { return n.Data == "table" })
	require.NotNil(t, table)
	assert.Contains(t, text(table), "Mon 15 Mar 12:00 PDT", "the planned post date")

	// The breached step, in words, and drawn overdue up to now.
	breached := cardOf(t, byID(doc, "breached"), "a-breached")
	assert.NotNil(t, find(breached, func(n *html.Node) bool { return hasClass(n, "overdue") }), "the overdue stretch is drawn")
	assert.Nil(t, find(shifted, func(n *html.Node) bool { return n.Data == "line" && hasClass(n, "overdue") }), "nothing of b-shifted is overdue")
	assert.Contains(t, text(cardOf(t, byID(doc, "breached"), "a-breached")), "review (brand) breached, due Wed 10 Mar 13:00 EST")

	// The operational metrics.
	metrics := text(byID(doc, "metrics"))
	for _, m := range []string{"Approval time", "Revisions per deliverable", "On-time posting"} {
		assert.Contains(t, metrics, m)
	}
	n := get(t, jsonBoard, "ops", "approval_times", "n")
	assert.Contains(t, metrics, fmt.Sprintf("over %v reviews", n), "the JSON board's count")
}

func TestBoardPageEscapes(t *testing.T) {
	e := newEnv(t)
	boardFixture(t, e, e.tokenA)
	res := e.boardPage(e.tokenA, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, res.Status)
	doc := parseHTML(t, res.Body)
	assert.Nil(t, find(doc, func(n *html.Node) bool { return n.Data == "script" }), "no script element")
	assert.Nil(t, find(byID(doc, "at-risk"), func(n *html.Node) bool { return n.Data == "b" }), "no markup from a name")
	assert.Contains(t, text(cardOf(t, byID(doc, "at-risk"), "c-at-risk")), hostile, "the name is text")
	assert.Contains(t, string(res.Body), "&lt;script&gt;")
	assert.NotContains(t, string(res.Body), "<script")
}

func TestBoardPageIsolation(t *testing.T) {
	e := newEnv(t)
	boardFixture(t, e, e.tokenA)
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenB, editPlan(t, item(t, "b-only", eventsToDraft+"]"), func(p map[string]any) {
		p["brand"].(map[string]any)["owner"].(map[string]any)["name"] = "Secret Brand B"
	}))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)

	a := e.boardPage(cookieOf(t, e.signIn(e.tokenA, "")).Value, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, a.Status)
	b := e.boardPage(cookieOf(t, e.signIn(e.tokenB, "")).Value, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, b.Status)

	assert.NotContains(t, string(a.Body), "b-only")
	assert.NotContains(t, string(a.Body), "Secret Brand B")
	assert.NotContains(t, string(a.Body), "Other Brand")
	assert.Len(t, wideDrawings(parseHTML(t, a.Body)), 3)
	for _, id := range []string{"a-breached", "b-shifted", "Glow Labs", "alert"} {
		assert.NotContains(t, string(b.Body), id)
	}
	assert.Equal(t, []string{"b-only"}, headings(byID(parseHTML(t, b.Body), "breached")))
}

// checkPageHeaders checks the headers of every HTML page: a policy that loads
// nothing and runs nothing, and the style's nonce in the page.
func checkPageHeaders(t *testing.T, res response) {
	t.Helper()
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
	csp := res.Header.Get("Content-Security-Policy")
	require.True(t, strings.HasPrefix(csp, "default-src 'none'; style-src 'nonce-"), csp)
	assert.Contains(t, csp, "img-src data:")
	assert.Contains(t, csp, "form-action 'self'")
	assert.NotContains(t, csp, "script-src")
	nonce := strings.TrimSuffix(strings.TrimPrefix(strings.Split(csp, "; ")[1], "style-src 'nonce-"), "'")
	require.Len(t, nonce, 24)
	doc := parseHTML(t, res.Body)
	styles := findAll(doc, func(n *html.Node) bool { return n.Data == "style" })
	require.Len(t, styles, 1)
	assert.Equal(t, nonce, attr(styles[0], "nonce"))
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		assert.Empty(t, attr(n, "style"), "no style attribute: the policy would block it")
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(a.Key, "on"), "no event handler")
			if a.Key == "href" || a.Key == "src" || a.Key == "action" {
				assert.False(t, strings.Contains(a.Val, "//"), "nothing from another origin: %s=%s", a.Key, a.Val)
			}
		}
	}
}

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	require.NoError(t, err)
	return doc
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			return d
		}
	}
	return nil
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func byID(n *html.Node, id string) *html.Node {
	return find(n, func(n *html.Node) bool { return attr(n, "id") == id })
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return strings.Contains(" "+attr(n, "class")+" ", " "+c+" ")
}

// text is a node's text, its spaces collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// headings are the deliverables of a group: its cards' headings.
func headings(section *html.Node) []string {
	var out []string
	for _, h := range findAll(section, func(n *html.Node) bool { return n.Data == "h3" }) {
		out = append(out, text(h))
	}
	return out
}

// cardOf returns the card of deliverable id in a group.
func cardOf(t *testing.T, section *html.Node, id string) *html.Node {
	t.Helper()
	require.NotNil(t, section)
	c := find(section, func(n *html.Node) bool {
		return n.Data == "article" && find(n, func(h *html.Node) bool { return h.Data == "h3" && text(h) == id }) != nil
	})
	require.NotNil(t, c, "no card %s", id)
	return c
}

// TestBoardPageMaxDrawn: a page draws the timelines of
// boardpage.MaxDrawn deliverables, and says how many more it does not.
func TestBoardPageMaxDrawn(t *testing.T) {
	e := newEnv(t)
	n := boardpage.MaxDrawn + 2
	for i := range n {
		res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, fmt.Sprintf("d-%03d", i), eventsToDraft+"]"))
		require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	}
	res := e.boardPage(e.tokenA, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, res.Status)
	doc := parseHTML(t, res.Body)
	assert.Len(t, headings(byID(doc, "breached")), n, "every deliverable is listed")
	assert.Len(t, wideDrawings(doc), boardpage.MaxDrawn)
	note := byID(doc, "not-drawn")
	require.NotNil(t, note)
	assert.True(t, strings.HasPrefix(text(note), "2 more not drawn"), text(note))
}

// TestBoardPageTruncated: a workspace over Config.MaxBoard timelines has its
// first ones on the page, which says so.
func TestBoardPageTruncated(t *testing.T) {
	e := newEnv(t, func(c *api.Config) { c.MaxBoard = 2 })
	boardFixture(t, e, e.tokenA)
	res := e.boardPage(e.tokenA, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, res.Status)
	doc := parseHTML(t, res.Body)
	meta := find(doc, func(n *html.Node) bool { return hasClass(n, "meta") })
	require.NotNil(t, meta)
	assert.Contains(t, text(meta), "2 deliverables (the first ones by id: the workspace has more)")
	for _, h := range findAll(doc, func(n *html.Node) bool { return n.Data == "h3" }) {
		assert.NotEqual(t, "c-at-risk", text(h), "the third timeline by id is not on the board")
	}
}

// TestBoardPageProblems: events left out as impossible are named on the card
// and among the problems, as the JSON board names them.
func TestBoardPageProblems(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA,
		item(t, "p-1", eventsToDraft+`,{"seq": 5, "at": "2027-02-01T00:00:00Z", "kind": "posted", "url": "https://x.example/p"}]`))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	jsonBoard := e.do(http.MethodGet, "/v1/board?at="+url.QueryEscape(boardAt), e.tokenA, nil).json(t)
	want := get(t, jsonBoard, "problems", 0, "problem").(string)
	assert.Contains(t, want, "the draft has no final approval")

	res = e.boardPage(e.tokenA, "?at="+url.QueryEscape(boardAt))
	require.Equal(t, http.StatusOK, res.Status)
	doc := parseHTML(t, res.Body)
	problems := byID(doc, "problems")
	require.NotNil(t, problems)
	assert.Contains(t, text(problems), "p-1 : "+want)
	card := cardOf(t, byID(doc, "breached"), "p-1")
	assert.Contains(t, text(find(card, func(n *html.Node) bool { return hasClass(n, "problem") })), want)
}

// wideDrawings are the desktop drawings of a page (each has a phone one too).
func wideDrawings(doc *html.Node) []*html.Node {
	var out []*html.Node
	for _, d := range findAll(doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "tl") && hasClass(n, "wide") }) {
		if svg := find(d, func(n *html.Node) bool { return n.Data == "svg" && attr(n, "role") == "img" }); svg != nil {
			out = append(out, svg)
		}
	}
	return out
}
