package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Speakers of tagged attributions: the source phrase the tagger labelled,
// widened to whole mentions, or the name right before the cue, resolved to
// the entities that speak.

// wholeMentions widens a source span to the whole of the mentions it cuts,
// role phrases included: "Analyst Karl Huber" is the noun phrase PolNeAR
// marks, and "Forces" stands for "the Tarvel Defence Forces".
func (d *doc) wholeMentions(t0, t1 int) (int, int) {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 > t0 })
	for ; i < len(d.mentions) && d.mentions[i].T0 < t1; i++ {
		m := d.mentions[i]
		if m.Anaphor || m.RoleT0 > t0 && m.T0 >= t0 {
			if m.T1 > t1 && !m.Anaphor {
				t1 = m.T1
			}
			continue
		}
		t0 = min(t0, m.RoleT0)
		t1 = max(t1, m.T1)
	}
	return t0, t1
}

// cueWordIn reports whether a cue holds a reporting word: one seen in
// PolNeAR's training cues, a speech verb, any form of a reporting verb,
// "according" or a colon.
func (d *doc) cueWordIn(k0, k1 int) bool {
	for k := k0; k < k1; k++ {
		if w := d.lower[k]; cueWords[w] || speechVerbs[w] || d.reportingWordAt(k) || w == "according" || w == ":" {
			return true
		}
	}
	return false
}

// speakerBefore finds the speaker of a cue the tagger gave no source: a
// name (with its role) or a pronoun right before the cue, allowing one
// adverb between ("X also said"). Without one the claim has no source.
func (d *doc) speakerBefore(k0 int) *speaker {
	none := &speaker{factor: 1}
	end := k0
	if end > 0 && isLowerWord(d.lower[end-1]) && strings.HasSuffix(d.lower[end-1], "ly") || end > 0 && d.lower[end-1] == "also" {
		end--
	}
	if end > 0 && auxiliaries[d.lower[end-1]] && d.toks[end-1].NL == 0 {
		end-- // "Ironhorse has denied", "the firm had said"
	}
	if end <= 0 {
		return none
	}
	if spk := d.clauseSpeaker(k0, end); spk != nil {
		return spk
	}
	if spk := d.coordinatedSpeaker(end); spk != nil {
		return spk
	}
	if d.words[end-1] == "," {
		// "X, leader of the Y, told": skip the apposition back to its
		// comma; "the authority's chief, Henrik Dahl, said": the name
		// between the commas speaks.
		for j := end - 2; j > 0 && j >= end-appositionReach && d.toks[j+1].NL == 0; j-- {
			if w := d.words[j]; w == "," {
				if m := d.mentionSpanning(j+1, end-1); m != nil && m.Ent.Kind == graph.Person {
					return d.sourceSpeaker(m.RoleT0, m.T1)
				}
				end = j
				break
			} else if w == "." || w == ";" || isQuoteToken(w) {
				return none
			}
		}
		if d.words[end-1] == "," {
			return none
		}
	}
	if w := d.lower[end-1]; w == "he" || w == "she" {
		if p := d.pronounSpeaker(end - 1); p != nil {
			return p
		}
		return &speaker{t0: end - 1, t1: end, factor: pronounSpeakerFactor}
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= end })
	for ; i < len(d.mentions) && d.mentions[i].T1 == end; i++ {
		if m := d.mentions[i]; !m.Anaphor && m.Ent != nil && m.Ent.Kind != graph.Place && m.Ent.Kind != graph.Program {
			return d.sourceSpeaker(m.RoleT0, m.T1)
		}
	}
	if r := d.clauseRoleSpeaker(end); r != nil {
		return r
	}
	return none
}

// auxiliaries may stand between a speaker and a cue the tagger gave no
// source.
var auxiliaries = setOf("has", "have", "had", "is", "was", "are", "were", "will", "would", "did", "does")

