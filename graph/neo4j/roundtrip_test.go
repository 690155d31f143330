package neo4j

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

// roundTrips counts, from the peer's log, the transactions and statements
// (RUN round trips) the store used.
func roundTrips(p *boltpeer.Peer) (begins, commits, runs int) {
	return p.Count("BEGIN"), p.Count("COMMIT"), p.Count("RUN")
}

// bigger multiplies the fixture's mentions n times, so that the test can
// show the round trips do not grow with the size of an extraction.
func bigger(t testing.TB, n int) *graph.Extraction {
	x := fixture(t)
	ms := x.Mentions
	for i := 1; i < n; i++ {
		x.Mentions = append(x.Mentions, ms...)
	}
	return x
}

// TestRoundTripsPerArticle pins the write path's cost: one write
// transaction per article, a fixed number of statements whatever the
// article holds (first write, and rewrite of an article already stored).
func TestRoundTripsPerArticle(t *testing.T) {
	touched := []any{true, []any{"ent_old"}, []any{"rel_old"}, []any{"clm_old"}, []any{}}
	for _, tt := range []struct {
		name     string
		rules    []boltpeer.Rule
		mentions int
		runs     int
	}{
		{"new article", nil, 1, 6},
		{"new article, 100x mentions", nil, 100, 6},
		{"rewrite", []boltpeer.Rule{answer(cypherClearArticle, []string{"found", "entityIds", "relIds", "claimIds", "merges"}, touched)}, 1, 6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, p := openPeer(t, tt.rules...)
			if err := st.WriteExtraction(context.Background(), bigger(t, tt.mentions)); err != nil {
				t.Fatal(err)
			}
			begins, commits, runs := roundTrips(p)
			if begins != 1 || commits != 1 || runs != tt.runs {
				t.Errorf("transactions %d, commits %d, statements %d; want 1, 1, %d", begins, commits, runs, tt.runs)
			}
			t.Logf("per article: %d write transaction, %d statements", begins, runs)
		})
	}
}

// TestRoundTripsPerBatch pins the bulk write path: a batch is one write
// transaction, with one lock statement, two statements per article and
// the aggregates recomputed once (three statements) for the whole batch.
func TestRoundTripsPerBatch(t *testing.T) {
	st, p := openPeer(t)
	var xs []*graph.Extraction
	for i := range 4 {
		x := fixture(t)
		x.Article.ID = fmt.Sprintf("art_batch%d", i)
		for j := range x.Mentions {
			x.Mentions[j].Citation.ArticleID = x.Article.ID
		}
		for j := range x.Relationships {
			x.Relationships[j].Citation.ArticleID = x.Article.ID
		}
		for j := range x.Claims {
			x.Claims[j].Citation.ArticleID = x.Article.ID
		}
		xs = append(xs, x)
	}
	if err := st.WriteExtractions(context.Background(), xs); err != nil {
		t.Fatal(err)
	}
	begins, commits, runs := roundTrips(p)
	if want := 1 + 2*len(xs) + 3; begins != 1 || commits != 1 || runs != want {
		t.Errorf("transactions %d, commits %d, statements %d; want 1, 1, %d", begins, commits, runs, want)
	}
}

// BenchmarkWriteExtraction measures the client side of a write (parameter
// building, driver, Bolt) against the scripted peer, and reports the
// transactions and statements per article.
func BenchmarkWriteExtraction(b *testing.B) {
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprintf("mentions=%d", 5*n), func(b *testing.B) {
			st, p := openPeer(b)
			x := bigger(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := st.WriteExtraction(ctx, x); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			begins, _, runs := roundTrips(p)
			b.ReportMetric(float64(begins)/float64(b.N), "tx/article")
			b.ReportMetric(float64(runs)/float64(b.N), "runs/article")
		})
	}
}
