package extract

// The speaker of a claim: the entity a slot names, a group of named
// experts, or the person a pronoun stands for.

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// slotSpeaker is the speaker named by an entity slot, with its role words.
func (d *doc) slotSpeaker(s *slot) *speaker {
	if s.ent.Kind == graph.Program {
		return nil
	}
	if !s.m.Anaphor {
		if n := d.appositionOwner(s.m); n != nil {
			return personSpeaker(n.RoleT0, n) // "Nick Davies, spokesman for the IAAF, said"
		}
		if n := d.possessedPerson(s.m, min(s.m.T1+8, len(d.words))); n != nil {
			return personSpeaker(s.m.RoleT0, n) // "said the Observer's Tom Hale"
		}
		if e := d.ownedRoleEnd(s.m); e > 0 {
			return &speaker{t0: s.m.RoleT0, t1: e, factor: 1} // "the minister's spokesman said"
		}
		if e := d.ownedNounEnd(s.m); e > 0 {
			return &speaker{t0: s.m.RoleT0, t1: e, factor: 1} // "according to the singer's agent"
		}
		if n := d.headPerson(s.m); n != nil {
			return personSpeaker(s.m.RoleT0, n)
		}
		if r := d.roleAfter(s.m); r > 0 {
			return &speaker{t0: s.m.RoleT0, t1: r, factor: 1}
		}
		if sp := d.slotHead(s.m); sp != nil {
			return sp
		}
		if d.governedSource(s.m.RoleT0, []*entity{s.ent}) {
			return &speaker{t0: s.m.RoleT0, t1: s.m.T1, factor: headGuardFactor} // "the MP for <constituency> said"
		}
	}
	sp := &speaker{t0: s.m.RoleT0, t1: s.m.T1, ents: []*entity{s.ent}, factor: 1}
	if s.m.Other != nil {
		sp.ents = append(sp.ents, s.m.Other)
	}
	if s.m.Anaphor {
		sp.factor = pronounSpeakerFactor
	}
	return sp
}

// groupSpeaker resolves "the experts", "analysts", "officials" to the
// people the article introduced in such roles; head is the group noun.
func (d *doc) groupSpeaker(t0, t1, head int) *speaker {
	sp := &speaker{t0: t0, t1: t1, factor: groupSpeakerFactor}
	roles := groupSpeakers[d.lower[head]]
	if roles == nil {
		return sp
	}
	// Only people mentioned before the attribution, and recently enough to
	// be the ones meant.
	si := d.sentenceOf(t0)
	seen := map[*entity]bool{}
	for s := si; s >= 0 && s > si-groupSpeakerWindow; s-- {
		for _, m := range d.bySent[s] {
			e := m.Ent
			if m.T0 >= t0 || seen[e] || e.Kind != graph.Person {
				continue
			}
			seen[e] = true
			for _, r := range e.roles {
				f := strings.Fields(r)
				if len(f) > 0 && roles[f[len(f)-1]] {
					sp.ents = append(sp.ents, e)
					break
				}
			}
		}
	}
	// A plural stands for more than one person: one analyst named before
	// is not "analysts", and the group stays unnamed.
	if len(sp.ents) == 1 {
		sp.ents = nil
	}
	if len(sp.ents) > 0 {
		sp.factor = resolvedGroupFactor
	}
	// Keep the order of introduction.
	sort.SliceStable(sp.ents, func(i, j int) bool { return sp.ents[i].first < sp.ents[j].first })
	return sp
}

// plausiblePerson reports whether a PERSON entity can stand for "he" or
// "she": one a title or role gave a gender, or a name of two words or more
// that does not end like an organisation's ("Jupiter Research"). A
// one-word name with no gender is as often a firm or a country the tagger
// typed PERSON ("Gartner", "Maldives").
func plausiblePerson(e *entity) bool {
	if e.gender != 0 {
		return true
	}
	last := lastWord(e.Name)
	return strings.Contains(strings.TrimSpace(e.Name), " ") && !orgHeads[last] && !firmHeads[last]
}

// firmHeads end the names of firms that orgHeads, made for places, leaves out.
var firmHeads = setOf("research", "consulting", "capital", "partners", "securities", "economics", "media",
	"systems", "technologies", "software", "communications", "associates", "international", "motors", "airways")

// pronounSpeaker resolves "he" or "she" to the last person named in the
// same or the previous two sentences whose title or role does not say
// otherwise.
func (d *doc) pronounSpeaker(t int) *speaker {
	return d.pronounSpeakerExcept(t, nil)
}

