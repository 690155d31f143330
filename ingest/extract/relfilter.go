package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// The relation patterns match a few words around two entity slots; what
// lies just outside the match can undo them. relationPlausible reads those
// neighbours: a slot touching another name is a fragment of a longer name
// ("ISP Freedom2surf", "MTV Europe Awards"); a slot followed by a
// possessive the pattern did not ask for owns the real endpoint
// ("director of the IMF's European Department" leads the department, not
// the fund); a possessive LOCATED_IN needs a known place that owns a whole
// noun phrase ("France's Peugeot warned", not "Hexal's US affiliate").

// subordinateRoles before a leader's title make a deputy, not the leader.
var subordinateRoles = setOf("assistant", "associate", "deputy", "vice", "vice-president", "vice-chairman", "acting-deputy")

// discourseNouns after an attacked entity make the attack one in words:
// "attacked the Tory plans".
var discourseNouns = setOf("plan", "plans", "policy", "policies", "proposal", "proposals", "comments", "remarks",
	"record", "decision", "decisions", "stance", "idea", "ideas", "claims", "budget", "approach", "strategy",
	"manifesto", "leadership", "handling", "response", "position", "view", "views", "bill", "reforms", "campaign")

// phraseEnders are lower-case words that may follow a whole noun phrase:
// verbs of the clause, auxiliaries, prepositions and conjunctions.
var phraseEnders = setOf("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may",
	"might", "should", "must", "shall", "does", "did", "do", "and", "or", "but", "in", "on", "at", "of", "for", "to",
	"from", "with", "by", "as", "which", "who", "that", "after", "before", "also", "last", "this", "into", "over",
	"since", "until", "against", "than", "about", "under", "when", "while", "because", "if", "not", "now", "then")

