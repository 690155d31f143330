package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// The tie world: a small network of invented groups around a hub, written
// as three articles of short sentences we made up, for the exploration
// suites. Each tie is cited by the first n articles, so evidence counts and
// dates differ:
//
//	Hub Council –RIVAL_OF(3)– Aster Front –ALLIED_WITH(2)– Elm Front –ATTACKED→ Fern Front ←LOCATED_IN– Gorse Front
//	Hub Council –ALLIED_WITH(2)– Birch Front –RIVAL_OF– Elm Front
//	Cedar Front –ATTACKED→ Hub Council ←MEMBER_OF– Dune Front, Cedar Front –RIVAL_OF– Dune Front
//
// Article 0 also carries a claim by the Aster Front about the Hub Council,
// article 2 a claim by the Hub Council about the Elm Front.

var (
	// tieDates are the articles' dates: a Wednesday in January 2024, one
	// in June 2024 and one in February 2025.
	tieDates = []time.Time{
		time.Date(2024, 1, 17, 9, 30, 0, 0, time.UTC),
		time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2025, 2, 3, 23, 0, 0, 0, time.UTC),
	}
	tieOutlets = []string{"Tie Wire", "Tie Wire", "Other Gazette"}
)

type tieName string

const (
	tHub   tieName = "Hub Council"
	tAster tieName = "Aster Front"
	tBirch tieName = "Birch Front"
	tCedar tieName = "Cedar Front"
	tDune  tieName = "Dune Front"
	tElm   tieName = "Elm Front"
	tFern  tieName = "Fern Front"
	tGorse tieName = "Gorse Front"
)

func (n tieName) kind() graph.EntityKind {
	if n == tHub {
		return graph.Organization
	}
	return graph.Group
}

// id is the entity id of a tie-world name.
func (n tieName) id() string { return graph.EntityID(n.kind(), graph.CanonicalKey(string(n))) }

type tie struct {
	typ       graph.RelationType
	from, to  tieName
	verb      string
	citations int
	conf      float64
}

func (t tie) id() string { return graph.RelationshipID(t.typ, t.from.id(), t.to.id()) }

var ties = []tie{
	{graph.RivalOf, tHub, tAster, "clashed with", 3, 0.5},               // 0.875
	{graph.AlliedWith, tHub, tBirch, "allied with", 2, 0.5},             // 0.75
	{graph.Attacked, tCedar, tHub, "attacked", 1, 0.9},                  // 0.9
	{graph.MemberOf, tDune, tHub, "joined", 1, 0.4},                     // 0.4
	{graph.RivalOf, tCedar, tDune, "clashed with", 1, 0.5},              // 0.5
	{graph.AlliedWith, tAster, tElm, "allied with", 2, 0.6},             // 0.84
	{graph.Attacked, tElm, tFern, "attacked", 1, 0.7},                   // 0.7
	{graph.RivalOf, tBirch, tElm, "clashed with", 1, 0.5},               // 0.5
	{graph.LocatedIn, tGorse, tFern, "operates in the land of", 1, 0.3}, // 0.3
}

// tieClaims are the claims of the tie world: article, speaker, subject.
var tieClaims = []struct {
	article        int
	speaker, about tieName
	cue, content   string
}{
	{0, tAster, tHub, "said", "Hub Council would fall"},
	{2, tHub, tElm, "said", "Elm Front was finished"},
}

func tieClaimID(content string) string { return graph.ClaimID(graph.NormalizeClaim(content)) }

// tieWorld returns the three articles of the tie world.
func tieWorld(t testing.TB) []*graph.Extraction {
	var xs []*graph.Extraction
	for i, date := range tieDates {
		var sentences []string
		type cited struct {
			tie      tie
			sentence string
		}
		var cites []cited
		for _, tt := range ties {
			if i < tt.citations {
				s := fmt.Sprintf("%s %s %s", tt.from, tt.verb, tt.to)
				sentences = append(sentences, s+".")
				cites = append(cites, cited{tt, s})
			}
		}
		type said struct {
			speaker, about tieName
			cue, content   string
		}
		var claims []said
		for _, c := range tieClaims {
			if c.article == i {
				sentences = append(sentences, fmt.Sprintf("%s %s %s.", c.speaker, c.cue, c.content))
				claims = append(claims, said{c.speaker, c.about, c.cue, c.content})
			}
		}
		text := strings.Join(sentences, " ")
		b := article(t, fmt.Sprintf("https://ties.example/%d", i), tieOutlets[i], fmt.Sprintf("Ties %d", i), date, text)
		declared := map[tieName]bool{}
		seen := map[tieName]int{} // occurrences of each name cited so far
		declare := func(n tieName) {
			if !declared[n] {
				declared[n] = true
				b.entity(n.kind(), string(n))
			}
			b.mention(n.id(), string(n), seen[n], "")
			seen[n]++
		}
		for _, c := range cites {
			declare(c.tie.from)
			declare(c.tie.to)
			b.relationship(c.tie.typ, c.tie.from.id(), c.tie.to.id(), c.sentence, c.tie.verb, c.tie.conf)
		}
		for _, c := range claims {
			declare(c.speaker)
			if c.about != c.speaker {
				declare(c.about)
			}
			b.claim(c.content, string(c.speaker), c.cue, false, []string{c.speaker.id()}, []string{c.about.id()}, 0.8)
		}
		xs = append(xs, b.build())
	}
	return xs
}
