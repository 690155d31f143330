package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestIncrementalAggregates checks the aggregates a store keeps up to date
// by difference (mention counts, name index, claim links) against a store
// written once with only the final articles: after random batches of
// writes, rewrites with other evidence, retractions and a merge undone,
// every aggregate row must be the same.
func TestIncrementalAggregates(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			dir := t.TempDir()
			live, err := sqlite.Open(ctx, filepath.Join(dir, "live.db"))
			if err != nil {
				t.Fatal(err)
			}
			final := map[int]*graph.Extraction{} // by article number
			for round := range 6 {
				var batch []*graph.Extraction
				for range 1 + rng.IntN(8) {
					n := rng.IntN(12)
					x := generated(n, rng.IntN(3))
					batch = append(batch, x)
					final[n] = x
				}
				if err := live.WriteExtractions(ctx, batch); err != nil {
					t.Fatal(err)
				}
				if round == 2 {
					// A merge undone must give back exact counts too.
					from, into := graph.EntityID(graph.Group, "blue column"), graph.EntityID(graph.Group, "red column")
					if _, err := live.MergeEntities(ctx, into, from); err == nil {
						if err := live.UnmergeEntities(ctx, from); err != nil {
							t.Fatal(err)
						}
					}
				}
				for n, x := range final {
					if rng.IntN(5) == 0 {
						if err := live.DeleteArticle(ctx, x.Article.ID); err != nil {
							t.Fatal(err)
						}
						delete(final, n)
					}
				}
			}
			if err := live.Close(); err != nil {
				t.Fatal(err)
			}
			clean, err := sqlite.Open(ctx, filepath.Join(dir, "clean.db"))
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range final {
				if err := clean.WriteExtraction(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			if err := clean.Close(); err != nil {
				t.Fatal(err)
			}
			want := dumpTables(t, filepath.Join(dir, "clean.db"), aggregateTables...)
			got := dumpTables(t, filepath.Join(dir, "live.db"), aggregateTables...)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("aggregates kept by difference differ from a clean write (-clean +incremental):\n%s", diff)
			}
		})
	}
}

// generated is article n in one of a few versions: entities whose names,
// mentions, ties and claims vary with both, dated by n.
func generated(n, version int) *graph.Extraction {
	names := []struct {
		kind  graph.EntityKind
		key   string
		names []string
	}{
		{graph.Group, "red column", []string{"Red Column", "the Red Column", "RED COLUMN"}},
		{graph.Group, "blue column", []string{"Blue Column", "Blue Column fighters"}},
		{graph.Person, "dana vale", []string{"Dana Vale", "Vale", "Dr Dana Vale"}},
		{graph.Place, "port arlen", []string{"Port Arlen", "Arlen"}},
	}
	var sentences []string
	for i := range 4 {
		sentences = append(sentences, fmt.Sprintf("Sentence %d of article %d, version %d.", i, n, version))
	}
	text := strings.Join(sentences, " ")
	a := graph.Article{URL: fmt.Sprintf("https://example.test/gen/%d", n), Outlet: "Test Wire", Text: text,
		PublishedAt: time.Date(2025, 3, 1+n%5, 0, 0, 0, 0, time.UTC)}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, "") // one article, rewritten in place
	x := &graph.Extraction{Article: a}
	cite := func(i int) graph.Citation {
		return graph.Citation{ArticleID: a.ID, Start: i, End: i + 5, SentenceText: sentences[0],
			Confidence: 0.3 + 0.1*float64((n+i)%5)}
	}
	var ids []string
	for i, e := range names {
		if (n+version+i)%4 == 0 {
			continue // not in this article
		}
		id := graph.EntityID(e.kind, e.key)
		ids = append(ids, id)
		name := e.names[(n+version)%len(e.names)]
		x.Entities = append(x.Entities, graph.Entity{ID: id, Kind: e.kind, Name: name,
			Roles: []string{fmt.Sprintf("role %d", version)}})
		for j := range 1 + (n+i)%3 {
			x.Mentions = append(x.Mentions, graph.Mention{EntityID: id, Text: e.names[(j+version)%len(e.names)],
				Role: fmt.Sprintf("role %d", j%2), Citation: cite(j)})
		}
	}
	if len(ids) >= 2 {
		x.Relationships = append(x.Relationships, graph.RelationshipEvidence{Type: graph.RivalOf,
			SourceID: ids[0], TargetID: ids[1], Citation: cite(2)})
	}
	claim := fmt.Sprintf("the talks failed %d", (n+version)%3)
	x.Claims = append(x.Claims, graph.ClaimEvidence{ClaimID: graph.ClaimID(graph.NormalizeClaim(claim)), Text: claim,
		SpeakerIDs: ids[:1], AboutIDs: ids[1:], Citation: cite(1)})
	return x
}

// aggregateTables read every aggregate table, in a fixed order, leaving out
// the rowids that depend on the order of writes.
var aggregateTables = []string{
	`SELECT * FROM entities ORDER BY id`,
	`SELECT entity_id, name, key FROM entity_names ORDER BY entity_id, name`,
	`SELECT * FROM entity_forms ORDER BY entity_id, kind, value`,
	`SELECT * FROM relationships ORDER BY id`,
	`SELECT id, text, normalized, verbatim, cue, speaker_ids, about_ids, evidence_count, first_seen, last_seen, confidence
		FROM claims ORDER BY id`,
	`SELECT * FROM claim_speakers ORDER BY entity_id, claim_id`,
	`SELECT * FROM claim_about ORDER BY entity_id, claim_id`,
	`SELECT count(*) FROM entity_names_fts WHERE entity_names_fts MATCH 'column OR vale OR arlen'`,
	`SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'talks'`,
}
