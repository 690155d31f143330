package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// Our own example sentences: no third-party text in tests.
const (
	clashText = "Clashes in the east\n\nTaliban forces and a rival armed group fought near Jalalabad on Monday, a provincial official said.\n"
	quietText = "# Weekly notes\n\nA quiet week in Kabul, where the Taliban reopened two markets.\n"
	deepText  = "date 2024-03-20 Taliban officials said the road to Herat would reopen next week.\n"
)

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fixedClock returns a clock that advances one second per call, so that
// tests see whether a second ingest rewrites IngestedAt.
func fixedClock() func() time.Time {
	var n atomic.Int64
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time { return start.Add(time.Duration(n.Add(1)) * time.Second) }
}

type failureKey struct {
	Location string
	Code     graph.Code
}

func failureKeys(dir string, fs []ingest.Failure) []failureKey {
	var out []failureKey
	for _, f := range fs {
		loc := f.Location
		if rel, err := filepath.Rel(dir, loc); dir != "" && err == nil && !strings.HasPrefix(rel, "..") {
			loc = rel
		}
		out = append(out, failureKey{filepath.ToSlash(loc), f.Code})
	}
	return out
}

// TestIngestFolder ingests a folder where some articles are broken: each
// broken one fails alone with its location and code, the rest are written.
func TestIngestFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":         clashText,
		"notes.md":         quietText,
		"empty.txt":        "  \n\n\t\n",
		"sub/deeper/c.txt": deepText,
		".hidden/skip.txt": clashText + "hidden",
		"ignored.csv":      "a,b\n1,2\n",
		"batch.jsonl": strings.Join([]string{
			`{"url":"https://example.org/a","title":"A","outlet":"Example","published_at":"2024-03-26","text":"Taliban officials met in Kabul."}`,
			`{"url": "https://example.org/b", "title": broken`,
			``,
			`{"title":"No text","text":""}`,
			`{"url":"https://example.org/c","published_at":"26/03/2024","text":"Dated the wrong way."}`,
			`{"text":"An article without a URL, about the Taliban.","published_at":"2024-03-27T10:00:00+04:30"}`,
		}, "\n"),
		"list.json": `[{"title":"From a JSON array","text":"The Taliban held a meeting."}, {"text": 5}]`,
		"one.json":  `{"title":"One object","text":"The Taliban opened a school."}`,
		"two.json":  `{"title":"Two objects","text":"The Taliban closed a road."} {"text": "Unterminated`,
	})
	big := strings.Repeat("Taliban forces moved along the road again. ", 5<<20/43+1) // 5 MB
	writeFiles(t, dir, map[string]string{"big.txt": big})

	store := newStore(t)
	var progressed atomic.Int64
	in := ingest.New(newExtractor(t), store, ingest.WithClock(fixedClock()), ingest.WithWorkers(3),
		ingest.WithProgress(func(ingest.Result) { progressed.Add(1) }))
	sum, err := in.Ingest(context.Background(), dir, filepath.Join(dir, "missing.txt"))
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	want := []failureKey{
		{"batch.jsonl:2", graph.Invalid},
		{"batch.jsonl:4", graph.Invalid},
		{"batch.jsonl:5", graph.Invalid},
		{"big.txt", graph.Invalid},
		{"empty.txt", graph.Invalid},
		{"list.json[1]", graph.Invalid},
		{"two.json[1]", graph.Invalid},
		{"missing.txt", graph.NotFound},
	}
	if diff := cmp.Diff(want, failureKeys(dir, sum.Failures)); diff != "" {
		t.Errorf("failures (-want +got):\n%s\nall: %v", diff, sum.Failures)
	}
	for _, f := range sum.Failures {
		if f.Reason == "" || f.Err == nil {
			t.Errorf("failure %s has no reason or cause", f)
		}
	}
	if sum.Articles != 8 {
		t.Errorf("Articles = %d, want 8 (good.txt, notes.md, c.txt, batch.jsonl:1 and :6, list.json[0], one.json, two.json)", sum.Articles)
	}
	if got, want := progressed.Load(), int64(sum.Articles+len(sum.Failures)); got != want {
		t.Errorf("progress called %d times, want %d", got, want)
	}
	if sum.Stats == nil || sum.Stats.Articles != 8 {
		t.Errorf("Stats = %+v, want 8 articles in the store", sum.Stats)
	}
	if sum.Entities == 0 || sum.Mentions == 0 {
		t.Errorf("summary counts nothing extracted: %+v", sum)
	}
}

