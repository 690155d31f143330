package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// TestFormsCountedInMemory checks that the forms a write counts in memory
// (addForms) are the ones countForms reads back from the stored rows: the
// same trimming, the same blanks left out, one count per article however
// often a form recurs in it, mentions under the id the extraction wrote,
// and values that are not valid UTF-8 left to SQL.
func TestFormsCountedInMemory(t *testing.T) {
	ctx := context.Background()
	person := graph.EntityID(graph.Person, "ada quill")
	place := graph.EntityID(graph.Place, "lowmarsh")
	for _, tc := range []struct {
		name     string
		entities []graph.Entity
		mentions []graph.Mention
	}{
		{
			name: "padded and blank forms",
			entities: []graph.Entity{
				{ID: person, Kind: graph.Person, Name: " Ada Quill\t", Aliases: []string{"Quill", "", "\nQuill "},
					Roles: []string{"mayor", " "}, ExternalIDs: map[string]string{"wikidata": "Q1", " ref ": "x"}},
				{ID: place, Kind: graph.Place, Name: "Lowmarsh"},
			},
			mentions: []graph.Mention{
				{EntityID: person, Text: "Quill", Role: "mayor"},
				{EntityID: person, Text: "Ada Quill", Role: ""},
				{EntityID: place, Text: " Lowmarsh", Role: "\r"},
			},
		},
		{
			name: "an entity declared twice",
			entities: []graph.Entity{
				{ID: person, Kind: graph.Person, Name: "Ada Quill", Roles: []string{"mayor"}},
				{ID: person, Kind: graph.Person, Name: "Mayor Quill", Aliases: []string{"A. Quill"}, Roles: []string{"mayor"}},
			},
			mentions: []graph.Mention{{EntityID: person, Text: "Mayor Quill", Role: "mayor"}},
		},
		{
			name:     "not valid UTF-8",
			entities: []graph.Entity{{ID: person, Kind: graph.Person, Name: "Ada Quill", Aliases: []string{"Qu\xffill"}}},
			mentions: []graph.Mention{{EntityID: person, Text: "Ada\xfe Quill"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			text := "Ada Quill, the mayor, went to Lowmarsh."
			a := graph.Article{URL: "https://example.test/forms", Text: text, ContentHash: graph.ContentHash(text)}
			a.ID = graph.ArticleID(a.URL, a.ContentHash)
			x := &graph.Extraction{Article: a, Entities: tc.entities}
			for i, m := range tc.mentions {
				m.Citation = graph.Citation{ArticleID: a.ID, Start: i, End: i + 3, SentenceText: text, Confidence: 0.5}
				x.Mentions = append(x.Mentions, m)
			}
			// Twice: the second write takes the first's forms away again.
			for range 2 {
				if err := s.WriteExtraction(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			got := readForms(ctx, t, s)
			// What countForms reads back from the stored rows.
			err = s.inTx(ctx, "test", func(tx *txq) error {
				if _, err := tx.ExecContext(ctx, `DELETE FROM entity_forms`); err != nil {
					return err
				}
				return countForms(ctx, tx, a.ID, +1)
			})
			if err != nil {
				t.Fatal(err)
			}
			want := readForms(ctx, t, s)
			if len(want) == 0 {
				t.Fatal("no forms stored")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("forms counted in memory differ from the stored rows' (-stored +memory):\n%s", diff)
			}
		})
	}
}

func readForms(ctx context.Context, t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.write.QueryContext(ctx, `SELECT entity_id || '|' || kind || '|' || value || '|' || refs FROM entity_forms
		ORDER BY entity_id, kind, value`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
