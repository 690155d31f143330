package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// NewsGraphVersion changes whenever NewsGraph generates a different graph
// for the same parameters, so that caches of built graphs can be keyed by
// it.
const NewsGraphVersion = 1

// NewsGraph generates a synthetic graph shaped like news coverage, for
// benchmarks: entity degrees follow a power law (Zipf, so that at a million
// relationships the strongest hubs have tens of thousands of ties),
// evidence is spread over seven years of articles from twenty outlets, and
// each relationship is cited by one to several articles (2.5 on average).
// Articles carry a sentence per citation and two claims drawn from a pool
// of templated statements, many of them near-duplicates. Everything,
// names included, is generated from Seed: no real text is involved.
type NewsGraph struct {
	Relationships int    // distinct relationships
	Seed          uint64 // 0 is a fine seed
}

// Entities is how many entities the graph has: one per eight
// relationships, at least 200.
func (g NewsGraph) Entities() int { return max(200, g.Relationships/8) }

var syllables = []string{"ka", "lo", "mi", "ra", "ten", "vor", "zel", "an", "bri", "dus", "el", "fa",
	"gor", "hal", "is", "jun", "kor", "lem", "nad", "ost", "pel", "qui", "sar", "tu"}

func word(n uint64) string {
	var b strings.Builder
	for range 3 {
		b.WriteString(syllables[n%uint64(len(syllables))])
		n /= uint64(len(syllables))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// entityKinds weights kinds the way coverage does: mostly people and
// groups.
var entityKinds = []graph.EntityKind{graph.Person, graph.Person, graph.Person, graph.Person, graph.Person,
	graph.Group, graph.Group, graph.Organization, graph.Organization, graph.Place, graph.Outlet, graph.Program}

// NewsEntity is one generated entity; rank 0 is the strongest hub.
type NewsEntity struct {
	ID   string
	Kind graph.EntityKind
	Name string
}

// EntityList returns the graph's entities by rank.
func (g NewsGraph) EntityList() []NewsEntity {
	r := rand.New(rand.NewPCG(g.Seed, 1))
	n := g.Entities()
	out := make([]NewsEntity, n)
	taken := make(map[string]bool, n)
	for i := range out {
		var name string
		for {
			name = word(r.Uint64()) + " " + word(r.Uint64())
			if !taken[graph.CanonicalKey(name)] {
				break
			}
		}
		taken[graph.CanonicalKey(name)] = true
		kind := entityKinds[r.IntN(len(entityKinds))]
		out[i] = NewsEntity{ID: graph.EntityID(kind, graph.CanonicalKey(name)), Kind: kind, Name: name}
	}
	return out
}

var (
	claimSubjects = []string{"the ceasefire", "the offensive", "the talks", "the blockade", "the election",
		"the pipeline deal", "the curfew", "the amnesty", "the prisoner exchange", "the new budget",
		"the border closure", "the coalition", "the inquiry", "the strike", "the evacuation", "the sanctions"}
	claimPredicates = []string{"will collapse", "will succeed", "was planned for months", "is a provocation",
		"has failed", "will resume", "was illegal", "is over", "was a mistake", "will be extended"}
	claimPeriods = []string{"within a week", "by the spring", "before the summit", "next year", "for good",
		"despite the pressure", "without foreign help", "this month"}
	verbs = map[graph.RelationType]string{
		graph.RivalOf: "clashed with", graph.BranchOf: "is a branch of", graph.MemberOf: "joined",
		graph.AlliedWith: "allied with", graph.Attacked: "attacked", graph.Hosted: "hosted",
		graph.AppearedOn: "appeared on", graph.LocatedIn: "operates in", graph.LeaderOf: "leads",
		graph.PartOf: "is part of",
	}
	newsOutlets = 20
	newsStart   = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
)

// NewsClaimText returns the text of claim template n.
func NewsClaimText(n int) string {
	s := claimSubjects[n%len(claimSubjects)]
	n /= len(claimSubjects)
	p := claimPredicates[n%len(claimPredicates)]
	n /= len(claimPredicates)
	return s + " " + p + " " + claimPeriods[n%len(claimPeriods)]
}

// NewsClaims is the number of claim templates.
var NewsClaims = len(claimSubjects) * len(claimPredicates) * len(claimPeriods)

type newsEdge struct {
	typ  graph.RelationType
	a, b int32
}

// Generate calls fn with the graph's articles, batch at a time (the last
// batch may be shorter). Each extraction is valid and written by us.
func (g NewsGraph) Generate(batch int, fn func([]*graph.Extraction) error) error {
	ents := g.EntityList()
	r := rand.New(rand.NewPCG(g.Seed, 2))
	zipf := rand.NewZipf(r, 1.1, 10, uint64(len(ents)-1))
	pick := func() int32 {
		if r.IntN(10) < 3 { // some ties reach anyone, not only the famous
			return int32(r.IntN(len(ents)))
		}
		return int32(zipf.Uint64())
	}
	seen := make(map[newsEdge]bool, g.Relationships)
	edges := make([]newsEdge, 0, g.Relationships)
	for len(edges) < g.Relationships {
		e := newsEdge{typ: graph.RelationTypes[r.IntN(len(graph.RelationTypes))], a: pick(), b: pick()}
		if e.a == e.b {
			continue
		}
		key := e
		if !e.typ.Directed() && key.b < key.a {
			key.a, key.b = key.b, key.a
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		edges = append(edges, e)
	}
	// Citations: 1 + a geometric number more, 2.5 on average.
	var cites []int32
	for i := range edges {
		cites = append(cites, int32(i))
		for r.Float64() < 0.6 {
			cites = append(cites, int32(i))
		}
	}
	r.Shuffle(len(cites), func(i, j int) { cites[i], cites[j] = cites[j], cites[i] })
	const perArticle = 25
	var out []*graph.Extraction
	for n, start := 0, 0; start < len(cites); n, start = n+1, start+perArticle {
		x := newsArticle(n, r, ents, edges, cites[start:min(len(cites), start+perArticle)])
		out = append(out, x)
		if len(out) == batch {
			if err := fn(out); err != nil {
				return err
			}
			out = nil
		}
	}
	if len(out) > 0 {
		return fn(out)
	}
	return nil
}

func newsArticle(n int, r *rand.Rand, ents []NewsEntity, edges []newsEdge, cites []int32) *graph.Extraction {
	date := newsStart.Add(time.Duration(r.IntN(7*365*24)) * time.Hour)
	var (
		text      strings.Builder
		pos       int
		sentences []struct{ start, end int }
	)
	type span struct{ start, end int }
	var endpoints [][2]span
	add := func(parts ...string) []span {
		start := pos
		var spans []span
		for _, p := range parts {
			spans = append(spans, span{pos, pos + len(p)})
			text.WriteString(p)
			pos += len(p)
		}
		text.WriteString(". ")
		pos += 2
		sentences = append(sentences, struct{ start, end int }{start, pos - 2})
		return spans
	}
	for _, c := range cites {
		e := edges[c]
		sp := add(ents[e.a].Name, " "+verbs[e.typ]+" ", ents[e.b].Name)
		endpoints = append(endpoints, [2]span{sp[0], sp[2]})
	}
	type said struct {
		speaker int32
		text    string
		spans   []span
	}
	var claims []said
	for range 2 {
		e := edges[cites[r.IntN(len(cites))]]
		c := said{speaker: e.a, text: NewsClaimText(r.IntN(NewsClaims))}
		c.spans = add(ents[e.a].Name, " said ", c.text)
		claims = append(claims, c)
	}
	body := strings.TrimSpace(text.String())
	a := graph.Article{URL: fmt.Sprintf("https://news.example/%d", n), Title: fmt.Sprintf("Report %d", n),
		Outlet: fmt.Sprintf("Outlet %d", n%newsOutlets), PublishedAt: date, IngestedAt: date.Add(time.Hour), Text: body}
	a.ContentHash = graph.ContentHash(body)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	x := &graph.Extraction{Article: a}
	declared := map[int32]bool{}
	cite := func(k int, s span, trigger string, conf float64) graph.Citation {
		st := sentences[k]
		return graph.Citation{ArticleID: a.ID, SentenceIndex: k, SentenceText: body[st.start:st.end],
			Start: s.start, End: s.end, Trigger: trigger, Extractor: "newsgraph-bench", Confidence: conf}
	}
	mention := func(k int, e int32, s span) {
		if !declared[e] {
			declared[e] = true
			x.Entities = append(x.Entities, graph.Entity{ID: ents[e].ID, Kind: ents[e].Kind, Name: ents[e].Name})
		}
		x.Mentions = append(x.Mentions, graph.Mention{EntityID: ents[e].ID, Text: ents[e].Name, Citation: cite(k, s, ents[e].Name, 0.9)})
	}
	for k, c := range cites {
		e := edges[c]
		mention(k, e.a, endpoints[k][0])
		mention(k, e.b, endpoints[k][1])
		st := sentences[k]
		x.Relationships = append(x.Relationships, graph.RelationshipEvidence{Type: e.typ, SourceID: ents[e.a].ID, TargetID: ents[e.b].ID,
			Citation: cite(k, span{st.start, st.end}, verbs[e.typ], 0.3+0.6*r.Float64())})
	}
	for i, c := range claims {
		k := len(cites) + i
		mention(k, c.speaker, c.spans[0])
		x.Claims = append(x.Claims, graph.ClaimEvidence{
			ClaimID: graph.ClaimID(graph.NormalizeClaim(c.text)), Text: c.text,
			Source:     graph.Span{Start: c.spans[0].start, End: c.spans[0].end, Text: ents[c.speaker].Name},
			Cue:        graph.Span{Start: c.spans[1].start + 1, End: c.spans[1].end - 1, Text: "said"},
			SpeakerIDs: []string{ents[c.speaker].ID},
			Citation:   cite(k, c.spans[2], "said", 0.5+0.4*r.Float64()),
		})
	}
	return x
}
