package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// An article names a thing in full once and then repeats the name where
// the tagger, reading one sentence at a time, sees no name: as a modifier
// ("two Kestrel officials", "a Kestrel lawyer"), or at a sentence's start.
// A name the article gives an entity elsewhere, written the same way,
// with no capitalised word next to it (which would make it part of a
// longer name) and no mention on it, is that entity again (one sense per
// discourse). A one-word name the article also writes in lower case is a
// common word there. Like nested names these mentions are added to the
// output only, with the rule "repeat": relations and claims were found
// without them.

// repeatRule is the rule name of repeated names.
const repeatRule = "repeat"

// addRepeats appends the mentions of repeated names to x.
func (d *doc) addRepeats(x *graph.Extraction) {
	covered := make([]bool, len(d.words))
	owner := map[string]*entity{} // a form, written as in the text -> its one entity
	var ambiguous map[string]bool
	inCtx := map[*entity]graph.EntityKind{}
	longest := map[string]int{} // first word -> longest form in tokens
	for _, m := range d.mentions {
		for t := m.T0; t < m.T1; t++ {
			covered[t] = true
		}
		if m.Anaphor || m.Other != nil || m.Ent == nil {
			continue
		}
		if m.InCtx != "" {
			inCtx[m.Ent] = m.InCtx
		}
		f := strings.Join(d.words[m.T0:m.T1], " ")
		if o := owner[f]; o != nil && o != m.Ent {
			if ambiguous == nil {
				ambiguous = map[string]bool{}
			}
			ambiguous[f] = true
		}
		owner[f] = m.Ent
		longest[d.words[m.T0]] = max(longest[d.words[m.T0]], m.T1-m.T0)
	}
	heads := d.headNames()
	for si, s := range d.sents {
		for t := s.T0; t < s.T1; t++ {
			if e := heads[d.words[t]]; e != nil && !covered[t] && t > s.T0 && d.lower[t-1] == "the" &&
				!(t+1 < s.T1 && (hasUpperOrDigit(d.words[t+1]) || d.lower[t+1] == "of")) {
				x.Mentions = append(x.Mentions, graph.Mention{
					EntityID: e.ID, Text: d.span(t, t+1).Text,
					Citation: d.citation(si, t, t+1, "", repeatRule, e.conf),
				})
				continue
			}
			n := longest[d.words[t]]
			if n == 0 || covered[t] || t > s.T0 && hasUpperOrDigit(d.words[t-1]) {
				continue
			}
			for ; n >= 1; n-- {
				e, ok := d.repeatAt(s, t, n, owner, covered)
				if !ok || ambiguous[strings.Join(d.words[t:t+n], " ")] {
					continue
				}
				kic := inCtx[e]
				if e.Kind == graph.Place && kic == "" || e.Kind == graph.Person && kic == "" && !strings.Contains(e.Name, " ") {
					// The tagger seldom misses a place or a person; a name it
					// took for a place, or for a person never named in full, and
					// missed elsewhere is most often of another kind.
					break
				}
				if d.locative(t) {
					kic = ""
				}
				x.Mentions = append(x.Mentions, graph.Mention{
					EntityID: e.ID, Text: d.span(t, t+n).Text, KindInContext: kic,
					Citation: d.citation(si, t, t+n, "", repeatRule, e.conf),
				})
				t += n - 1
				break
			}
		}
	}
}

// repeatAt returns the entity whose form of n tokens stands, alone, at
// token t of sentence s.
func (d *doc) repeatAt(s sentence, t, n int, owner map[string]*entity, covered []bool) (*entity, bool) {
	if t+n > s.T1 || t+n < s.T1 && hasUpperOrDigit(d.words[t+n]) {
		return nil, false
	}
	for u := t; u < t+n; u++ {
		if covered[u] {
			return nil, false
		}
	}
	e := owner[strings.Join(d.words[t:t+n], " ")]
	if e == nil || n == 1 && (d.lowered[d.lower[t]] || len(d.words[t]) < 3) {
		return nil, false
	}
	return e, true
}

// headNames maps the head word of each body named "Head of Name" to the
// body, where one body of the article has that head: "the Church" after
// "Church of Kestrel", "the Municipality" after "Municipality of Vexa". A
// capitalised head after "the" is a short form of the name, as "the
// church" in lower case would be a common noun. Heads before a modifier
// ("Vexa Town Council") are left out: "the Council" there may be another
// council of the article.
func (d *doc) headNames() map[string]*entity {
	heads := map[string]*entity{}
	for _, e := range d.ents {
		if e.Kind != graph.Organization && e.Kind != graph.Group {
			continue
		}
		f := strings.Fields(e.Name)
		if len(f) < 2 {
			continue
		}
		i := slices.Index(f, "of")
		if i != 1 {
			continue
		}
		h := f[0]
		if o, ok := heads[h]; ok && o != e {
			heads[h] = nil // two bodies share the head: neither is meant
			continue
		}
		heads[h] = e
	}
	return heads
}
