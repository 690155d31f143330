package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
)

// BenchmarkIngestFolder measures the whole pipeline — reading, extraction,
// SQLite writes — on a folder of our example articles, each written under
// 20 names with a varying last line so that every file is a new article.
func BenchmarkIngestFolder(b *testing.B) {
	src, err := filepath.Glob("../examples/articles/*.txt")
	if err != nil || len(src) == 0 {
		b.Skip("no example articles")
	}
	dir := b.TempDir()
	var bytes int64
	n := 0
	for _, p := range src {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 20 {
			t := string(text) + "\n" + strings.Repeat("Copy. ", i+1) + "\n"
			name := filepath.Join(dir, filepath.Base(p)+"."+string(rune('a'+i))+".txt")
			if err := os.WriteFile(name, []byte(t), 0o644); err != nil {
				b.Fatal(err)
			}
			bytes += int64(len(t))
			n++
		}
	}
	b.SetBytes(bytes)
	x := newExtractor(b)
	for b.Loop() {
		b.StopTimer()
		store := newStore(b)
		b.StartTimer()
		sum, err := ingest.New(x, store).Ingest(context.Background(), dir)
		if err != nil || sum.Articles != n {
			b.Fatalf("ingest: %v, %d of %d articles", err, sum.Articles, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
