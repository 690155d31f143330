package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		wantEnc  string
		wantCode graph.Code
	}{
		{"ascii", []byte("Plain words."), "Plain words.", ingest.EncodingUTF8, ""},
		{"utf-8", []byte("A fee of £15 in Zürich."), "A fee of £15 in Zürich.", ingest.EncodingUTF8, ""},
		{"latin-1 pound", []byte("A fee of \xa315 in Z\xfcrich."), "A fee of £15 in Zürich.", ingest.EncodingWindows1252, ""},
		{"windows-1252 quotes and dash", []byte("\x93Yes,\x94 she said \x96 twice\x85"), "“Yes,” she said – twice…", ingest.EncodingWindows1252, ""},
		{"utf-16 little endian", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0xA3, 0}, "Hi£", ingest.EncodingUTF16, ""},
		{"utf-16 big endian", []byte{0xFE, 0xFF, 0, 'H', 0, 'i'}, "Hi", ingest.EncodingUTF16, ""},
		{"binary", []byte("PK\x03\x04\x00\x00\xff\xfe junk"), "", "", graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := ingest.DecodeText(tt.in)
			if code := graph.ErrorCode(err); err != nil && code != tt.wantCode || err == nil && tt.wantCode != "" {
				t.Fatalf("err = %v (code %q), want code %q", err, code, tt.wantCode)
			}
			if got != tt.want || enc != tt.wantEnc {
				t.Errorf("DecodeText = %q, %q; want %q, %q", got, enc, tt.want, tt.wantEnc)
			}
		})
	}
}

// TestIngestRealWorldFolder: a folder as data sets ship them, with a file
// in Latin-1 and files about the folder, not articles, which are skipped
// by name and listed.
func TestIngestRealWorldFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"news/001.txt":        clashText,
		"news/002.txt":        "Fees rise\n\nThe council in Kabul raised the market fee to \xa315 on Monday, an official said.\n",
		"news/readership.txt": quietText, // a name that only starts like README
		"README.TXT":          "Our data set: 3 articles, one per file.\n",
		"LICENSE-DATA.md":     "You may use these files for research.\n",
		"news/SOURCE.txt":     "Where the files came from.\n",
	})
	store := newStore(t)
	var progressed atomic.Int64
	in := ingest.New(newExtractor(t), store, ingest.WithProgress(func(ingest.Result) { progressed.Add(1) }))
	sum, err := in.Ingest(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 0 || sum.Articles != 3 {
		t.Errorf("Articles = %d, failures %v; want 3 articles and none", sum.Articles, sum.Failures)
	}
	var skipped []string
	for _, s := range sum.Skipped {
		rel, _ := filepath.Rel(dir, s.Location)
		skipped = append(skipped, filepath.ToSlash(rel))
		if !strings.Contains(s.Reason, "not an article") {
			t.Errorf("skip %s: reason %q does not say why", s.Location, s.Reason)
		}
	}
	if diff := cmp.Diff([]string{"LICENSE-DATA.md", "README.TXT", "news/SOURCE.txt"}, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if got := progressed.Load(); got != 6 {
		t.Errorf("progress called %d times, want 6 (every file)", got)
	}
	a, err := store.Article(context.Background(), graph.ArticleID("", graph.ContentHash("Fees rise\n\nThe council in Kabul raised the market fee to £15 on Monday, an official said.\n")))
	if err != nil {
		t.Fatalf("the Latin-1 article, decoded, is not in the store: %v", err)
	}
	if !strings.Contains(a.Text, "£15") {
		t.Errorf("decoded text %q has no £15", a.Text)
	}
	// A file named explicitly is read whatever its name.
	sum, err = in.Ingest(context.Background(), filepath.Join(dir, "README.TXT"))
	if err != nil || sum.Articles != 1 || len(sum.Skipped) != 0 {
		t.Errorf("README named explicitly: %v, articles %d, skipped %v; want it read", err, sum.Articles, sum.Skipped)
	}
}

// counting counts the articles the real extractor is asked to extract.
type counting struct {
	ingest.Extractor
	n atomic.Int64
}

func (c *counting) Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error) {
	c.n.Add(1)
	return c.Extractor.Extract(ctx, a)
}

// TestReingestSkipsExtraction: an article the store holds with the same
// content and metadata is not extracted again; an edited one, one with a
// new title, and every one under WithReextract are.
func TestReingestSkipsExtraction(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":   clashText,
		"b.txt":   quietText,
		"c.jsonl": `{"url":"https://example.org/a","title":"Old title","text":"Taliban officials met in Kabul."}`,
	})
	store := newStore(t)
	x := &counting{Extractor: newExtractor(t)}
	ctx := context.Background()
	run := func(opts ...ingest.Option) *ingest.Summary {
		t.Helper()
		x.n.Store(0)
		sum, err := ingest.New(x, store, append([]ingest.Option{ingest.WithClock(fixedClock())}, opts...)...).Ingest(ctx, dir)
		if err != nil || len(sum.Failures) > 0 {
			t.Fatalf("Ingest: %v %v", err, sum.Failures)
		}
		return sum
	}
	first := run()
	if x.n.Load() != 3 || first.Unchanged != 0 {
		t.Fatalf("first ingest extracted %d, unchanged %d; want 3, 0", x.n.Load(), first.Unchanged)
	}

	type counts struct{ Extracted, Articles, Unchanged int }
	steps := []struct {
		name string
		edit map[string]string
		opts []ingest.Option
		want counts
	}{
		{"unchanged", nil, nil, counts{0, 3, 3}},
		{"one edited", map[string]string{"b.txt": quietText + "More text.\n"}, nil, counts{1, 3, 2}},
		{"same url, new title", map[string]string{"c.jsonl": `{"url":"https://example.org/a","title":"New title","text":"Taliban officials met in Kabul."}`}, nil, counts{1, 3, 2}},
		{"reextract", nil, []ingest.Option{ingest.WithReextract(true)}, counts{3, 3, 0}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			writeFiles(t, dir, s.edit)
			sum := run(s.opts...)
			got := counts{int(x.n.Load()), sum.Articles, sum.Unchanged}
			if diff := cmp.Diff(s.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
