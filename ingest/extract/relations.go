package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// triggerRole in a pattern's roles gives the entity its trigger word as a
// role: "X, leader of Y" makes X a "leader".
const triggerRole = "$trigger"

// kindsOf says which entity kinds each end of a relationship may have.
var kindsOf = map[graph.RelationType][2][]graph.EntityKind{
	graph.RivalOf:    {actors, actors},
	graph.AlliedWith: {actors, actors},
	graph.BranchOf:   {groups, groups},
	graph.MemberOf:   {{graph.Person, graph.Group, graph.Organization}, {graph.Group, graph.Organization, graph.Outlet}},
	graph.Attacked:   {actors, {graph.Person, graph.Group, graph.Organization, graph.Place, graph.Outlet}},
	graph.Hosted:     {{graph.Person}, {graph.Program, graph.Outlet}},
	graph.AppearedOn: {{graph.Person}, {graph.Program, graph.Outlet}},
	graph.LocatedIn:  {{graph.Group, graph.Organization, graph.Place, graph.Outlet}, {graph.Place}},
	graph.LeaderOf:   {{graph.Person}, {graph.Group, graph.Organization, graph.Place, graph.Outlet}},
	graph.PartOf:     {{graph.Program, graph.Outlet}, {graph.Outlet, graph.Organization}},
}

var (
	actors = []graph.EntityKind{graph.Person, graph.Group, graph.Organization, graph.Place}
	groups = []graph.EntityKind{graph.Group, graph.Organization}
)

func kindIn(k graph.EntityKind, ks []graph.EntityKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// findRelations runs the relation patterns over every sentence that holds
// at least two entity slots and one of a pattern's key words.
func (d *doc) findRelations() {
	keys := keyCache{state: make([]int8, len(relKeys))}
	for si := range d.sents {
		ms := d.bySent[si]
		if len(ms) < 2 && !(len(ms) == 1 && ms[0].Other != nil) {
			continue
		}
		keys.reset(strings.ToLower(d.sentenceText(si)))
		var a *abstract
		for pi := range compiledRels {
			p := &compiledRels[pi]
			if !keys.any(p.keyIdx) {
				continue
			}
			if a == nil {
				a = d.abstractOf(si)
			}
			for _, m := range p.re.findAllIn(a, -1) {
				d.relationMatch(si, a, p, m)
			}
		}
	}
	sort.SliceStable(d.rels, func(i, j int) bool {
		x, y := d.rels[i], d.rels[j]
		if x.Citation.Start != y.Citation.Start {
			return x.Citation.Start < y.Citation.Start
		}
		if x.Type != y.Type {
			return x.Type < y.Type
		}
		if x.SourceID != y.SourceID {
			return x.SourceID < y.SourceID
		}
		return x.TargetID < y.TargetID
	})
}

// keyCache answers whether a sentence holds relation key words, searching
// the sentence for each distinct key at most once.
type keyCache struct {
	low   string
	pairs bytePairs // rules most keys out without a search
	state []int8    // per relKeys entry: 0 not searched yet, 1 found, 2 absent
}

func (c *keyCache) reset(low string) {
	c.low = low
	c.pairs.set(low)
	clear(c.state)
}

// any reports whether the sentence holds one of the keys at idx (true for
// none, as hasAny).
func (c *keyCache) any(idx []int) bool {
	for _, i := range idx {
		if c.state[i] == 0 {
			c.state[i] = 2
			if c.pairs.mayHold(relKeys[i]) && strings.Contains(c.low, relKeys[i]) {
				c.state[i] = 1
			}
		}
		if c.state[i] == 1 {
			return true
		}
	}
	return len(idx) == 0
}

// relationMatch turns one pattern match into relationship evidence.
func (d *doc) relationMatch(si int, a *abstract, p *compiledRel, m []int) {
	group := func(name string) (int, int) {
		i := p.re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return -1, -1
		}
		return m[2*i], m[2*i+1]
	}
	var trig []string
	for _, n := range []string{"t", "t2"} {
		if b0, b1 := group(n); b0 >= 0 {
			t0, t1 := a.tokens(b0, b1)
			trig = append(trig, d.span(t0, t1).Text)
		}
	}
	// The evidence span runs from the first to the last word matched,
	// without the separating spaces the pattern consumes at its ends.
	b0, b1 := m[0], m[1]
	for b0 < b1 && a.s[b0] == ' ' {
		b0++
	}
	for b1 > b0 && a.s[b1-1] == ' ' {
		b1--
	}
	t0, t1 := a.tokens(b0, b1)
	for _, o := range p.out {
		s0, s1 := group(o.src)
		g0, g1 := group(o.tgt)
		s, t := a.slotAt(s0, s1), a.slotAt(g0, g1)
		if s == nil || t == nil || s.ent == t.ent {
			continue
		}
		ks := kindsOf[o.typ]
		if !kindIn(s.ent.Kind, ks[0]) || !kindIn(t.ent.Kind, ks[1]) {
			continue
		}
		var first string
		if len(trig) > 0 {
			first = trig[0]
		}
		if p.name == "located-comma" && d.headlineLine(si) {
			// "Kestrel, Vexa in talks": a headline's comma joins a list,
			// as "and" would; a line of the two names alone is an
			// address ("Vexa Park, Kestrel").
			if _, e := a.tokens(g0, g1); e < d.sents[si].T1 {
				continue
			}
		}
		if !d.relationPlausible(p, o.typ, first, a, [2]int{s0, s1}, [2]int{g0, g1}, m[0], m[1], s, t) {
			continue
		}
		conf := o.conf
		if s.m.Anaphor || t.m.Anaphor {
			conf *= 0.8
		}
		if o.typ == graph.Attacked && s.ent.Kind == graph.Person && t.ent.Kind != graph.Person {
			conf *= 0.6 // "X attacked the plan": people attack in words more often than in arms
		}
		d.addRelation(graph.RelationshipEvidence{
			Type: o.typ, SourceID: s.ent.ID, TargetID: t.ent.ID,
			Citation: d.citation(si, t0, t1, strings.Join(trig, " … "), p.name, conf),
		})
		for grp, role := range p.roles {
			if grp == o.src {
				if role == triggerRole && len(trig) > 0 {
					role = strings.ToLower(trig[0])
				}
				s.ent.addRole(role)
			}
		}
	}
}

// addRelation keeps one piece of evidence per relationship and sentence,
// the most confident.
func (d *doc) addRelation(r graph.RelationshipEvidence) {
	src, tgt := r.SourceID, r.TargetID
	if !r.Type.Directed() && tgt < src {
		src, tgt = tgt, src
	}
	key := string(r.Type) + "|" + src + "|" + tgt + "|" + strconv.Itoa(r.Citation.SentenceIndex)
	if d.relSeen[key] {
		// Evidence is added sentence by sentence: the duplicate is near the end.
		for i := len(d.rels) - 1; i >= 0 && d.rels[i].Citation.SentenceIndex == r.Citation.SentenceIndex; i-- {
			x := &d.rels[i]
			if x.ID() == r.ID() && r.Citation.Confidence > x.Citation.Confidence {
				*x = r
			}
		}
		return
	}
	d.relSeen[key] = true
	d.rels = append(d.rels, r)
}
