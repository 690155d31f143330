package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestMigration2Backfill checks that migration 2, run over data written
// before it existed, derives the same entity forms and external ids that the
// write path maintains incrementally.
func TestMigration2Backfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "graph.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for n := range 6 {
		x := article(n, columnsText)
		x.Entities[0].Aliases = []string{fmt.Sprintf("Reds %d", n%2), " padded "}
		x.Entities[0].Roles = []string{"militia"}
		x.Entities[0].ExternalIDs = map[string]string{"wikidata": fmt.Sprintf("Q%d", n%3)}
		x.Mentions[1].Role = "rival"
		if err := s.WriteExtraction(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	// Rewrites and a delete exercise the decrements.
	if err := s.WriteExtraction(ctx, article(2, columnsText)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, article(3, columnsText).Article.ID); err != nil {
		t.Fatal(err)
	}
	entities := func() []*graph.Entity {
		es, err := s.SearchEntities(ctx, graph.EntityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return es
	}
	before := entities()
	s.Close()
	incremental := dumpTables(t, path, formTables...)

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE entity_forms; DROP TABLE entity_external_ids;
		DROP INDEX entity_declarations_by_kind; DELETE FROM schema_migrations WHERE version = 2`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if s, err = sqlite.Open(ctx, path); err != nil {
		t.Fatalf("reopen with migration 2 pending: %v", err)
	}
	defer s.Close()
	if diff := cmp.Diff(incremental, dumpTables(t, path, formTables...)); diff != "" {
		t.Errorf("backfill differs from incremental maintenance (-incremental +backfill):\n%s", diff)
	}
	// A write after the backfill recomputes from the backfilled counts.
	if err := s.WriteExtraction(ctx, article(3, columnsText)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, article(3, columnsText).Article.ID); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, entities()); diff != "" {
		t.Errorf("entities after migration (-before +after):\n%s", diff)
	}
}

// formTables are the queries of what migration 2 backfills.
var formTables = []string{
	`SELECT entity_id || '|' || kind || '|' || value || '|' || refs FROM entity_forms ORDER BY 1`,
	`SELECT entity_id || '|' || key || '|' || date || '|' || article_id || '|' || value FROM entity_external_ids ORDER BY 1`,
}

// dumpTables returns the rows the queries read from the store at path, one
// string each, failing when there are none: a test would prove nothing.
func dumpTables(t *testing.T, path string, queries ...string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(vals...))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	if len(out) == 0 {
		t.Fatal("no rows at all: the test would prove nothing")
	}
	return out
}
