package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// A source phrase may name an owner beside its speaker: "Kestrel and
// Partners' analyst Ana Ruiz", "the minister's spokesman", "a Kestrel
// spokeswoman". The head noun of the phrase speaks. When the head is a
// named person, that person is the speaker; when it is a role ("the
// minister's lawyers"), the unnamed people in the role speak and the owner
// does not.

// ownedPerson returns the person the source phrase [t0, t1) heads after a
// possessive anywhere in it ("X and Y's Ana Ruiz"), or nil.
func (d *doc) ownedPerson(t0, t1 int) *mention {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 >= t0 })
	for ; i < len(d.mentions) && d.mentions[i].T0 < t1; i++ {
		m := d.mentions[i]
		if m.Ent == nil || m.Anaphor || m.T1 > t1 {
			continue
		}
		if d.roleBefore(t0, m) {
			return nil // "a spokesman for the Commissioner's Office": the spokesman speaks
		}
		if n := d.possessedPerson(m, t1); n != nil && n.T1 == t1 && plausiblePerson(n.Ent) {
			return n
		}
	}
	return nil
}

// unnamedRole reports whether the source phrase [t0, t1) has a role as
// its head and a name only as the role's owner or modifier: "the
// minister's spokesman", "Mr Vale's lawyers", "a Kestrel spokeswoman". A
// person's name takes no article, so "a <Name> <role>" names the body
// the role serves.
func (d *doc) unnamedRole(t0, t1 int) bool {
	if t1-t0 < 2 || !roleHead(d.lower[t1-1]) {
		return false
	}
	for t := t0; t < t1; t++ {
		if d.words[t] == "," {
			return false // "Ana Ruiz, the firm's founder": the name in apposition speaks
		}
	}
	// Back over the lower-case role words to the owner mark or the name.
	k := t1 - 1
	for k > t0 && isLowerWord(d.lower[k-1]) {
		k--
	}
	if k == t0 {
		return false // "the spokesman": no name to mistake for the speaker
	}
	if isOwner(d.lower[k-1]) {
		return true
	}
	// "a Kestrel spokeswoman": the name runs back to the article.
	j := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T1 >= k })
	for ; j < len(d.mentions) && d.mentions[j].T1 == k; j++ {
		m := d.mentions[j]
		if m.Ent != nil && !m.Anaphor && m.RoleT0 == t0+1 && (d.lower[t0] == "a" || d.lower[t0] == "an" || d.lower[t0] == "the") {
			return true
		}
	}
	return false
}

