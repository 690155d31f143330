package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// nameWord reports whether token i can be part of a capitalised name.
func (d *doc) nameWord(i int) bool {
	w := d.words[i]
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		// "al-Qaeda", "ul-Ahrar": a lower-case particle joined to a name.
		if k := strings.IndexAny(w, "-‑"); k > 0 && k <= 3 {
			r2, _ := utf8.DecodeRuneInString(w[k+len("-"):])
			if w[k] != '-' {
				r2, _ = utf8.DecodeRuneInString(w[k+len("‑"):])
			}
			return unicode.IsUpper(r2)
		}
		return false
	}
	return w != "I"
}

// capitalisedMentions proposes the capitalised sequences of s that the
// gazetteer does not cover, typed by their head word, the title before them
// or their context. out already holds the gazetteer candidates of s.
func (d *doc) capitalisedMentions(s sentence, out []candidate) []candidate {
	gaz := out
	for i := s.T0; i < s.T1; {
		if !d.nameWord(i) {
			i++
			continue
		}
		j := i + 1
		for j < s.T1 && d.toks[j].NL == 0 {
			if d.nameWord(j) {
				j++
				continue
			}
			c := d.lower[j]
			joins := connectors[c] && c != "and" && (c != "the" || j > i && (d.lower[j-1] == "of" || d.lower[j-1] == "for"))
			if joins && j+1 < s.T1 && d.toks[j+1].NL == 0 && (d.nameWord(j+1) || d.lower[j+1] == "the" && c != "the") {
				j++
				continue
			}
			break
		}
		for j > i && !d.nameWord(j-1) {
			j-- // never end on a connector
		}
		out = d.typeSequence(s, i, j, gaz, out)
		i = j
	}
	return out
}

// typeSequence turns the capitalised sequence [i, j) into candidates.
func (d *doc) typeSequence(s sentence, i, j int, gaz, out []candidate) []candidate {
	// Drop leading function words and, at the start of a sentence, a word
	// the article also writes in lower case ("Despite", "Understanding").
	for i < j && !isTitle(d.lower[i]) && (commonCapitalised[d.lower[i]] || ampersandNouns[d.lower[i]] || d.sentenceInitial(s, i) && (d.lowered[d.lower[i]] || roleNouns[d.lower[i]])) {
		i++
	}
	for k := j - 2; k >= i; k-- {
		if modifierCompound(d.words[k]) {
			i = k + 1 // "Republican-controlled Congress"
			break
		}
	}
	// Titles before a name make it a person: "President X", "Prime
	// Minister X". attachRoles records them as roles.
	titled := d.titleBefore(i)
	// The name starts after the last title that a name follows:
	// "Trade and Industry Secretary Patricia Hewitt", "Prime Minister X".
	// A single word after a title must not be one the article also writes
	// in lower case ("General Election").
	for k := j - 2; k >= i; k-- {
		if !isTitle(d.lower[k]) {
			continue
		}
		if j-k-1 == 1 && d.lowered[d.lower[j-1]] {
			break
		}
		if d.bodyHeadIn(k+1, j) {
			break // "Premier League", "Major League Baseball": a body's name
		}
		if d.lower[k] == "miss" && j-k-1 == 1 && d.pageantWord(d.words[k+1]) {
			break // "Miss Universe", "Miss Poland": a pageant's title
		}
		if !d.nameWord(k+1) || !d.plainWords(k+1, j) {
			return out // a title phrase, not a name: "Secretary of State for X"
		}
		titled, i = true, k+1
		// "Chief Executive Daniel Levy": more of the role may follow
		// the title; two words of the name remain.
		for j-i > 2 && (roleNouns[d.lower[i]] || roleModifiers[d.lower[i]]) {
			i++
		}
		break
	}
	if i >= j || isTitle(d.lower[i]) && j-i == 1 {
		return out
	}
	// "Fighters of the Eastern Ridge Brigades": a sentence-initial common
	// noun before "of" is not part of the name that follows.
	if d.sentenceInitial(s, i) && prefixHeads[d.lower[i]] == "" && i+1 < j && (d.lower[i+1] == "of" || d.lower[i+1] == "for") {
		k := i + 1
		for k < j && connectors[d.lower[k]] {
			k++
		}
		if k < j {
			i = k
		}
	}
	if d.heading[s.Index] {
		return out // only the gazetteer and later resolution name things in headings
	}
	// "Shigeo Morioka of the International Longevity Centre", "Anne Berg
	// of Harlow Media": a personal name before "of" and an organisation
	// named by its head word after it are two names.
	for k := i + 2; k+2 < j && k-i <= 3; k++ {
		if d.lower[k] != "of" || !d.plainWords(i, k) || headWords[d.lower[k-1]] != "" || isTitle(d.lower[k-1]) {
			continue
		}
		if d.lower[k+1] == "the" {
			out = d.typeSequence(s, i, k, gaz, out)
			return d.typeSequence(s, k+2, j, gaz, out)
		}
		if hk, ok := headWords[d.lower[j-1]]; ok && hk != graph.Place && prefixHeads[d.lower[i]] == "" {
			out = d.typeSequence(s, i, k, gaz, out)
			return d.typeSequence(s, k+1, j, gaz, out)
		}
	}
	// A head word types the whole sequence: "Kabul University".
	if k, ok := headWords[d.lower[j-1]]; ok && j-i > 1 {
		if k == graph.Organization && isSite(d.words[i:j], k) {
			k = graph.Place // "Kennedy Space Center", not "European Policy Centre"
		}
		return append(out, candidate{T0: i, T1: j, Kind: k, Conf: 0.75, RoleT0: i, Rule: "head-word", Prio: prioCaps})
	}
	if k, ok := prefixHeads[d.lower[i]]; ok && j-i > 1 {
		return append(out, candidate{T0: i, T1: j, Kind: k, Conf: 0.7, RoleT0: i, Rule: "head-word", Prio: prioCaps})
	}
	// "Omar Farah", "Michael Jordan": a one-word place or name from the
	// gazetteer after an unknown first name is a surname.
	if n := j - i; n >= 2 && n <= 4 && !titled && d.plainWords(i, j) && !compass[d.lower[i]] {
		var in []candidate
		for _, g := range gaz {
			if g.T0 < j && g.T1 > i {
				in = append(in, g)
			}
		}
		if len(in) == 1 && in[0].T0 == j-1 && in[0].T1 == j && (in[0].Kind == graph.Place || in[0].Kind == graph.Person) && !isAcronym(d.words[j-1]) {
			return append(out, candidate{T0: i, T1: j, Kind: graph.Person, Conf: 0.55, RoleT0: i, Rule: "name-shape", Prio: prioCaps})
		}
	}
	// Otherwise the gazetteer's matches cut the sequence into pieces.
	p := i
	for _, g := range gaz {
		if g.T1 <= p || g.T0 >= j {
			continue
		}
		if g.T0 > p {
			out = d.typePiece(s, p, g.T0, titled && p == i, out)
		}
		p = g.T1
	}
	if p < j {
		out = d.typePiece(s, p, j, titled && p == i, out)
	}
	return out
}

