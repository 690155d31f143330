package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// day3 is when a third outlet repeats the warning, worded a little
// differently: a near-duplicate of the claim rather than the claim.
var day3 = time.Date(2024, 3, 9, 7, 0, 0, 0, time.UTC)

const warningReworded = "the rivalry would deepen before winter"

// repeatWarning writes the third article.
func repeatWarning(t *testing.T, w graph.ExtractionWriter) *doc {
	t.Helper()
	post := newDoc("https://harbor.example/winter", "A hard winter", "Harbor Post", day3,
		"Mira Kovač has said that "+warningReworded+".")
	x := &graph.Extraction{
		Article:  post.Article,
		Entities: []graph.Entity{miraKovac},
		Mentions: []graph.Mention{{EntityID: miraKovac.ID, Text: "Mira Kovač", Citation: post.cite(t, 0, "Mira Kovač", "Mira Kovač", 0.9)}},
		Claims: []graph.ClaimEvidence{{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(warningReworded)), Text: warningReworded,
			Source: post.span(t, 0, "Mira Kovač"), Cue: post.span(t, 0, "has said"),
			SpeakerIDs: []string{miraKovac.ID}, Citation: post.cite(t, 0, warningReworded, "has said", 0.6),
		}},
	}
	if err := w.WriteExtraction(context.Background(), x); err != nil {
		t.Fatalf("WriteExtraction: %v", err)
	}
	return post
}

// TestClaimProvenance traces the warning as a fact-checker would: every
// article that carried it by publication date, its first appearance, its
// speakers, the outlets that repeated it and its near-duplicates.
func TestClaimProvenance(t *testing.T) { eachStore(t, testClaimProvenance) }

func testClaimProvenance(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	repeatWarning(t, store)
	ts := serve(t, store)
	ids := worldIDs(courier, meridian)
	reworded := graph.ClaimID(graph.NormalizeClaim(warningReworded))
	runCases(t, ts, ids, []queryCase{{
		name: "citations, first appearance, speakers, outlets",
		query: `query($id: ID!) { claim(id: $id) { speakers { name }
			citations { article { outlet publishedAt } sentence }
			firstAppearance { article { title } sentence trigger source { text } }
			outlets { outlet firstSeen articles firstArticle { title } } } }`,
		vars: map[string]any{"id": "{claim}"},
		want: `{"claim": {"speakers": [{"name": "Mira Kovač"}],
			"citations": [
			  {"article": {"outlet": "Lakeside Courier", "publishedAt": "2024-03-01T08:00:00Z"}, "sentence": "Analyst Mira Kovač said the rivalry would deepen before the winter."},
			  {"article": {"outlet": "Radio Meridian", "publishedAt": "2024-03-05T18:30:00Z"}, "sentence": "Mira Kovač warned that the rivalry would deepen before the winter."}],
			"firstAppearance": {"article": {"title": "Clashes near Eastport"}, "sentence": "Analyst Mira Kovač said the rivalry would deepen before the winter.", "trigger": "said", "source": {"text": "Analyst Mira Kovač"}},
			"outlets": [
			  {"outlet": "Lakeside Courier", "firstSeen": "2024-03-01T08:00:00Z", "articles": 1, "firstArticle": {"title": "Clashes near Eastport"}},
			  {"outlet": "Radio Meridian", "firstSeen": "2024-03-05T18:30:00Z", "articles": 1, "firstArticle": {"title": "Evening Hour: the winter ahead"}}]}}`,
	}, {
		// Jaccard of the word pairs: 4 shared of 7 in all.
		name: "near-duplicates grouped, from either side",
		query: `query($a: ID!, $b: ID!) { a: claim(id: $a) { nearDuplicates { size evidenceCount firstSeen lastSeen earliest { id } claims { similarity claim { id text outlets { outlet } } } } }
			b: claim(id: $b) { nearDuplicates(minSimilarity: 0.5) { size earliest { id } claims { claim { id } } } }
			strict: claim(id: $a) { nearDuplicates(minSimilarity: 0.9) { size claims { similarity } } } }`,
		vars: map[string]any{"a": "{claim}", "b": reworded},
		want: `{"a": {"nearDuplicates": {"size": 2, "evidenceCount": 3, "firstSeen": "2024-03-01T08:00:00Z", "lastSeen": "2024-03-09T07:00:00Z",
			  "earliest": {"id": "{claim}"},
			  "claims": [{"similarity": 0.5714285714285714, "claim": {"id": "` + reworded + `", "text": "the rivalry would deepen before winter", "outlets": [{"outlet": "Harbor Post"}]}}]}},
			"b": {"nearDuplicates": {"size": 2, "earliest": {"id": "{claim}"}, "claims": [{"claim": {"id": "{claim}"}}]}},
			"strict": {"nearDuplicates": {"size": 1, "claims": []}}}`,
	}})
}
