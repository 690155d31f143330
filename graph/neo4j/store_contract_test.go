package neo4j_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
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
