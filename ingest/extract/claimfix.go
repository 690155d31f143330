package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// Checks and repairs of tagged attributions that the speech-act lexicon
// alone cannot make: a speech verb used for an act ("pleaded guilty",
// "declined to comment"), a passive cognition verb whose subject is not
// its speaker ("X is expected to be fit"), an inverted attribution whose
// content the tagger took after the cue ("..., said Mr Pollmann."), a
// content running into a second attribution, and nested attributions
// ("the newspaper quoted X as saying").

// beForms mark a passive cue.
var beForms = setOf("is", "are", "was", "were", "be", "been", "being")

// refusalVerbs with an infinitive ("refused to apologise") report an act
// done or not done, not a statement.
var refusalVerbs = setOf("refuse", "agree", "fail", "decline", "decide")

// modalAdjectives before "to" say what may happen to a subject.
var modalAdjectives = setOf("likely", "unlikely", "set", "due", "able", "unable", "poised", "bound")

// saysNothing reports whether an attribution PolNeAR would annotate states
// nothing a fact-checker could check: a negated act of telling ("would not
// say whether"), an aim ("hoping to win", "keen to sell"), a perception
// ("had seen the shares fall"; a wish with a clause too: "hopes the
// deal will hold"), or an evidential anywhere in the cue
// ("seemed keen not to"). Such attributions become acts, as noun-phrase
// contents do: out of the graph, still scored on PolNeAR.
func (d *doc) saysNothing(k0, k1, c0, c1 int) bool {
	if c1 <= c0 || k1 <= k0 {
		return false
	}
	if d.negatedCue(k0, k1) {
		return true
	}
	if si := d.sentenceOf(k0); k0 == d.sents[si].T0 && d.lower[k0] == "asked" {
		return true // "Asked whether he would stand, ...": the question put to him, not his answer
	}
	if d.cueInName(k0) {
		return true // "North East Says No": a cue word inside a name
	}
	first, last := d.lower[c0], d.lower[k1-1]
	for k := k0; k < k1; k++ {
		for _, l := range lemmas(d.lower[k]) {
			if (l == "seem" || l == "appear") && first != "that" {
				return true
			}
		}
	}
	if c0 < k1 {
		return false
	}
	for _, l := range lemmas(last) {
		if wishWords[l] && (first == "to" || determiners[first]) || (l == "see" || last == "saw" || last == "seen") && first != "that" {
			return true
		}
		if l == "want" || l == "wish" || l == "hope" {
			return true // "wants the devices not to clash", "hopes the currency will hold": a wish, whatever follows
		}
	}
	return false
}

