package api

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// WithOperationObserver sets a function called after each GraphQL
// operation with its name ("anonymous" when it has none), its status ("ok",
// or the code of its first error) and how long it took, for metrics.
func WithOperationObserver(f func(operation, status string, d time.Duration)) Option {
	return func(s *Server) { s.observe = f }
}

// observeOperations reports each operation to the observer.
func (s *Server) observeOperations(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if s.observe == nil {
		return next(ctx)
	}
	start := time.Now()
	name := "anonymous"
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		switch {
		case oc.OperationName != "":
			name = oc.OperationName
		case oc.Operation != nil && oc.Operation.Name != "":
			name = oc.Operation.Name
		}
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		status := "ok"
		if resp != nil && len(resp.Errors) > 0 {
			status = "error"
			if c, ok := resp.Errors[0].Extensions["code"].(string); ok && c != "" {
				status = c
			}
		}
		s.observe(name, status, time.Since(start))
		return resp
	}
}
