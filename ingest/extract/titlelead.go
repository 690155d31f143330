package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// The tagger learnt from CoNLL, whose people are rarely written with a
// title, so it often reads "Mr Dale", "Dr Berg" or "Chancellor Ann Dale"
// as a body or a place. Left so, the title stays in the name ("Mr Dale",
// typed PLACE) and the mention never joins the person the article named
// in full. Two contexts say a person whatever the tagger read.

// honorifics are titles that only people bear: whatever capitalised name
// follows one is a person's ("Mr Cable", "Dame Kestrel"). Office titles
// ("General", "Premier", "Justice") also begin names of bodies ("General
// Motors", "Premier League"), so they need a given name after them.
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "baroness", "baron", "prof", "professor")

// peers are the honorifics of peers, whose names may carry a territorial
// designation ("Lord Kestrel of Harwick").
var peers = setOf("lord", "lady", "baroness", "baron")

// titleLedSpan returns the personal name inside a span that the tagger
// typed other than PER and that starts with a title: an honorific and
// capitalised words, or an office title and a given name ("Chancellor
// Gordon Dale"). The title itself is left out of the name, as it is of
// names the tagger types PER, so that "Mr Dale" joins "Ann Dale".
func (d *doc) titleLedSpan(words []string, sp ner.Span) (ner.Span, bool) {
	if sp.Label == "PER" || sp.End-sp.Start < 2 || !hasUpperOrDigit(words[sp.Start]) {
		return sp, false
	}
	title := strings.TrimSuffix(lowerASCII(words[sp.Start]), ".")
	role := !isTitle(title) && isRoleNoun(title) // "Singer Sam Endicott": a role, and a given name after it
	if !isTitle(title) && !role || len(title) > 1 && strings.ToUpper(words[sp.Start]) == words[sp.Start] {
		// "DR Congo": a title is written in title case.
		return sp, false
	}
	k := sp.Start + 1
	if words[k] == "." {
		k++ // "Dr . Berg" as the tokenizer splits it
	}
	name := words[k:sp.End]
	if peers[title] && len(name) == 3 && name[1] == "of" && d.plainName(name[:1]) && d.plainName(name[2:]) {
		// "Lord Kestrel of Harwick": a peer's name and his territorial
		// designation; the person is "Kestrel", as "Lord Kestrel" is.
		return ner.Span{Start: k, End: k + 1, Label: "PER"}, true
	}
	if len(name) == 0 || len(name) > 3 || !d.plainName(name) || title == "miss" && len(name) == 1 && d.pageantWord(name[0]) {
		return sp, false
	}
	if (role || !honorifics[title]) && givenNameGender(strings.Join(name, " ")) == 0 {
		return sp, false
	}
	if peers[title] && len(name) == 1 && d.placeForm(name[0]) {
		// "Baroness Scotland": without the title the name is a place's,
		// and the person would take the country's mentions.
		return sp, false
	}
	return ner.Span{Start: k, End: sp.End, Label: "PER"}, true
}

// officeTitles are the titles of offices held by one person: after one,
// a single capitalised word is the holder's name ("Vice President
// Lien"). Titles that also head bodies and works ("General", "Chief",
// "King") need a full name after them.
var officeTitles = setOf("president", "minister", "secretary", "chancellor", "premier", "senator", "ambassador",
	"governor", "mayor", "envoy")

// officeHolderSpans splits a name the tagger read as a body or a place
// across an office and its holder: "Kestrelian Deputy Prime Minister
// Ana Ruiz", "Kestrelian Vice President Ruiz", "the Kestrel Party of
// Prime Minister Ana Ruiz". The holder is a person; the words of the office
// are no name; what stands before them is kept as a name of its own
// when it is one (two words or more, or a place's name), not a bare
// adjective of nationality.
func (d *doc) officeHolderSpans(words []string, sp ner.Span) []ner.Span {
	for k := sp.End - 2; k > sp.Start; k-- {
		w := lowerASCII(words[k])
		if titles[w] == "" || !hasUpperOrDigit(words[k]) {
			continue
		}
		name := words[k+1 : sp.End]
		if len(name) > 3 || !d.plainName(name) {
			return []ner.Span{sp}
		}
		if len(name) == 1 && (!officeTitles[w] || d.lowered[lowerASCII(name[0])]) ||
			len(name) > 1 && !officeTitles[w] && givenNameGender(strings.Join(name, " ")) == 0 {
			return []ner.Span{sp}
		}
		p := k
		for p > sp.Start && (isTitle(lowerASCII(words[p-1])) || roleModifiers[lowerASCII(words[p-1])]) {
			p--
		}
		for p > sp.Start && connectors[lowerASCII(words[p-1])] {
			p--
		}
		var out []ner.Span
		if p-sp.Start >= 2 && !d.commonWords(words[sp.Start:p]) || p-sp.Start == 1 && d.placeName(words[sp.Start]) {
			out = append(out, ner.Span{Start: sp.Start, End: p, Label: sp.Label})
		}
		return append(out, ner.Span{Start: k + 1, End: sp.End, Label: "PER"})
	}
	return []ner.Span{sp}
}

