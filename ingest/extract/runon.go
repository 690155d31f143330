package extract

// A content span the tagger gives may run on past what was said into the
// writer's own words: past a closing quotation mark that ends a quoted
// sentence, into the next sentence ("... they come over." The coach is
// ...), or into a contrasting clause with its own speaker and reporting
// verb (", while the rival party criticised ..."). What was said ends
// where the writer takes over.

// runOnEnd returns where the content [c0, c1) ends when it runs on past
// what was said, or c1.
func (d *doc) runOnEnd(c0, c1 int) int {
	for k := c0 + 2; k < c1-1; k++ {
		if isQuoteToken(d.words[k]) && sentenceEnders[d.words[k-1]] && capitalised(d.words[k+1]) && !d.inQuote(k+1) {
			return k + 1 // '... come over." The coach ...': the quote closed its sentence
		}
		if d.words[k] == "," && contrastOpeners[d.lower[k+1]] && d.ownAttribution(k+2, min(c1, k+8)) {
			return k // ", while the rival party said ...": another speaker's clause
		}
	}
	return c1
}

// sentenceEnders end a sentence inside a quotation.
var sentenceEnders = setOf(".", "?", "!")

// contrastOpeners open an adverbial clause that contrasts with what
// precedes it and stands on its own: the writer's, not the speaker's.
var contrastOpeners = setOf("while", "whereas", "whilst")

// ownAttribution reports whether tokens [t0, t1) hold a subject (a name,
// or a noun phrase opening with a determiner) followed by a reporting
// verb: a clause with its own speaker.
func (d *doc) ownAttribution(t0, t1 int) bool {
	if t0 >= t1 || !capitalised(d.words[t0]) && !determiners[d.lower[t0]] {
		return false
	}
	for k := t0 + 1; k < t1; k++ {
		if d.reportingWordAt(k) {
			return true
		}
	}
	return false
}
