package api

import (
	"context"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// defaultNearDuplicates is the default of Claim.nearDuplicates(first).
const defaultNearDuplicates = 20

// Outlets lists the outlets that carried the claim, in the order they first
// did. The evidence is ordered by article date, so the first article of an
// outlet met is its first carrying the claim.
func (r claimResolver) Outlets(ctx context.Context, obj *graph.Claim) ([]*model.ClaimOutlet, error) {
	ls := r.loadersFor(ctx)
	ev, err := ls.claimEvidence.load(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(ev))
	seenArticle := make(map[string]bool, len(ev))
	for _, e := range ev {
		if id := e.Citation.ArticleID; !seenArticle[id] {
			seenArticle[id] = true
			ids = append(ids, id)
		}
	}
	articles, err := ls.articles.loadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	outlets := []*model.ClaimOutlet{}
	byName := map[string]*model.ClaimOutlet{}
	for _, a := range articles {
		if a == nil || a.Outlet == "" {
			continue
		}
		o, ok := byName[a.Outlet]
		if !ok {
			o = &model.ClaimOutlet{Outlet: a.Outlet, FirstSeen: a.Date(), FirstArticle: a}
			byName[a.Outlet] = o
			outlets = append(outlets, o)
		}
		o.Articles++
	}
	return outlets, nil
}

// NearDuplicates groups the claim with the claims whose text is alike.
func (r claimResolver) NearDuplicates(ctx context.Context, obj *graph.Claim, minSimilarity *float64, first *int) (*model.NearDuplicateGroup, error) {
	const op = "api.nearDuplicates"
	sf := r.store
	minSim := 0.5
	if minSimilarity != nil {
		minSim = *minSimilarity
	}
	if minSim < 0 || minSim > 1 {
		return nil, graph.Errorf(op, graph.Invalid, "minSimilarity must be between 0 and 1, got %v", minSim)
	}
	n, err := listLimit(first, defaultNearDuplicates)
	if err != nil {
		return nil, err
	}
	var similar []graph.ScoredClaim
	if n > 0 {
		if similar, err = sf.SimilarClaims(ctx, obj.ID, minSim, n); err != nil {
			return nil, err
		}
	}
	return model.NewNearDuplicateGroup(obj, similar), nil
}
