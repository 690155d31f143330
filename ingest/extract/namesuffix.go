package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// nameSuffixes written after a firm's or a club's name are part of it:
// "Kestrel plc", "Vexa United FC". The tagger learnt from news that seldom
// writes them, so it leaves them out ("Kestrel" then reads as a place) or
// reads one as a name of its own, and "FC" became an entity.
var nameSuffixes = setOf("fc", "afc", "plc", "ltd", "inc", "corp", "llc", "gmbh")

// suffixSpans extends each tagger name a suffix follows over the suffix,
// as an organisation, taking in a span the tagger made of the suffix alone.
// A MISC name keeps its words ("the Kestrel Cup FC final" is an event's).
// It runs on every sentence with a name, so spans without a suffix come
// back as they are, with no copy.
func suffixSpans(words []string, spans []ner.Span) []ner.Span {
	var out []ner.Span
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if !suffixed(words, sp) {
			if out != nil {
				out = append(out, sp)
			}
			continue
		}
		if out == nil {
			out = append(make([]ner.Span, 0, len(spans)), spans[:i]...)
		}
		next := i+1 < len(spans) && spans[i+1].Start == sp.End
		if !next || spans[i+1].End == sp.End+1 {
			if next {
				i++
			}
			sp.End++
			sp.Label = "ORG"
		}
		out = append(out, sp)
	}
	if out == nil {
		return spans
	}
	return out
}

// suffixed reports whether a name suffix follows span sp.
func suffixed(words []string, sp ner.Span) bool {
	return sp.Label != "MISC" && sp.End < len(words) && nameSuffixes[strings.TrimSuffix(lowerASCII(words[sp.End]), ".")]
}
