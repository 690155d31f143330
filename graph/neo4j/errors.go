package neo4j

import (
	"context"
	"errors"
	"net"
	"strings"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// Client-safe messages. Driver and Cypher text goes into Err only.
const (
	msgUnavailable = "the Neo4j store cannot be reached; try again later"
	msgTimeout     = "the Neo4j store did not answer before the deadline"
	msgCanceled    = "the request was cancelled before the Neo4j store answered"
	msgConflict    = "the write conflicts with data already in the Neo4j store"
	msgAuth        = "the Neo4j store rejected newsgraph's credentials"
	msgDatabase    = "the configured Neo4j database does not exist"
	msgInternal    = "the Neo4j store failed"
)

// Neo4j status codes the store maps to its own codes.
const (
	codeConstraint       = "Neo.ClientError.Schema.ConstraintValidationFailed"
	codeDatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound"
	codeSecurityPrefix   = "Neo.ClientError.Security."
	codeTransientPrefix  = "Neo.TransientError."
	// Raised by CREATE ... IF NOT EXISTS when another transaction created
	// the same index or constraint at the same time.
	codeEquivalentSchema = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
)

// schemaRaced reports whether a schema statement failed only because a
// concurrent Open (another process, or another store on the same server)
// created the same index or constraint first: IF NOT EXISTS is checked
// before the schema lock is taken, so two of them can both decide to
// create. The rule exists, which is all Open needs.
func schemaRaced(err error) bool {
	var dbErr *neo4jdrv.Neo4jError
	return errors.As(err, &dbErr) && dbErr.Code == codeEquivalentSchema
}

// wrap maps a driver error onto a graph.Error once, at the edge. The
// driver has already retried what it could (ExecuteWrite/ExecuteQuery retry
// transient errors and lost connections for MaxRetryTime), so what reaches
// here is final. The context is consulted first, since the driver reports a
// passed deadline in several shapes.
func (s *Store) wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	code, msg := classify(ctx, err)
	return graph.E(op, code, msg, err)
}

// classify returns the code and client-safe message for a driver error.
func classify(ctx context.Context, err error) (graph.Code, string) {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return graph.Timeout, msgTimeout
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		return graph.Timeout, msgCanceled
	}
	var limit *neo4jdrv.TransactionExecutionLimit
	if errors.As(err, &limit) {
		// Retries ran out: the last attempt's error says why.
		if n := len(limit.Errors); n > 0 {
			if code, msg := classify(ctx, limit.Errors[n-1]); code != graph.Internal {
				return code, msg
			}
		}
		return graph.Unavailable, msgUnavailable
	}
	var dbErr *neo4jdrv.Neo4jError
	if errors.As(err, &dbErr) {
		switch {
		case dbErr.Code == codeConstraint:
			return graph.Conflict, msgConflict
		case dbErr.Code == codeDatabaseNotFound:
			return graph.Unavailable, msgDatabase
		case strings.HasPrefix(dbErr.Code, codeSecurityPrefix):
			return graph.Unavailable, msgAuth
		case strings.HasPrefix(dbErr.Code, codeTransientPrefix):
			return graph.Unavailable, msgUnavailable
		}
		return graph.Internal, msgInternal
	}
	var authErr *neo4jdrv.InvalidAuthenticationError
	if errors.As(err, &authErr) {
		return graph.Unavailable, msgAuth
	}
	var connErr *neo4jdrv.ConnectivityError
	var netErr net.Error
	if errors.As(err, &connErr) || errors.As(err, &netErr) || neo4jdrv.IsRetryable(err) {
		return graph.Unavailable, msgUnavailable
	}
	return graph.Internal, msgInternal
}
