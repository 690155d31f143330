package extract

import "strings"

// The object of "tell" is whom the speaker told, not what: "X told the
// Daily Post the plant would close", "X told reporters he was leaving";
// so is the object of "ask": "X asked the minister whether the plant
// would close".
// The tagger and the reported-speech rules often start the content at the
// addressee; the content is the clause after it.

// addresseeReach is how many tokens an addressee may take ("BBC Radio 4's
// Today programme").
const addresseeReach = 10

// clauseOpeners start a clause after an addressee: a that-complement or a
// subject pronoun.
var clauseOpeners = setOf("that", "he", "she", "they", "we", "i", "it", "there", "you")

// npStarters may open the subject of a clause after an addressee.
var npStarters = setOf("the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "some", "no", "all", "most", "many")

// skipAddressee returns where the content [c0, c1) of a cue [k0, k1) ending
// in a form of "tell" really starts: after the addressee that opens it. It
// returns c0 when the content does not start right after the cue (or its
// article, which the tagger often leaves out of both), starts
// with a clause, or has an object and its infinitive ("told him to
// leave").
func (d *doc) skipAddressee(k0, k1, c0, c1 int) int {
	if k1 <= k0 || c0 < k1 {
		return c0
	}
	if n0 := d.thatColon(c0, c1); n0 != c0 {
		return n0 // `added that: "..."`: the quoted words
	}
	if c0 > k1+1 && c0-k1 <= addresseeReach && (tellForm(d.lower[k1-1]) || addresseeThat[d.lower[k1-1]]) && d.addresseeGap(k1, c0) {
		// "told a news conference in Leeds that ...": the tagger started
		// the content inside the addressee; go back to its start.
		c0 = k1
		if d.lower[k1] == "the" || d.lower[k1] == "a" || d.lower[k1] == "an" {
			c0 = k1 + 1 // the article stays out, as the rest of this test expects
		}
	}
	if c0 > k1+1 || c1-c0 < 3 || clauseOpeners[d.lower[c0]] || isQuoteToken(d.words[c0]) || questionWords[d.lower[c0]] {
		return c0
	}
	if d.lower[c0] == "to" {
		// "denied to Reuters that ...", "confirmed to the BBC that ...":
		// a prepositional addressee, then what was said.
		for j := c0 + 1; j < c1 && j <= c0+addresseeReach; j++ {
			switch w := d.lower[j]; {
			case w == "that" && c1-j >= 3:
				return j
			case w == ":" && d.cueWordIn(k0, k1):
				// "said to reporters: ...": whom, then the words said.
				if n0, n1 := d.trimContent(j+1, c1); n1-n0 >= 2 {
					return n0
				}
				return c0
			case w == "to" || w == ":" || isQuoteToken(d.words[j]) || d.clauseEnds(j) || !d.cueWordIn(k0, k1):
				return c0
			}
		}
		return c0
	}
	if askForm(d.lower[k1-1]) {
		// "asked the minister whether ...": the question starts at its
		// question word; "asked him to leave" keeps its object.
		for j := c0 + 1; j < c1 && j <= c0+addresseeReach; j++ {
			switch w := d.lower[j]; {
			case questionWords[w] && c1-j >= 3:
				return j
			case w == "to" || w == ":" || isQuoteToken(d.words[j]) || d.clauseEnds(j):
				return c0
			}
		}
		return c0
	}
	if addresseeThat[d.lower[k1-1]] {
		// "warned the committee that ...": whom, then what.
		for j := c0 + 1; j < c1 && j <= c0+addresseeReach; j++ {
			switch w := d.lower[j]; {
			case w == "that" && c1-j >= 3:
				return j
			case w == "to" || w == ":" || isQuoteToken(d.words[j]) || d.clauseEnds(j):
				return c0
			}
		}
		return c0
	}
	if !tellForm(d.lower[k1-1]) {
		return c0
	}
	for j := c0 + 1; j < c1 && j <= c0+addresseeReach; j++ {
		w := d.lower[j]
		switch {
		case w == ":" || isQuoteToken(d.words[j]):
			if n0, n1 := d.trimContent(j, c1); n1-n0 >= 2 {
				return n0
			}
			return c0
		case w == "to" || w == "about" || w == "of" || w == "and" || w == "or" || d.clauseEnds(j):
			return c0 // "told him to leave", "told reporters about the plan"
		case clauseOpeners[w]:
			if c1-j >= 2 {
				return j
			}
			return c0
		case npStarters[w] && d.clauseFollows(j+1, c1) && c1-j >= 3:
			return j // "told the Post the plant would close"
		case !isLowerWord(d.words[j]) && isLowerWord(d.words[j-1]) && d.lower[j-1] != "'s" && !addresseePreps[d.lower[j-1]] && !npStarters[d.lower[j-1]] && d.clauseFollows(j+1, c1):
			return j // "told reporters Kestrel would sell"
		}
	}
	return c0
}

// tellForm reports whether w is a form of "tell".
func tellForm(w string) bool {
	switch strings.ReplaceAll(w, "’", "'") {
	case "tell", "tells", "told", "telling":
		return true
	}
	return false
}

// askForm reports whether w is a form of "ask".
func askForm(w string) bool {
	switch w {
	case "ask", "asks", "asked", "asking":
		return true
	}
	return false
}

// questionWords open an indirect question.
var questionWords = setOf("whether", "if", "what", "why", "how", "when", "where", "who", "which")

// addresseeThat are verbs of telling whose addressee stands before a
// that-clause: "warned the committee that", "assured investors that".
var addresseeThat = setOf("warn", "warns", "warned", "warning", "assure", "assures", "assured", "assuring",
	"inform", "informs", "informed", "informing", "remind", "reminds", "reminded", "reminding",
	"convince", "convinced", "persuade", "persuaded", "promise", "promised", "promises", "notify", "notified",
	"advise", "advised", "advises", "reassure", "reassured", "reassures")

// thatColon returns where content [c0, c1) starts when it opens with "that"
// and a colon (`added that: "..."`): after the colon and its quote mark.
// Otherwise c0.
func (d *doc) thatColon(c0, c1 int) int {
	if c0+3 >= c1 || d.lower[c0] != "that" || d.lower[c0+1] != ":" {
		return c0
	}
	if n0, n1 := d.trimContent(c0+2, c1); n1-n0 >= 2 {
		return n0
	}
	return c0
}

// addresseeGap reports whether the words [k1, c0) between a cue and where
// the tagger started its content can be an addressee: no colon, quote
// mark or clause break among them.
func (d *doc) addresseeGap(k1, c0 int) bool {
	for j := k1; j < c0; j++ {
		if d.lower[j] == ":" || d.lower[j] == "that" || isQuoteToken(d.words[j]) || d.clauseEnds(j) {
			return false
		}
	}
	return true
}

// addresseePreps put a name inside the addressee ("a news conference in
// Leeds"), not at the start of the clause after it.
var addresseePreps = setOf("in", "at", "on", "of", "from", "near")

// quoteAfterAddressee returns the quoted words a content [c0, c1) that is
// only "to <addressee>" stops before (`said to reporters: "..."`): from
// after the colon and its quote mark to the closing quote mark or the end
// of the sentence. Otherwise it returns c0, c1.
func (d *doc) quoteAfterAddressee(k0, k1, c0, c1 int) (int, int) {
	if c0 < k1 || c0 > k1+1 || d.lower[c0] != "to" || c1 > c0+addresseeReach || c1+2 >= len(d.lower) ||
		d.lower[c1] != ":" || !isQuoteToken(d.words[c1+1]) || !d.cueWordIn(k0, k1) {
		return c0, c1
	}
	si := d.sentenceOf(c1)
	e := c1 + 2
	for e < len(d.lower) && d.sentenceOf(e) == si && !isQuoteToken(d.words[e]) {
		e++
	}
	n0, n1 := d.trimContent(c1+2, e)
	if n1-n0 < 3 {
		return c0, c1
	}
	return n0, n1
}
