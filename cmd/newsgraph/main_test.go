package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// examples is our own example articles.
const examples = "../../examples/articles"

// run runs newsgraph in-process and returns its stdout and stderr.
func run(t *testing.T, ctx context.Context, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Now:    func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
	err = m.Run(ctx, args)
	if cerr := m.Close(); cerr != nil {
		t.Errorf("Close: %v", cerr)
	}
	return out.String(), errOut.String(), err
}

var summaryRE = regexp.MustCompile(`(?m)^articles=(\d+) entities=(\d+) relationships=(\d+) claims=(\d+) failures=(\d+)$`)

// summaryCounts parses the summary line.
func summaryCounts(t *testing.T, out string) map[string]int {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in output:\n%s", out)
	}
	counts := map[string]int{}
	for i, k := range []string{"articles", "entities", "relationships", "claims", "failures"} {
		counts[k], _ = strconv.Atoi(m[i+1])
	}
	return counts
}

// exampleArticles counts the articles of examples: one per text file, one
// per non-empty JSON line.
func exampleArticles(t *testing.T) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(examples, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".txt", ".md":
			n++
		case ".jsonl":
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(data), "\n") {
				if strings.TrimSpace(line) != "" {
					n++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no example articles in %s", examples)
	}
	return n
}

// TestIngestExamples ingests our example articles twice: every one is
// ingested, with entities, relationships and claims, and the second run
// leaves the store as the first left it.
func TestIngestExamples(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "g.db")
	out, stderr, err := run(t, context.Background(), "", "ingest", "--store", store, examples)
	if err != nil {
		t.Fatalf("ingest: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr)
	}
	got := summaryCounts(t, out)
	if want := exampleArticles(t); got["articles"] != want || got["failures"] != 0 {
		t.Errorf("summary %v, want %d articles and no failures", got, want)
	}
	for _, k := range []string{"entities", "relationships", "claims"} {
		if got[k] == 0 {
			t.Errorf("the examples yield no %s: %v", k, got)
		}
	}
	storeLine := regexp.MustCompile(`(?m)^store: .*$`).FindString(out)
	if storeLine == "" {
		t.Fatalf("no store line in output:\n%s", out)
	}

	// A second run finds every article unchanged and extracts none; the
	// store is as the first run left it.
	again, _, err := run(t, context.Background(), "", "ingest", "--store", store, examples)
	if err != nil {
		t.Fatalf("second ingest: %v", err)
	}
	if want := fmt.Sprintf("unchanged=%d skipped=0", exampleArticles(t)); !strings.Contains(again, want+"\n") {
		t.Errorf("second ingest does not say %q:\n%s", want, again)
	}
	if diff := cmp.Diff(storeLine, regexp.MustCompile(`(?m)^store: .*$`).FindString(again)); diff != "" {
		t.Errorf("re-ingest changed the store (-first +second):\n%s", diff)
	}
	// With --reextract every article is extracted again, to the same graph.
	forced, _, err := run(t, context.Background(), "", "ingest", "--reextract", "--store", store, examples)
	if err != nil {
		t.Fatalf("ingest --reextract: %v", err)
	}
	if diff := cmp.Diff(out, forced); diff != "" {
		t.Errorf("re-extraction changed the summary or the store (-first +again):\n%s", diff)
	}
}

// TestIngestStoreReplaced: the embedded queue keeps its record of a run
// beside the store; a store deleted since (or another store given the same
// queue folder) gets every article written again, not counted unchanged
// and left empty.
func TestIngestStoreReplaced(t *testing.T) {
	dir := t.TempDir()
	queueDir := filepath.Join(dir, "q")
	first, _, err := run(t, context.Background(), "", "ingest", "--store", "sqlite:"+filepath.Join(dir, "a.db"), "--queue-dir", queueDir, examples)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	for _, name := range []string{"a.db", "b.db"} {
		if name == "a.db" {
			for _, f := range []string{"a.db", "a.db-wal", "a.db-shm"} {
				if err := os.Remove(filepath.Join(dir, f)); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
			}
		}
		out, _, err := run(t, context.Background(), "", "ingest", "--store", "sqlite:"+filepath.Join(dir, name), "--queue-dir", queueDir, examples)
		if err != nil {
			t.Fatalf("ingest into %s: %v", name, err)
		}
		if strings.Contains(out, "unchanged=") {
			t.Errorf("%s: articles the store lacks counted unchanged:\n%s", name, out)
		}
		storeLine := regexp.MustCompile(`(?m)^store: .*$`)
		if diff := cmp.Diff(storeLine.FindString(first), storeLine.FindString(out)); diff != "" {
			t.Errorf("%s: the store differs from the first run's (-first +now):\n%s", name, diff)
		}
	}
}

