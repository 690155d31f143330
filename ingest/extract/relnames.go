package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// The shape of a relation's endpoint names: whether a name is whole, a
// person's or an organisation's by its words, or one that runs into the
// words around it. relationPlausible (relfilter.go) asks these.

// nameShaped reports whether every word of a name is capitalised, a
// number or a connector ("Bank of the North"), and the name does not end
// in a broken character reference ("Jos&"): a lower-case verb or noun
// inside it means the tagger ran a name into a clause.
func nameShaped(name string) bool {
	if strings.HasSuffix(name, "&") || strings.IndexFunc(name, unicode.IsLetter) < 0 {
		return false // "Jos&", "1971"
	}
	for _, w := range strings.Fields(name) {
		if strings.ToLower(w) != w || connectors[w] || nameParticles[w] {
			continue // "eBay", "de"
		}
		if pre, _, ok := strings.Cut(w, "-"); ok && (connectors[pre] || nameParticles[pre]) {
			continue // "al-Shabaab" lower-cased by the gazetteer
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// commonFirstWord reports whether the first word of a name is one the
// article also writes in lower case ("game", "internet"): a common noun,
// so the name is a product's or a thing's rather than a person's.
func (d *doc) commonFirstWord(name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && d.lowered[strings.ToLower(f[0])]
}

// portfolioName reports whether an organisation's name ends in
// "Affairs" without a body's head word: a spokesman's portfolio read into
// the party's name ("Kestrel Party Home Affairs spokesman").
func portfolioName(e *entity) bool {
	if e.Kind == graph.Person || e.Kind == graph.Place {
		return false
	}
	if !strings.Contains(e.Name, " ") && portfolioFields[strings.ToLower(e.Name)] {
		return true // "Defence Secretary X": the field of the office, not a body
	}
	if lastWord(e.Name) != "affairs" {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(e.Name)) {
		if portfolioBodies[w] {
			return false // "Department of Foreign Affairs"
		}
	}
	return true
}

// portfolioFields are the fields of government that name a minister's
// office before the title ("Health Secretary", "Defence Minister") and are
// no body's name on their own ("the Treasury" is one, so it is not here).
var portfolioFields = setOf("defence", "defense", "health", "education", "transport", "environment", "culture",
	"trade", "industry", "energy", "justice", "interior", "agriculture", "finance", "economy", "sport",
	"tourism", "communications", "housing", "employment", "pensions", "immigration", "welfare")

// portfolioBodies are the bodies whose names hold a portfolio.
var portfolioBodies = setOf("department", "ministry", "office", "committee", "bureau", "commission", "council",
	"secretariat", "agency", "directorate", "institute", "centre", "center", "journal", "review")

// runOnName reports whether an entity's name runs into the words around
// it: a person's name that begins with a role noun ("Executive Jane
// Doe", the tail of "Chief Executive"), or a name that ends in a
// capitalised function word ("Jane Doe The", the next sentence's first
// word).
func runOnName(e *entity) bool {
	f := strings.Fields(strings.ToLower(e.Name))
	if len(f) < 2 {
		return false
	}
	if e.Kind == graph.Person && roleNouns[f[0]] && !isTitle(f[0]) {
		return true
	}
	return functionWords[f[len(f)-1]]
}

// functionWords never end a name; nor do weekdays ("Kestrel Hospital
// Monday": the date after the name).
var functionWords = setOf("the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
	"this", "that", "it", "he", "she", "they", "we", "his", "her", "its", "their", "is", "was", "are", "were",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// nameParticles are lower-case words that names hold besides connectors:
// particles of personal names and the prepositions of titles
// ("Breakfast with Frost").
var nameParticles = setOf("with", "from", "by", "or", "into", "over", "under", "about", "without", "y", "e", "du", "dos", "das", "del", "della", "ter", "ten", "den", "do", "van", "von", "der", "op", "zu", "af", "on", "upon",
	"in", "at", "to", "a", "an", "les", "los", "las", "et", "und", "st", "ben", "abu", "bint", "ap", "mac", "o'")

// productNouns after "Firm's X" make X a product: "Kestrel's Vexa
// technology", "Kestrel's Vexa phones" (singular forms).
var productNouns = setOf("technology", "system", "box", "phone", "handset", "player", "format", "console", "range",
	"brand", "model", "device", "car", "camera", "software", "service", "chip", "engine", "robot", "computer",
	"laptop", "drug", "product", "machine", "platform", "browser", "stadium", "business", "adventure")

// sportsRoles name players by position: "a rivalry with Kestrel
// goalkeeper X".
var sportsRoles = setOf("goalkeeper", "keeper", "defender", "midfielder", "forward", "winger", "striker",
	"full-back", "fly-half", "scrum-half", "prop", "lock", "centre", "wing", "batsman", "bowler", "pitcher")

// timeAdverbs may follow a whole noun phrase: "chief executive of X
// yesterday announced".
var timeAdverbs = setOf("yesterday", "today", "tonight", "tomorrow", "earlier", "later", "too", "here", "there",
	"so", "just", "again", "already", "however", "instead", "though", "although", "where", "whose", "whom", "what",
	"until", "since", "now", "then", "once", "first", "either", "both", "alone", "itself", "himself", "herself",
	"near", "across", "outside", "inside", "around", "along", "through", "during", "despite", "amid", "among",
	"beyond", "behind", "toward", "towards", "via", "throughout", "within", "without", "off", "up", "down", "out",
	"following", "ahead", "last", "next", "every")

// patternKindsPlausible holds the kind checks of single patterns that
// kindsOf, which is per relation type, cannot state: a deal between two
// organisations or states is an alliance, a player's contract with a club
// is not; an organisation "of" a place has an organisation's name
// ("Kestrel Cranes Inc. of Houston"), not a person's or a place's;
// employment is a person's.
func (d *doc) patternKindsPlausible(name, trigger string, s, t *slot) bool {
	switch name {
	case "ally-deal-between", "ally-deal-with", "ally-pair-deal":
		return s.ent.Kind != graph.Person && t.ent.Kind != graph.Person
	case "member-works-for":
		return s.ent.Kind == graph.Person
	case "attack-possessive-killer":
		// "the Kestrel killer Tom Hale" names where he killed as often as
		// whom; one murders people.
		return t.ent.Kind == graph.Person
	case "leader-verb":
		// "she runs Kestrel", "he chairs the Vexa committee"; one runs
		// or chairs no country ("runs London" is a race or a mayor's
		// seat), and leads or heads it only as its leader.
		switch strings.ToLower(trigger) {
		case "runs", "ran", "chairs", "chaired":
			return t.ent.Kind != graph.Place
		}
	case "member-premodifier":
		// "Kestrel director Tom Hale" works for Kestrel only where Kestrel
		// is named as an organisation, or the title is capitalised as
		// formal titles before a name are ("Kestrel Director Tom Hale"):
		// films have directors too.
		return t.ent.Gaz != nil || orgName(t.ent.Name) || !strings.EqualFold(trigger, "director") || trigger == "Director"
	case "located-of":
		return (s.ent.Kind == graph.Organization || s.ent.Kind == graph.Group) && t.ent.Kind == graph.Place && orgName(s.ent.Name)
	}
	return true
}

// orgName reports whether a name is an organisation's by its words: a
// head word of organisations last or before "of" ("University of Leeds",
// "Court of Appeals"), or a company suffix.
func orgName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	for i, w := range f {
		w = strings.Trim(w, ".,")
		if orgHeads[w] && (i == len(f)-1 || f[i+1] == "of") || companySuffixes[w] && i == len(f)-1 ||
			i == len(f)-1 && headWords[w] != "" && headWords[w] != graph.Place {
			return true
		}
	}
	return false
}

// companySuffixes end company names.
var companySuffixes = setOf("inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "sa", "ag", "nv", "bv", "gmbh", "spa",
	"laboratories", "industries", "international", "enterprises", "holdings", "partners", "associates")

// fullPersonName reports whether a person's name has a given name and a
// surname of letters: two words or more, no digits ("Kestrel's Vexa 3"
// and single words after a firm's possessive are products as often as
// people).
func fullPersonName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !connectors[w] && !nameParticles[w] {
			return false // "Qrio robots", not "van der Sar"
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' && r != '’' {
				return false
			}
		}
	}
	return true
}

// pluralNounAfterPlace reports whether w, after "of <place>", is a plural
// common noun rather than a verb of the clause: "equities", "sales".
func pluralNounAfterPlace(w string) bool {
	return isLowerWord(w) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !phraseEnders[w] &&
		!timeAdverbs[w] && !speechVerbs[w]
}

// placeMedium reports whether a name is a place's name and a medium ("US
// TV", "UK radio"): the country's broadcasting, not one outlet.
func (d *doc) placeMedium(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "tv", "television", "radio":
	default:
		return false
	}
	a, ok := d.x.gaz.forms[formKey(strings.Join(f[:len(f)-1], " "))]
	return ok && a.entry.Kind == graph.Place
}
