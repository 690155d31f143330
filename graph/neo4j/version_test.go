package neo4j

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPinnedVersionsAgree: the tests run on the Neo4j tools/neo4jtest pins,
// and Docker Compose must serve users the same one, so that what CI checks
// is what they run.
func TestPinnedVersionsAgree(t *testing.T) {
	read := func(path string, re *regexp.Regexp) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("..", "..", path))
		if err != nil {
			t.Fatal(err)
		}
		m := re.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s: no Neo4j version matching %s", path, re)
		}
		return string(m[1])
	}
	pom := read("tools/neo4jtest/pom.xml", regexp.MustCompile(`<neo4j\.version>([^<]+)</neo4j\.version>`))
	compose := read("docker-compose.yml", regexp.MustCompile(`(?m)^\s*image:\s*neo4j:([^\s-]+)-community\s*$`))
	if pom != compose {
		t.Errorf("tools/neo4jtest/pom.xml pins Neo4j %s, docker-compose.yml runs %s: keep them equal", pom, compose)
	}
}