// relationPlausible reports whether a match of pattern p stands, given
// the words around its slots. sb and tb are the byte ranges of the source
// and target slots in a.s, m0 and m1 the range of the whole match.
func (d *doc) relationPlausible(p *compiledRel, typ graph.RelationType, trigger string, a *abstract, sb, tb [2]int, m0, m1 int, s, t *slot) bool {
	for m0 < m1 && a.s[m0] == ' ' {
		m0++
	}
	for _, b := range [][2]int{sb, tb} {
		if a.fragmentSlot(b) || d.titledFor(a, b) {
			return false
		}
	}
	if (typ == graph.LeaderOf || typ == graph.MemberOf) && (a.pastRole(trigger, m0, m1) || pastNamed(t.ent.Name)) {
		return false // "former Kestrel manager Tom Hale": a role he has left
	}
	if a.runsIntoName(sb, s.ent) || a.runsIntoName(tb, t.ent) || d.cutBeforeRest(s.m) || d.cutBeforeRest(t.m) {
		return false
	}
	// A possessive right after the target, outside the match: the target
	// owns what the relation is really about.
	if next := a.itemAfter(tb[1]); next >= 0 && a.pos[next] >= m1 {
		if w := a.word(next); w == "'s" || w == "'" || w == "’" {
			return false // "a member of the Athletes' Commission"
		}
	}
	if p.name == "rivals-premodifier" {
		// "league rivals X and Y" are rivals of a third party, the
		// speaker's club; "talks between rivals X and Y" of each other.
		if i := a.item(m0); i > 0 && a.pos[i] >= m0 {
			if w := a.word(i - 1); isLowerWord(w) && !phraseEnders[w] && w != "between" && w != "the" {
				return false
			}
		}
	}
	if titleWords(s.ent.Name) || titleWords(t.ent.Name) || !nameShaped(s.ent.Name) || !nameShaped(t.ent.Name) {
		return false // "Do They Know It's Christmas": a title, not two names; "The Scot was Pompey": a clause
	}
	if runOnName(s.ent) || runOnName(t.ent) || portfolioName(t.ent) || d.partyPortfolio(a, tb, t.ent) {
		return false // "Kestrel Party Treasury spokesman": the party's brief, no body
	}
	if d.possessiveTail(a, sb, s.ent) || d.possessiveTail(a, tb, t.ent) {
		return false // "Kestrel's Shopping Centre": the possessive is part of the name
	}
	if (s.ent.work || t.ent.work) && typ != graph.PartOf && typ != graph.Hosted && typ != graph.AppearedOn {
		return false // "Vexa's Ann Lee" where Vexa is her film: a work has a cast, no members
	}
	if typ == graph.LocatedIn && ownStateName(s.ent, t.ent) {
		return false // "Kestrelia's Federal Republic": the country's own state, no place inside it
	}
	if d.strayGroupAcronym(s.ent) || d.strayGroupAcronym(t.ent) {
		return false // "the KDA's chairman" in an article on phone sales: no armed group of that acronym
	}
	if loneEventHead(s.ent.Name) || loneEventHead(t.ent.Name) {
		return false // "the annual games Expo in Leeds": the head of an event's name, cut from it
	}
	if utf8.RuneCountInString(s.ent.Name) < 2 || utf8.RuneCountInString(t.ent.Name) < 2 {
		return false // "R's manager": a letter cut from a name ("QPR") names nobody
	}
	if titleOnly(s.ent.Name) || titleOnly(t.ent.Name) {
		return false // "Vice President of Kestrel", "the country's PM": a title, not the name of whoever holds it
	}
	switch p.name {
	case "member-of", "member-possessive", "member-apposition-premodifier", "leader-apposition-premodifier", "member-rank", "member-copula", "member-role-at",
		"leader-copula", "leader-departure", "member-board", "member-role-of-unit", "member-partner-at":
		if s.ent.Kind != graph.Person || t.m.Anaphor {
			return false // "the future of the company", "the group's Y"
		}
	}
	if p.name == "member-apposition" && t.ent.Gaz == nil && !orgHeads[lastWord(t.ent.Name)] {
		// "the member for Loch Ness West", "MP for Wantage": a seat,
		// not an organisation.
		for i := a.item(m0); i < len(a.pos) && a.pos[i] < m1; i++ {
			if w := a.word(i); (w == "member" || w == "mp" || w == "lawmaker" || w == "senator") && i+1 < len(a.pos) && a.word(i+1) == "for" {
				return false
			}
		}
	}
	if p.name == "member-possessive" && (orgHeads[lastWord(s.ent.Name)] || allTitleWords(s.ent.Name) || !fullPersonName(s.ent.Name)) {
		// "the Commissioner's Office", "the ATP's Vice President": no
		// person; "Kestrel's Vexa": a product the tagger read as a person
		// (a person after a firm's possessive is named in full somewhere).
		return false
	}
	if typ == graph.LeaderOf && tb[1] < m1 && a.businessLineAfter(m1) {
		return false // "Kestrel's managing director, retail sales": he leads one line of the firm (and stays its member)
	}
	if p.name == "appeared-verb" && a.governedSlot(sb) && !strings.Contains(a.s[sb[1]:m1], " who ") {
		return false // "X, head of Kestrel, told the paper": the speaker is X, not the body
	}
	if p.name == "member-possessive" && d.commonFirstWord(s.ent.Name) {
		return false // "Kestrel's Game Cube": a first word the article writes in lower case is no given name
	}
	if !d.patternKindsPlausible(p.name, trigger, s, t) {
		return false
	}
	if p.name == "member-apposition" && !orgName(t.ent.Name) && (t.ent.Gaz == nil || t.ent.Gaz.Kind == graph.Place) {
		// "an adviser from Swansea" gives where he comes from, unless the
		// body is named as an organisation ("an analyst from Kestrel
		// Securities").
		for i := a.item(tb[0]) - 1; i >= 0 && i >= a.item(tb[0])-3; i-- {
			if a.word(i) == "from" {
				return false
			}
		}
	}
	if (p.name == "leader-premodifier" || p.name == "leader-premodifier-apposition" || p.name == "member-premodifier") && t.ent.Kind == graph.Place {
		// "its UK chief executive", "Kestrel's US boss": the place names a
		// part of an organisation named before it.
		if i := a.item(tb[0]); i > 0 {
			switch a.word(i - 1) {
			case "its", "their", "his", "her", "our", "'s":
				return false
			}
		}
	}
	if (typ == graph.Hosted || typ == graph.AppearedOn || typ == graph.PartOf) && d.placeMedium(t.ent.Name) {
		return false // "US TV host X": television in a country, not an outlet
	}
	if p.name == "member-possessive" || p.name == "outlet-programme" {
		if next := a.itemAfter(sb[1]); next >= 0 && (productNouns[a.word(next)] || productNouns[strings.TrimSuffix(a.word(next), "s")]) {
			return false // "Kestrel's Vexa Disc technology": a product modifying a noun, no person or programme
		}
	}
	if p.name == "member-possessive" && s.ent.Kind == graph.Person && s.ent.Gaz == nil &&
		(d.productNamed(s.ent) || d.possessiveListOfThings(t.m.T0, s.m.T1)) {
		return false // "Kestrel's Web Ranger" where the article writes "Web Ranger 7": a product
	}
	// A target followed by a common noun outside the match is that noun's
	// modifier, and the relation is with what the noun names: "chief
	// executive of US firm X", "director of the Leeds venue", "attacked
	// US troops".
	// A place, or any name before whom a rival or an ally is named, that
	// a common noun follows is a modifier as well: "leader of the Leeds
	// county group", "a rivalry with Kestrel goalkeeper Tom Hale".
	switch typ {
	case graph.LeaderOf, graph.MemberOf, graph.BranchOf, graph.Attacked, graph.RivalOf, graph.AlliedWith:
		if next := a.itemAfter(tb[1]); next >= 0 && a.pos[next] >= m1 {
			w := a.word(next)
			if partNouns[w] || bodyNouns[w] && (t.ent.Kind == graph.Place || !ownNameNouns[w]) {
				return false
			}
			if t.ent.Kind == graph.Place && isLowerWord(w) && !a.endsPhrase(next) {
				return false
			}
			if (typ == graph.RivalOf || typ == graph.AlliedWith) && (peopleNoun(w) || sportsRoles[w]) {
				return false
			}
			if t.ent.Kind == graph.Place && pluralNounAfterPlace(w) {
				return false // "head of UK equities": a plural noun, not a verb, after "of <place>"
			}
			if isLowerWord(w) && !a.endsPhrase(next) && next+1 < len(a.pos) && isSlotWord(a.word(next+1)) {
				return false // "killed Kestrel assassin Tom Hale": a noun between two names makes the first its modifier
			}
		}
	}
	// Competitions and awards are no actors: "the Champions League clash
	// with Barcelona" is a match, not a rivalry of the league.
	switch typ {
	case graph.RivalOf, graph.AlliedWith, graph.Attacked:
		if eventHeads[lastWord(s.ent.Name)] || eventHeads[lastWord(t.ent.Name)] {
			return false
		}
	}
	if p.name == "member-of" {
		// "X, of Burnley, said" gives where X lives; "X of the CBI" an
		// organisation.
		if i := a.item(tb[0]); i > 0 && a.word(i-1) == "of" && i > 2 && a.word(i-2) == "," &&
			t.ent.Gaz == nil && !orgHeads[lastWord(t.ent.Name)] {
			return false
		}
	}
	switch typ {
	case graph.LeaderOf:
		if p.name == "leader-verb" && t.ent.Kind == graph.Place {
			if next := a.itemAfter(tb[1]); next >= 0 && a.word(next) == "to" {
				return false // "led Spain to victory": a team's captain, not a country's leader
			}
		}
		if p.name == "leader-verb" && strings.EqualFold(trigger, "headed") {
			// "headed Kestrel into the lead", "headed Vexa in front": a
			// header that moved a side ahead, not leadership ("headed
			// Vexa in the 1990s" is).
			if next := a.itemAfter(tb[1]); next >= 0 {
				switch a.word(next) {
				case "into", "ahead", "level", "clear":
					return false
				case "in":
					if next+1 < len(a.pos) && a.word(next+1) == "front" {
						return false
					}
				}
			}
		}
		for i := a.item(m0); i < len(a.pos) && a.pos[i] < m1; i++ {
			if subordinateRoles[a.word(i)] {
				return false
			}
		}
		// "leader of the Greens in the city council" leads a part;
		// "head of UK equities at/for a firm" leads a desk of another.
		if next := a.itemAfter(tb[1]); next >= 0 && a.pos[next] >= m1 {
			if w := a.word(next); w == "in" || w == "at" || w == "for" {
				return false
			}
		}
	case graph.Attacked:
		if next := a.itemAfter(tb[1]); next >= 0 && discourseNouns[a.word(next)] {
			return false
		}
		// "X attacked Y for failing to ...", "attacked Y over the plan":
		// criticism with its reason, not violence ("besieged Y for a
		// week" is violence for a time).
		if next := a.itemAfter(tb[1]); next >= 0 && a.pos[next] >= m1 && (a.word(next) == "for" || a.word(next) == "over") &&
			strings.HasPrefix(strings.ToLower(trigger), "attack") {
			return false
		}
	case graph.LocatedIn:
		if s.ent.Kind != graph.Place && eventHeads[lastWord(s.ent.Name)] {
			return false // "the Kestrel Awards in Leeds": an event, not an organisation with a seat
		}
		if !d.locationPlausible(a, p.name, sb, tb, s, t) || !s.m.Anaphor && d.meetingSide(s.m.T0) {
			return false
		}
		if p.name == "located-in" && !s.m.Anaphor && d.branchOf(s.m) {
			return false // "running Kestrel Bank in Leeds": the office he ran, not the bank's seat
		}
		if p.name == "located-in" && !t.m.Anaphor && d.modifiesEvent(t.m) {
			return false // "Kestrel in Vexa merger talks": a side of the talks, not a seat
		}
		if p.name == "located-possessive" {
			// "Y 's X": Y must be a place the gazetteer knows, X a whole
			// noun phrase, and not itself a known place ("Leicester's
			// England centre" is a player, not a country in a city).
			yg, xg := t.ent.Gaz, s.ent.Gaz
			if yg == nil || yg.Kind != graph.Place || xg != nil && xg.Kind == graph.Place {
				return false
			}
			if next := a.itemAfter(sb[1]); next >= 0 && (!a.endsPhrase(next) || peopleNoun(a.word(next)) || unitNoun(a.word(next))) {
				return false // "Britain's EU commissioners" are people, not the EU
			}
		}
	}
	return true
}

