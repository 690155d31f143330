package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// LOCATED_IN from "X in Y" and "X, Y" is only as good as its endpoints:
// "launch the PSP in Europe", "no WMD in Iraq" and "Modern Sounds in
// Country" put a product or a title in a place, and "Kenya, Uganda and
// Tanzania" is a list, not a city in a country.

// orgHeads are the last words of names of organisations and facilities
// that have a seat ("Waverley Local Court", "Roosevelt Hotel").
var orgHeads = setOf("court", "hotel", "university", "college", "school", "academy", "institute", "centre", "center",
	"council", "bank", "ministry", "ministries", "department", "agency", "authority", "commission", "committee", "office", "company",
	"corporation", "corp", "inc", "ltd", "plc", "group", "holdings", "museum", "gallery", "hospital", "clinic", "club",
	"airport", "stadium", "arena", "theatre", "theater", "studio", "studios", "parliament", "assembly", "police",
	"party", "union", "association", "society", "federation", "foundation", "trust", "network", "house", "hall", "park", "station",
	"church", "cathedral", "mosque", "temple", "exchange", "airline", "airlines", "airways", "embassy", "embassies",
	"consulate", "prison", "zoo", "library", "festival", "championships", "championship", "games", "prix", "open",
	"cup", "tournament", "marathon", "forces", "army", "navy", "service", "services", "board", "firm", "brigade",
	"brigades", "regiment", "factory", "plant", "mill", "mine", "port", "base", "laboratory", "laboratories", "labs")

