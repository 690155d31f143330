package api

import (
	"context"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// defaultMentions is the default of Entity.mentions(first).
const defaultMentions = 20

func (r entityResolver) ExternalIds(ctx context.Context, obj *graph.Entity) ([]*model.ExternalID, error) {
	ids := make([]*model.ExternalID, 0, len(obj.ExternalIDs))
	for src, id := range obj.ExternalIDs {
		ids = append(ids, &model.ExternalID{Source: src, ID: id})
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Source < ids[j].Source })
	return ids, nil
}

func (r entityResolver) Relationships(ctx context.Context, obj *graph.Entity, types []graph.RelationType, direction *graph.Direction, minConfidence *float64, since, until *time.Time, outlet *string, orderBy *graph.RelationshipOrder, first *int, after *string) (*model.RelationshipConnection, error) {
	f, err := relationshipFilter(relArgs{obj.ID, types, direction, minConfidence, since, until, outlet, orderBy}, first, after)
	if err != nil {
		return nil, err
	}
	ls := r.loadersFor(ctx)
	list := func(ctx context.Context, p graph.Page) ([]*graph.Relationship, error) {
		g := f
		g.Page = p
		return ls.relLists.load(ctx, newRelQuery(g))
	}
	return r.relationshipConnection(ctx, f, list)
}

func (r entityResolver) ClaimsBy(ctx context.Context, obj *graph.Entity, query, outlet *string, since, until *time.Time, minConfidence *float64, includeTentative *bool, orderBy *graph.ClaimOrder, first *int, after *string) (*model.ClaimConnection, error) {
	f, err := claimFilter(claimArgs{query, outlet, since, until, minConfidence, includeTentative, orderBy})
	if err != nil {
		return nil, err
	}
	f.SpeakerID = obj.ID
	return r.claims(ctx, f, first, after, bySpeaker)
}

func (r entityResolver) ClaimsAbout(ctx context.Context, obj *graph.Entity, query, outlet *string, since, until *time.Time, minConfidence *float64, includeTentative *bool, orderBy *graph.ClaimOrder, first *int, after *string) (*model.ClaimConnection, error) {
	f, err := claimFilter(claimArgs{query, outlet, since, until, minConfidence, includeTentative, orderBy})
	if err != nil {
		return nil, err
	}
	f.AboutID = obj.ID
	return r.claims(ctx, f, first, after, byAbout)
}

func (r entityResolver) Mentions(ctx context.Context, obj *graph.Entity, first *int, after *string) (*model.MentionConnection, error) {
	p, err := pageOf(first, after, defaultMentions)
	if err != nil {
		return nil, err
	}
	ls := r.loadersFor(ctx)
	list := func(ctx context.Context, p graph.Page) ([]*graph.Mention, error) {
		return ls.mentionLists.load(ctx, mentionQuery{EntityID: obj.ID, Page: p})
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	f := graph.MentionFilter{EntityID: obj.ID}
	count := func(ctx context.Context) (int, error) { return r.store.CountMentions(ctx, f) }
	c := &model.MentionConnection{PageInfo: w.pageInfo, Count: count}
	for i, m := range w.items {
		c.Edges = append(c.Edges, &model.MentionEdge{Cursor: w.cursors[i], Node: m})
	}
	return c, nil
}

func (r mentionResolver) Entity(ctx context.Context, obj *graph.Mention) (*graph.Entity, error) {
	return r.entityRef(ctx, obj.EntityID)
}

func (r mentionResolver) Role(ctx context.Context, obj *graph.Mention) (*string, error) {
	return optional(obj.Role), nil
}

// KindInContext is null where the mention is of its entity's own kind.
func (r mentionResolver) KindInContext(ctx context.Context, obj *graph.Mention) (*graph.EntityKind, error) {
	if obj.KindInContext == "" {
		return nil, nil
	}
	k := obj.KindInContext
	return &k, nil
}

func (r articleResolver) URL(ctx context.Context, obj *graph.Article) (*string, error) {
	return optional(obj.URL), nil
}

func (r articleResolver) Text(ctx context.Context, obj *graph.Article) (*string, error) {
	return optional(obj.Text), nil
}

// optional maps the empty string, which the domain uses for "unknown", to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
