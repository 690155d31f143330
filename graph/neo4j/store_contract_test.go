package neo4j_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// TestStore runs the backend-agnostic contract suite against the real
// Neo4j 5 (5.23 or later) that NEO4J_URI names; neo4jtest says what
// happens without one. Each store the suite opens gets a graph of its own,
// deleted when the suite closes it, so stores held at once do not see each
// other's data and the rest of the database is left alone.
func TestStore(t *testing.T) {
	neo4jtest.Config(t)
	storetest.Run(t, func(t *testing.T) graph.Store {
		t.Helper()
		return neo4jtest.Open(t, "storetest")
	})
}

// TestConcurrentWrites: ingest's workers write at once, and news articles
// share hub entities. On a real Neo4j such writers deadlock on the hubs'
// locks, often enough to exhaust the driver's retries; the store runs its
// writes one at a time, so every write must succeed, even with retries cut
// to a second.
func TestConcurrentWrites(t *testing.T) {
	st := neo4jtest.Open(t, "concurrent-writes", func(c *neo4j.Config) { c.MaxRetryTime = time.Second })
	var xs []*graph.Extraction
	g := storetest.NewsGraph{Relationships: 800}
	if err := g.Generate(1000, func(b []*graph.Extraction) error { xs = append(xs, b...); return nil }); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	errs := make([]error, len(xs))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(xs); i += 8 {
				errs[i] = st.WriteExtraction(ctx, xs[i])
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("article %d of %d: %v", i, len(xs), err)
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != len(xs) || stats.Relationships != g.Relationships {
		t.Errorf("stats %+v, want %d articles and %d relationships", stats, len(xs), g.Relationships)
	}
}
