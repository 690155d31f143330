package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testArticles(t *testing.T) {
	xs := world(t)
	// Ingest times disagree with publication dates, so that the orders
	// tell one from the other; two share one, so that ties go by id.
	xs[0].Article.IngestedAt = ingestDate.Add(time.Hour)
	xs[1].Article.IngestedAt = ingestDate
	xs[2].Article.IngestedAt = ingestDate
	st := s.withWorld(t, xs...)
	valleyID, coastalID, undatedID := xs[0].Article.ID, xs[1].Article.ID, xs[2].Article.ID
	byID := []string{coastalID, undatedID}
	slices.Sort(byID)
	tests := []struct {
		name string
		f    graph.ArticleFilter
		want []string
	}{
		{"newest first, undated last", graph.ArticleFilter{}, []string{coastalID, valleyID, undatedID}},
		{"outlet, case-insensitive", graph.ArticleFilter{Outlet: "valley herald"}, []string{valleyID, undatedID}},
		{"since", graph.ArticleFilter{Since: dateCoastal}, []string{coastalID}},
		{"until is exclusive", graph.ArticleFilter{Until: dateCoastal}, []string{valleyID}},
		{"page", graph.ArticleFilter{Page: graph.Page{Limit: 1, Offset: 1}}, []string{valleyID}},
		{"oldest first, undated last", graph.ArticleFilter{Order: graph.ArticlesByPublishedAsc}, []string{valleyID, coastalID, undatedID}},
		{"oldest first, outlet", graph.ArticleFilter{Order: graph.ArticlesByPublishedAsc, Outlet: "Valley Herald"}, []string{valleyID, undatedID}},
		{"latest ingested first, ties by id", graph.ArticleFilter{Order: graph.ArticlesByIngestedDesc}, append([]string{valleyID}, byID...)},
		{"latest ingested first, paged", graph.ArticleFilter{Order: graph.ArticlesByIngestedDesc, Page: graph.Page{Limit: 1, Offset: 2}}, byID[1:]},
		{"past the end", graph.ArticleFilter{Page: graph.Page{Offset: 10}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Articles(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, articleIDs(got), cmpOpts...); diff != "" {
				t.Errorf("Articles (-want +got):\n%s", diff)
			}
		})
	}
}

func articleIDs(as []*graph.Article) []string {
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func entityIDs(es []*graph.Entity) []string {
	var ids []string
	for _, e := range es {
		if e == nil {
			ids = append(ids, "<nil>")
			continue
		}
		ids = append(ids, e.ID)
	}
	return ids
}

func (s suite) testEntities(t *testing.T) {
	xs := world(t)
	st := s.withWorld(t, xs...)
	ctx := context.Background()

	t.Run("by id keeps order, nil for unknown", func(t *testing.T) {
		got, err := st.EntitiesByID(ctx, []string{idRadio, "ent_unknown", idNVF, idRadio})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{idRadio, "<nil>", idNVF, idRadio}
		if diff := gocmp.Diff(want, entityIDs(got)); diff != "" {
			t.Errorf("EntitiesByID (-want +got):\n%s", diff)
		}
		none, err := st.EntitiesByID(ctx, nil)
		if err != nil || len(none) != 0 {
			t.Errorf("EntitiesByID(nil) = %v, %v; want empty", none, err)
		}
	})

	t.Run("by id, many ids", func(t *testing.T) {
		// More ids than a backend can bind in one statement.
		ids := make([]string, 0, 2502)
		for i := range 2500 {
			ids = append(ids, fmt.Sprintf("ent_unknown%d", i))
		}
		ids = append(ids, idNVF, idPort)
		got, err := st.EntitiesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ids) || got[0] != nil || got[2500] == nil || got[2500].ID != idNVF || got[2501] == nil || got[2501].ID != idPort {
			t.Errorf("EntitiesByID(2502 ids) = %d results, want 2500 nils then the NVF and Port Alden", len(got))
		}
	})

	t.Run("by mention count, ties by id", func(t *testing.T) {
		got, err := st.SearchEntities(ctx, graph.EntityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(got)
		slices.SortFunc(want, func(a, b *graph.Entity) int {
			return cmp.Or(cmp.Compare(b.MentionCount, a.MentionCount), cmp.Compare(a.ID, b.ID))
		})
		if len(got) != 10 || got[0].ID != idNVF {
			t.Errorf("SearchEntities() = %d entities starting with %v, want 10 starting with the NVF", len(got), entityIDs(got[:1]))
		}
		if diff := gocmp.Diff(entityIDs(want), entityIDs(got)); diff != "" {
			t.Errorf("order (-want +got):\n%s", diff)
		}
	})

	t.Run("mentions of an entity", func(t *testing.T) {
		got, err := st.Mentions(ctx, graph.MentionFilter{EntityID: idPort})
		if err != nil {
			t.Fatal(err)
		}
		var want []*graph.Mention
		for _, x := range xs {
			for i := range x.Mentions {
				if x.Mentions[i].EntityID == idPort {
					want = append(want, &x.Mentions[i])
				}
			}
		}
		slices.SortFunc(want, func(a, b *graph.Mention) int {
			return cmp.Or(cmp.Compare(a.Citation.ArticleID, b.Citation.ArticleID), cmp.Compare(a.Citation.Start, b.Citation.Start))
		})
		if diff := gocmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("Mentions (-want +got):\n%s", diff)
		}
	})

	t.Run("mentions of an entity in an article", func(t *testing.T) {
		got, err := st.Mentions(ctx, graph.MentionFilter{EntityID: idNVF, ArticleID: xs[0].Article.ID, Page: graph.Page{Limit: 2}})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		if diff := gocmp.Diff([]string{"Northern Valley Front", "NVF"}, texts); diff != "" {
			t.Errorf("Mentions (-want +got):\n%s", diff)
		}
	})
}

