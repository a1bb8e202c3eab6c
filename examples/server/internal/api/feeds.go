package api

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/examples/server/internal/ical"
	"github.com/creatorops/creatorops/sla/timeline"
)

// Calendar feeds. GET /v1/timelines/{id}/calendar.ics is a timeline's
// milestones as an iCalendar feed, behind the workspace's token like every
// /v1 route. A calendar app that subscribes to a feed (Google Calendar,
// Outlook) cannot send a token, so each party also has a feed at a URL that
// is its own credential: /calendar/{key}/brand.ics and creator.ics, where key
// names the workspace and the timeline and carries an HMAC-SHA256, under the
// server's secret (Config.Secret), of the workspace, the timeline and the
// party. A key cannot be forged or moved to another timeline, workspace or
// party without the secret; a wrong key answers 404, like a timeline that
// does not exist. GET /v1/timelines/{id}/feeds hands the keys out. A key
// stays valid as long as the secret: rotating the secret revokes every key.
//
// A party's feed holds that party's own milestones (the brand's shipment,
// reviews, compliance and live checks and payment; the creator's concept,
// drafts, revisions, reports and invoice) and the post, which both sides plan
// around.

const contentCalendar = "text/calendar; charset=utf-8"

// maxFeedKey bounds the key read from a URL: a longer one is not a key.
const maxFeedKey = 512

// feedKeyContext separates the feed keys' MACs from any other use of the
// secret.
const feedKeyContext = "creatorops calendar feed v1"

// FeedLinks are the subscribe links of a timeline's party feeds.
type FeedLinks struct {
	Timeline string   `json:"timeline" example:"tiktok-1"`
	Brand    FeedLink `json:"brand" doc:"The brand's feed: its own milestones and the post."`
	Creator  FeedLink `json:"creator" doc:"The creator's feed: its own milestones and the post."`
}

// FeedLink is where a party's feed is.
type FeedLink struct {
	Path   string `json:"path" doc:"The feed's path: anyone who has it can read the feed, so share it only with the party." example:"/calendar/d3NfM2EzOTA3MDcyNTc1N2MwMWQ1MGQxN2ExAHRpa3Rvay0x.-Vo4Hf0krPpbPMd6WmrpYQZJZTM0Z0yLtG8LKPmeKRI/brand.ics"`
	URL    string `json:"url,omitempty" doc:"The feed's URL on the host the request was sent to (http, or https over TLS); behind a proxy, put the path on the public origin instead."`
	Webcal string `json:"webcal,omitempty" doc:"The same as a webcal:// URL, which calendar apps open as a subscription."`
}

type feedsInput struct {
	ID     string `path:"id" pattern:"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$" maxLength:"128" doc:"The timeline's id: its plan's id."`
	origin string
}

// hostPattern is a Host header fit to build a URL with.
var hostPattern = regexp.MustCompile(`^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$`)

// Resolve notes the origin the request was sent to.
func (in *feedsInput) Resolve(ctx huma.Context) []error {
	if h := ctx.Host(); hostPattern.MatchString(h) {
		scheme := "http"
		if ctx.TLS() != nil {
			scheme = "https"
		}
		in.origin = scheme + "://" + h
	}
	return nil
}

type feedKeyInput struct {
	Key string `path:"key" doc:"The feed's key, from GET /v1/timelines/{id}/feeds."`
}

type feedsOutput struct{ Body FeedLinks }

