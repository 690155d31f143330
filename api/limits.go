package api

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/graph"
)

// depthLimit rejects operations whose fields nest deeper than its value,
// before anything is resolved. gqlgen has a complexity limit but no depth
// limit; complexity alone lets a query with small pages nest very deep.
// Introspection fields (__schema, __type) are not counted: GraphiQL's own
// introspection query nests type references a dozen levels deep.
type depthLimit int

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit(0)

const errDepthLimit = "DEPTH_LIMIT_EXCEEDED"

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Doc.Operations.ForName(opCtx.OperationName)
	if op == nil {
		return nil
	}
	if depth := selectionDepth(op.SelectionSet, map[string]bool{}); depth > int(d) {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, int(d))
		errcode.Set(err, errDepthLimit)
		return err
	}
	return nil
}

// selectionDepth is the number of nested fields below set. Fragments add
// no level of their own; visiting tracks the fragments on the current path,
// so that a cycle (which validation rejects anyway) cannot loop.
func selectionDepth(set ast.SelectionSet, visiting map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d = selectionDepth(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// setComplexity weighs every list field by the number of items it may
// return, so that the complexity limit bounds the work of nested pages
// rather than the length of the query text.
func setComplexity(c *gen.ComplexityRoot) {
	const def = graph.DefaultLimit
	c.Query.Entities = func(child int, _ *string, _ []graph.EntityKind, _ *string, _, _ *time.Time, _ *graph.EntityOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.Relationships = func(child int, _ *string, _ []graph.RelationType, _ *graph.Direction, _ *float64, _, _ *time.Time, _ *string, _ *graph.RelationshipOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.Claims = func(child int, _, _, _, _, _ *string, _, _ *time.Time, _ *float64, _ *bool, _ *graph.ClaimOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.Articles = func(child int, _ *string, _, _ *time.Time, _ *graph.ArticleOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.Search = func(child int, _ string, _ []graph.EntityKind, _ []gen.SearchTarget, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.CoOccurrences = func(child int, _ string, _ *graph.Scope, _ []graph.EntityKind, _, _ *time.Time, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Query.Merges = func(child int, first, _ *int) int { return times(child, first, def) }
	// A network's nodes and edges are one selection: weigh it by the node cap.
	c.Query.Network = func(child int, _ []string, _ *int, _ []graph.RelationType, _, _ *time.Time, _ *float64, limit *int, _ *int) int {
		return times(child, limit, defaultNetworkLimit)
	}
	c.Query.Paths = func(child int, _, _ string, maxHops *int, _ []graph.RelationType, _ *float64, limit *int) int {
		hops := defaultMaxHops
		if maxHops != nil {
			hops = min(max(*maxHops, 1), maxPathHops)
		}
		return times(times(child, &hops, hops), limit, defaultPaths)
	}
	c.Query.Timeline = func(child int, _ string, _ *graph.Bucket, _, _ *time.Time) int { return times(child, nil, def) }
	c.Entity.Relationships = func(child int, _ []graph.RelationType, _ *graph.Direction, _ *float64, _, _ *time.Time, _ *string, _ *graph.RelationshipOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Entity.ClaimsBy = func(child int, _, _ *string, _, _ *time.Time, _ *float64, _ *bool, _ *graph.ClaimOrder, first *int, _ *string) int {
		return times(child, first, def)
	}
	c.Entity.ClaimsAbout = c.Entity.ClaimsBy
	c.Entity.Mentions = func(child int, first *int, _ *string) int { return times(child, first, defaultMentions) }
	c.Relationship.Citations = func(child int, first *int) int { return times(child, first, defaultRelCitations) }
	c.Claim.Citations = func(child int, first *int) int { return times(child, first, defaultClaimCitations) }
	c.Claim.NearDuplicates = func(child int, _ *float64, first *int) int { return times(child, first, defaultNearDuplicates) }
}

// times is the cost of a list field: one, plus its selection once per item
// it may return. It saturates rather than overflows: a negative cost would
// slip under the limit.
func times(child int, first *int, def int) int {
	n := def
	if first != nil {
		n = min(max(*first, 1), graph.MaxLimit+1) // larger pages are rejected anyway
	}
	if child >= (math.MaxInt-1)/n {
		return math.MaxInt
	}
	return 1 + child*n
}
