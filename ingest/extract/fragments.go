package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// A name the tagger finds may be only part of a longer group name the
// article uses elsewhere: "Khorasan Province" of "Islamic State Khorasan
// Province", "Ridge Brigades" of "Eastern Ridge Brigades". Typed on its own
// it would become a second, wrongly typed entity. fragmentOf ties it to the
// group it is part of; after a locative preposition with a place head word
// ("across Khorasan Province", "in the Tarvel Region") it names the place
// the group is named after, not the group.

// longName is a multi-word group or organisation name of the article.
type longName struct {
	words []string // canonical words
	kind  graph.EntityKind
	gaz   *gazEntry
	key   string // resolution key of the entity
}

// fragmentNames lists the multi-word group and organisation names the
// article's candidates carry, with their gazetteer aliases.
func (d *doc) fragmentNames() []longName {
	var out []longName
	seen := map[string]bool{}
	add := func(name string, kind graph.EntityKind, g *gazEntry, key string) {
		w := strings.Fields(graph.CanonicalKey(name))
		if len(w) < 3 || seen[key+"\x00"+name] || twoNamesJoined(name) {
			return
		}
		seen[key+"\x00"+name] = true
		out = append(out, longName{words: w, kind: kind, gaz: g, key: key})
	}
	for si := range d.cands {
		for _, c := range d.cands[si] {
			if c.Kind != graph.Group && c.Kind != graph.Organization {
				continue
			}
			if c.Gaz != nil {
				add(c.Gaz.Name, c.Gaz.Kind, c.Gaz, gazKey(c.Gaz))
				for _, a := range c.Gaz.Aliases {
					add(a, c.Gaz.Kind, c.Gaz, gazKey(c.Gaz))
				}
				continue
			}
			text := d.span(c.T0, c.T1).Text
			add(text, c.Kind, nil, "name:"+graph.CanonicalKey(text))
		}
	}
	return out
}

// placeHeads are head words of administrative and geographic units, which
// after a locative preposition make a name a place.
var placeHeads = setOf("province", "provinces", "region", "district", "governorate", "prefecture", "oblast",
	"county", "valley", "state", "territory", "territories")

// locativePrepositions introduce a place.
var locativePrepositions = setOf("in", "across", "throughout", "into", "within", "around", "near", "from")

// fragmentOf decides what a candidate the gazetteer does not know stands
// for when its words are a proper part of a longer group name of the
// article: the key and gazetteer entry of that group, or the kind Place
// when a locative preposition and a place head word say it is the place.
// ok is false when the candidate is no such fragment.
func (d *doc) fragmentOf(c *candidate, names []longName) (key string, g *gazEntry, kind graph.EntityKind, ok bool) {
	if c.Gaz != nil || c.T1-c.T0 < 2 || c.Kind == graph.Person || c.Kind == graph.Place {
		return "", nil, "", false
	}
	words := strings.Fields(graph.CanonicalKey(d.span(c.T0, c.T1).Text))
	for _, n := range names {
		if len(n.words) <= len(words) || !containsRun(n.words, words) {
			continue
		}
		p := c.T0 - 1
		if p >= 0 && d.lower[p] == "the" {
			p--
		}
		if p >= 0 && locativePrepositions[d.lower[p]] && placeHeads[words[len(words)-1]] {
			return "name:" + graph.CanonicalKey(d.span(c.T0, c.T1).Text), nil, graph.Place, true
		}
		return n.key, n.gaz, n.kind, true
	}
	return "", nil, "", false
}

// containsRun reports whether part occurs in whole as consecutive words.
func containsRun(whole, part []string) bool {
	for i := 0; i+len(part) <= len(whole); i++ {
		match := true
		for j := range part {
			if whole[i+j] != part[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
