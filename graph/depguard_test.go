package graph_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// The domain package is the vocabulary every other package shares, so it
// must stay free of drivers, the GraphQL layer and logging; each backend
// must stay free of the others; and the contract suite must not lean on any
// backend. These rules are checked on the real build graph, as `go list`
// computes it, not on a hand-kept list of imports.
func TestDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot compute the dependency graph")
	}
	const module = "github.com/newsgraph/newsgraph/"
	tests := []struct {
		pkg string
		// allowed reports whether a non-standard dependency is fine.
		allowed func(dep string) bool
	}{
		{"./", func(dep string) bool {
			return dep == module+"graph" || strings.HasPrefix(dep, "golang.org/x/text/")
		}},
		{"./sqlite", func(dep string) bool {
			return !forbidden(dep, "github.com/neo4j/", "github.com/99designs/", "github.com/vektah/",
				"github.com/rs/zerolog", module+"graph/neo4j", module+"graph/storetest", module+"api", module+"ingest", module+"cmd")
		}},
		{"./storetest", func(dep string) bool {
			return !forbidden(dep, "modernc.org/", "github.com/neo4j/", "github.com/99designs/", "github.com/vektah/",
				"github.com/rs/zerolog", module+"graph/sqlite", module+"graph/neo4j", module+"api", module+"ingest", module+"cmd")
		}},
	}
	// The rules themselves must bite.
	for _, c := range []struct {
		rule int
		dep  string
	}{{0, "modernc.org/sqlite"}, {0, "github.com/rs/zerolog"}, {1, "github.com/neo4j/neo4j-go-driver/v5/neo4j"}, {2, module + "graph/sqlite"}} {
		if tests[c.rule].allowed(c.dep) {
			t.Errorf("rule for %s allows %s", tests[c.rule].pkg, c.dep)
		}
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			cmd := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", tt.pkg)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list %s: %v\n%s", tt.pkg, err, stderr.String())
			}
			sc := bufio.NewScanner(bytes.NewReader(out))
			n := 0
			for sc.Scan() {
				dep := strings.TrimSpace(sc.Text())
				if dep == "" {
					continue
				}
				n++
				if !tt.allowed(dep) {
					t.Errorf("%s depends on %s, which it must not", tt.pkg, dep)
				}
			}
			if n == 0 {
				t.Errorf("go list %s reported no dependencies at all, not even the package itself", tt.pkg)
			}
		})
	}
}

func forbidden(dep string, prefixes ...string) bool {
	for _, p := range prefixes {
		p = strings.TrimSuffix(p, "/")
		if dep == p || strings.HasPrefix(dep, p+"/") {
			return true
		}
	}
	return false
}
