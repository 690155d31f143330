package neo4j

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/internal/boltpeer"
)

// openPeer starts a scripted Bolt peer and opens a store on it with the
// real driver. Retries are kept short so that failure tests end quickly.
func openPeer(t testing.TB, rules ...boltpeer.Rule) (*Store, *boltpeer.Peer) {
	t.Helper()
	p, err := boltpeer.Start(rules...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	st, err := Open(context.Background(), Config{
		URI: p.URI(), User: "neo4j", Password: "secret", Graph: "test",
		MaxRetryTime: 2 * time.Second, ConnectTimeout: time.Second,
	})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	p.ResetLog()
	return st, p
}

// fixtureText is an article we wrote for these tests.
const fixtureText = `The Harbour Union marched with the Dockers League in Eastport on Friday. ` +
	`Union organiser Mara Quell told Night Desk that the strike would last a week.`

// span returns the code-point span of the first occurrence of phrase.
func span(t testing.TB, phrase string) (int, int) {
	t.Helper()
	i := strings.Index(fixtureText, phrase)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", phrase)
	}
	start := utf8.RuneCountInString(fixtureText[:i])
	return start, start + utf8.RuneCountInString(phrase)
}

// fixture builds a small extraction: four entities, five mentions, two
// relationships, one claim.
func fixture(t testing.TB) *graph.Extraction {
	t.Helper()
	url := "https://example.test/eastport-march"
	a := graph.Article{
		URL: url, Title: "March in Eastport", Outlet: "Eastport Courier",
		PublishedAt: time.Date(2025, 5, 2, 9, 30, 0, 987654321, time.FixedZone("+0200", 7200)),
		IngestedAt:  time.Date(2025, 5, 3, 0, 0, 0, 0, time.UTC),
		ContentHash: graph.ContentHash(fixtureText), Text: fixtureText,
	}
	a.ID = graph.ArticleID(url, a.ContentHash)
	cite := func(phrase, trigger string, conf float64) graph.Citation {
		s, e := span(t, phrase)
		return graph.Citation{ArticleID: a.ID, Start: s, End: e, Trigger: trigger, Extractor: "neo4j-test", Confidence: conf}
	}
	ent := func(kind graph.EntityKind, name string) graph.Entity {
		return graph.Entity{ID: graph.EntityID(kind, graph.CanonicalKey(name)), Kind: kind, Name: name}
	}
	union, league := ent(graph.Group, "Harbour Union"), ent(graph.Group, "Dockers League")
	mara, desk := ent(graph.Person, "Mara Quell"), ent(graph.Program, "Night Desk")
	mara.Roles = []string{"organiser"}
	x := &graph.Extraction{Article: a, Entities: []graph.Entity{union, league, mara, desk}}
	for _, m := range []struct {
		e    graph.Entity
		text string
	}{
		{union, "Harbour Union"}, {league, "Dockers League"}, {mara, "Mara Quell"}, {desk, "Night Desk"}, {union, "Union"},
	} {
		x.Mentions = append(x.Mentions, graph.Mention{EntityID: m.e.ID, Text: m.text, Citation: cite(m.text, m.text, 0.9)})
	}
	x.Relationships = []graph.RelationshipEvidence{
		{Type: graph.AlliedWith, SourceID: union.ID, TargetID: league.ID, Citation: cite("marched with", "marched with", 0.7)},
		{Type: graph.AppearedOn, SourceID: mara.ID, TargetID: desk.ID, Citation: cite("told Night Desk", "told", 0.6)},
	}
	claim := "the strike would last a week"
	cs, ce := span(t, "told")
	ss, se := span(t, "Union organiser Mara Quell")
	x.Claims = []graph.ClaimEvidence{{
		ClaimID: graph.ClaimID(graph.NormalizeClaim(claim)), Text: claim,
		Source: graph.Span{Start: ss, End: se, Text: "Union organiser Mara Quell"}, Cue: graph.Span{Start: cs, End: ce, Text: "told"},
		SpeakerIDs: []string{mara.ID}, AboutIDs: []string{union.ID}, Citation: cite(claim, "told", 0.8),
	}}
	if err := x.Validate(); err != nil {
		t.Fatal(err)
	}
	return x
}
