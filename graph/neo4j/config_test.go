package neo4j

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

func TestParseURL(t *testing.T) {
	env := map[string]string{EnvUser: "envuser", EnvPassword: "envpass", EnvDatabase: "envdb"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		name string
		raw  string
		want Config
		code graph.Code
	}{
		{"env fills the gaps", "neo4j://db.example:7687",
			Config{URI: "neo4j://db.example:7687", User: "envuser", Password: "envpass", Database: "envdb"}, ""},
		{"URL wins", "bolt+s://ann:s3cret@db.example/news?graph=eval",
			Config{URI: "bolt+s://db.example", User: "ann", Password: "s3cret", Database: "news", Graph: "eval"}, ""},
		{"user without password", "NEO4J://bob@db.example:7687",
			Config{URI: "neo4j://db.example:7687", User: "bob", Password: "envpass", Database: "envdb"}, ""},
		{"sqlite is no Neo4j URL", "sqlite:newsgraph.db", Config{}, graph.Invalid},
		{"no host", "neo4j:///neo4j", Config{}, graph.Invalid},
		{"nested path", "neo4j://h/a/b", Config{}, graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseURL(tt.raw, getenv)
			if graph.ErrorCode(err) != tt.code {
				t.Fatalf("error = %v, want code %q", err, tt.code)
			}
			if err != nil {
				return
			}
			if diff := cmp.Diff(tt.want, got, cmp.FilterPath(func(p cmp.Path) bool {
				f := p.Last().String()
				return f == ".Logger" || f == ".Clock"
			}, cmp.Ignore())); diff != "" {
				t.Errorf("ParseURL (-want +got):\n%s", diff)
			}
		})
	}
}