// cueInName reports whether the cue word at k0 is capitalised inside its
// sentence next to another capitalised word: part of a name ("the No
// campaign North East Says No"), not a verb.
func (d *doc) cueInName(k0 int) bool {
	if k0 == d.sents[d.sentenceOf(k0)].T0 || !capitalised(d.words[k0]) || isTrimmable(d.words[k0-1]) {
		return false
	}
	return capitalised(d.words[k0-1]) || k0+1 < len(d.words) && capitalised(d.words[k0+1])
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// wishWords with an infinitive or a noun phrase ("hoping to win", "keen
// to sell", "want a machine") state an aim of their subject, not something
// it said.
var wishWords = setOf("hope", "wish", "want", "keen", "eager", "long", "yearn", "intend", "aim")

// sayingLemmas are the acts of telling that a negation empties: "would not
// say", "did not disclose". A negated belief ("does not think that") is
// still a claim.
var sayingLemmas = setOf("say", "tell", "comment", "confirm", "disclose", "reveal", "specify", "elaborate",
	"name", "explain", "identify", "give", "detail", "discuss", "speculate", "said", "told", "gave")

// negatedCue reports whether the cue [k0, k1) is an act of telling under a
// negation, in the cue or right before it ("would not say", "did not
// immediately comment", "never disclosed").
func (d *doc) negatedCue(k0, k1 int) bool {
	neg := false
	for k := max(k0-3, 0); k < k1; k++ {
		w := strings.ReplaceAll(d.lower[k], "’", "'")
		if k < k0 && d.clauseEnds(k) {
			neg = false
			continue
		}
		if w == "not" && k+1 < len(d.lower) && d.lower[k+1] == "only" {
			continue // "not only said": a stronger statement
		}
		if w == "not" || w == "never" || w == "n't" || strings.HasSuffix(w, "n't") || w == "cannot" {
			neg = true
			continue
		}
		if !neg {
			continue
		}
		for _, l := range lemmas(w) {
			if sayingLemmas[l] {
				return true
			}
		}
	}
	return false
}

// pleaWords after "plead" make a plea in court, not a statement.
var pleaWords = setOf("guilty", "not", "innocent", "no")

// actNotSpeech reports whether a cue [k0, k1) with content [c0, c1) is an
// act rather than a statement.
func (d *doc) actNotSpeech(k0, k1, c0, c1 int) bool {
	if c1 <= c0 {
		return false
	}
	passive := false
	for k := k0; k < k1; k++ {
		w := d.lower[k]
		if beForms[w] {
			passive = true
		}
		for _, l := range lemmas(w) {
			if l == "plead" && k+1 < len(d.lower) && pleaWords[d.lower[k+1]] {
				return true
			}
		}
	}
	first := d.lower[c0]
	if first == "to" && c0+1 < c1 && (d.lower[c0+1] == "comment" || d.lower[c0+1] == "discuss" || d.lower[c0+1] == "elaborate") {
		return true // "declined to comment": nothing was said
	}
	last := d.lower[k1-1]
	for k := k0; k < k1; k++ {
		w := d.lower[k]
		// "are likely to see", "is set to", "has been ruled out of":
		// what may happen to the subject, not what it says.
		if modalAdjectives[w] && (k+1 < k1 && d.lower[k+1] == "to" || k+1 == k1 && first == "to") {
			return true
		}
		if (w == "ruled" || w == "rules") && k+1 < len(d.lower) && d.lower[k+1] == "out" {
			return true
		}
		if (w == "goes" || w == "went" || w == "go") && k+1 == k1-1 && d.lower[k1-1] == "on" && c0 == k1 && determiners[first] {
			return true // "goes on the run": not "went on to say"
		}
	}
	for k := k0; k < k1; k++ {
		next := first
		if k+1 < k1 {
			next = d.lower[k+1]
		} else if c0 != k1 {
			next = ""
		}
		for _, l := range lemmas(d.lower[k]) {
			if refusalVerbs[l] && (next == "to" || l == "decide" && next == "against") {
				return true // "refused to apologise", "agreed to buy", "decided against": acts
			}
		}
	}
	if last == "of" && k1-k0 == 2 && (d.lower[k0] == "hopes" || d.lower[k0] == "hope") || last == "defending" && (first == "champion" || first == "champions" || first == "title" || first == "titleholder") {
		return true // "hopes of a deal", "defending champion"
	}
	if k0 > 0 && beForms[d.lower[k0-1]] {
		passive = true // "profits were said to have fallen": the tagger left "were" out of the cue
	}
	for _, l := range lemmas(last) {
		if (l == "seem" || l == "appear") && first != "that" {
			return true // "the side appear to have won", "appeared on his shoulder": said of the subject, not by it
		}
		if l == "call" && c0 >= k1 && c1-c0 <= 4 && !d.clauseFollows(c0, c1) {
			return true // "calls himself Heretic", "a chapter called the Review": naming
		}
	}
	if passive && last == "by" && c0 >= k1 {
		return true // "should be judged by its record": the subject is judged, it says nothing
	}
	if passive && first == "to" && c0 >= k1 {
		return true // "is expected to be fit": said of the subject, not by it
	}
	return d.impersonalPassive(k0, k1)
}

// invertedContent repairs an attribution whose cue follows a comma and
// whose tagged content starts right after it: "Lycos did not want to
// fight back, said Mr Pollmann." The words after the cue are the speaker
// when they form a clause of their own; the content is what stands before
// the comma, or after the speaker's closing comma when little stands
// before ("As a result, says the committee, the government may ...").
// ok is false when the attribution is no such inversion.
func (d *doc) invertedContent(si, c0, k0, k1 int) (spk *speaker, n0, n1 int, ok bool) {
	s := d.sents[si]
	if c0 < k1 || k0 <= s.T0+2 || d.words[k0-1] != "," {
		return nil, 0, 0, false
	}
	none := &speaker{factor: 1}
	spk = d.speakerAfter(k1, none)
	if spk == none || spk.t0 != k1 {
		return nil, 0, 0, false
	}
	b0, b1 := d.trimContent(s.T0, k0-1)
	a0, a1 := -1, -1
	if spk.t1 < s.T1 && d.words[spk.t1] == "," {
		a0, a1 = d.trimContent(spk.t1+1, s.T1)
	}
	if a1-a0 >= minRestContent && b1-b0 < 4 {
		return spk, a0, a1, true
	}
	if b1-b0 < 2 {
		return nil, 0, 0, false
	}
	return spk, b0, b1, true
}

// pronounCue reports whether a subject pronoun followed by a speech verb
// (optionally after "also" or an adverb in -ly) starts at t, outside a
// quotation: ", he insisted", ", she also added".
func (d *doc) pronounCue(t int) bool {
	if t+1 >= len(d.lower) || !personalPronouns[d.lower[t]] || d.inQuote(t) {
		return false
	}
	k := t + 1
	if k+1 < len(d.lower) && (d.lower[k] == "also" || strings.HasSuffix(d.lower[k], "ly")) {
		k++
	}
	if !speechVerbs[d.lower[k]] {
		return false
	}
	// A parenthetical ", he claims, of the plan" leaves the clause going
	// on; one closed before a conjunction ends it.
	if k+2 < len(d.lower) && d.words[k+1] == "," {
		return clauseJoiners[d.lower[k+2]]
	}
	return true
}

// clauseJoiners open a new clause after a comma.
var clauseJoiners = setOf("and", "but", "while", "whereas", "although", "though", "so", "yet")

// quotedAsSaying reads "the newspaper quoted X as saying": the cue ends in
// "quoted" and "as saying" follows a name within eight tokens. It returns
// the speaker X and the cue "as saying", or ok false.
func (d *doc) quotedAsSaying(k0, k1 int) (spk *speaker, q0, q1 int, ok bool) {
	if d.lower[k1-1] != "quoted" {
		return nil, 0, 0, false
	}
	for j := k1 + 1; j+1 < len(d.lower) && j <= k1+8; j++ {
		if d.lower[j] == "as" && (d.lower[j+1] == "saying" || d.lower[j+1] == "telling") {
			s0, s1 := d.wholeMentions(k1, j)
			sp := d.sourceSpeaker(s0, min(s1, j))
			if len(sp.ents) == 0 {
				return nil, 0, 0, false
			}
			for _, e := range sp.ents {
				if e.Kind != graph.Person && e.Kind != graph.Organization && e.Kind != graph.Group {
					return nil, 0, 0, false
				}
			}
			return sp, j, j + 2, true
		}
		if d.clauseEnds(j) {
			break
		}
	}
	return nil, 0, 0, false
}

// clauseTail repairs a content the tagger cut after the subject of its
// clause ("critics say [the sell-off] are part of ...", "says [no
// approach] has been received"): a content of a few words with no verb,
// followed by a finite verb, runs on to the end of the sentence.
func (d *doc) clauseTail(si, c0, c1 int) int {
	s := d.sents[si]
	if c1 >= s.T1 || c1-c0 > 8 || !finiteVerbs[d.lower[c1]] || d.clauseFollows(c0, c1) {
		return c1
	}
	for k := c0; k < c1; k++ {
		if isQuoteToken(d.words[k]) {
			return c1
		}
	}
	_, end := d.trimContent(c1, s.T1)
	return end
}

var determiners = setOf("the", "a", "an", "his", "her", "their", "its")

// quoteInside reports whether tokens [t0, t1) hold a quotation mark.
func (d *doc) quoteInside(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		if isQuoteToken(d.words[t]) {
			return true
		}
	}
	return false
}

