package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
)

// seedArticle is the article the project started from. It is third-party
// text, kept outside the repository: tests read it at run time.
var seedArticle = filepath.Join("..", "..", "..", "shared", "seed", "000_466ff5244be99d9e.txt")

// seedQuery reads back everything the end-to-end checks look at. It asks
// for claims as an analyst does, without includeTentative: the experts'
// claims must be listed by default ("the experts" resolved to the named
// experts is no unresolved group).
const seedQuery = `{
  articles { nodes { id text } }
  relationships(first: 1000) { nodes { id type
    source { id name kind aliases roles } target { id name kind aliases roles }
    citations { article { id } start end sentence trigger } } }
  claims(first: 1000) { nodes { id text tentative speakers { id name roles } about { id name }
    citations { article { id } start end sentence text trigger } } }
}`

type seedEntity struct {
	ID, Name, Kind string
	Aliases, Roles []string
}

func (e seedEntity) named(form string) bool {
	k := graph.CanonicalKey(form)
	return graph.CanonicalKey(e.Name) == k || slices.ContainsFunc(e.Aliases, func(a string) bool { return graph.CanonicalKey(a) == k })
}

type seedCitation struct {
	Article                 struct{ ID string }
	Start, End              int
	Sentence, Text, Trigger string
}

type seedAnswer struct {
	Articles struct {
		Nodes []struct{ ID, Text string }
	}
	Relationships struct {
		Nodes []struct {
			ID, Type       string
			Source, Target seedEntity
			Citations      []seedCitation
		}
	}
	Claims struct {
		Nodes []struct {
			ID, Text  string
			Tentative bool
			Speakers  []seedEntity
			About     []seedEntity
			Citations []seedCitation
		}
	}
}

// TestSeedEndToEnd ingests the seed article with `newsgraph ingest --store`
// into each backend, serves that store with `newsgraph serve`, and checks
// through the GraphQL API what the end-to-end issue asks of the seed, each
// fact with a citation that points into the article: IS-K with its alias,
// its rivalry with the Taliban, IS-K a branch of the Islamic State, the US
// strikes on IS-K, the three people with their roles on FARAKHABAR, and the
// experts' claims. Both backends must then give the same answer.
func TestSeedEndToEnd(t *testing.T) {
	if _, err := os.Stat(seedArticle); err != nil {
		t.Skipf("seed article not available (%v): the shared folder is absent", err)
	}
	answers := map[string]seedAnswer{}
	for _, b := range []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "seed.db") }},
		{"neo4j", func(t *testing.T) string { return neo4jtest.URL(t, "seed-e2e") }},
	} {
		t.Run(b.name, func(t *testing.T) {
			store, queueDir := b.url(t), t.TempDir()
			out, stderr, err := run(t, context.Background(), "", "ingest", "--store", store, "--queue-dir", queueDir, seedArticle)
			if err != nil {
				t.Fatalf("ingest: %v\n%s\n%s", err, out, stderr)
			}
			if got := summaryCounts(t, out); got["articles"] != 1 || got["failures"] != 0 {
				t.Fatalf("ingest summary %v, want 1 article and no failures", got)
			}
			base := startServe(t, "--store", store, "--queue-dir", queueDir)
			body, _ := json.Marshal(map[string]any{"query": seedQuery})
			resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var got struct {
				Data   seedAnswer
				Errors []any
			}
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || len(got.Errors) > 0 {
				t.Fatalf("decode: %v, errors %v", err, got.Errors)
			}
			checkSeed(t, got.Data)
			answers[b.name] = got.Data
		})
	}
	if a, b := answers["sqlite"], answers["neo4j"]; len(a.Articles.Nodes) > 0 && len(b.Articles.Nodes) > 0 {
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("Neo4j answers the seed query differently from SQLite (-sqlite +neo4j):\n%s", diff)
		}
	}
}

