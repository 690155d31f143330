package extract

import "strings"

// reportingLemmas are verbs whose subject says or judges something: verbs
// of communication (Levin's class 37: say, tell, manner of speaking, talk,
// complain, advise), of declaring and conjecturing (29.4-29.5), of
// assessment (34) and of emphasis. The PolNeAR-derived cueWords and the
// speechVerbs list hold the forms those sources happened to show
// ("highlighted" but not "highlighting"); a class is closed under
// inflection, so every form of these lemmas names an act of saying.
var reportingLemmas = []string{
	"say", "tell", "state", "claim", "assert", "declare", "announce", "report", "add", "note", "observe",
	"remark", "comment", "mention", "explain", "describe", "characterize", "characterise", "portray", "argue",
	"contend", "maintain", "insist", "stress", "emphasize", "emphasise", "underline", "underscore",
	"highlight", "warn", "caution", "predict", "forecast", "suggest", "propose", "recommend", "urge",
	"advise", "believe", "think", "reckon", "suspect", "assume", "doubt", "conclude", "estimate",
	"acknowledge", "admit", "concede", "deny", "confirm", "allege", "accuse",
	"complain", "lament", "ask", "answer", "reply", "respond",
	"recall", "recount", "testify", "reveal", "disclose", "tweet", "write", "speak", "talk",
	"agree", "disagree", "concur", "counter", "object", "protest", "stipulate", "reiterate",
	"repeat", "clarify", "elaborate",
}

// judgementLemmas are verbs of judging and of treating a topic that take a
// noun phrase as object, not a clause: "criticised the deal", "praised
// the team", "discussed the budget", "described the plan as ...". Their
// object is what the act is about, not something said (Levin's judgement
// verbs, 33, and verbs of discussing). A cue holding one of them counts as
// a reporting word only when a clause follows it or stands before it.
var judgementLemmas = []string{
	"criticize", "criticise", "praise", "condemn", "applaud", "hail", "welcome", "blame", "thank",
	"congratulate", "judge", "assess", "evaluate", "question", "discuss", "outline", "detail", "summarize",
	"summarise", "analyse", "analyze", "describe", "characterize", "characterise", "portray",
}

// objectActForms are verbs whose noun-phrase object is a thing made or
// chosen, not something said: "voted for a rise", "wrote the score for a
// musical", "proposed a new tax". With a clause ("wrote that ...", "wrote: ...") they report
// speech, as judging verbs do.
var objectActForms = formsOf([]string{"vote", "write", "propose"})

// addForms are the forms of "add", which says something with a clause
// ("added that ...") but with "to" is a verb of increasing, not of saying:
// "added to the pressure". A cue ending in "with" ("had talks with",
// "sided with") names a partner, and its object is a noun phrase too.
var addForms = formsOf([]string{"add"})

// topicParticles ending a cue after a verb of telling (topicVerbForms:
// "told of", "spoke about", "was asked about") make its object a topic:
// "told of his shock" names what he talked about, not what he said;
// "told of how ..." holds its statement in a clause. Other verbs keep
// their statement in the object ("accused the club of ...").
var topicParticles = setOf("of", "about")

// topicVerbForms are the verbs of telling that a topic particle follows.
var topicVerbForms = formsOf([]string{"tell", "speak", "talk", "write", "ask"})

// judgementForms holds every form of the judgementLemmas.
var judgementForms = formsOf(judgementLemmas)

// formsOf maps every inflection of each lemma to true.
func formsOf(lemmas []string) map[string]bool {
	forms := map[string]bool{}
	for _, l := range lemmas {
		for _, f := range inflect(l) {
			forms[f] = true
		}
	}
	return forms
}

// reportingParticles are verbs that say something only with their
// particle: "touch on", "point to", "dwell upon", "weigh in".
var reportingParticles = map[string]map[string]bool{
	"touch": setOf("on", "upon"), "point": setOf("to", "out"), "dwell": setOf("on", "upon"),
	"reflect": setOf("on", "upon"), "hint": setOf("at"), "allude": setOf("to"), "refer": setOf("to"),
	"weigh": setOf("in"), "speak": setOf("of", "about", "out"), "talk": setOf("about", "of"),
}

// irregularForms are the forms inflect cannot build.
var irregularForms = map[string][]string{
	"say": {"said"}, "tell": {"told"}, "think": {"thought"}, "write": {"wrote", "written"},
	"speak": {"spoke", "spoken"}, "forecast": {"forecast"},
}

// reportingForms maps every form of a reporting lemma to true;
// particleForms maps every form of a particle verb to its particles.
var reportingForms, particleForms = buildReportingForms()

