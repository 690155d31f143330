package api_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// The fixtures are an invented world, written for these tests: two
// outlets report on a rivalry between two armed groups, a branch of one of
// them, and an analyst whose warning both outlets carry. "Kovač" puts a
// non-ASCII letter before later spans, so byte and code-point offsets
// differ.

// doc is an article built from sentences, so that citations can be made
// from phrases and their offsets computed rather than typed in.
type doc struct {
	graph.Article
	sentences []string
}

func newDoc(url, title, outlet string, published time.Time, sentences ...string) *doc {
	text := strings.Join(sentences, " ")
	hash := graph.ContentHash(text)
	return &doc{
		Article: graph.Article{
			ID: graph.ArticleID(url, hash), URL: url, Title: title, Outlet: outlet,
			PublishedAt: published, IngestedAt: published.Add(time.Hour), ContentHash: hash, Text: text,
		},
		sentences: sentences,
	}
}

// cite cites the first occurrence of phrase in sentence i, with offsets in
// code points from the start of the text.
func (d *doc) cite(t testing.TB, i int, phrase, trigger string, conf float64) graph.Citation {
	t.Helper()
	s := d.sentences[i]
	at := strings.Index(s, phrase)
	if at < 0 {
		t.Fatalf("fixture: %q not in sentence %d of %s", phrase, i, d.Title)
	}
	start := 0
	for _, prev := range d.sentences[:i] {
		start += len([]rune(prev)) + 1
	}
	start += len([]rune(s[:at]))
	return graph.Citation{
		ArticleID: d.ID, SentenceIndex: i, SentenceText: s,
		Start: start, End: start + len([]rune(phrase)),
		Trigger: trigger, Extractor: "fixture", Confidence: conf,
	}
}

// span is a graph.Span of the first occurrence of phrase in sentence i.
func (d *doc) span(t testing.TB, i int, phrase string) graph.Span {
	c := d.cite(t, i, phrase, "", 0)
	return graph.Span{Start: c.Start, End: c.End, Text: phrase}
}

func entity(kind graph.EntityKind, name string, aliases, roles []string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(kind, graph.CanonicalKey(name)), Kind: kind, Name: name, Aliases: aliases, Roles: roles}
}

// The world's entities.
var (
	northernFront = entity(graph.Group, "Northern Front", []string{"NF"}, nil)
	valleyGuard   = entity(graph.Group, "Valley Guard", nil, nil)
	shadowWing    = entity(graph.Group, "Shadow Wing", nil, nil)
	eastport      = entity(graph.Place, "Eastport", nil, nil)
	miraKovac     = entity(graph.Person, "Mira Kovač", nil, []string{"analyst"})
	tomasReyl     = entity(graph.Person, "Tomas Reyl", nil, []string{"host"})
	eveningHour   = entity(graph.Program, "Evening Hour", nil, nil)
)

const warning = "the rivalry would deepen before the winter"

var (
	day1 = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	day2 = time.Date(2024, 3, 5, 18, 30, 0, 0, time.UTC)
)

