package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func relIDs(rs []*graph.Relationship) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}

func claimIDs(cs []*graph.Claim) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

// sorted returns ids in ascending order: the tie-break of every list.
func sorted(ids ...string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return ids
}

func names(ns ...tieName) []string {
	var ids []string
	for _, n := range ns {
		ids = append(ids, n.id())
	}
	return ids
}

var (
	claimFall     = tieClaimID("Hub Council would fall")
	claimFinished = tieClaimID("Elm Front was finished")
	all           = graph.Page{Limit: graph.MaxLimit}
	newYear2025   = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

// testLists pins the filters and orders of the list methods, and that each
// Count method counts the unpaged list.
func (s suite) testLists(t *testing.T) {
	st := s.full(t, append(world(t), tieWorld(t)...)...)
	ctx := context.Background()

	t.Run("entities", func(t *testing.T) {
		groups := []graph.EntityKind{graph.Group}
		tests := []struct {
			name string
			f    graph.EntityFilter
			want []string // nil: only compare Count with the list
		}{
			{"outlet of a mention", graph.EntityFilter{Outlet: "OTHER gazette", Order: graph.EntitiesByName},
				names(tAster, tElm, tHub)},
			{"outlet and kind", graph.EntityFilter{Outlet: "tie wire", Kinds: []graph.EntityKind{graph.Organization}},
				names(tHub)},
			{"mention date range", graph.EntityFilter{Since: tieDates[1], Until: newYear2025, Order: graph.EntitiesByName},
				names(tAster, tBirch, tElm, tHub)},
			{"since counts undated articles by ingest date", graph.EntityFilter{Since: dateCoastal, Order: graph.EntitiesByName},
				[]string{idVolkov, idEvening, idWeekend, idBrigade, idNVF, idPort, idRadio, idUniv}},
			{"by name", graph.EntityFilter{Kinds: groups, Order: graph.EntitiesByName},
				append(names(tAster, tBirch, tCedar, tDune), idAlliance, tElm.id(), tFern.id(), tGorse.id(), idBrigade, idNVF)},
			{"query by name", graph.EntityFilter{Query: "front", Order: graph.EntitiesByName},
				append(names(tAster, tBirch, tCedar, tDune, tElm, tFern, tGorse), idNVF)},
			{"by last seen", graph.EntityFilter{Kinds: []graph.EntityKind{graph.Person}, Order: graph.EntitiesByLastSeen},
				[]string{idVolkov, idZoe}},
			{"by mentions", graph.EntityFilter{Kinds: []graph.EntityKind{graph.Organization}, Order: graph.EntitiesByMentions},
				[]string{tHub.id(), idUniv}},
			{"page of a filtered list", graph.EntityFilter{Kinds: groups, Order: graph.EntitiesByName, Page: graph.Page{Limit: 2, Offset: 3}},
				[]string{tDune.id(), idAlliance}},
			{"all", graph.EntityFilter{}, nil},
			{"query", graph.EntityFilter{Query: "front"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := st.SearchEntities(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if tt.want != nil {
					if diff := gocmp.Diff(tt.want, entityIDs(got)); diff != "" {
						t.Errorf("SearchEntities (-want +got):\n%s", diff)
					}
				}
				f := tt.f
				f.Page = all
				unpaged, err := st.SearchEntities(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				n, err := st.CountEntities(ctx, tt.f)
				if err != nil || n != len(unpaged) {
					t.Errorf("CountEntities = %d, %v; want %d, the unpaged list's length", n, err, len(unpaged))
				}
			})
		}
	})

	t.Run("relationships", func(t *testing.T) {
		tests := []struct {
			name string
			f    graph.RelationshipFilter
			want []string
		}{
			{"evidence since", graph.RelationshipFilter{EntityID: tHub.id(), Since: tieDates[1]},
				[]string{ties[0].id(), ties[1].id()}},
			{"evidence until", graph.RelationshipFilter{EntityID: tHub.id(), Until: tieDates[1]},
				append([]string{ties[0].id(), ties[1].id()}, sorted(ties[2].id(), ties[3].id())...)},
			{"outlet of the evidence", graph.RelationshipFilter{Outlet: "Other Gazette"}, []string{ties[0].id()}},
			{"outlet, world", graph.RelationshipFilter{Outlet: "valley herald"}, append([]string{relRivalry}, sorted(relBranch, relAppeared)...)},
			{"by confidence", graph.RelationshipFilter{EntityID: tHub.id(), Order: graph.RelationshipsByConfidence},
				[]string{ties[2].id(), ties[0].id(), ties[1].id(), ties[3].id()}},
			{"by last seen", graph.RelationshipFilter{EntityID: tHub.id(), Order: graph.RelationshipsByLastSeen},
				append([]string{ties[0].id(), ties[1].id()}, sorted(ties[2].id(), ties[3].id())...)},
			{"by first seen", graph.RelationshipFilter{Types: []graph.RelationType{graph.RivalOf}, Order: graph.RelationshipsByFirstSeen},
				append(sorted(ties[0].id(), ties[4].id(), ties[7].id()), relRivalry)},
			{"incoming", graph.RelationshipFilter{EntityID: tHub.id(), Direction: graph.Incoming},
				append([]string{ties[0].id(), ties[1].id()}, sorted(ties[2].id(), ties[3].id())...)},
			{"outgoing", graph.RelationshipFilter{EntityID: tHub.id(), Direction: graph.Outgoing},
				[]string{ties[0].id(), ties[1].id()}},
			{"every filter", graph.RelationshipFilter{EntityID: tHub.id(), Direction: graph.Incoming, MinConfidence: 0.5,
				Types: []graph.RelationType{graph.Attacked, graph.MemberOf, graph.RivalOf}, Until: tieDates[1], Outlet: "tie wire"},
				[]string{ties[0].id(), ties[2].id()}},
			{"page of an entity's ties", graph.RelationshipFilter{EntityID: tHub.id(), Page: graph.Page{Limit: 2, Offset: 1}},
				append([]string{ties[1].id()}, sorted(ties[2].id(), ties[3].id())[:1]...)},
			{"page of an entity's ties by confidence", graph.RelationshipFilter{EntityID: tHub.id(),
				Order: graph.RelationshipsByConfidence, Page: graph.Page{Limit: 2, Offset: 2}},
				[]string{ties[1].id(), ties[3].id()}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := st.Relationships(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(tt.want, relIDs(got)); diff != "" {
					t.Errorf("Relationships (-want +got):\n%s", diff)
				}
				f := tt.f
				f.Page = all
				unpaged, err := st.Relationships(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				n, err := st.CountRelationships(ctx, tt.f)
				if err != nil || n != len(unpaged) {
					t.Errorf("CountRelationships = %d, %v; want %d", n, err, len(unpaged))
				}
			})
		}
	})

	t.Run("claims", func(t *testing.T) {
		spreadWeaker := sorted(claimSpread, claimWeaker)
		tests := []struct {
			name string
			f    graph.ClaimFilter
			want []string
		}{
			{"by first seen", graph.ClaimFilter{}, append([]string{claimFall, claimFinished}, spreadWeaker...)},
			{"by evidence", graph.ClaimFilter{Order: graph.ClaimsByEvidence},
				append([]string{claimSpread}, sorted(claimFall, claimFinished, claimWeaker)...)},
			{"by last seen", graph.ClaimFilter{Order: graph.ClaimsByLastSeen},
				[]string{claimSpread, claimWeaker, claimFinished, claimFall}},
			{"outlet", graph.ClaimFilter{Outlet: "the coastal post"}, []string{claimSpread}},
			{"since", graph.ClaimFilter{Since: newYear2025}, append([]string{claimFinished}, spreadWeaker...)},
			{"until", graph.ClaimFilter{Until: newYear2025}, []string{claimFall}},
			{"min confidence", graph.ClaimFilter{MinConfidence: 0.85}, spreadWeaker},
			{"speaker", graph.ClaimFilter{SpeakerID: tHub.id()}, []string{claimFinished}},
			{"subject and outlet", graph.ClaimFilter{AboutID: tHub.id(), Outlet: "tie wire"}, []string{claimFall}},
			{"subject, other outlet", graph.ClaimFilter{AboutID: tHub.id(), Outlet: "other gazette"}, nil},
			{"words and date", graph.ClaimFilter{Query: "valley", Since: dateCoastal}, []string{claimSpread}},
			{"page", graph.ClaimFilter{Order: graph.ClaimsByLastSeen, Page: graph.Page{Limit: 2, Offset: 1}},
				[]string{claimWeaker, claimFinished}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := st.Claims(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(tt.want, claimIDs(got)); diff != "" {
					t.Errorf("Claims (-want +got):\n%s", diff)
				}
				f := tt.f
				f.Page = all
				unpaged, err := st.Claims(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				n, err := st.CountClaims(ctx, tt.f)
				if err != nil || n != len(unpaged) {
					t.Errorf("CountClaims = %d, %v; want %d", n, err, len(unpaged))
				}
			})
		}
	})

	t.Run("articles", func(t *testing.T) {
		for _, f := range []graph.ArticleFilter{{}, {Outlet: "tie wire"}, {Since: newYear2025}, {Page: graph.Page{Limit: 1}}} {
			g := f
			g.Page = all
			unpaged, err := st.Articles(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			n, err := st.CountArticles(ctx, f)
			if err != nil || n != len(unpaged) {
				t.Errorf("CountArticles(%+v) = %d, %v; want %d", f, n, err, len(unpaged))
			}
		}
		if n, _ := st.CountArticles(ctx, graph.ArticleFilter{Outlet: "TIE WIRE"}); n != 2 {
			t.Errorf("CountArticles(outlet) = %d, want 2", n)
		}
	})

	t.Run("mentions", func(t *testing.T) {
		arts, err := st.Articles(ctx, graph.ArticleFilter{Page: all})
		if err != nil || len(arts) == 0 {
			t.Fatalf("Articles = %d, %v", len(arts), err)
		}
		for _, f := range []graph.MentionFilter{
			{EntityID: idNVF}, {EntityID: tHub.id(), Page: graph.Page{Limit: 1}}, {ArticleID: arts[0].ID},
			{EntityID: idNVF, ArticleID: arts[0].ID}, {EntityID: "ent_unknown"},
		} {
			g := f
			g.Page = all
			unpaged, err := st.Mentions(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			n, err := st.CountMentions(ctx, f)
			if err != nil || n != len(unpaged) {
				t.Errorf("CountMentions(%+v) = %d, %v; want %d", f, n, err, len(unpaged))
			}
		}
		hub, err := st.Entity(ctx, tHub.id())
		if err != nil {
			t.Fatal(err)
		}
		if n, err := st.CountMentions(ctx, graph.MentionFilter{EntityID: tHub.id()}); err != nil || n != hub.MentionCount || n < 2 {
			t.Errorf("CountMentions(hub) = %d, %v; want its MentionCount %d (at least 2)", n, err, hub.MentionCount)
		}
	})
}

// testBatch pins the batch look-ups behind the API's dataloaders.
func (s suite) testBatch(t *testing.T) {
	xs := append(world(t), tieWorld(t)...)
	st := s.full(t, xs...)
	ctx := context.Background()

	t.Run("relationship by id", func(t *testing.T) {
		got, err := st.Relationship(ctx, ties[0].id())
		if err != nil {
			t.Fatal(err)
		}
		listed, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: tAster.id(), Types: []graph.RelationType{graph.RivalOf}})
		if err != nil || len(listed) != 1 {
			t.Fatalf("Relationships = %v, %v", listed, err)
		}
		if diff := gocmp.Diff(listed[0], got, cmpOpts...); diff != "" {
			t.Errorf("Relationship differs from the listed one (-list +by id):\n%s", diff)
		}
		if _, err := st.Relationship(ctx, "rel_unknown"); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Relationship(unknown) error = %v, want NOT_FOUND", err)
		}
	})

	t.Run("articles by id", func(t *testing.T) {
		ids := []string{xs[4].Article.ID, "art_unknown", xs[0].Article.ID, xs[4].Article.ID}
		got, err := st.ArticlesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []string
		for _, a := range got {
			if a == nil {
				gotIDs = append(gotIDs, "<nil>")
			} else {
				gotIDs = append(gotIDs, a.ID)
			}
		}
		if diff := gocmp.Diff([]string{xs[4].Article.ID, "<nil>", xs[0].Article.ID, xs[4].Article.ID}, gotIDs); diff != "" {
			t.Errorf("ArticlesByID (-want +got):\n%s", diff)
		}
		one, err := st.Article(ctx, xs[0].Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(one, got[2], cmpOpts...); diff != "" {
			t.Errorf("ArticlesByID differs from Article (-Article +batch):\n%s", diff)
		}
	})

	t.Run("relationships of entities, a page each", func(t *testing.T) {
		filters := []graph.RelationshipFilter{
			{Page: graph.Page{Limit: 2}},
			{Page: graph.Page{Limit: 2, Offset: 1}},
			{Direction: graph.Incoming, Types: []graph.RelationType{graph.Attacked, graph.RivalOf, graph.AlliedWith}},
			{Order: graph.RelationshipsByConfidence, Since: tieDates[1]},
		}
		ids := append(names(tHub, tElm, tGorse), "ent_unknown", tHub.id())
		for _, f := range filters {
			got, err := st.RelationshipsOf(ctx, ids, f)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][]string{}
			for _, id := range ids {
				g := f
				g.EntityID = id
				rs, err := st.Relationships(ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				if len(rs) > 0 {
					want[id] = relIDs(rs)
				}
			}
			gotIDs := map[string][]string{}
			for id, rs := range got {
				gotIDs[id] = relIDs(rs)
			}
			if diff := gocmp.Diff(want, gotIDs, cmpOpts...); diff != "" {
				t.Errorf("RelationshipsOf(%+v) differs from Relationships per entity (-want +got):\n%s", f, diff)
			}
		}
		got, err := st.RelationshipsOf(ctx, names(tHub, tElm), graph.RelationshipFilter{Page: graph.Page{Limit: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got[tHub.id()]) != 1 || got[tHub.id()][0].ID != ties[0].id() || len(got[tElm.id()]) != 1 || got[tElm.id()][0].ID != ties[5].id() {
			t.Errorf("RelationshipsOf(limit 1) = %v, want the strongest tie of each", got)
		}
	})

	t.Run("claims of entities", func(t *testing.T) {
		tests := []struct {
			name string
			by   bool
			f    graph.ClaimFilter
			want map[string][]string
		}{
			{"made", true, graph.ClaimFilter{}, map[string][]string{
				tHub.id(): {claimFinished}, tAster.id(): {claimFall}, idZoe: sorted(claimSpread, claimWeaker)}},
			{"about", false, graph.ClaimFilter{}, map[string][]string{
				tHub.id(): {claimFall}, tElm.id(): {claimFinished}, idNVF: sorted(claimSpread, claimWeaker)}},
			{"about, filtered and paged", false, graph.ClaimFilter{Order: graph.ClaimsByEvidence, Page: graph.Page{Limit: 1}},
				map[string][]string{tHub.id(): {claimFall}, tElm.id(): {claimFinished}, idNVF: {claimSpread}}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := st.ClaimsOf(ctx, []string{tHub.id(), tAster.id(), tElm.id(), idZoe, idNVF, "ent_unknown"}, tt.by, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				gotIDs := map[string][]string{}
				for id, cs := range got {
					gotIDs[id] = claimIDs(cs)
				}
				if diff := gocmp.Diff(tt.want, gotIDs); diff != "" {
					t.Errorf("ClaimsOf (-want +got):\n%s", diff)
				}
			})
		}
	})
}
