package neo4j_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

// themed returns an article of ours naming n organisations "Theme Works
// first".."Theme Works first+n-1", each mentioned once.
func themed(first, n int) *graph.Extraction {
	var names []string
	for i := range n {
		names = append(names, fmt.Sprintf("Theme Works %d", first+i))
	}
	text := strings.Join(names, " and ") + " opened today."
	a := graph.Article{Title: fmt.Sprintf("Themes from %d", first), Outlet: "Test Desk", Text: text, ContentHash: graph.ContentHash(text)}
	a.ID = graph.ArticleID("", a.ContentHash)
	x := &graph.Extraction{Article: a}
	at := 0
	for _, name := range names {
		id := graph.EntityID(graph.Organization, graph.CanonicalKey(name))
		x.Entities = append(x.Entities, graph.Entity{ID: id, Kind: graph.Organization, Name: name})
		x.Mentions = append(x.Mentions, graph.Mention{EntityID: id, Text: name, Citation: graph.Citation{
			ArticleID: a.ID, SentenceText: text, Start: at, End: at + len(name), Extractor: "test", Confidence: 0.9}})
		at += len(name) + len(" and ")
	}
	return x
}

// TestSearchBesideOtherGraphs: every graph of a database shares the
// full-text indexes, so a graph's search must not lose hits to another
// graph's matches. With the candidates cut to Lucene's first 1,000, a
// graph of 1,200 "Theme Works" hid the one "Theme Works" of its neighbour
// (the contract suite failed so once the BBC folder shared its database).
func TestSearchBesideOtherGraphs(t *testing.T) {
	ctx := context.Background()
	crowd := neo4jtest.Open(t, "search-crowd")
	var xs []*graph.Extraction
	for i := range 12 {
		xs = append(xs, themed(100*i, 100))
	}
	if err := crowd.WriteExtractions(ctx, xs); err != nil {
		t.Fatal(err)
	}
	st := neo4jtest.Open(t, "search-alone")
	x := themed(5000, 1)
	if err := st.WriteExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	want := x.Entities[0].ID
	for _, text := range []string{"theme", "works", "theme works"} {
		hits, err := st.Search(ctx, graph.SearchQuery{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].EntityID != want {
			t.Errorf("Search(%q) = %+v; want the one entity %s", text, hits, want)
		}
		if n, err := st.CountSearch(ctx, graph.SearchQuery{Text: text}); err != nil || n != 1 {
			t.Errorf("CountSearch(%q) = %d, %v; want 1", text, n, err)
		}
	}
}
