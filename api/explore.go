package api

import (
	"context"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Defaults and bounds of the exploration queries; they mirror the store
// contract's (graph.NetworkQuery, graph.PathQuery), checked here too so that
// the complexity limit can rely on them.
const (
	defaultNetworkLimit = 100
	maxNetworkLimit     = 2000
	maxNetworkDepth     = 3
	maxSeeds            = 100
	defaultMaxHops      = 4
	maxPathHops         = 6
	defaultPaths        = 5
	maxPaths            = 50
)

func (q queryResolver) Search(ctx context.Context, text string, kinds []graph.EntityKind, targets []gen.SearchTarget, first *int, after *string) (*model.SearchConnection, error) {
	const op = "api.search"
	s := q.store
	p, err := pageOf(first, after, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	sq := graph.SearchQuery{Text: text, Kinds: kinds}
	for _, t := range targets {
		switch t {
		case gen.SearchTargetEntities:
			sq.Entities = true
		case gen.SearchTargetClaims:
			sq.Claims = true
		}
	}
	if strings.TrimSpace(sq.Text) == "" {
		return nil, graph.Errorf(op, graph.Invalid, "search text must not be empty")
	}
	list := func(ctx context.Context, p graph.Page) ([]graph.SearchHit, error) {
		g := sq
		g.Page = p
		return s.Search(ctx, g)
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	// Resolve the hits' entities and claims in one batch each.
	ls := q.loadersFor(ctx)
	var entityIDs, claimIDs []string
	for _, h := range w.items {
		if h.EntityID != "" {
			entityIDs = append(entityIDs, h.EntityID)
		} else {
			claimIDs = append(claimIDs, h.ClaimID)
		}
	}
	entities, err := ls.entities.loadAll(ctx, entityIDs)
	if err != nil {
		return nil, err
	}
	claims, err := ls.claims.loadAll(ctx, claimIDs)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return s.CountSearch(ctx, sq) }
	c := &model.SearchConnection{PageInfo: w.pageInfo, Count: count}
	for i, h := range w.items {
		hit := &model.SearchHit{Score: h.Score, Matched: h.Matched}
		if h.EntityID != "" {
			e := entities[0]
			entities = entities[1:]
			if e == nil {
				continue // gone since the search: not worth failing the page
			}
			hit.Node = e
		} else {
			cl := claims[0]
			claims = claims[1:]
			if cl == nil {
				continue
			}
			hit.Node = cl
		}
		c.Edges = append(c.Edges, &model.SearchEdge{Cursor: w.cursors[i], Node: hit})
	}
	return c, nil
}

// NetworkArgs are the arguments of a network query, as the GraphQL field
// and the export endpoints take them.
type networkArgs struct {
	seeds         []string
	depth         *int
	types         []graph.RelationType
	since, until  *time.Time
	minConfidence *float64
	limit         *int
	perNode       *int
}

// networkQuery checks a network query's arguments.
func networkQuery(a networkArgs) (graph.NetworkQuery, error) {
	const op = "api.network"
	q := graph.NetworkQuery{Seeds: a.seeds, Depth: deref(a.depth), Types: a.types, Since: deref(a.since), Until: deref(a.until),
		MinConfidence: deref(a.minConfidence), Limit: deref(a.limit), PerNode: deref(a.perNode)}
	switch {
	case len(q.Seeds) == 0:
		return q, graph.Errorf(op, graph.Invalid, "network needs at least one seed")
	case len(q.Seeds) > maxSeeds:
		return q, graph.Errorf(op, graph.Invalid, "at most %d seeds, got %d", maxSeeds, len(q.Seeds))
	case q.Depth < 0 || q.Depth > maxNetworkDepth:
		return q, graph.Errorf(op, graph.Invalid, "depth must be between 1 and %d, got %d", maxNetworkDepth, q.Depth)
	case q.Limit < 0 || q.Limit > maxNetworkLimit:
		return q, graph.Errorf(op, graph.Invalid, "limit must be between 1 and %d, got %d", maxNetworkLimit, q.Limit)
	case q.PerNode < 0 || q.PerNode > graph.MaxLimit:
		return q, graph.Errorf(op, graph.Invalid, "perNode must be between 1 and %d, got %d", graph.MaxLimit, q.PerNode)
	}
	if err := checkConfidence(op, q.MinConfidence); err != nil {
		return q, err
	}
	return q, checkRange(op, q.Since, q.Until)
}

func (q queryResolver) Network(ctx context.Context, seeds []string, depth *int, relationTypes []graph.RelationType, since, until *time.Time, minConfidence *float64, limit, perNode *int) (*model.Network, error) {
	nq, err := networkQuery(networkArgs{seeds, depth, relationTypes, since, until, minConfidence, limit, perNode})
	if err != nil {
		return nil, err
	}
	n, err := q.network(ctx, nq)
	if err != nil {
		return nil, err
	}
	ls := q.loadersFor(ctx)
	for _, e := range n.Nodes {
		ls.entities.prime(e.ID, e)
	}
	return model.NewNetwork(n), nil
}

// network runs a checked network query on the store.
func (r *Resolver) network(ctx context.Context, q graph.NetworkQuery) (*graph.Network, error) {
	n := r.store
	return n.Network(ctx, q)
}

func (q queryResolver) Paths(ctx context.Context, from, to string, maxHops *int, relationTypes []graph.RelationType, minConfidence *float64, limit *int) ([]*model.Path, error) {
	const op = "api.paths"
	pf := q.store
	pq := graph.PathQuery{From: from, To: to, MaxHops: deref(maxHops), Types: relationTypes, MinConfidence: deref(minConfidence), Limit: deref(limit)}
	switch {
	case pq.MaxHops < 0 || pq.MaxHops > maxPathHops:
		return nil, graph.Errorf(op, graph.Invalid, "maxHops must be between 1 and %d, got %d", maxPathHops, pq.MaxHops)
	case pq.Limit < 0 || pq.Limit > maxPaths:
		return nil, graph.Errorf(op, graph.Invalid, "limit must be between 1 and %d, got %d", maxPaths, pq.Limit)
	}
	if err := checkConfidence(op, pq.MinConfidence); err != nil {
		return nil, err
	}
	paths, err := pf.Paths(ctx, pq)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		out[i] = model.NewPath(p)
	}
	return out, nil
}

func (r pathResolver) Nodes(ctx context.Context, obj *model.Path) ([]*graph.Entity, error) {
	es, err := r.loadersFor(ctx).entities.loadAll(ctx, obj.EntityIDs)
	if err != nil {
		return nil, err
	}
	for i, e := range es {
		if e == nil {
			return nil, graph.Errorf("api.Path.nodes", graph.Internal, "path through missing entity %s", obj.EntityIDs[i])
		}
	}
	return es, nil
}

func (q queryResolver) Timeline(ctx context.Context, entityID string, bucket *graph.Bucket, since, until *time.Time) ([]*graph.TimelineBucket, error) {
	t := q.store
	tq := graph.TimelineQuery{EntityID: entityID, Bucket: deref(bucket), Since: deref(since), Until: deref(until)}
	if err := checkRange("api.timeline", tq.Since, tq.Until); err != nil {
		return nil, err
	}
	bs, err := t.Timeline(ctx, tq)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.TimelineBucket, len(bs))
	for i := range bs {
		out[i] = &bs[i]
	}
	return out, nil
}

