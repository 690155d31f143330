package storetest

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

func (s suite) testAggregates(t *testing.T) {
	st := s.withWorld(t, world(t)...)
	ctx := context.Background()

	t.Run("stats", func(t *testing.T) {
		got, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := graph.Stats{Articles: 3, Entities: 10, Mentions: 21, Relationships: 6, Claims: 2, Citations: 10}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Stats (-want +got):\n%s", diff)
		}
	})

	t.Run("entities", func(t *testing.T) {
		tests := []struct {
			name string
			want graph.Entity
		}{
			{"three articles", graph.Entity{
				ID: idNVF, Kind: graph.Group, Name: "Northern Valley Front", Aliases: []string{"NVF"},
				ExternalIDs: map[string]string{"wikidata": "Q99999901"},
				FirstSeen:   utc(dateValley), LastSeen: ingestDate, MentionCount: 5,
			}},
			{"mention surface forms and roles", graph.Entity{
				ID: idZoe, Kind: graph.Person, Name: "Zoë Ábrahám", Aliases: []string{"the analyst"},
				Roles:     []string{"political analyst"},
				FirstSeen: utc(dateValley), LastSeen: utc(dateValley), MentionCount: 2,
			}},
			{"declared aliases", graph.Entity{
				ID: idUniv, Kind: graph.Organization, Name: "Київський університет", Aliases: []string{"Kyiv University"},
				FirstSeen: dateCoastal, LastSeen: dateCoastal, MentionCount: 1,
			}},
			{"two dated articles", graph.Entity{
				ID: idEvening, Kind: graph.Program, Name: "Evening Hour",
				FirstSeen: utc(dateValley), LastSeen: dateCoastal, MentionCount: 2,
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := st.Entity(ctx, tt.want.ID)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(&tt.want, got, cmpOpts...); diff != "" {
					t.Errorf("Entity (-want +got):\n%s", diff)
				}
			})
		}
	})

	t.Run("undirected relationship merges both directions", func(t *testing.T) {
		got, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: idBrigade, Types: []graph.RelationType{graph.RivalOf}})
		if err != nil {
			t.Fatal(err)
		}
		source, target := min(idNVF, idBrigade), max(idNVF, idBrigade)
		want := []*graph.Relationship{{
			ID: relRivalry, Type: graph.RivalOf, SourceID: source, TargetID: target, Directed: false,
			EvidenceCount: 2, FirstSeen: utc(dateValley), LastSeen: dateCoastal,
			Confidence: 1 - (1-0.8)*(1-0.6),
		}}
		if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("Relationships (-want +got):\n%s", diff)
		}
	})

	t.Run("directed relationship", func(t *testing.T) {
		got, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: idAlliance})
		if err != nil {
			t.Fatal(err)
		}
		want := []*graph.Relationship{{
			ID: relBranch, Type: graph.BranchOf, SourceID: idNVF, TargetID: idAlliance, Directed: true,
			EvidenceCount: 1, FirstSeen: utc(dateValley), LastSeen: utc(dateValley), Confidence: 0.9,
		}}
		if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("Relationships (-want +got):\n%s", diff)
		}
	})

	t.Run("claim over two articles", func(t *testing.T) {
		got, err := st.Claim(ctx, claimSpread)
		if err != nil {
			t.Fatal(err)
		}
		speakers := []string{idZoe, idVolkov}
		slices.Sort(speakers)
		about := []string{idNVF, idBrigade}
		slices.Sort(about)
		want := &graph.Claim{
			ID: claimSpread, Text: "the clashes would spread beyond the valley",
			Normalized: graph.NormalizeClaim("the clashes would spread beyond the valley"),
			Verbatim:   false, Cue: "told", SpeakerIDs: speakers, AboutIDs: about,
			EvidenceCount: 2, FirstSeen: utc(dateValley), LastSeen: dateCoastal,
			Confidence: 1 - (1-0.8)*(1-0.5),
		}
		if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("Claim (-want +got):\n%s", diff)
		}
	})

	t.Run("verbatim claim", func(t *testing.T) {
		got, err := st.Claim(ctx, claimWeaker)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Verbatim || got.Cue != "said" || got.EvidenceCount != 1 || math.Abs(got.Confidence-0.9) > 1e-9 {
			t.Errorf("Claim = %+v, want verbatim, cue \"said\", one citation of confidence 0.9", got)
		}
	})
}

