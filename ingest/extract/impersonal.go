package extract

// An impersonal passive ("it is expected that", "has been suggested",
// "the winger is expected to", "was accused of") reports that something
// is said or thought without saying by whom: the grammatical subject is
// the topic or an expletive "it", not the speaker. Such attributions are
// kept as acts, not claims. Attitude participles ("is convinced", "was
// surprised") are excluded: there the subject holds the attitude and
// speaks for itself. A passive with a "by" agent, or a "quoted as saying",
// names the speaker elsewhere and is left to the other rules.

// experiencerLemmas are the cognition and attitude verbs whose passive
// participle describes the subject's own state of mind.
var experiencerLemmas = setOf("surprise", "incense", "anger", "upset", "please", "disappoint", "frustrate",
	"alarm", "shock", "dismay", "outrage", "concern", "worry", "convince", "persuade", "satisfy", "delight",
	"encourage", "determine", "prepare", "resolve", "commit", "quote", "interview", "question", "ask")

// irregularParticiples are past participles of speech and cognition verbs
// that do not end in -ed.
var irregularParticiples = setOf("said", "told", "thought", "known", "seen", "heard", "understood", "found",
	"shown", "written", "taught", "meant", "felt", "sworn", "forgotten", "foreseen")

// passiveAdverbs may stand between the auxiliary and the participle.
var passiveAdverbs = setOf("also", "not", "now", "still", "already", "long", "often", "never", "generally",
	"widely", "largely", "privately", "openly", "publicly", "repeatedly", "reportedly")

// impersonalPassive reports whether cue [k0, k1) is a passive of a speech
// or cognition verb with no agent: its head is a past participle after a
// form of "be" (inside the cue or right before it), not followed by "by"
// or "as".
func (d *doc) impersonalPassive(k0, k1 int) bool {
	head := -1
	for k := k1 - 1; k >= k0; k-- {
		if d.speechParticiple(d.lower[k]) {
			head = k
			break
		}
	}
	if head < 0 {
		return false
	}
	if next := head + 1; next < len(d.lower) && (d.lower[next] == "by" || d.lower[next] == "as") {
		return false
	}
	for k := head + 1; k < k1; k++ {
		if d.lower[k] == "by" || d.lower[k] == "as" || speechVerbs[d.lower[k]] {
			return false // "was heard to say", "quoted as saying": another verb heads the cue
		}
	}
	if d.reducedPassive(head) {
		return true
	}
	// The tagger often leaves the auxiliary and its adverbs out of the cue.
	b := head - 1
	for b >= 0 && b >= head-3 && passiveAdverbs[d.lower[b]] {
		b--
	}
	return b >= 0 && beForms[d.lower[b]] && d.lower[b] != "being"
}

// speechParticiple reports whether w is the past participle of a speech or
// cognition verb that describes no state of the subject's own mind.
func (d *doc) speechParticiple(w string) bool {
	if irregularParticiples[w] {
		return true
	}
	if len(w) < 4 || w[len(w)-2:] != "ed" {
		return false
	}
	ok := false
	for _, l := range lemmas(w) {
		if experiencerLemmas[l] {
			return false
		}
		if l != w && speechLemmas[l] && !nounLemmas[l] {
			ok = true
		}
	}
	return ok
}

// objectLemmas are speech verbs that take a direct object before their
// "of" or "to" complement ("accused the firm of fraud", "told staff to
// leave"; "told" as its own lemma): with "of" or "to" right after, the
// participle is passive.
var objectLemmas = setOf("accuse", "tell", "told", "urge", "order", "advise", "inform", "remind", "instruct", "suspect", "clear")

// reducedPassive reports whether the participle at head is a passive
// with its auxiliary left out, as headlines and reduced relatives write
// it ("Mayor accused of fraud", "staff told to leave"): a verb that needs
// a direct object followed directly by "of" or "to".
func (d *doc) reducedPassive(head int) bool {
	next := head + 1
	if next >= len(d.lower) || d.words[next] != "of" && d.words[next] != "to" { // "told To Vima": a name
		return false
	}
	if head > 0 && (d.lower[head-1] == "has" || d.lower[head-1] == "have" || d.lower[head-1] == "had") {
		return false
	}
	for _, l := range lemmas(d.lower[head]) {
		if objectLemmas[l] {
			return true
		}
	}
	return false
}
