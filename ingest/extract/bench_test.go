package extract

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// BenchmarkExtract extracts each example article in turn and reports
// throughput in words per second.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.txt"))
	if len(files) == 0 {
		b.Fatal("no example articles")
	}
	var arts []*graph.Article
	words := 0
	for _, f := range files {
		a := exampleArticle(b, f)
		arts = append(arts, a)
		words += len(strings.Fields(a.Text))
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := x.Extract(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportSpeed(b, words, cpu0)
}

// BenchmarkExtractBBC extracts the BBC news corpus from ../shared, when
// present, as one article per file.
func BenchmarkExtractBBC(b *testing.B) { benchBBC(b, Fast) }

// BenchmarkExtractBBCAccurate is BenchmarkExtractBBC with the accurate
// models (beam taggers, the neural attribution tagger).
func BenchmarkExtractBBCAccurate(b *testing.B) { benchBBC(b, Accurate) }

// benchBBC extracts the BBC corpus with the models named.
func benchBBC(b *testing.B, models Models) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval-data", "bbc-news", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("bbc-news not available in ../shared/eval-data")
	}
	x, err := NewWith(models)
	if err != nil {
		b.Fatal(err)
	}
	var arts []*graph.Article
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := strings.ToValidUTF8(string(data), "\uFFFD") // a few files are Latin-1
		arts = append(arts, &graph.Article{ID: f, Text: text})
		words += len(strings.Fields(string(data)))
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := x.Extract(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportSpeed(b, words, cpu0)
}

// reportSpeed reports words per second of wall time and, where available,
// per second of CPU time (run with -cpu 1 for the one-core figure: the
// collector then shares the core), and the heap in use afterwards.
func reportSpeed(b *testing.B, words int, cpu0 float64) {
	total := float64(words) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(total/cpu, "words/cpu-s")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}
