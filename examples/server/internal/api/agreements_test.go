package api_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/examples/server/internal/api"
)

// goodID is the id of testdata/agreement_good.json (examples/sheet/good.json),
// with a '/' in it; goodPath is its URL.
const (
	goodID   = "glowco-dew-2027/maya-reyes"
	goodPath = "/v1/agreements/glowco-dew-2027%2Fmaya-reyes"
)

// agreement returns the body of an agreement file of testdata, its id set to
// id, or left out when id is "".
func agreement(t *testing.T, file, id string, edit ...func(map[string]any)) []byte {
	t.Helper()
	var a map[string]any
	require.NoError(t, json.Unmarshal(readFile(t, file), &a))
	delete(a, "id")
	if id != "" {
		a["id"] = id
	}
	for _, f := range edit {
		f(a)
	}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	return b
}

// decoded is what the library reads from an agreement body.
func decoded(t *testing.T, body []byte) contract.Agreement {
	t.Helper()
	a, err := contract.DecodeAgreement(body)
	require.NoError(t, err)
	return a
}

func hashOf(t *testing.T, a contract.Agreement) string {
	t.Helper()
	h, err := a.Hash()
	require.NoError(t, err)
	return h
}

// storeAgreement stores an agreement in the workspace of token and returns the answer.
func (e *env) storeAgreement(token string, body []byte) api.AgreementView {
	e.t.Helper()
	res := e.do(http.MethodPost, "/v1/agreements", token, body)
	require.Equal(e.t, http.StatusCreated, res.Status, "%s", res.Body)
	var v api.AgreementView
	require.NoError(e.t, json.Unmarshal(res.Body, &v))
	return v
}

