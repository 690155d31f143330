package ingest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestTextArticle(t *testing.T) {
	long := strings.Repeat("word ", 40) // a first line too long for a title
	tests := []struct {
		name, file, text string
		wantTitle        string
		wantDate         time.Time
	}{
		{"headline", "a.txt", "Clashes in the east\n\nTaliban forces fought.", "Clashes in the east", time.Time{}},
		{"markdown heading", "a.md", "# Weekly notes\nA quiet week.", "Weekly notes", time.Time{}},
		{"leading blank lines", "a.txt", "\n\n  Headline  \nBody.", "Headline", time.Time{}},
		{"long first line", "report.txt", long + "\nmore", "report", time.Time{}},
		{"single line", "one.txt", "Only one short line.", "one", time.Time{}},
		{"date marker inline", "seedlike.txt", " date 2024-03-26 " + long + "\n\nmore", "seedlike", time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)},
		{"date marker on its own line", "d.txt", "Date: 2023-12-01\nHeadline here\nBody.", "Headline here", time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC)},
		{"impossible date", "d.txt", "date 2023-13-45 Headline\nBody.", "date 2023-13-45 Headline", time.Time{}},
		{"byte-order mark", "bom.txt", "\uFEFFHeadline\nBody.", "Headline", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ingest.TextArticle(tt.file, "file:///x/"+tt.file, tt.text)
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if !a.PublishedAt.Equal(tt.wantDate) {
				t.Errorf("PublishedAt = %v, want %v", a.PublishedAt, tt.wantDate)
			}
			text := strings.TrimPrefix(tt.text, "\uFEFF")
			if a.Text != text {
				t.Errorf("Text changed: %q", a.Text)
			}
			if want := graph.ArticleID("", graph.ContentHash(text)); a.ID != want || a.ContentHash != graph.ContentHash(text) {
				t.Errorf("ID = %s, want %s (keyed by content)", a.ID, want)
			}
		})
	}
}

// TestTextArticleKeyedByContent: where a file lives does not change its id.
func TestTextArticleKeyedByContent(t *testing.T) {
	a := ingest.TextArticle("a.txt", "file:///one/a.txt", "Headline\nBody.")
	b := ingest.TextArticle("b.txt", "file:///two/b.txt", "Headline\nBody.")
	c := ingest.TextArticle("a.txt", "file:///one/a.txt", "Headline\nBody, edited.")
	if diff := cmp.Diff(a.ID, b.ID); diff != "" {
		t.Errorf("same text, different ids: %s", diff)
	}
	if a.ID == c.ID {
		t.Error("edited text kept its id")
	}
}

// TestSeedArticle reads the seed article at run time (it is third-party
// text, never copied into the repository): its leading date marker dates it,
// and its long first line is no title.
func TestSeedArticle(t *testing.T) {
	const seed = "../../shared/seed/000_466ff5244be99d9e.txt"
	a, err := ingest.ReadTextFile(seed, ingest.DefaultMaxTextBytes)
	if graph.ErrorCode(err) == graph.NotFound {
		t.Skipf("seed article %s absent: it lives in ../shared, outside the repository", seed)
	}
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC); !a.PublishedAt.Equal(want) {
		t.Errorf("PublishedAt = %v, want %v", a.PublishedAt, want)
	}
	if a.Title != "000_466ff5244be99d9e" {
		t.Errorf("Title = %q, want the file name", a.Title)
	}
	if !strings.HasPrefix(a.URL, "file:///") || a.ID != graph.ArticleID("", a.ContentHash) {
		t.Errorf("URL %q, ID %s: want a file URL and an id keyed by content", a.URL, a.ID)
	}
}
