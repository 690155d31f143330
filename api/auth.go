package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph"
)

// WithAPIKeys sets the keys that authorize mutations (and reads, with
// WithReadAuth). Clients send one as "Authorization: Bearer KEY" or
// "X-API-Key: KEY". Without keys, every mutation is refused with code
// UNAUTHORIZED: a server nobody configured must not be writable by anyone.
func WithAPIKeys(keys ...string) Option {
	return func(s *Server) {
		for _, k := range keys {
			if k = strings.TrimSpace(k); k != "" {
				s.keys = append(s.keys, sha256.Sum256([]byte(k)))
			}
		}
	}
}

// WithReadAuth makes queries and exports need an API key too; by default
// reads are open.
func WithReadAuth(on bool) Option { return func(s *Server) { s.readAuth = on } }

// WithCORSOrigins allows browsers on these origins ("https://app.example",
// or "*" for any) to call the API. Preflight requests are answered here;
// requests from other origins get no CORS headers, so browsers block them.
func WithCORSOrigins(origins ...string) Option {
	return func(s *Server) { s.corsOrigins = append(s.corsOrigins, origins...) }
}

type authKey struct{}

// authorized reports whether the request carries a valid API key. Keys are
// compared as hashes in constant time, so neither their length nor their
// content leaks through timing.
func (s *Server) authorized(r *http.Request) bool {
	key := r.Header.Get("X-API-Key")
	if auth := r.Header.Get("Authorization"); key == "" && auth != "" {
		if scheme, token, ok := strings.Cut(auth, " "); ok && strings.EqualFold(scheme, "Bearer") {
			key = strings.TrimSpace(token)
		}
	}
	if key == "" {
		return false
	}
	sum := sha256.Sum256([]byte(key))
	ok := 0
	for _, k := range s.keys {
		ok |= subtle.ConstantTimeCompare(sum[:], k[:])
	}
	return ok == 1
}

// withAuth notes in the request's context whether it carries a valid key.
func (s *Server) withAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, s.authorized(r))))
	})
}

func isAuthorized(ctx context.Context) bool {
	ok, _ := ctx.Value(authKey{}).(bool)
	return ok
}

// errUnauthorized is the error of a request without a needed key.
func (s *Server) errUnauthorized(what string) error {
	if len(s.keys) == 0 {
		return graph.Errorf("api.auth", graph.Unauthorized, "%s need an API key, and this server has none configured", what)
	}
	return graph.Errorf("api.auth", graph.Unauthorized, "%s need an API key: send Authorization: Bearer KEY or X-API-Key: KEY", what)
}

// guard refuses, before anything is resolved, a mutation (or, with read
// auth, any operation) from a request without a valid API key.
func (s *Server) guard(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || isAuthorized(ctx) {
		return next(ctx)
	}
	what := ""
	switch {
	case oc.Operation.Operation == ast.Mutation:
		what = "mutations"
	case s.readAuth:
		what = "queries"
	default:
		return next(ctx)
	}
	err := s.errUnauthorized(what)
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message:    graph.ErrorMessage(err),
		Extensions: map[string]any{"code": string(graph.Unauthorized)},
	}}})
}

// cors answers preflight requests and adds the CORS headers for allowed
// origins.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.corsOrigins) == 0 {
		return next
	}
	any := slices.Contains(s.corsOrigins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		h := w.Header()
		h.Add("Vary", "Origin")
		allowed := origin != "" && (any || slices.Contains(s.corsOrigins, origin))
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "Content-Disposition")
		}
		if !preflight {
			next.ServeHTTP(w, r)
			return
		}
		if !allowed {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		h.Add("Vary", "Access-Control-Request-Method")
		h.Add("Vary", "Access-Control-Request-Headers")
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-API-Key")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
}
