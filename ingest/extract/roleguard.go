package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// A source phrase names its speaker by its head: the last word of its first
// noun phrase, before a comma, a relative pronoun or a preposition. When
// the head is a person's role ("the city's MP", "the director behind three
// films") or a name after a title ("Mr Lee, who quit the party"), or a name
// after a class noun that an earlier name only modifies ("a Ruritanian
// policy institute Open Futures", "<film> producer <name>"), the speaker is
// that person or body. A name found elsewhere in the phrase that is no
// person (a film, the party quit, the country) is not the speaker; when
// the tagger did not find the head, the claim keeps its source phrase and
// names no one, and is tentative.

// headGuardFactor scales a claim whose source phrase resolved to a name
// that is not its head: below graph.TentativeClaimConfidence for every
// rule's confidence, so the claim is not listed by default.
const headGuardFactor = 0.45

// headBoundaries end the first noun phrase of a source span.
var headBoundaries = setOf(",", "who", "which", "that", "behind", "at", "of", "for", "from", "in", "on",
	"with", "about", "to", "over", "under", "after", "before", "during", "like", "(", "-", "–")

// misheadedSpeaker reports whether the entities resolved for the source
// phrase [t0, t1) stand outside its head: the head is a role or a titled
// name, none of them is a person, and the name found stands outside the
// head (a name covering the head is the speaker, whatever its kind; a
// name in apposition after a comma too); or the head is a name after a
// class noun that the first of them only modifies.
func (d *doc) misheadedSpeaker(t0, t1 int, ents []*entity) (bool, int) {
	if len(ents) == 0 {
		return false, -1
	}
	end := t1
	for t := t0 + 1; t < t1; t++ {
		if headBoundaries[d.lower[t]] {
			end = t
			break
		}
	}
	head := end - 1
	person := false
	for _, e := range ents {
		person = person || e.Kind == graph.Person
	}
	m := d.firstMentionOf(t0, t1, ents[0])
	if m == nil {
		return false, head
	}
	covers := false
	for _, e := range ents {
		if n := d.firstMentionOf(t0, t1, e); n != nil && n.T0 <= head && head < n.T1 {
			covers = true // "Lord Justice Rix and Mr Justice Forbes": the second name is a head too
		}
	}
	apposed := end < t1 && d.words[end] == "," && m.T0 > end
	if !person && !apposed && (isRoleNoun(d.lower[head]) && (!covers || !capitalised(d.words[head])) ||
		head > t0 && isTitle(d.lower[head-1]) && capitalised(d.words[head]) && !covers) {
		return true, head // "the film's director" resolved to the film; "Mr Lee, who quit the party" to the party
	}
	if !capitalised(d.words[head]) || m.T1 > head {
		return false, head
	}
	// A lower-case class noun between the name and the head: the name
	// modifies it ("the US research body X", "Ann Lee's son Tom"); the
	// capitalised words after the class noun name the speaker. Names
	// joined by "and" are two speakers.
	for t := m.T1; t < head; t++ {
		if d.lower[t] == "and" || d.lower[t] == "&" {
			return false, head
		}
	}
	for t := m.T1; t < head; t++ {
		if isLowerWord(d.words[t]) && !determiners[d.lower[t]] {
			return true, head
		}
	}
	return false, head
}

// headMentionAt returns the mention that names the head of the source
// phrase [t0, t1): a person covering token head, or in apposition right
// after the comma that ends the head's phrase ("the party's leader, Ann
// Lee"); or, when the head is no role, an organisation, group or outlet
// covering it ("the sport's ruling body the IAAF"). nil when there is none.
func (d *doc) headMentionAt(t0, t1, head int) *mention {
	for _, m := range d.mentions {
		if m.T0 < t0 || m.T1 > t1 || m.Anaphor || m.Ent == nil {
			continue
		}
		apposed := m.T0 == head+2 && d.words[head+1] == ","
		switch m.Ent.Kind {
		case graph.Person:
			if m.T0 <= head && head < m.T1 || apposed {
				return m
			}
		case graph.Organization, graph.Group, graph.Outlet:
			if m.T0 <= head && head < m.T1 && !isRoleNoun(d.lower[head]) {
				return m
			}
		}
	}
	return nil
}

// firstMentionOf returns the first mention of e inside tokens [t0, t1).
func (d *doc) firstMentionOf(t0, t1 int, e *entity) *mention {
	for _, m := range d.mentions {
		if m.T0 >= t0 && m.T1 <= t1 && (m.Ent == e || m.Other == e) {
			return m
		}
	}
	return nil
}

