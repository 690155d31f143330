package extract

import "strings"

// A reported content is a clause with its subject. When the span found
// opens with a finite auxiliary or copula ("... which the firm says is
// needed", "what the coach believes is their hardest game", "the authors
// say, is that ..."), the subject stands outside it, in a relative
// pronoun or a phrase the span left out; a content before its cue that
// opens with "to" lost the subject and verb it completes. Such a content
// says nothing checkable on its own, so its claim is kept but tentative.

// subjectlessConfidence caps the confidence of a claim whose content has
// no subject: below graph.TentativeClaimConfidence.
const subjectlessConfidence = 0.3

// auxiliaryOpeners are the finite auxiliaries and copulas that open a
// clause only after its subject (questions aside, which are quoted).
var auxiliaryOpeners = setOf("is", "are", "was", "were", "will", "would", "could", "can", "should", "must", "may",
	"might", "shall", "has", "have", "had", "does", "did", "isn't", "wasn't", "won't", "wouldn't", "can't")

// capSubjectless caps the confidence of the claims whose content, as
// finally joined (a content split around its attribution is one text),
// lacks its subject.
func (d *doc) capSubjectless() {
	for i := range d.claims {
		c := &d.claims[i]
		if subjectless(c.Text, c.Verbatim, c.Citation.End <= c.Cue.Start) {
			c.Citation.Confidence = min(c.Citation.Confidence, subjectlessConfidence)
		}
	}
}

// subjectless reports whether a claim's content text lacks its subject;
// before tells that the content stands before its cue.
func subjectless(text string, verbatim, before bool) bool {
	f := strings.Fields(text)
	if verbatim || len(f) == 0 || !isLowerWord(f[0]) {
		return false
	}
	return auxiliaryOpeners[f[0]] || f[0] == "to" && before
}
