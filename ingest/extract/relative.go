package extract

import "unicode"

// relativeAntecedent returns where the common noun phrase right before a
// restrictive "who" starts ("most small charities who say ..."), or t
// when the word before is no noun: a function word, a pronoun, a
// capitalised name or punctuation. The phrase is the noun with its
// determiner or quantifier: a word further back may as well be a verb
// ("met fans who ...") as an adjective.
func (d *doc) relativeAntecedent(t int) int {
	if t < 1 || !d.commonWord(t-1) || anaphors[d.lower[t-1]] || auxiliaries[d.lower[t-1]] {
		return t
	}
	n0 := t - 1
	if n0 > 0 && (determiners[d.lower[n0-1]] || quantifiers[d.lower[n0-1]]) {
		n0--
	}
	return n0
}

// commonWord reports whether token t is a lower-case word of letters that
// is not a function word: a noun or an adjective in a noun phrase.
func (d *doc) commonWord(t int) bool {
	w := d.words[t]
	if w == "" || functionWords[d.lower[t]] || determiners[d.lower[t]] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

// quantifiers open a noun phrase like a determiner ("many fans who ...").
var quantifiers = setOf("many", "most", "some", "all", "other", "few", "several", "those", "these")
