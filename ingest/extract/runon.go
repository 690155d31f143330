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
		if d.inQuote(k) {
			continue
		}
		if d.words[k] == "," && c1-k <= 8 && d.ownAttribution(k+1, c1) && (d.reportingWordAt(c1-1) || d.reportingWordAt(c1-2)) {
			return k // "... would rise, the Kestrel Gazette reported": the writer's source for it
		}
		if d.lower[k] == "and" && d.namedSpeakerClause(k+1, c1) && !d.subjectNameBefore(c0, k) {
			return k // "... rose by 1% and Kestrel Bank reported a fall": another speaker's clause
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

// namedSpeakerClause reports whether a name (a run of capitalised words,
// no pronoun) starts at t and a reporting verb follows it at once, an
// auxiliary allowed between: "Kestrel Bank reported", "Labour has said".
// "Spain and United States", "both Sir Edward and Mr Thorpe thought" (two
// names joined) and "and I think" (the speaker's own words go on) are not.
func (d *doc) namedSpeakerClause(t, c1 int) bool {
	if t >= c1 || !capitalised(d.words[t]) || personalPronouns[d.lower[t]] || subjectPronouns[d.lower[t]] {
		return false
	}
	k := t
	for k < c1 && capitalised(d.words[k]) {
		k++
	}
	if k < c1 && auxiliaries[d.lower[k]] {
		k++
	}
	return k < c1 && d.reportingWordAt(k)
}

// subjectNameBefore reports whether the words before "and" at k end in a
// name that may be the first of two joined subjects: a run of capitalised
// words that opens the content or follows "both", a complementizer or a
// comma ("both Sir Edward and Mr Thorpe thought"). A name after a
// preposition ("in May and Kestrel Bank reported") ends a clause.
func (d *doc) subjectNameBefore(c0, k int) bool {
	j := k
	for j > c0 && capitalised(d.words[j-1]) {
		j--
	}
	if j == k {
		return false
	}
	return j == c0 || d.lower[j-1] == "both" || d.lower[j-1] == "," || complementizers[d.lower[j-1]] || determiners[d.lower[j-1]]
}

// subordinators open an adverbial clause that needs a main clause after
// it.
var subordinators = setOf("although", "though", "while", "whilst", "if", "unless", "because", "since", "once",
	"whereas", "when")

// subordinateTail repairs a content the tagger cut after its opening
// adverbial clause ("said that [although talks went on], no deal was
// near"): what was said is the main clause that follows the comma, so the
// content runs on to the end of the sentence.
func (d *doc) subordinateTail(si, c0, c1 int) int {
	s := d.sents[si]
	first := c0
	if first < c1 && d.lower[first] == "that" {
		first++ // "said that although ...": the tagger's content may hold the complementizer
	}
	if first >= c1 || c1+2 >= s.T1 || d.words[c1] != "," || !subordinators[d.lower[first]] || d.quoteInside(c0, c1) {
		return c1
	}
	for k := c0; k < c1; k++ {
		if d.words[k] == "," {
			return c1 // the clause already closed once: not a lone adverbial
		}
	}
	_, end := d.trimContent(c1+1, s.T1)
	if d.speechCue(c1+1, end) {
		return c1 // "..., he said": the cue follows, the content stands before it
	}
	return end
}

// afterSemicolon returns where the content [c0, c1) of a source starting at
// t0 with its cue ending at k1 starts when the content runs from before the
// source across a semicolon ("A claims X; B says Y"): after the cue, as the
// clause before the semicolon is another's. Otherwise c0.
func (d *doc) afterSemicolon(c0, c1, t0, k1 int) int {
	if t0 <= c0 || k1 >= c1 || t0 < 1 || d.lower[t0-1] != ";" {
		return c0
	}
	n0, n1 := d.trimContent(k1, c1)
	if n1-n0 < 3 || d.lower[n0] == "that" && n1-n0 < 4 {
		return c0
	}
	if d.lower[n0] == "that" {
		n0++
	}
	return n0
}

// danglingTail returns where a content [c0, c1) ends when its last three
// words open a new clause with "but", "while" or "whereas" whose subject
// the content holds without its verb ("... one of the leaders but his
// lawyer"): before that word. Otherwise c1, as when a verb follows the
// word ("said X but sold it": one speaker, two deeds).
func (d *doc) danglingTail(c0, c1 int) int {
	for j := c1 - 1; j >= c0+3 && j >= c1-3; j-- {
		switch d.lower[j] {
		case "but", "while", "whereas":
			if !d.inQuote(j) && d.subjectStart(j+1) {
				n0, n1 := d.trimContent(c0, j)
				if n0 == c0 && n1-n0 >= 3 {
					return n1
				}
			}
			return c1
		}
	}
	return c1
}

// tailSubjects open a noun phrase that can be a clause's subject.
var tailSubjects = setOf("the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
	"he", "she", "they", "we", "i", "this", "that", "these", "those", "some", "many", "others")

// subjectStart reports whether token t can open the subject of a new
// clause: a determiner, a pronoun or a capitalised word (a name).
func (d *doc) subjectStart(t int) bool {
	if t >= len(d.words) {
		return false
	}
	w := d.words[t]
	return tailSubjects[d.lower[t]] || w != "" && w[0] >= 'A' && w[0] <= 'Z'
}
