package extract

import "strings"

// A claim is something someone said, wrote or thinks. Its cue must be a
// speech or cognition act: "said", "warned", "believes", "according to",
// "in a statement", "touched upon"; never an act in the world ("launching
// attacks", "has fought"), however the tagger labelled it. The lexicon
// below lists such acts by lemma; speechCue accepts a cue holding one of
// them in any inflection, or a colon, dash or quotation mark (a quote
// introduced by punctuation alone).

// speechLemmas are the base forms of English speech and cognition acts
// (verbs, the nouns and adjectives that cue attributions in news). It is
// our own list of general vocabulary, not one drawn from any data set.
var speechLemmas = setOf(
	// saying and telling
	"say", "tell", "state", "claim", "argue", "add", "note", "explain", "insist", "suggest", "stress",
	"emphasize", "emphasise", "underscore", "underline", "highlight", "point", "warn", "caution", "announce",
	"declare", "maintain", "contend", "observe", "predict", "forecast", "write", "report", "deny", "confirm",
	"allege", "urge", "ask", "reply", "recall", "estimate", "counter", "remark", "continue", "tweet", "post",
	"demand", "answer", "respond", "quip", "joke", "shout", "yell", "exclaim", "wonder", "muse", "concede",
	"vow", "promise", "pledge", "plead", "boast", "brag", "complain", "lament", "retort", "interject",
	"recount", "testify", "whisper", "call", "describe", "characterize", "characterise", "accuse", "blame",
	"criticize", "criticise", "condemn", "denounce", "decry", "praise", "applaud", "hail", "welcome",
	"question", "challenge", "dispute", "reject", "dismiss", "propose", "recommend", "advise", "agree",
	"disagree", "object", "protest", "appeal", "threaten", "assure", "reassure", "reveal", "disclose",
	"indicate", "imply", "mention", "discuss", "comment", "speak", "talk", "inform", "notify", "publish",
	"cite", "quote", "label", "term", "dub", "brand", "refer", "express", "voice", "signal", "acknowledge",
	"admit", "assert", "affirm", "reiterate", "repeat", "clarify", "elaborate", "outline", "detail",
	"summarize", "summarise", "conclude", "chant", "cheer", "boo", "sing", "preach", "lecture", "brief",
	"rule", "order", "instruct", "invite", "offer", "request", "beg", "implore", "insinuate",
	"concur", "echo", "endorse", "oppose", "support", "back", "vote", "rebut", "refute", "contradict",
	"correct", "apologize", "apologise", "thank", "congratulate", "greet", "address", "raise", "flag",
	"concern", "worry", "fear", "hope", "wish", "want", "expect", "anticipate", "doubt", "suspect",
	"believe", "think", "feel", "know", "understand", "realize", "realise", "recognize", "recognise",
	"assume", "presume", "suppose", "reckon", "consider", "regard", "view", "deem", "judge", "see", "find",
	"learn", "determine", "decide", "guess", "imagine", "calculate", "figure",
	"envision", "envisage", "foresee", "accept", "prefer", "show",
	"prove", "demonstrate", "establish",
	// evaluating, mocking, refusing, framing: acts done by speaking
	"proclaim", "scold", "chide", "reference", "recite", "read", "defend", "rail", "refuse", "rate",
	"ridicule", "mock", "deride", "demean", "insult", "compliment", "flatter", "tout", "advocate", "champion",
	"lobby", "frame", "portray", "depict", "paint", "cast", "invoke", "swear", "bet", "lie", "grumble",
	"mutter", "sigh", "laugh", "scoff", "jeer", "taunt", "rebuke", "reprimand", "lambast", "berate",
	"compare", "liken", "laud", "exhort", "chastise", "grill", "commentary", "suggestion", "retweet",
	"chronicle", "illustrate", "identify", "encourage", "embrace", "favor", "favour", "pitch",
	// irregular past forms of the verbs above
	"felt", "understood", "shown", "heard", "meant", "swore", "sworn", "forgot", "forgotten", "foresaw",
	"bade", "thought", "believed",
	// evidentials and perception as knowledge
	"seem", "appear", "sense", "perceive", "notice", "remember", "forget",
	// attitudes
	"surprise", "surprised", "incense", "incensed", "anger", "angered", "angry", "upset", "please", "pleased",
	"happy", "disappoint", "disappointed", "frustrate", "frustrated", "alarm", "alarmed", "shock", "shocked",
	"dismay", "dismayed", "outrage", "outraged", "furious", "unhappy", "glad", "proud", "critical",
	"complimentary", "defensive", "supportive", "dismissive", "wary",
	// nouns of statements and their occasions
	"statement", "interview", "remarks", "comments", "testimony", "speech",
	"letter", "memo", "briefing", "announcement", "warning", "allegation", "accusation", "criticism",
	"opinion", "belief", "assessment", "analysis", "conclusion", "finding", "findings",
	"according", "press", "conference", "told", "said", "wrote", "written", "spoke", "spoken",
	"saw", "seen", "knew", "known", "found", "taught", "argument", "message",
	"column", "editorial", "op-ed", "survey", "poll", "study", "response",
	// states of mind
	"aware", "confident", "convinced", "sure", "certain", "concerned", "worried", "afraid", "adamant",
	"optimistic", "pessimistic", "sceptical", "skeptical", "hopeful", "clear", "keen", "eager",
)

