package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

// An invented article and annotation in PolNeAR's brat layout.
const (
	bratText = "The mayor said taxes will fall. Critics doubt it, aides reported."
	bratAnn  = "T1\tSource 0 9\tThe mayor\n" +
		"T2\tCue 10 14\tsaid\n" +
		"T3\tContent 15 30\ttaxes will fall\n" +
		"T4\tAttribution 10 14\tsaid\n" +
		"E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" +
		"T5\tCue 56 64\treported\n" +
		"T6\tContent 32 48;50 55\tCritics doubt it aides\n" +
		"T7\tAttribution-no-source 56 64\treported\n" +
		"E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
)

func TestParseBrat(t *testing.T) {
	doc, err := ParseBrat(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	want := []Attribution{
		{Source: Extent{Start: 0, End: 9}, HasSource: true, Cue: Extent{Start: 10, End: 14}, Content: Extent{Start: 15, End: 30}},
		{Cue: Extent{Start: 56, End: 64}, Content: Extent{Start: 32, End: 55, Parts: [][2]int{{32, 48}, {50, 55}}}},
	}
	if diff := cmp.Diff(want, doc.Relations); diff != "" {
		t.Errorf("relations (-want +got):\n%s", diff)
	}
	if len(doc.Spans["Source"]) != 1 || len(doc.Spans["Cue"]) != 2 || len(doc.Spans["Content"]) != 2 {
		t.Errorf("spans: %+v", doc.Spans)
	}
	if _, err := ParseBrat(strings.NewReader("T1\tSource x 9\tbad\n"), bratText); err == nil {
		t.Error("bad offsets: want an error")
	}
}

func TestLoadPolNeARPicksOneAnnotator(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "polnear", "dev")
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(base, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("text/art-one.txt", bratText)
	write("attributions/art-one_b2.ann", bratAnn)
	write("attributions/art-one_a1.ann", "T1\tCue 10 14\tsaid\nT2\tContent 15 30\ttaxes will fall\nE1\tAttribution:T1 Cue:T1 Content:T2\n")
	docs, err := LoadPolNeAR(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Annotator != "a1" || docs[0].Name != "art-one" || len(docs[0].Relations) != 1 {
		t.Errorf("got %+v, want article art-one scored on annotator a1 only", docs)
	}
}

func TestSpanScores(t *testing.T) {
	text := []rune(`He said: "We will win." Then he left.`)
	ext := func(s, e int) Extent { return Extent{Start: s, End: e} }
	tests := []struct {
		name           string
		gold, pred     []Extent
		exact, overlap PRF
	}{
		{"identical", []Extent{ext(3, 7)}, []Extent{ext(3, 7)}, PRF{TP: 1}, PRF{TP: 1}},
		{"quotes and period trimmed", []Extent{ext(9, 23)}, []Extent{ext(10, 21)}, PRF{TP: 1}, PRF{TP: 1}},
		{"partial overlap", []Extent{ext(10, 21)}, []Extent{ext(13, 30)}, PRF{FP: 1, FN: 1}, PRF{TP: 1}},
		{"miss and false alarm", []Extent{ext(0, 2)}, []Extent{ext(29, 33)}, PRF{FP: 1, FN: 1}, PRF{FP: 1, FN: 1}},
		{"duplicates count once", []Extent{ext(3, 7), ext(3, 7)}, []Extent{ext(3, 7), ext(3, 7)}, PRF{TP: 1}, PRF{TP: 1}},
		{"discontinuous gold", []Extent{{Start: 0, End: 20, Parts: [][2]int{{0, 2}, {10, 20}}}}, []Extent{ext(3, 7)}, PRF{FP: 1, FN: 1}, PRF{FP: 1, FN: 1}},
		{"nothing predicted", []Extent{ext(3, 7)}, nil, PRF{FN: 1}, PRF{FN: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, o := SpanScores(text, tt.gold, tt.pred)
			if e != tt.exact || o != tt.overlap {
				t.Errorf("got exact %+v overlap %+v, want %+v %+v", e, o, tt.exact, tt.overlap)
			}
		})
	}
}

// TestPolNeARArticles scores the real extractor on an invented annotated
// article: the reported speech of its first sentence is found exactly.
func TestPolNeARArticles(t *testing.T) {
	doc, err := ParseBrat(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	doc.Name = "invented"
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := PolNeARArticles(context.Background(), "invented", []AttributionDoc{doc}, x)
	if err != nil {
		t.Fatal(err)
	}
	if res.Docs != 1 || res.Dataset != "invented" {
		t.Errorf("docs %d, dataset %q: want 1, %q", res.Docs, res.Dataset, "invented")
	}
	rows := map[string]PRF{}
	for _, r := range res.Rows {
		rows[r.Name] = r.PRF
	}
	for _, name := range []string{"source exact", "cue exact", "content overlap"} {
		if r, ok := rows[name]; !ok || r.TP < 1 {
			t.Errorf("%s: %+v, want the mayor's attribution matched", name, r)
		}
	}
}