// word returns item i of the abstract.
func (a *abstract) word(i int) string {
	end := len(a.s)
	if i+1 < len(a.pos) {
		end = a.pos[i+1] - 1
	}
	return a.s[a.pos[i]:end]
}

// itemAfter is the index of the item after byte offset b1 (the end of an
// item), or -1 at the end.
func (a *abstract) itemAfter(b1 int) int {
	i := a.item(b1-1) + 1
	if i >= len(a.pos) {
		return -1
	}
	return i
}

// isSlotWord reports whether an abstract item is an entity slot or an
// unrecognised capitalised word ("~word").
func isSlotWord(w string) bool {
	return strings.HasPrefix(w, "~") || len(w) >= 2 && w[0] == 'E' && w[1] >= '0' && w[1] <= '9'
}

// fragmentSlot reports whether the slot at byte range b touches another
// name: a capitalised word or a second slot right before or after it, or
// "Name and" before it ("Oil and Natural Gas Corporation").
func (a *abstract) fragmentSlot(b [2]int) bool {
	i := a.item(b[0])
	if i > 0 && isSlotWord(a.word(i-1)) {
		return true
	}
	if i > 1 && strings.HasPrefix(a.word(i-2), "~") {
		switch a.word(i - 1) {
		case "and", "for", "of", "'s":
			// "Oil and Natural Gas Corporation", "Transport for London",
			// "St Egwin's Middle School": the slot ends a longer name.
			return true
		}
	}
	if next := a.itemAfter(b[1]); next >= 0 && isSlotWord(a.word(next)) {
		return true
	}
	return false
}

