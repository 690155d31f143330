package api_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest/boltproxy"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// BenchmarkGraphQLNeo4j is BenchmarkGraphQL on the Neo4j NEO4J_URI names
// (see neo4jtest), on the same generated graph, written through the store
// into a graph of its own (deleted afterwards), so that the two tables
// compare. Building the graph takes minutes at 100,000 relationships:
//
//	NEWSGRAPH_BENCH_EDGES=100000 tools/neo4jtest/neo4jtest.sh run \
//	  go test ./api -run '^$' -bench 'GraphQL' -benchtime 200x -timeout 60m
//
// With NEWSGRAPH_BENCH_BOLTCOUNT=1 the store talks to Neo4j through a
// counting proxy (boltproxy, bolt:// instead of neo4j://), and each query
// also reports its network round trips, transactions (BEGIN) and
// statements (RUN) per request; the proxy adds to the latencies, so the
// tables are measured without it.
func BenchmarkGraphQLNeo4j(b *testing.B) {
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("rels=%d", size), func(b *testing.B) {
			var proxy *boltproxy.Proxy
			var viaProxy []func(*neo4j.Config)
			if os.Getenv("NEWSGRAPH_BENCH_BOLTCOUNT") == "1" {
				proxy = startProxy(b)
				viaProxy = append(viaProxy, func(c *neo4j.Config) { c.URI = "bolt://" + proxy.Addr() })
			}
			store := neo4jtest.Open(b, "bench-graphql", viaProxy...)
			g := storetest.NewsGraph{Relationships: size}
			ctx := context.Background()
			start, articles := time.Now(), 0
			// The bulk path: 200 articles per write transaction, each
			// touched aggregate recomputed once per batch.
			err := g.Generate(200, func(xs []*graph.Extraction) error {
				articles += len(xs)
				return store.WriteExtractions(ctx, xs)
			})
			if err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			b.Logf("wrote %d articles (%d relationships) to Neo4j in %v: %.0f articles/s",
				articles, size, took.Round(time.Second), float64(articles)/took.Seconds())
			if proxy != nil {
				b.Logf("the load on the wire (opening the store included): %v", proxy.Counts())
			}
			benchGraphQL(b, store, g, proxy)
		})
	}
}

// startProxy starts a counting proxy to the Neo4j under test, closed when
// the benchmark ends.
func startProxy(b *testing.B) *boltproxy.Proxy {
	u, err := url.Parse(neo4jtest.Config(b).URI)
	if err != nil {
		b.Fatal(err)
	}
	p, err := boltproxy.Start(u.Host)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	return p
}
