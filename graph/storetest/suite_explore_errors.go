package storetest

import (
	"context"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testExploreErrors(t *testing.T) {
	st := s.full(t, tieWorld(t)...)
	ctx := context.Background()
	hub := tHub.id()
	err := func(_ any, err error) error { return err }
	tests := []struct {
		name string
		err  error
		want graph.Code
	}{
		{"entities: until before since", err(st.SearchEntities(ctx, graph.EntityFilter{Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"entities: unknown order", err(st.SearchEntities(ctx, graph.EntityFilter{Order: "SIZE"})), graph.Invalid},
		{"count entities: unknown kind", err(st.CountEntities(ctx, graph.EntityFilter{Kinds: []graph.EntityKind{"ALIEN"}})), graph.Invalid},
		{"relationships: unknown order", err(st.Relationships(ctx, graph.RelationshipFilter{Order: "WEIGHT"})), graph.Invalid},
		{"relationships: until before since", err(st.Relationships(ctx, graph.RelationshipFilter{Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"count relationships: direction without entity", err(st.CountRelationships(ctx, graph.RelationshipFilter{Direction: graph.Outgoing})), graph.Invalid},
		{"claims: unknown order", err(st.Claims(ctx, graph.ClaimFilter{Order: "LOUDEST"})), graph.Invalid},
		{"claims: confidence below zero", err(st.Claims(ctx, graph.ClaimFilter{MinConfidence: -0.1})), graph.Invalid},
		{"count claims: confidence not a number", err(st.CountClaims(ctx, graph.ClaimFilter{MinConfidence: math.NaN()})), graph.Invalid},
		{"articles: unknown order", err(st.Articles(ctx, graph.ArticleFilter{Order: "LONGEST"})), graph.Invalid},
		{"count articles: unknown order", err(st.CountArticles(ctx, graph.ArticleFilter{Order: "LONGEST"})), graph.Invalid},
		{"count articles: until before since", err(st.CountArticles(ctx, graph.ArticleFilter{Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"relationships of: page too large", err(st.RelationshipsOf(ctx, []string{hub}, graph.RelationshipFilter{Page: graph.Page{Limit: graph.MaxLimit + 1}})), graph.Invalid},
		{"relationships of: unknown type", err(st.RelationshipsOf(ctx, []string{hub}, graph.RelationshipFilter{Types: []graph.RelationType{"LOVES"}})), graph.Invalid},
		{"claims of: unknown order", err(st.ClaimsOf(ctx, []string{hub}, true, graph.ClaimFilter{Order: "X"})), graph.Invalid},
		{"search: page too large", err(st.Search(ctx, graph.SearchQuery{Text: "hub", Page: graph.Page{Limit: graph.MaxLimit + 1}})), graph.Invalid},
		{"search: unknown kind", err(st.Search(ctx, graph.SearchQuery{Text: "hub", Kinds: []graph.EntityKind{"ALIEN"}})), graph.Invalid},
		{"network: no seed", err(st.Network(ctx, graph.NetworkQuery{})), graph.Invalid},
		{"network: unknown seed", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub, "ent_unknown"}})), graph.NotFound},
		{"network: too deep", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, Depth: 4})), graph.Invalid},
		{"network: negative depth", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, Depth: -1})), graph.Invalid},
		{"network: limit too large", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, Limit: 2001})), graph.Invalid},
		{"network: per node too large", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, PerNode: 1001})), graph.Invalid},
		{"network: more seeds than nodes", err(st.Network(ctx, graph.NetworkQuery{Seeds: names(tHub, tElm), Limit: 1})), graph.Invalid},
		{"network: unknown type", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, Types: []graph.RelationType{"LOVES"}})), graph.Invalid},
		{"network: confidence above one", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, MinConfidence: 2})), graph.Invalid},
		{"network: until before since", err(st.Network(ctx, graph.NetworkQuery{Seeds: []string{hub}, Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"paths: unknown from", err(st.Paths(ctx, graph.PathQuery{From: "ent_unknown", To: hub})), graph.NotFound},
		{"paths: unknown to", err(st.Paths(ctx, graph.PathQuery{From: hub, To: "ent_unknown"})), graph.NotFound},
		{"paths: same ends", err(st.Paths(ctx, graph.PathQuery{From: hub, To: hub})), graph.Invalid},
		{"paths: too many hops", err(st.Paths(ctx, graph.PathQuery{From: hub, To: tFern.id(), MaxHops: 7})), graph.Invalid},
		{"paths: limit too large", err(st.Paths(ctx, graph.PathQuery{From: hub, To: tFern.id(), Limit: 51})), graph.Invalid},
		{"timeline: unknown entity", err(st.Timeline(ctx, graph.TimelineQuery{EntityID: "ent_unknown"})), graph.NotFound},
		{"timeline: unknown bucket", err(st.Timeline(ctx, graph.TimelineQuery{EntityID: hub, Bucket: "FORTNIGHT"})), graph.Invalid},
		{"timeline: until before since", err(st.Timeline(ctx, graph.TimelineQuery{EntityID: hub, Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"co-occurrences: unknown entity", err(st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: "ent_unknown"})), graph.NotFound},
		{"co-occurrences: unknown scope", err(st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: hub, Scope: "PARAGRAPH"})), graph.Invalid},
		{"co-occurrences: unknown kind", err(st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: hub, Kinds: []graph.EntityKind{"ALIEN"}})), graph.Invalid},
		{"count co-occurrences: unknown entity", err(st.CountCoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: "ent_unknown"})), graph.NotFound},
		{"count co-occurrences: unknown scope", err(st.CountCoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: hub, Scope: "PARAGRAPH"})), graph.Invalid},
		{"count co-occurrences: until before since", err(st.CountCoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: hub, Since: newYear2025, Until: tieDates[0]})), graph.Invalid},
		{"count search: unknown kind", err(st.CountSearch(ctx, graph.SearchQuery{Text: "hub", Kinds: []graph.EntityKind{"ALIEN"}})), graph.Invalid},
		{"merges: negative offset", err(st.Merges(ctx, graph.Page{Offset: -1})), graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := graph.ErrorCode(tt.err); got != tt.want {
				t.Errorf("error = %v, code %q; want %q", tt.err, got, tt.want)
			}
			if tt.err != nil && graph.ErrorMessage(tt.err) == "" {
				t.Errorf("error %v has no client message", tt.err)
			}
		})
	}
}
