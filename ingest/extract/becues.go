package extract

import "strings"

// A cue that holds a form of "be" is speech only as a progressive of a
// speech verb ("is saying", "have been warning", "are calling for") or as
// hearsay ("was quoted as saying", "is reported to have"). Otherwise the
// subject is acted on or described: "was asked whether" (the question put
// to him, not his answer), "is tipped to", "was announced", "are
// confirmed", "are being sent", or the tagger ran a cue over a
// clause of the writer's ("are level on points with"). "was speaking" reports
// the occasion of a statement, not the statement. Such attributions are
// kept as acts.

// beSkips are words that may stand between a form of "be" and its verb.
var beSkips = setOf("also", "now", "still", "all", "not", "widely", "further", "only", "again", "being", "been",
	"already", "currently", "repeatedly", "increasingly", "reportedly")

// hearsayParticiples report what others say a subject said or did.
var hearsayParticiples = setOf("quoted", "reported", "understood", "said", "thought", "believed", "alleged",
	"claimed", "rumoured", "known", "recorded", "heard")

// beCueAct reports whether the cue [k0, k1) with content [c0, c1) holds a
// form of "be" that makes it no speech act of its subject's.
func (d *doc) beCueAct(k0, k1, c0, c1 int, verbatim bool) bool {
	if k1 <= k0 || c1 <= c0 {
		return false
	}
	start := k0
	for k := k0; k < k1; k++ {
		if d.words[k] == "," {
			start = k + 1 // "..., to be elected, told researchers": the be-form is the source's
		}
	}
	for k := start; k < k1; k++ {
		if !beForms[d.lower[k]] {
			continue
		}
		j := k + 1
		for j < k1 && beSkips[d.lower[j]] {
			j++
		}
		if j >= k1 {
			return false // the cue ends at the be-form: nothing to judge
		}
		next := d.lower[j]
		if next == "speaking" {
			return c0 >= k1 && !verbatim && !isQuoteToken(d.words[c0]) && d.lower[c0-1] != "that"
		}
		if strings.HasSuffix(next, "ing") {
			if next == "continuing" && j+2 < k1 && d.lower[j+1] == "to" {
				j += 2 // "is continuing to insist"
			}
			return !d.speechCue(j, j+1)
		}
		if hearsayParticiples[next] && (j+1 < k1 && (d.lower[j+1] == "to" || d.lower[j+1] == "as") || j+1 == k1 && c0 >= k1 && (d.lower[c0] == "to" || d.lower[c0] == "as")) {
			return false // "was quoted as saying", "is said to": left to the hearsay rules
		}
		if next == "to" && j+1 < k1 && d.speechCue(j+1, j+2) {
			return false // "is to tell the conference": a statement due, its text released
		}
		if next == "on" && j+1 < k1 && d.lower[j+1] == "record" {
			return false // "is on record as saying"
		}
		return true
	}
	return false
}
