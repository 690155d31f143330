// Package neo4jtest opens stores for tests on the real Neo4j the environment
// names: NEO4J_URI (a store URL, see neo4j.ParseURL), NEO4J_USER,
// NEO4J_PASSWORD and NEO4J_DATABASE. tools/neo4jtest runs such a server;
// .ci/neo4j.sh starts it in every CI run.
//
// Without NEO4J_URI a test skips with a hint saying how to run it, except
// under CI=true, where it fails: CI starts a Neo4j, so a skip there would
// hide that the Neo4j-backed tests did not run.
//
// Each store gets a graph of its own (Config.Graph) in the shared database,
// deleted when the store is closed, so that tests of several packages can
// run at once on one server and leave nothing behind.
package neo4jtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// EnvURI names the variable that says where the Neo4j under test is.
const EnvURI = "NEO4J_URI"

// EnvReport names a file to which every test that used the Neo4j under test
// appends a line "RESULT PACKAGE-DIR TEST" when it ends, so that a CI log
// can show what ran on Neo4j without go test -v (tools/neo4jtest/neo4jtest.sh
// sets it and prints a summary when it stops the server).
const EnvReport = "NEO4JTEST_REPORT"

// Hint says how to run the Neo4j-backed tests; skips and failures show it.
const Hint = "set NEO4J_URI=neo4j://127.0.0.1:PORT NEO4J_USER=neo4j NEO4J_PASSWORD=... " +
	"or run them through tools/neo4jtest/neo4jtest.sh run go test ./... (see docs/neo4j.md)"

// Config returns the configuration of the Neo4j under test, with no graph
// name set. It skips the test when NEO4J_URI is unset, or fails it under
// CI=true.
func Config(t testing.TB) neo4j.Config {
	t.Helper()
	uri := os.Getenv(EnvURI)
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NEO4J_URI is not set (CI=true: the Neo4j-backed tests may not be skipped); %s", Hint)
		}
		t.Skipf("needs a real Neo4j: %s", Hint)
	}
	cfg, err := neo4j.ParseURL(uri, os.Getenv)
	if err != nil {
		t.Fatalf("NEO4J_URI: %v", err)
	}
	if path := os.Getenv(EnvReport); path != "" {
		t.Cleanup(func() { report(t, path) })
	}
	return cfg
}

// report appends the test's result to the report file. Lines are short
// single writes to a file opened for appending, so tests of several
// packages can report at once.
func report(t testing.TB, path string) {
	result := "PASS"
	switch {
	case t.Failed():
		result = "FAIL"
	case t.Skipped():
		result = "SKIP"
	}
	dir, _ := os.Getwd()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		t.Logf("neo4jtest: cannot write the report: %v", err)
		return
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "%s %s %s\n", result, dir, t.Name()); err != nil {
		t.Logf("neo4jtest: cannot write the report: %v", err)
	}
}

// Store is a store on the Neo4j under test, in a graph of its own.
type Store struct {
	*neo4j.Store
	once sync.Once
	err  error
}

var seq atomic.Int64

// GraphName returns a graph name no other test of any package running now
// uses: prefix, the process and a sequence number.
func GraphName(prefix string) string {
	return fmt.Sprintf("%s-%d-%d-%d", prefix, os.Getpid(), time.Now().UnixNano(), seq.Add(1))
}

// Open opens a store on the Neo4j under test in a new graph named after
// prefix; adjust, when given, changes the configuration (a clock, a logger).
// The graph is deleted when the store is closed, at the latest when the
// test ends.
func Open(t testing.TB, prefix string, adjust ...func(*neo4j.Config)) *Store {
	t.Helper()
	cfg := Config(t)
	cfg.Graph = GraphName(prefix)
	for _, f := range adjust {
		f(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("opening Neo4j at %s: %v", cfg.URI, err)
	}
	s := &Store{Store: st}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("closing the Neo4j test store: %v", err)
		}
	})
	return s
}

// Close deletes the store's graph, then closes the store. Calls after the
// first return the first one's result.
func (s *Store) Close() error {
	s.once.Do(func() {
		// A benchmark's graph of 100,000 relationships takes minutes to
		// delete on a loaded machine.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		err := s.DeleteGraph(ctx)
		if cerr := s.Store.Close(); err == nil {
			err = cerr
		}
		s.err = err
	})
	return s.err
}

// URL returns a store URL (see neo4j.ParseURL) of a new graph on the Neo4j
// under test, named after prefix, for tests that open stores as users do
// (newsgraph --store). Credentials stay in the environment, out of the URL.
// The graph is deleted when the test ends.
func URL(t testing.TB, prefix string) string {
	t.Helper()
	cfg := Config(t)
	cfg.Graph = GraphName(prefix)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatalf("NEO4J_URI: %v", err)
	}
	u.Path = "/" + cfg.Database
	u.RawQuery = url.Values{"graph": {cfg.Graph}}.Encode()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		st, err := neo4j.Open(ctx, cfg)
		if err != nil {
			t.Errorf("opening Neo4j to delete graph %s: %v", cfg.Graph, err)
			return
		}
		s := &Store{Store: st}
		if err := s.Close(); err != nil {
			t.Errorf("deleting graph %s: %v", cfg.Graph, err)
		}
	})
	return u.String()
}
