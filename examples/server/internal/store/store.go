// Package store keeps the service's data: workspaces and their tokens,
// timelines (one plan each) and their events, and agreements.
//
// [Store] is the interface the HTTP layer uses. [OpenSQLite] is the embedded
// default; [OpenPostgres] keeps the data in PostgreSQL (through pgx's pool),
// with the same behaviour: the tests are written against the interface and
// run on both (package pgtest gives each a PostgreSQL database of its own).
// Both run their embedded migrations (migrations/sqlite, migrations/postgres)
// at open; PostgreSQL's under an advisory lock, so that processes starting
// together on one database apply each once.
//
// Every read and write of a workspace's data takes the workspace's ID and is
// scoped to it: a timeline of another workspace is [ErrNotFound], exactly as one
// that does not exist.
//
// Plans and events are stored in the library's canonical JSON (what
// encoding/json writes for a timeline.Plan or timeline.Event, which the
// library's strict decoders read back to an equal value), so Money, windows,
// dates and times of day round-trip exactly; on PostgreSQL as text, not jsonb,
// so that they come back byte for byte. Lists are in the IDs' byte order on
// both (COLLATE "C" on PostgreSQL). The stores' own time stamps are in UTC to
// the microsecond, what PostgreSQL keeps.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/creatorops/creatorops/sla/timeline"
)

// Errors a Store returns; test them with errors.Is.
var (
	// ErrNotFound: no such workspace, token or timeline in this workspace.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: an ID or a sequence number already holds something else.
	ErrConflict = errors.New("store: conflict")
	// ErrTooMany: a limit on the number of rows would be passed.
	ErrTooMany = errors.New("store: too many")
)

// Workspace is one tenant: a brand, an agency or a platform customer. Every
// token and every timeline belongs to exactly one.
type Workspace struct {
	ID      string
	Name    string
	Created time.Time
}

// Timeline is a stored plan: its ID (the plan's id, unique in its workspace),
// the plan's canonical JSON and that JSON's SHA-256 in hex, which identifies
// the plan's content (a cache of compiled plans keys on it).
type Timeline struct {
	ID       string
	Plan     []byte
	PlanHash string
	Created  time.Time
	Events   int // events recorded so far
}

// Item is a timeline with its events, for a board.
type Item struct {
	Timeline Timeline
	Events   []timeline.Event
}

// Appended is what [Store.AppendEvents] did: the sequence numbers recorded now,
// and those already recorded with the same content (a retry), in the order
// given.
type Appended struct {
	Appended   []int64
	Duplicates []int64
}

// ConflictError reports events whose sequence numbers are already recorded
// with different content; nothing of the append was recorded. It wraps
// [ErrConflict].
type ConflictError struct {
	Seqs []int64
}

func (e *ConflictError) Error() string {
	s := make([]string, len(e.Seqs))
	for i, q := range e.Seqs {
		s[i] = strconv.FormatInt(q, 10)
	}
	return "store: events already recorded with other content: seq " + strings.Join(s, ", ")
}

// Unwrap returns ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// Store is the service's storage. Implementations are safe for concurrent use.
type Store interface {
	// CreateWorkspace records a workspace named name with one token, given by
	// the SHA-256 of its text.
	CreateWorkspace(ctx context.Context, name string, tokenHash [32]byte) (Workspace, error)
	// AddToken gives a workspace another token. ErrNotFound when there is no
	// such workspace.
	AddToken(ctx context.Context, workspace string, tokenHash [32]byte) error
	// WorkspaceByToken returns the workspace a token belongs to, or ErrNotFound.
	WorkspaceByToken(ctx context.Context, tokenHash [32]byte) (Workspace, error)

	// CreateTimeline records a plan under its ID (plan.ID) in the workspace and
	// returns the stored timeline and whether it was created now. Creating the
	// same plan again is not an error: it returns the stored one with created
	// false. A different plan under the same ID is ErrConflict.
	CreateTimeline(ctx context.Context, workspace string, plan timeline.Plan) (t Timeline, created bool, err error)
	// Timeline returns one timeline of the workspace, or ErrNotFound.
	Timeline(ctx context.Context, workspace, id string) (Timeline, error)
	// Timelines lists the workspace's timelines in ID order, those after the
	// ID after ("" for the first page), at most limit of them.
	Timelines(ctx context.Context, workspace, after string, limit int) ([]Timeline, error)

	// AppendEvents records events of a timeline in one transaction,
	// idempotently by sequence number: an event whose Seq is recorded with the
	// same content is a duplicate and changes nothing; one recorded with other
	// content makes the whole append fail with a *ConflictError. ErrNotFound
	// when the timeline is not the workspace's; ErrTooMany when the timeline
	// would hold more than max events.
	AppendEvents(ctx context.Context, workspace, id string, events []timeline.Event, max int) (Appended, error)
	// Events returns a timeline's events in sequence order, or ErrNotFound.
	Events(ctx context.Context, workspace, id string) ([]timeline.Event, error)
	// Items returns the workspace's timelines with their events, in ID order,
	// at most limit of them, and whether there were more.
	Items(ctx context.Context, workspace string, limit int) (items []Item, more bool, err error)

	// AgreementStore keeps agreements (agreements.go).
	AgreementStore

	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// EncodePlan returns a plan's canonical JSON and its hex SHA-256.
func EncodePlan(p timeline.Plan) ([]byte, string, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, "", fmt.Errorf("store: encode plan %q: %w", p.ID, err)
	}
	sum := sha256.Sum256(b)
	return b, hex.EncodeToString(sum[:]), nil
}

// DecodePlan reads a plan stored by EncodePlan.
func DecodePlan(b []byte) (timeline.Plan, error) {
	var p timeline.Plan
	if err := json.Unmarshal(b, &p); err != nil {
		return timeline.Plan{}, fmt.Errorf("store: decode stored plan: %w", err)
	}
	return p, nil
}

// encodeEvent returns an event's canonical JSON.
func encodeEvent(e timeline.Event) ([]byte, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("store: encode event %d: %w", e.Seq, err)
	}
	return b, nil
}

// storedEvent is timeline.Event without its strict UnmarshalJSON: an event
// read back was checked when it was stored and written by encodeEvent, so
// encoding/json's plain decoding (each field's own UnmarshalText) reads it
// back equal, at a fraction of the cost (TestEventRoundTrip holds it to that).
type storedEvent timeline.Event

func decodeEvent(b []byte) (timeline.Event, error) {
	var e storedEvent
	if err := json.Unmarshal(b, &e); err != nil {
		return timeline.Event{}, fmt.Errorf("store: decode stored event: %w", err)
	}
	return timeline.Event(e), nil
}

// stampNow is a store's clock in UTC, to the microsecond: what a PostgreSQL
// timestamptz keeps. Both stores take their own time stamps (created,
// recorded) with it, so that a stamp reads back equal to the one returned
// when it was taken, on either.
func stampNow(now func() time.Time) time.Time { return now().UTC().Truncate(time.Microsecond) }

// stamp formats a service time stamp: RFC 3339 in UTC, to the nanosecond.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: stored time %q: %w", s, err)
	}
	return t, nil
}
