package api

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// defaultClaimCitations is the default of Claim.citations(first).
const defaultClaimCitations = 20

// claimArgs are the filter arguments shared by the claim lists.
type claimArgs struct {
	query, outlet *string
	since, until  *time.Time
	minConfidence *float64
	// includeTentative lists tentative claims too; by default (nil or
	// false) they are left out, so that what an analyst sees first is
	// what the extractor is sure of (graph.TentativeClaimConfidence).
	includeTentative *bool
	orderBy          *graph.ClaimOrder
}

// claimFilter checks and gathers the arguments of a claim list.
func claimFilter(a claimArgs) (graph.ClaimFilter, error) {
	const op = "api.claims"
	f := graph.ClaimFilter{Query: deref(a.query), Outlet: deref(a.outlet), Since: deref(a.since), Until: deref(a.until),
		MinConfidence: deref(a.minConfidence), HideTentative: !deref(a.includeTentative), Order: deref(a.orderBy)}
	if err := checkConfidence(op, f.MinConfidence); err != nil {
		return f, err
	}
	return f, checkRange(op, f.Since, f.Until)
}

// claimBatch says how a claim list is fetched: straight from the store
// (top-level lists), or through the loader of an entity's claims.
type claimBatch int

const (
	noBatch claimBatch = iota
	bySpeaker
	byAbout
)

// claims lists a page of claims. Nested lists (an entity's claims) go
// through the loaders so that a page of entities fetches theirs together;
// top-level ones call the store straight away, without a batch's wait.
func (r *Resolver) claims(ctx context.Context, f graph.ClaimFilter, first *int, after *string, batch claimBatch) (*model.ClaimConnection, error) {
	p, err := pageOf(first, after, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	ls := r.loadersFor(ctx)
	list := func(ctx context.Context, p graph.Page) ([]*graph.Claim, error) {
		g := f
		g.Page = p
		if batch != noBatch {
			return ls.claimLists.load(ctx, claimQuery{filter: g, by: batch == bySpeaker})
		}
		return r.store.Claims(ctx, g)
	}
	w, err := fetchWindow(ctx, p, list)
	if err != nil {
		return nil, err
	}
	count := func(ctx context.Context) (int, error) { return r.store.CountClaims(ctx, f) }
	c := &model.ClaimConnection{PageInfo: w.pageInfo, Count: count}
	for i, cl := range w.items {
		c.Edges = append(c.Edges, &model.ClaimEdge{Cursor: w.cursors[i], Node: cl})
	}
	return c, nil
}

func (r claimResolver) Speakers(ctx context.Context, obj *graph.Claim) ([]*graph.Entity, error) {
	return r.entitiesByID(ctx, obj.SpeakerIDs)
}

func (r claimResolver) About(ctx context.Context, obj *graph.Claim) ([]*graph.Entity, error) {
	return r.entitiesByID(ctx, obj.AboutIDs)
}

func (r claimResolver) Citations(ctx context.Context, obj *graph.Claim, first *int) ([]*model.ClaimCitation, error) {
	n, err := listLimit(first, defaultClaimCitations)
	if err != nil || n == 0 {
		return nil, err
	}
	ev, err := r.loadersFor(ctx).claimEvidence.load(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	ev = ev[:min(n, len(ev))]
	out := make([]*model.ClaimCitation, len(ev))
	for i, e := range ev {
		out[i] = model.NewClaimCitation(e)
	}
	return out, nil
}

func (r claimResolver) FirstAppearance(ctx context.Context, obj *graph.Claim) (*model.ClaimCitation, error) {
	// The store orders evidence by article date, so the first is the earliest.
	ev, err := r.loadersFor(ctx).claimEvidence.load(ctx, obj.ID)
	if err != nil || len(ev) == 0 {
		return nil, err
	}
	return model.NewClaimCitation(ev[0]), nil
}

func (r claimCitationResolver) Article(ctx context.Context, obj *model.ClaimCitation) (*graph.Article, error) {
	return citedArticle(ctx, r.Resolver, obj.ArticleID)
}

func (r claimCitationResolver) Speakers(ctx context.Context, obj *model.ClaimCitation) ([]*graph.Entity, error) {
	return r.entitiesByID(ctx, obj.SpeakerIDs)
}

func (r claimCitationResolver) About(ctx context.Context, obj *model.ClaimCitation) ([]*graph.Entity, error) {
	return r.entitiesByID(ctx, obj.AboutIDs)
}

// entitiesByID resolves a list of entity references through the loader,
// leaving out ids that name no entity (a reference the store has lost is
// no reason to fail a whole list).
func (r *Resolver) entitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	es, err := r.loadersFor(ctx).entities.loadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Entity, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}