// quotePronounSpeaker resolves the "he" or "she" who speaks the quote
// between tokens o and c. A person the quote names is someone the speaker
// talks about ("X is the best we have," he said), not the speaker.
func (d *doc) quotePronounSpeaker(t, o, c int) *speaker {
	named := map[*entity]bool{}
	for s := d.sentenceOf(o); s <= d.sentenceOf(c); s++ {
		for _, m := range d.bySent[s] {
			if m.T0 > o && m.T0 < c && !m.Anaphor && m.Ent.Kind == graph.Person {
				named[m.Ent] = true
			}
		}
	}
	return d.pronounSpeakerExcept(t, named)
}

// pronounSpeakerExcept is pronounSpeaker leaving out the people in not.
func (d *doc) pronounSpeakerExcept(t int, not map[*entity]bool) *speaker {
	si := d.sentenceOf(t)
	other := byte('f') // the gender the pronoun excludes
	if d.lower[t] == "she" {
		other = 'm'
	}
	// The most recent of: the last person named outside quotation marks,
	// and the last person an attribution named as its speaker.
	var best *entity
	pos, oblique := -1, false
	// In "Ann Lee's plan was vague, he said" the words before the
	// pronoun are what he said: a person named there is not the speaker.
	// A colon before the quote ("Ann Lee added: "...," she said")
	// leaves its speaker outside.
	inverted := t
	if t > 0 && d.words[t-1] == "," || t > 1 && isQuoteToken(d.words[t-1]) && d.words[t-2] == "," && !d.colonBefore(si, t) {
		inverted = d.sents[si].T0
	}
	// A person in subject position wins over one named later as an
	// object in the window (subjects are what "he" continues).
	for s := si; s >= 0 && s >= si-pronounReach && (best == nil || oblique); s-- {
		ms := d.bySent[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.T0 < t && m.T0 < inverted && m.Ent.Kind == graph.Person && m.Ent.gender != other && !d.inQuote(m.T0) && plausiblePerson(m.Ent) && !not[m.Ent] {
				if best == nil {
					best, pos, oblique = m.Ent, m.T0, d.oblique(m)
				} else if !d.oblique(m) {
					best, oblique = m.Ent, false // pos stays: a later speaker still wins
				}
				if !oblique {
					break
				}
			}
		}
	}
	for s := si; s >= 0 && s >= si-2; s-- {
		// The speakers of a sentence are recorded out of order (the
		// tagger's before the quote rules'): the latest cue before t wins.
		// The tagger's sources count as speakers before their claims
		// are made: the quote rules run first. Like the people named,
		// they must stand before an inverted pronoun's content.
		var last *spoken
		for i, sps := range [][]spoken{d.speakers[s], d.taggedSpeakers[s]} {
			for k := range sps {
				sp := &sps[k]
				if sp.cue < t && (i == 0 || sp.cue < inverted) && sp.ent.gender != other && !not[sp.ent] && (last == nil || sp.cue > last.cue) {
					last = sp
				}
			}
		}
		// A person named after a preposition or as an object ("sold
		// the striker to X", "the case against Y") is seldom the "he"
		// who then speaks: the last speaker is, even named before. So is
		// a person named in what the speaker said ("X said Y had lied").
		if last != nil && (last.cue > pos || oblique || pos >= 0 && d.sentenceOf(pos) == s) {
			best, pos = last.ent, last.cue
			break
		}
	}
	if best == nil {
		// Quotes may run on for paragraphs after their speaker was
		// named: the last person who spoke, further back; else the last
		// the tagger named as a source, whose claim is not made yet.
		best = lastSpeaker(d.speakers, si-3, si-pronounSpeakerReach, t, other, not)
		if best == nil {
			best = lastSpeaker(d.taggedSpeakers, si, si-pronounSpeakerReach, t, other, not)
		}
	}
	if best == nil {
		return nil
	}
	if d.nearerAntecedent(t, pos, inverted, other) || d.rivalAntecedent(t, best, other, not) {
		return &speaker{t0: t, t1: t + 1, factor: pronounSpeakerFactor} // a guess: left unresolved
	}
	factor := pronounSpeakerFactor
	if d.crowdedAntecedents(t) && !d.clearAntecedent(t, pos, oblique, best) {
		factor = crowdedPronounFactor
	}
	return &speaker{t0: t, t1: t + 1, ents: []*entity{best}, factor: factor}
}

