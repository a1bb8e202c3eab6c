// Package api is the service's HTTP API: the library's deadlines, quotes and
// deals, agreements, timelines, board (as JSON and as the /board page),
// calendar feeds and metrics behind a bearer token per workspace, declared
// with huma on net/http's ServeMux. The OpenAPI 3.1 document is generated
// from the Go types and served at /openapi.json; every error is an RFC 9457
// application/problem+json document.
package api

import (
	"context"
	"crypto/rand"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/sla"
	"github.com/creatorops/creatorops/sla/timeline"
)

// Defaults of Config.
const (
	DefaultMaxBodyBytes = 1 << 20 // 1 MiB
	DefaultMaxEvents    = 10_000  // per timeline
	DefaultMaxBoard     = 5_000   // timelines on one board
	DefaultMaxList      = 1_000   // timelines in one page of a list
)

// MinSecretBytes is the shortest Config.Secret.
const MinSecretBytes = 32

// Sizes of the caches. A calendar indexes the months its queries cross, on
// first use: about 600 KiB for one queried over the whole range of years
// (measured), usually a few KiB. The caches hold at most
// maxCachedTimelines×2+maxCachedCalendars calendars.
const (
	maxCachedTimelines = 1024
	maxCachedCalendars = 256
)

// Config configures a Server.
type Config struct {
	// Store holds the data; required.
	Store store.Store
	// Logger receives the structured log; nil is slog.Default().
	Logger *slog.Logger
	// Now is the clock: the instant of a state or a board asked for without
	// ?at=, and a quote's issue time when the request gives none. nil is
	// time.Now. Tests set it.
	Now func() time.Time
	// Version is the API version in the OpenAPI document.
	Version string

	// MaxBodyBytes bounds a request body; a larger one is refused with 413.
	MaxBodyBytes int64
	// MaxEvents bounds the events of one timeline.
	MaxEvents int
	// MaxBoard bounds the timelines a board computes; a board over more says
	// it is truncated.
	MaxBoard int

	// Secret signs the keys of the party calendar feeds (feeds.go): a key
	// is valid as long as the secret is, so keep it across restarts, and
	// rotate it to revoke every key. At least 32 bytes; nil is a random one
	// (keys then work until the process stops).
	Secret []byte

	// Hooks run after each change of a timeline (its creation, each append
	// that recorded an event), once the change is committed, with the state at
	// that moment: where a wake-up at State.Next is scheduled. A hook's failure
	// is its own to log; the request has succeeded.
	Hooks []Hook
}

// Change is a timeline that was created or had events appended, and its state
// right after.
type Change struct {
	Workspace string
	Timeline  string
	Created   bool             // the timeline was created by this change
	Appended  []timeline.Event // the events recorded now (a retry records none and is no change)
	State     timeline.State   // at the change's instant; State.Next is the next wake-up
}

// Hook is told of each Change.
type Hook func(ctx context.Context, c Change)

// Server is the HTTP API. Build it with New; it is an http.Handler.
type Server struct {
	cfg       Config
	log       *slog.Logger
	now       func() time.Time
	mux       *http.ServeMux
	api       huma.API
	timelines cache[string, *timeline.Timeline] // compiled plans, by the hex SHA-256 of their stored JSON
	calendars cache[[32]byte, *sla.Calendar]    // calendars of deadline requests, by the SHA-256 of their JSON
}

