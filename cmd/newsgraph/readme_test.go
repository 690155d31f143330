package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

var update = flag.Bool("update", false, "rewrite the README's example answer with what the API returns")

const readme = "../../README.md"

// readmeBlock returns the fenced code block that follows the marker comment
// in the README, and its byte range.
func readmeBlock(t *testing.T, text, marker string) (block string, start, end int) {
	t.Helper()
	i := strings.Index(text, "<!-- "+marker+" -->")
	if i < 0 {
		t.Fatalf("README.md has no <!-- %s --> marker", marker)
	}
	open := strings.Index(text[i:], "```")
	if open < 0 {
		t.Fatalf("no code block after the %s marker", marker)
	}
	start = i + open + strings.Index(text[i+open:], "\n") + 1
	closing := strings.Index(text[start:], "\n```")
	if closing < 0 {
		t.Fatalf("unterminated code block after the %s marker", marker)
	}
	end = start + closing + 1
	return text[start:end], start, end
}

func readREADME(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lintInstall installs the Cypher checker that graph/neo4j's tests run; it
// must come before the tests, in the README as in CI.
const lintInstall = "npm ci --prefix tools/cypherlint"

// TestReadmeAndCIAgree: .ci/run runs exactly the README's test command,
// which installs the Cypher checker before running the tests.
func TestReadmeAndCIAgree(t *testing.T) {
	block, _, _ := readmeBlock(t, readREADME(t), "test-command")
	cmd := strings.TrimSpace(block)
	if cmd == "" || strings.Contains(cmd, "\n") {
		t.Fatalf("the README's test command should be one line, got %q", cmd)
	}
	if i, j := strings.Index(cmd, lintInstall), strings.Index(cmd, "go test -timeout 30m ./..."); i < 0 || j < i {
		t.Errorf("the README's test command %q should run %q, then go test -timeout 30m ./...", cmd, lintInstall)
	}
	data, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == cmd {
			return
		}
	}
	t.Errorf(".ci/run does not run the README's test command %q", cmd)
}

// webBuild builds the explorer that the binary embeds (package web); the
// README's run command runs it before serving.
const webBuild = "npm ci --prefix web --no-audit --no-fund && npm run build --prefix web && "

// TestReadmeRunCommand: the README's run command builds the explorer, then
// runs the command TestServe and TestReadmeQuery run in-process.
func TestReadmeRunCommand(t *testing.T) {
	block, _, _ := readmeBlock(t, readREADME(t), "run-command")
	if want := webBuild + "go run ./cmd/newsgraph serve --ingest examples/articles"; strings.TrimSpace(block) != want {
		t.Errorf("README run command %q, want %q", strings.TrimSpace(block), want)
	}
}

// TestReadmeQuery runs the README's example query against the examples, as
// its curl command does, and checks that the README shows the exact answer.
// Run with -update to rewrite the answer after a deliberate change. Neo4j
// (the server NEO4J_URI names, see neo4jtest) must give the same answer.
func TestReadmeQuery(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { readmeQuery(t, *update) })
	t.Run("neo4j", func(t *testing.T) {
		readmeQuery(t, false, "--store", neo4jtest.URL(t, "readme-query"), "--queue-dir", t.TempDir())
	})
}

// readmeQuery serves the examples with the serve flags given and checks the
// README's answer, or rewrites it when update is set.
func readmeQuery(t *testing.T, update bool, serveFlags ...string) {
	text := readREADME(t)
	curl, _, _ := readmeBlock(t, text, "example-query")
	_, query, ok := strings.Cut(curl, "--data-urlencode 'query=")
	if !ok {
		t.Fatalf("the example-query block has no --data-urlencode 'query=...' argument:\n%s", curl)
	}
	query, _, _ = strings.Cut(query, "'")

	base := startServe(t, append(serveFlags, "--ingest", examples)...)
	resp, err := http.Get(base + "/graphql?" + url.Values{"query": {query}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /graphql: %d %v\n%s", resp.StatusCode, err, body)
	}
	if bytes.Contains(body, []byte(`"errors"`)) {
		t.Fatalf("the example query fails:\n%s", body)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, body, "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteString("\n")

	answer, start, end := readmeBlock(t, text, "example-answer")
	if update {
		if err := os.WriteFile(readme, []byte(text[:start]+pretty.String()+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var want bytes.Buffer
	if err := json.Compact(&want, []byte(answer)); err != nil {
		t.Fatalf("the README's example answer is not JSON: %v", err)
	}
	var got bytes.Buffer
	_ = json.Compact(&got, body)
	if want.String() != got.String() {
		t.Errorf("the README's example answer is not what the API returns; run\n"+
			"  go test ./cmd/newsgraph -run TestReadmeQuery -update\nafter checking the new answer:\n%s", pretty.String())
	}
}
