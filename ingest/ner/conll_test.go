package ner_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

func devData(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", eval.DefaultDataDir)
	if _, err := os.Stat(filepath.Join(dir, "conllpp", "conllpp_dev.txt")); err != nil {
		tb.Skipf("CoNLL dev data not found under %s: skipping", dir)
	}
	return dir
}

// TestCoNLLDev guards the shipped model's quality on data it was not
// trained on (the target is PER/ORG/LOC F1 >= 0.88).
func TestCoNLLDev(t *testing.T) {
	dir := devData(t)
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.CoNLL(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + eval.Report{Results: []eval.Result{res}}.String())
	row, _ := res.Row("micro PER+ORG+LOC")
	if f := row.F1(); f < 0.88 {
		t.Errorf("PER+ORG+LOC F1 %.4f below 0.88", f)
	}
}

// BenchmarkTag tags the CoNLL dev sentences; tokens/s is the figure to watch.
func BenchmarkTag(b *testing.B) {
	dir := devData(b)
	sents, err := eval.LoadCoNLL(dir, "dev")
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	for _, bc := range []struct {
		name string
		load func() (*ner.Model, error)
	}{{"fast", ner.Load}, {"accurate", ner.LoadAccurate}} {
		b.Run(bc.name, func(b *testing.B) {
			m, err := bc.load()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, s := range sents {
					m.Tag(s.Tokens)
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := ner.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGUMNews reports the shipped model on Wikinews text from GUM, which it
// never saw: how it carries over to other news.
func TestGUMNews(t *testing.T) {
	dir := devData(t)
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.GUMTagger(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if res.Absent {
		t.Skip(res.Reason)
	}
	t.Log("\n" + eval.Report{Results: []eval.Result{res}}.String())
	row, _ := res.Row("mentions (untyped)")
	if f := row.F1(); f < 0.6 {
		t.Errorf("GUM named-mention F1 %.4f: far below the model's CoNLL level", f)
	}
}
