package extract

import "strings"

// A role held in the past makes no relationship of the present: "former
// Kestrel manager Tom Hale" no longer works for Kestrel, and "the then
// leader" no longer leads. Judges of the BBC samples counted such
// citations wrong; the graph keeps no dates for a role, so they are left
// out rather than stated as current.

// pastMarkers before a role word say its holder has left it.
var pastMarkers = setOf("former", "ex", "one-time", "onetime", "erstwhile", "then", "late")

// pastRole reports whether the role trigger of a match over [m0, m1) of
// the abstract is marked as past: a past marker in the two items before
// the match or inside it before the trigger ("former Kestrel chief X",
// "X, a former employee of Kestrel"), or a trigger written "ex-".
func (a *abstract) pastRole(trigger string, m0, m1 int) bool {
	trig := strings.ToLower(trigger)
	if strings.HasPrefix(trig, "ex-") || strings.HasPrefix(trig, "former") {
		return true
	}
	first, _, _ := strings.Cut(trig, " ")
	start := max(a.item(m0)-2, 0)
	for i := start; i < len(a.pos) && a.pos[i] < m1; i++ {
		w := a.word(i)
		if w == first && a.pos[i] >= m0 {
			return false // the trigger, and no marker before it
		}
		if pastMarkers[w] || strings.HasPrefix(w, "ex-") && w != first {
			return true
		}
	}
	return false
}

// pastNamed reports whether a name starts with a past marker that the
// tagger took into it at the start of a sentence ("Former Kestrel Bank
// chief Ann Berg").
func pastNamed(name string) bool {
	first, _, _ := strings.Cut(strings.ToLower(name), " ")
	return first == "former" || strings.HasPrefix(first, "ex-")
}
