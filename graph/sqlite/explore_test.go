package sqlite_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// TestWriteExtractions checks that a batch leaves the store as writing its
// extractions one by one does, rewrites included, and that a bad
// extraction fails the whole batch.
func TestWriteExtractions(t *testing.T) {
	ctx := context.Background()
	var xs []*graph.Extraction
	g := storetest.NewsGraph{Relationships: 300, Seed: 3}
	if err := g.Generate(1000, func(batch []*graph.Extraction) error { xs = batch; return nil }); err != nil {
		t.Fatal(err)
	}
	xs = append(xs, xs[0], xs[3]) // rewrites within the batch
	one, batch := openTemp(t), openTemp(t)
	defer one.Close()
	defer batch.Close()
	for _, x := range xs {
		if err := one.WriteExtraction(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.WriteExtractions(ctx, xs[:10]); err != nil {
		t.Fatal(err)
	}
	if err := batch.WriteExtractions(ctx, xs[10:]); err != nil {
		t.Fatal(err)
	}
	dump := func(s interface {
		Stats(context.Context) (graph.Stats, error)
		Relationships(context.Context, graph.RelationshipFilter) ([]*graph.Relationship, error)
		SearchEntities(context.Context, graph.EntityFilter) ([]*graph.Entity, error)
		Claims(context.Context, graph.ClaimFilter) ([]*graph.Claim, error)
	}) []any {
		all := graph.Page{Limit: graph.MaxLimit}
		st, err1 := s.Stats(ctx)
		rs, err2 := s.Relationships(ctx, graph.RelationshipFilter{Page: all})
		es, err3 := s.SearchEntities(ctx, graph.EntityFilter{Page: all})
		cs, err4 := s.Claims(ctx, graph.ClaimFilter{Page: all})
		for _, err := range []error{err1, err2, err3, err4} {
			if err != nil {
				t.Fatal(err)
			}
		}
		return []any{st, rs, es, cs}
	}
	want := dump(one)
	if st := want[0].(graph.Stats); st.Relationships != 300 {
		t.Fatalf("generated graph has %d relationships, want 300", st.Relationships)
	}
	if diff := cmp.Diff(want, dump(batch)); diff != "" {
		t.Errorf("batch differs from one by one (-one +batch):\n%s", diff)
	}

	bad := *xs[1]
	bad.Mentions = append([]graph.Mention(nil), bad.Mentions...)
	bad.Mentions[0].EntityID = "ent_undeclared"
	empty := openTemp(t)
	defer empty.Close()
	if err := empty.WriteExtractions(ctx, []*graph.Extraction{xs[0], &bad}); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("WriteExtractions(with a bad extraction) error = %v, want INVALID", err)
	}
	if st, err := empty.Stats(ctx); err != nil || st != (graph.Stats{}) {
		t.Errorf("Stats after a refused batch = %+v, %v; want nothing written", st, err)
	}
}

// TestNewsGraphShape checks, on a small graph, that the benchmark's
// generator makes what it promises: the relationship count asked for,
// several citations per relationship, and hubs.
func TestNewsGraphShape(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	g := storetest.NewsGraph{Relationships: 2000}
	if err := g.Generate(500, func(xs []*graph.Extraction) error { return s.WriteExtractions(ctx, xs) }); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ents := g.EntityList()
	if st.Relationships != 2000 || st.Entities > len(ents) || st.Claims == 0 {
		t.Errorf("Stats = %+v; want 2000 relationships, at most %d entities, claims", st, len(ents))
	}
	if perRel := float64(st.Citations) / float64(st.Relationships); perRel < 2 {
		t.Errorf("%.2f citations per relationship, want several", perRel)
	}
	hub, err := s.CountRelationships(ctx, graph.RelationshipFilter{EntityID: ents[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	median, err := s.CountRelationships(ctx, graph.RelationshipFilter{EntityID: ents[len(ents)/2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if hub < 8*max(1, median) {
		t.Errorf("the top entity has %d ties and the median one %d: want a power law", hub, median)
	}
}
