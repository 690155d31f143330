package api

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/web"
)

// Defaults of the options.
const (
	DefaultTimeout         = 15 * time.Second
	DefaultComplexityLimit = 250_000
	DefaultDepthLimit      = 12
	DefaultBatchWait       = 2 * time.Millisecond

	healthTimeout = 2 * time.Second
	maxBodyBytes  = 1 << 20
)

// Server serves the GraphQL API over HTTP. Build it with NewServer and
// mount Handler.
type Server struct {
	store      Store
	log        zerolog.Logger
	now        func() time.Time
	timeout    time.Duration
	complexity int
	depth      int
	batching   batching

	keys        [][32]byte // SHA-256 of the API keys
	readAuth    bool
	corsOrigins []string

	ingester      Ingester
	ingestWorkers int
	jobTimeout    time.Duration
	jobs          *jobQueue
	queue         JobQueue
	observe       func(operation, status string, d time.Duration)
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the logger of requests and internal errors; the default
// discards.
func WithLogger(l zerolog.Logger) Option { return func(s *Server) { s.log = l } }

// WithClock sets the clock, for request durations and /healthz.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithTimeout bounds the time of one request (DefaultTimeout).
func WithTimeout(d time.Duration) Option { return func(s *Server) { s.timeout = d } }

// WithComplexityLimit bounds the complexity of an operation: one per field,
// list fields multiplied by the items they may return
// (DefaultComplexityLimit).
func WithComplexityLimit(n int) Option { return func(s *Server) { s.complexity = n } }

// WithDepthLimit bounds how deep the fields of an operation nest
// (DefaultDepthLimit).
func WithDepthLimit(n int) Option { return func(s *Server) { s.depth = n } }

// WithBatchWait sets how long a dataloader collects keys before it calls
// the store (DefaultBatchWait). Longer waits make fewer, larger batches
// and slower answers.
func WithBatchWait(d time.Duration) Option { return func(s *Server) { s.batching.wait = d } }

// WithIngester lets Mutation.ingestArticle queue articles for in, on
// workers of the server's own (WithIngestWorkers, default 1); without it
// the mutation answers UNAVAILABLE. Close stops the workers.
func WithIngester(in Ingester) Option { return func(s *Server) { s.ingester = in } }

// WithIngestWorkers sets how many articles the server ingests at once.
func WithIngestWorkers(n int) Option { return func(s *Server) { s.ingestWorkers = n } }

// WithJobTimeout bounds the time of one ingest job (DefaultJobTimeout).
func WithJobTimeout(d time.Duration) Option { return func(s *Server) { s.jobTimeout = d } }

// NewServer returns a server answering from store.
func NewServer(store Store, opts ...Option) *Server {
	s := &Server{
		store:      store,
		log:        zerolog.Nop(),
		now:        time.Now,
		timeout:    DefaultTimeout,
		complexity: DefaultComplexityLimit,
		depth:      DefaultDepthLimit,
		batching:   batching{wait: DefaultBatchWait, maxBatch: 500, parallel: 4},
		jobTimeout: DefaultJobTimeout,
	}
	for _, o := range opts {
		o(s)
	}
	if s.ingester != nil && s.queue == nil {
		s.jobs = newJobQueue(s.ingester, s.ingestWorkers, s.log, s.now, s.jobTimeout)
	}
	return s
}

// Close stops the ingest workers (see WithIngester): a running job fails
// with code TIMEOUT, queued ones never start. The store is the caller's to
// close.
func (s *Server) Close() error {
	if s.jobs != nil {
		s.jobs.close()
	}
	return nil
}

// Handler serves the explorer at /, GraphiQL at /graphiql (both from
// package web's embedded build), the GraphQL endpoint at /graphql (GET and
// POST), network exports at /export/network.{graphml,gexf,csv,cyjs} and a
// health check at /healthz; it answers CORS preflights and logs every
// request.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	assets, _ := web.Assets()
	mountWeb(mux, assets)
	mux.Handle("/graphql", s.perRequest(s.graphQL()))
	mux.HandleFunc("GET /export/{file}", s.exportNetwork)
	mux.HandleFunc("GET /healthz", s.health)
	return s.logRequests(s.cors(s.withAuth(mux)))
}

func (s *Server) graphQL() http.Handler {
	cfg := gen.Config{Resolvers: &Resolver{store: s.store, batching: s.batching, jobs: s.jobs, queue: s.queue, now: s.now}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(gen.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(depthLimit(s.depth))
	srv.Use(extension.FixedComplexityLimit(s.complexity))
	srv.SetErrorPresenter(s.presentError)
	srv.SetRecoverFunc(s.recoverPanic)
	srv.AroundOperations(s.noteOperation)
	srv.AroundOperations(s.observeOperations)
	srv.AroundOperations(s.guard)
	srv.AroundResponses(s.boundResponse)
	return srv
}

// perRequest bounds the size of the request body.
func (s *Server) perRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

// boundResponse bounds the time of resolving an operation and gives it its
// own dataloaders, bound to the bounded context. It is a response
// middleware, not an HTTP one, because gqlgen answers a bare null, without
// errors, to a request whose context has ended before execution starts;
// here the deadline starts with execution and expiry surfaces as TIMEOUT
// errors on the fields it cut short.
func (s *Server) boundResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return next(withLoaders(ctx, newLoaders(ctx, s.store, s.batching)))
}

// health answers 200 when the store answers a Stats call in time, 503
// otherwise, with a JSON body either way.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	body := map[string]any{"time": s.now().UTC().Format(time.RFC3339)}
	status := http.StatusOK
	st, err := s.store.Stats(ctx)
	if err != nil {
		code := codeOf(err)
		s.log.Warn().Err(err).Msg("health check failed")
		status = http.StatusServiceUnavailable
		body["status"] = "unavailable"
		body["code"] = string(code)
		body["error"] = graph.ErrorMessage(err)
	} else {
		body["status"] = "ok"
	}
	if err == nil && (!s.readAuth || isAuthorized(r.Context())) {
		body["stats"] = map[string]int{
			"articles": st.Articles, "entities": st.Entities, "mentions": st.Mentions,
			"relationships": st.Relationships, "claims": st.Claims, "citations": st.Citations,
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}