func (s suite) testRelationships(t *testing.T) {
	st := s.withWorld(t, world(t)...)
	ctx := context.Background()
	relMember := graph.RelationshipID(graph.MemberOf, idVolkov, idUniv)
	relHosted := graph.RelationshipID(graph.Hosted, idVolkov, idEvening)
	relPart := graph.RelationshipID(graph.PartOf, idEvening, idRadio)
	byID := func(ids ...string) []string { slices.Sort(ids); return ids }

	tests := []struct {
		name string
		f    graph.RelationshipFilter
		want []string
	}{
		{"all, most evidence first", graph.RelationshipFilter{},
			append([]string{relRivalry}, byID(relBranch, relAppeared, relMember, relHosted, relPart)...)},
		{"outgoing includes undirected", graph.RelationshipFilter{EntityID: idNVF, Direction: graph.Outgoing},
			[]string{relRivalry, relBranch}},
		{"incoming includes undirected", graph.RelationshipFilter{EntityID: idNVF, Direction: graph.Incoming},
			[]string{relRivalry}},
		{"incoming directed", graph.RelationshipFilter{EntityID: idAlliance, Direction: graph.Incoming},
			[]string{relBranch}},
		{"no outgoing", graph.RelationshipFilter{EntityID: idAlliance, Direction: graph.Outgoing}, nil},
		{"both ends", graph.RelationshipFilter{EntityID: idEvening}, byID(relAppeared, relHosted, relPart)},
		{"types", graph.RelationshipFilter{Types: []graph.RelationType{graph.Hosted, graph.PartOf}}, byID(relHosted, relPart)},
		{"min confidence", graph.RelationshipFilter{MinConfidence: 0.85}, []string{relRivalry, relBranch}},
		{"page", graph.RelationshipFilter{Page: graph.Page{Limit: 2, Offset: 1}},
			byID(relBranch, relAppeared, relMember, relHosted, relPart)[:2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Relationships(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range got {
				ids = append(ids, r.ID)
			}
			if diff := gocmp.Diff(tt.want, ids, cmpOpts...); diff != "" {
				t.Errorf("Relationships (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("evidence by article date", func(t *testing.T) {
		got, err := st.RelationshipEvidence(ctx, []string{relRivalry, relBranch, "rel_unknown"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []graph.Citation{valley(t, false).Relationships[0].Citation, coastal(t).Relationships[0].Citation}
		if diff := gocmp.Diff(want, got[relRivalry], cmpOpts...); diff != "" {
			t.Errorf("rivalry evidence (-want +got):\n%s", diff)
		}
		if len(got[relBranch]) != 1 || len(got["rel_unknown"]) != 0 {
			t.Errorf("evidence counts: branch %d, unknown %d; want 1, 0", len(got[relBranch]), len(got["rel_unknown"]))
		}
		limited, err := st.RelationshipEvidence(ctx, []string{relRivalry}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(want[:1], limited[relRivalry], cmpOpts...); diff != "" {
			t.Errorf("evidence limited to 1 (-want +got):\n%s", diff)
		}
	})
}

func (s suite) testClaims(t *testing.T) {
	st := s.withWorld(t, world(t)...)
	ctx := context.Background()
	// Both claims are first seen in the valley article: ties go by id.
	both := []string{claimSpread, claimWeaker}
	slices.Sort(both)
	tests := []struct {
		name string
		f    graph.ClaimFilter
		want []string
	}{
		{"all, by first seen then id", graph.ClaimFilter{}, both},
		{"by speaker", graph.ClaimFilter{SpeakerID: idVolkov}, []string{claimSpread}},
		{"by subject", graph.ClaimFilter{AboutID: idNVF}, both},
		{"by subject and speaker", graph.ClaimFilter{AboutID: idBrigade, SpeakerID: idZoe}, []string{claimSpread}},
		{"by article", graph.ClaimFilter{ArticleID: coastal(t).Article.ID}, []string{claimSpread}},
		{"by words", graph.ClaimFilter{Query: "WEAKER front"}, []string{claimWeaker}},
		{"words must all match", graph.ClaimFilter{Query: "weaker valley"}, nil},
		{"syntax is text", graph.ClaimFilter{Query: `"front" OR NEAR(`}, nil},
		{"page", graph.ClaimFilter{Page: graph.Page{Limit: 1, Offset: 1}}, both[1:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Claims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := gocmp.Diff(tt.want, ids, cmpOpts...); diff != "" {
				t.Errorf("Claims (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("evidence by article date", func(t *testing.T) {
		got, err := st.ClaimEvidence(ctx, []string{claimSpread, "clm_unknown"})
		if err != nil {
			t.Fatal(err)
		}
		want := []graph.ClaimEvidence{valley(t, false).Claims[0], coastal(t).Claims[0]}
		if diff := gocmp.Diff(want, got[claimSpread], cmpOpts...); diff != "" {
			t.Errorf("ClaimEvidence (-want +got):\n%s", diff)
		}
		if len(got["clm_unknown"]) != 0 {
			t.Errorf("ClaimEvidence(unknown) = %v, want none", got["clm_unknown"])
		}
	})
}
