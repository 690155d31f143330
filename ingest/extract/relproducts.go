package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// "Firm's X" names the firm's person ("Kestrel's Anne Berg") or its
// product ("Kestrel's Web Ranger"), and the tagger types many two-word
// product names as people. The article tells them apart where it writes
// the product as one: with a version number ("Web Ranger 7"), before a
// product noun ("the Web Ranger browser"), after "version of", or in a
// list of firms' products where another item is no person ("Kestrel's
// Vexa, Pellnor's Z-Disc and Tarvo's Game Orb").

// productNamed reports whether the entity of a person-typed name that
// follows a firm's possessive is written as a product somewhere in the
// article.
func (d *doc) productNamed(e *entity) bool {
	for _, m := range d.mentions {
		if m.Ent != e || m.Anaphor || m.T1 >= len(d.lower) {
			continue
		}
		// The whole name before a version number, even where the
		// tagger kept only its last word ("Web [Ranger] 7").
		if d.versionAt(m.T1) && d.nameEndsAt(e.Name, m.T1) {
			return true
		}
		if w := d.lower[m.T1]; m.T1-m.T0 >= 2 && m.T0 > 0 && (determiners[d.lower[m.T0-1]] || d.lower[m.T0-1] == "'s") &&
			(productNouns[w] || productNouns[strings.TrimSuffix(w, "s")]) {
			return true // "the Web Ranger browser"; a surname alone may be followed by a verb ("Hale brands ...")
		}
		if m.T0 >= 2 && d.lower[m.T0-1] == "of" && (d.lower[m.T0-2] == "version" || d.lower[m.T0-2] == "versions") {
			return true
		}
	}
	return false
}

// nameEndsAt reports whether the words of a name of two words or more
// end right before token t.
func (d *doc) nameEndsAt(name string, t int) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 || t < len(f) {
		return false
	}
	for i, w := range f {
		if d.lower[t-len(f)+i] != w {
			return false
		}
	}
	return true
}

// versionAt reports whether token t is a version number after a name: a
// single digit or a dotted number ("7", "2.0"), not a minute or a shirt
// number in a list of players ("Tom Hale 23, Ola Berg 67").
func (d *doc) versionAt(t int) bool {
	w := d.words[t]
	digits, dots := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
			dots++
		default:
			return false
		}
	}
	if digits == 0 || dots > 1 || dots == 0 && digits > 1 || strings.HasSuffix(w, ".") {
		return false
	}
	if t+1 < len(d.words) {
		switch d.words[t+1] {
		case ",", ")", "-", "'", ";":
			return false
		}
	}
	return true
}

// possessiveListOfThings reports whether the possessive "Firm's X" whose
// firm mention begins at token f0 and whose X mention ends at token x1
// stands in a list ("," or "and" on either side) next to another
// "Name's Y" whose Y is no person: a list of firms' products.
func (d *doc) possessiveListOfThings(f0, x1 int) bool {
	if k := f0 - 1; k >= 1 && (d.lower[k] == "," || d.lower[k] == "and") {
		if y1 := k; d.thingAfterPossessive(y1-d.capsBefore(y1), y1) {
			return true
		}
	}
	if k := x1; k < len(d.lower) && (d.lower[k] == "," || d.lower[k] == "and") {
		// ", Pellnor's Z-Disc": skip the next firm's name and its "'s".
		p := k + 1 + d.capsFrom(k+1)
		if p > k+1 && p < len(d.lower) && d.lower[p] == "'s" {
			if y1 := p + 1 + d.capsFrom(p+1); y1 > p+1 && d.thingAfterPossessive(p+1, y1) {
				return true
			}
		}
	}
	return false
}

// thingAfterPossessive reports whether tokens [y0, y1) are a capitalised
// name after "'s" that is no person: no mention covers it, or its mention
// is of another kind.
func (d *doc) thingAfterPossessive(y0, y1 int) bool {
	if y1 <= y0 || y0 < 2 || d.lower[y0-1] != "'s" {
		return false
	}
	for _, m := range d.mentions {
		if m.T0 < y1 && y0 < m.T1 {
			return m.Kind != graph.Person && (m.Ent == nil || m.Ent.Kind != graph.Person)
		}
	}
	return true
}

// capsBefore counts the capitalised words (at most four) that end at
// token t (exclusive).
func (d *doc) capsBefore(t int) int {
	n := 0
	for n < 4 && t-n-1 >= 0 && capitalised(d.words[t-n-1]) {
		n++
	}
	return n
}

// capsFrom counts the capitalised words (at most four) from token t.
func (d *doc) capsFrom(t int) int {
	n := 0
	for n < 4 && t+n < len(d.words) && capitalised(d.words[t+n]) {
		n++
	}
	return n
}