func (q queryResolver) CoOccurrences(ctx context.Context, entityID string, scope *graph.Scope, kinds []graph.EntityKind, since, until *time.Time, first *int, after *string) (*model.CoOccurrenceConnection, error) {
	co := q.store
	p, err := pageOf(first, after, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	cq := graph.CoOccurrenceQuery{EntityID: entityID, Scope: deref(scope), Kinds: kinds, Since: deref(since), Until: deref(until)}
	if err := checkRange("api.coOccurrences", cq.Since, cq.Until); err != nil {
		return nil, err
	}
	list := func(ctx context.Context, p graph.Page) ([]*graph.CoOccurrence, error) {
		g := cq
		g.Page = p
		cs, err := co.CoOccurrences(ctx, g)
		out := make([]*graph.CoOccurrence, len(cs))
		for i := range cs {
			out[i] = &cs[i]
		}
		return out, err
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return co.CountCoOccurrences(ctx, cq) }
	c := &model.CoOccurrenceConnection{PageInfo: w.pageInfo, Count: count}
	for i, n := range w.items {
		c.Edges = append(c.Edges, &model.CoOccurrenceEdge{Cursor: w.cursors[i], Node: n})
	}
	return c, nil
}

func (r coOccurrenceResolver) Entity(ctx context.Context, obj *graph.CoOccurrence) (*graph.Entity, error) {
	return r.entityRef(ctx, obj.EntityID)
}
