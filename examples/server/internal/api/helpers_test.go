package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
)

// testNow is the service's clock in the tests: Thu 2027-03-11 09:30 EST.
var testNow = time.Date(2027, 3, 11, 14, 30, 0, 0, time.UTC)

// env is a service over a fresh database, with two workspaces.
type env struct {
	t      *testing.T
	srv    *api.Server
	store  store.Store
	tokenA string // workspace A, "Glow Labs"
	tokenB string // workspace B, "Other Brand"

	mu      sync.Mutex
	changes []api.Change
}

func newEnv(t *testing.T, configure ...func(*api.Config)) *env {
	t.Helper()
	ctx := context.Background()
	st := openStore(t)
	e := &env{t: t, store: st}
	var hash [32]byte
	e.tokenA, hash = store.NewToken()
	_, err := st.CreateWorkspace(ctx, "Glow Labs", hash)
	require.NoError(t, err)
	e.tokenB, hash = store.NewToken()
	_, err = st.CreateWorkspace(ctx, "Other Brand", hash)
	require.NoError(t, err)
	cfg := api.Config{
		Store:  st,
		Logger: slog.New(slog.DiscardHandler),
		Now:    func() time.Time { return testNow },
		Hooks: []api.Hook{func(_ context.Context, c api.Change) {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.changes = append(e.changes, c)
		}},
	}
	for _, f := range configure {
		f(&cfg)
	}
	e.srv = api.New(cfg)
	return e
}

// openStore opens a store on a fresh database: SQLite in a temporary
// directory, or, under TestPostgres (postgres_test.go), a PostgreSQL database
// of the test's own.
func openStore(t *testing.T) store.Store {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return testNow }
	var st store.Store
	var err error
	if onPostgres(t) {
		st, err = store.OpenPostgres(ctx, pgtest.URL(t), store.PostgresOptions{Now: clock})
	} else {
		st, err = store.OpenSQLite(ctx, t.TempDir(), store.SQLiteOptions{Now: clock})
	}
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, st.Close()) })
	return st
}

// onPostgres reports whether a test runs under TestPostgres.
func onPostgres(t *testing.T) bool { return strings.HasPrefix(t.Name(), postgresTest+"/") }

// response is an answer of the service.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// json decodes the body into a generic value.
func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &v), "body %s", r.Body)
	return v
}

// problem decodes a problem+json body, checking its content type and that
// its status is the response's.
func (r response) problem(t *testing.T) api.Problem {
	t.Helper()
	assert.Equal(t, "application/problem+json", r.Header.Get("Content-Type"))
	var p api.Problem
	require.NoError(t, json.Unmarshal(r.Body, &p), "body %s", r.Body)
	assert.Equal(t, r.Status, p.Status)
	assert.Equal(t, http.StatusText(r.Status), p.Title)
	return p
}

// do sends a request: body is raw JSON (string or []byte) or a value to
// marshal. Every exchange is checked against the OpenAPI document: a request
// the service accepts must match its documented schema, and every response
// must be documented for its operation and status, and match its schema.
func (e *env) do(method, path, token string, body any) response {
	e.t.Helper()
	h := map[string]string{}
	if token != "" {
		h["Authorization"] = "Bearer " + token
	}
	return e.doRaw(method, path, h, body)
}

// doRaw is do with the request's headers.
func (e *env) doRaw(method, path string, headers map[string]string, body any) response {
	e.t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	case []byte:
		raw = b
	default:
		var err error
		raw, err = json.Marshal(b)
		require.NoError(e.t, err)
	}
	var rd *bytes.Reader
	if raw != nil {
		rd = bytes.NewReader(raw)
	} else {
		rd = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(method, path, rd)
	if raw != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, req)
	res := response{Status: w.Code, Header: w.Header(), Body: w.Body.Bytes()}
	e.checkDoc(method, req.URL.EscapedPath(), req.Header.Get("Content-Type"), raw, res)
	return res
}