// conflictWords are the words of armed conflict, one of which an article
// about an armed group writes somewhere.
var conflictWords = setOf("attack", "attacks", "attacked", "targeted", "killed", "killing", "rebel", "rebels",
	"militant", "militants", "fighters", "fighting", "armed", "bomb", "bombs", "bombing", "blast", "explosion",
	"troops", "soldiers", "insurgents", "guerrilla", "guerrillas", "separatist", "separatists", "ceasefire",
	"militia", "army", "violence", "terrorist", "terrorists", "terrorism", "gunmen", "weapons", "war", "conflict")

// strayGroupAcronym reports whether an entity is an armed group that the
// generated gazetteer matched by a short acronym in an article that
// writes no word of armed conflict: short acronyms collide ("MPC", "FSA",
// "PSP" name committees, regulators and consoles in business news), and
// an armed group's article speaks of its fighting.
func (d *doc) strayGroupAcronym(e *entity) bool {
	if e.Gaz == nil || e.Gaz.Curated || e.Gaz.Kind != graph.Group || len(e.Name) > 6 || strings.ToUpper(e.Name) != e.Name {
		return false
	}
	for w := range conflictWords {
		if d.lowered[w] {
			return false
		}
	}
	return true
}

// titleOnly reports whether a name is made only of titles and role words
// ("Vice President"), or is one word that is no name on its own ("PM").
func titleOnly(name string) bool {
	return allTitleWords(name) || !strings.Contains(name, " ") && commonCapitalised[strings.ToLower(name)]
}

