package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The tagger learnt from CoNLL, where a party is an ORG like a firm, and
// where most one-word names it has not seen are people. Two article-wide
// readings correct the entity's kind: a name with a party's members after
// it is a party (a GROUP), and a name the tagger calls a person that the
// article uses as a firm, and never as a person, is an organisation.

// partyMembers after a name make it a political party's: "Kestrel MP Tom
// Hale", "Vexa activists", "the Kestrel manifesto". Firms, unions and
// councils have no MPs, candidates or manifestos.
var partyMembers = setOf("mp", "mps", "mep", "meps", "msp", "msps", "councillor", "councillors", "activist",
	"activists", "manifesto", "backbencher", "backbenchers", "frontbencher",
	"frontbenchers", "peer", "peers", "leadership")

// partyKinds votes a GROUP for a name the tagger typed an organisation
// where a party's member follows it ("Kestrel MP Tom Hale", "Vexa's
// manifesto"), or its leader or candidate and a person's name ("Kestrel
// leader Tom Hale"; a team has candidates too, unnamed): a firm has a chief, a chairman or a boss, and news calls none of
// them "leader" before the name. A name with an organisation's own head
// word in any of its forms ("Kestrel Council leader", "the Vexa Workers'
// Union ... Vexa leader Tom Hale") keeps its kind.
func (d *doc) partyKinds() {
	party := map[*entity]float64{}
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.Kind != graph.Organization || m.Rule != d.x.tagger.Name() {
			continue
		}
		if k, ok := headWords[d.lower[m.T1-1]]; ok && k != graph.Group {
			continue
		}
		t := m.T1
		if t < len(d.lower) && (d.lower[t] == "'s" || d.lower[t] == "’s") {
			t++
		}
		if t >= len(d.lower) {
			continue
		}
		if partyMembers[d.lower[t]] || (d.words[t] == "leader" || d.words[t] == "candidate") && t == m.T1 && d.personAt(t+1) {
			party[e] += 2 * m.Conf
		}
	}
	for e, v := range party {
		if !bodyHeaded(e.forms) {
			// The cue outweighs the tagger's ORG on every other mention:
			// to the tagger a party and a firm are one class.
			e.kindVot[graph.Group] += e.kindVot[graph.Organization] + v
		}
	}
}

// bodyHeaded reports whether a form ends in an organisation's head word:
// "... Union", "... Council".
func bodyHeaded(forms []string) bool {
	for _, f := range forms {
		w := strings.Fields(f)
		if k, ok := headWords[lowerASCII(w[len(w)-1])]; ok && k == graph.Organization {
			return true
		}
	}
	return false
}

// firmAfter are what a firm has and a person does not, right after its
// name or its possessive: "Kestrel shares", "Vexa's profits", "the
// Kestrel website".
var firmAfter = setOf("shares", "profits", "shareholders", "subsidiary", "subsidiaries", "plc", "ltd")

// firmSites after a name without a possessive are the firm's web
// presence: "the Kestrel site". A person owns a site too ("Hale's site").
var firmSites = setOf("website", "site", "portal")

// objectStarts begin the object of a verb: after "Kestrel shares" they
// make "shares" a verb ("Hale shares the prize"), not the firm's stock.
var objectStarts = setOf("the", "a", "an", "his", "her", "their", "its", "this", "that", "some", "one", "two",
	"three", "four", "five", "six", "seven", "eight", "nine", "ten", "in", "with")

// firmBefore are the firm's nouns in apposition before a one-word name
// that the tagger typed a person ("charity Kestrel", "publisher Vexa"):
// firmNouns and the trades news names firms by.
var firmBefore = setOf("charity", "housebuilder", "studio", "label", "retailer")

// personFirms votes an organisation, outvoting the tagger, for a name it
// typed a person (on most of its mentions) where the article uses the name as a firm's (firmAfter
// after it, a stake or shares in it, a business role of it, a firm's noun
// before it) and never as a person's: no title, no gender, no role before
// any of its mentions. One name, one entity within an article: a firm
// called after its founder ("Tom Hale Homes") is the firm wherever the
// article reports its profits. The weaker cues of firmcues.go (a firm's
// "it" and "its", a legal suffix, a plural verb) count only for a name
// the article never uses as a person's in any way (personUse): "he"
// taking it up, a given name or a longer name ending with it as well.
func (d *doc) personFirms() {
	firm, cued := map[*entity]float64{}, map[*entity]float64{}
	suffixed := map[*entity]bool{}
	for _, m := range d.mentions {
		e := m.Ent
		if m.Anaphor || m.Gaz != nil || e.Gaz != nil || m.T1-m.T0 > 2 {
			continue
		}
		if _, ok := suffixed[e]; !ok {
			suffixed[e] = d.hasSuffixForm(e)
		}
		switch {
		case d.firmContext(m):
			firm[e] += 2 * m.Conf
		case suffixed[e] || d.firmCue(m):
			cued[e] += 2 * m.Conf
		}
	}
	for e, v := range firm {
		if e.gender != 0 || !personWins(e) || d.personCue(e) {
			continue
		}
		e.kindVot[graph.Organization] += e.kindVot[graph.Person] + v
	}
	for e, v := range cued {
		if _, done := firm[e]; done || !personWins(e) || d.personUse(e) {
			continue
		}
		e.kindVot[graph.Organization] += e.kindVot[graph.Person] + v
	}
}

