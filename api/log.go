package api

import (
	"context"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/rs/zerolog"
)

// requestNote collects what the GraphQL layer learns about a request, for
// the one log line logRequests writes when it ends.
type requestNote struct {
	operation  string
	complexity int
}

type noteKey struct{}

// noteOperation records the operation's name and complexity in the
// request's note.
func (s *Server) noteOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if n, ok := ctx.Value(noteKey{}).(*requestNote); ok {
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			n.operation = oc.OperationName
			if op := oc.Operation; op != nil && n.operation == "" {
				// Named in the document, or anonymous: then its type.
				n.operation = op.Name
				if n.operation == "" {
					n.operation = string(op.Operation)
				}
			}
		}
		if st := extension.GetComplexityStats(ctx); st != nil {
			n.complexity = st.Complexity
		}
	}
	return next(ctx)
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one line per request: method, path, status, size,
// duration and, for GraphQL, the operation and its complexity.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		note := &requestNote{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), noteKey{}, note)))
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		level := zerolog.InfoLevel
		if status >= 500 {
			level = zerolog.WarnLevel
		}
		ev := s.log.WithLevel(level).
			Str("method", r.Method).
			Str("path", r.URL.Path).
			Int("status", status).
			Int("bytes", sw.bytes).
			Dur("duration", s.now().Sub(start))
		if note.operation != "" {
			ev = ev.Str("operation", note.operation).Int("complexity", note.complexity)
		}
		ev.Msg("request")
	})
}
