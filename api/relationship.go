package api

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// defaultRelCitations is the default of Relationship.citations(first).
const defaultRelCitations = 10

// relArgs are the filter arguments shared by Query.relationships and
// Entity.relationships.
type relArgs struct {
	entityID      string
	types         []graph.RelationType
	direction     *graph.Direction
	minConfidence *float64
	since, until  *time.Time
	outlet        *string
	orderBy       *graph.RelationshipOrder
}

// relationshipFilter checks and gathers the arguments of a relationship list.
func relationshipFilter(a relArgs, first *int, after *string) (graph.RelationshipFilter, error) {
	const op = "api.relationships"
	f := graph.RelationshipFilter{
		EntityID: a.entityID, Types: a.types, Direction: deref(a.direction), MinConfidence: deref(a.minConfidence),
		Since: deref(a.since), Until: deref(a.until), Outlet: deref(a.outlet), Order: deref(a.orderBy),
	}
	if err := checkConfidence(op, f.MinConfidence); err != nil {
		return f, err
	}
	if err := checkRange(op, f.Since, f.Until); err != nil {
		return f, err
	}
	if f.Direction != graph.Any && f.EntityID == "" {
		return f, graph.Errorf(op, graph.Invalid, "direction needs entityId")
	}
	p, err := pageOf(first, after, graph.DefaultLimit)
	f.Page = p
	return f, err
}

// checkConfidence checks a minConfidence argument.
func checkConfidence(op string, c float64) error {
	if c < 0 || c > 1 {
		return graph.Errorf(op, graph.Invalid, "minConfidence must be between 0 and 1, got %v", c)
	}
	return nil
}

// checkRange checks a since/until pair.
func checkRange(op string, since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && !since.Before(until) {
		return graph.Errorf(op, graph.Invalid, "since must be before until")
	}
	return nil
}

// relationshipConnection lists the page f asks for, each relationship seen
// from f.EntityID. totalCount, when selected, is one CountRelationships.
func (r *Resolver) relationshipConnection(ctx context.Context, f graph.RelationshipFilter, list lister[*graph.Relationship]) (*model.RelationshipConnection, error) {
	w, err := fetchWindow(ctx, f.Page, list)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return r.store.CountRelationships(ctx, f) }
	c := &model.RelationshipConnection{PageInfo: w.pageInfo, Count: count}
	for i, rel := range w.items {
		node := &model.Relationship{Relationship: rel, Viewpoint: f.EntityID}
		c.Edges = append(c.Edges, &model.RelationshipEdge{Cursor: w.cursors[i], Node: node})
	}
	return c, nil
}

func (r relationshipResolver) Source(ctx context.Context, obj *model.Relationship) (*graph.Entity, error) {
	return r.entityRef(ctx, obj.SourceID)
}

func (r relationshipResolver) Target(ctx context.Context, obj *model.Relationship) (*graph.Entity, error) {
	return r.entityRef(ctx, obj.TargetID)
}

func (r relationshipResolver) Other(ctx context.Context, obj *model.Relationship) (*graph.Entity, error) {
	id := obj.OtherID()
	if id == "" {
		return nil, nil
	}
	return r.entityRef(ctx, id)
}

// entityRef resolves a reference to an entity that must exist: a
// relationship's end, a mention's entity.
func (r *Resolver) entityRef(ctx context.Context, id string) (*graph.Entity, error) {
	e, err := r.loadersFor(ctx).entities.load(ctx, id)
	if err == nil && e == nil {
		err = graph.Errorf("api.entityRef", graph.Internal, "reference to missing entity %s", id)
	}
	return e, err
}

func (r relationshipResolver) Citations(ctx context.Context, obj *model.Relationship, first *int) ([]*graph.Citation, error) {
	n, err := listLimit(first, defaultRelCitations)
	if err != nil || n == 0 {
		return nil, err
	}
	cs, err := r.loadersFor(ctx).relEvidence.load(ctx, evidenceKey{obj.ID, n})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Citation, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	return out, nil
}

func (r citationResolver) Article(ctx context.Context, obj *graph.Citation) (*graph.Article, error) {
	return citedArticle(ctx, r.Resolver, obj.ArticleID)
}

// citedArticle resolves the article of a citation, which must exist.
func citedArticle(ctx context.Context, r *Resolver, id string) (*graph.Article, error) {
	a, err := r.loadersFor(ctx).articles.load(ctx, id)
	if err == nil && a == nil {
		err = graph.Errorf("api.Citation", graph.Internal, "citation of missing article %s", id)
	}
	return a, err
}

// listLimit checks the first argument of a plain list field.
func listLimit(first *int, def int) (int, error) {
	if first == nil {
		return def, nil
	}
	if *first < 0 || *first > graph.MaxLimit {
		return 0, graph.Errorf("api.first", graph.Invalid, "first must be between 0 and %d, got %d", graph.MaxLimit, *first)
	}
	return *first, nil
}