func isOwner(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// roleHead reports whether w is a role noun or its plural ("lawyers",
// "spokesmen", "aides"), or a body acting for its owner ("government").
func roleHead(w string) bool {
	if isRoleNoun(w) || roleBodies[w] {
		return true
	}
	if s, ok := strings.CutSuffix(w, "men"); ok {
		return isRoleNoun(s + "man")
	}
	if s, ok := strings.CutSuffix(w, "women"); ok {
		return isRoleNoun(s + "woman")
	}
	s, ok := strings.CutSuffix(w, "s")
	return ok && isRoleNoun(s)
}

// roleBodies are the people who act for an owner named before them.
var roleBodies = setOf("aide", "aides", "government", "administration", "camp", "office", "team", "staff",
	"spokespeople", "people", "officials", "lawyers", "attorneys", "representatives")

// ownedRoleEnd returns the end of the role that mention m owns ("m's
// spokesman", "m's lawyers"): at most three lower-case words after the
// possessive, the last a role. -1 when m owns no such role.
func (d *doc) ownedRoleEnd(m *mention) int {
	if m.T1 >= len(d.lower) || !isOwner(d.lower[m.T1]) {
		return -1
	}
	for e := m.T1 + 1; e < len(d.lower) && e <= m.T1+3 && isLowerWord(d.lower[e]) && d.toks[e].NL == 0; e++ {
		if roleHead(d.lower[e]) && (e+1 >= len(d.lower) || !roleHead(d.lower[e+1])) {
			return e + 1
		}
	}
	return -1
}

// seedTaggedSpeakers records, before the quote rules run, the people the
// tagger's sources name as speakers ("Ana Ruiz said the plan ..."), so
// that the "he said" of a quote that no person named near it explains can
// be resolved to the last of them, as to the speakers of earlier quotes.
// Pronoun sources are left out: they are resolved when their claims are
// made.
func (d *doc) seedTaggedSpeakers() {
	d.taggedSpeakers = map[int][]spoken{}
	for si := range d.tagged {
		ts := &d.tagged[si]
		if len(ts.cues) == 0 {
			continue
		}
		for _, src := range ts.sources {
			s0, s1 := d.trimContent(src.t0, src.t1)
			if s1-s0 < 1 || s1-s0 == 1 && anaphors[d.lower[s0]] {
				continue
			}
			cue := nearestSpan(ts.cues, src)
			if cue == nil {
				continue
			}
			s0, s1 = d.wholeMentions(s0, s1)
			if spk := d.sourceSpeaker(s0, s1); len(spk.ents) == 1 && spk.ents[0].Kind == graph.Person && (spk.factor == 1 || d.definiteRole(s0, s1) != nil) && plausiblePerson(spk.ents[0]) {
				d.taggedSpeakers[si] = append(d.taggedSpeakers[si], spoken{cue: cue.t0, ent: spk.ents[0]})
			} else if len(spk.ents) == 0 && spk.t0 == s0 && spk.t1 == s1 {
				d.recordRoleSpeaker(si, cue.t0, s0, s1) // "the minister's spokesman said"
			}
		}
	}
}

// anaphors are the one-word sources resolved by what comes before them.
var anaphors = setOf("he", "she", "they", "it", "who", "which", "we", "i", "you", "this", "that")

// subjectPiece makes the noun phrase that opens tokens [o0, o1), up to its
// first comma, the source of claim c when c has none: the tagger took the
// subject of the cue for a piece of content ("The firm, which won the
// case, said it ...").
func (d *doc) subjectPiece(c *graph.ClaimEvidence, o0, o1 int) {
	if c.Source.Text != "" {
		return
	}
	e := o0
	for e < o1 && d.words[e] != "," {
		e++
	}
	if e-o0 < 1 || e-o0 > 6 {
		return
	}
	spk := d.sourceSpeaker(d.wholeMentions(o0, e))
	c.Source = d.span(d.withDeterminer(spk.t0, spk.t1), spk.t1)
	for _, ent := range spk.ents {
		c.SpeakerIDs = append(c.SpeakerIDs, ent.ID)
	}
}

// ownedCommonHead reports whether the source phrase [t0, t1) ends in a
// common noun owned by a name: "Mr Vale's agent", "the singer's mother",
// "the minister's oldest friend". The noun's referent speaks, not its
// owner, whether or not the noun is a known role. Documents are left out:
// "<body>'s report" speaks for the body that wrote it.
func (d *doc) ownedCommonHead(t0, t1 int) bool {
	if t1-t0 < 3 {
		return false
	}
	head := d.lower[t1-1]
	if !isLowerWord(d.words[t1-1]) || documentNouns[head] || ownedDocuments[head] || !isWordToken(head) {
		return false
	}
	for t := t0; t < t1; t++ {
		if d.words[t] == "," || d.words[t] == "-" || d.words[t] == "–" || relativeWords[d.lower[t]] {
			return false // "Ana Ruiz, the firm's founder": the name in apposition speaks
		}
	}
	k := t1 - 1
	for k > t0 && isLowerWord(d.words[k-1]) && !isOwner(d.lower[k-1]) && t1-k < 4 {
		k--
	}
	return k > t0+1 && isOwner(d.lower[k-1]) && capitalised(d.words[k-2])
}

// ownedDocuments are more things whose owner is their author.
var ownedDocuments = setOf("inquiry", "review", "letter", "website", "poll", "paper", "findings", "results",
	"accounts", "minutes", "book", "blog", "headline", "index", "audit", "investigation", "newspaper", "magazine")

// ownedNounEnd returns the end of the common noun that mention m owns
// when the speaker's phrase ends there: "according to <Name>'s agent,",
// "<Name>'s mother has said". Its referent speaks, unnamed, not m. -1
// when m owns no such noun, or owns a document ("<Name>'s report"),
// whose owner is its author.
func (d *doc) ownedNounEnd(m *mention) int {
	if m.T1 >= len(d.lower) || !isOwner(d.lower[m.T1]) {
		return -1
	}
	e := m.T1 + 1
	for e < len(d.lower) && e <= m.T1+3 && isLowerWord(d.words[e]) && d.toks[e].NL == 0 && !auxiliaries[d.lower[e]] && !d.speechCue(e, e+1) {
		e++
	}
	if e == m.T1+1 {
		return -1
	}
	head := d.lower[e-1]
	if documentNouns[head] || ownedDocuments[head] {
		return -1
	}
	if e < len(d.lower) && (isLowerWord(d.words[e]) && !auxiliaries[d.lower[e]] && !d.speechCue(e, e+1) || capitalised(d.words[e])) {
		return -1 // the phrase runs on: "<Name>'s agent Tom Lee", "<Name>'s shares fell"
	}
	return e
}

// servedPerson reports whether person mention m in a source phrase
// starting at t0 is the one a role serves ("a spokesman for Mr Vale", "the
// lawyer to Ann Lee"): a role noun, then "for" or "to", then the name. The
// role speaks, as it does after a possessive ("Mr Vale's spokesman").
func (d *doc) servedPerson(t0 int, m *mention) bool {
	for k := t0; k+2 <= m.T0; k++ {
		if !roleHead(d.lower[k]) || d.lower[k+1] != "for" && d.lower[k+1] != "to" {
			continue
		}
		// The name, or its title, right after the preposition.
		if k+2 == m.T0 || k+3 == m.T0 && capitalised(d.words[k+2]) {
			return true
		}
	}
	return false
}