// governedSlot reports whether the slot at byte range b is the object of
// a preposition ("head of Kestrel", "an analyst at research firm Vexa") or
// owns the noun after it ("Kestrel's chief executive"): a name inside a
// phrase about someone else, so no subject of the verb after it.
func (a *abstract) governedSlot(b [2]int) bool {
	if next := a.itemAfter(b[1]); next >= 0 && (a.word(next) == "'s" || a.word(next) == "'") {
		return true
	}
	for i, n := a.item(b[0])-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		switch w := a.word(i); {
		case w == "of" || w == "at" || w == "for" || w == "from" || w == "with":
			return true
		case !isLowerWord(w) || phraseEnders[w]:
			return false
		}
	}
	return false
}

// runsIntoName reports whether an organisation's slot at byte range b is
// followed by "and" and an unrecognised capitalised word that ends a noun
// phrase: the slot begins a longer name ("Investors Bank and Trust."),
// where "Kestrel Bank and Conservative leader X" coordinates two phrases.
func (a *abstract) runsIntoName(b [2]int, e *entity) bool {
	if e.Kind == graph.Person || e.Kind == graph.Place {
		return false
	}
	next := a.itemAfter(b[1])
	if next < 0 || next+1 >= len(a.pos) || a.word(next) != "and" || !strings.HasPrefix(a.word(next+1), "~") {
		return false
	}
	i := next + 2
	for i < len(a.pos) && strings.HasPrefix(a.word(i), "~") {
		i++ // "Kestrel and Vexa Research Partners": the name goes on over several words
	}
	return i >= len(a.pos) || a.endsPhrase(i)
}

// titledFor reports whether the slot at byte range b follows "for" after
// a capitalised word that is no name of its own, inside the sentence: the
// slot ends a longer name or a title ("Commission for Racial Equality",
// "Secretary of State for Trade and Industry"), whatever that word is. An
// acronym before "for" is a title of its own ("MP for Henley"), and a name
// before it a name ("a bid by Shell for Kestrel").
func (d *doc) titledFor(a *abstract, b [2]int) bool {
	i := a.item(b[0])
	if i < 2 || a.word(i-1) != "for" {
		return false
	}
	if prev := a.slotAt(a.pos[i-2], a.pos[i-2]+len(a.word(i-2))); prev != nil {
		// A name before "for" is a name of its own ("a bid by Shell for
		// Kestrel"), unless it is a body's bare head word ("Commission
		// for Racial Equality" read as two names).
		f := strings.Fields(prev.ent.Name)
		return len(f) == 1 && orgHeads[strings.ToLower(f[0])]
	}
	t := a.tok0[i-2]
	if a.tok1[i-2]-t != 1 || strings.ToUpper(d.words[t]) == d.words[t] {
		return false
	}
	if i == 2 {
		// The sentence's first word is capitalised anyway; a head word
		// of organisations there still begins the name ("Commission for
		// Racial Equality chairman X").
		return orgHeads[d.lower[t]]
	}
	return d.nameWord(t)
}

// endsPhrase reports whether item i may follow a whole noun phrase:
// punctuation, a possessive, a word of phraseEnders, or an inflected verb.
func (a *abstract) endsPhrase(i int) bool {
	w := a.word(i)
	if w == "+" {
		return false // "the UK's Sky+ system"
	}
	if w == "" || !isLowerWord(w) || phraseEnders[w] || speechVerbs[w] {
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") ||
		timeAdverbs[w]
}

// partNouns after a name make it the modifier of a part or of people of
// the named body: "the Kestrel venue", "Kestrel's UK division", "US
// troops".
var partNouns = setOf("division", "unit", "subsidiary", "arm", "branch", "office", "offices", "desk", "department",
	"venue", "site", "plant", "factory", "store", "stores", "embassy",
	"consulate", "delegation", "operation", "operations", "troops", "forces", "soldiers", "officials", "staff",
	"workers", "players", "fans", "government", "market", "industry", "campus", "headquarters")

// bodyNouns after a place's name make the place a modifier of a body
// named next: "chief executive of US firm Kestrel".
var bodyNouns = setOf("firm", "firms", "company", "group", "bank", "carrier", "airline", "network", "channel",
	"station", "studio", "agency", "band", "club", "giant", "outfit", "label", "brand", "chain", "business",
	"newspaper", "magazine", "broadcaster", "retailer", "maker", "producer", "manufacturer", "university", "charity",
	"operator", "provider", "insurer", "lender", "supplier", "developer", "publisher", "distributor", "broker",
	"brokerage", "carmaker", "automaker", "chipmaker", "drugmaker", "conglomerate", "utility")
