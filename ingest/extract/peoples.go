package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The plural of a people's adjective names people: "Kestrelians",
// "Afghans", "the Greeks". The tagger, which learnt CoNLL's habit of
// typing them MISC, sometimes gives them a place's or a body's type
// instead; GUM and ACE type them as people in context. The adjective is
// known from the gazetteer, whose places carry their adjectives as
// aliases ("Greek" for Greece); adherents of the large religions are
// peoples the same way. The entity keeps its kind.

// adherents name the followers of a religion, which are peoples too.
var adherents = setOf("Muslims", "Christians", "Jews", "Hindus", "Buddhists", "Sikhs", "Catholics",
	"Protestants")

// peopleKinds sets InCtx to PERSON on one-word mentions, not yet given a
// kind in context, that are the plural of a people's adjective, and to
// ORGANIZATION on places that name a denomination.
func (d *doc) peopleKinds() {
	for _, m := range d.mentions {
		if m.Anaphor || m.Other != nil || m.Ent == nil || m.InCtx != "" || m.T1-m.T0 != 1 || m.Ent.Kind == graph.Person {
			continue
		}
		if w := d.words[m.T0]; adherents[w] || d.peopleAdjectivePlural(w) {
			m.InCtx = graph.Person
		}
	}
	for _, m := range d.mentions {
		if !m.Anaphor && m.Other == nil && m.Ent != nil && m.InCtx == "" && m.Ent.Kind == graph.Place && d.denomination(m.T0, m.T1) {
			m.InCtx = graph.Organization
		}
	}
}

// denominationEndings end the adjectives of denominations: "Catholic",
// "Orthodox", "Anglican", "Methodist", "Episcopal".
var denominationEndings = []string{"ic", "ox", "an", "ist", "al"}

// denomination reports whether tokens [t0, t1) name a denomination, a
// body: "Church" after an adjective of belief ("the Kestrel Orthodox
// Church"), not a church building named after a saint or a place
// ("St Vexa's Church", "Kestrel Church").
func (d *doc) denomination(t0, t1 int) bool {
	if t1-t0 < 2 || d.words[t1-1] != "Church" {
		return false
	}
	adj := d.lower[t1-2]
	for _, e := range denominationEndings {
		if strings.HasSuffix(adj, e) && len(adj) > 4 {
			return true
		}
	}
	return false
}

// peopleAdjectivePlural reports whether w, capitalised, is a plural whose
// singular is a gazetteer place's adjective (an alias that is not the
// place's own name): "Afghans" for "Afghan".
func (d *doc) peopleAdjectivePlural(w string) bool {
	if !strings.HasSuffix(w, "s") || w == strings.ToUpper(w) || !hasUpperOrDigit(w[:1]) {
		return false
	}
	if a, ok := d.x.gaz.forms[strings.ToLower(w)]; ok && a.entry.Kind == graph.Place {
		return false // "Bahamas", "Americas": a place's own name
	}
	one := strings.TrimSuffix(w, "s")
	if strings.HasSuffix(one, "a") {
		return false // "Americas": a place's name in -a, not an adjective
	}
	a, ok := d.x.gaz.forms[strings.ToLower(one)]
	return ok && !a.primary && a.entry.Kind == graph.Place && !abbreviation(one)
}
