package graphcopy_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies: the copier works through the store contract alone, so
// it depends on no backend, driver or logger; only on graph (and what graph
// itself uses). Checked on the build graph as `go list` computes it.
func TestDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot compute the dependency graph")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/newsgraph/newsgraph/"
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case dep == module+"graph", dep == module+"graph/graphcopy", strings.HasPrefix(dep, "golang.org/x/text/"):
		default:
			t.Errorf("graphcopy depends on %s", dep)
		}
	}
}
