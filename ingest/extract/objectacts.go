package extract

import "strings"

// Some cues take a thing as their object far more often than a clause:
// "announced plans to ...", "denied reports that ...", "called for the
// release of ...", "cited the case as proof". The proposition test lets
// such an object through when a verb turns up anywhere inside it (in a
// relative clause, a participle or the infinitive of "plans to"), so these
// cues get a stricter test: the object must be a clause before its first
// relative clause or noun infinitive. Some cues never report a statement
// of their own: "accused X of Y" is a charge named, "pointed to X" shows a
// thing, and "called it X" puts a label on something (the independent
// judges count all three wrong as claims). Each is kept as an act, so that
// attribution scoring still sees it.

// objectCues take a noun phrase object as often as a clause.
var objectCues = setOf("announce", "unveil", "deny", "propose", "outline", "reveal", "confirm", "welcome",
	"reject", "promise", "pledge", "predict", "demand", "recommend", "report", "cite",
	"forecast", "back", "praise", "criticise", "criticize", "condemn", "defend", "dismiss",
	"launch", "issue", "publish", "release", "table", "signal", "flag", "rule", "want", "seek", "request")

// thingFirst are words that open a noun phrase and never a clause's
// subject by themselves: "announced new measures", "denied reports".
var objectDeterminers = setOf("a", "an", "no", "its", "his", "her", "their", "our", "new", "further", "more",
	"details", "plans", "proposals", "reports", "claims", "measures", "changes", "cuts", "talks", "moves")

// reportNouns name what others said; as an object they take the clause
// of the others' words: "denied reports (that) he would resign".
var reportNouns = setOf("reports", "suggestions", "claims", "allegations", "speculation", "rumours", "rumors",
	"accusations", "talk", "charges", "stories", "criticism")

// clauseAux are finite verbs that make a clause wherever they stand
// before the object's first relative clause.
var clauseAux = setOf("is", "are", "was", "were", "will", "would", "could", "can", "should", "must", "may",
	"might", "shall", "has", "have", "had", "did", "does", "do")

// objectAct reports whether the cue [k0, k1) with content [c0, c1) after
// it names an act on a thing rather than a statement.
func (d *doc) objectAct(k0, k1, c0, c1 int, verbatim bool) bool {
	if c1 <= c0 || k1 <= k0 {
		return false
	}
	last := d.lower[k1-1]
	lastLemmas := lemmas(last)
	has := func(l string) bool {
		for _, x := range lastLemmas {
			if x == l {
				return true
			}
		}
		return false
	}
	// "a ferry, called Skylark,": a name given, the content before the cue.
	if c1 <= k0 && k1-k0 == 1 && last == "called" && k1 < len(d.words) && capitalised(d.words[k1]) {
		return true
	}
	if d.embeddedFragment(c0, c1) {
		return true // `warned the "harbour question" was ...`: a quoted phrase, not what was said
	}
	if d.promiseAct(k0, k1, c0, c1, verbatim) {
		return true // "promised to keep ...", `pledged "the best deal ..."`
	}
	if c0 < k1 {
		return false
	}
	if verbatim || isQuoteToken(d.words[c0]) {
		return false
	}
	prev := d.lower[c0-1]
	if prev == "that" || prev == ":" || isQuoteToken(d.words[c0-1]) {
		return false // "announced that ...", "called it: ..."
	}
	for k := k0; k < k1; k++ {
		if hasLemma(d.lower[k], "accuse") {
			return true // "accused the minister of misleading MPs", "also accused X of": a charge named
		}
	}
	if last == "to" && k1-k0 >= 2 && hasLemma(d.lower[k1-2], "point") {
		// "pointed to the figures": a thing shown. "pointed to the risk
		// that prices would rise" states the risk, and stays a claim.
		return !d.nounComplement(c0, c1)
	}
	if has("call") && c0 == k1 {
		return true // "called it a disgrace", "called the plan unworkable": a label
	}
	verb := last
	if (last == "for" || last == "on") && k1-k0 >= 2 {
		verb = d.lower[k1-2] // "called for the release of ..."
	}
	object := false
	for _, l := range lemmas(verb) {
		if objectCues[l] || l == "call" {
			object = true
		}
	}
	if !object {
		return false
	}
	return !d.objectClause(c0, c1)
}

