package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Endpoints a relation pattern matches well but that name the wrong
// thing: a name the tagger cut before the rest of it ("the Kestrel Roads
// and Transport Board" read as "Kestrel Roads"), a side of a match or of
// talks put inside the city they meet in, and a firm put in the city of
// the branch someone works at.

// cutBeforeRest reports whether the mention m ends where its name goes
// on: "the Kestrel Roads and Transport Board" (a name that is not itself
// whole, then "and" and capitalised words ending in an organisation's
// head), or "the Institute for Soil, Water and Crop Science" (a name
// ending in a field after "for" or "of", then a comma and a list of
// capitalised fields closed by "and"). Both follow "the", which a list of
// two bodies' own names ("Kestrel and Vexa Group") lacks.
func (d *doc) cutBeforeRest(m *mention) bool {
	if d.roleAdjectiveTail(m) || d.cutBeforeField(m) || d.cutBeforeConjunct(m) {
		return true
	}
	if m.Anaphor || m.T0 < 1 || m.T1 >= len(d.lower) || d.lower[m.T0-1] != "the" || m.Gaz != nil || m.Ent.Gaz != nil {
		return false
	}
	name := d.lower[m.T0:m.T1]
	if orgHeads[name[len(name)-1]] || len(name) == 1 && isAcronym(d.words[m.T0]) {
		return false // "the Kestrel Bank and Vexa Group": two whole names
	}
	switch d.lower[m.T1] {
	case "and", "&":
		end := d.capitalRun(m.T1 + 1)
		return end > m.T1+1 && orgHeads[d.lower[end-1]]
	case ",":
		field := false
		for _, w := range name[:len(name)-1] {
			field = field || w == "for" || w == "of"
		}
		if !field {
			return false
		}
		// ", Water and Crop Science": each item capitalised
		// and no known place or person ("the Institute of Physics,
		// Leeds and" is an address, not a list of fields).
		for t := m.T1; t < len(d.lower) && d.lower[t] == ","; {
			end := d.capitalRun(t + 1)
			if end == t+1 || d.knownNameAt(t+1) || orgHeads[d.lower[end-1]] {
				return false // "the Ministry of Defence, Foreign Office and": a list of bodies
			}
			if end < len(d.lower) && d.lower[end] == "and" {
				last := d.capitalRun(end + 1)
				return last > end+1 && !d.knownNameAt(end+1) && !orgHeads[d.lower[last-1]]
			}
			t = end
		}
	}
	return false
}

// deskRoles are the posts of a newsroom desk, which a capitalised field
// adjective premodifies in a byline: "Kestrel Political Correspondent".
var deskRoles = setOf("correspondent", "editor", "reporter", "analyst", "commentator", "writer", "critic", "producer")

// roleAdjectiveTail reports whether the mention m swallowed the first word
// of a role after it: "Kestrel Political" of "Kestrel Political
// Correspondent", where the tagger closed the outlet's name on the
// capitalised field adjective. A name does not end in an adjective
// (-al, -ic) right before a desk's post; the adjective belongs to the post.
func (d *doc) roleAdjectiveTail(m *mention) bool {
	if m.Anaphor || m.T1-m.T0 < 2 || m.T1 >= len(d.lower) || !capitalised(d.words[m.T1]) || !deskRoles[d.lower[m.T1]] {
		return false
	}
	last := d.lower[m.T1-1]
	return !orgHeads[last] && (strings.HasSuffix(last, "al") || strings.HasSuffix(last, "ic"))
}

// cutBeforeField reports whether the organisation mention m ends in a
// body's head word and its name goes on with "for" or "of" and a
// capitalised field no place or person starts: "National Commission" cut
// from "National Commission for Roads and Transport". The head needs its
// field; a place after "of" ("Kestrel Bank of Leeds") is an address and
// leaves the mention whole.
func (d *doc) cutBeforeField(m *mention) bool {
	if m.Anaphor || m.T1+1 >= len(d.lower) || m.Gaz != nil || m.Ent.Gaz != nil || !orgHeads[d.lower[m.T1-1]] {
		return false
	}
	if w := d.lower[m.T1]; w != "for" && w != "of" {
		return false
	}
	return capitalised(d.words[m.T1+1]) && !isAcronym(d.words[m.T1+1]) && !d.knownNameAt(m.T1+1)
}

