package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkTagBBC tags the lines of the BBC news folder (from ../shared,
// when present), split at spaces, with the fast name and attribution
// taggers, as the extractor does for each sentence; words/s counts the
// tokens tagged per second, each by both taggers.
func BenchmarkTagBBC(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval-data", "bbc-news", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("bbc-news not available in ../shared/eval-data")
	}
	var sents [][]string
	words := 0
	for _, f := range files[:min(len(files), 400)] {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if ws := strings.Fields(line); len(ws) > 0 {
				sents = append(sents, ws)
				words += len(ws)
			}
		}
	}
	nerModel, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	attr, err := LoadAttribution()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			nerModel.Spans(s)
			attr.Spans(s)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
