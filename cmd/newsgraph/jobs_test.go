package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestJobsCommand lists the durable jobs a batch left in the embedded
// queue beside its store, and refuses to retry one that did not fail.
func TestJobsCommand(t *testing.T) {
	dir := t.TempDir()
	store := "sqlite:" + filepath.Join(dir, "g.db")
	if out, stderr, err := run(t, context.Background(), "", "ingest", "--store", store, examples); err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, stderr)
	}
	out, _, err := run(t, context.Background(), "", "jobs", "--store", store)
	if err != nil {
		t.Fatalf("jobs: %v", err)
	}
	n := exampleArticles(t)
	jobLine := regexp.MustCompile(`(?m)^(job_[0-9a-f]{24}) done attempts=1 \S*examples/articles/\S+ took=\S+$`)
	lines := jobLine.FindAllStringSubmatch(out, -1)
	if len(lines) != n {
		t.Errorf("%d done job lines, want %d:\n%s", len(lines), n, out)
	}
	if !strings.Contains(out, "jobs="+itoa(n)+" listed="+itoa(n)+" queue: waiting=0 in-flight=0 redelivered=0 dead=0\n") {
		t.Errorf("no depth line for %d jobs:\n%s", n, out)
	}
	out, _, err = run(t, context.Background(), "", "jobs", "list", "--store", store, "--status", "failed")
	if err != nil || jobLine.MatchString(out) || !strings.Contains(out, "jobs=0 listed=0") {
		t.Errorf("failed jobs: %v\n%s", err, out)
	}
	out, _, err = run(t, context.Background(), "", "jobs", "list", "--store", store, "--first", "2")
	if err != nil || len(jobLine.FindAllString(out, -1)) != 2 || !strings.Contains(out, "(more: --after "+lines[1][1]+")") {
		t.Errorf("first 2 jobs: %v\n%s", err, out)
	}
	if len(lines) > 0 {
		_, _, err := run(t, context.Background(), "", "jobs", "retry", "--store", store, lines[0][1])
		if graph.ErrorCode(err) != graph.Conflict {
			t.Errorf("retry of a done job: %v, want CONFLICT", err)
		}
	}
	for _, args := range [][]string{{"jobs", "frobnicate"}, {"jobs", "retry"}, {"jobs", "list", "x"}} {
		if _, _, err := run(t, context.Background(), "", append(args, "--store", store)...); exitCode(err) != 2 {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	if _, _, err := run(t, context.Background(), "", "jobs", "--store", store, "--status", "lost"); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("--status lost: %v, want INVALID", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
