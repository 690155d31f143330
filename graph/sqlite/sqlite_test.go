package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

func openTemp(t *testing.T, opts ...sqlite.Option) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "graph.db"), opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store { return openTemp(t) })
}

// article builds a small extraction of our own: one group mentioned once,
// rivalling a second group.
func article(n int, text string) *graph.Extraction {
	a := graph.Article{URL: fmt.Sprintf("https://example.test/%d", n), Outlet: "Test Wire", Text: text,
		PublishedAt: time.Date(2025, 1, 1+n%28, 0, 0, 0, 0, time.UTC)}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	red := graph.EntityID(graph.Group, graph.CanonicalKey("Red Column"))
	blue := graph.EntityID(graph.Group, graph.CanonicalKey("Blue Column"))
	cite := func(start, end int) graph.Citation {
		return graph.Citation{ArticleID: a.ID, Start: start, End: end, SentenceText: text, Confidence: 0.5}
	}
	return &graph.Extraction{
		Article: a,
		Entities: []graph.Entity{
			{ID: red, Kind: graph.Group, Name: "Red Column"},
			{ID: blue, Kind: graph.Group, Name: "Blue Column"},
		},
		Mentions: []graph.Mention{
			{EntityID: red, Text: "Red Column", Citation: cite(0, 10)},
			{EntityID: blue, Text: "Blue Column", Citation: cite(20, 31)},
		},
		Relationships: []graph.RelationshipEvidence{{Type: graph.RivalOf, SourceID: red, TargetID: blue, Citation: cite(0, 31)}},
	}
}

const columnsText = "Red Column fought the Blue Column."

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteExtraction(ctx, article(1, columnsText)); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		s, err = sqlite.Open(ctx, path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		after, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("reopen %d changed the data (-before +after):\n%s", i, diff)
		}
		if got, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "red"}); err != nil || len(got) != 1 {
			t.Errorf("search after reopen = %v, %v; want Red Column", got, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	versions := schemaVersions(t, path)
	if len(versions) == 0 || versions[0] != 1 {
		t.Errorf("schema_migrations = %v, want each migration once from version 1", versions)
	}
	for i := 1; i < len(versions); i++ {
		if versions[i] != versions[i-1]+1 {
			t.Errorf("schema_migrations = %v, want consecutive versions applied once", versions)
		}
	}
}

// schemaVersions reads the applied migrations straight from the file.
func schemaVersions(t *testing.T, path string) []int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	return vs
}

func TestConcurrentWrites(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	const writers, perWriter = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers*perWriter)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				// Every writer rewrites article 0 too, so writes collide
				// on the same rows.
				n := w*perWriter + i
				if i%3 == 0 {
					n = 0
				}
				errs <- s.WriteExtraction(ctx, article(n, columnsText))
				_, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "column"})
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	articles := map[int]bool{}
	for w := range writers {
		for i := range perWriter {
			if i%3 == 0 {
				articles[0] = true
			} else {
				articles[w*perWriter+i] = true
			}
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Stats{Articles: len(articles), Entities: 2, Mentions: 2 * len(articles), Relationships: 1, Citations: len(articles)}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
	rels, err := s.Relationships(ctx, graph.RelationshipFilter{})
	if err != nil || len(rels) != 1 || rels[0].EvidenceCount != len(articles) {
		t.Errorf("Relationships = %+v, %v; want one with %d citations", rels, err, len(articles))
	}
}

func TestClock(t *testing.T) {
	now := time.Date(2026, 2, 3, 4, 5, 6, 789999999, time.FixedZone("x", 3600))
	s := openTemp(t, sqlite.WithClock(func() time.Time { return now }))
	defer s.Close()
	ctx := context.Background()
	x := article(1, columnsText)
	x.Article.PublishedAt = time.Time{}
	if err := s.WriteExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, x.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 2, 3, 3, 5, 6, 789999000, time.UTC)
	if a.IngestedAt != want {
		t.Errorf("IngestedAt = %v, want the clock's time in UTC, to the microsecond: %v", a.IngestedAt, want)
	}
	e, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "red column"})
	if err != nil || len(e) != 1 || e[0].FirstSeen != want {
		t.Errorf("undated article's entity = %+v, %v; want first seen at the ingest date", e, err)
	}
}

func TestKindConflict(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	if err := s.WriteExtraction(ctx, article(1, columnsText)); err != nil {
		t.Fatal(err)
	}
	// Another article declares the same id as a place: ids derive from the
	// kind, so only a broken extractor does this, and the store refuses.
	x := article(2, columnsText)
	x.Entities[0].Kind = graph.Place
	if err := s.WriteExtraction(ctx, x); graph.ErrorCode(err) != graph.Conflict {
		t.Errorf("WriteExtraction(kind clash) error = %v, want CONFLICT", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("Stats = %+v, %v; the refused write must leave nothing", st, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, path string
		want       graph.Code
	}{
		{"empty path", "", graph.Invalid},
		{"in memory", ":memory:", graph.Invalid},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "graph.db"), graph.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlite.Open(ctx, tt.path)
			if err == nil {
				s.Close()
			}
			if got := graph.ErrorCode(err); got != tt.want {
				t.Errorf("Open(%q) error = %v, want %s", tt.path, err, tt.want)
			}
			if msg := graph.ErrorMessage(err); strings.Contains(strings.ToLower(msg), "sql") {
				t.Errorf("client message leaks the driver: %q", msg)
			}
		})
	}
}

func TestBusyIsUnavailable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s, err := sqlite.Open(ctx, path, sqlite.WithBusyTimeout(10*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Another process (here: another connection) holds the write lock.
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	err = s.WriteExtraction(ctx, article(1, columnsText))
	if got := graph.ErrorCode(err); got != graph.Unavailable {
		t.Errorf("WriteExtraction while locked: error = %v, want UNAVAILABLE", err)
	}
	if msg := graph.ErrorMessage(err); strings.Contains(msg, "lock") || strings.Contains(msg, "SQL") {
		t.Errorf("client message leaks the driver: %q", msg)
	}
}

func openBench(b *testing.B) (*sqlite.Store, error) {
	return sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
}

func TestDeadlineIsTimeout(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if err := s.WriteExtraction(ctx, article(1, columnsText)); graph.ErrorCode(err) != graph.Timeout {
		t.Errorf("WriteExtraction past its deadline: error = %v, want TIMEOUT", err)
	}
	if _, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "red"}); graph.ErrorCode(err) != graph.Timeout {
		t.Errorf("SearchEntities past its deadline: error = %v, want TIMEOUT", err)
	}
	if _, err := s.Entity(ctx, "ent_x"); graph.ErrorCode(err) != graph.Timeout {
		t.Errorf("Entity past its deadline: error = %v, want TIMEOUT", err)
	}
}
