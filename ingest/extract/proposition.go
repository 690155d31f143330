package extract

import "strings"

// A claim says who said what: its content must be a proposition, something
// that can be true or false, not the thing an act was done to. "X said the
// plan would fail", "X warned that ...", "X urged the government to act",
// "X asked whether ..." and a quotation are claims; "X announced a plan",
// "Y criticised the deal" and "Z discussed the problem" are acts whose
// object is a noun phrase, and a fact-checker has nothing to check in
// them. PolNeAR annotates such objects as contents, so dropping them costs
// a little recall there (docs/quality.md, session 5b); the claims the graph
// holds are the better for it.

// complementizers open a complement clause or an infinitive.
var complementizers = setOf("that", "whether", "if", "to", "how", "what", "why", "when", "where", "who",
	"which", "because", "as", "while", "unless", "although", "though", "since", "once")

// subjectPronouns start a clause when they open a content ("he had won").
var subjectPronouns = setOf("i", "we", "you", "he", "she", "it", "they", "there", "nobody", "everyone", "everybody", "someone", "somebody", "nothing", "everything", "something")

// personalPronouns are subjects wherever they stand.
var personalPronouns = setOf("i", "we", "he", "she", "they")

// interjections and connectives may open a quoted or reported clause.
var interjections = setOf("uh", "um", "well", "so", "but", "and", "yes", "no", ",", "oh", "look", "now")

// clauseVerbs are finite verbs and auxiliaries that make a clause of the
// words around them, whatever stands before.
var clauseVerbs = setOf("is", "are", "was", "were", "am", "will", "would", "could", "can", "should", "must",
	"may", "might", "shall", "has", "have", "had", "did", "does", "do", "won't", "can't", "didn't", "doesn't",
	"isn't", "wasn't", "aren't", "weren't", "wouldn't", "couldn't", "shouldn't", "hasn't", "haven't",
	"hadn't", "'re", "'ll", "'d", "'ve", "'m", "cannot", "need", "needs", "want", "wants", "remains",
	"remain", "remained", "seems", "seemed", "became", "become", "becomes", "went", "got", "gets", "made",
	"makes", "came", "comes", "took", "takes", "gave", "gives", "lost", "won", "left", "meant", "means",
	"knew", "knows", "thought", "thinks", "felt", "feels", "saw", "sees", "kept", "keeps", "began", "begins",
	"rose", "fell", "grew", "said", "told", "sold", "bought", "paid", "held", "led", "brought", "found", "built",
	"spent", "sent", "ran", "stood", "fought", "wrote", "spoke", "chose", "broke", "drove", "rang", "hid")

// pluralVerbs are common verbs whose present plural has no ending: after
// a plural noun they make a clause.
var pluralVerbs = setOf("expect", "say", "believe", "think", "know", "feel", "hope", "plan", "see", "face",
	"fear", "agree", "like", "support", "oppose", "make", "take", "get", "go", "come", "give", "use", "find",
	"pay", "continue", "look", "play", "work", "try", "show", "lose", "win", "rise", "fall", "grow", "earn",
	"spend", "buy", "sell", "accept", "prefer", "back", "favour", "own", "lack", "hold", "run", "cost", "mean",
	"stand", "stay", "account", "risk", "suffer", "tend", "struggle", "offer", "provide", "include", "exist")

// aimNouns take an infinitive of their own: "plans to merge", "calls to
// publish" are noun phrases, not an object and its infinitive.
var aimNouns = setOf("plan", "plans", "bid", "bids", "attempt", "attempts", "effort", "efforts", "call", "calls",
	"decision", "move", "moves", "way", "ways", "chance", "right", "power", "powers", "ability", "need", "hopes",
	"intention", "proposal", "proposals", "pressure", "deal", "agreement", "promise", "pledge", "offer",
	"campaign", "drive", "push", "commitment", "time", "reason", "opportunity", "determination", "willingness",
	"refusal", "failure", "plot", "scheme", "measures", "steps", "action", "money", "funds", "permission")

// coordinators join a second verb phrase to the first: what follows them
// has the cue's subject, not one of the content's own.
var coordinators = setOf("and", "but", "or", "then", "nor")

