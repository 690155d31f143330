package api

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph"
)

// presentError is the one error presenter of the API. Errors from
// resolvers reach clients with their graph.ErrorCode in extensions.code and
// their graph.ErrorMessage as message, so that SQL, Cypher and driver text
// never leaves the server; internal errors are logged here, once, with
// their whole chain. Errors gqlgen makes itself (parse, validation,
// complexity and depth limits) are already client-safe and carry their own
// codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// COMPLEXITY_LIMIT_EXCEEDED, DEPTH_LIMIT_EXCEEDED); they pass unchanged.
func (s *Server) presentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		return gqlErr
	}
	cause := err
	if gqlErr != nil {
		cause = gqlErr.Err
	}
	code := codeOf(cause)
	if code == graph.Internal && !errors.As(cause, new(*loggedPanic)) {
		s.log.Error().Err(cause).Str("path", graphql.GetPath(ctx).String()).Msg("internal error")
	}
	out := &gqlerror.Error{
		Message:    graph.ErrorMessage(cause),
		Extensions: map[string]any{"code": string(code)},
	}
	if code == graph.Timeout && graph.ErrorCode(cause) != graph.Timeout {
		out.Message = graph.ErrorMessage(graph.E("api", graph.Timeout))
	}
	if gqlErr != nil {
		out.Path = gqlErr.Path
		out.Locations = gqlErr.Locations
	} else {
		out.Path = graphql.GetPath(ctx)
	}
	return out
}

// codeOf is graph.ErrorCode, except that a passed deadline or a cancelled
// request anywhere in the chain is a Timeout, whoever reported it.
func codeOf(err error) graph.Code {
	code := graph.ErrorCode(err)
	if code == graph.Internal && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)) {
		return graph.Timeout
	}
	return code
}

// loggedPanic marks a panic the recover func has logged already, so that
// the presenter does not log it a second time.
type loggedPanic struct{ value any }

func (p *loggedPanic) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// recoverPanic is the recover func: it logs a resolver's panic with its
// stack and turns it into an Internal error for the client.
func (s *Server) recoverPanic(ctx context.Context, p any) error {
	s.log.Error().
		Str("panic", fmt.Sprint(p)).
		Str("path", graphql.GetPath(ctx).String()).
		Bytes("stack", debug.Stack()).
		Msg("resolver panicked")
	return graph.E("api.recover", graph.Internal, &loggedPanic{p})
}

// panicError turns a panic on a loader's own goroutine, outside gqlgen's
// recovery, into an Internal error; the presenter logs it with the stack.
func panicError(p any) error {
	return graph.E("api.loader", graph.Internal, fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
}
