package api

import (
	"context"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Mutations are guarded by API keys before they reach these resolvers (see
// Server.guard).

func (m mutationResolver) IngestArticle(ctx context.Context, input gen.IngestArticleInput) (*model.Job, error) {
	if m.jobs == nil && m.queue == nil {
		return nil, graph.Errorf("api.ingestArticle", graph.Unavailable, "this server does not ingest articles")
	}
	a, err := articleOf(deref(input.URL), input.Title, input.Outlet, input.PublishedAt, input.Text)
	if err != nil {
		return nil, err
	}
	if m.queue != nil {
		return m.enqueue(ctx, a)
	}
	return m.jobs.submit(a)
}

func (m mutationResolver) MergeEntities(ctx context.Context, into, from string) (*graph.Merge, error) {
	c := m.store
	return c.MergeEntities(ctx, into, from)
}

func (m mutationResolver) UnmergeEntity(ctx context.Context, from string) (*graph.Entity, error) {
	c := m.store
	if err := c.UnmergeEntities(ctx, from); err != nil {
		return nil, err
	}
	// Straight from the store: the request's loader may hold the merged state.
	return m.store.Entity(ctx, from)
}

func (m mutationResolver) RetractArticle(ctx context.Context, id string) (string, error) {
	d := m.store
	if err := d.DeleteArticle(ctx, id); err != nil {
		return "", err
	}
	return id, nil
}

func (q queryResolver) Merges(ctx context.Context, first, offset *int) ([]*graph.Merge, error) {
	c := q.store
	p, err := pageOf(first, nil, graph.DefaultLimit)
	if err != nil || p.Limit == 0 {
		return nil, err
	}
	if p.Offset = deref(offset); p.Offset < 0 {
		return nil, graph.Errorf("api.merges", graph.Invalid, "offset must not be negative")
	}
	return c.Merges(ctx, p)
}

func (r mergeResolver) Into(ctx context.Context, obj *graph.Merge) (*graph.Entity, error) {
	return r.entityRef(ctx, obj.Into)
}

func (q queryResolver) Job(ctx context.Context, id string) (*model.Job, error) {
	if q.queue != nil {
		return q.queuedJobByID(ctx, id)
	}
	if q.jobs == nil {
		return nil, nil
	}
	return q.jobs.get(id), nil
}

func (r jobResolver) Article(ctx context.Context, obj *model.Job) (*graph.Article, error) {
	if obj.Status != model.JobSucceeded {
		return nil, nil
	}
	a, err := r.store.Article(ctx, obj.ArticleID)
	if graph.ErrorCode(err) == graph.NotFound {
		return nil, nil // retracted since
	}
	return a, err
}
