package api_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/api"
	"github.com/creatorops/creatorops/examples/server/internal/ical"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla/timeline"
)

var testSecret = bytes.Repeat([]byte("s"), 32)

// parseFeed checks a feed's response and lines (CRLF, at most 75 octets,
// times in UTC or dates, no TZID) and parses it with golang-ical.
func parseFeed(t *testing.T, res response) (*ics.Calendar, map[string]*ics.VEvent) {
	t.Helper()
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	assert.Equal(t, "text/calendar; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	doc := string(res.Body)
	require.True(t, strings.HasPrefix(doc, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "%q", doc)
	assert.True(t, strings.HasSuffix(doc, "END:VCALENDAR\r\n"))
	for _, l := range strings.Split(strings.TrimSuffix(doc, "\r\n"), "\r\n") {
		assert.NotContains(t, l, "\n", "CRLF only")
		assert.NotContains(t, l, "\r", "CRLF only")
		assert.LessOrEqual(t, len(l), 75, "%q", l)
		if strings.HasPrefix(l, "DTSTART") || strings.HasPrefix(l, "DTEND") {
			assert.Regexp(t, `^DT(START|END)(:[0-9]{8}T[0-9]{6}Z|;VALUE=DATE:[0-9]{8})$`, l, "UTC or a date; no TZID")
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(doc))
	require.NoError(t, err)
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		_, dup := events[e.Id()]
		require.False(t, dup, "UID %s twice", e.Id())
		events[e.Id()] = e
	}
	return cal, events
}

func workspaceID(t *testing.T, e *env, token string) string {
	t.Helper()
	w, err := e.store.WorkspaceByToken(context.Background(), store.HashToken(token))
	require.NoError(t, err)
	return w.ID
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func feedLinks(t *testing.T, e *env, token, id string) api.FeedLinks {
	t.Helper()
	res := e.do(http.MethodGet, "/v1/timelines/"+id+"/feeds", token, nil)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	var l api.FeedLinks
	require.NoError(t, json.Unmarshal(res.Body, &l))
	return l
}

func TestCalendarFeed(t *testing.T) {
	now := testNow
	e := newEnv(t, func(c *api.Config) { c.Now = func() time.Time { return now } })
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", string(readFile(t, "events.json"))))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	ws := workspaceID(t, e, e.tokenA)
	postUID := ical.UID(ws, "tiktok-1", timeline.StepPost, 0)
	reviewUID := ical.UID(ws, "tiktok-1", timeline.StepReview, 1)

	// Thu 11 Mar: final approval is overdue, the post is where planned.
	_, before := parseFeed(t, e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenA, nil))
	require.Contains(t, before, postUID)
	assert.Equal(t, "20270315T190000Z", prop(before[postUID], ics.ComponentPropertyDtStart), "Mon 15 Mar 12:00 PDT")
	assert.Equal(t, "0", prop(before[postUID], ics.ComponentPropertySequence))
	assert.Contains(t, prop(before[reviewUID], ics.ComponentPropertySummary), "brand (Bea Brand) · breached")

	// The approval comes Fri 12 Mar, two business days late: the post moves.
	res = e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, `[{"seq": 5, "at": "2027-03-12T13:00:00-05:00", "kind": "approved"}]`)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	now = time.Date(2027, 3, 12, 19, 0, 0, 0, time.UTC)
	first := e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenA, nil)
	_, after := parseFeed(t, first)
	assert.Equal(t, len(before)+0, len(after)-0, "the same milestones have dates")
	for uid := range before {
		assert.Contains(t, after, uid, "the same milestone keeps its UID")
	}
	post := after[postUID]
	require.NotNil(t, post, "the post keeps its UID: a calendar app moves the event")
	assert.Equal(t, "20270317T190000Z", prop(post, ics.ComponentPropertyDtStart), "Wed 17 Mar 12:00 PDT")
	assert.Equal(t, "1", prop(post, ics.ComponentPropertySequence), "moved once")
	assert.Contains(t, prop(post, ics.ComponentPropertyDescription),
		"Moved: post date moved from Mon 15 Mar 12:00 to Wed 17 Mar 12:00: final approval was due Wed 10 Mar 2027 13:00 EST and came Fri 12 Mar 2027 13:00 EST, 2 business days late")
	assert.Contains(t, prop(post, ics.ComponentPropertyDescription), "Owner: creator (Cleo Creator)")
	lmBefore, err := before[postUID].GetLastModifiedAt()
	require.NoError(t, err)
	lmAfter, err := post.GetLastModifiedAt()
	require.NoError(t, err)
	assert.True(t, lmAfter.After(lmBefore), "%s after %s", lmAfter, lmBefore)
	assert.Equal(t, prop(post, ics.ComponentPropertyLastModified), prop(post, ics.ComponentPropertyDtstamp))
	review := after[reviewUID]
	assert.Contains(t, prop(review, ics.ComponentPropertySummary), "Final approval due · tiktok-1 · brand (Bea Brand) · met late")
	assert.Contains(t, prop(review, ics.ComponentPropertyDescription), "Why this date: 48 hours after the draft came Mon 8 Mar 2027 13:00 EST")
	assert.Equal(t, "brand", review.GetProperties(ics.ComponentPropertyCategories)[0].Value)

	// Fetching again gives the same bytes.
	again := e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenA, nil)
	assert.Equal(t, string(first.Body), string(again.Body))

	// Another workspace: 404, as a timeline that does not exist.
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenB, nil)
	require.Equal(t, http.StatusNotFound, res.Status)
	assert.Equal(t, api.CodeNotFound, res.problem(t).Code)
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/feeds", e.tokenB, nil)
	require.Equal(t, http.StatusNotFound, res.Status)
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", "", nil)
	require.Equal(t, http.StatusUnauthorized, res.Status)
}

