package extract

import "github.com/newsgraph/newsgraph/graph"

// An office written with capitals is often taken by the tagger for a
// body: "the Kestrel Health Secretary", "Minister of Roads", "the Vexa
// Sheriff". The name stands for the person who holds the office (GUM and
// ACE type it so in context: a person); the body behind it is named
// elsewhere ("the Health Ministry"). The entity keeps its kind, so CoNLL,
// which labels such titles O or by their body, cannot move.

// officeHeads end an office's title, or begin it before "of" or "for".
var officeHeads = setOf("secretary", "spokesperson", "spokesman", "spokeswoman", "commissioner", "sheriff",
	"minister", "president", "chancellor", "ambassador", "governor", "mayor", "envoy", "prosecutor",
	"chairman", "chairwoman", "premier", "senator")

// officeKinds sets InCtx to PERSON on the mentions of bodies whose name
// is an office's title: its last word an office's head and no "of" in it
// ("Kestrel Health Secretary"; not "Office of the President"), or its
// first word one before "of" or "for" ("Secretary of Roads").
func (d *doc) officeKinds() {
	for _, m := range d.mentions {
		if m.Anaphor || m.Other != nil || m.Ent == nil || m.InCtx != "" || m.T1-m.T0 < 2 ||
			!sameKindFamily(m.Ent.Kind, graph.Organization) {
			continue
		}
		office := officeHeads[d.lower[m.T1-1]]
		for t := m.T0; t < m.T1 && office; t++ {
			office = d.lower[t] != "of"
		}
		if !office && officeHeads[d.lower[m.T0]] && (d.lower[m.T0+1] == "of" || d.lower[m.T0+1] == "for") {
			office = true
		}
		if office {
			m.InCtx = graph.Person
		}
	}
}
