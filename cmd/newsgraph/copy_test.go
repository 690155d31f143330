package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

var statsRE = regexp.MustCompile(`(?m)^(from|to  ) store: (.*)$`)

// copyStats returns the "from store:" and "to store:" counts of copy's
// output.
func copyStats(t *testing.T, out string) (from, to string) {
	t.Helper()
	for _, m := range statsRE.FindAllStringSubmatch(out, -1) {
		if m[1] == "from" {
			from = m[2]
		} else {
			to = m[2]
		}
	}
	if from == "" || to == "" {
		t.Fatalf("no from/to store lines in output:\n%s", out)
	}
	return from, to
}

// TestCopyCommand copies the ingested examples between two embedded stores:
// the target holds what the source holds, the target's own ingest summary
// agrees, and copying again changes nothing. (graph/graphcopy compares the
// two stores read by read.)
func TestCopyCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src, dst := "sqlite:"+filepath.Join(dir, "from.db"), "sqlite://"+filepath.Join(dir, "to.db")
	ingested, _, err := run(t, ctx, "", "ingest", "--store", src, examples)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, ingested)
	}
	out, stderr, err := run(t, ctx, "", "copy", "--from", src, "--to", dst, "--batch", "2")
	if err != nil {
		t.Fatalf("copy: %v\n%s\n%s", err, out, stderr)
	}
	from, to := copyStats(t, out)
	if from != to {
		t.Errorf("target differs from source:\nfrom %s\nto   %s", from, to)
	}
	if want := regexp.MustCompile(`(?m)^store: (.*)$`).FindStringSubmatch(ingested); want == nil || want[1] != from {
		t.Errorf("source counts %q, want the ingest's %q", from, want)
	}
	if n := exampleArticles(t); !strings.Contains(out, "copied: articles="+strconv.Itoa(n)+" ") || !strings.Contains(out, "failures=0") {
		t.Errorf("copy summary does not count %d articles and no failures:\n%s", n, out)
	}

	again, _, err := run(t, ctx, "", "copy", "--from", src, "--to", dst)
	if err != nil {
		t.Fatalf("second copy: %v", err)
	}
	if diff := cmp.Diff(out, again); diff != "" {
		t.Errorf("a second copy changed something (-first +second):\n%s", diff)
	}
	// Re-extracting the examples into the copy finds it as complete as the
	// source.
	reingested, _, err := run(t, ctx, "", "ingest", "--reextract", "--store", dst, examples)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ingested, reingested); diff != "" {
		t.Errorf("ingesting the examples into the copy changed it (-source +copy):\n%s", diff)
	}

	// A target that cannot be reached fails clearly, after reading nothing.
	_, _, err = run(t, ctx, "", "copy", "--from", src, "--to", "bolt://"+closedPort(t))
	if graph.ErrorCode(err) != graph.Unavailable {
		t.Errorf("copy to an unreachable Neo4j: %v, want UNAVAILABLE", err)
	}
}
