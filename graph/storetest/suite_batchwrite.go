package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// testBatchWrite checks, on stores that are graph.BatchWriters, that a batch
// leaves the store as writing its extractions one by one does, rewrites
// within a batch included, and that a bad extraction fails the whole batch
// with nothing written.
func (s suite) testBatchWrite(t *testing.T) {
	one := s.open(t)
	if _, ok := one.(graph.BatchWriter); !ok {
		t.Skipf("%T writes one extraction at a time (not a graph.BatchWriter)", one)
	}
	ctx := context.Background()
	var xs []*graph.Extraction
	g := NewsGraph{Relationships: 200, Seed: 3}
	if err := g.Generate(1000, func(b []*graph.Extraction) error { xs = b; return nil }); err != nil {
		t.Fatal(err)
	}
	xs = append(xs, xs[0], xs[3]) // rewrites within the batch
	write(t, one, xs...)
	other := s.open(t)
	if err := other.(graph.BatchWriter).WriteExtractions(ctx, xs[:10]); err != nil {
		t.Fatal(err)
	}
	if err := other.(graph.BatchWriter).WriteExtractions(ctx, xs[10:]); err != nil {
		t.Fatal(err)
	}
	want := takeSnapshot(t, one)
	if st := want.Stats; st.Relationships != g.Relationships {
		t.Fatalf("generated graph has %d relationships, want %d", st.Relationships, g.Relationships)
	}
	if diff := cmp.Diff(want, takeSnapshot(t, other), cmpOpts...); diff != "" {
		t.Errorf("batch differs from one by one (-one +batch):\n%s", diff)
	}

	bad := *xs[1]
	bad.Mentions = append([]graph.Mention(nil), bad.Mentions...)
	bad.Mentions[0].EntityID = "ent_undeclared"
	empty := s.open(t)
	if err := empty.(graph.BatchWriter).WriteExtractions(ctx, []*graph.Extraction{xs[0], &bad}); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("WriteExtractions(with a bad extraction) error = %v, want INVALID", err)
	}
	if err := empty.(graph.BatchWriter).WriteExtractions(ctx, nil); err != nil {
		t.Errorf("WriteExtractions(nothing) = %v, want nil", err)
	}
	if st, err := empty.Stats(ctx); err != nil || st != (graph.Stats{}) {
		t.Errorf("Stats after a refused batch = %+v, %v; want nothing written", st, err)
	}
}