// TestAgreementCreate stores examples/sheet/good.json as it is, reads it
// back, and stores it again: the same content is a retry however its JSON is
// written, other content under its id is a conflict.
func TestAgreementCreate(t *testing.T) {
	e := newEnv(t)
	file := readFile(t, "agreement_good.json")
	lib := decoded(t, file)
	require.Equal(t, goodID, lib.ID)
	canonical, err := lib.Canonical()
	require.NoError(t, err)

	res := e.do(http.MethodPost, "/v1/agreements", e.tokenA, file)
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	assert.Equal(t, goodPath, res.Header.Get("Location"), "a '/' of the id is escaped in the URL")
	var created api.AgreementView
	require.NoError(t, json.Unmarshal(res.Body, &created))
	assert.Equal(t, goodID, created.ID)
	assert.Equal(t, hashOf(t, lib), created.Hash, "the library's content hash")
	assert.Equal(t, contract.ShortHash(created.Hash), created.ShortHash)
	assert.Equal(t, "GlowCo Dew Serum launch", created.Campaign)
	assert.Equal(t, "GlowCo", created.Brand)
	assert.Equal(t, "Maya Reyes", created.Creator)
	assert.Equal(t, 2, created.Deliverables)
	assert.True(t, created.Created.Equal(testNow))
	stored := get(t, res.json(t), "agreement")
	back, err := json.Marshal(stored)
	require.NoError(t, err)
	assert.JSONEq(t, string(canonical), string(back), "the stored agreement is its canonical JSON")
	assert.True(t, decoded(t, back).Equal(lib), "and reads back equal")
	assert.Equal(t, "48 hours", get(t, stored, "policy", "review"), "every policy term is spelled out")
	assert.Equal(t, "none", get(t, stored, "rush"), `"none" stays "none"`)
	var raw struct{ Agreement json.RawMessage }
	require.NoError(t, json.Unmarshal(res.Body, &raw))
	assert.Equal(t, string(canonical), string(raw.Agreement), "byte for byte")
	sum := sha256.Sum256(raw.Agreement)
	assert.Equal(t, contract.HashPrefix+hex.EncodeToString(sum[:]), created.Hash, "a client can check the hash of what it reads")

	t.Run("read back", func(t *testing.T) {
		res := e.do(http.MethodGet, goodPath, e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var v api.AgreementView
		require.NoError(t, json.Unmarshal(res.Body, &v))
		assert.Equal(t, created.AgreementSummary.Hash, v.Hash)
		assert.JSONEq(t, string(canonical), string(mustMarshal(t, get(t, res.json(t), "agreement"))))
		res = e.do(http.MethodGet, "/v1/agreements/glowco-dew-2027/maya-reyes", e.tokenA, nil)
		assert.Equal(t, http.StatusNotFound, res.Status, "an unescaped '/' is another path")
	})
	t.Run("the same agreement again", func(t *testing.T) {
		for name, body := range map[string][]byte{"the file": file, "its canonical form": canonical} {
			res := e.do(http.MethodPost, "/v1/agreements", e.tokenA, body)
			require.Equal(t, http.StatusOK, res.Status, "%s: %s", name, res.Body)
			var again api.AgreementView
			require.NoError(t, json.Unmarshal(res.Body, &again))
			assert.Equal(t, created.Hash, again.Hash, name)
			assert.True(t, created.Created.Equal(again.Created), name)
		}
	})
	t.Run("other content under the id", func(t *testing.T) {
		body := agreement(t, "agreement_good.json", goodID, func(a map[string]any) { a["quiet_hours"] = "No approvals on Sundays." })
		res := e.do(http.MethodPost, "/v1/agreements", e.tokenA, body)
		require.Equal(t, http.StatusConflict, res.Status, "%s", res.Body)
		p := res.problem(t)
		assert.Equal(t, api.CodeConflict, p.Code)
		require.Len(t, p.Errors, 1)
		assert.Equal(t, "body.id", p.Errors[0].Location)
		assert.Equal(t, "id", p.Errors[0].Path)
		res = e.do(http.MethodGet, goodPath, e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status)
		assert.Equal(t, created.Hash, get(t, res.json(t), "hash"), "the stored agreement did not change")
	})
	t.Run("a new version under a new id", func(t *testing.T) {
		body := agreement(t, "agreement_good.json", goodID+"/v2", func(a map[string]any) { a["quiet_hours"] = "No approvals on Sundays." })
		v2 := e.storeAgreement(e.tokenA, body)
		assert.NotEqual(t, created.Hash, v2.Hash)
		assert.Equal(t, hashOf(t, decoded(t, body)), v2.Hash)
	})
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// TestAgreementProblems: every problem of an agreement at once, at its path
// in the body, with the library's codes and the service's rules for ids.
func TestAgreementProblems(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		name   string
		path   string
		body   any
		status int
		want   []api.ProblemError
	}{
		{"no id", "/v1/agreements", agreement(t, "agreement_good.json", ""), 422,
			[]api.ProblemError{{Location: "body.id", Path: "id", Code: "required"}}},
		{"an id unfit for a URL", "/v1/agreements", agreement(t, "agreement_good.json", "a//b"), 422,
			[]api.ProblemError{{Location: "body.id", Path: "id", Code: "malformed"}}},
		{"an id too long", "/v1/agreements", agreement(t, "agreement_good.json", strings.Repeat("a", 129)), 422,
			[]api.ProblemError{{Location: "body.id", Path: "id", Code: "malformed"}}},
		{"everything at once", "/v1/agreements", agreement(t, "agreement_good.json", "", func(a map[string]any) {
			a["Quiet_hours"] = "x"
			a["deliverables"].([]any)[1].(map[string]any)["count"] = 1001
			a["commercial"].(map[string]any)["rate_card"].(map[string]any)["extra_revision"] = 300
		}), 422, []api.ProblemError{
			{Location: "body.Quiet_hours", Path: "Quiet_hours", Code: "unknown_field"},
			{Location: "body.commercial.rate_card.extra_revision", Path: "commercial.rate_card.extra_revision", Code: "malformed"},
			{Location: "body.deliverables[1].count", Path: "deliverables[1].count", Code: "out_of_range"},
			{Location: "body.id", Path: "id", Code: "required"},
		}},
		{"a count of zero is no count", "/v1/agreements", agreement(t, "agreement_good.json", "x", func(a map[string]any) {
			a["deliverables"].([]any)[1].(map[string]any)["count"] = 0
		}), 422, []api.ProblemError{{Location: "body.deliverables[1].count", Path: "deliverables[1].count", Code: "required"}}},
		{"a key twice", "/v1/agreements/check", `{"campaign":{"name":"a"},"campaign":{"name":"b"},"brand":{"name":"b"},"creator":{"name":"c"},` +
			`"deliverables":[{"id":"v","platform":"tiktok","format":"short_video","count":1}]}`, 422,
			[]api.ProblemError{{Location: "body.campaign", Path: "campaign", Code: "duplicate_key"}}},
		{"check: the same rules, but no id needed", "/v1/agreements/check", agreement(t, "agreement_vague.json", "", func(a map[string]any) {
			a["rush"] = "yes"
		}), 422, []api.ProblemError{{Location: "body.rush", Path: "rush", Code: "malformed"}}},
		{"not JSON", "/v1/agreements", `{"id":`, 400, []api.ProblemError{{Location: "body", Code: "malformed"}}},
		{"not JSON, check", "/v1/agreements/check", `nope`, 400, []api.ProblemError{{Location: "body", Code: "malformed"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.do(http.MethodPost, c.path, e.tokenA, c.body)
			require.Equal(t, c.status, res.Status, "%s", res.Body)
			p := res.problem(t)
			if c.status == 422 {
				assert.Equal(t, api.CodeInvalid, p.Code)
			} else {
				assert.Equal(t, api.CodeMalformed, p.Code)
			}
			got := make([]api.ProblemError, len(p.Errors))
			for i, pe := range p.Errors {
				assert.NotEmpty(t, pe.Message)
				got[i] = api.ProblemError{Location: pe.Location, Path: pe.Path, Code: pe.Code}
			}
			sortProblems(got)
			sortProblems(c.want)
			assert.Equal(t, c.want, got, "%s", res.Body)
		})
	}
	res := e.do(http.MethodGet, "/v1/agreements", e.tokenA, nil)
	require.Equal(t, http.StatusOK, res.Status)
	assert.Empty(t, get(t, res.json(t), "agreements"), "nothing was stored")

	// An id that no agreement can have is refused in the path as in the body.
	for _, path := range []string{"/v1/agreements/a%2F%2Fb", "/v1/agreements/%2Fa/check", "/v1/agreements/" + strings.Repeat("a", 129) + "/sheet.md"} {
		res := e.do(http.MethodGet, path, e.tokenA, nil)
		require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s: %s", path, res.Body)
		assert.Equal(t, "path.id", res.problem(t).Errors[0].Location, path)
	}
}

// TestAgreementCheck: the checklist of a stored agreement and of one sent to
// be checked are the library's Check, finding for finding.
func TestAgreementCheck(t *testing.T) {
	e := newEnv(t)
	vagueBody := agreement(t, "agreement_vague.json", "vague-1")
	vague := decoded(t, vagueBody)
	want := contract.Check(vague)
	require.True(t, want.Has(contract.CodeNoPostDate), "the sample is vague: %v", want)
	// The vague agreement is well formed: it is stored, blockers and all.
	e.storeAgreement(e.tokenA, vagueBody)

	check := func(res response) api.CheckResult {
		t.Helper()
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var c api.CheckResult
		require.NoError(t, json.Unmarshal(res.Body, &c))
		return c
	}
	stored := check(e.do(http.MethodGet, "/v1/agreements/vague-1/check", e.tokenA, nil))
	sent := check(e.do(http.MethodPost, "/v1/agreements/check", e.tokenA, agreement(t, "agreement_vague.json", "")))

	for name, c := range map[string]api.CheckResult{"stored": stored, "sent": sent} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, want, c.Findings, "the library's findings: codes, severities, paths and messages, in its order")
			assert.True(t, c.Blocker)
			assert.False(t, c.Ready)
			var blockers []string
			for _, f := range want {
				if f.Severity == contract.Blocker {
					blockers = append(blockers, f.Code)
				}
			}
			var got []string
			for _, f := range c.Findings {
				if f.Severity == contract.Blocker {
					got = append(got, f.Code)
				}
			}
			assert.Equal(t, blockers, got)
			assert.Subset(t, got, []string{contract.CodeNoPostDate, contract.CodeNoMetricSource, contract.CodeAddOnUnpriced,
				contract.CodeRushUnpriced, contract.CodeNoEscalation, contract.CodeNoPaymentTrigger})
			assert.Equal(t, len(blockers), c.Blockers)
			assert.Equal(t, len(want), c.Blockers+c.Warnings+c.Notes)
		})
	}
	assert.Equal(t, "vague-1", stored.ID)
	assert.Empty(t, sent.ID)
	vagueWithoutID := decoded(t, agreement(t, "agreement_vague.json", ""))
	assert.Equal(t, hashOf(t, vague), stored.Hash)
	assert.Equal(t, hashOf(t, vagueWithoutID), sent.Hash, "the hash of what was sent")

	// The severities are names in the JSON.
	res := e.do(http.MethodGet, "/v1/agreements/vague-1/check", e.tokenA, nil)
	assert.Equal(t, "blocker", get(t, res.json(t), "findings", 0, "severity"))
	assert.Equal(t, true, get(t, res.json(t), "blocker"))

	t.Run("ready to sign", func(t *testing.T) {
		good := decoded(t, readFile(t, "agreement_good.json"))
		c := check(e.do(http.MethodPost, "/v1/agreements/check", e.tokenA, readFile(t, "agreement_good.json")))
		lib := contract.Check(good)
		assert.Equal(t, len(lib), len(c.Findings))
		assert.Equal(t, lib.Worst() < contract.Warning, c.Ready)
		assert.True(t, c.Ready, "the sample passes the checklist: %v", c.Findings)
		assert.False(t, c.Blocker)
		assert.NotNil(t, c.Findings)
		assert.Contains(t, string(e.do(http.MethodPost, "/v1/agreements/check", e.tokenA, readFile(t, "agreement_good.json")).Body), `"findings":[`,
			"no findings is an empty list, not null")
	})
}

