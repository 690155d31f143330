package extract

// A cue that puts a question or an order to someone reports no statement:
// "asked why the plant had closed", "urged residents to stay indoors",
// "called on the council to resign", "called for the tax to be scrapped".
// The independent judges counted every such claim wrong (a question or a
// demand presented as a statement: 13 of 13 in the BBC samples of
// sessions 13-14). Each is kept as an act, so that attribution scoring
// still sees it; "urged that ..." and "asked: ..." keep their clause.

// directiveVerbs put an order or a request to their object.
var directiveVerbs = setOf("ask", "urge", "demand", "appeal", "beg", "implore", "press", "call")

// directiveAct reports whether the cue [k0, k1), with content [c0, c1)
// after it, asks a question or gives an order: a directive verb (call
// only with "on", "upon" or "for") and a content that is an indirect
// question (after ask) or an object and an infinitive before any finite
// verb ("him to reconsider", "the tax to be scrapped").
func (d *doc) directiveAct(k0, k1, c0, c1 int, verbatim bool) bool {
	if c1 <= c0 || k1 <= k0 || c0 < k1 || verbatim || isQuoteToken(d.words[c0]) {
		return false
	}
	if prev := d.lower[c0-1]; prev == "that" || prev == ":" || isQuoteToken(d.words[c0-1]) {
		return false
	}
	verb, particle := d.lower[k1-1], ""
	if (verb == "on" || verb == "upon" || verb == "for") && k1-k0 >= 2 {
		verb, particle = d.lower[k1-2], verb
	}
	directive := false
	for _, l := range lemmas(verb) {
		if directiveVerbs[l] && (l != "call" || particle != "") {
			directive = true
		}
	}
	if !directive {
		return false
	}
	if questionWords[d.lower[c0]] {
		return hasLemma(verb, "ask")
	}
	// The addressee may stand between the cue and the content ("urged
	// residents to stay", the content "stay"), so the words from the cue's
	// end are read.
	for i := k1; i < c1 && i < c0+10; i++ {
		w := d.lower[i]
		if clauseAux[w] || w == "that" || w == "," {
			return false // a clause of its own: "urged that", "called for calm, saying it was"
		}
		if w == "to" && i > k1 && i+1 < c1 {
			return true
		}
	}
	return false
}
