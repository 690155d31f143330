package main

import "strings"

// The Phoenix dictionaries list offices beside bodies: "President of the
// United States" (aliases "American President", "POTUS") and "German
// Chancellor" (an alias of the Reichstag) are ORGANIZATION entries, and
// some office-holders are listed with their title ("Foreign Minister
// Abdullah"). In running text an office is written before its holder's
// name ("German Chancellor Helmut Kohl"), so such an entry turns the
// person's title into a mention of a body. Offices are not actors of
// the graph: they are left out, and the person's role comes from the
// title in the text.

// officeHeads are the nouns that make a name an office when they are its
// head: its last word, or the word before its first "of", "to" or "in"
// ("Secretary of State", "Ambassador to the UN", "Commander in Chief").
var officeHeads = map[string]bool{
	"president": true, "minister": true, "secretary": true, "chancellor": true, "ambassador": true,
	"premier": true, "governor": true, "chairman": true, "mayor": true, "senator": true, "commander": true,
	"chief": true, "leader": true, "potus": true,
	// A body's people: "White House Spokesman", "State Department
	// Official" are aliases of the bodies in the dictionaries.
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true, "officials": true,
}

// officeName reports whether name is an office rather than a body.
func officeName(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	for i, w := range words {
		if i > 0 && (w == "of" || w == "to" || w == "in") {
			head = words[i-1]
			break
		}
	}
	return officeHeads[head]
}

// titles are the office words written before a holder's name. Some
// heads are not among them, for they also begin names of firms ("Premier
// Exhibitions", "Woodward Governor").
var titles = map[string]bool{
	"president": true, "minister": true, "secretary": true, "chancellor": true, "ambassador": true,
	"senator": true, "mayor": true, "commander": true, "chief": true,
}

// titled reports whether a name carries an office title before a
// holder's name ("Foreign Minister Abdullah", an alias "White House Press
// Secretary Jay Carney"): the title would be taken for the name, and
// without it the name is too short to stand alone.
func titled(name string) bool {
	words := strings.Fields(name)
	for i, w := range words[:max(len(words)-1, 0)] {
		next := words[i+1]
		if titles[strings.ToLower(w)] && next[0] >= 'A' && next[0] <= 'Z' {
			return true
		}
	}
	return false
}