// legalForms close a company's registered name. Unlike companySuffixes
// they never end a second body's own name in a list ("the Foreign Office
// and Kestrel Laboratories" names two bodies).
var legalForms = setOf("inc", "corp", "co", "ltd", "plc", "llc", "sa", "ag", "nv", "bv", "gmbh", "spa")

// cutBeforeConjunct reports whether the mention m, without "the" before
// it, is the first half of one name joined by "and": the capitalised
// words after "and" end in a company's legal form ("Kestrel Iron and
// Steel Co.": the form closes the whole name, so the halves are one
// firm), or m follows a post and "at" ("economist at Kestrel and Vexa
// Research": one holds a post at one employer) and the gazetteer knows
// no name after "and".
func (d *doc) cutBeforeConjunct(m *mention) bool {
	if m.Anaphor || m.T1+1 >= len(d.lower) || m.Gaz != nil || m.Ent.Gaz != nil || d.lower[m.T1] != "and" {
		return false
	}
	end := d.capitalRun(m.T1 + 1)
	if end == m.T1+1 {
		return false
	}
	if legalForms[strings.TrimSuffix(d.lower[end-1], ".")] && !d.knownNameAt(m.T1+1) {
		return true
	}
	if m.T0 < 2 || d.lower[m.T0-1] != "at" || !roleNouns[d.lower[m.T0-2]] && !firmStaff[d.lower[m.T0-2]] {
		return false
	}
	// The tagger often types the second half, an unknown name, a
	// person; only a name the gazetteer knows is a second employer.
	for _, n := range d.mentions {
		if n.T0 == m.T1+1 && (n.Gaz != nil || n.Ent.Gaz != nil) {
			return false
		}
	}
	return true
}

// capitalRun returns the token after the run of capitalised words that
// starts at token t (t itself when there is none).
func (d *doc) capitalRun(t int) int {
	for t < len(d.words) && capitalised(d.words[t]) {
		t++
	}
	return t
}

// knownNameAt reports whether a mention of a place or a person starts at
// token t.
func (d *doc) knownNameAt(t int) bool {
	for _, m := range d.mentions {
		if m.T0 == t && !m.Anaphor && (m.Ent.Kind == graph.Place || m.Ent.Kind == graph.Person || m.Kind == graph.Place || m.Kind == graph.Person) {
			return true
		}
	}
	return false
}

// meetingNouns name an event two sides take part in; "with" after one
// introduces a side, and a place after it where they meet: "the match
// with Kestrel in Vexa City", "talks with Kestrel in Vexa". A country is
// never inside a city, and the side is not where the event is held.
var meetingNouns = setOf("match", "matches", "game", "games", "fixture", "fixtures", "tie", "clash", "friendly",
	"encounter", "showdown", "qualifier", "decider", "final", "semi-final", "quarter-final", "play-off", "derby",
	"rematch", "contest", "test", "international", "meeting", "meetings", "talks", "summit", "negotiations",
	"draw", "drew", "drawn", "tied", "clashed", "series")

// meetingSide reports whether the source at token t0 follows "with" right
// after a meeting noun.
func (d *doc) meetingSide(t0 int) bool {
	return t0 >= 2 && d.lower[t0-1] == "with" && meetingNouns[d.lower[t0-2]]
}

// dealNouns name an undertaking between two parties; with meetingNouns
// they may take a party's name as their modifier ("Kestrel takeover
// talks", "a Vexa link deal").
var dealNouns = setOf("deal", "deals", "merger", "link", "tie-up", "takeover", "bid", "row", "dispute", "battle",
	"alliance", "partnership", "venture", "agreement", "pact")