// mentionSpanning returns the mention covering exactly tokens [t0, t1),
// role phrase allowed.
func (d *doc) mentionSpanning(t0, t1 int) *mention {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t1 })
	for ; i < len(d.mentions) && d.mentions[i].T1 == t1; i++ {
		if m := d.mentions[i]; !m.Anaphor && m.Ent != nil && (m.T0 == t0 || m.RoleT0 == t0) {
			return m
		}
	}
	return nil
}

// sourceSpeaker resolves a tagged source span to the entities it names:
// the people, groups and organisations mentioned inside it; a pronoun to
// the person it stands for; a group noun ("the experts") to the people the
// article introduced in that role.
func (d *doc) sourceSpeaker(t0, t1 int) *speaker {
	spk := d.nounSourceSpeaker(t0, t1)
	if t1 > t0 && fragmentEnds[d.lower[t1-1]] && (len(spk.ents) == 0 || t1-t0 <= 3) || spk.factor == 1 && d.premodifierSource(t0, t1) {
		return &speaker{t0: t0, t1: t1, factor: headGuardFactor}
	}
	if spk.factor != 1 {
		return spk
	}
	if d.governedSource(t0, spk.ents) {
		return &speaker{t0: t0, t1: t1, factor: headGuardFactor}
	}
	if wrong, head := d.misheadedSpeaker(t0, t1, spk.ents); wrong {
		if n := d.headMentionAt(t0, t1, head); n != nil {
			return personSpeaker(t0, n) // "Ruritania FC coach Ann Lee": the name at the head
		}
		return &speaker{t0: t0, t1: t1, factor: headGuardFactor}
	}
	return spk
}