// checkSeed checks the seed's facts in one answer.
func checkSeed(t *testing.T, a seedAnswer) {
	t.Helper()
	if len(a.Articles.Nodes) != 1 {
		t.Fatalf("%d articles, want the seed alone", len(a.Articles.Nodes))
	}
	art := a.Articles.Nodes[0]
	text := []rune(art.Text)
	cited := func(what string, cs []seedCitation) {
		t.Helper()
		if len(cs) == 0 {
			t.Errorf("%s has no citation", what)
		}
		for _, c := range cs {
			if c.Article.ID != art.ID || c.Start < 0 || c.End <= c.Start || c.End > len(text) {
				t.Errorf("%s: citation [%d,%d) of %s does not point into the seed", what, c.Start, c.End, c.Article.ID)
				continue
			}
			if span := string(text[c.Start:c.End]); !strings.Contains(c.Sentence, span) {
				t.Errorf("%s: cited span %q is not in its sentence %q", what, span, c.Sentence)
			}
		}
	}
	rel := func(typ, from, to string, undirected bool) {
		t.Helper()
		for _, r := range a.Relationships.Nodes {
			fwd := r.Source.named(from) && r.Target.named(to)
			back := undirected && r.Source.named(to) && r.Target.named(from)
			if r.Type == typ && (fwd || back) {
				cited(typ+" "+from+" "+to, r.Citations)
				return
			}
		}
		t.Errorf("no %s from %s to %s", typ, from, to)
	}
	rel("RIVAL_OF", "IS-K", "Taliban", true)
	rel("BRANCH_OF", "IS-K", "Islamic State", false)
	rel("ATTACKED", "US", "IS-K", false)

	experts := map[string]bool{}
	for _, p := range []struct{ name, role, rel string }{
		{"Shams Amani", "host", "HOSTED"},
		{"Shahab Liwal", "political expert", "APPEARED_ON"},
		{"Mohammad Naser Shafiq", "university lecturer", "APPEARED_ON"},
	} {
		found := false
		for _, r := range a.Relationships.Nodes {
			if r.Type == p.rel && r.Source.named(p.name) && r.Target.named("FARAKHABAR") {
				found = true
				if r.Source.Kind != "PERSON" || !slices.Contains(r.Source.Roles, p.role) || r.Target.Kind != "PROGRAM" {
					t.Errorf("%s: %s %s %v on %s %s, want a PERSON with role %q on a PROGRAM", p.rel, p.name, r.Source.Kind, r.Source.Roles, r.Target.Kind, r.Target.Name, p.role)
				}
				if p.rel == "APPEARED_ON" {
					experts[r.Source.ID] = true
				}
				cited(p.rel+" "+p.name, r.Citations)
			}
		}
		if !found {
			t.Errorf("no %s from %s to FARAKHABAR", p.rel, p.name)
		}
	}
	byBoth := 0
	for _, c := range a.Claims.Nodes {
		n := 0
		for _, s := range c.Speakers {
			if experts[s.ID] {
				n++
			}
		}
		if len(experts) == 2 && n == 2 {
			byBoth++
			cited("claim "+c.Text, c.Citations)
			if c.Tentative {
				t.Errorf("claim %q of both experts is listed by default but marked tentative", c.Text)
			}
		}
	}
	if byBoth < 2 {
		t.Errorf("%d claims attributed to both experts listed by default, want at least 2", byBoth)
	}
	isk := 0
	for _, r := range a.Relationships.Nodes {
		for _, e := range []seedEntity{r.Source, r.Target} {
			if e.named("IS-K") {
				isk++
				if e.Kind != "GROUP" || !e.named("Islamic State Khorasan") {
					t.Errorf("IS-K is %s %q with aliases %v, want a GROUP also named Islamic State Khorasan", e.Kind, e.Name, e.Aliases)
				}
			}
		}
	}
	if isk == 0 {
		t.Error("no relationship of IS-K")
	}
}