func (s suite) testDelete(t *testing.T) {
	ctx := context.Background()
	t.Run("cascades like a store that never had the article", func(t *testing.T) {
		st := s.withWorld(t, world(t)...)
		if err := st.DeleteArticle(ctx, coastal(t).Article.ID); err != nil {
			t.Fatal(err)
		}
		clean := s.withWorld(t, valley(t, false), undated(t))
		if diff := cmp.Diff(takeSnapshot(t, clean), takeSnapshot(t, st), cmpOpts...); diff != "" {
			t.Errorf("store after delete differs from one without the article (-clean +deleted):\n%s", diff)
		}
		if _, err := st.Entity(ctx, idVolkov); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Entity(only in deleted article) error = %v, want NOT_FOUND", err)
		}
	})
	t.Run("all articles", func(t *testing.T) {
		st := s.withWorld(t, world(t)...)
		for _, x := range world(t) {
			if err := st.DeleteArticle(ctx, x.Article.ID); err != nil {
				t.Fatal(err)
			}
		}
		sn := takeSnapshot(t, st)
		if diff := cmp.Diff(snapshot{}, sn, cmpOpts...); diff != "" {
			t.Errorf("store not empty after deleting every article (-want +got):\n%s", diff)
		}
		if got, err := st.SearchEntities(ctx, graph.EntityFilter{Query: "port"}); err != nil || len(got) != 0 {
			t.Errorf("SearchEntities after delete = %v, %v; want nothing", got, err)
		}
	})
	t.Run("unknown article", func(t *testing.T) {
		st := s.open(t)
		if err := st.DeleteArticle(ctx, "art_unknown"); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("DeleteArticle(unknown) error = %v, want NOT_FOUND", err)
		}
	})
}

func (s suite) testEntityLifecycle(t *testing.T) {
	ctx := context.Background()
	t.Run("declared but never cited is not stored", func(t *testing.T) {
		x := undated(t)
		b := &builder{t: t, x: *x}
		ghost := b.entity(graph.Person, "Nobody Mentioned")
		st := s.withWorld(t, b.build())
		if _, err := st.Entity(ctx, ghost); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Entity(uncited) error = %v, want NOT_FOUND", err)
		}
	})
	t.Run("known only from a relationship", func(t *testing.T) {
		x := undated(t)
		b := &builder{t: t, x: *x}
		council := b.entity(graph.Organization, "Alden Council")
		b.relationship(graph.LocatedIn, council, idPort, "Residents of Port Alden", "of", 0.4)
		st := s.withWorld(t, b.build())
		got, err := st.Entity(ctx, council)
		if err != nil {
			t.Fatal(err)
		}
		want := &graph.Entity{ID: council, Kind: graph.Organization, Name: "Alden Council"}
		if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("Entity (-want +got):\n%s", diff)
		}
	})
	t.Run("name from the latest article", func(t *testing.T) {
		// The same entity (same canonical key) spelled differently by a
		// later article: the later spelling names it, whatever the write
		// order, and the earlier one becomes an alias.
		later := undated(t)
		later.Entities[1].Name = "Northern valley front"
		for _, order := range [][]*graph.Extraction{{valley(t, false), later}, {later, valley(t, false)}} {
			st := s.withWorld(t, order...)
			got, err := st.Entity(ctx, idNVF)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != "Northern valley front" || !slices.Contains(got.Aliases, "Northern Valley Front") {
				t.Errorf("Entity = name %q, aliases %q; want the later spelling with the earlier as an alias", got.Name, got.Aliases)
			}
		}
	})
}