// nounSourceSpeaker is sourceSpeaker before the head guard.
func (d *doc) nounSourceSpeaker(t0, t1 int) *speaker {
	spk := &speaker{t0: t0, t1: t1, factor: 1}
	if n := d.ownedPerson(t0, t1); n != nil {
		return personSpeaker(t0, n) // "X and Y's Ana Ruiz"
	}
	if d.unnamedRole(t0, t1) || d.ownedCommonHead(t0, t1) {
		return spk // "the minister's spokesman", "the singer's mother": unnamed
	}
	first := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 >= t0 })
	for _, m := range d.mentions[first:] {
		if m.T0 >= t1 {
			break
		}
		if m.T1 > t1 || m.Ent == nil {
			continue
		}
		if len(spk.ents) == 0 && d.personAfterPossessive(m, t1) {
			continue // "the Observer's Philip French": the person speaks
		}
		// The head of the noun phrase speaks, and names joined to it by
		// "and"; not the names in an apposition or a prepositional phrase
		// ("X, a lecturer at Y").
		if len(spk.ents) > 0 && !(m.T0 >= 1 && d.lower[m.T0-1] == "and") {
			break
		}
		if len(spk.ents) == 0 && m.Ent.Kind == graph.Person && !m.Anaphor {
			if n := d.personModifierHead(m, t1); n != nil {
				return personSpeaker(t0, n) // "Lib Dem leader Ann Lee"
			}
		}
		if len(spk.ents) == 0 && m.Ent.Kind != graph.Person && !m.Anaphor {
			// "Tottenham sporting director Frank Arnesen", "the chair of
			// the IETF, Brian Carpenter": the person heads the phrase;
			// "Wales coach" names its speaker by role only.
			if n := d.headPerson(m); n != nil && n.T1 <= t1 {
				return personSpeaker(t0, n)
			}
			if n := d.appositionPerson(t0, t1); n != nil && n.RoleT0 > m.T1 {
				return personSpeaker(t0, n)
			}
			if r := d.roleAfter(m); r > 0 && r <= t1 || d.roleBefore(t0, m) {
				return spk // "the party's co-chairman", "chairman of the ISM": the unnamed person in the role speaks
			}
		}
		if len(spk.ents) == 0 && m.Ent.Kind == graph.Person && !m.Anaphor && d.servedPerson(t0, m) {
			return spk // "a spokesman for Mr Vale": the unnamed spokesman speaks
		}
		if len(spk.ents) == 0 && m.Ent.Kind == graph.Person && !m.Anaphor && !plausiblePerson(m.Ent) {
			if r := d.roleAfter(m); r > 0 && r <= t1 || d.roleBefore(t0, m) {
				return spk // "a Defra spokesman", "a spokesman for Dell": a body typed PERSON; its unnamed spokesman speaks
			}
		}
		switch m.Ent.Kind {
		case graph.Person, graph.Group, graph.Organization, graph.Outlet:
			spk.ents = append(spk.ents, m.Ent)
			if m.Other != nil {
				spk.ents = append(spk.ents, m.Other)
			}
			if m.Anaphor {
				spk.factor = pronounSpeakerFactor
			}
		}
	}
	if len(spk.ents) > 0 {
		return spk
	}
	if t1-t0 == 1 && (d.lower[t0] == "who" || d.lower[t0] == "which") && t0 >= 1 && d.words[t0-1] != "," {
		// "the Court of Appeal, who ..." without its comma: the name right
		// before; "broadcasters who say" names no one.
		for i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t0 }); i < len(d.mentions) && d.mentions[i].T1 == t0; i++ {
			if m := d.mentions[i]; !m.Anaphor && m.Ent != nil && (m.Ent.Kind == graph.Organization || m.Ent.Kind == graph.Group || m.Ent.Kind == graph.Outlet || m.Ent.Kind == graph.Person && d.lower[t0] == "who") {
				return &speaker{t0: t0, t1: t1, ents: []*entity{m.Ent}, factor: pronounSpeakerFactor}
			}
		}
		return spk
	}
	if t1-t0 == 1 && (d.lower[t0] == "who" || d.lower[t0] == "which") && t0 >= 2 && d.words[t0-1] == "," {
		// "Kestrel Bank, which ...": the name right before the comma, a
		// body for "which" (also for "who" in British usage), a person for
		// "who"; else "X of the Y, who called ...": the relative pronoun
		// stands for the last person named before its comma.
		for i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t0-1 }); i < len(d.mentions) && d.mentions[i].T1 == t0-1; i++ {
			m := d.mentions[i]
			if m.Anaphor || m.Ent == nil {
				continue
			}
			switch k := m.Ent.Kind; {
			case k == graph.Organization || k == graph.Group || k == graph.Outlet, k == graph.Person && d.lower[t0] == "who":
				return &speaker{t0: t0, t1: t1, ents: []*entity{m.Ent}, factor: pronounSpeakerFactor}
			}
		}
		for i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= t0-1 }) - 1; i >= 0 && d.mentions[i].T1 > t0-14 && d.lower[t0] == "who"; i-- {
			m := d.mentions[i]
			if !m.Anaphor && m.Ent != nil && m.Ent.Kind == graph.Person {
				return &speaker{t0: t0, t1: t1, ents: []*entity{m.Ent}, factor: pronounSpeakerFactor}
			}
		}
		return spk
	}
	if t1-t0 == 1 && (d.lower[t0] == "he" || d.lower[t0] == "she") {
		if p := d.pronounSpeaker(t0); p != nil {
			return p
		}
		return spk
	}
	if t1-t0 == 1 && d.lower[t0] == "they" {
		if p := d.pluralSpeaker(t0); p != nil {
			return p
		}
		return spk
	}
	if t1-t0 == 1 && d.lower[t0] == "it" {
		if o := d.organisationBefore(t0); o != nil {
			return &speaker{t0: t0, t1: t1, ents: []*entity{o}, factor: pronounSpeakerFactor}
		}
		return spk
	}
	if r := d.definiteRoleSpeaker(t0, t1); r != nil {
		return r // "the home secretary": the person the article gave the role
	}
	// The group noun heads the phrase: "the analysts on the programme".
	head := t1 - 1
	for i := t0 + 1; i < t1; i++ {
		if headEndingPrepositions[d.lower[i]] {
			head = i - 1
			break
		}
	}
	if _, ok := groupSpeakers[d.lower[head]]; ok {
		g := d.groupSpeaker(t0, t1, head)
		return g
	}
	return spk
}