// oblique reports whether mention m stands after a preposition or a verb
// (an object, not a subject): the lower-case word right before its phrase
// (and its article) is no conjunction.
func (d *doc) oblique(m *mention) bool {
	t := m.RoleT0
	if d.possessor(m) && (d.sents[d.sentenceOf(t)].T0 != t || d.possessorOfPerson(m)) {
		// "echoed Tom Hale's words", "Tom Hale's deputy Ann Lee": the
		// possessed is the subject or object. A possessor opening the
		// sentence ("Tom Hale's e-mail said ...") stays its topic.
		return true
	}
	if t > 0 && d.toks[t].NL == 0 && (d.lower[t-1] == "the" || d.lower[t-1] == "a" || d.lower[t-1] == "an") {
		t--
	}
	if t > 1 && d.toks[t].NL == 0 && d.toks[t-1].NL == 0 && (d.words[t-1] == "and" || d.words[t-1] == "or") {
		// The second of two names joined by "and" stands where the
		// first does: "against Ann Lee and Tom Hale" are both objects.
		b := t - 2
		for b > 0 && d.toks[b].NL == 0 && capitalised(d.words[b]) {
			b--
		}
		if b < t-2 && d.toks[b+1].NL == 0 && isLowerWord(d.words[b]) {
			return !subjectOpeners[d.lower[b]]
		}
	}
	if t > 0 && d.toks[t].NL == 0 && leadingPrepositions[d.lower[t-1]] && d.sents[d.sentenceOf(t-1)].T0 == t-1 {
		return true // "Of Ann Lee, she said": a sentence opening with a preposition
	}
	if t == 0 || d.toks[t].NL > 0 || !isLowerWord(d.words[t-1]) {
		return false
	}
	return !subjectOpeners[d.lower[t-1]]
}

// colonBefore reports whether sentence si has a colon before token t.
func (d *doc) colonBefore(si, t int) bool {
	for k := d.sents[si].T0; k < t; k++ {
		if d.words[k] == ":" {
			return true
		}
	}
	return false
}

// possessor reports whether mention m is followed by a possessive "'s".
func (d *doc) possessor(m *mention) bool {
	if m.T1 < len(d.lower) && d.toks[m.T1].NL == 0 {
		if w := d.lower[m.T1]; w == "'s" || w == "’s" || w == "'" || w == "’" {
			return true
		}
	}
	last := d.lower[m.T1-1]
	return strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s")
}

// possessorOfPerson reports whether the phrase a possessor m opens ends in
// a person's name within a few words: "Tom Hale's deputy Ann Lee".
func (d *doc) possessorOfPerson(m *mention) bool {
	for _, o := range d.bySent[m.Sent] {
		if o.T0 > m.T1 && o.T0 <= m.T1+4 && o.Ent != nil && o.Ent.Kind == graph.Person {
			for k := m.T1 + 1; k < o.T0; k++ {
				if !isLowerWord(d.words[k]) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// leadingPrepositions open a sentence with a phrase that is no subject.
// "For" and "to" are not among them: "For Ann Lee, the need ..." gives
// her point of view, and she is who speaks next.
var leadingPrepositions = setOf("of", "about", "with", "against", "on", "from", "unlike",
	"without", "beside", "besides", "behind", "beyond", "under", "over", "towards", "toward")

// subjectOpeners may stand right before a subject.
// "that" is not one: the subject of a reported clause ("said that Ann Lee
// would win") is what was said, less salient than the main clause's.
var subjectOpeners = setOf("and", "but", "or", "so", "then", "when", "while", "as", "because", "although",
	"though", "if", "since", "after", "before", "until", "whereas", "also", "now")

// pronounReach is how many sentences back a pronoun looks for its person:
// in news the "he" of a quotation often follows a few sentences of quotes.
const pronounReach = 4

// pronounSpeakerReach is how far back a pronoun no person near it explains
// looks for the last person who spoke.
const pronounSpeakerReach = 12

// lastSpeaker returns the person of the latest cue before token t in
// sentences from down to to (from >= to) of speakers whose gender is not
// other, or nil.
func lastSpeaker(speakers map[int][]spoken, from, to, t int, other byte, not map[*entity]bool) *entity {
	for s := from; s >= 0 && s >= to; s-- {
		var best *spoken
		for k := range speakers[s] {
			if sp := &speakers[s][k]; sp.cue < t && sp.ent.gender != other && !not[sp.ent] && (best == nil || sp.cue > best.cue) {
				best = sp
			}
		}
		if best != nil {
			return best.ent
		}
	}
	return nil
}
