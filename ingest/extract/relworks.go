package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Names that are no actors although the tagger types them as bodies:
// titles of works (films, albums, novels), a premodifier of a title cut
// from it ("Supreme" of "Supreme Leader"), a party's portfolio ("Kestrel
// Party Treasury spokesman"), the tail of a name whose owner's possessive
// belongs to it ("Kestrel's Shopping Centre"), and a broadcaster's
// numbered channels, which are outlets ("Kestrel Two").

// titleModifiers premodify titles of office and are no names on their
// own: "Supreme Leader", "High Commissioner", "Permanent Secretary",
// "First Minister".
var titleModifiers = setOf("supreme", "high", "grand", "chief", "principal", "permanent", "presiding",
	"honorary", "senior", "junior", "interim", "acting", "deputy")

// workNouns in apposition before a name say it is a work: "the film
// Kestrel", "boxing drama Kestrel", "her album Vexa".
var workNouns = setOf("film", "films", "movie", "movies", "musical", "album", "albums", "novel", "play",
	"sitcom", "drama", "documentary", "opera", "single", "song", "book", "biopic", "comedy", "thriller",
	"blockbuster", "animation", "cartoon", "epic", "sequel", "remake", "soundtrack", "ballad", "memoir")

// workVerbs before "in" take a work as their place: "she starred in
// Kestrel", "his role in Vexa".
var workVerbs = setOf("starred", "stars", "starring", "star", "role", "roles", "appears", "appeared", "appearing",
	"performance", "cameo", "cast")

// markWorks flags the tagger's bodies that the article names as works:
// a work's noun in apposition before a mention ("the film X"), a work's
// verb and "in" before it ("starred in X"), or "starring" after it. A
// film, an album or a novel has cast and authors, no members, leaders or
// seat; CoNLL, which the tagger learnt from, types such titles MISC, and
// the graph keeps no kind for them.
func (d *doc) markWorks() {
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || e.Gaz != nil || m.Kind == graph.Person || m.Rule != d.x.tagger.Name() {
			continue
		}
		t := m.T0
		if t >= 1 && (d.lower[t-1] == "the" || d.lower[t-1] == "a") {
			t--
		}
		switch {
		case t >= 1 && workNouns[d.lower[t-1]] && !d.nameWord(t-1):
			e.work = true
		case t >= 2 && d.lower[t-1] == "in" && workVerbs[d.lower[t-2]]:
			e.work = true
		case m.T1+1 < len(d.lower) && d.lower[m.T1] == "," && d.lower[m.T1+1] == "starring",
			m.T1 < len(d.lower) && d.lower[m.T1] == "starring":
			e.work = true
		}
	}
}

// numberedChannel reports whether a name is a broadcaster's name and a
// numeral ("Kestrel Two", "Vexa 4"): a channel, so an outlet.
func (d *doc) numberedChannel(name string) bool {
	f := strings.Fields(name)
	if len(f) == 1 {
		// "Kestrel1": the broadcaster's name and the channel's numeral
		// written as one word.
		base := strings.TrimRight(f[0], "0123456789")
		if n := len(f[0]) - len(base); n == 0 || n > 2 || base == "" {
			return false
		}
		f = []string{base, f[0][len(base):]}
	}
	if len(f) < 2 || !numeralWord(strings.ToLower(f[len(f)-1])) {
		return false
	}
	if head := strings.ToLower(f[0]); head == "channel" || head == "radio" {
		return true
	}
	a, ok := d.x.gaz.forms[formKey(strings.Join(f[:len(f)-1], " "))]
	return ok && a.entry.Kind == graph.Outlet
}

// numeralWord reports whether w is a numeral of one to ten, in words or
// digits.
func numeralWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"1", "2", "3", "4", "5", "6", "7", "8", "9", "10":
		return true
	}
	return false
}

// partyPortfolio reports whether the body's slot at byte range b is a
// name and a field of government before a spokesman's title ("Kestrel
// Party Treasury spokesman", "Vexa Health spokeswoman"): a party's brief
// read into its name. A place's name before the field makes a state's
// body ("US Treasury spokesman").
func (d *doc) partyPortfolio(a *abstract, b [2]int, e *entity) bool {
	if e.Kind == graph.Person || e.Kind == graph.Place || e.Gaz != nil {
		return false
	}
	f := strings.Fields(e.Name)
	if len(f) < 2 {
		return false
	}
	if last := strings.ToLower(f[len(f)-1]); !portfolioFields[last] && last != "treasury" && last != "home" && last != "foreign" {
		return false
	}
	for _, w := range f {
		if portfolioBodies[strings.ToLower(w)] {
			return false // "Department of Trade and Industry Secretary": the body is named
		}
	}
	next := a.itemAfter(b[1])
	if next < 0 || !strings.HasPrefix(a.word(next), "spokes") && a.word(next) != "secretary" && a.word(next) != "minister" {
		return false
	}
	g, ok := d.x.gaz.forms[formKey(strings.Join(f[:len(f)-1], " "))]
	return !ok || g.entry.Kind != graph.Place
}

// possessiveTail reports whether the slot at byte range b follows a
// possessive and its entity's name is only a generic head ("Shopping
// Centre", "Auction House"): a head word of bodies last, and words before
// it that the article also writes in lower case. Such a name is the tail
// of a longer one whose first part owns it ("St Kestrel's Shopping
// Centre"), unless the owner is a known place: "Norway's Oil Ministry" is
// the ministry of that state.
func (d *doc) possessiveTail(a *abstract, b [2]int, e *entity) bool {
	i := a.item(b[0])
	if i < 2 || (a.word(i-1) != "'s" && a.word(i-1) != "'") || e.Kind == graph.Person {
		return false
	}
	if o := a.slotAt(a.pos[i-2], a.pos[i-2]+len(a.word(i-2))); o != nil && o.ent.Gaz != nil && o.ent.Gaz.Kind == graph.Place {
		return false
	}
	f := strings.Fields(strings.ToLower(e.Name))
	if len(f) < 2 || !orgHeads[f[len(f)-1]] {
		return false
	}
	for _, w := range f[:len(f)-1] {
		if !d.lowered[w] && !orgHeads[w] {
			return false
		}
	}
	return true
}

// unitNoun reports whether w, singular or plural, names a unit or a part
// of a body: "the country's Army regiments" are the army's units there,
// not the army.
func unitNoun(w string) bool {
	if partNouns[w] || unitNouns[w] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "es"); ok && (partNouns[s] || unitNouns[s]) {
		return true
	}
	s := strings.TrimSuffix(w, "s")
	return partNouns[s] || unitNouns[s]
}

// unitNouns are the units of armed forces and the parts of bodies that
// partNouns leaves out.
var unitNouns = setOf("regiment", "battalion", "brigade", "squadron", "platoon", "corps", "fleet", "garrison",
	"branch", "wing", "section")