// locationPlausible checks the endpoints of a LOCATED_IN match of pattern
// name: an organisation or group in "X in Y" needs a known name or a head
// word of organisations; two places need to be no list ("X, Y and Z",
// "from X to Y").
func (d *doc) locationPlausible(a *abstract, name string, sb, tb [2]int, s, t *slot) bool {
	bothPlaces := s.ent.Kind == graph.Place && t.ent.Kind == graph.Place
	if bothPlaces && inversePlaces(s.ent, t.ent) {
		return false
	}
	if s.ent.Kind == graph.Group && t.ent.Gaz != nil && t.ent.Gaz.PlaceType == placeRegion {
		// "the party's allies in Europe", "the Tories in Europe": a party
		// or movement in a region of many countries is its members in a
		// body of that region or its branches there, not its seat.
		return false
	}
	switch name {
	case "located-comma":
		if !bothPlaces || startsWithTitle(s.ent.Name) || startsWithTitle(t.ent.Name) {
			return false // "the Lord Chancellor, Lord X": a title and a peer, not two places
		}
	case "located-possessive":
		// "seen by many as Kestrel's Vexa": after a verb of regarding, "as"
		// names what something is likened to, not where it is. A bare
		// "as" may be a conjunction ("as Kestrel's Vexa is studying it")
		// and "like" may list members, so both stay.
		if i := a.item(tb[0]); i > 0 && namingVerbs[a.word(i-1)] || i > 1 && a.word(i-1) == "to" && likeningVerbs[a.word(i-2)] {
			return false // "dubbed Kestrel's Vexa by critics": a likeness, not a place in Kestrel
		}
		if i := a.item(tb[0]); i > 1 && a.word(i-1) == "as" {
			for j := i - 2; j >= 0 && j >= i-5; j-- {
				if regardVerbs[a.word(j)] {
					return false
				}
			}
		}
		return true
	case "located-in":
		if !bothPlaces && s.ent.Gaz == nil && !s.m.Anaphor && !orgHeads[lastWord(s.ent.Name)] && !orgName(s.ent.Name) {
			return false
		}
	default:
		return true
	}
	if !bothPlaces {
		return true
	}
	abbrev := notAbbreviated
	if name == "located-comma" {
		abbrev = d.regionAbbreviation(a, tb, t)
	}
	if abbrev == dotted {
		// "Jacksonville, N.C., and Dodge City": a state abbreviated with
		// inner full stops after a town is its region even inside a list
		// of such pairs; lists of countries and cities do not abbreviate.
		return true
	}
	if i := a.item(sb[0]); i > 1 {
		if w := a.word(i - 1); (w == "the" || w == "this") && agentOrOpponent[a.word(i-2)] {
			return false // "held by the US in X", "over the USA in Seville"
		}
		if n := a.word(i - 2); (a.word(i-1) == "the" || a.word(i-1) == "this") && isLowerWord(n) && !phraseEnders[n] {
			// "meet outsiders the X in Y", "beat holders the X in Y": a
			// noun in apposition between the verb and its team.
			for j := i - 3; j >= 0 && j >= i-4 && isLowerWord(a.word(j)); j-- {
				if agentOrOpponent[a.word(j)] {
					return false
				}
				if phraseEnders[a.word(j)] {
					break
				}
			}
		}
	}
	if i := a.item(sb[0]); i > 0 {
		j := i - 1
		if j > 0 && a.word(j) == "the" {
			j-- // "staff in Leeds in the UK, Lyon in France"
		}
		if next := a.itemAfter(tb[1]); name == "located-comma" && a.word(j) == "in" && j > 0 && isSlotWord(a.word(j-1)) &&
			next >= 0 && a.word(next) == "in" {
			return false // "offices in Leeds, Cardiff in Wales": a list of "X in Y"
		}
		switch w := a.word(i - 1); {
		case w == "," || w == ";" || w == "and" || w == "or" || w == "between" || w == "by" || isSlotWord(w):
			return false // lists and agents: "held by the US in X"
		case (w == "from" || w == "to") && name == "located-in":
			return false // routes: "from Leeds to X in Y"
		case opponentWords[w] || w == "for" && name == "located-in" && i > 1 && resultNouns[a.word(i-2)]:
			return false // "host Ireland in Cardiff", "a win for Ireland in Cardiff": a team where it plays
		}
	}
	next := a.itemAfter(tb[1])
	if next < 0 || abbrev == shortDotted {
		return true // "Fort Lewis, Wash., and": the list is one of town-state pairs
	}
	switch w := a.word(next); {
	case w == ";" && name == "located-comma":
		// "Town, Region;": the semicolon separates items that hold commas.
	case w == "and" || w == "or" || w == "/" || w == "-" || w == ";":
		return false
	case w == ",":
		if n2 := next + 1; n2 < len(a.pos) {
			switch w2 := a.word(n2); {
			case isSlotWord(w2) || w2 == "and" || w2 == "or" || w2 == "a" || w2 == "an" || w2 == "the":
				return false // a list, or an apposition: "in Uruguay, Cambiemos, an online game"
			}
		}
	case name == "located-comma" && isLowerWord(w) && !regionFollowers[w]:
		return false // "with Russia, the US said": the second place begins a clause
	}
	return true
}

// inversePlaces reports whether place s cannot lie in place t by their
// gazetteer types: a country lies in no other country and in no city or
// region of one. "Norway in Oslo" is a team or a delegation where it
// meets, "France, Paris" two items of a list.
func inversePlaces(s, t *entity) bool {
	if s == t || s.Gaz == nil || t.Gaz == nil || s.Gaz.PlaceType != placeCountry {
		return false
	}
	return t.Gaz.PlaceType == placeCountry || t.Gaz.PlaceType == placeSubnational
}

// Abbreviations of regions (regionAbbreviation).
const (
	notAbbreviated = iota
	dotted         // "N.C.": inner full stops
	shortDotted    // "Kan.", or a short name before a sentence's full stop
)