// hasLemma reports whether l is among the lemmas of w.
func hasLemma(w, l string) bool {
	for _, x := range lemmas(w) {
		if x == l {
			return true
		}
	}
	return false
}

// objectClause reports whether content [c0, c1) after an object cue is a
// clause: a pronoun subject, or a finite auxiliary before the first
// relative clause, noun infinitive ("plans to") or comma of the object. A
// relative clause set off by commas (", which ... ,") is skipped. With no
// auxiliary there, an object opening with a determiner is a noun phrase;
// anything else gets the proposition test on the words before the cut.
func (d *doc) objectClause(c0, c1 int) bool {
	first := d.lower[c0]
	if reportNouns[first] {
		return false // "denied suggestions she would resign": the suggestions, not what she said
	}
	if subjectPronouns[first] || complementizers[first] && first != "as" {
		return true // "announced it would ...", "promised to resign": kept as before
	}
	cut := c1
scan:
	for k := c0; k < c1; k++ {
		w := d.lower[k]
		switch {
		case w == "," && k+1 < c1 && relativeWords[d.lower[k+1]]:
			// ", which gave it the rights, would end": skip the clause.
			j := k + 1
			for j < c1 && d.lower[j] != "," {
				j++
			}
			k = j
		case w == "," || w == ";" || w == "-" || w == "(" || k > c0 && relativeWords[w]:
			cut = k
			break scan
		case w == "to" && k > c0 && (aimNouns[d.lower[k-1]] || objectDeterminers[d.lower[k-1]]):
			cut = k // "plans to cut jobs"
			break scan
		case clauseAux[w] || w == "cannot" || strings.HasSuffix(w, "n't") || personalPronouns[w] && k > c0:
			return true
		case k > c0 && k+1 < c1 && d.pastVerbWithObject(k):
			return true // "denied the programme breached guidelines"
		case k > c0 && w == "to" && k+1 < c1 && isLowerWord(d.words[k+1]) && !nounLeaders[d.lower[k+1]]:
			return true // "called for the board to be dissolved": an object and its infinitive
		}
	}
	if objectDeterminers[first] || determiners[first] {
		return false
	}
	return cut > c0 && d.proposition(c0, cut, false)
}

// nounComplement reports whether content [c0, c1) holds a noun's
// complement clause: "the risk that prices would rise", "the fact that
// spending fell" ("that" after a lower-case noun, an auxiliary or pronoun
// after it).
func (d *doc) nounComplement(c0, c1 int) bool {
	for k := c0 + 1; k+2 < c1; k++ {
		if d.lower[k] != "that" || !isLowerWord(d.words[k-1]) || determiners[d.lower[k-1]] {
			continue
		}
		for j := k + 1; j < c1 && j <= k+8; j++ {
			if clauseAux[d.lower[j]] || personalPronouns[d.lower[j]] || d.lower[j] == "it" {
				return true
			}
		}
	}
	return false
}

// pastVerbWithObject reports whether the -ed word at k, inside a content,
// is a past verb with an object ("the programme breached guidelines",
// "the firm posted a loss") rather than a participle ("suspects detained
// without trial", "the format used by"): a noun before it and a word
// after it that starts no prepositional phrase.
func (d *doc) pastVerbWithObject(k int) bool {
	w, prev, next := d.lower[k], d.lower[k-1], d.lower[k+1]
	if !strings.HasSuffix(w, "ed") || len(w) <= 4 || nounLeaders[prev] || !isLowerWord(d.words[k-1]) && !capitalised(d.words[k-1]) {
		return false
	}
	return determiners[next] || isLowerWord(d.words[k+1]) && !nounFollowers[next] && !nounLeaders[next]
}

// embeddedFragment reports whether content [c0, c1) is a quoted phrase
// set inside the writer's clause ("the "harbour question" was", "hoped
// she would "move on""): the quote opens after a word, not after a colon,
// comma or the start of the sentence, and holds no clause of its own.
func (d *doc) embeddedFragment(c0, c1 int) bool {
	if c0 < 2 || !isQuoteToken(d.words[c0-1]) {
		return false
	}
	before := d.words[c0-2]
	if d.sentenceOf(c0-2) != d.sentenceOf(c0) || !isWordToken(before) || d.lower[c0-2] == "said" || d.speechCue(c0-2, c0-1) {
		return false // `said "...`, `: "...`: the quote is what was said
	}
	return !d.proposition(c0, c1, false)
}