func TestHostileNamesInFeed(t *testing.T) {
	e := newEnv(t)
	var plan map[string]any
	require.NoError(t, json.Unmarshal(readFile(t, "plan.json"), &plan))
	name := "Evil, Inc.; \"Q\" \\ back\nBEGIN:VEVENT\nUID:forged\nEND:VCALENDAR"
	plan["creator"].(map[string]any)["owner"].(map[string]any)["name"] = name
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, map[string]any{"plan": plan})
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenA, nil)
	_, events := parseFeed(t, res)
	assert.NotContains(t, events, "forged")
	unfolded := strings.ReplaceAll(string(res.Body), "\r\n ", "")
	assert.Contains(t, unfolded, `creator (Evil\, Inc.\; "Q" \\ back\nBEGIN:VEVENT\nUID:forged\nEND:VCALENDAR)`)
	concept := events[ical.UID(workspaceID(t, e, e.tokenA), "tiktok-1", timeline.StepConcept, 1)]
	require.NotNil(t, concept)
	assert.Equal(t, "Concept due · tiktok-1 · creator ("+name+") · breached", prop(concept, ics.ComponentPropertySummary), "read back as written")
}

func TestPartyFeeds(t *testing.T) {
	var logs bytes.Buffer
	e := newEnv(t, func(c *api.Config) {
		c.Secret = testSecret
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	})
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", string(readFile(t, "events.json"))))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	l := feedLinks(t, e, e.tokenA, "tiktok-1")
	assert.Equal(t, "tiktok-1", l.Timeline)
	require.True(t, strings.HasPrefix(l.Brand.Path, "/calendar/") && strings.HasSuffix(l.Brand.Path, "/brand.ics"), l.Brand.Path)
	require.True(t, strings.HasSuffix(l.Creator.Path, "/creator.ics"), l.Creator.Path)
	assert.Equal(t, "http://example.com"+l.Brand.Path, l.Brand.URL, "on the request's host")
	assert.Equal(t, "webcal://example.com"+l.Creator.Path, l.Creator.Webcal)
	brandKey := strings.Split(l.Brand.Path, "/")[2]
	creatorKey := strings.Split(l.Creator.Path, "/")[2]
	assert.NotEqual(t, brandKey, creatorKey)

	// No token: the key is the credential. Each party sees its own
	// milestones, and the post.
	ws := workspaceID(t, e, e.tokenA)
	owners := map[timeline.Party]map[string]bool{}
	for party, path := range map[timeline.Party]string{timeline.Brand: l.Brand.Path, timeline.Creator: l.Creator.Path} {
		cal, events := parseFeed(t, e.do(http.MethodGet, path, "", nil))
		assert.Contains(t, cal.Serialize(), "X-WR-CALNAME:tiktok-1 · "+string(party)+" (creatorops)")
		owners[party] = map[string]bool{}
		for _, ev := range events {
			cats := ev.GetProperties(ics.ComponentPropertyCategories)
			require.Len(t, cats, 2)
			owners[party][cats[1].Value] = true
			if cats[1].Value != string(timeline.StepPost) {
				assert.Equal(t, string(party), cats[0].Value)
			}
		}
		assert.Contains(t, events, ical.UID(ws, "tiktok-1", timeline.StepPost, 0), "the post is in both feeds, under its one UID")
	}
	assert.Equal(t, map[string]bool{"concept_review": true, "compliance": true, "review": true, "post": true}, owners[timeline.Brand])
	assert.Equal(t, map[string]bool{"concept": true, "draft": true, "post": true}, owners[timeline.Creator])

	notFound := func(path, why string) {
		t.Helper()
		res := e.do(http.MethodGet, path, "", nil)
		require.Equal(t, http.StatusNotFound, res.Status, "%s: %s", why, res.Body)
		assert.Equal(t, api.CodeNotFound, res.problem(t).Code, why)
		assert.NotContains(t, string(res.Body), "tiktok-1", "%s: a wrong key says nothing of the timeline", why)
	}
	notFound("/calendar/"+brandKey+"/creator.ics", "the brand's key does not open the creator's feed")
	notFound("/calendar/"+creatorKey+"/brand.ics", "nor the reverse")
	payload, mac, _ := strings.Cut(brandKey, ".")
	flipped := []byte(mac)
	flipped[3] ^= 1
	notFound("/calendar/"+payload+"."+string(flipped)+"/brand.ics", "a changed MAC")
	notFound("/calendar/"+payload+"/brand.ics", "no MAC")
	notFound("/calendar/"+payload+".."+mac+"/brand.ics", "not base64url")
	notFound("/calendar/"+strings.Repeat("A", 600)+"."+mac+"/brand.ics", "too long")
	notFound("/calendar/x/brand.ics", "garbage")

	// Another workspace's id under workspace A's MAC does not open B's
	// timeline of the same id.
	res = e.do(http.MethodPost, "/v1/timelines", e.tokenB, item(t, "tiktok-1", ""))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	wsB := workspaceID(t, e, e.tokenB)
	enc := base64.RawURLEncoding
	notFound("/calendar/"+enc.EncodeToString([]byte(wsB+"\x00tiktok-1"))+"."+mac+"/brand.ics", "another workspace")
	res = e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-2", ""))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	notFound("/calendar/"+enc.EncodeToString([]byte(ws+"\x00tiktok-2"))+"."+mac+"/brand.ics", "another timeline")
	lB := feedLinks(t, e, e.tokenB, "tiktok-1")
	assert.NotEqual(t, l.Brand.Path, lB.Brand.Path)
	_, eventsB := parseFeed(t, e.do(http.MethodGet, lB.Brand.Path, "", nil))
	assert.Contains(t, eventsB, ical.UID(wsB, "tiktok-1", timeline.StepPost, 0), "B's key opens B's timeline")
	assert.NotContains(t, eventsB, ical.UID(ws, "tiktok-1", timeline.StepPost, 0))

	// The key is as documented: the workspace and the timeline, and the
	// HMAC-SHA256 of the party and them under the secret.
	sign := func(party, ws, id string) string {
		m := hmac.New(sha256.New, testSecret)
		m.Write([]byte("creatorops calendar feed v1\x00" + party + "\x00" + ws + "\x00" + id))
		return enc.EncodeToString([]byte(ws+"\x00"+id)) + "." + enc.EncodeToString(m.Sum(nil))
	}
	assert.Equal(t, brandKey, sign("brand", ws, "tiktok-1"))
	notFound("/calendar/"+sign("brand", ws, "no-such-timeline")+"/brand.ics", "a valid key of a timeline that does not exist")

	// Another secret: every key is revoked.
	other := api.New(api.Config{Store: e.store, Logger: slog.New(slog.DiscardHandler), Secret: bytes.Repeat([]byte("t"), 32)})
	w := httptest.NewRecorder()
	other.ServeHTTP(w, httptest.NewRequest(http.MethodGet, l.Brand.Path, nil))
	assert.Equal(t, http.StatusNotFound, w.Code)

	// The keys are credentials: never logged.
	assert.Contains(t, logs.String(), "path=/calendar/{key}/brand.ics")
	assert.NotContains(t, logs.String(), mac)
	assert.NotContains(t, logs.String(), payload)
	assert.Regexp(t, `path=/calendar/\{key\}/brand.ics status=200 .*workspace=`+ws, logs.String(), "the request line names the workspace")
}