// New returns the API over cfg.Store.
func New(cfg Config) *Server {
	if cfg.Store == nil {
		panic("api: New without a Store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Version == "" {
		cfg.Version = "0.1.0"
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxEvents <= 0 {
		cfg.MaxEvents = DefaultMaxEvents
	}
	if cfg.MaxBoard <= 0 {
		cfg.MaxBoard = DefaultMaxBoard
	}
	if cfg.Secret == nil {
		cfg.Secret = make([]byte, MinSecretBytes)
		_, _ = rand.Read(cfg.Secret)
	}
	if len(cfg.Secret) < MinSecretBytes {
		panic("api: New with a Secret shorter than MinSecretBytes")
	}
	useProblems()
	s := &Server{
		cfg:       cfg,
		log:       cfg.Logger,
		now:       cfg.Now,
		mux:       http.NewServeMux(),
		timelines: newCache[string, *timeline.Timeline](maxCachedTimelines),
		calendars: newCache[[32]byte, *sla.Calendar](maxCachedCalendars),
	}
	s.api = humago.New(s.mux, s.humaConfig())
	s.routes()
	fixSchemas(s.api.OpenAPI().Components.Schemas)
	return s
}

// humaConfig is huma's default configuration less what this service does not
// want: no "$schema" member in responses and no Link header (the default
// config's create hook adds both), no /docs page (it loads its scripts from a
// CDN, and is empty offline), no /schemas route.
func (s *Server) humaConfig() huma.Config {
	c := huma.DefaultConfig("creatorops reference service", s.cfg.Version)
	c.CreateHooks = nil
	c.DocsPath = ""
	c.SchemasPath = ""
	c.RejectUnknownQueryParameters = true
	c.Info.Description = "The creatorops library as an HTTP service: deadlines on each party's calendar, " +
		"explained quotes, deliverable timelines with their events, state, board and calendar feeds, and metrics roll-ups. " +
		"Every /v1 route needs a workspace's bearer token; errors are RFC 9457 problem details."
	reg := huma.NewMapRegistry("#/components/schemas/", schemaName)
	describeSchemas(reg)
	c.Components.Schemas = reg
	c.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer", Description: "A workspace's token: `go run . workspace create -name NAME` prints the first one."},
	}
	return c
}

// OpenAPI returns the generated OpenAPI document.
func (s *Server) OpenAPI() *huma.OpenAPI { return s.api.OpenAPI() }

// ServeHTTP serves a request: logged, with a problem+json answer for a route
// that does not exist.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	log := s.log.With("method", r.Method, "path", logPath(r.URL.Path))
	info := &requestInfo{}
	ctx := context.WithValue(r.Context(), logKey{}, log)
	r = r.WithContext(context.WithValue(ctx, infoKey{}, info))
	if _, pattern := s.mux.Handler(r); pattern == "" {
		s.noRoute(rec, r)
	} else {
		s.mux.ServeHTTP(rec, r)
	}
	level := slog.LevelInfo
	if rec.status >= 500 {
		level = slog.LevelError
	}
	attrs := []slog.Attr{slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes), slog.Duration("duration", time.Since(start))}
	if info.workspace != "" {
		attrs = append(attrs, slog.String("workspace", info.workspace))
	}
	log.LogAttrs(r.Context(), level, "request", attrs...)
}

// requestInfo is what the request's log line learns while it is served.
type requestInfo struct {
	workspace string
}

type infoKey struct{}

// noRoute answers a request that no route matches: 404, or 405 with Allow
// when the path exists for other methods.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	h, _ := s.mux.Handler(r)
	probe := &probe{header: http.Header{}}
	h.ServeHTTP(probe, r)
	if probe.status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", probe.header.Get("Allow"))
		writeProblem(w, newProblem(http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path))
		return
	}
	writeProblem(w, newProblem(http.StatusNotFound, "no route "+r.URL.Path))
}

// register adds an operation. Operations under /v1 need a token. body, when
// not nil, is the schema of a request body that the handler reads itself
// (from RawBody) with the library's strict decoders: huma neither validates
// nor decodes it, and documents it with this schema.
func register[I, O any](s *Server, op huma.Operation, body *huma.Schema, handler func(context.Context, *I) (*O, error)) {
	op.MaxBodyBytes = s.cfg.MaxBodyBytes + 1 // huma refuses a body that reaches MaxBodyBytes
	if strings.HasPrefix(op.Path, "/v1/") {
		op.Security = []map[string][]string{{"bearer": {}}}
		op.Middlewares = append(op.Middlewares, s.authenticate)
		op.Errors = append(op.Errors, http.StatusUnauthorized)
	}
	if body != nil {
		op.SkipValidateBody = true
		op.Errors = append(op.Errors, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)
	}
	huma.Register(s.api, op, handler)
	if body != nil {
		registered := operation(s.api.OpenAPI(), op.Method, op.Path)
		registered.RequestBody = &huma.RequestBody{
			Required: true,
			Content:  map[string]*huma.MediaType{"application/json": {Schema: body}},
		}
	}
}

// operation returns the registered operation of method and path.
func operation(o *huma.OpenAPI, method, path string) *huma.Operation {
	item := o.Paths[path]
	v := reflect.ValueOf(item).Elem().FieldByName(strings.ToUpper(method[:1]) + strings.ToLower(method[1:]))
	return v.Interface().(*huma.Operation)
}

// recorder records the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// probe is a ResponseWriter that only records the status and headers, to ask
// the ServeMux whether a path exists for other methods.
type probe struct {
	header http.Header
	status int
}

func (p *probe) Header() http.Header         { return p.header }
func (p *probe) Write(b []byte) (int, error) { return len(b), nil }
func (p *probe) WriteHeader(code int)        { p.status = code }