// world writes the invented world and returns its articles, oldest first.
func world(t testing.TB, w graph.ExtractionWriter) (courier, meridian *doc) {
	t.Helper()
	courier = newDoc("https://courier.example/clashes", "Clashes near Eastport", "Lakeside Courier", day1,
		"Analyst Mira Kovač said "+warning+".",
		"The Northern Front clashed with the Valley Guard near Eastport on Monday.",
		"The Shadow Wing, a branch of the Northern Front, claimed the attack.")
	meridian = newDoc("https://meridian.example/evening-hour", "Evening Hour: the winter ahead", "Radio Meridian", day2,
		"Host Tomas Reyl opened the Evening Hour.",
		"Mira Kovač warned that "+warning+".")
	kovacSource := courier.span(t, 0, "Analyst Mira Kovač")
	x1 := &graph.Extraction{
		Article:  courier.Article,
		Entities: []graph.Entity{northernFront, valleyGuard, shadowWing, eastport, miraKovac},
		Mentions: []graph.Mention{
			{EntityID: miraKovac.ID, Text: "Mira Kovač", Role: "analyst", Citation: courier.cite(t, 0, "Mira Kovač", "Analyst", 0.9)},
			{EntityID: northernFront.ID, Text: "Northern Front", Citation: courier.cite(t, 1, "Northern Front", "Northern Front", 0.95)},
			{EntityID: valleyGuard.ID, Text: "Valley Guard", Citation: courier.cite(t, 1, "Valley Guard", "Valley Guard", 0.95)},
			// A kind in context (as if the town's council were meant), so that
			// the API shows one.
			{EntityID: eastport.ID, Text: "Eastport", KindInContext: graph.Organization, Citation: courier.cite(t, 1, "Eastport", "Eastport", 0.8)},
			{EntityID: shadowWing.ID, Text: "Shadow Wing", Citation: courier.cite(t, 2, "Shadow Wing", "Shadow Wing", 0.9)},
			{EntityID: northernFront.ID, Text: "Northern Front", Citation: courier.cite(t, 2, "Northern Front", "Northern Front", 0.95)},
		},
		Relationships: []graph.RelationshipEvidence{
			{Type: graph.RivalOf, SourceID: northernFront.ID, TargetID: valleyGuard.ID,
				Citation: courier.cite(t, 1, "The Northern Front clashed with the Valley Guard", "clashed with", 0.8)},
			{Type: graph.BranchOf, SourceID: shadowWing.ID, TargetID: northernFront.ID,
				Citation: courier.cite(t, 2, "The Shadow Wing, a branch of the Northern Front", "a branch of", 0.9)},
		},
		Claims: []graph.ClaimEvidence{{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(warning)), Text: warning, Verbatim: false,
			Source: kovacSource, Cue: courier.span(t, 0, "said"),
			SpeakerIDs: []string{miraKovac.ID}, AboutIDs: []string{northernFront.ID, valleyGuard.ID},
			Citation: courier.cite(t, 0, warning, "said", 0.7),
		}},
	}
	x2 := &graph.Extraction{
		Article:  meridian.Article,
		Entities: []graph.Entity{tomasReyl, eveningHour, miraKovac, northernFront, valleyGuard},
		Mentions: []graph.Mention{
			{EntityID: tomasReyl.ID, Text: "Tomas Reyl", Role: "host", Citation: meridian.cite(t, 0, "Tomas Reyl", "Host", 0.9)},
			{EntityID: eveningHour.ID, Text: "Evening Hour", Citation: meridian.cite(t, 0, "Evening Hour", "Evening Hour", 0.8)},
			{EntityID: miraKovac.ID, Text: "Mira Kovač", Citation: meridian.cite(t, 1, "Mira Kovač", "Mira Kovač", 0.9)},
		},
		Relationships: []graph.RelationshipEvidence{
			{Type: graph.Hosted, SourceID: tomasReyl.ID, TargetID: eveningHour.ID,
				Citation: meridian.cite(t, 0, "Host Tomas Reyl opened the Evening Hour", "opened", 0.6)},
		},
		Claims: []graph.ClaimEvidence{{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(warning)), Text: warning, Verbatim: false,
			Source: meridian.span(t, 1, "Mira Kovač"), Cue: meridian.span(t, 1, "warned"),
			SpeakerIDs: []string{miraKovac.ID}, AboutIDs: []string{northernFront.ID, valleyGuard.ID},
			Citation: meridian.cite(t, 1, warning, "warned", 0.8),
		}},
	}
	for _, x := range []*graph.Extraction{x1, x2} {
		if err := w.WriteExtraction(context.Background(), x); err != nil {
			t.Fatalf("fixture: WriteExtraction(%s): %v", x.Article.Title, err)
		}
	}
	return courier, meridian
}

// openStore opens a real embedded store in a temporary directory.
func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
