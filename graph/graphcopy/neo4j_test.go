package graphcopy_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph/graphcopy"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// TestCopyThroughNeo4j copies the examples from SQLite to Neo4j and back to
// a new SQLite store, which must then read exactly as the first. It runs
// when NEO4J_URI is set, in a graph of its own (Config.Graph) that it deletes
// afterwards; the rest of the database is left alone.
func TestCopyThroughNeo4j(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("set NEO4J_URI=neo4j://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... to copy through Neo4j 5; see docs/neo4j.md")
	}
	ctx := context.Background()
	cfg, err := neo4j.ParseURL(uri, os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Graph = fmt.Sprintf("graphcopy-test-%d", time.Now().UnixNano())
	cfg.Clock = clock
	n4, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := n4.DeleteGraph(context.Background()); err != nil {
			t.Errorf("DeleteGraph: %v", err)
		}
		n4.Close()
	})
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