// modifiesEvent reports whether the mention m premodifies, through at most
// two lower-case words, a noun of meeting or of a deal: in "Kestrel in
// Vexa link talks" (headline style for "in talks with Vexa") "in" takes
// the talks, and Vexa names a side of them, not a place.
func (d *doc) modifiesEvent(m *mention) bool {
	for t := m.T1; t < len(d.lower) && t <= m.T1+2; t++ {
		w := d.lower[t]
		if meetingNouns[w] || dealNouns[w] {
			return true
		}
		if !isLowerWord(d.words[t]) || phraseEnders[w] || timeAdverbs[w] {
			return false
		}
	}
	return false
}

// facilityHeads end the names of bodies with one seat: a court, a hotel,
// a school is where its name says. A bank, a firm or a group may have
// offices in many cities.
var facilityHeads = setOf("court", "hotel", "university", "college", "school", "academy", "institute", "centre",
	"center", "museum", "gallery", "hospital", "clinic", "airport", "stadium", "arena", "theatre", "theater",
	"studio", "studios", "house", "hall", "park", "station", "church", "cathedral", "mosque", "temple", "embassy",
	"consulate", "prison", "zoo", "library", "factory", "plant", "mill", "mine", "port", "base", "laboratory",
	"council", "parliament", "assembly")

// workWords before a firm make "Firm in City" the office someone works
// in, not where the firm is: "running Kestrel Bank in Leeds", "head of
// Kestrel Group in Vexa", "worked for Kestrel in Leeds".
var workWords = setOf("running", "ran", "runs", "run", "managing", "managed", "manages", "headed", "heading",
	"heads", "joined", "joining", "joins")

// workRoles before "of", "at" or "for" and a firm do the same.
var workRoles = setOf("head", "boss", "chief", "manager", "director", "president", "chairman", "worked", "works",
	"working", "work", "employee", "employees", "staff", "job", "jobs", "employed")

// branchOf reports whether the organisation mention m, in "m in <city>",
// is a firm's office someone works at: a firm that is no one-seat
// facility, after a word of running or working.
func (d *doc) branchOf(m *mention) bool {
	if m.Ent.Kind != graph.Organization && m.Kind != graph.Organization || facilityHeads[d.lower[m.T1-1]] {
		return false
	}
	t := m.T0
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	if t < 1 {
		return false
	}
	switch w := d.lower[t-1]; w {
	case "of", "at", "for", "by", "with":
		return t >= 2 && (workRoles[strings.TrimSuffix(d.lower[t-2], "'s")] && w != "with" || d.workerBefore(m.Sent, t-1))
	default:
		return workWords[w]
	}
}

// workerBefore reports whether the preposition at token p ends a phrase
// naming someone who works at what follows: a person's name ("Tom Hale
// of Kestrel Bank in Leeds") or a role noun with one to three words of
// its field after it ("economist for energy at", "head of currency
// strategy at"), or a post of the firm's staff right before ("a fund
// manager with Kestrel in Leeds"). A bare role noun that may be held
// outside the firm ("an analyst at Kestrel Bank in Leeds") does not count:
// the field is what ties the post, and so the city, to one desk of it.
func (d *doc) workerBefore(si, p int) bool {
	for _, m := range d.bySent[si] {
		if m.T1 == p && m.Kind == graph.Person {
			return true
		}
	}
	for i := p - 1; i >= 0 && i >= p-4; i-- {
		if w := d.lower[i]; workRoles[w] || roleNouns[w] && i < p-1 {
			return true
		}
		if !isLowerWord(d.words[i]) {
			return false // a name or a mark ends the phrase
		}
	}
	return false
}

// stakeNouns before "in" and a name make it a firm: "bought a stake in
// Kestrel". ("Shares in X" is not enough: news writes "shares in Tokyo"
// for a market.)
var stakeNouns = setOf("stake", "stakes", "holding", "holdings", "shareholding", "shareholdings")

// headRoles head a country as well as a firm ("president of Kestrel"),
// so contextKinds leaves them out; the gazetteer knows every country,
// and a name it does not know after them is a firm's or a body's:
// "president of Kestrel Pictures", "Vexa president Tom Hale".
var headRoles = setOf("president", "head", "vice-president")