func TestSecretTooShort(t *testing.T) {
	e := newEnv(t)
	assert.Panics(t, func() { api.New(api.Config{Store: e.store, Secret: []byte("short")}) })
}

func TestCalendarFeedAt(t *testing.T) {
	e := newEnv(t)
	res := e.do(http.MethodPost, "/v1/timelines", e.tokenA, item(t, "tiktok-1", string(readFile(t, "events.json"))))
	require.Equal(t, http.StatusCreated, res.Status, "%s", res.Body)
	res = e.do(http.MethodPost, "/v1/timelines/tiktok-1/events", e.tokenA, `[{"seq": 5, "at": "2027-03-12T13:00:00-05:00", "kind": "approved"}]`)
	require.Equal(t, http.StatusOK, res.Status, "%s", res.Body)
	postUID := ical.UID(workspaceID(t, e, e.tokenA), "tiktok-1", timeline.StepPost, 0)
	_, now := parseFeed(t, e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics", e.tokenA, nil))
	assert.Equal(t, "20270315T190000Z", prop(now[postUID], ics.ComponentPropertyDtStart), "now (Thu 11 Mar) the approval has not come")
	_, later := parseFeed(t, e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics?at=2027-03-12T14:00:00-05:00", e.tokenA, nil))
	assert.Equal(t, "20270317T190000Z", prop(later[postUID], ics.ComponentPropertyDtStart), "at Fri 12 Mar 14:00 it has, late")
	res = e.do(http.MethodGet, "/v1/timelines/tiktok-1/calendar.ics?at=yesterday", e.tokenA, nil)
	require.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Equal(t, "query.at", res.problem(t).Errors[0].Location)
}
