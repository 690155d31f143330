package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// adherentSpans splits off a follower's noun that the tagger read as the
// first word of a name: "Scientologist Ann Berg", "Methodist Ann Berg",
// "Biologist Ann Berg". Capitalised before a personal name, such a noun
// reads to the tagger as a body's first word; it is a premodifier, as a
// title is, and the two plain words after it are the person. A follower's
// noun is an adherent's in the singular ("Muslim") or a noun in -ist, the
// English suffix of followers and practitioners.
func (d *doc) adherentSpans(words []string, sp ner.Span) []ner.Span {
	if sp.Label == "PER" || sp.End-sp.Start != 3 || !followerNoun(words[sp.Start]) {
		return []ner.Span{sp}
	}
	name := words[sp.Start+1 : sp.End]
	if !d.plainName(name) || !d.noCommonWord(name) {
		return []ner.Span{sp}
	}
	return []ner.Span{{Start: sp.Start + 1, End: sp.End, Label: "PER"}}
}

// followerNoun reports whether w, capitalised, names a follower: a
// singular adherent ("Muslim") or a noun in -ist of six letters or more
// ("Buddhist"; "Christ" is none).
func followerNoun(w string) bool {
	if !capitalised(w) {
		return false
	}
	return adherents[w+"s"] || len(w) >= 7 && strings.HasSuffix(w, "ist")
}