// personWins reports whether the votes so far make e a person: the cue
// corrects the tagger's person, not a place or a body. A tie goes to the
// person, as in finishEntity: the tagger reads an unseen firm as a person
// in one sentence and a place in the next.
func personWins(e *entity) bool {
	for k, v := range e.kindVot {
		if k != graph.Person && v > e.kindVot[graph.Person] {
			return false
		}
	}
	return e.kindVot[graph.Person] > 0
}

// firmContext reports whether the mention m stands where a firm's name
// does.
func (d *doc) firmContext(m *mention) bool {
	t := m.T1
	possessive := t < len(d.lower) && (d.lower[t] == "'s" || d.lower[t] == "’s")
	if possessive {
		t++
	}
	if t < len(d.lower) && firmAfter[d.lower[t]] && (possessive || t+1 >= len(d.lower) || !objectStarts[d.lower[t+1]]) {
		return true
	}
	if !possessive && t < len(d.lower) && firmSites[d.lower[t]] {
		return true
	}
	if possessive {
		return false // "chief executive of Hale's new firm": the firm is another
	}
	if t+1 < len(d.lower) && (businessRoles[d.lower[t]] || teamRoles[d.lower[t]]) && d.givenPersonAt(t+1) {
		return true // "Kestrel manager Tom Hale": a body's officer, named after it
	}
	if d.modifiesRole(m) || d.studyBy(m) {
		return true // "a Kestrel spokeswoman", "a survey by Kestrel"
	}
	t0 := m.T0
	if t0 >= 1 && d.lower[t0-1] == "the" {
		t0--
	}
	if t0 >= 2 {
		switch d.lower[t0-1] {
		case "in":
			return stakeNouns[d.lower[t0-2]] || d.lower[t0-2] == "shares"
		case "of":
			// A singer has a manager and a horse an owner.
			return businessRoles[d.lower[t0-2]] && d.lower[t0-2] != "owner" && d.lower[t0-2] != "manager" || d.lower[t0-2] == "shares"
		}
	}
	return m.T1-m.T0 == 1 && m.T0 >= 1 && (firmNouns[d.lower[m.T0-1]] || firmBefore[d.lower[m.T0-1]])
}

// personCue reports whether any mention of e has a title or a person's
// role before it ("Mr", "Dame", "spokesman"): the article then uses the
// name as a person's, whatever else it says of it.
func (d *doc) personCue(e *entity) bool {
	for _, r := range e.roles {
		if !firmNouns[r] && !firmBefore[r] {
			return true
		}
	}
	for _, m := range d.mentions {
		if m.Ent == e && !m.Anaphor && (m.Rule == "title" || d.genderCue(&m.candidate) != 0) {
			return true
		}
	}
	return false
}

// modifiesRole reports whether mention m stands between an indefinite
// article and a role noun ("a Kestrel spokeswoman", "an Acme analyst"): a
// person's name takes no article and serves as no one's modifier, a
// body's does.
func (d *doc) modifiesRole(m *mention) bool {
	if m.T0 < 1 || m.T1 >= len(d.lower) || d.lower[m.T0-1] != "a" && d.lower[m.T0-1] != "an" {
		return false
	}
	return isRoleNoun(d.lower[m.T1]) || roleBodies[d.lower[m.T1]]
}

// studyNouns are works a body publishes: "a survey by Kestrel".
var studyNouns = setOf("survey", "report", "study", "poll", "research", "analysis", "forecast", "index", "audit")

// studyBy reports whether mention m is the author of a study ("a recent
// survey by Kestrel", "research by Vexa"): surveys and reports are
// published by firms and institutes far more often than by a person.
func (d *doc) studyBy(m *mention) bool {
	return m.T0 >= 2 && d.lower[m.T0-1] == "by" && studyNouns[d.lower[m.T0-2]]
}