// headingVerbs take the body someone leads as their object: one heads,
// chairs or runs a firm, never a person.
var headingVerbs = setOf("heads", "chairs", "runs", "founded", "co-founded")

// headedBody reports whether the mention m, which the tagger typed a
// person, is the object of a verb of heading in a relative clause ("Mary
// Lowe, who heads Kestrel Media, said"): the tagger reads the name after
// "who <verb>" as a second person. A possessive after it ("who heads
// Kestrel's sales team") makes it the owner of what is headed, which may
// be a person's.
func (d *doc) headedBody(m *mention) bool {
	t := m.T0
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	if t < 2 || !headingVerbs[d.lower[t-1]] || d.lower[t-2] != "who" {
		return false
	}
	return m.T1 >= len(d.lower) || d.lower[m.T1] != "'s" && d.lower[m.T1] != "'"
}

// firmStaff are the posts of a firm's staff and owners, not of an armed
// or political group's: "economist at Kestrel Financial Group", "Vexa
// Group chairman Tom Hale".
var firmStaff = setOf("economist", "economists", "analyst", "analysts", "strategist", "strategists", "trader",
	"traders", "executive", "executives", "chairman", "chairwoman", "shareholders", "shareholder", "investors",
	"employees", "director", "directors", "president")

// firmStaffed reports whether the mention m of a name ending in "Group"
// is the employer of a firm's post: the post and "at", "of", "for" or
// "with" before it, or the post after it and a person's name.
func (d *doc) firmStaffed(m *mention) bool {
	t := m.T0
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	if t >= 2 {
		switch d.lower[t-1] {
		case "at", "of", "for", "with":
			if firmStaff[d.lower[t-2]] {
				return true
			}
		}
	}
	return m.T1+1 < len(d.lower) && firmStaff[d.lower[m.T1]] && d.personAt(m.T1+1)
}

// firmNounBefore reports whether a firm's noun stands in apposition
// right before token t, with an optional article: "research firm the
// Kestrel Group".
func (d *doc) firmNounBefore(t int) bool {
	if t >= 1 && d.lower[t-1] == "the" {
		t--
	}
	return t >= 1 && firmNouns[d.lower[t-1]]
}

// personAt reports whether a person's mention starts at token t.
func (d *doc) personAt(t int) bool {
	for _, m := range d.mentions {
		if m.T0 == t {
			return m.Kind == graph.Person
		}
	}
	return false
}

// firmKinds adds the organisation votes contextKinds leaves out: a firm's
// noun in apposition before a mention the tagger already typed an
// organisation ("technology firm Kestrel", where another mention of
// Kestrel is typed a place and would outvote it), a stake in a name the
// tagger typed a place, a president or head of such a name that the
// gazetteer does not know, the object of a verb of heading that the
// tagger typed a person, and a "... Group" with a firm's staff.
func (d *doc) firmKinds() {
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Rule != d.x.tagger.Name() || m.T0 < 2 {
			continue
		}
		if k, ok := headWords[d.lower[m.T1-1]]; ok && k == graph.Place {
			continue
		}
		firm := false
		switch m.Kind {
		case graph.Organization:
			firm = firmNouns[d.lower[m.T0-1]]
		case graph.Place:
			firm = d.lower[m.T0-1] == "in" && stakeNouns[d.lower[m.T0-2]] ||
				d.lower[m.T0-1] == "of" && headRoles[d.lower[m.T0-2]] ||
				m.T1+1 < len(d.lower) && headRoles[d.lower[m.T1]] && d.personAt(m.T1+1)
		case graph.Person:
			firm = d.headedBody(m)
		case graph.Group:
			if d.lower[m.T1-1] == "group" && (d.firmStaffed(m) || d.firmNounBefore(m.T0)) {
				// The head word "Group" voted GROUP on every mention;
				// a firm's staff or noun settles it for the entity.
				e.kindVot[graph.Organization] += e.kindVot[graph.Group] + 2*m.Conf
			}
		}
		if firm {
			e.kindVot[graph.Organization] += 2 * m.Conf
		}
	}
}