// regionAbbreviation says whether the slot at byte range tb names a place
// by an abbreviation with full stops, as news datelines write states and
// provinces: "N.C." (dotted), or a short capitalised name followed by "."
// ("Kan.", "Wash."; shortDotted, which a list's last name before a
// sentence's full stop looks like as well).
func (d *doc) regionAbbreviation(a *abstract, tb [2]int, t *slot) int {
	name := strings.Join(d.words[t.m.T0:t.m.T1], "")
	if strings.Count(name, ".") >= 2 && len(name) <= 6 {
		return dotted
	}
	next := a.itemAfter(tb[1])
	if next < 0 || a.word(next) != "." || len(name) > 5 || len(name) < 2 || strings.ContainsAny(name, " .") {
		return notAbbreviated
	}
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsUpper(r) && strings.ToLower(name[1:]) == name[1:] {
		return shortDotted
	}
	return notAbbreviated
}

// opponentWords before a place name make it a team: "take on Ireland in
// the Six Nations", "a win over the USA in Seville".
var opponentWords = setOf("against", "over", "on", "face", "faces", "facing", "faced", "host", "hosts", "hosted",
	"hosting", "play", "plays", "played", "playing", "beat", "beats", "beating", "meet", "meets", "met", "v", "vs",
	"versus", "to", "visit", "visits", "welcome", "welcomes")

// agentOrOpponent before "the" and a place make it an agent or a team:
// "held by the US in X", "a win over the USA in Seville" (not "visit the
// Golden Temple in X").
var agentOrOpponent = setOf("by", "over", "against", "beat", "beats", "beating", "v", "vs", "versus", "face",
	"faces", "facing", "faced", "play", "plays", "played", "playing", "meet", "meets", "met")

// resultNouns before "for" make the place after it a team: "a win for
// Norway in Oslo", "defeat followed for Wales in Cardiff".
var resultNouns = setOf("win", "wins", "victory", "victories", "defeat", "defeats", "loss", "losses", "draw",
	"triumph", "followed")

// regionFollowers may follow "Town, Region" in a sentence.
var regionFollowers = setOf("on", "in", "at", "for", "back", "last", "this", "next", "since", "during", "where",
	"which", "who", "when", "before", "after", "until", "to", "from")

// titleWords reports whether a name holds a pronoun or an auxiliary, as
// titles of songs and films do ("Do They Know It", "Who Wants to Be").
func titleWords(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "i", "you", "we", "they", "it", "me", "my", "your", "do", "does", "know", "wants", "want", "is", "are":
			return true
		}
	}
	return false
}

// startsWithTitle reports whether a name begins with a title of people
// ("Lord", "President").
func startsWithTitle(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 1 && isTitle(strings.TrimSuffix(f[0], "."))
}

// lastWord is the lower-cased last word of a name.
func lastWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

// peopleNoun reports whether w, singular or plural, names people by
// their role: "Britain's EU commissioners" are people of the EU.
func peopleNoun(w string) bool {
	w = strings.TrimSuffix(w, "s")
	return roleNouns[w] || peopleNouns[w]
}

var peopleNouns = setOf("commissioner", "member", "employee", "worker", "executive", "player", "fan", "soldier",
	"staff", "manager", "boss", "representative", "delegate", "negotiator", "MEP", "mep")

// allTitleWords reports whether every word of a name is a title or a role
// noun ("Vice President"): a role read as a name.
func allTitleWords(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	for _, w := range f {
		if !isTitle(w) && !roleNouns[w] && !subordinateRoles[w] && !titleModifiers[w] {
			return false
		}
	}
	return len(f) > 0
}

// namingVerbs take an object and the name it is given: "dubbed Kestrel's
// Vexa" likens something to Vexa.
var namingVerbs = setOf("dubbed", "nicknamed", "branded", "labelled", "labeled", "christened")

// likeningVerbs take "to" and what something is likened to.
var likeningVerbs = setOf("likened", "compared")

// regardVerbs take an object and an "as" phrase saying what it is taken
// for: "regarded as", "hailed by fans as".
var regardVerbs = setOf("seen", "regarded", "viewed", "hailed", "described", "billed", "touted", "dubbed",
	"branded", "considered", "portrayed", "cast", "painted", "lauded")
