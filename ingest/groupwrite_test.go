package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// groupSizes writes to a real store and records the size of each group.
type groupSizes struct {
	*sqlite.Store
	mu    sync.Mutex
	sizes []int
}

func (g *groupSizes) WriteExtractions(ctx context.Context, xs []*graph.Extraction) error {
	g.mu.Lock()
	g.sizes = append(g.sizes, len(xs))
	g.mu.Unlock()
	return g.Store.WriteExtractions(ctx, xs)
}

func plainExtraction(n int) *graph.Extraction {
	text := fmt.Sprintf("Article %d.", n)
	a := graph.Article{URL: fmt.Sprintf("https://example.test/group/%d", n), Text: text, ContentHash: graph.ContentHash(text)}
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	return &graph.Extraction{Article: a}
}

func TestGroupWriterGathers(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		articles  int
		extracted bool // the articles are being extracted when the first asks to be written
		want      []int
	}{
		{"lone articles are written at once", 3, false, []int{1, 1, 1}},
		{"articles being extracted join the group", 5, true, []int{5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			rec := &groupSizes{Store: st}
			g := &groupWriter{w: rec, arrived: make(chan struct{}, 1)}
			if tc.extracted {
				// Called with g.mu held: the articles not yet pending are
				// still being extracted.
				g.coming = func() int { return tc.articles - len(g.pending) }
				var wg sync.WaitGroup
				for n := range tc.articles {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if err := g.WriteExtraction(ctx, plainExtraction(n)); err != nil {
							t.Error(err)
						}
					}()
				}
				wg.Wait()
			} else {
				g.coming = func() int { return 0 }
				for n := range tc.articles {
					if err := g.WriteExtraction(ctx, plainExtraction(n)); err != nil {
						t.Fatal(err)
					}
				}
			}
			if diff := cmp.Diff(tc.want, rec.sizes); diff != "" {
				t.Errorf("group sizes (-want +got):\n%s", diff)
			}
		})
	}
}
