package extract

import "strings"

// eventHeads end the names of competitions, awards and events.
var eventHeads = setOf("league", "cup", "championship", "championships", "open", "trophy", "games", "prix",
	"series", "olympics", "awards", "award", "festival", "tournament", "marathon", "classic", "final", "finals",
	"expo", "exhibition", "fair", "summit", "conference")

// loneEventHead reports whether a name is one word that heads the names
// of events: the tagger cut it from the event's name ("the games Expo").
func loneEventHead(name string) bool {
	return !strings.Contains(name, " ") && eventHeads[strings.ToLower(name)]
}

// ownNameNouns may follow an organisation's own name as its head: "the
// Kestrel group", "the Harlow company".
var ownNameNouns = setOf("group", "company", "club", "bank", "firm", "charity", "university", "band", "network",
	"movement", "organisation", "organization", "militia", "party", "alliance")

// businessLineNouns end a lower-case phrase naming a part of a firm.
var businessLineNouns = setOf("services", "division", "operations", "business", "businesses", "unit", "products",
	"sales", "marketing", "banking", "retail", "markets")

// businessLineAfter reports whether a comma after the match ending at
// byte m1 opens a lower-case phrase that ends in a line of business: a
// role then restricted to that part of the firm ("director, consumer
// products").
func (a *abstract) businessLineAfter(m1 int) bool {
	for m1 > 0 && a.s[m1-1] == ' ' {
		m1--
	}
	i := a.item(m1 - 1) // a pattern may take the comma into its match
	if a.word(i) != "," {
		i = a.itemAfter(m1)
	}
	if i < 0 || a.word(i) != "," {
		return false
	}
	for j := i + 1; j < len(a.pos) && j <= i+6; j++ {
		w := a.word(j)
		if businessLineNouns[w] {
			return true
		}
		if !isLowerWord(w) || phraseEnders[w] && w != "and" || speechVerbs[w] || timeAdverbs[w] || strings.HasSuffix(w, "ed") {
			return false // "X, who runs Kestrel, said sales rose": a clause, no line of business
		}
	}
	return false
}

// ownStateName reports whether part names the state of whole by the head
// of one of whole's gazetteer aliases: "Federal Republic" of "Federal
// Republic of Kestrelia". A country is not inside itself.
func ownStateName(part, whole *entity) bool {
	if whole.Gaz == nil {
		return false
	}
	prefix := lowerASCII(part.Name) + " of "
	for _, a := range whole.Gaz.Aliases {
		if strings.HasPrefix(lowerASCII(a), prefix) {
			return true
		}
	}
	return false
}
