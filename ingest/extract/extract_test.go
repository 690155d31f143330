package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const examplesDir = "../../examples/articles"

// testExtractor is shared by the package's tests: the extractor is
// immutable, and the process-wide model cache holds the models only while
// an extractor does, so one extractor per test would reload them after
// every collection.
var testExtractor = sync.OnceValues(New)

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return x
}

// exampleArticle reads one of our example articles; its first line is the
// title.
func exampleArticle(t testing.TB, path string) *graph.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	title, _, _ := strings.Cut(text, "\n")
	return &graph.Article{ID: graph.ArticleID("", graph.ContentHash(text)), Title: title, Text: text}
}

func extractOK(t testing.TB, x *Extractor, a *graph.Article) *graph.Extraction {
	t.Helper()
	ex, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if err := ex.Validate(); err != nil {
		t.Fatalf("extraction does not validate: %v", err)
	}
	return ex
}

func TestGolden(t *testing.T) {
	x := newExtractor(t)
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles in %s: %v", examplesDir, err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := NewDocument(extractOK(t, x, exampleArticle(t, f)))
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantData, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest/extract -update)", err)
			}
			var want Document
			if err := json.Unmarshal(wantData, &want); err != nil {
				t.Fatal(err)
			}
			var gotDoc Document
			if err := json.Unmarshal(got, &gotDoc); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, gotDoc); diff != "" {
				t.Errorf("document differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name string
		a    *graph.Article
	}{
		{"nil article", nil},
		{"empty text", &graph.Article{ID: "a", Text: ""}},
		{"blank text", &graph.Article{ID: "a", Text: " \n\t "}},
		{"no id", &graph.Article{Text: "Some text."}},
		{"invalid utf-8", &graph.Article{ID: "a", Text: "bad \xff byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x.Extract(context.Background(), tt.a)
			if got := graph.ErrorCode(err); got != graph.Invalid {
				t.Errorf("ErrorCode = %q, want %q (err %v)", got, graph.Invalid, err)
			}
		})
	}
}

func TestExtractCanceled(t *testing.T) {
	x := newExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := x.Extract(ctx, &graph.Article{ID: "a", Text: "The Taliban clashed with ISKP."})
	if got := graph.ErrorCode(err); got != graph.Timeout {
		t.Errorf("ErrorCode = %q, want %q", got, graph.Timeout)
	}
}

func TestExtractCitesArticle(t *testing.T) {
	x := newExtractor(t)
	a := &graph.Article{ID: "art_cite", Text: "Analyst Jan Novak said that the Taliban clashed with ISKP in Kabul."}
	ex := extractOK(t, x, a)
	if len(ex.Mentions) == 0 || len(ex.Relationships) == 0 || len(ex.Claims) == 0 {
		t.Fatalf("expected mentions, relationships and claims, got %d, %d, %d", len(ex.Mentions), len(ex.Relationships), len(ex.Claims))
	}
	runes := []rune(a.Text)
	for _, m := range ex.Mentions {
		if m.Citation.ArticleID != a.ID {
			t.Errorf("mention cites %q", m.Citation.ArticleID)
		}
		if got := string(runes[m.Citation.Start:m.Citation.End]); got != m.Text {
			t.Errorf("mention text %q, offsets give %q", m.Text, got)
		}
		if m.Citation.Extractor == "" || !strings.HasPrefix(m.Citation.Extractor, x.Name()) {
			t.Errorf("mention extractor %q", m.Citation.Extractor)
		}
	}
}

// TestExtractConcurrent runs one Extractor from several goroutines; run
// with -race to check that Extract shares no mutable state.
func TestExtractConcurrent(t *testing.T) {
	x := newExtractor(t)
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.txt"))
	want := map[string]string{}
	for _, f := range files {
		b, _ := json.Marshal(NewDocument(extractOK(t, x, exampleArticle(t, f))))
		want[f] = string(b)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		for _, f := range files {
			wg.Add(1)
			go func(f string) {
				defer wg.Done()
				ex, err := x.Extract(context.Background(), exampleArticle(t, f))
				if err != nil {
					t.Error(err)
					return
				}
				b, _ := json.Marshal(NewDocument(ex))
				if string(b) != want[f] {
					t.Errorf("%s: concurrent extraction differs", f)
				}
			}(f)
		}
	}
	wg.Wait()
}

// TestExtractHuge checks that a 5 MB article is handled; speed is measured
// by BenchmarkExtract, not here.
func TestExtractHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the 5 MB article in -short mode")
	}
	x := newExtractor(t)
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.txt"))
	var b strings.Builder
	for b.Len() < 5<<20 {
		for _, f := range files {
			data, _ := os.ReadFile(f)
			b.Write(data)
			b.WriteString("\n\n")
		}
	}
	ex := extractOK(t, x, &graph.Article{ID: "huge", Text: b.String()})
	if len(ex.Claims) == 0 || len(ex.Relationships) == 0 {
		t.Errorf("huge article: %d claims, %d relationships", len(ex.Claims), len(ex.Relationships))
	}
	// One unpunctuated megabyte: sentences are cut to a bounded length, so
	// this stays linear too.
	run := strings.Repeat("Karl Huber said that the Taliban clashed with ISKP in Kabul and “quoted words” and ", 1<<20/90)
	ex = extractOK(t, x, &graph.Article{ID: "run-on", Text: run})
	if len(ex.Relationships) == 0 {
		t.Error("run-on article: no relationships")
	}
}

// TestBatchExamples checks that examples/articles/batch.jsonl holds one
// complete article per line, that each extracts, and that none repeats a
// .txt example (ingesting the folder must not count evidence twice).
func TestBatchExamples(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(examplesDir, "batch.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(t)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 3 {
		t.Fatalf("batch.jsonl has %d articles, want at least 3", len(lines))
	}
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.txt"))
	var firstLines []string
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(body), "\n")[1:] {
			if len(line) > 40 {
				firstLines = append(firstLines, line[:40])
			}
		}
	}
	for i, l := range lines {
		var a struct {
			URL, Title, Outlet, Text string
			PublishedAt              string `json:"published_at"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if a.URL == "" || a.Title == "" || a.Outlet == "" || a.PublishedAt == "" || a.Text == "" {
			t.Errorf("line %d lacks a field: %+v", i+1, a)
		}
		for _, fl := range firstLines {
			if strings.Contains(a.Text, fl) {
				t.Errorf("line %d repeats a .txt example: %q", i+1, fl)
			}
		}
		ex := extractOK(t, x, &graph.Article{ID: graph.ArticleID(a.URL, ""), URL: a.URL, Title: a.Title, Text: a.Text})
		if len(ex.Entities) == 0 {
			t.Errorf("line %d: no entities", i+1)
		}
	}
}
