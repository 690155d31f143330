package graphcopy_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph/graphcopy"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

// TestCopyThroughNeo4j copies the examples from SQLite to Neo4j and back to
// a new SQLite store, which must then read exactly as the first. It runs on
// the Neo4j NEO4J_URI names (see neo4jtest), in a graph of its own that it
// deletes afterwards; the rest of the database is left alone.
func TestCopyThroughNeo4j(t *testing.T) {
	ctx := context.Background()
	n4 := neo4jtest.Open(t, "graphcopy-test", func(c *neo4j.Config) { c.Clock = clock })
	from, back := source(t), open(t)
	want := take(t, from)
	if _, err := graphcopy.Copy(ctx, from, n4, graphcopy.Options{}); err != nil {
		t.Fatalf("SQLite to Neo4j: %v", err)
	}
	if _, err := graphcopy.Copy(ctx, n4, n4, graphcopy.Options{Batch: 3}); err != nil {
		t.Fatalf("Neo4j onto itself: %v", err)
	}
	if _, err := graphcopy.Copy(ctx, n4, back, graphcopy.Options{}); err != nil {
		t.Fatalf("Neo4j to SQLite: %v", err)
	}
	if diff := cmp.Diff(want, take(t, n4), cmpOpts...); diff != "" {
		t.Errorf("Neo4j differs from the source (-SQLite +Neo4j):\n%s", diff)
	}
	if diff := cmp.Diff(want, take(t, back), cmpOpts...); diff != "" {
		t.Errorf("the round trip differs from the source (-before +after):\n%s", diff)
	}
}
