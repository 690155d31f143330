package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
)

// exploreSnapshot is everything a store shows, through every read of the
// contract.
type exploreSnapshot struct {
	Base            snapshot
	RelationshipsOf map[string][]*graph.Relationship
	ClaimsBy        map[string][]*graph.Claim
	ClaimsAbout     map[string][]*graph.Claim
	Timelines       map[string][]graph.TimelineBucket
	CoOccurrences   map[string][]graph.CoOccurrence
	Network         *graph.Network
	Paths           []graph.Path
	Search          []string // hits without scores: a full-text index may
	// score by statistics that deletions leave behind for a while
	Merges []*graph.Merge
}

func takeExploreSnapshot(t *testing.T, st fullStore) exploreSnapshot {
	t.Helper()
	ctx := context.Background()
	sn := exploreSnapshot{Base: takeSnapshot(t, st), Timelines: map[string][]graph.TimelineBucket{},
		CoOccurrences: map[string][]graph.CoOccurrence{}}
	ids := entityIDs(sn.Base.Entities)
	var err error
	if sn.RelationshipsOf, err = st.RelationshipsOf(ctx, ids, graph.RelationshipFilter{Page: all}); err != nil {
		t.Fatalf("RelationshipsOf: %v", err)
	}
	if sn.ClaimsBy, err = st.ClaimsOf(ctx, ids, true, graph.ClaimFilter{Page: all}); err != nil {
		t.Fatalf("ClaimsOf: %v", err)
	}
	if sn.ClaimsAbout, err = st.ClaimsOf(ctx, ids, false, graph.ClaimFilter{Page: all}); err != nil {
		t.Fatalf("ClaimsOf: %v", err)
	}
	for _, id := range ids {
		if sn.Timelines[id], err = st.Timeline(ctx, graph.TimelineQuery{EntityID: id, Bucket: graph.Day}); err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		if sn.CoOccurrences[id], err = st.CoOccurrences(ctx, graph.CoOccurrenceQuery{EntityID: id, Page: all}); err != nil {
			t.Fatalf("CoOccurrences: %v", err)
		}
	}
	// A merge or a retraction may remove the ends: NotFound is then the
	// answer to compare.
	if sn.Network, err = st.Network(ctx, graph.NetworkQuery{Seeds: names(tHub), Depth: 3}); err != nil && graph.ErrorCode(err) != graph.NotFound {
		t.Fatalf("Network: %v", err)
	}
	if sn.Paths, err = st.Paths(ctx, graph.PathQuery{From: tGorse.id(), To: tHub.id(), Limit: 50}); err != nil && graph.ErrorCode(err) != graph.NotFound {
		t.Fatalf("Paths: %v", err)
	}
	hits, err := st.Search(ctx, graph.SearchQuery{Text: "front", Page: all})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	for _, h := range hits {
		sn.Search = append(sn.Search, h.EntityID+h.ClaimID+" "+h.Matched)
	}
	slices.Sort(sn.Search)
	if sn.Merges, err = st.Merges(ctx, all); err != nil {
		t.Fatalf("Merges: %v", err)
	}
	return sn
}

// mergeWorld is the fixture of the merge suite: both worlds.
func mergeWorld(t *testing.T) []*graph.Extraction { return append(world(t), tieWorld(t)...) }

