package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span the tagger reads as one name may be two names joined by "and":
// "the Harbour Theatre and Jane Doe" (a venue and the person it worked
// with), "Kestrel Radio Jazz and Kestrel Radio Folk" (two stations of one
// owner). Tied to either part, such a span renames the part's entity to
// the whole run-on form. One name's own "and" joins words of its field
// ("Department of Trade and Industry", "Museum and Art Gallery"), which
// neither test below matches.

// twoNamesJoined reports whether name is two names joined by "and" or
// "&": the second repeats the first's opening word, or the first ends in
// an organisation's head word and the second is shaped like a person's
// full name (two or three capitalised words, none a head word).
func twoNamesJoined(name string) bool {
	f := strings.Fields(name)
	for i := 1; i+1 < len(f); i++ {
		if w := strings.ToLower(f[i]); w != "and" && w != "&" {
			continue
		}
		a, b := f[:i], f[i+1:]
		if len(a) >= 2 && len(b) >= 2 && strings.EqualFold(a[0], b[0]) {
			return true
		}
		if orgHeads[strings.ToLower(a[len(a)-1])] && personShaped(b) {
			return true
		}
	}
	return false
}

// personShaped reports whether words look like a person's full name: two
// or three capitalised words of letters, none a head word of an
// organisation or group nor a title.
func personShaped(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || orgHeads[lw] || headWords[lw] != "" || isTitle(lw) ||
			commonCapitalised[lw] {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return true
}
