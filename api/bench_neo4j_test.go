package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// BenchmarkGraphQLNeo4j is BenchmarkGraphQL on the Neo4j NEO4J_URI names
// (see neo4jtest), on the same generated graph, written through the store
// into a graph of its own (deleted afterwards), so that the two tables
// compare. Building the graph takes minutes at 100,000 relationships:
//
//	NEWSGRAPH_BENCH_EDGES=100000 tools/neo4jtest/neo4jtest.sh run \
//	  go test ./api -run '^$' -bench 'GraphQL' -benchtime 200x -timeout 60m
func BenchmarkGraphQLNeo4j(b *testing.B) {
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("rels=%d", size), func(b *testing.B) {
			store := neo4jtest.Open(b, "bench-graphql")
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
			benchGraphQL(b, store, g)
		})
	}
}