// nounLemmas are the entries of speechLemmas that cue a statement only as
// nouns: their verbs ("to poll", "to press", "to study") are no speech.
var nounLemmas = setOf("statement", "interview", "testimony", "speech", "letter", "memo", "briefing",
	"press", "conference", "column", "editorial", "survey", "poll", "study", "message", "finding", "opinion",
	"belief", "analysis", "argument", "response")

// phrasalSpeech are verbs that are speech acts only with their particle:
// "touched upon", "weighed in", "went on".
var phrasalSpeech = map[string]map[string]bool{
	"touch": setOf("on", "upon"), "weigh": setOf("in"), "go": setOf("on"), "sound": setOf("off"),
	"spell": setOf("out"), "lay": setOf("out"), "set": setOf("out"), "bring": setOf("up"),
	"single": setOf("out"), "hint": setOf("at", "that"), "allude": setOf("to"),
}

// speechCue reports whether tokens [k0, k1) hold a speech or cognition
// act, or are a colon, a dash or a quotation mark.
func (d *doc) speechCue(k0, k1 int) bool {
	for k := k0; k < k1; k++ {
		w := d.lower[k]
		if w == ":" || w == "―" || w == "—" || w == "–" || isQuoteToken(w) || speechVerbs[w] {
			return true
		}
		for _, l := range lemmas(w) {
			if speechLemmas[l] && (l == w || !nounLemmas[l] || w == l+"s") {
				return true // "polled", "pressing": a noun of statements used as another verb
			}
			if parts := phrasalSpeech[l]; parts != nil && k+1 < len(d.lower) && parts[d.lower[k+1]] {
				return true
			}
		}
	}
	return false
}

// lemmas returns the candidate base forms of an English word: the word
// itself and what stripping a regular inflection (-s, -es, -ies, -ed,
// -ied, -ing, with a doubled consonant or a dropped e) leaves.
func lemmas(w string) []string {
	out := []string{w}
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 2 {
			continue
		}
		add(stem)
		switch suf {
		case "ing", "ed":
			add(stem + "e") // arguing, argued
			if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] {
				add(stem[:n-1]) // admitted, chatting
			}
			if strings.HasSuffix(stem, "i") {
				add(stem[:len(stem)-1] + "y") // denied
			}
		case "es", "s":
			if strings.HasSuffix(stem, "i") {
				add(stem[:len(stem)-1] + "y") // denies, replies
			}
		}
	}
	return out
}
