package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest/boltproxy"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// benchSizes are the graph sizes (relationships) BenchmarkGraphQL runs at:
// NEWSGRAPH_BENCH_EDGES, comma-separated, or 10,000 by default, since
// building the larger graphs takes minutes the first time.
func benchSizes(b *testing.B) []int {
	env := os.Getenv("NEWSGRAPH_BENCH_EDGES")
	if env == "" {
		return []int{10_000}
	}
	var sizes []int
	for _, s := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			b.Fatalf("NEWSGRAPH_BENCH_EDGES: bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// benchSchemaKey is the schema key graph/sqlite's own benchmarks cache
// their generated databases under, read from their source so that both
// benchmarks share one database per size instead of building it twice.
func benchSchemaKey(b *testing.B) string {
	src, err := os.ReadFile("../graph/sqlite/explore_bench_test.go")
	if err == nil {
		if m := regexp.MustCompile(`const sqliteSchemaKey = (\d+)`).FindSubmatch(src); m != nil {
			return string(m[1])
		}
	}
	b.Logf("no schema key in graph/sqlite's benchmarks; using a database of our own")
	return "api"
}

// openNewsGraph opens a store holding storetest.NewsGraph of the given
// size, built once and cached under os.TempDir() as graph/sqlite's
// benchmarks do (built in a scratch file, renamed when complete).
func openNewsGraph(b *testing.B, relationships int) (*sqlite.Store, storetest.NewsGraph) {
	ctx := context.Background()
	g := storetest.NewsGraph{Relationships: relationships}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newsgraph-bench-v%d-s%s-%d.db", storetest.NewsGraphVersion, benchSchemaKey(b), relationships))
	if _, err := os.Stat(path); err != nil {
		scratch := path + ".api-building"
		for _, p := range []string{scratch, scratch + "-wal", scratch + "-shm"} {
			os.Remove(p)
		}
		s, err := sqlite.Open(ctx, scratch)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := g.Generate(2000, func(xs []*graph.Extraction) error { return s.WriteExtractions(ctx, xs) }); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(scratch, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, g
}

// BenchmarkGraphQL measures, through the real GraphQL handler (a request
// decoded, resolved with dataloaders and encoded) on the embedded store
// holding storetest.NewsGraph (power-law degrees, years of evidence,
// several citations per tie), what each kind of user asks most: a network
// of depth 2 capped at 500 nodes, shortest paths up to 4 hops with their
// citations, a search, and a claim's whole provenance. Entities are drawn
// log-uniformly by rank, so hubs and the tail both appear. It reports p50
// and p99 in milliseconds.
//
//	NEWSGRAPH_BENCH_EDGES=10000,100000,1000000 go test ./api -run '^$' -bench GraphQL -benchtime 200x
func BenchmarkGraphQL(b *testing.B) {
	for _, size := range benchSizes(b) {
		b.Run(fmt.Sprintf("rels=%d", size), func(b *testing.B) {
			store, g := openNewsGraph(b, size)
			benchGraphQL(b, store, g, nil)
		})
	}
}

// benchGraphQL runs BenchmarkGraphQL's queries on store, which holds g;
// with a proxy (the store's way to Neo4j), it also reports what each
// request cost on the wire.
func benchGraphQL(b *testing.B, store api.Store, g storetest.NewsGraph, proxy *boltproxy.Proxy) {
	ents := g.EntityList()
	h := api.NewServer(store, api.WithLogger(zerolog.Nop())).Handler()
	r := rand.New(rand.NewPCG(7, 7))
	rank := func() int { return min(len(ents)-1, int(float64(len(ents))*math.Pow(r.Float64(), 4))) }
	cases := []struct {
		name  string
		query string
		vars  func() map[string]any
	}{
		{"network-depth2-500", `query($s: [ID!]!) { network(seeds: $s, depth: 2, limit: 500) { truncated
					nodes { id name kind depth mentionCount } edges { id source target type weight confidence firstSeen lastSeen } } }`,
			func() map[string]any { return map[string]any{"s": []string{ents[rank()].ID}} }},
		{"paths-4hops", `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { length nodes { name }
					edges { type confidence citations(first: 3) { sentence start end article { title outlet publishedAt } } } } }`,
			func() map[string]any {
				a, c := rank(), rank()
				if a == c {
					c = (c + 1) % len(ents)
				}
				return map[string]any{"a": ents[a].ID, "b": ents[c].ID}
			}},
		{"search", `query($t: String!) { search(text: $t, first: 20) { nodes { score matched
					node { ... on Entity { id name kind } ... on Claim { id text } } } } }`,
			func() map[string]any { return map[string]any{"t": strings.Fields(ents[rank()].Name)[r.IntN(2)][:4]} }},
		{"claim-provenance", `query($id: ID!) { claim(id: $id) { text evidenceCount
					citations(first: 100) { sentence start end trigger article { title outlet publishedAt } }
					firstAppearance { sentence article { title publishedAt } } speakers { name }
					outlets { outlet firstSeen articles } nearDuplicates { size claims { similarity claim { id text } } } } }`,
			func() map[string]any {
				return map[string]any{"id": graph.ClaimID(graph.NormalizeClaim(storetest.NewsClaimText(r.IntN(storetest.NewsClaims))))}
			}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var lat []time.Duration
			if proxy != nil {
				proxy.Reset()
			}
			for b.Loop() {
				body, _ := json.Marshal(map[string]any{"query": c.query, "variables": c.vars()})
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, req)
				lat = append(lat, time.Since(t0))
				if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					// A claim template the generator never used is NOT_FOUND: fine.
					if !bytes.Contains(rec.Body.Bytes(), []byte(`NOT_FOUND`)) {
						b.Fatalf("status %d: %.500s", rec.Code, rec.Body.String())
					}
				}
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			if proxy != nil {
				c, n := proxy.Counts(), float64(len(lat))
				b.ReportMetric(float64(c.RoundTrips)/n, "roundtrips/op")
				b.ReportMetric(float64(c.Messages["BEGIN"])/n, "tx/op")
				b.ReportMetric(float64(c.Messages["RUN"])/n, "statements/op")
			}
		})
	}
}
