package extract

import (
	"strings"
	"unicode"
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
	if a.runsIntoName(sb, s.ent) || a.runsIntoName(tb, t.ent) {
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
	if runOnName(s.ent) || runOnName(t.ent) || portfolioName(t.ent) {
		return false
	}
	if d.strayGroupAcronym(s.ent) || d.strayGroupAcronym(t.ent) {
		return false // "the KDA's chairman" in an article on phone sales: no armed group of that acronym
	}
	if titleOnly(s.ent.Name) || titleOnly(t.ent.Name) {
		return false // "Vice President of Kestrel", "the country's PM": a title, not the name of whoever holds it
	}
	switch p.name {
	case "member-of", "member-possessive", "member-apposition-premodifier", "leader-apposition-premodifier", "member-rank", "member-copula", "member-role-at":
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
	if (p.name == "leader-premodifier" || p.name == "member-premodifier") && t.ent.Kind == graph.Place {
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
		if !d.locationPlausible(a, p.name, sb, tb, s, t) {
			return false
		}
		if p.name == "located-possessive" {
			// "Y 's X": Y must be a place the gazetteer knows, X a whole
			// noun phrase, and not itself a known place ("Leicester's
			// England centre" is a player, not a country in a city).
			yg, xg := t.ent.Gaz, s.ent.Gaz
			if yg == nil || yg.Kind != graph.Place || xg != nil && xg.Kind == graph.Place {
				return false
			}
			if next := a.itemAfter(sb[1]); next >= 0 && (!a.endsPhrase(next) || peopleNoun(a.word(next))) {
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

// eventHeads end the names of competitions, awards and events.
var eventHeads = setOf("league", "cup", "championship", "championships", "open", "trophy", "games", "prix",
	"series", "olympics", "awards", "award", "festival", "tournament", "marathon", "classic", "final", "finals")

// ownNameNouns may follow an organisation's own name as its head: "the
// Kestrel group", "the Harlow company".
var ownNameNouns = setOf("group", "company", "club", "bank", "firm", "charity", "university", "band", "network",
	"movement", "organisation", "organization", "militia", "party", "alliance")

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
	case "ally-deal-between", "ally-deal-with":
		return s.ent.Kind != graph.Person && t.ent.Kind != graph.Person
	case "member-works-for":
		return s.ent.Kind == graph.Person
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
var companySuffixes = setOf("inc", "corp", "co", "ltd", "plc", "llc", "sa", "ag", "nv", "bv", "gmbh", "spa",
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
