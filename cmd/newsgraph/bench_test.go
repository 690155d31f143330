package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkIngestBBC runs "newsgraph ingest" in-process on the BBC folder
// (NEWSGRAPH_BENCH_ARTICLES=N: its first N files), end to end: reading,
// the embedded queue, extraction and the SQLite store, each run on a fresh
// store and queue, with 1 and 2 workers. Run it with -benchtime 1x: one
// pass over the folder is long enough.
func BenchmarkIngestBBC(b *testing.B) {
	data := bbcDir
	if _, err := os.Stat(data); err != nil {
		b.Skipf("no BBC folder at %s", data)
	}
	if n, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_ARTICLES")); n > 0 {
		data = bbcSubset(b, n)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			articles := 0
			for b.Loop() {
				b.StopTimer()
				dir := b.TempDir()
				b.StartTimer()
				out, _, err := run(b, context.Background(), "", "ingest", "--log-level", "warn", "--workers", strconv.Itoa(workers),
					"--store", "sqlite:"+filepath.Join(dir, "g.db"), data)
				if err != nil {
					b.Fatalf("ingest: %v\n%s", err, out)
				}
				articles += summaryCounts(b, out)["articles"]
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