// TestIngestFailures: a broken article fails alone; the command lists it
// and exits with status 1.
func TestIngestFailures(t *testing.T) {
	dir := t.TempDir()
	lines := `{"title":"Fine","text":"Taliban officials met in Kabul on Monday."}` + "\n" +
		`{"title": broken` + "\n" +
		`{"title":"Empty","text":"   "}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "batch.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, context.Background(), "", "ingest", "--store", "sqlite:"+filepath.Join(dir, "g.db"), dir)
	if !errors.Is(err, errFailed) || exitCode(err) != 1 {
		t.Fatalf("ingest: err = %v, want errFailed (exit 1)", err)
	}
	if got := summaryCounts(t, out); got["articles"] != 1 || got["failures"] != 2 {
		t.Errorf("summary %v, want 1 article and 2 failures", got)
	}
	for _, loc := range []string{"batch.jsonl:2: ", "batch.jsonl:3: "} {
		if !strings.Contains(out, loc) || !strings.Contains(out, "(INVALID)") {
			t.Errorf("output does not list the failure at %s with its code:\n%s", loc, out)
		}
	}
}

// TestExtract prints an example article's extraction as JSON, from a file
// and from standard input, without creating a store.
func TestExtract(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(examples, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles: %v", err)
	}
	abs, err := filepath.Abs(files[0])
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct{ arg, stdin string }{{abs, ""}, {"-", string(text)}} {
		out, _, err := run(t, context.Background(), tc.stdin, "extract", tc.arg)
		if err != nil {
			t.Fatalf("extract %s: %v", tc.arg, err)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("extract %s: output is not JSON: %v\n%s", tc.arg, err, out)
		}
		if len(doc) == 0 {
			t.Errorf("extract %s printed an empty document", tc.arg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "newsgraph.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("extract created a store: %v", err)
	}
}

// closedPort returns a local address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestStoreURLs: every command rejects a store it cannot open, clearly,
// and never shows a Neo4j password.
func TestStoreURLs(t *testing.T) {
	dir := t.TempDir()
	closed := closedPort(t)
	const secret = "s3cret-pw"
	t.Setenv("NEO4J_PASSWORD", secret)
	emptyStore := filepath.Join(dir, "empty.db")
	if _, _, err := run(t, context.Background(), "", "copy", "--from", "sqlite:"+emptyStore, "--to", "sqlite:"+filepath.Join(dir, "x.db")); graph.ErrorCode(err) != graph.NotFound {
		t.Fatalf("copy from a missing SQLite file: %v, want NOT_FOUND", err)
	}
	empty, err := sqlite.Open(context.Background(), emptyStore)
	if err != nil {
		t.Fatal(err)
	}
	empty.Close()
	tests := []struct {
		name, store string
		want        graph.Code
		wantFrom    graph.Code // copy --from, when it differs from want
	}{
		{"neo4j unreachable", "neo4j://" + closed, graph.Unavailable, ""},
		{"neo4j with password unreachable", "neo4j://neo4j:" + secret + "@" + closed + "/news", graph.Unavailable, ""},
		{"neo4j+ssc unreachable", "neo4j+ssc://" + closed, graph.Unavailable, ""},
		{"bolt unreachable", "bolt://" + closed, graph.Unavailable, ""},
		{"bolt+s unreachable", "bolt+s://" + closed, graph.Unavailable, ""},
		{"neo4j without host", "neo4j://", graph.Invalid, ""},
		{"neo4j bad URL", "bolt://neo4j:" + secret + "@[::1", graph.Invalid, ""},
		{"no scheme", filepath.Join(dir, "g.db"), graph.Invalid, ""},
		{"unknown scheme", "postgres://u:" + secret + "@localhost/x", graph.Invalid, ""},
		{"no path", "sqlite:", graph.Invalid, ""},
		{"unopenable path", "sqlite:" + filepath.Join(dir, "missing", "dir", "g.db"), graph.Unavailable, graph.NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, args := range [][]string{
				{"ingest", "--store", tt.store, examples},
				{"serve", "--addr", "127.0.0.1:0", "--store", tt.store},
				{"copy", "--from", tt.store, "--to", "sqlite:" + filepath.Join(t.TempDir(), "to.db")},
				{"copy", "--from", "sqlite:" + emptyStore, "--to", tt.store},
			} {
				out, stderr, err := run(t, context.Background(), "", append(args, "--neo4j-password", secret)...)
				want := tt.want
				if args[0] == "copy" && args[2] == tt.store && tt.wantFrom != "" {
					want = tt.wantFrom
				}
				if got := graph.ErrorCode(err); got != want {
					t.Errorf("%v: code %q (%v), want %q", args, got, err, want)
				}
				if err != nil && describe(err) == "" {
					t.Errorf("%v: empty description", args)
				}
				if all := out + stderr + describe(err); strings.Contains(all, secret) {
					t.Errorf("%v: the password shows:\n%s", args, all)
				}
			}
		})
	}
}

// TestNeo4jCredentials: credentials and database come from the URL, else
// the flags, else the environment.
func TestNeo4jCredentials(t *testing.T) {
	t.Setenv("NEO4J_USER", "env-user")
	t.Setenv("NEO4J_PASSWORD", "env-pw")
	t.Setenv("NEO4J_DATABASE", "env-db")
	tests := []struct {
		name  string
		url   string
		flags neo4jFlags
		want  [3]string
	}{
		{"environment", "neo4j://h:7687", neo4jFlags{}, [3]string{"env-user", "env-pw", "env-db"}},
		{"flags over environment", "bolt://h", neo4jFlags{"flag-user", "flag-pw", "flag-db"}, [3]string{"flag-user", "flag-pw", "flag-db"}},
		{"some flags", "neo4j+s://h", neo4jFlags{password: "flag-pw"}, [3]string{"env-user", "flag-pw", "env-db"}},
		{"URL over flags", "neo4j://u:p@h/db", neo4jFlags{"flag-user", "flag-pw", "flag-db"}, [3]string{"u", "p", "db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := neo4j.ParseURL(tt.url, tt.flags.getenv)
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]string{cfg.User, cfg.Password, cfg.Database}; got != tt.want {
				t.Errorf("user, password, database = %q, want %q", got, tt.want)
			}
		})
	}
	if got := (storeFlags{url: "neo4j://u:pw@h:7687/db"}).String(); strings.Contains(got, "pw") {
		t.Errorf("redacted store %q shows the password", got)
	}
}

// TestUsage: bad command lines exit with status 2 and say why.
func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no command", nil},
		{"unknown command", []string{"frobnicate"}},
		{"ingest without paths", []string{"ingest"}},
		{"extract without a file", []string{"extract"}},
		{"unknown flag", []string{"ingest", "--nope", "x"}},
		{"bad log level", []string{"extract", "--log-level", "loud", "-"}},
		{"bad size", []string{"ingest", "--max-article-size", "big", "x"}},
		{"serve with arguments", []string{"serve", "examples"}},
		{"copy without --to", []string{"copy", "--from", "sqlite:a.db"}},
		{"copy onto itself", []string{"copy", "--from", "sqlite:a.db", "--to", "sqlite:a.db"}},
		{"eval with arguments", []string{"eval", "x"}},
		{"eval unknown data set", []string{"eval", "--only", "conll,muc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			_, _, err := run(t, context.Background(), "", tt.args...)
			if err == nil || exitCode(err) != 2 {
				t.Errorf("err = %v (exit %d), want a usage error (exit 2)", err, exitCode(err))
			}
		})
	}
	out, _, err := run(t, context.Background(), "", "version")
	if err != nil || !strings.HasPrefix(out, "newsgraph ") {
		t.Errorf("version: %q, %v", out, err)
	}
}