func buildReportingForms() (map[string]bool, map[string]map[string]bool) {
	forms := formsOf(reportingLemmas)
	particles := map[string]map[string]bool{}
	for l, ps := range reportingParticles {
		for _, f := range inflect(l) {
			particles[f] = ps
		}
	}
	return forms, particles
}

// inflect lists the forms of a regular English verb: the lemma, third
// person, past and -ing, with a final consonant doubled or not (the
// doubling depends on stress, which spelling does not show; the form not
// used is no word and harms nothing), plus the irregular forms.
func inflect(lemma string) []string {
	out := append([]string{lemma}, irregularForms[lemma]...)
	stem := lemma
	switch {
	case strings.HasSuffix(lemma, "e"):
		stem = strings.TrimSuffix(lemma, "e")
		out = append(out, lemma+"s", lemma+"d", stem+"ing")
	case strings.HasSuffix(lemma, "y") && len(lemma) > 2 && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		stem = strings.TrimSuffix(lemma, "y")
		out = append(out, stem+"ies", stem+"ied", lemma+"ing")
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") ||
		strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z"):
		out = append(out, lemma+"es", lemma+"ed", lemma+"ing")
	default:
		out = append(out, lemma+"s", lemma+"ed", lemma+"ing")
		if n := len(lemma); n > 2 && !strings.ContainsRune("aeiouwxy", rune(lemma[n-1])) &&
			strings.ContainsRune("aeiou", rune(lemma[n-2])) && !strings.ContainsRune("aeiou", rune(lemma[n-3])) {
			d := lemma + lemma[n-1:]
			out = append(out, d+"ed", d+"ing") // "admitted", "referring"
		}
	}
	return out
}

// reportingWordAt reports whether token k is a form of a reporting verb,
// or a particle verb followed by its particle ("touched upon").
func (d *doc) reportingWordAt(k int) bool {
	w := d.lower[k]
	if reportingForms[w] {
		return true
	}
	ps := particleForms[w]
	return ps != nil && k+1 < len(d.lower) && ps[d.lower[k+1]]
}

// reportingCue reports whether the tagged cue [k0, k1) with content [c0,
// c1) names an act of saying: it holds a reporting word (cueWordIn) that
// is no judging or discussing verb, or such a verb with a clause as its
// content: "criticised the deal" is an act on a thing; "criticised it,
// saying ..." has its own cue; "praised the plan: it would ..." or a
// content before the cue is a statement.
func (d *doc) reportingCue(k0, k1, c0, c1 int) bool {
	object, judging := false, false
	for k := k0; k < k1; k++ {
		w := d.lower[k]
		if judgementForms[w] || objectActForms[w] || k == k1-1 && k > k0 && (topicParticles[w] && topicVerbForms[d.lower[k-1]] || w == "with") ||
			addForms[w] && c0 == k1 && c0 < len(d.lower) && d.lower[c0] == "to" {
			object, judging = true, judgementForms[w]
			break
		}
	}
	if !object {
		return d.cueWordIn(k0, k1)
	}
	if c1 <= k0 {
		return true // the content stands before the cue: a clause said
	}
	j := c0
	for j > k1 && isTrimmable(d.words[j-1]) {
		j--
	}
	clause := clauseOpenersAfterJudgement[d.lower[c0]] || isQuoteToken(d.words[c0]) || j < c0 && (d.words[j] == ":" || isQuoteToken(d.words[j]))
	if judging {
		// "praised the director: "..."", "judged offside as he ran": the
		// object is what is judged, a clause after it no content of the cue.
		return clause
	}
	if k0 > 0 && d.words[k0-1] == "," && c0 >= k1 && c1-c0 <= 4 && d.clauseEnds(c1) {
		return d.cueWordIn(k0, k1) // "..., writes Ann Lee.": the inverted speaker, not an object; the content came first
	}
	clause = clause || nominativePronouns[d.lower[c0]] // "wrote she believed ..."
	for k := c0; k+1 < c1 && !clause; k++ {
		clause = d.words[k] == ":" && isQuoteToken(d.words[k+1]) // "asked of the war: "..."": a quote follows
	}
	return clause
}

// nominativePronouns can only be subjects: a content opening with one is
// a clause ("wrote she believed ..."). "It" and "you" may be objects.
var nominativePronouns = setOf("i", "we", "he", "she", "they")

// clauseOpenersAfterJudgement open a clause or an embedded question
// right after a judging verb: "questioned whether", "praised that".
// "as" is not one: "described the plan as ..." predicates of the object.
var clauseOpenersAfterJudgement = setOf("that", "whether", "if", "how", "why", "what", "when", "where", "who")
