package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// newsArticle builds the extraction of article n of a synthetic news
// stream shaped like the BBC folder's (about 26 mentions of 12 entities, 6
// claims and half a relationship an article): half of the entities are
// recurring ones drawn from a few hundred, skewed towards the first (the
// hubs of a story), the other half appear in this article only; most
// claims are new. The text is ours and generated.
func newsArticle(n int) *graph.Extraction {
	rng := rand.New(rand.NewPCG(uint64(n), 11))
	type ent struct {
		id, name string
		kind     graph.EntityKind
	}
	var ents []ent
	seen := map[string]bool{}
	for i := range 12 {
		var name string
		if i%2 == 0 {
			k := int(300 * rng.Float64() * rng.Float64()) // hubs more often
			name = fmt.Sprintf("Recurring Figure %d", k)
		} else {
			name = fmt.Sprintf("Passing Name %d-%d", n, i)
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		kind := graph.EntityKinds[len(name)%len(graph.EntityKinds)]
		ents = append(ents, ent{graph.EntityID(kind, graph.CanonicalKey(name)), name, kind})
	}
	var sb strings.Builder
	type span struct{ start, end, sentence int }
	var spans []span
	var mentionOf []int
	pos := 0
	for s := range 26 {
		e := ents[(s*7+n)%len(ents)]
		lead := fmt.Sprintf("In part %d of the story ", s)
		sentence := lead + e.name + " was reported to act. "
		start := pos + len(lead)
		spans = append(spans, span{start, start + len(e.name), s})
		mentionOf = append(mentionOf, (s*7+n)%len(ents))
		sb.WriteString(sentence)
		pos += len(sentence)
	}
	text := sb.String()
	a := graph.Article{
		URL: fmt.Sprintf("https://stream.example/%d", n), Title: fmt.Sprintf("Report %d", n), Outlet: "Stream Wire", Text: text,
		PublishedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 7 * time.Hour),
	}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	x := &graph.Extraction{Article: a}
	for _, e := range ents {
		x.Entities = append(x.Entities, graph.Entity{ID: e.id, Kind: e.kind, Name: e.name, Roles: []string{"figure"}})
	}
	cite := func(i int) graph.Citation {
		return graph.Citation{ArticleID: a.ID, SentenceIndex: spans[i].sentence, SentenceText: "a sentence of the story",
			Start: spans[i].start, End: spans[i].end, Trigger: "reported", Extractor: "bench", Confidence: 0.8}
	}
	for i, e := range mentionOf {
		x.Mentions = append(x.Mentions, graph.Mention{EntityID: ents[e].id, Text: ents[e].name, Citation: cite(i)})
	}
	if n%2 == 0 && len(ents) > 1 {
		x.Relationships = append(x.Relationships, graph.RelationshipEvidence{
			Type: graph.RelationTypes[n%len(graph.RelationTypes)], SourceID: ents[0].id, TargetID: ents[1].id, Citation: cite(0),
		})
	}
	for i := range 6 {
		said := fmt.Sprintf("the plan of part %d will go ahead", n*6+i)
		if i == 0 {
			said = fmt.Sprintf("the common line %d holds", n%40) // repeated across articles
		}
		x.Claims = append(x.Claims, graph.ClaimEvidence{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(said)), Text: said,
			SpeakerIDs: []string{ents[i%len(ents)].id}, AboutIDs: []string{ents[(i+1)%len(ents)].id}, Citation: cite(i),
		})
	}
	return x
}

// BenchmarkWriteExtractions measures the writer alone, without extraction:
// a fixed stream of 1,024 synthetic articles written into a new store in
// group commits of a fixed size, as ingest's group writer does. ns/article
// is the writer's cost of an article.
func BenchmarkWriteExtractions(b *testing.B) {
	const articles = 1024
	xs := make([]*graph.Extraction, articles)
	for i := range xs {
		xs[i] = newsArticle(i)
		if err := xs[i].Validate(); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	for _, group := range []int{16, 128, 256} {
		b.Run(fmt.Sprintf("group=%d", group), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s, err := openBench(b)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for i := 0; i < len(xs); i += group {
					if err := s.WriteExtractions(ctx, xs[i:min(i+group, len(xs))]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*articles), "ns/article")
		})
	}
}
