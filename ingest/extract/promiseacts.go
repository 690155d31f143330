package extract

// A promise, pledge or vow with an infinitive ("promised to keep the
// libraries open", "vowed to fight on") commits the speaker to a deed; it
// states nothing that could be true or false, so it is an act. So is one
// whose object is a thing, quoted or not ("pledged "the fairest deal the
// town has ever had""). A promise of a clause ("promised that the libraries
// would stay open", "promised the libraries would stay open") reports a
// statement and stays a claim.

// promiseLemmas are the cues that commit the speaker to a deed.
var promiseLemmas = setOf("promise", "pledge", "vow", "undertake", "guarantee")

// promiseAct reports whether the cue [k0, k1) with content [c0, c1) after
// it is a promise of a deed or a thing rather than of a clause.
func (d *doc) promiseAct(k0, k1, c0, c1 int, verbatim bool) bool {
	if c0 < k1 || c1 <= c0 || k1 <= k0 {
		return false
	}
	promise := false
	for _, l := range lemmas(d.lower[k1-1]) {
		promise = promise || promiseLemmas[l]
	}
	if !promise {
		return false
	}
	// Only the words between the cue and the content may be a quote mark.
	for j := k1; j < c0; j++ {
		if !isQuoteToken(d.words[j]) {
			return false
		}
	}
	first := d.lower[c0]
	if first == "to" && c0+1 < c1 && isLowerWord(d.words[c0+1]) {
		return true // "promised to keep the libraries open"
	}
	if !(determiners[first] || objectDeterminers[first] || first == "our" || first == "my" || first == "more") {
		return false
	}
	if !verbatim && !isQuoteToken(d.words[c0-1]) {
		return false // unquoted objects are objectAct's
	}
	return !d.objectClause(c0, c1) || d.contactRelative(c0, c1)
}

// contactRelative reports whether content [c0, c1), opening with a
// determiner, is a noun phrase with a relative clause that has no
// relative word ("the best deal the town has ever had", "the fairest
// campaign Labour has run"): before its first finite auxiliary a second
// subject opens (a determiner, a pronoun or a name after a lower-case
// noun), or "ever" follows the auxiliary.
func (d *doc) contactRelative(c0, c1 int) bool {
	for k := c0 + 1; k < c1; k++ {
		w := d.lower[k]
		if clauseAux[w] {
			return k+1 < c1 && d.lower[k+1] == "ever"
		}
		if k > c0+1 && isLowerWord(d.words[k-1]) && !determiners[d.lower[k-1]] && !addresseePreps[d.lower[k-1]] &&
			(determiners[w] || personalPronouns[w] || capitalised(d.words[k])) {
			return true // "the fairest deal | the town has", "campaign | Labour has"
		}
	}
	return false
}
