package extract

import (
	"strings"
)

// A claim pattern is a regular expression over a sentence abstract with the
// groups "c" (the cue), "content", and one speaker: "s" (an entity slot),
// "g" (a group noun such as "the experts") or "pr" (a pronoun).
type claimPattern struct {
	name     string
	expr     string
	verbatim bool
	conf     float64
}

const (
	spkMacro  = `(?:(?:(?:the|this) )?(?P<s>E\d+)|(?P<g>(?:the |some |many |several |other |two |both |most |these |those |a |an |another |one )?(?:E\d+ )?(?:[a-z-]+ )?(?:source|official|spokesman|spokeswoman|spokesperson|witness|resident|diplomat|nominee|candidate|announcer|campaign|report|study|poll|survey|statement|ad|clip|memo|letter|lawsuit|complaint|experts|analysts|officials|panelists|panellists|guests|commentators|scholars|researchers|specialists|authorities|elders|residents|witnesses|sources|diplomats|observers|critics|villagers|activists|police))|(?P<pr>he|she))`
	verbMacro = `(?P<c>said|says|say|told|tells|warned|warns|argued|argues|emphasized|emphasised|emphasizes|underscored|underscores|noted|notes|stated|states|claimed|claims|added|adds|explained|explains|insisted|insists|suggested|suggests|stressed|stresses|believes|believed|asserted|asserts|acknowledged|admitted|announced|declared|maintained|maintains|contended|observed|highlighted|cautioned|predicted|pointed out|wrote|writes|reported|reports|denied|confirmed|alleged|concluded|argued|recalled|estimated|countered|remarked)`
	spkTail   = `(?: (?:on|from|at|of|with|for|in) (?:the )?(?:E\d+|[a-z-]+))?(?: , (?:[^ ,"]+ ){1,14}?,)?`
	advMacro  = `(?:(?:also|further|later|then|have|has|had|previously|repeatedly|once|often|again|earlier|recently|publicly|strongly) )*`
)

var claimPatterns = []claimPattern{
	// "X said (on Monday) that ...": reported speech with a complementiser.
	{name: "reported-that", conf: 0.8,
		expr: `(?:^|.* )` + spkMacro + spkTail + ` ` + advMacro + verbMacro + `(?: (?:the )?(?:E\d+|[a-z]+)(?: 's (?:[^ ]+ ){0,3}?[^ ]+)?)?(?: (?:on|in|at|during|to|via|after|before|from|with|through|over) (?:[^ ]+ ){0,7}?)?(?: ,)? that (?P<content>.+?)(?: [.!?"])*$`},
	// "X said the attack ...": reported speech without "that".
	{name: "reported-bare", conf: 0.7,
		expr: `(?:^|.* )` + spkMacro + spkTail + ` ` + advMacro + `(?P<c>said|says|say|believes|believed|argued|argues|claimed|claims|insisted|insists|added|warned|warns|thinks|suggested|suggests|maintained|maintains|says|told|tells|adds|acknowledged|admitted|conceded|predicted|predicts|estimated|estimates) (?P<content>[^ ,.:;"()]+ .+?)(?: [.!?"])*$`},
	// "The experts emphasized the need for ...": a cue with a noun phrase.
	{name: "reported-nominal", conf: 0.55,
		expr: `(?:^|.* )` + spkMacro + spkTail + ` ` + advMacro + `(?P<c>emphasized|emphasised|underscored|highlighted|stressed|noted|warned of|pointed to|called for|emphasizes|underscores|highlights|stresses) (?P<content>(?:the|a|an|his|her|their|its|E\d+) .+?)(?: [.!?"])*$`},
	// "..., X said." and "..., said X."
	{name: "reported-final", conf: 0.75,
		expr: `^(?:" )?(?P<content>.+?) (?:" )?, ` + spkMacro + ` ` + advMacro + `(?P<c>said|says|say|added|adds|warned|argued|claimed|noted|insisted|explained|told|wrote|believes|stated|suggested)(?: [^ ]+){0,4}? ?[.!?]?$`},
	{name: "reported-final-inverted", conf: 0.75,
		expr: `^(?:" )?(?P<content>.+?) (?:" )?, (?P<c>said|says|added|adds|warned|argued|noted|explained|wrote) (?:[a-z-]+ ){0,3}?` + spkMacro + `(?: [^ ]+){0,6}? ?[.!?]?$`},
	// "The plan, he said, will fail.": a medial attribution.
	{name: "reported-medial", conf: 0.7,
		expr: `^(?P<content>.+?) , ` + spkMacro + ` ` + advMacro + `(?P<c>said|says|added|adds|argued|argues|insisted|insists|noted|notes|explained|explains|warned|warns|believes|suggested|suggests) , (?P<rest>.+?)(?: [.!?"])*$`},
	// "..., according to X." and "According to X, ..."
	{name: "according-medial", conf: 0.7,
		expr: `^(?P<content>.+?) , (?P<c>according to) (?:[a-z-]+ ){0,3}?` + spkMacro + ` , (?P<rest>.+?)(?: [.!?"])*$`},
	{name: "according-final", conf: 0.7,
		expr: `^(?P<content>.+?) , (?P<c>according to) (?:[a-z-]+ ){0,3}?` + spkMacro + `(?: .*)?$`},
	{name: "according-initial", conf: 0.7,
		expr: `(?:^|.* )(?P<c>according to) (?:[a-z-]+ ){0,3}?` + spkMacro + `(?: [^,]*)? , (?P<content>.+?)(?: [.!?"])*$`},
}

type compiledClaim struct {
	claimPattern
	re *filteredRegexp
}

var compiledClaims = func() []compiledClaim {
	out := make([]compiledClaim, len(claimPatterns))
	for i, p := range claimPatterns {
		out[i] = compiledClaim{p, mustCompileFiltered(p.expr)}
	}
	return out
}()

// notClauseStart are words that cannot open the clause a bare speech verb
// introduces: "said to", "said of", "told reporters", "said goodbye".
var notClauseStart = setOf("to", "of", "for", "in", "on", "at", "by", "with", "from", "about", "into", "up",
	"out", "so", "goodbye", "hello", "yes", "nothing", "something", "anything", "little", "much", "more",
	"reporters", "journalists", "me", "him", "them", "us", "you", "her", "whether", "as", "than", "and", "or",
	"but", "why", "how", "what", "when", "where", "which", "who", "~")

// timeWords open a content span without belonging to it: "said Friday
// the plan ...".
var timeWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "earlier", "later", "recently", "afterwards", "again")

// claimKeys is a cheap test that a sentence may hold an attribution; pairs
// is the byte-pair filter of low, which rules most words out unsearched.
func claimKeys(low string, pairs *bytePairs) bool {
	if strings.Contains(low, "according to") {
		return true
	}
	for _, w := range []string{"said", "says", "told", "warn", "argue", "emphas", "underscor", "noted", "notes",
		"stated", "claim", "added", "adds", "explain", "insist", "suggest", "stress", "believ", "assert",
		"acknowledg", "admit", "announc", "declar", "maintain", "contend", "observ", "highlight", "caution",
		"predict", "pointed", "wrote", "writes", "report", "denied", "confirm", "alleg", "conclud", "recall",
		"estimat", "counter", "remark", "called for", "think"} {
		if pairs.mayHold(w) && strings.Contains(low, w) {
			return true
		}
	}
	return false
}