// speechOutsideQuotes reports whether sentence si holds a speech verb
// outside quotation marks: its content belongs to its own attribution.
func (d *doc) speechOutsideQuotes(si int) bool {
	s := d.sents[si]
	for t := s.T0; t < s.T1; t++ {
		if speechVerbs[d.lower[t]] && !d.inQuote(t) {
			return true
		}
	}
	return false
}

// stanceVerbs are the finite verbs of thinking that, with their subject
// after "but" or "while", open an attribution of their own ("but many
// think ...").
var stanceVerbs = setOf("think", "thinks", "believe", "believes", "expect", "expects", "fear", "fears",
	"doubt", "doubts", "agree", "agrees", "disagree", "disagrees", "suspect", "suspects", "reckon", "reckons")

// secondCue reports whether w, after "but" or "while" and perhaps a
// subject, is a verb of saying or thinking that opens an attribution of
// its own: a form of a stance verb or of secondLemmas.
func secondCue(w string) bool {
	if stanceVerbs[w] {
		return true
	}
	for _, l := range lemmas(w) {
		if secondLemmas[l] {
			return true
		}
	}
	return false
}

// secondLemmas are the acts of saying that, coordinated after a first
// attribution, report a second statement.
var secondLemmas = setOf("say", "argue", "claim", "insist", "warn", "add", "admit", "deny", "agree", "suggest",
	"predict", "forecast", "urge", "concede", "call", "oppose", "note", "stress", "reply", "accept", "maintain")

// conjunctionIn reports whether tokens [t0, t1) hold a coordinating or
// contrasting conjunction: what stands across it is a clause of its own.
func (d *doc) conjunctionIn(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		switch d.lower[t] {
		case "and", "but", "while", "whereas", "yet":
			return true
		}
	}
	return false
}

// coordinatedCue returns where cue [k0, k1) starts when the tagger ran it
// over two verbs joined by "and" or "but" ("was changing and said"): at
// the reporting verb after the conjunction, whose subject is the
// coordination's (coordinatedSpeaker).
func (d *doc) coordinatedCue(k0, k1 int) int {
	for j := k1 - 2; j > k0; j-- {
		if (d.lower[j] == "and" || d.lower[j] == "but") && d.reportingWord(j+1) {
			return j + 1
		}
	}
	return k0
}

// onlyPunctuation reports whether tokens [t0, t1) are punctuation only.
func (d *doc) onlyPunctuation(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		if !isTrimmable(d.words[t]) {
			return false
		}
	}
	return true
}

// subjectOfContent reports whether the tagged source src is the subject of
// the content that follows it rather than a speaker: it starts right after
// the cue ending at k1 and a finite verb joins it to the content starting
// at c0 ("said [the report] was weak"). An inverted speaker ("said Mr
// Hale") is followed by its content's comma, not by a verb.
func (d *doc) subjectOfContent(src *attrSpan, k1, c0 int) bool {
	if src.t0 != k1 || c0 <= src.t1 || c0-src.t1 > 2 {
		return false
	}
	for t := src.t1; t < c0; t++ {
		if !finiteVerbs[d.lower[t]] && !auxiliaries[d.lower[t]] {
			return false
		}
	}
	return true
}
