package sqlite_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

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
