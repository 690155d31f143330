package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// A name the article writes with two different version numbers ("Kestrel
// Viewer 4 ... Kestrel Viewer 7", or fused, "KV4 ... KV7") names a product
// line, not its maker: software, a console, a phone. No entity kind of
// ours fits a product, and GUM, ACE and OntoNotes type them as objects or
// products, so, like an event's name, every mention of the name is
// relabelled MISC and makes no entity. The tagger reads such names as
// bodies or people by their first words.
//
// A results table writes a team's name before a number as well ("Kestrel
// 2 Vexa 1"), so a number after a name counts as a version only in a
// sentence that also holds a product's class noun (a browser, a version,
// a console); tables hold none.

// versionCues are the class nouns of products and of their releases,
// which a sentence naming versions holds.
var versionCues = setOf("browser", "browsers", "software", "version", "versions", "console", "consoles",
	"smartphone", "smartphones", "phone", "phones", "app", "apps", "release", "releases", "edition", "editions",
	"upgrade", "update", "updates", "processor", "processors", "device", "devices", "product", "products")

// productNames returns the names the article writes as product lines, as
// their words joined by spaces.
func (d *doc) productNames() map[string]bool {
	versions := map[string]string{} // name → the first version seen
	var out map[string]bool
	for _, s := range d.sents {
		if !d.hasVersionCue(s) {
			continue
		}
		for i := s.T0; i < s.T1; i++ {
			name, v := d.versionedName(s, i)
			if name == "" {
				continue
			}
			switch first, ok := versions[name]; {
			case !ok:
				versions[name] = v
			case first != v:
				if out == nil {
					out = map[string]bool{}
				}
				out[name] = true
			}
		}
	}
	return out
}

// hasVersionCue reports whether s holds a product's class noun.
func (d *doc) hasVersionCue(s sentence) bool {
	for i := s.T0; i < s.T1; i++ {
		if versionCues[d.lower[i]] {
			return true
		}
	}
	return false
}

// versionedName returns the name and version number that token i writes:
// a version number after up to three capitalised words ("Kestrel Viewer
// 4"), or a fused acronym and number ("KV4"); "" if none.
func (d *doc) versionedName(s sentence, i int) (name, version string) {
	w := d.words[i]
	if stem, v, ok := fusedVersion(w); ok {
		return stem, v
	}
	if !isVersion(w) || i == s.T0 {
		return "", ""
	}
	j := i
	for j > s.T0 && i-j < 3 && capitalised(d.words[j-1]) && !determiners[d.lower[j-1]] {
		j--
	}
	if j == i {
		return "", ""
	}
	return strings.Join(d.words[j:i], " "), w
}

// isVersion reports whether w is a version number: one or two digits,
// optionally with a point release ("4", "10", "2.1"). Longer numbers are
// models ("Kestrel 747"), years or counts.
func isVersion(w string) bool {
	major, minor, dotted := strings.Cut(w, ".")
	return digitsOf(major, 1, 2) && (!dotted || digitsOf(minor, 1, 2))
}

// fusedVersion splits an acronym fused with a version number ("KV4") into
// the acronym and the number. The acronym has two letters or more:
// "G7" and "F16" are groups and models.
func fusedVersion(w string) (stem, version string, ok bool) {
	k := strings.IndexFunc(w, unicode.IsDigit)
	if k < 2 || !digitsOf(w[k:], 1, 2) || !isAcronym(w[:k]) {
		return "", "", false
	}
	return w[:k], w[k:], true
}

// digitsOf reports whether w is between min and max ASCII digits.
func digitsOf(w string, min, max int) bool {
	if len(w) < min || len(w) > max {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// productSpans relabels MISC the tagger's spans that name a product line,
// with or without a version ("Kestrel Viewer", "Kestrel Viewer 4", "KV4"
// and "KV" alike), and those a product's versioned name begins ("the
// Kestrel Viewer 4 Countdown", a site named after it).
func productSpans(products map[string]bool, words []string, spans []ner.Span) {
	if len(products) == 0 {
		return
	}
	for i, sp := range spans {
		if sp.Label == "MISC" {
			continue
		}
		start := sp.Start
		if start+1 < sp.End && determiners[lowerASCII(words[start])] {
			start++
		}
		if isProduct(products, words[start:sp.End]) {
			spans[i].Label = "MISC"
		}
	}
}

// isProduct reports whether words are a product's name, its name and a
// version, or begin with both.
func isProduct(products map[string]bool, words []string) bool {
	if len(words) == 1 {
		if stem, _, ok := fusedVersion(words[0]); ok {
			return products[stem]
		}
	}
	for k := 1; k <= len(words) && k <= 3; k++ {
		if !products[strings.Join(words[:k], " ")] {
			continue
		}
		if k == len(words) || isVersion(words[k]) {
			return true
		}
	}
	return false
}
