package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// overlapsClaim reports whether c's content, or its cue unless c is a
// quote (quotes running on share their cue), overlaps a claim already in
// d.claims.
func (d *doc) overlapsClaim(c graph.ClaimEvidence) bool {
	for _, o := range d.claims {
		if !c.Verbatim && c.Cue.Start < o.Cue.End && o.Cue.Start < c.Cue.End || c.Citation.Start < o.Citation.End && o.Citation.Start < c.Citation.End {
			return true
		}
	}
	return false
}

// claimText strips the reporting artefacts from a content span, so that the
// same claim reported in two articles gets one ClaimID: a leading "that"
// of reported speech, quotation marks and punctuation at the ends, and
// line breaks inside a content that runs over several lines.
func claimText(text string, verbatim bool) string {
	text = strings.Join(strings.Fields(text), " ")
	for {
		t := strings.TrimFunc(text, func(r rune) bool {
			return r == '"' || r == '“' || r == '”' || r == '\'' || r == '‘' || r == '’' || r == ',' || r == ';' || r == ':' || r == '—' || r == '–' || r == ' '
		})
		if !verbatim {
			if rest, ok := cutPrefixFold(t, "that "); ok && len(rest) > 0 {
				t = rest
			}
		}
		if t == text {
			return text
		}
		text = t
	}
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// preciseRule reports whether a claim comes from a rule whose spans beat
// the tagger's: attributed quotes and "according to".
func preciseRule(extractor string) bool {
	_, rule, _ := strings.Cut(extractor, ":")
	return strings.HasPrefix(rule, "quote-") || strings.HasPrefix(rule, "according-")
}
