package api

import (
	"context"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Resolver is the root resolver and the dependency container of the
// resolvers: every type's resolver is a view of it.
type Resolver struct {
	store    Store
	batching batching
	jobs     *jobQueue // nil when the server has no ingester
	queue    JobQueue  // nil when the server has no durable queue; then jobs serves
	now      func() time.Time
}

var _ gen.ResolverRoot = (*Resolver)(nil)

// The resolvers of the schema's types, one view of the root each.
type (
	queryResolver         struct{ *Resolver }
	entityResolver        struct{ *Resolver }
	relationshipResolver  struct{ *Resolver }
	claimResolver         struct{ *Resolver }
	citationResolver      struct{ *Resolver }
	claimCitationResolver struct{ *Resolver }
	mentionResolver       struct{ *Resolver }
	articleResolver       struct{ *Resolver }
	mutationResolver      struct{ *Resolver }
	coOccurrenceResolver  struct{ *Resolver }
	pathResolver          struct{ *Resolver }
	jobResolver           struct{ *Resolver }
	mergeResolver         struct{ *Resolver }
)

// Query returns the resolver of Query.
func (r *Resolver) Query() gen.QueryResolver { return queryResolver{r} }

// Entity returns the resolver of Entity.
func (r *Resolver) Entity() gen.EntityResolver { return entityResolver{r} }

// Relationship returns the resolver of Relationship.
func (r *Resolver) Relationship() gen.RelationshipResolver { return relationshipResolver{r} }

// Claim returns the resolver of Claim.
func (r *Resolver) Claim() gen.ClaimResolver { return claimResolver{r} }

// Citation returns the resolver of Citation.
func (r *Resolver) Citation() gen.CitationResolver { return citationResolver{r} }

// ClaimCitation returns the resolver of ClaimCitation.
func (r *Resolver) ClaimCitation() gen.ClaimCitationResolver { return claimCitationResolver{r} }

// Mention returns the resolver of Mention.
func (r *Resolver) Mention() gen.MentionResolver { return mentionResolver{r} }

// Article returns the resolver of Article.
func (r *Resolver) Article() gen.ArticleResolver { return articleResolver{r} }

// Mutation returns the resolver of Mutation.
func (r *Resolver) Mutation() gen.MutationResolver { return mutationResolver{r} }

// CoOccurrence returns the resolver of CoOccurrence.
func (r *Resolver) CoOccurrence() gen.CoOccurrenceResolver { return coOccurrenceResolver{r} }

// Path returns the resolver of Path.
func (r *Resolver) Path() gen.PathResolver { return pathResolver{r} }

// Job returns the resolver of Job.
func (r *Resolver) Job() gen.JobResolver { return jobResolver{r} }

// Merge returns the resolver of Merge.
func (r *Resolver) Merge() gen.MergeResolver { return mergeResolver{r} }

func (q queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	var (
		node model.Node
		err  error
	)
	switch {
	case strings.HasPrefix(id, "ent_"):
		node, err = q.Query().Entity(ctx, id)
	case strings.HasPrefix(id, "art_"):
		node, err = q.Query().Article(ctx, id)
	case strings.HasPrefix(id, "clm_"):
		node, err = q.Query().Claim(ctx, id)
	case strings.HasPrefix(id, "rel_"):
		node, err = q.Query().Relationship(ctx, id)
	case strings.HasPrefix(id, jobPrefix):
		var job *model.Job
		if job, err = q.Query().Job(ctx, id); err == nil && job == nil {
			return nil, nil
		}
		node = job
	default:
		return nil, graph.Errorf("api.node", graph.Invalid, "id %q has no known type prefix", id)
	}
	// Relay's node(id) answers null for an id that names nothing.
	if graph.ErrorCode(err) == graph.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return node, nil
}

func (q queryResolver) Relationship(ctx context.Context, id string) (*model.Relationship, error) {
	g := q.store
	rel, err := g.Relationship(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.Relationship{Relationship: rel}, nil
}

func (q queryResolver) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	e, err := q.loadersFor(ctx).entities.load(ctx, id)
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, graph.Errorf("api.entity", graph.NotFound, "no entity with id %q", id)
	}
	return e, nil
}