// headEndingPrepositions end the head of a source noun phrase.
var headEndingPrepositions = map[string]bool{
	"on": true, "at": true, "in": true, "of": true, "from": true, "for": true, "with": true,
}

// clauseSpeaker finds the speaker of a participle cue after a comma
// ("The experts underscored X, highlighting Y"): an adjunct participle
// shares the subject of its main clause, so the speaker is that of the
// last claim whose cue came before it in the sentence. end is the token
// after the comma; nil when the cue is no such participle.
func (d *doc) clauseSpeaker(k0, end int) *speaker {
	if d.words[end-1] != "," || !strings.HasSuffix(d.lower[k0], "ing") || len(d.lower[k0]) < 5 {
		return nil
	}
	s := d.sents[d.sentenceOf(k0)]
	for t := end - 2; t >= s.T0; t-- {
		if spk := d.cueSpeakers[t]; spk != nil {
			return spk
		}
	}
	// "Kestrel Bank has rejected the charge, saying ...": the main
	// clause's act is no claim, but its subject is the participle's.
	return d.subjectSpeaker(s, end-1)
}

// speakerAfter finds the speaker of an inverted attribution, whose content
// comes before its cue ("..., said Microsoft", "..., says the committee"):
// a name (with its role) or a short noun phrase right after the cue that
// runs to the end of the clause. It returns none when there is no such
// phrase.
func (d *doc) speakerAfter(k1 int, none *speaker) *speaker {
	if k1 >= len(d.words) || d.toks[k1].NL > 0 {
		return none
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 >= k1 })
	for ; i < len(d.mentions) && d.mentions[i].T0 <= k1+6; i++ {
		if m := d.mentions[i]; (m.RoleT0 == k1 || d.descriptorOnly(k1, m.RoleT0)) && !m.Anaphor && m.Ent != nil && m.Ent.Kind != graph.Place && m.Ent.Kind != graph.Program && d.clauseEnds(m.T1) {
			return d.sourceSpeaker(k1, m.T1) // "..., said security firm RSA"
		}
	}
	// "the committee", "a spokesman for the firm": up to four words.
	if w := d.lower[k1]; w == "the" || w == "a" || w == "an" {
		// "the report for the Review Commission": a noun and the
		// organisation it belongs to.
		if k1+3 < len(d.words) && isLowerWord(d.lower[k1+1]) && headEndingPrepositions[d.lower[k1+2]] {
			j := k1 + 3
			if d.lower[j] == "the" {
				j++
			}
			if m := d.mentionSpanning(j, d.mentionEnd(j)); m != nil && m.Ent.Kind != graph.Place && d.clauseEnds(m.T1) {
				return &speaker{t0: k1, t1: m.T1, ents: []*entity{m.Ent}, factor: 1}
			}
		}
		for j := k1 + 2; j <= k1+4 && j <= len(d.words); j++ {
			if d.clauseEnds(j) {
				if isLowerWord(d.lower[j-1]) && d.words[j-1] == d.lower[j-1] {
					return d.sourceSpeaker(k1, j)
				}
				break
			}
		}
	}
	return none
}

// descriptorOnly reports whether tokens [t0, t1) are one to three
// lower-case words that describe the name after them ("security firm",
// "think tank"), with no pronoun or clause word among them.
func (d *doc) descriptorOnly(t0, t1 int) bool {
	if t1 <= t0 || t1-t0 > 3 {
		return false
	}
	for t := t0; t < t1; t++ {
		w := d.lower[t]
		if !isLowerWord(w) || d.toks[t].NL > 0 || notDescriptors[w] {
			return false
		}
	}
	return true
}

