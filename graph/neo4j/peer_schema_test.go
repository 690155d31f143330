package neo4j

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

// TestPeerOpenRacesOnSchema: two stores opening at once on a new database
// both run CREATE ... IF NOT EXISTS, and the second to commit fails with
// EquivalentSchemaRuleAlreadyExists (seen on a real Neo4j 5.26 when the
// packages' tests started together). The rule exists then, so Open goes on;
// any other schema failure still fails Open.
func TestPeerOpenRacesOnSchema(t *testing.T) {
	tests := []struct {
		name string
		code string
		want graph.Code // "" when Open must succeed
	}{
		{"equivalent rule created concurrently", codeEquivalentSchema, ""},
		{"another schema error", "Neo.ClientError.Schema.IndexWithNameAlreadyExists", graph.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := boltpeer.Start(fail(cypherRelEvTarget, tt.code))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { p.Close() })
			st, err := Open(context.Background(), Config{
				URI: p.URI(), User: "neo4j", Password: "secret",
				MaxRetryTime: time.Second, ConnectTimeout: time.Second,
			})
			if err == nil {
				defer st.Close()
			}
			if got := graph.ErrorCode(err); got != tt.want {
				t.Errorf("Open: code %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}