func (s suite) testMerge(t *testing.T) {
	ctx := context.Background()
	never := takeExploreSnapshot(t, s.full(t, mergeWorld(t)...))

	type merge struct{ into, from string }
	tests := []struct {
		name   string
		merges []merge
	}{
		{"tied entities of different kinds", []merge{{tHub.id(), tCedar.id()}}},
		{"two speakers of one claim", []merge{{idZoe, idVolkov}}},
		{"subject and speaker", []merge{{tHub.id(), tAster.id()}}},
		{"a chain", []merge{{tElm.id(), tFern.id()}, {tAster.id(), tElm.id()}}},
		{"a hub into a leaf", []merge{{tGorse.id(), tHub.id()}}},
	}
	for _, tt := range tests {
		t.Run(tt.name+": unmerge restores exactly", func(t *testing.T) {
			st := s.full(t, mergeWorld(t)...)
			for _, m := range tt.merges {
				if _, err := st.MergeEntities(ctx, m.into, m.from); err != nil {
					t.Fatalf("MergeEntities(%s, %s): %v", m.into, m.from, err)
				}
			}
			merged := takeExploreSnapshot(t, st)
			if gocmp.Equal(never, merged, cmpOpts...) {
				t.Fatal("merging changed nothing")
			}
			for i := len(tt.merges) - 1; i >= 0; i-- {
				if err := st.UnmergeEntities(ctx, tt.merges[i].from); err != nil {
					t.Fatalf("UnmergeEntities(%s): %v", tt.merges[i].from, err)
				}
			}
			if diff := gocmp.Diff(never, takeExploreSnapshot(t, st), cmpOpts...); diff != "" {
				t.Errorf("merge then unmerge differs from never merged (-never +unmerged):\n%s", diff)
			}
		})
	}

	t.Run("unmerging the first link of a chain", func(t *testing.T) {
		st := s.full(t, mergeWorld(t)...)
		for _, m := range []merge{{tElm.id(), tFern.id()}, {tAster.id(), tElm.id()}} {
			if _, err := st.MergeEntities(ctx, m.into, m.from); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.UnmergeEntities(ctx, tFern.id()); err != nil {
			t.Fatal(err)
		}
		only := s.full(t, mergeWorld(t)...)
		if _, err := only.MergeEntities(ctx, tAster.id(), tElm.id()); err != nil {
			t.Fatal(err)
		}
		a, b := takeExploreSnapshot(t, only), takeExploreSnapshot(t, st)
		a.Merges, b.Merges = nil, nil // merge dates differ
		if diff := gocmp.Diff(a, b, cmpOpts...); diff != "" {
			t.Errorf("chain with its first link undone differs from the second merge alone (-alone +chain):\n%s", diff)
		}
	})

	t.Run("merged view", func(t *testing.T) {
		st := s.full(t, mergeWorld(t)...)
		before, err := st.Entity(ctx, tHub.id())
		if err != nil {
			t.Fatal(err)
		}
		m, err := st.MergeEntities(ctx, tHub.id(), tCedar.id())
		if err != nil {
			t.Fatal(err)
		}
		if m.Into != tHub.id() || m.From != tCedar.id() || m.FromName != string(tCedar) || m.FromKind != graph.Group ||
			m.MergedAt.IsZero() || m.MergedAt.Location() != time.UTC {
			t.Errorf("Merge = %+v", m)
		}
		if _, err := st.Entity(ctx, tCedar.id()); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Entity(merged) error = %v, want NOT_FOUND", err)
		}
		hub, err := st.Entity(ctx, tHub.id())
		if err != nil {
			t.Fatal(err)
		}
		want := *before
		want.MentionCount += 2 // the Cedar Front's two mentions
		want.Aliases = sorted(append(want.Aliases, string(tCedar))...)
		if diff := gocmp.Diff(&want, hub, cmpOpts...); diff != "" {
			t.Errorf("survivor (-want +got):\n%s", diff)
		}
		// The attack of the Cedar Front on the Hub Council joined the two
		// merged entities: it disappears. Its rivalry with the Dune Front
		// is now the Hub Council's.
		if _, err := st.Relationship(ctx, ties[2].id()); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Relationship(between the merged) error = %v, want NOT_FOUND", err)
		}
		if _, err := st.Relationship(ctx, ties[4].id()); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Relationship(of the merged entity) error = %v, want NOT_FOUND", err)
		}
		moved, err := st.Relationship(ctx, graph.RelationshipID(graph.RivalOf, tHub.id(), tDune.id()))
		if err != nil || moved.EvidenceCount != 1 {
			t.Errorf("Relationship(moved) = %+v, %v; want one citation", moved, err)
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Entities != never.Base.Stats.Entities-1 || stats.Relationships != never.Base.Stats.Relationships-1 ||
			stats.Mentions != never.Base.Stats.Mentions || stats.Citations != never.Base.Stats.Citations-1 {
			t.Errorf("Stats = %+v, want one entity, one relationship and one citation fewer than %+v", stats, never.Base.Stats)
		}
		ms, err := st.Mentions(ctx, graph.MentionFilter{EntityID: tHub.id(), Page: all})
		if err != nil {
			t.Fatal(err)
		}
		var surfaces []string
		for _, m := range ms {
			surfaces = append(surfaces, m.Text)
		}
		if !slices.Contains(surfaces, string(tCedar)) || len(ms) != hub.MentionCount {
			t.Errorf("Mentions(survivor) = %q, want the merged entity's among %d", surfaces, hub.MentionCount)
		}
		if n, err := st.CountMentions(ctx, graph.MentionFilter{EntityID: tHub.id()}); err != nil || n != len(ms) {
			t.Errorf("CountMentions(survivor) = %d, %v; want %d", n, err, len(ms))
		}
		if hits, err := st.Search(ctx, graph.SearchQuery{Text: "cedar"}); err != nil || len(hits) != 1 || hits[0].EntityID != tHub.id() {
			t.Errorf("Search(merged name) = %+v, %v; want the survivor", hits, err)
		}
	})

	t.Run("writes after a merge land on the survivor", func(t *testing.T) {
		later := func() *graph.Extraction {
			b := article(t, "https://ties.example/later", "Tie Wire", "Later", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
				"Cedar Front attacked Gorse Front.")
			cedar := b.entity(graph.Group, string(tCedar))
			gorse := b.entity(graph.Group, string(tGorse))
			b.mention(cedar, string(tCedar), 0, "").mention(gorse, string(tGorse), 0, "").
				relationship(graph.Attacked, cedar, gorse, "Cedar Front attacked Gorse Front", "attacked", 0.6)
			return b.build()
		}
		st := s.full(t, mergeWorld(t)...)
		if _, err := st.MergeEntities(ctx, tHub.id(), tCedar.id()); err != nil {
			t.Fatal(err)
		}
		write(t, st, later())
		if _, err := st.Entity(ctx, tCedar.id()); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Entity(merged) after a write naming it: error = %v, want NOT_FOUND", err)
		}
		if _, err := st.Relationship(ctx, graph.RelationshipID(graph.Attacked, tHub.id(), tGorse.id())); err != nil {
			t.Errorf("the new tie of the merged entity is not the survivor's: %v", err)
		}
		if err := st.UnmergeEntities(ctx, tCedar.id()); err != nil {
			t.Fatal(err)
		}
		want := takeExploreSnapshot(t, s.full(t, append(mergeWorld(t), later())...))
		if diff := gocmp.Diff(want, takeExploreSnapshot(t, st), cmpOpts...); diff != "" {
			t.Errorf("after unmerging, differs from never merged (-never +unmerged):\n%s", diff)
		}
	})

	t.Run("retraction while merged", func(t *testing.T) {
		st := s.full(t, mergeWorld(t)...)
		if _, err := st.MergeEntities(ctx, tHub.id(), tCedar.id()); err != nil {
			t.Fatal(err)
		}
		first := tieWorld(t)[0].Article.ID // all the Cedar Front's evidence
		if err := st.DeleteArticle(ctx, first); err != nil {
			t.Fatal(err)
		}
		rels, err := st.Relationships(ctx, graph.RelationshipFilter{EntityID: tHub.id(), Page: all})
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(tieIDs(0, 1), relIDs(rels)); diff != "" {
			t.Errorf("survivor's ties after retraction (-want +got):\n%s", diff)
		}
		if err := st.UnmergeEntities(ctx, tCedar.id()); err != nil {
			t.Fatal(err)
		}
		clean := s.full(t, mergeWorld(t)...)
		if err := clean.DeleteArticle(ctx, first); err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(takeExploreSnapshot(t, clean), takeExploreSnapshot(t, st), cmpOpts...); diff != "" {
			t.Errorf("retracted while merged, then unmerged, differs from retracted (-retracted +unmerged):\n%s", diff)
		}
		if _, err := st.Entity(ctx, tCedar.id()); graph.ErrorCode(err) != graph.NotFound {
			t.Errorf("Entity(with no evidence left) error = %v, want NOT_FOUND", err)
		}
	})

	t.Run("merges, newest first", func(t *testing.T) {
		st := s.full(t, mergeWorld(t)...)
		for _, from := range names(tCedar, tDune, tGorse) {
			if _, err := st.MergeEntities(ctx, tHub.id(), from); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.Merges(ctx, graph.Page{})
		if err != nil || len(got) != 3 {
			t.Fatalf("Merges = %v, %v; want 3", got, err)
		}
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			if a.MergedAt.Before(b.MergedAt) || (a.MergedAt.Equal(b.MergedAt) && a.From > b.From) {
				t.Errorf("merges %d and %d out of order: %+v, %+v", i-1, i, a, b)
			}
		}
		page, err := st.Merges(ctx, graph.Page{Limit: 1, Offset: 2})
		if err != nil || len(page) != 1 || page[0].From != got[2].From {
			t.Errorf("Merges(page) = %v, %v; want the third", page, err)
		}
		if err := st.UnmergeEntities(ctx, tDune.id()); err != nil {
			t.Fatal(err)
		}
		if got, err := st.Merges(ctx, graph.Page{}); err != nil || len(got) != 2 {
			t.Errorf("Merges after an unmerge = %v, %v; want 2", got, err)
		}
	})

	t.Run("errors", func(t *testing.T) {
		st := s.full(t, mergeWorld(t)...)
		if _, err := st.MergeEntities(ctx, tHub.id(), tCedar.id()); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name     string
			into     string
			from     string
			unmerge  bool
			wantCode graph.Code
		}{
			{"into itself", tHub.id(), tHub.id(), false, graph.Invalid},
			{"into a merged entity", tCedar.id(), tDune.id(), false, graph.Invalid},
			{"an entity already merged", tDune.id(), tCedar.id(), false, graph.Invalid},
			{"unknown into", "ent_unknown", tDune.id(), false, graph.NotFound},
			{"unknown from", tHub.id(), "ent_unknown", false, graph.NotFound},
			{"unmerge what is not merged", "", tDune.id(), true, graph.NotFound},
		}
		before := takeExploreSnapshot(t, st)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var err error
				if tt.unmerge {
					err = st.UnmergeEntities(ctx, tt.from)
				} else {
					_, err = st.MergeEntities(ctx, tt.into, tt.from)
				}
				if got := graph.ErrorCode(err); got != tt.wantCode {
					t.Errorf("error = %v, want %s", err, tt.wantCode)
				}
			})
		}
		if diff := gocmp.Diff(before, takeExploreSnapshot(t, st), cmpOpts...); diff != "" {
			t.Errorf("refused merges changed the store (-before +after):\n%s", diff)
		}
	})
}
