package neo4j_test

import (
	"context"
	"math/rand/v2"
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

// TestWritersInSeveralProcesses: several newsgraph workers on one Neo4j
// each have their own store, so nothing in the client serialises their
// writes, and news articles share hub entities. Four stores with drivers
// of their own (as four processes would have) write the same graph at
// once, each article by two of them in different orders: every write must
// succeed and every article land once, with the driver's retries cut to
// 10 s, which the deadlocks of writers taking hub locks in different
// orders used to exhaust.
func TestWritersInSeveralProcesses(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.Graph = neo4jtest.GraphName("multi-writers")
	cfg.MaxRetryTime = 10 * time.Second
	ctx := context.Background()
	const writers = 4
	stores := make([]*neo4j.Store, writers)
	for i := range stores {
		st, err := neo4j.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		stores[i] = st
	}
	t.Cleanup(func() {
		if err := stores[0].DeleteGraph(ctx); err != nil {
			t.Errorf("DeleteGraph: %v", err)
		}
		for _, st := range stores {
			st.Close()
		}
	})
	var xs []*graph.Extraction
	g := storetest.NewsGraph{Relationships: 400, Seed: 5}
	if err := g.Generate(1000, func(b []*graph.Extraction) error { xs = append(xs, b...); return nil }); err != nil {
		t.Fatal(err)
	}
	var want graph.Stats
	for _, x := range xs {
		want.Articles++
		want.Mentions += len(x.Mentions)
		want.Citations += len(x.Relationships) + len(x.Claims)
	}
	// Writer w writes the articles i with i%writers in {w, w+1}, in an
	// order of its own.
	errs := make([][]error, writers)
	var wg sync.WaitGroup
	for w := range writers {
		var mine []*graph.Extraction
		for i, x := range xs {
			if k := i % writers; k == w || k == (w+1)%writers {
				mine = append(mine, x)
			}
		}
		rand.New(rand.NewPCG(uint64(w), 9)).Shuffle(len(mine), func(i, j int) { mine[i], mine[j] = mine[j], mine[i] })
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, x := range mine {
				if err := stores[w].WriteExtraction(ctx, x); err != nil {
					errs[w] = append(errs[w], err)
				}
			}
		}()
	}
	wg.Wait()
	for w, es := range errs {
		for _, err := range es {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	var retries, deadlocks int64
	for _, st := range stores {
		r, d := st.WriteRetries()
		retries, deadlocks = retries+r, deadlocks+d
	}
	t.Logf("%d writes by %d stores: %d retried, %d of them after a deadlock", 2*len(xs), writers, retries, deadlocks)
	got, err := stores[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Articles != want.Articles || got.Mentions != want.Mentions || got.Citations != want.Citations ||
		got.Relationships != g.Relationships {
		t.Errorf("stats %+v, want %d articles, %d mentions, %d citations and %d relationships",
			got, want.Articles, want.Mentions, want.Citations, g.Relationships)
	}
}
