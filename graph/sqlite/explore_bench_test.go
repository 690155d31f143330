package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

// openNewsGraph opens a store holding storetest.NewsGraph of the given
// size. The database is built once and kept under os.TempDir(), keyed by
// size and generator version, so that re-runs start at once; it is built
// in a scratch file and renamed when complete, so an interrupted build is
// never mistaken for a finished one.
func openNewsGraph(tb testing.TB, relationships int) (*sqlite.Store, storetest.NewsGraph) {
	tb.Helper()
	ctx := context.Background()
	g := storetest.NewsGraph{Relationships: relationships}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newsgraph-bench-v%d-s%d-%d.db", storetest.NewsGraphVersion, sqliteSchemaKey, relationships))
	if _, err := os.Stat(path); err != nil {
		scratch := path + ".building"
		for _, p := range []string{scratch, scratch + "-wal", scratch + "-shm"} {
			os.Remove(p)
		}
		// Large batches and a large cache: every batch touches pages all
		// over the indexes, so fewer, bigger ones write far less.
		s, err := sqlite.Open(ctx, scratch, sqlite.WithCacheSize(4096))
		if err != nil {
			tb.Fatal(err)
		}
		start := time.Now()
		if err := g.Generate(10000, func(xs []*graph.Extraction) error { return s.WriteExtractions(ctx, xs) }); err != nil {
			tb.Fatal(err)
		}
		if err := s.Close(); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(scratch, path); err != nil {
			tb.Fatal(err)
		}
		tb.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, g
}

// sqliteSchemaKey changes with the schema, so that cached benchmark
// databases are rebuilt rather than migrated.
const sqliteSchemaKey = 5

// latencies records durations and reports their percentiles.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	pct := func(p float64) float64 {
		return float64(l[min(len(l)-1, int(float64(len(l))*p))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(l[len(l)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkExplore measures what analysts, frontends and fact-checkers ask
// of the embedded store, on news-shaped graphs of 10k, 100k and 1M
// relationships. Each query set mixes the strongest hubs with ordinary
// entities (ranks drawn log-uniformly); the figures are per query.
//
//	go test ./graph/sqlite -run '^$' -bench Explore -benchtime 200x
func BenchmarkExplore(b *testing.B) {
	for _, size := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("rels=%d", size), func(b *testing.B) {
			s, g := openNewsGraph(b, size)
			ctx := context.Background()
			// The entities the graph holds: a few drawn names end up in no
			// tie and were never written.
			var ents []storetest.NewsEntity
			all := g.EntityList()
			ids := make([]string, len(all))
			for i, e := range all {
				ids[i] = e.ID
			}
			stored, err := s.EntitiesByID(ctx, ids)
			if err != nil {
				b.Fatal(err)
			}
			for i, e := range stored {
				if e != nil {
					ents = append(ents, all[i])
				}
			}
			// Claims the graph holds: not every template was drawn.
			claims, err := s.Claims(ctx, graph.ClaimFilter{Page: graph.Page{Limit: graph.MaxLimit}})
			if err != nil || len(claims) == 0 {
				b.Fatalf("Claims = %d, %v", len(claims), err)
			}
			r := rand.New(rand.NewPCG(7, 7))
			// rank draws an entity rank log-uniformly: hubs and the tail.
			rank := func() int {
				return min(len(ents)-1, int(float64(len(ents))*pow(r.Float64(), 4)))
			}
			queries := []struct {
				name string
				run  func() error
			}{
				{"network-depth2-500", func() error {
					_, err := s.Network(ctx, graph.NetworkQuery{Seeds: []string{ents[rank()].ID}, Depth: 2, Limit: 500})
					return err
				}},
				{"paths-4hops", func() error {
					a, c := rank(), rank()
					if a == c {
						c = (c + 1) % len(ents)
					}
					_, err := s.Paths(ctx, graph.PathQuery{From: ents[a].ID, To: ents[c].ID, MaxHops: 4})
					return err
				}},
				{"search", func() error {
					name := ents[rank()].Name
					q := strings.Fields(name)[r.IntN(2)][:4]
					_, err := s.Search(ctx, graph.SearchQuery{Text: q, Page: graph.Page{Limit: 20}})
					return err
				}},
				{"claim-provenance", func() error {
					id := claims[r.IntN(len(claims))].ID
					c, err := s.ClaimEvidence(ctx, []string{id})
					if err == nil && len(c[id]) == 0 {
						return fmt.Errorf("claim %s has no evidence", id)
					}
					return err
				}},
			}
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					var l latencies
					for b.Loop() {
						start := time.Now()
						if err := q.run(); err != nil {
							b.Fatal(err)
						}
						l = append(l, time.Since(start))
					}
					l.report(b)
				})
			}
		})
	}
}

func pow(x float64, n int) float64 {
	out := 1.0
	for range n {
		out *= x
	}
	return out
}
