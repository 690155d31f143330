package extract

import "strings"

// A role held in the past makes no relationship of the present: "former
// Kestrel manager Tom Hale" no longer works for Kestrel, and "the then
// leader" no longer leads. Judges of the BBC samples counted such
// citations wrong; the graph keeps no dates for a role, so they are left
// out rather than stated as current.

// pastMarkers before a role word say its holder has left it.
var pastMarkers = setOf("former", "ex", "one-time", "onetime", "erstwhile", "then", "late")

// pastTriggers are role triggers in the simple past: "X played for
// Kestrel", "X headed the bank", "X was a member of" tell of a role the
// article places in the past (its holder now "plays for" or "heads" it,
// or "has led" it). Every such citation in the BBC samples was judged
// wrong.
var pastTriggers = setOf("played", "worked", "headed", "led", "ran", "commanded", "chaired", "was", "were")

// pastCopulaNext are the words after "was" or "were" that make a copula
// before a role ("X was a lecturer at Kestrel", "X was once head of"),
// unlike "was appointed" or "was named", which make a role current.
var pastCopulaNext = setOf("a", "an", "the", "once", "also")

// pastRole reports whether the role trigger of a match over [m0, m1) of
// the abstract is marked as past: a past marker in the two items before
// the match or inside it before the trigger ("former Kestrel chief X",
// "X, a former employee of Kestrel"), a trigger written "ex-", a past
// copula in the match before the trigger ("X was an economist at",
// "X had been chief of"), or a trigger in the simple past (pastTriggers)
// that does not follow "has" or "have".
func (a *abstract) pastRole(trigger string, m0, m1 int) bool {
	trig := strings.ToLower(trigger)
	if strings.HasPrefix(trig, "ex-") || strings.HasPrefix(trig, "former") {
		return true
	}
	first, _, _ := strings.Cut(trig, " ")
	start := max(a.item(m0)-2, 0)
	prev := ""
	for i := start; i < len(a.pos) && a.pos[i] < m1; i++ {
		w := a.word(i)
		if w == first && a.pos[i] >= m0 {
			// The trigger, and no marker before it.
			return pastTriggers[w] && prev != "has" && prev != "have"
		}
		if pastMarkers[w] || strings.HasPrefix(w, "ex-") && w != first {
			return true
		}
		if a.pos[i] >= m0 && i+1 < len(a.pos) {
			next := a.word(i + 1)
			if (w == "was" || w == "were") && pastCopulaNext[next] || w == "had" && next == "been" {
				return true
			}
		}
		prev = w
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
