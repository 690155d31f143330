package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

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

// heldWriter writes to a real store once released.
type heldWriter struct {
	*sqlite.Store
	release chan struct{}
}

func (h *heldWriter) WriteExtractions(ctx context.Context, xs []*graph.Extraction) error {
	<-h.release
	return h.Store.WriteExtractions(ctx, xs)
}

// countingExtractor extracts nothing but the article, and records how
// many extractions run at once.
type countingExtractor struct {
	mu        sync.Mutex
	running   int
	most      int
	hold      time.Duration
	extracted int
}

func (c *countingExtractor) Extract(_ context.Context, a *graph.Article) (*graph.Extraction, error) {
	c.mu.Lock()
	c.running++
	c.most = max(c.most, c.running)
	c.mu.Unlock()
	time.Sleep(c.hold)
	c.mu.Lock()
	c.running--
	c.extracted++
	c.mu.Unlock()
	return &graph.Extraction{Article: *a}, nil
}

func TestExtractionsYieldToABehindWriter(t *testing.T) {
	ctx := context.Background()
	rel := make(chan struct{})
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &heldWriter{Store: st, release: rel}
	x := &countingExtractor{}
	in := New(x, w, WithWorkers(2))
	if in.yielding == nil {
		t.Skip("one core: the extractions leave the writer nothing") // GOMAXPROCS=1
	}
	var wg sync.WaitGroup
	ingestN := func(from, n int) {
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a := plainExtraction(from + i).Article
				if r := in.IngestArticle(ctx, &a); r.Err != nil {
					t.Error(r.Err)
				}
			}()
		}
	}
	// The first group is held in its commit while a half group gathers.
	ingestN(0, 1+gatherGroup)
	g := in.commits.(*groupWriter)
	for deadline := time.Now().Add(30 * time.Second); !g.behind(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the writer never fell behind")
		}
	}
	x.mu.Lock()
	x.most, x.hold = 0, 5*time.Millisecond
	x.mu.Unlock()
	ingestN(1000, 8)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
		x.mu.Lock()
		done := x.extracted
		x.mu.Unlock()
		if done == 1+gatherGroup+8 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the extractions did not end")
		}
	}
	close(rel)
	wg.Wait()
	if x.most != 1 {
		t.Errorf("%d extractions at once while the writer was behind, want 1", x.most)
	}
}