// checkDoc holds an exchange to the OpenAPI document.
func (e *env) checkDoc(method, path, reqType string, reqBody []byte, res response) {
	t := e.t
	t.Helper()
	doc := e.srv.OpenAPI()
	op := findOperation(doc, method, path)
	if op == nil {
		return // no such route: the 404 and 405 tests check those
	}
	reg := doc.Components.Schemas
	if res.Status < 300 && len(reqBody) > 0 {
		require.NotNil(t, op.RequestBody, "%s %s: a body the service accepts, and no documented body", method, path)
		mt := op.RequestBody.Content[reqType]
		require.NotNil(t, mt, "%s %s: no %s body documented", method, path, reqType)
		if reqType == "application/json" { // a form (the board's sign-in) is not JSON
			validate(t, reg, mt.Schema, huma.ModeWriteToServer, reqBody, method+" "+path+" request")
		}
	}
	r := op.Responses[strconv.Itoa(res.Status)]
	require.NotNil(t, r, "%s %s answered %d, which its operation does not document (%s)", method, path, res.Status, res.Body)
	ct := res.Header.Get("Content-Type")
	if ct == "" && len(res.Body) == 0 { // a redirect
		assert.Empty(t, r.Content, "%s %s %d: no content, and content documented", method, path, res.Status)
		return
	}
	mt := r.Content[ct]
	require.NotNil(t, mt, "%s %s %d: content type %q not documented", method, path, res.Status, ct)
	if mt.Schema != nil && strings.Contains(ct, "json") { // a sheet (text/html) is not JSON
		validate(t, reg, mt.Schema, huma.ModeReadFromServer, res.Body, method+" "+path+" "+strconv.Itoa(res.Status))
	}
}

func validate(t *testing.T, reg huma.Registry, s *huma.Schema, mode huma.ValidateMode, body []byte, what string) {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(body, &v), "%s: %s", what, body)
	var res huma.ValidateResult
	huma.Validate(reg, s, huma.NewPathBuffer([]byte{}, 0), mode, v, &res)
	require.Empty(t, res.Errors, "%s does not match the OpenAPI document: %s", what, body)
}

var param = regexp.MustCompile(`\{[^}]+\}`)

// findOperation returns the documented operation of a concrete path.
func findOperation(doc *huma.OpenAPI, method, path string) *huma.Operation {
	for tmpl, item := range doc.Paths {
		// The paths hold letters, digits, '/', '-' and {params}.
		re := "^" + param.ReplaceAllString(tmpl, `[^/]+`) + "$"
		if !regexp.MustCompile(re).MatchString(path) {
			continue
		}
		f := reflect.ValueOf(item).Elem().FieldByName(strings.ToUpper(method[:1]) + strings.ToLower(method[1:]))
		if op, ok := f.Interface().(*huma.Operation); ok && op != nil {
			return op
		}
	}
	return nil
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// item returns a body for POST /v1/timelines: the sample plan, its id
// changed to id, and events (raw JSON, or "").
func item(t *testing.T, id, events string) []byte {
	t.Helper()
	var plan map[string]any
	require.NoError(t, json.Unmarshal(readFile(t, "plan.json"), &plan))
	plan["id"] = id
	body := map[string]any{"plan": plan}
	if events != "" {
		body["events"] = json.RawMessage(events)
	}
	b, err := json.Marshal(body)
	require.NoError(t, err)
	return b
}

// get walks a decoded JSON value: get(v, "state", "post", "current").
func get(t *testing.T, v any, keys ...any) any {
	t.Helper()
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			require.True(t, ok, "want an object at %q, have %T", k, v)
			v, ok = m[k]
			require.True(t, ok, "no key %q in %v", k, m)
		case int:
			a, ok := v.([]any)
			require.True(t, ok, "want an array at %d, have %T", k, v)
			require.Less(t, k, len(a))
			v = a[k]
		}
	}
	return v
}
