package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// benchArticle builds the extraction of a typical article: 30 entities, 40
// mentions, 10 relationships and 5 claims, all on text we generate.
// Consecutive articles share most entities, as coverage of one story does.
func benchArticle(n int) *graph.Extraction {
	var sb strings.Builder
	type span struct{ start, end int }
	var names []string
	var spans []span
	pos := 0
	for i := range 40 {
		name := fmt.Sprintf("Actor %d", (n+i)%30+i/30*1000)
		if i >= 30 {
			name = fmt.Sprintf("Actor %d", (n+i-30)%30)
		}
		s := fmt.Sprintf("Sentence %d says %s was seen. ", i, name)
		start := pos + utf8.RuneCountInString(fmt.Sprintf("Sentence %d says ", i))
		spans = append(spans, span{start, start + utf8.RuneCountInString(name)})
		names = append(names, name)
		sb.WriteString(s)
		pos += utf8.RuneCountInString(s)
	}
	text := sb.String()
	a := graph.Article{
		URL: fmt.Sprintf("https://bench.example/%d", n), Title: "Bench", Outlet: "Bench Wire", Text: text,
		PublishedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour),
	}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	x := &graph.Extraction{Article: a}
	ids := map[string]string{}
	for _, name := range names {
		if _, ok := ids[name]; ok {
			continue
		}
		kind := graph.EntityKinds[len(ids)%len(graph.EntityKinds)]
		ids[name] = graph.EntityID(kind, graph.CanonicalKey(name))
		x.Entities = append(x.Entities, graph.Entity{ID: ids[name], Kind: kind, Name: name, Aliases: []string{"A" + name[6:]}})
	}
	cite := func(i int) graph.Citation {
		return graph.Citation{ArticleID: a.ID, SentenceIndex: i, SentenceText: "sentence", Start: spans[i].start,
			End: spans[i].end, Trigger: "seen", Extractor: "bench", Confidence: 0.7}
	}
	for i, name := range names {
		x.Mentions = append(x.Mentions, graph.Mention{EntityID: ids[name], Text: name, Citation: cite(i)})
	}
	for i := range 10 {
		x.Relationships = append(x.Relationships, graph.RelationshipEvidence{
			Type: graph.RelationTypes[i%len(graph.RelationTypes)], SourceID: ids[names[i]], TargetID: ids[names[i+1]], Citation: cite(i),
		})
	}
	for i := range 5 {
		text := fmt.Sprintf("statement %d about the story", (n+i)%20)
		x.Claims = append(x.Claims, graph.ClaimEvidence{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(text)), Text: text,
			SpeakerIDs: []string{ids[names[i]]}, AboutIDs: []string{ids[names[i+5]]}, Citation: cite(i),
		})
	}
	return x
}

func BenchmarkWriteExtraction(b *testing.B) {
	s, err := openBench(b)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	xs := make([]*graph.Extraction, 64)
	for i := range xs {
		xs[i] = benchArticle(i)
		if err := xs[i].Validate(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Cycling over 64 articles mixes first writes and rewrites.
		if err := s.WriteExtraction(ctx, xs[i%len(xs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteExtractionHotEntities writes into a store where the same 30
// entities already have thousands of mentions: the cost of a write must not
// grow with how often its entities were cited before.
func BenchmarkWriteExtractionHotEntities(b *testing.B) {
	s, err := openBench(b)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	const preload = 300 // 12,000 mentions of 30 entities
	for i := range preload {
		if err := s.WriteExtraction(ctx, benchArticle(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := s.WriteExtraction(ctx, benchArticle(i%preload)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadEntityNeighbourhood(b *testing.B) {
	s, err := openBench(b)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 64 {
		if err := s.WriteExtraction(ctx, benchArticle(i)); err != nil {
			b.Fatal(err)
		}
	}
	hits, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "actor 1"})
	if err != nil || len(hits) == 0 {
		b.Fatalf("search: %v, %v", hits, err)
	}
	id := hits[0].ID
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		// What the API does for one entity page: search, the entity's
		// relationships and their top citations.
		if _, err := s.SearchEntities(ctx, graph.EntityFilter{Query: "actor 1", Page: graph.Page{Limit: 10}}); err != nil {
			b.Fatal(err)
		}
		rels, err := s.Relationships(ctx, graph.RelationshipFilter{EntityID: id, Page: graph.Page{Limit: 20}})
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]string, len(rels))
		for i, r := range rels {
			ids[i] = r.ID
		}
		if _, err := s.RelationshipEvidence(ctx, ids, 3); err != nil {
			b.Fatal(err)
		}
	}
}