// relativeWords open a relative clause inside a noun phrase.
var relativeWords = setOf("that", "which", "who", "whom", "whose", "where")

// nounFollowers are words that follow a plural noun more often than a
// verb in -s: prepositions and conjunctions.
var nounFollowers = setOf("of", "for", "in", "on", "at", "by", "with", "from", "about", "into", "over", "and",
	"or", "but", "as", "than", "like", "between", "against", "across", "under", "after", "before", "during",
	"'s", "which", "who", "that", "such", "including", "per", "among", "within", "without", "through")

// barePast are past forms without an ending.
var barePast = setOf("quit", "put", "cut", "hit", "let", "shut", "spread", "hurt", "beat", "cost")

// nounLeaders are words after which an -ed or -s word is a noun or an
// adjective, not a verb: "the increased costs", "his plans", "of talks".
var nounLeaders = setOf("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
	"these", "those", "of", "for", "on", "in", "at", "by", "with", "from", "about", "into", "over", "under",
	"and", "or", "some", "many", "more", "most", "several", "few", "all", "any", "no", "other", "new", "such",
	"'s", "two", "three", "four", "five", "own", "to", "very", "so", "too", "as")

// proposition reports whether content [c0, c1) states something: it is a
// quotation, opens with a complementizer or an infinitive, or holds a
// finite verb.
func (d *doc) proposition(c0, c1 int, verbatim bool) bool {
	if c1 <= c0 || verbatim || isQuoteToken(d.words[c0]) {
		return true // a quotation; a quoted phrase inside a noun phrase is still one
	}
	for c0 < c1-1 && interjections[d.lower[c0]] {
		c0++ // "Uh, we think ..."
	}
	first := strings.ReplaceAll(d.lower[c0], "’", "'")
	if complementizers[first] && !(first == "that" && c0+1 < c1 && nounLeaders[d.lower[c0+1]]) || subjectPronouns[first] {
		return true
	}
	for k := c0; k < c1; k++ {
		w := strings.ReplaceAll(d.lower[k], "’", "'")
		if personalPronouns[w] {
			return true // "win or lose, he is staying"
		}
		if i := strings.IndexByte(w, '\''); i > 0 && (clauseVerbs[w[i:]] && w[i:] != "'s" || strings.HasSuffix(w, "n't") ||
			w[i:] == "'s" && (subjectPronouns[w[:i]] || complementizers[w[:i]])) {
			return true // "they're", "he'll", "it's", "that's", "don't"
		}
		if k > c0 && (coordinators[d.lower[k-1]] || relativeWords[d.lower[k-1]] && k-1 > c0) {
			continue // "her title and will now seek", "trends that had driven": no clause of the content's own
		}
		if w == "to" && k > c0 && k+1 < c1 && isLowerWord(d.words[k+1]) && !nounLeaders[d.lower[k+1]] && !aimNouns[d.lower[k-1]] {
			return true // "urged the government to scrap the tax"
		}
		if clauseVerbs[w] {
			return true
		}
		if w == "'s" && k > c0 && (subjectPronouns[d.lower[k-1]] || complementizers[d.lower[k-1]]) {
			return true // "it 's", "that 's"; not "the minister 's claims"
		}
		if k > c0 && pluralVerbs[w] && strings.HasSuffix(d.lower[k-1], "s") {
			return true // "most farmers expect a dry year"
		}
		if k == c0 || nounLeaders[d.lower[k-1]] || !isLowerWord(d.words[k]) || len(w) < 4 {
			continue
		}
		if strings.HasSuffix(w, "ed") || barePast[w] {
			return true // "the company posted a loss", "the coach quit"
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
			!strings.HasSuffix(w, "is") && k+1 < c1 && !nounFollowers[d.lower[k+1]] && isWordToken(d.words[k+1]) {
			return true // "the firm expects a loss", "attack kills four"; not "faith schools" or "contributions by"
		}
	}
	return false
}

// isWordToken reports whether w starts with a letter or a digit: not
// punctuation.
func isWordToken(w string) bool {
	return w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z' || w[0] >= '0' && w[0] <= '9')
}