// bodyHeadIn reports whether a word in [i, j) is the head word of a body
// or a place ("League", "Assembly", "Province").
func (d *doc) bodyHeadIn(i, j int) bool {
	for k := i; k < j; k++ {
		if hk, ok := headWords[d.lower[k]]; ok && hk != graph.Person {
			return true
		}
	}
	return false
}

func isTitle(w string) bool {
	_, ok := titles[w]
	return ok
}

// titleBefore reports whether a title ends right before token i: "Dr. X".
func (d *doc) titleBefore(i int) bool {
	if i > 0 && d.words[i-1] == "." {
		i--
	}
	return i > 0 && isTitle(d.lower[i-1]) && d.nameWord(i-1)
}

func (d *doc) sentenceInitial(s sentence, i int) bool {
	for k := s.T0; k < i; k++ {
		if r, _ := utf8.DecodeRuneInString(d.words[k]); isWordRune(r) {
			return false
		}
	}
	return true
}

// typePiece types a capitalised piece [i, j) the gazetteer does not know.
func (d *doc) typePiece(s sentence, i, j int, titled bool, out []candidate) []candidate {
	// A cut may leave connectors at the ends: "Leicester Square for the | UK".
	for i < j && !d.nameWord(i) {
		i++
	}
	for j > i && !d.nameWord(j-1) {
		j--
	}
	if i >= j {
		return out
	}
	c := candidate{T0: i, T1: j, RoleT0: i, Prio: prioCaps}
	n := j - i
	before := ""
	if i > s.T0 {
		before = d.lower[i-1]
		if before == "to" && i-2 >= s.T0 && !placeVerbs[d.lower[i-2]] {
			before = "" // "according to X", "spoke to X" name people
		}
	}
	after := ""
	if j < s.T1 {
		after = d.lower[j]
	}
	switch {
	case titled:
		c.Kind, c.Conf, c.Rule = graph.Person, 0.85, "title"
	case n == 1 && isAcronym(d.words[i]) && utf8.RuneCountInString(d.words[i]) >= 2:
		c.Kind, c.Conf, c.Rule = "", 0.5, "acronym"
	case n <= 3 && placePrepositions[before] && !speechVerbs[after]:
		c.Kind, c.Conf, c.Rule = graph.Place, 0.55, "place-cue"
	case n >= 2 && n <= 4 && d.plainWords(i, j):
		c.Kind, c.Conf, c.Rule = graph.Person, 0.55, "name-shape"
		if speechVerbs[after] || after == "," {
			c.Conf = 0.65
		}
	case n == 1 && d.sentenceInitial(s, i):
		c.Kind, c.Conf, c.Rule = "", 0.4, "single"
	case n == 1 && speechVerbs[after]:
		c.Kind, c.Conf, c.Rule = "", 0.6, "speaker"
	case n == 1:
		c.Kind, c.Conf, c.Rule = "", 0.4, "single"
	default:
		c.Kind, c.Conf, c.Rule = graph.Organization, 0.4, "long-name"
	}
	return append(out, c)
}

// plainWords reports whether tokens [i, j) are all alphabetic words, as the
// parts of a personal name are.
func (d *doc) plainWords(i, j int) bool {
	for k := i; k < j; k++ {
		if connectors[d.lower[k]] {
			switch d.lower[k] {
			case "of", "for", "the", "and":
				return false // "Chambers of Commerce"
			}
			continue
		}
		for _, r := range d.words[k] {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
		if isAcronym(d.words[k]) && utf8.RuneCountInString(d.words[k]) > 1 {
			return false
		}
	}
	return true
}
