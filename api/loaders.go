package api

import (
	"context"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// loaders are the dataloaders of one request. Nested fields go through
// them, never straight to the store, so that a page of N entities with
// their relationships, other ends, citations, claims and cited articles
// costs one batched store call per kind of look-up and level, whatever N:
// RelationshipsOf, ClaimsOf, EntitiesByID, ArticlesByID,
// RelationshipEvidence, ClaimEvidence. Mentions and claims by id have no
// batch form; their per-key calls are at least run together.
type loaders struct {
	entities      *loader[string, *graph.Entity]
	articles      *loader[string, *graph.Article]
	claims        *loader[string, *graph.Claim]
	relEvidence   *loader[evidenceKey, []graph.Citation]
	claimEvidence *loader[string, []graph.ClaimEvidence]
	relLists      *loader[relQuery, []*graph.Relationship]
	claimLists    *loader[claimQuery, []*graph.Claim]
	mentionLists  *loader[mentionQuery, []*graph.Mention]
}

// batching tunes the loaders.
type batching struct {
	wait     time.Duration // how long a batch collects keys
	maxBatch int           // a batch this large goes at once
	parallel int           // concurrent store calls of a per-key batch
}

// evidenceKey asks for at most n citations of one relationship.
type evidenceKey struct {
	id string
	n  int
}

// relQuery is a comparable form of graph.RelationshipFilter.
type relQuery struct {
	entityID     string
	direction    graph.Direction
	types        string // comma-separated
	minConf      float64
	since, until time.Time
	outlet       string
	order        graph.RelationshipOrder
	page         graph.Page
}

func newRelQuery(f graph.RelationshipFilter) relQuery {
	ts := make([]string, len(f.Types))
	for i, t := range f.Types {
		ts[i] = string(t)
	}
	return relQuery{f.EntityID, f.Direction, strings.Join(ts, ","), f.MinConfidence, f.Since, f.Until, f.Outlet, f.Order, f.Page}
}

func (q relQuery) filter() graph.RelationshipFilter {
	f := graph.RelationshipFilter{EntityID: q.entityID, Direction: q.direction, MinConfidence: q.minConf,
		Since: q.since, Until: q.until, Outlet: q.outlet, Order: q.order, Page: q.page}
	if q.types != "" {
		for _, t := range strings.Split(q.types, ",") {
			f.Types = append(f.Types, graph.RelationType(t))
		}
	}
	return f
}

// claimQuery asks for the claims an entity made (by) or the claims about
// it; the entity is filter.SpeakerID or filter.AboutID.
type claimQuery struct {
	filter graph.ClaimFilter
	by     bool
}

func (q claimQuery) entityID() string {
	if q.by {
		return q.filter.SpeakerID
	}
	return q.filter.AboutID
}

// mentionQuery is a comparable form of graph.MentionFilter.
type mentionQuery graph.MentionFilter

func newLoaders(ctx context.Context, store Store, b batching) *loaders {
	return &loaders{
		entities: newLoader(ctx, b.wait, b.maxBatch, func(ctx context.Context, ids []string) ([]*graph.Entity, []error) {
			es, err := store.EntitiesByID(ctx, ids)
			return es, errs(err)
		}),
		articles: newLoader(ctx, b.wait, b.maxBatch, func(ctx context.Context, ids []string) ([]*graph.Article, []error) {
			as, err := store.ArticlesByID(ctx, ids)
			return as, errs(err)
		}),
		claims: newLoader(ctx, b.wait, b.maxBatch, perKey(b.parallel, func(ctx context.Context, id string) (*graph.Claim, error) {
			c, err := store.Claim(ctx, id)
			if graph.ErrorCode(err) == graph.NotFound {
				return nil, nil
			}
			return c, err
		})),
		claimEvidence: newLoader(ctx, b.wait, b.maxBatch, func(ctx context.Context, ids []string) ([][]graph.ClaimEvidence, []error) {
			m, err := store.ClaimEvidence(ctx, ids)
			return inOrder(ids, m), errs(err)
		}),
		relEvidence: newLoader(ctx, b.wait, b.maxBatch, func(ctx context.Context, keys []evidenceKey) ([][]graph.Citation, []error) {
			return relationshipEvidence(ctx, store, keys)
		}),
		relLists:   newLoader(ctx, b.wait, b.maxBatch, relationshipLists(store)),
		claimLists: newLoader(ctx, b.wait, b.maxBatch, claimLists(store)),
		mentionLists: newLoader(ctx, b.wait, b.maxBatch, perKey(b.parallel, func(ctx context.Context, q mentionQuery) ([]*graph.Mention, error) {
			return store.Mentions(ctx, graph.MentionFilter(q))
		})),
	}
}

// relationshipLists fetches the relationships of a batch of entities: one
// RelationshipsOf call per distinct filter (in practice one per field of
// the query).
func relationshipLists(store Store) batchFunc[relQuery, []*graph.Relationship] {
	return func(ctx context.Context, keys []relQuery) ([][]*graph.Relationship, []error) {
		groups := make(map[relQuery][]string)
		for _, k := range keys {
			g := k
			g.entityID = ""
			groups[g] = append(groups[g], k.entityID)
		}
		got := make(map[relQuery][]*graph.Relationship, len(keys))
		for g, ids := range groups {
			m, err := store.RelationshipsOf(ctx, ids, g.filter())
			if err != nil {
				return nil, errs(err)
			}
			for _, id := range ids {
				k := g
				k.entityID = id
				got[k] = m[id]
			}
		}
		vals := make([][]*graph.Relationship, len(keys))
		for i, k := range keys {
			vals[i] = got[k]
		}
		return vals, nil
	}
}

// claimLists fetches the claims of a batch of entities: one ClaimsOf call
// per distinct filter and side.
func claimLists(store Store) batchFunc[claimQuery, []*graph.Claim] {
	return func(ctx context.Context, keys []claimQuery) ([][]*graph.Claim, []error) {
		groups := make(map[claimQuery][]string)
		for _, k := range keys {
			g := k
			g.filter.SpeakerID, g.filter.AboutID = "", ""
			groups[g] = append(groups[g], k.entityID())
		}
		got := make(map[claimQuery][]*graph.Claim, len(keys))
		for g, ids := range groups {
			m, err := store.ClaimsOf(ctx, ids, g.by, g.filter)
			if err != nil {
				return nil, errs(err)
			}
			for _, id := range ids {
				k := g
				if k.by {
					k.filter.SpeakerID = id
				} else {
					k.filter.AboutID = id
				}
				got[k] = m[id]
			}
		}
		vals := make([][]*graph.Claim, len(keys))
		for i, k := range keys {
			vals[i] = got[k]
		}
		return vals, nil
	}
}

// relationshipEvidence makes one store call per distinct citation limit in
// the batch; in practice every key of a batch has the same limit.
func relationshipEvidence(ctx context.Context, store Store, keys []evidenceKey) ([][]graph.Citation, []error) {
	byN := make(map[int][]string)
	for _, k := range keys {
		byN[k.n] = append(byN[k.n], k.id)
	}
	got := make(map[evidenceKey][]graph.Citation, len(keys))
	for n, ids := range byN {
		m, err := store.RelationshipEvidence(ctx, ids, n)
		if err != nil {
			return nil, errs(err)
		}
		for id, cs := range m {
			got[evidenceKey{id, n}] = cs
		}
	}
	vals := make([][]graph.Citation, len(keys))
	for i, k := range keys {
		vals[i] = got[k]
	}
	return vals, nil
}

func inOrder[V any](ids []string, m map[string]V) []V {
	vals := make([]V, len(ids))
	for i, id := range ids {
		vals[i] = m[id]
	}
	return vals
}

func errs(err error) []error {
	if err == nil {
		return nil
	}
	return []error{err}
}

type loadersKey struct{}

func withLoaders(ctx context.Context, ls *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, ls)
}

// loadersFor returns the request's loaders. Every request through Handler
// has them; a resolver called any other way gets fresh ones, so it still
// works, without batching across fields.
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if ls, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return ls
	}
	return newLoaders(ctx, r.store, r.batching)
}