var notDescriptors = setOf("that", "to", "it", "he", "she", "they", "we", "i", "you", "on", "in", "at", "of", "and",
	"but", "was", "is", "had", "has", "would", "will", "after", "before", "when", "as", "by", "for", "with")

// clauseEnds reports whether token t ends a clause: the end of the text,
// or a full stop, comma, semicolon or closing quotation mark.
func (d *doc) clauseEnds(t int) bool {
	if t >= len(d.words) {
		return true
	}
	switch d.words[t] {
	case ".", ",", ";", "!", "?", "\"", "”":
		return true
	}
	return false
}

// appositionReach is how far back speakerBefore looks for the comma that
// opens an apposition or a relative clause ("Mr Blair, who last year
// denied ..., said").
const appositionReach = 24

// mentionEnd is the end of the mention starting at token t, or t.
func (d *doc) mentionEnd(t int) int {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 >= t })
	if i < len(d.mentions) && d.mentions[i].T0 == t {
		return d.mentions[i].T1
	}
	return t
}

// coordinatedSpeaker finds the speaker of a cue coordinated with an
// earlier one of its sentence ("X said ..., but admitted ..."): the cue
// right after "but" or "and" shares the subject of the last cue before it.
// end is the cue's first token; nil when there is no such cue.
func (d *doc) coordinatedSpeaker(end int) *speaker {
	if w := d.lower[end-1]; w != "but" && w != "and" {
		return nil
	}
	s := d.sents[d.sentenceOf(end)]
	for t := end - 2; t >= s.T0; t-- {
		if spk := d.cueSpeakers[t]; spk != nil {
			return spk
		}
	}
	// "X, of the Y, was playing a gig but said ...": the subject that
	// opens the sentence.
	return d.subjectSpeaker(s, end)
}

// subjectSpeaker is the speaker named by the subject that opens sentence
// s before token end, a person, an organisation, a group or an outlet
// ("Kestrel Bank has rejected the charge, saying ..."), or nil.
func (d *doc) subjectSpeaker(s sentence, end int) *speaker {
	t0 := s.T0
	for t0 < end && (sentenceOpeners[d.lower[t0]] || d.words[t0] == ",") {
		t0++
	}
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 > t0 })
	if i >= len(d.mentions) {
		return nil
	}
	m := d.mentions[i]
	if m.RoleT0 != t0 || m.Anaphor || m.Ent == nil || m.T1 >= end {
		return nil
	}
	switch m.Ent.Kind {
	case graph.Person:
		return personSpeaker(t0, m)
	case graph.Organization, graph.Group, graph.Outlet:
		if d.words[m.T1] == "'s" {
			return nil // "Kestrel's chief ...": the chief speaks
		}
		return d.sourceSpeaker(m.RoleT0, m.T1)
	}
	return nil
}

// sentenceOpeners are conjunctions and adverbs that may stand before a
// sentence's subject.
var sentenceOpeners = setOf("but", "and", "however", "earlier", "meanwhile", "now", "yet", "so", "also", "later", "separately")

// nounSubject is the speaker named by a common noun phrase that opens a
// clause at t0, before token end: "the/a" and one to three lower-case
// words, then a verb ("The government has rejected the charge, saying
// ..."). The phrase identifies its speaker and names no entity. nil when
// the clause opens otherwise.
func (d *doc) nounSubject(t0, end int) *speaker {
	if t0+1 >= end || d.lower[t0] != "the" && d.lower[t0] != "a" && d.lower[t0] != "an" {
		return nil
	}
	for t := t0 + 1; t < end && t <= t0+4; t++ {
		w := d.lower[t]
		if !isLowerWord(d.words[t]) || d.toks[t].NL > 0 || strings.HasSuffix(w, "ly") {
			return nil
		}
		if t > t0+1 && (auxiliaries[w] || finiteVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed")) {
			return &speaker{t0: t0, t1: t, factor: 1}
		}
	}
	return nil
}