// fragmentEnds cannot end a noun phrase: a short source span ending in
// one is cut off inside a coordination or a prepositional phrase ("the
// firm and", "the head of") and names no one it can be trusted with. A
// long span ending so is a whole clause whose subject the tagger took in
// ("X posted its results and [predicted]"): its resolved subject stays.
var fragmentEnds = setOf("and", "or", "but", "of", "for", "from", "with", "to", "by", "the", "a", "an", "at", "in", "on")

// premodifierSource reports whether a source span [t0, t1) after its cue
// only premodifies the phrase after it: one to three lower-case class
// nouns and a name follow ("according to [the US] research body Open
// Futures"), so the name after them is the head, and the speaker, not the
// span. A span before its cue is followed by the verb phrase instead.
func (d *doc) premodifierSource(t0, t1 int) bool {
	if t0 < 1 || !(d.lower[t0-1] == "to" && t0 >= 2 && d.lower[t0-2] == "according" || d.reportingWordAt(t0-1)) {
		return false
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 > t1 })
	if i == len(d.mentions) {
		return false
	}
	m := d.mentions[i]
	if m.Anaphor || m.Ent == nil || m.Ent.Kind == graph.Place || m.T0 > t1+3 || !d.descriptorOnly(t1, m.T0) {
		return false
	}
	for k := t1; k < m.T0; k++ {
		if d.reportingWordAt(k) || d.cueWordIn(k, k+1) {
			return false
		}
	}
	return true
}

// slotHead applies the head rule to a quote rule's slot m: its phrase runs
// from its role words to the end of a class noun and a name after it
// ("<film> producer Ann Lee"). nil when m heads its phrase.
func (d *doc) slotHead(m *mention) *speaker {
	e := m.T1
	for e < len(d.words) && e < m.T1+3 && isLowerWord(d.words[e]) && !notDescriptors[d.lower[e]] && !d.reportingWordAt(e) && d.toks[e].NL == 0 {
		e++
	}
	if e > m.T1 {
		n := e
		for n < len(d.words) && capitalised(d.words[n]) && d.toks[n].NL == 0 {
			n++
		}
		if n == e && !isRoleNoun(d.lower[e-1]) {
			e = m.T1 // no name after the lower-case words: they are no class noun of a name
		} else if n > e {
			e = n
		}
	}
	wrong, head := d.misheadedSpeaker(m.RoleT0, e, []*entity{m.Ent})
	if !wrong {
		return nil
	}
	if n := d.headMentionAt(m.RoleT0, e, head); n != nil {
		return personSpeaker(m.RoleT0, n)
	}
	return &speaker{t0: m.RoleT0, t1: e, factor: headGuardFactor}
}

// governors take the source span after them as their object: a
// preposition ("the MP for <constituency>", "a spokesman for the embassy
// in <city>", "who won damages from <paper>") or "told" (the addressee).
// The span then modifies or is addressed by the real subject, which the
// tagger left out. "according to" and the passive "by" are not here: their
// object speaks.
var governors = setOf("for", "of", "in", "from", "at", "with", "told", "tell", "tells", "telling")

// governedSource reports whether the source span starting at t0 is the
// object of a governor and names no person: the place, body or outlet it
// resolved to is not the speaker, and the claim names no one. A body is
// kept where it does speak: for its spokesman ("a spokeswoman for the
// council"), as the author of a document ("research from <bank>"), or as
// the rest of its own name ("the Office for <statistics>"). A place never
// speaks.
func (d *doc) governedSource(t0 int, ents []*entity) bool {
	if t0 >= 1 && determiners[d.lower[t0-1]] {
		t0-- // "from the <paper>"
	}
	if t0 < 1 || !governors[d.lower[t0-1]] || len(ents) == 0 {
		return false
	}
	place := false
	for _, e := range ents {
		if e.Kind == graph.Person {
			return false
		}
		place = place || e.Kind == graph.Place
	}
	if place || t0 < 2 || d.lower[t0-1] == "told" {
		return true
	}
	before := d.lower[t0-2]
	return !(mouthpieces[before] || documentNouns[before] || capitalised(d.words[t0-2]))
}

// mouthpieces speak for the body they belong to; documentNouns are
// written by the body after them.
var (
	mouthpieces   = setOf("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "representative", "representatives")
	documentNouns = setOf("research", "report", "reports", "figures", "data", "survey", "study", "statement", "analysis", "estimates", "forecast", "forecasts")
)
