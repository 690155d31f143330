package api_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

// The HTTP tests that say what the API answers run on every backend, with
// the same queries and the same expected answers: the embedded store always,
// Neo4j on the server NEO4J_URI names (neo4jtest says what happens without
// one). Each run gets a new, empty store; on Neo4j a graph of its own in the
// shared database, deleted afterwards.

// backends lists the stores the API tests run on, by subtest name.
var backends = []struct {
	name string
	open func(testing.TB) graph.Store
}{
	{"sqlite", func(t testing.TB) graph.Store { return openStore(t) }},
	{"neo4j", func(t testing.TB) graph.Store { return neo4jtest.Open(t, "api-test") }},
}

// eachStore runs test once per backend, as a subtest named after it; the
// test opens its stores with the opener it is given.
func eachStore(t *testing.T, test func(t *testing.T, openStore func(testing.TB) graph.Store)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { test(t, b.open) })
	}
}