func (q queryResolver) Entities(ctx context.Context, query *string, kinds []graph.EntityKind, outlet *string, since, until *time.Time, orderBy *graph.EntityOrder, first *int, after *string) (*model.EntityConnection, error) {
	p, err := pageOf(first, after, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	f := graph.EntityFilter{Query: deref(query), Kinds: kinds, Outlet: deref(outlet), Since: deref(since), Until: deref(until), Order: deref(orderBy)}
	list := func(ctx context.Context, p graph.Page) ([]*graph.Entity, error) {
		g := f
		g.Page = p
		return q.store.SearchEntities(ctx, g)
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return q.store.CountEntities(ctx, f) }
	ls := q.loadersFor(ctx)
	c := &model.EntityConnection{PageInfo: w.pageInfo, Count: count}
	for i, e := range w.items {
		ls.entities.prime(e.ID, e)
		c.Edges = append(c.Edges, &model.EntityEdge{Cursor: w.cursors[i], Node: e})
	}
	return c, nil
}

func (q queryResolver) Relationships(ctx context.Context, entityID *string, types []graph.RelationType, direction *graph.Direction, minConfidence *float64, since, until *time.Time, outlet *string, orderBy *graph.RelationshipOrder, first *int, after *string) (*model.RelationshipConnection, error) {
	f, err := relationshipFilter(relArgs{deref(entityID), types, direction, minConfidence, since, until, outlet, orderBy}, first, after)
	if err != nil {
		return nil, err
	}
	list := func(ctx context.Context, p graph.Page) ([]*graph.Relationship, error) {
		g := f
		g.Page = p
		return q.store.Relationships(ctx, g)
	}
	return q.relationshipConnection(ctx, f, list)
}

func (q queryResolver) Claim(ctx context.Context, id string) (*graph.Claim, error) {
	return q.store.Claim(ctx, id)
}

func (q queryResolver) Claims(ctx context.Context, speakerID, aboutID, articleID, query, outlet *string, since, until *time.Time, minConfidence *float64, includeTentative *bool, orderBy *graph.ClaimOrder, first *int, after *string) (*model.ClaimConnection, error) {
	f, err := claimFilter(claimArgs{query, outlet, since, until, minConfidence, includeTentative, orderBy})
	if err != nil {
		return nil, err
	}
	f.SpeakerID, f.AboutID, f.ArticleID = deref(speakerID), deref(aboutID), deref(articleID)
	return q.claims(ctx, f, first, after, noBatch)
}

func (q queryResolver) Article(ctx context.Context, id string) (*graph.Article, error) {
	a, err := q.loadersFor(ctx).articles.load(ctx, id)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, graph.Errorf("api.article", graph.NotFound, "no article with id %q", id)
	}
	return a, nil
}

func (q queryResolver) Articles(ctx context.Context, outlet *string, since, until *time.Time, orderBy *graph.ArticleOrder, first *int, after *string) (*model.ArticleConnection, error) {
	p, err := pageOf(first, after, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	f := graph.ArticleFilter{Outlet: deref(outlet), Since: deref(since), Until: deref(until), Order: deref(orderBy)}
	list := func(ctx context.Context, p graph.Page) ([]*graph.Article, error) {
		g := f
		g.Page = p
		return q.store.Articles(ctx, g)
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return q.store.CountArticles(ctx, f) }
	ls := q.loadersFor(ctx)
	c := &model.ArticleConnection{PageInfo: w.pageInfo, Count: count}
	for i, a := range w.items {
		ls.articles.prime(a.ID, a)
		c.Edges = append(c.Edges, &model.ArticleEdge{Cursor: w.cursors[i], Node: a})
	}
	return c, nil
}

func (q queryResolver) Stats(ctx context.Context) (*graph.Stats, error) {
	st, err := q.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &st, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