// appositionPersons votes a person, outvoting the tagger, for a name of
// two or three plain words that it typed a body or a place when a
// person's role stands in apposition right after it: "Kim Dale, spokesman
// for Kestrel, said", "Kim Dale, Vexa's health spokesman, said". A body is
// described by what it is ("Kestrel, the retailer"), not by an office.
func (d *doc) appositionPersons() {
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Kind == graph.Person || m.Rule != d.x.tagger.Name() {
			continue
		}
		if n := m.T1 - m.T0; n < 2 || n > 3 || !d.plainName(d.words[m.T0:m.T1]) {
			continue
		}
		if d.roleInApposition(m.T1) || d.roleBeforeGivenName(m) {
			e.kindVot[graph.Person] += e.kindVot[graph.Organization] + e.kindVot[graph.Place] + e.kindVot[graph.Group] + 2*m.Conf
		}
	}
}

// appositionStops end the search for a role after a name's comma: a
// relative clause, a coordination or a participle says something else of
// it ("the Kestrel Award, named after the director"; "her role in
// Kestrel, winning best actress").
var appositionStops = setOf("who", "whose", "which", "that", "where", "and", "or", "but", "is", "was", "has", "had",
	"named", "called", "known", "founded", "based", "owned", "run", "led", "headed", "set")

// roleParticiples are the words in -ing that begin a role rather than a
// participle clause ("managing director").
var roleParticiples = setOf("managing", "acting", "leading", "founding", "visiting", "presiding", "consulting")

// roleBeforeGivenName reports whether a name that starts with a given name
// follows a person's role written in lower case: "the BBC's correspondent
// Simon Hall", "spokesman Tom Hale". The tagger reads such a name a body
// when its surname is also a building's or a firm's word ("Hall").
func (d *doc) roleBeforeGivenName(m *mention) bool {
	if m.T0 == 0 || !isRoleNoun(d.words[m.T0-1]) {
		return false // lower case only: "Singer" at a sentence's start is titleLedSpan's
	}
	return givenNameGender(strings.Join(d.words[m.T0:m.T1], " ")) != 0
}

// roleFollowers may follow the role noun that heads an apposition: its
// body ("for", "of", "at"), the end of the apposition, or the speech
// verb of the sentence when the closing comma is left out.
var roleFollowers = setOf(",", "for", "of", "at", "with", "said", "says", "told", "added", ":", ".")

// roleInApposition reports whether token t is a comma that opens an
// apposition headed by a person's role: up to five words of modifiers
// (names, possessives, adjectives) and a role noun that ends the phrase.
func (d *doc) roleInApposition(t int) bool {
	if t >= len(d.lower) || d.lower[t] != "," {
		return false
	}
	for i := t + 1; i < len(d.lower) && i <= t+6; i++ {
		w := d.lower[i]
		if appositionStops[w] || strings.HasSuffix(w, "ing") && !roleParticiples[w] || w == "," || w == "." || w == ";" || w == ":" || w == "(" {
			return false
		}
		if isRoleNoun(w) && (i+1 == len(d.lower) || roleFollowers[d.lower[i+1]]) {
			return true
		}
	}
	return false
}

// placeForm reports whether the gazetteer knows w as a place's name.
func (d *doc) placeForm(w string) bool {
	a, ok := d.x.gaz.forms[formKey(w)]
	return ok && a.entry.Kind == graph.Place
}

// placeName reports whether w names a place the gazetteer knows by its
// own name or an abbreviation ("Norway", "U.S."), not by an adjective
// ("Taiwanese"), which it also lists among the place's forms.
func (d *doc) placeName(w string) bool {
	a, ok := d.x.gaz.forms[formKey(w)]
	return ok && a.entry.Kind == graph.Place && (a.primary || strings.Contains(w, ".") || isAcronym(w))
}

// pageantWord reports whether w after "Miss" makes a pageant's title
// ("Miss Universe", "Miss Poland"): a word written in lower case or a
// place's name is no woman's surname.
func (d *doc) pageantWord(w string) bool {
	return pageants[lowerASCII(w)] || d.commonWords([]string{w}) || d.placeName(w)
}

// pageants name the international beauty pageants after "Miss".
var pageants = setOf("universe", "world", "earth", "international")