// feedRoutes declares the operations of calendar feeds.
func (s *Server) feedRoutes() {
	o := s.api.OpenAPI()
	register(s, huma.Operation{
		OperationID: "get-timeline-calendar", Method: http.MethodGet, Path: "/v1/timelines/{id}/calendar.ics", Tags: []string{"calendar feeds"},
		Summary: "A timeline's milestones as a calendar",
		Description: "Every milestone of the timeline's state (at ?at=, or now) that has a date, as an iCalendar (RFC 5545) event: its owner " +
			"(brand or creator) and the reason for its date, the post with each shift of the post date and why; stable UIDs " +
			"(a moved milestone updates its event), timed events in UTC, the product shipment as an all-day event.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.timelineCalendar)
	textResponse(o, "/v1/timelines/{id}/calendar.ics", "The calendar, iCalendar (RFC 5545).", contentCalendar)

	register(s, huma.Operation{
		OperationID: "get-timeline-feeds", Method: http.MethodGet, Path: "/v1/timelines/{id}/feeds", Tags: []string{"calendar feeds"},
		Summary: "Subscribe links of a timeline's party feeds",
		Description: "The brand's and the creator's calendar feeds of the timeline, at URLs that need no token (a calendar app " +
			"cannot send one): each holds a key that names the timeline and is signed with the server's secret, for one party. " +
			"Share each party's link with that party only; rotating the server's secret revokes every link.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, nil, s.timelineFeeds)

	for _, party := range []timeline.Party{timeline.Brand, timeline.Creator} {
		path := "/calendar/{key}/" + string(party) + ".ics"
		register(s, huma.Operation{
			OperationID: "get-" + string(party) + "-feed", Method: http.MethodGet, Path: path, Tags: []string{"calendar feeds"},
			Summary: "The " + string(party) + "'s calendar feed",
			Description: "The " + string(party) + "'s milestones of a timeline, and the post, as an iCalendar feed to subscribe to. " +
				"Needs no token: the key (from GET /v1/timelines/{id}/feeds) is the credential. A key that is not one the " +
				"service made for this party answers 404, as a timeline that does not exist.",
			Errors: []int{http.StatusNotFound},
		}, nil, func(ctx context.Context, in *feedKeyInput) (*textOutput, error) {
			return s.partyFeed(ctx, in.Key, party)
		})
		textResponse(o, path, "The "+string(party)+"'s calendar, iCalendar (RFC 5545).", contentCalendar)
	}
}

func (s *Server) timelineCalendar(ctx context.Context, in *atInput) (*textOutput, error) {
	at, err := s.at(in.At)
	if err != nil {
		return nil, err
	}
	return s.feed(ctx, workspace(ctx).ID, in.ID, "", at)
}

func (s *Server) timelineFeeds(ctx context.Context, in *feedsInput) (*feedsOutput, error) {
	w := workspace(ctx)
	if _, err := s.cfg.Store.Timeline(ctx, w.ID, in.ID); err != nil {
		return nil, fail(ctx, "timeline "+quote(in.ID), err)
	}
	link := func(party timeline.Party) FeedLink {
		l := FeedLink{Path: "/calendar/" + s.feedKey(w.ID, in.ID, party) + "/" + string(party) + ".ics"}
		if in.origin != "" {
			l.URL = in.origin + l.Path
			l.Webcal = "webcal://" + strings.SplitN(in.origin, "://", 2)[1] + l.Path
		}
		return l
	}
	return &feedsOutput{Body: FeedLinks{Timeline: in.ID, Brand: link(timeline.Brand), Creator: link(timeline.Creator)}}, nil
}

func (s *Server) partyFeed(ctx context.Context, key string, party timeline.Party) (*textOutput, error) {
	ws, id, ok := s.openFeedKey(key, party)
	if !ok {
		return nil, newProblem(http.StatusNotFound, "no such calendar feed")
	}
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		info.workspace = ws
	}
	out, err := s.feed(ctx, ws, id, party, s.now())
	var p *Problem
	if errors.As(err, &p) && p.Status == http.StatusNotFound {
		// The timeline is gone: say no more than for a wrong key.
		return nil, newProblem(http.StatusNotFound, "no such calendar feed")
	}
	return out, err
}

// feed writes the calendar of a workspace's timeline at an instant, of one
// party or ("") both.
func (s *Server) feed(ctx context.Context, ws, id string, party timeline.Party, at time.Time) (*textOutput, error) {
	rec, err := s.cfg.Store.Timeline(ctx, ws, id)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(id), err)
	}
	tl, err := s.compiled(rec)
	if err != nil {
		return nil, fail(ctx, "timeline", err)
	}
	st, events, err := s.state(ctx, ws, rec.ID, tl, at)
	if err != nil {
		return nil, fail(ctx, "timeline "+quote(id), err)
	}
	name := rec.ID + " (creatorops)"
	if party != "" {
		name = rec.ID + " · " + string(party) + " (creatorops)"
	}
	doc := ical.Write(ical.Feed{
		Name: name, Workspace: ws, Timeline: rec.ID, Party: party,
		Plan: tl.Plan(), State: st.State, Created: rec.Created, Events: events,
	})
	return &textOutput{ContentType: contentCalendar, NoSniff: "nosniff", Body: doc}, nil
}

// feedKey returns the key of a party's feed of a workspace's timeline: the
// workspace and the timeline id, then the MAC, each in unpadded base64url,
// joined by ".".
func (s *Server) feedKey(ws, id string, party timeline.Party) string {
	payload := []byte(ws + "\x00" + id)
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(s.feedMAC(payload, party))
}

func (s *Server) feedMAC(payload []byte, party timeline.Party) []byte {
	m := hmac.New(sha256.New, s.cfg.Secret)
	m.Write([]byte(feedKeyContext + "\x00" + string(party) + "\x00"))
	m.Write(payload)
	return m.Sum(nil)
}

// openFeedKey returns the workspace and timeline of a key made for party, or
// false.
func (s *Server) openFeedKey(key string, party timeline.Party) (ws, id string, ok bool) {
	if len(key) > maxFeedKey {
		return "", "", false
	}
	p, m, found := strings.Cut(key, ".")
	if !found {
		return "", "", false
	}
	enc := base64.RawURLEncoding
	payload, err1 := enc.DecodeString(p)
	mac, err2 := enc.DecodeString(m)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, s.feedMAC(payload, party)) {
		return "", "", false
	}
	w, t, found := bytes.Cut(payload, []byte{0})
	if !found || len(w) == 0 || !idPattern.Match(t) {
		return "", "", false
	}
	return string(w), string(t), true
}

// logPath is the path of a request as logged: a feed's key is a credential,
// and is never logged.
func logPath(p string) string {
	rest, ok := strings.CutPrefix(p, "/calendar/")
	if !ok {
		return p
	}
	if _, file, ok := strings.Cut(rest, "/"); ok {
		return "/calendar/{key}/" + file
	}
	return "/calendar/{key}"
}