// TestIngestMetadata checks what each source sets on the article.
func TestIngestMetadata(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":  clashText,
		"dated.txt": deepText,
		"lines.jsonl": "\uFEFF" + `{"url":"https://example.org/a","title":"A","outlet":"Example","published_at":"2024-03-26","text":"Taliban officials met in Kabul."}` + "\n" +
			`{"text":"An article without a URL, about the Taliban.","published_at":"2024-03-27T10:00:00+04:30"}` + "\r\n",
	})
	store := newStore(t)
	sum, err := ingest.New(newExtractor(t), store, ingest.WithClock(fixedClock())).Ingest(context.Background(), dir)
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("Ingest: %v %v", err, sum.Failures)
	}
	arts, err := store.Articles(context.Background(), graph.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type meta struct {
		ID, URL, Title, Outlet string
		Published              time.Time
		Text                   string
	}
	var got []meta
	for _, a := range arts {
		got = append(got, meta{a.ID, a.URL, a.Title, a.Outlet, a.PublishedAt, a.Text})
	}
	fileURL := func(name string) string { return "file://" + filepath.ToSlash(filepath.Join(dir, name)) }
	want := []meta{
		{graph.ArticleID("", graph.ContentHash(clashText)), fileURL("good.txt"), "Clashes in the east", "", time.Time{}, clashText},
		{graph.ArticleID("", graph.ContentHash(deepText)), fileURL("dated.txt"), "dated", "", time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC), deepText},
		{graph.ArticleID("https://example.org/a", ""), "https://example.org/a", "A", "Example", time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC), "Taliban officials met in Kabul."},
		{graph.ArticleID("", graph.ContentHash("An article without a URL, about the Taliban.")), "", "", "", time.Date(2024, 3, 27, 5, 30, 0, 0, time.UTC), "An article without a URL, about the Taliban."},
	}
	byID := func(m []meta) func(i, j int) bool { return func(i, j int) bool { return m[i].ID < m[j].ID } }
	sort.Slice(got, byID(got))
	sort.Slice(want, byID(want))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}

