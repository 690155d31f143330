package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// Names nest: "University of Texas" names a university and, inside it, a
// state; "Andy Warhol Foundation" a foundation and a person. The
// extractor's mentions never overlap (relations and claims read them in
// text order), so the names inside are added to the output only, after
// the others, with the rule "nested": a known place that begins a longer
// name ("US National Science Foundation", "Mexico City") or follows its
// "of", after a qualifier or not ("University of North Carolina at
// Greensboro", "University of Southern Indiana"), and a person the
// article names elsewhere whose full name begins it ("Andy Warhol
// Foundation"). A person's name holds none ("Paris Hilton"). Schemes that
// do not nest (CoNLL) keep the outer name: a scorer that labels tokens
// once sees the outer mention first.

// nestedRule is the rule name of mentions inside longer names.
const nestedRule = "nested"

// nestedSpan is a name inside a mention: tokens [t0, t1) and its entity.
type nestedSpan struct {
	t0, t1 int
	ent    graph.Entity
}

// nestedNames returns the names inside mention m.
func (d *doc) nestedNames(m *mention, people map[string]*entity) []nestedSpan {
	if m.Anaphor || m.Ent == nil || m.Ent.Kind == graph.Person || m.T1-m.T0 < 2 {
		return nil
	}
	var out []nestedSpan
	// A person named in full elsewhere, or a known place, beginning the name.
	for l := m.T1 - m.T0 - 1; l >= 1; l-- {
		if e := people[graph.CanonicalKey(d.span(m.T0, m.T0+l).Text)]; e != nil && l >= 2 && e != m.Ent {
			out = append(out, nestedSpan{m.T0, m.T0 + l, graph.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name}})
			break
		}
		if isTitle(d.lower[m.T0+l]) || roleNouns[d.lower[m.T0+l]] {
			continue // "US President": a title, not a name
		}
		if g := d.gazPlace(m.T0, m.T0+l); g != nil && m.Ent.Gaz != g {
			out = append(out, nestedSpan{m.T0, m.T0 + l, gazEntity(g)})
			break
		}
	}
	// A known place after the name's "of", up to its end or a connector.
	for t := m.T0 + 1; t < m.T1-1; t++ {
		if d.lower[t] != "of" {
			continue
		}
		end := m.T1
		for u := t + 1; u < m.T1; u++ {
			if d.lower[u] == "at" || d.lower[u] == "in" || d.lower[u] == "and" || d.lower[u] == "of" {
				end = u
				break
			}
		}
		// The place may follow a qualifier: "University of Southern Kestrel".
		for b := t + 1; b < end; b++ {
			if g, e := d.longestGazPlace(b, end); g != nil && m.Ent.Gaz != g {
				out = append(out, nestedSpan{b, e, gazEntity(g)})
				break
			}
		}
		break
	}
	return out
}

// longestGazPlace returns the longest gazetteer place starting at token b
// and ending by token end, and its end; nil if there is none.
func (d *doc) longestGazPlace(b, end int) (*gazEntry, int) {
	for e := end; e > b; e-- {
		if g := d.gazPlace(b, e); g != nil {
			return g, e
		}
	}
	return nil, 0
}

// gazPlace returns the gazetteer place written at tokens [t0, t1), every
// word capitalised, by its own name or an abbreviation ("US", "L.A."),
// or nil: other aliases include adjectives ("Greek"), which name no place.
func (d *doc) gazPlace(t0, t1 int) *gazEntry {
	for t := t0; t < t1; t++ {
		if !hasUpperOrDigit(d.words[t]) {
			return nil
		}
	}
	a, ok := d.x.gaz.forms[strings.Join(d.lower[t0:t1], " ")]
	if !ok || a.entry.Kind != graph.Place || a.exact != "" && strings.Join(d.words[t0:t1], " ") != a.exact {
		return nil
	}
	if !a.primary && (t1-t0 != 1 || !abbreviation(d.words[t0])) || t1-t0 == 1 && demonymShaped(d.lower[t0]) {
		return nil
	}
	return a.entry
}

// gazEntity is the graph entity of a gazetteer entry, with the id the
// extractor gives it when it is mentioned on its own.
func gazEntity(g *gazEntry) graph.Entity {
	e := graph.Entity{ID: graph.EntityID(g.Kind, graph.CanonicalKey(g.Name)), Kind: g.Kind, Name: g.Name}
	if g.QID != "" {
		e.ExternalIDs = map[string]string{"wikidata": g.QID}
	}
	return e
}

// addNested appends the mentions of names inside other names to x, and
// the entities they name that x does not hold yet.
func (d *doc) addNested(x *graph.Extraction) {
	people := map[string]*entity{}
	for _, e := range d.ents {
		if e.Kind == graph.Person && strings.Contains(e.Name, " ") {
			people[graph.CanonicalKey(e.Name)] = e
		}
	}
	have := map[string]bool{}
	for _, e := range x.Entities {
		have[e.ID] = true
	}
	for _, m := range d.mentions {
		for _, n := range d.nestedNames(m, people) {
			if !have[n.ent.ID] {
				have[n.ent.ID] = true
				x.Entities = append(x.Entities, n.ent)
			}
			x.Mentions = append(x.Mentions, graph.Mention{
				EntityID: n.ent.ID, Text: d.span(n.t0, n.t1).Text,
				Citation: d.citation(m.Sent, n.t0, n.t1, "", nestedRule, m.Conf),
			})
		}
	}
}

// demonymShaped reports whether a word has the ending of a people's
// adjective ("Welsh", "Danish", "Japanese"), which some small places share
// as their names but which, before another name, is an adjective.
func demonymShaped(w string) bool {
	return strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "sh") && len(w) <= 6 || strings.HasSuffix(w, "ese")
}

// abbreviation reports whether a word is written in capitals and dots
// only: "US", "U.S.", "LA".
func abbreviation(w string) bool {
	for _, r := range w {
		if r != '.' && !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}
