package neo4j

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// TestStore runs the backend-agnostic contract suite against a real Neo4j 5
// (5.23 or later) when NEO4J_URI is set. The database is emptied once at the
// start of the run; each store the suite opens then gets a graph of its own
// (Config.Graph), so that stores the suite holds at once do not see each
// other's data.
func TestStore(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("set NEO4J_URI=neo4j://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... to run the contract suite against Neo4j 5; see docs/neo4j.md")
	}
	cfg := Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	var (
		reset sync.Once
		n     atomic.Int64
		run   = time.Now().UTC().Format("20060102T150405")
	)
	storetest.Run(t, func(t *testing.T) graph.Store {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := cfg
		c.Graph = fmt.Sprintf("storetest-%s-%d", run, n.Add(1))
		st, err := Open(ctx, c)
		if err != nil {
			t.Fatalf("Open(%s): %v", uri, err)
		}
		var resetErr error
		reset.Do(func() { resetErr = st.resetDatabase(ctx) })
		if resetErr != nil {
			st.Close()
			t.Fatalf("emptying the database: %v", resetErr)
		}
		return st
	})
}