// TestAgreementSheet: the one-page sheet, in HTML and Markdown, is the
// library's, carries the agreement's content hash, and a sheet too long for
// one page is a 422 problem, not a page.
func TestAgreementSheet(t *testing.T) {
	e := newEnv(t)
	file := readFile(t, "agreement_good.json")
	lib := decoded(t, file)
	e.storeAgreement(e.tokenA, file)
	sheet, err := lib.Sheet()
	require.NoError(t, err)
	hash := hashOf(t, lib)

	t.Run("html", func(t *testing.T) {
		res := e.do(http.MethodGet, goodPath+"/sheet.html", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
		want, err := sheet.HTML()
		require.NoError(t, err)
		assert.Equal(t, want, string(res.Body))
		assert.Contains(t, string(res.Body), hash, "the sheet carries the agreement's content hash")
		assert.Contains(t, string(res.Body), "Maya Reyes")
		assert.Contains(t, string(res.Body), "<svg", "the timeline picture is inline")
		assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
		assert.Equal(t, "default-src 'none'; style-src 'unsafe-inline'; img-src data:", res.Header.Get("Content-Security-Policy"),
			"the page loads nothing and runs no script")
		for _, external := range []string{"<script", "<link", "src=", "url(", "@import"} {
			assert.NotContains(t, string(res.Body), external, "a self-contained page needs nothing the policy forbids")
		}
	})
	t.Run("html on A4", func(t *testing.T) {
		res := e.do(http.MethodGet, goodPath+"/sheet.html?paper=a4", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		want, err := sheet.HTMLFor(contract.PaperA4)
		require.NoError(t, err)
		assert.Equal(t, want, string(res.Body))
		auto, err := sheet.HTML()
		require.NoError(t, err)
		assert.NotEqual(t, auto, string(res.Body), "the paper is set in the print stylesheet")
		res = e.do(http.MethodGet, goodPath+"/sheet.html?paper=legal", e.tokenA, nil)
		require.Equal(t, http.StatusUnprocessableEntity, res.Status)
		assert.Equal(t, "query.paper", res.problem(t).Errors[0].Location)
	})
	t.Run("markdown", func(t *testing.T) {
		res := e.do(http.MethodGet, goodPath+"/sheet.md", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		assert.Equal(t, "text/markdown; charset=utf-8", res.Header.Get("Content-Type"))
		want, err := sheet.Markdown()
		require.NoError(t, err)
		assert.Equal(t, want, string(res.Body))
		assert.Contains(t, string(res.Body), hash)
	})
	t.Run("too long for one page", func(t *testing.T) {
		long := agreement(t, "agreement_good.json", "long-1", func(a map[string]any) {
			a["quiet_hours"] = strings.Repeat("No weekend approvals unless pre-scheduled. ", 40)
		})
		longSheet, err := decoded(t, long).Sheet()
		require.NoError(t, err)
		_, libErr := longSheet.HTML()
		require.ErrorIs(t, libErr, contract.ErrTooLong, "the library says it does not fit")
		e.storeAgreement(e.tokenA, long)
		for _, path := range []string{"/v1/agreements/long-1/sheet.html", "/v1/agreements/long-1/sheet.md"} {
			res := e.do(http.MethodGet, path, e.tokenA, nil)
			require.Equal(t, http.StatusUnprocessableEntity, res.Status, "%s: %s", path, res.Body)
			p := res.problem(t)
			assert.Equal(t, api.CodeSheetTooLong, p.Code)
			assert.Contains(t, p.Detail, "does not fit on one printed page")
			assert.Contains(t, p.Detail, "lines over", "it names the overflow")
			require.NotEmpty(t, p.Errors)
			for _, pe := range p.Errors {
				assert.Equal(t, contract.CodeSheetTooLong, pe.Code)
				assert.Contains(t, pe.Message, "lines over")
			}
			assert.NotContains(t, string(res.Body), "<html", "no page at all")
		}
	})
	t.Run("sheet of a vague agreement says what is not agreed", func(t *testing.T) {
		body := agreement(t, "agreement_vague.json", "vague-1")
		e.storeAgreement(e.tokenA, body)
		res := e.do(http.MethodGet, "/v1/agreements/vague-1/sheet.md", e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		assert.Contains(t, string(res.Body), "not agreed yet")
		assert.Contains(t, string(res.Body), hashOf(t, decoded(t, body)))
	})
}

func TestAgreementOnboarding(t *testing.T) {
	e := newEnv(t)
	file := readFile(t, "agreement_good.json")
	e.storeAgreement(e.tokenA, file)
	md, text := contract.Onboarding(decoded(t, file))
	for _, c := range []struct{ query, contentType, want string }{
		{"", "text/markdown; charset=utf-8", md},
		{"?format=md", "text/markdown; charset=utf-8", md},
		{"?format=text", "text/plain; charset=utf-8", text},
	} {
		res := e.do(http.MethodGet, goodPath+"/onboarding"+c.query, e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		assert.Equal(t, c.contentType, res.Header.Get("Content-Type"), c.query)
		assert.Equal(t, c.want, string(res.Body), c.query)
		assert.Contains(t, string(res.Body), "Dana Whitfield", "the brand's owner is a contact")
	}
	assert.NotEqual(t, md, text)
	res := e.do(http.MethodGet, goodPath+"/onboarding?format=pdf", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Equal(t, "query.format", res.problem(t).Errors[0].Location)
}

func TestAgreementList(t *testing.T) {
	e := newEnv(t)
	for _, id := range []string{"c", "a/2", "a", "b"} {
		e.storeAgreement(e.tokenA, agreement(t, "agreement_good.json", id))
	}
	var ids []string
	after := ""
	for range 10 {
		res := e.do(http.MethodGet, "/v1/agreements?limit=3&after="+url.QueryEscape(after), e.tokenA, nil)
		require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
		var page api.AgreementList
		require.NoError(t, json.Unmarshal(res.Body, &page))
		for _, a := range page.Agreements {
			ids = append(ids, a.ID)
			assert.Equal(t, "GlowCo", a.Brand)
			assert.NotEmpty(t, a.Hash)
		}
		assert.NotContains(t, string(res.Body), `"agreement":`, "a list holds summaries")
		if page.Next == "" {
			break
		}
		after = page.Next
	}
	assert.Equal(t, []string{"a", "a/2", "b", "c"}, ids)
	res := e.do(http.MethodGet, "/v1/agreements?limit=1001", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Equal(t, "query.limit", res.problem(t).Errors[0].Location)
}

// TestAgreementIsolation: another workspace's agreement is not found on
// every route, exactly like one that does not exist, is not listed, and its
// id is free for an agreement of the workspace's own.
func TestAgreementIsolation(t *testing.T) {
	e := newEnv(t)
	file := readFile(t, "agreement_good.json")
	mine := e.storeAgreement(e.tokenA, file)

	for _, suffix := range []string{"", "/check", "/sheet.html", "/sheet.html?paper=a4", "/sheet.md", "/onboarding", "/onboarding?format=text"} {
		t.Run(suffix, func(t *testing.T) {
			res := e.do(http.MethodGet, goodPath+suffix, e.tokenB, nil)
			require.Equal(t, http.StatusNotFound, res.Status, "%s", res.Body)
			assert.Equal(t, api.CodeNotFound, res.problem(t).Code)
			assert.NotContains(t, string(res.Body), mine.Hash)
			missing := e.do(http.MethodGet, "/v1/agreements/no-such-id"+suffix, e.tokenB, nil)
			assert.Equal(t, res.Status, missing.Status)
			assert.JSONEq(t, strings.ReplaceAll(string(res.Body), goodID, "no-such-id"), string(missing.Body),
				"another workspace's agreement looks like no agreement")
			res = e.do(http.MethodGet, goodPath+suffix, e.tokenA, nil)
			assert.Equal(t, http.StatusOK, res.Status, "the owner reads it")
		})
	}

	res := e.do(http.MethodGet, "/v1/agreements", e.tokenB, nil)
	require.Equal(t, http.StatusOK, res.Status)
	var list api.AgreementList
	require.NoError(t, json.Unmarshal(res.Body, &list))
	assert.Empty(t, list.Agreements)

	t.Run("other content under the id in another workspace", func(t *testing.T) {
		other := agreement(t, "agreement_good.json", goodID, func(a map[string]any) { a["quiet_hours"] = "B's own words." })
		res := e.do(http.MethodPost, "/v1/agreements", e.tokenB, other)
		require.Equal(t, http.StatusCreated, res.Status, "no conflict with A's: %s", res.Body)
		var theirs api.AgreementView
		require.NoError(t, json.Unmarshal(res.Body, &theirs))
		assert.Equal(t, hashOf(t, decoded(t, other)), theirs.Hash)
		assert.NotEqual(t, mine.Hash, theirs.Hash)

		res = e.do(http.MethodGet, goodPath, e.tokenA, nil)
		assert.Equal(t, mine.Hash, get(t, res.json(t), "hash"), "A's is untouched")
		res = e.do(http.MethodGet, goodPath+"/sheet.md", e.tokenA, nil)
		assert.Contains(t, string(res.Body), mine.Hash)
		assert.NotContains(t, string(res.Body), "B's own words")
		res = e.do(http.MethodGet, goodPath+"/sheet.md", e.tokenB, nil)
		assert.Contains(t, string(res.Body), theirs.Hash)
		assert.Contains(t, string(res.Body), "B's own words", "B reads its own")
	})
	t.Run("the same content under the id in another workspace", func(t *testing.T) {
		body := agreement(t, "agreement_vague.json", "vague-1")
		e.storeAgreement(e.tokenA, body)
		// B's is created (201), not "already stored" (200): nothing says
		// that A has it.
		res := e.do(http.MethodPost, "/v1/agreements", e.tokenB, body)
		require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
		res = e.do(http.MethodPost, "/v1/agreements", e.tokenB, body)
		require.Equal(t, http.StatusOK, res.Status, "B's own retry")
	})
}

// TestAgreementBodyLimit: agreement and deal bodies past the limit are
// refused with 413.
func TestAgreementBodyLimit(t *testing.T) {
	const limit = 4096
	e := newEnv(t, func(c *api.Config) { c.MaxBodyBytes = limit })
	body := readFile(t, "agreement_good.json")
	require.Greater(t, len(body), limit)
	for _, path := range []string{"/v1/agreements", "/v1/agreements/check", "/v1/deals"} {
		res := e.do(http.MethodPost, path, e.tokenA, body)
		require.Equal(t, http.StatusRequestEntityTooLarge, res.Status, path)
		assert.Equal(t, api.CodeTooLarge, res.problem(t).Code, path)
	}
	small := agreement(t, "agreement_vague.json", "v")
	require.Less(t, len(small), limit)
	res := e.do(http.MethodPost, "/v1/agreements", e.tokenA, small)
	assert.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
}