// TestReingestUnchanged ingests the same files twice: counts and ids stay
// the same, and a copy of a file elsewhere is the same article.
func TestReingestUnchanged(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": clashText, "b.jsonl": `{"url":"https://example.org/a","text":"Taliban officials met in Kabul."}`})
	store := newStore(t)
	in := ingest.New(newExtractor(t), store, ingest.WithClock(fixedClock()))
	ctx := context.Background()

	ids := func() []string {
		arts, err := store.Articles(ctx, graph.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range arts {
			out = append(out, a.ID)
		}
		sort.Strings(out)
		return out
	}
	first, err := in.Ingest(ctx, dir)
	if err != nil || len(first.Failures) > 0 {
		t.Fatalf("first ingest: %v %v", err, first.Failures)
	}
	firstIDs := ids()

	copyDir := t.TempDir()
	writeFiles(t, copyDir, map[string]string{"renamed.txt": clashText})
	second, err := in.Ingest(ctx, dir, filepath.Join(copyDir, "renamed.txt"))
	if err != nil || len(second.Failures) > 0 {
		t.Fatalf("second ingest: %v %v", err, second.Failures)
	}
	if diff := cmp.Diff(first.Stats, second.Stats); diff != "" {
		t.Errorf("stats changed on re-ingest (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(firstIDs, ids()); diff != "" {
		t.Errorf("article ids changed on re-ingest (-first +second):\n%s", diff)
	}
}

// TestOversizedLine: a JSON line above the line limit, and one whose text
// is above the text limit, fail alone without stopping the lines after them.
func TestOversizedLine(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("The Taliban said nothing new. ", 7000) // 210 kB: above the line limit
	long := strings.Repeat("The Taliban said nothing new. ", 100)  // 3 kB: above the text limit only
	writeFiles(t, dir, map[string]string{"x.jsonl": `{"text":"` + huge + `"}` + "\n" +
		`{"text":"` + long + `"}` + "\n" + `{"text":"The Taliban spoke."}` + "\n"})
	in := ingest.New(newExtractor(t), newStore(t), ingest.WithMaxTextBytes(1<<10))
	sum, err := in.Ingest(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []failureKey{{"x.jsonl:1", graph.Invalid}, {"x.jsonl:2", graph.Invalid}}
	if diff := cmp.Diff(want, failureKeys(dir, sum.Failures)); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	for i, what := range []string{"line is 205 KB", "article text is 3 KB"} {
		if i < len(sum.Failures) && !strings.Contains(sum.Failures[i].Reason, what) {
			t.Errorf("failure %d reason %q, want it to say %q", i, sum.Failures[i].Reason, what)
		}
	}
	if sum.Articles != 1 {
		t.Errorf("Articles = %d, want 1", sum.Articles)
	}
}

// TestLargeArticleAccepted: a 5 MB article goes through when the limit
// allows it.
func TestLargeArticleAccepted(t *testing.T) {
	if testing.Short() {
		t.Skip("extracting a 5 MB article takes a while; skipped with -short")
	}
	dir := t.TempDir()
	big := strings.Repeat("Taliban forces moved along the road again. ", 5<<20/43+1)
	writeFiles(t, dir, map[string]string{"big.txt": big})
	store := newStore(t)
	sum, err := ingest.New(newExtractor(t), store, ingest.WithMaxTextBytes(6<<20)).Ingest(context.Background(), dir)
	if err != nil || len(sum.Failures) > 0 || sum.Articles != 1 {
		t.Fatalf("Ingest: %v, summary %v %v", err, sum, sum.Failures)
	}
}

// TestCancel: a cancelled batch stops, says so, and counts what it did.
func TestCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 50 {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")] = clashText + strings.Repeat(" more", i)
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int64
	in := ingest.New(newExtractor(t), newStore(t), ingest.WithWorkers(2), ingest.WithProgress(func(ingest.Result) {
		if n.Add(1) == 5 {
			cancel()
		}
	}))
	sum, err := in.Ingest(ctx, dir)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Ingest after cancel: err = %v, want context.Canceled in the chain", err)
	}
	if sum == nil || sum.Articles < 5 || sum.Articles >= 50 || len(sum.Failures) != 0 {
		t.Errorf("summary after cancel = %v %v, want 5 to 49 articles and no failures", sum, sum.Failures)
	}
}

// panicky wraps an extractor with one that panics on some articles, the way
// a buggy rule would.
type panicky struct{ ingest.Extractor }

func (p panicky) Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error) {
	if strings.Contains(a.Text, "PANIC") {
		panic("a rule indexed out of range")
	}
	return p.Extractor.Extract(ctx, a)
}

// TestPanicFailsAlone: an article that crashes the extractor fails with an
// Internal error; the batch goes on.
func TestPanicFailsAlone(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": clashText, "b.txt": "Headline\nPANIC in the text.", "c.txt": quietText})
	sum, err := ingest.New(panicky{newExtractor(t)}, newStore(t)).Ingest(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]failureKey{{"b.txt", graph.Internal}}, failureKeys(dir, sum.Failures)); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	if sum.Articles != 2 {
		t.Errorf("Articles = %d, want 2", sum.Articles)
	}
}
