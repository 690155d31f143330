package extract

import "github.com/newsgraph/newsgraph/ingest/ner"

// Attributor labels the sources, cues and contents of a sentence's tokens
// (spans labelled ner.AttrSource, ner.AttrCue, ner.AttrContent); open says
// the sentence starts inside a quotation. *ner.Model (the perceptrons) and
// *ner.Neural (the accurate extractor's) are Attributors.
type Attributor interface {
	QuotedSpans(tokens []string, open bool) []ner.Span
}

// WithAttributor returns a copy of e whose attribution tagger is m instead
// of the embedded one: for cross-validation, where each fold is extracted
// with a model that was not trained on it. m must not be a nil pointer.
func (e *Extractor) WithAttributor(m Attributor) *Extractor {
	c := *e
	c.attributor = m
	return &c
}
