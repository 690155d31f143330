package extract

// A definite role ("the home secretary said") refers back to the person
// the article gave that role, in a title before the name ("Home Secretary
// Ann Lee") or in an apposition after it ("Ann Lee, the home secretary,").
// Resolving it names the speaker, and a later "he" or "she" continues that
// speaker rather than someone named further back. When no one, or more
// than one person, holds the role, the phrase names no one, as before.

import "github.com/newsgraph/newsgraph/graph"

// definiteRole returns the person the source phrase [t0, t1) refers to
// when it is "the" and lower-case words ending in a role noun, and
// exactly one person named before t0 was given those words as a role;
// else nil.
func (d *doc) definiteRole(t0, t1 int) *entity {
	if t1-t0 < 2 || t1 > len(d.lower) || d.lower[t0] != "the" || !isRoleNoun(d.lower[t1-1]) {
		return nil
	}
	if _, ok := groupSpeakers[d.lower[t1-1]]; ok {
		return nil // "the experts": a group, resolved by groupSpeaker
	}
	role := d.lower[t0+1 : t1]
	for k := t0 + 1; k < t1; k++ {
		if !isLowerWord(d.words[k]) || d.toks[k].NL > 0 {
			return nil // "the Tory leader", "the party's leader": an owner or a body's name changes who is meant
		}
	}
	var found *entity
	for _, m := range d.mentions {
		if m.T0 >= t0 {
			break
		}
		if m.Anaphor || m.Ent == nil || m.Ent.Kind != graph.Person || m.Ent == found {
			continue
		}
		if !d.titledBy(m, role) && !d.appositionRole(m, role) {
			continue
		}
		if found != nil {
			return nil // two people hold the role: which one is meant is a guess
		}
		found = m.Ent
	}
	return found
}

// titledBy reports whether role words open person mention m's phrase
// ("Home Secretary Ann Lee"), before its name or, where the tagger took
// them into the name, inside it; and nothing that narrows the role
// stands before them ("Irish Prime Minister", "shadow home secretary",
// "Britain's prime minister").
func (d *doc) titledBy(m *mention, role []string) bool {
	for _, s := range []int{m.T0 - len(role), m.RoleT0, m.T0} {
		if s >= 0 && s+len(role) < m.T1 && d.sentenceOf(s) == m.Sent && d.wordsAt(s, role) && d.opensPhrase(s) {
			return true
		}
	}
	return false
}

// wordsAt reports whether the lower-cased tokens from s on are words, on
// one line.
func (d *doc) wordsAt(s int, words []string) bool {
	if s+len(words) > len(d.lower) {
		return false
	}
	for k, w := range words {
		if d.lower[s+k] != w || k > 0 && d.toks[s+k].NL > 0 {
			return false
		}
	}
	return true
}

// opensPhrase reports whether token s opens a noun phrase that nothing
// before it narrows: a sentence start, an article, punctuation, or a
// lower-case word that is no modifier ("said Home Secretary Ann Lee").
func (d *doc) opensPhrase(s int) bool {
	if s == d.sents[d.sentenceOf(s)].T0 || d.toks[s].NL > 0 {
		return true
	}
	p := d.words[s-1]
	switch {
	case d.lower[s-1] == "the", p == ",", p == "(", p == ":", isQuoteToken(p):
		return true
	case isLowerWord(p):
		return !isRoleModifier(p) && !rankWords[p]
	}
	return false // a name, a possessive or another modifier narrows the role
}

// appositionRole reports whether the role words follow person mention m
// as an apposition: "Ann Lee, the home secretary," or "Ann Lee, home
// secretary.". The role must end there: "the secretary of a club" is
// another role.
func (d *doc) appositionRole(m *mention, role []string) bool {
	t := m.T1
	if t >= len(d.words) || d.words[t] != "," {
		return false
	}
	t++
	if t < len(d.lower) && d.lower[t] == "the" {
		t++
	}
	if !d.wordsAt(t, role) {
		return false
	}
	e := t + len(role)
	if e == len(d.words) {
		return true
	}
	switch d.words[e] {
	case ",", ".", ";", ")", "and", "-", "–", "—":
		return true
	}
	return isQuoteToken(d.words[e])
}

// rankWords before a role make it another office than the bare role:
// "the shadow home secretary" is not the home secretary.
var rankWords = setOf("shadow", "deputy", "former", "assistant", "junior", "acting", "interim", "vice",
	"ex", "under", "outgoing", "incoming", "new", "previous", "late")

// definiteRoleSpeaker is the speaker of the source phrase [t0, t1) named
// by a definite role the article gave one person, or nil. It is resolved
// by reference, as a pronoun is, so it is trusted as one.
func (d *doc) definiteRoleSpeaker(t0, t1 int) *speaker {
	e := d.definiteRole(t0, t1)
	if e == nil {
		return nil
	}
	return &speaker{t0: t0, t1: t1, ents: []*entity{e}, factor: pronounSpeakerFactor}
}

// clauseRoleSpeaker finds a definite role right before a cue, opening its
// clause ("..., the home secretary said"), for speakerBefore; nil when
// there is none the article gave one person.
func (d *doc) clauseRoleSpeaker(end int) *speaker {
	for j := end - 2; j >= 0 && j >= end-5; j-- {
		if d.toks[j+1].NL > 0 || !isLowerWord(d.words[j]) {
			return nil
		}
		if d.lower[j] != "the" {
			continue
		}
		if j == d.sents[d.sentenceOf(j)].T0 || j > 0 && (d.words[j-1] == "," || subjectOpeners[d.lower[j-1]] || isQuoteToken(d.words[j-1])) {
			return d.definiteRoleSpeaker(j, end)
		}
		return nil
	}
	return nil
}
