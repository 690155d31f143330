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
// The copy has no peer tagger (the embedded one saw every training
// article); WithPeerAttributor gives it one trained as m was.
func (e *Extractor) WithAttributor(m Attributor) *Extractor {
	c := *e
	c.attributor, c.attrPeer = m, nil
	return &c
}

// WithPeerAttributor returns a copy of e whose second attribution tagger,
// whose agreement decides which parts of the first tagger's leftover
// attributions the acts keep and which finds more (taggedacts.go), is m;
// nil for none.
func (e *Extractor) WithPeerAttributor(m *ner.Model) *Extractor {
	c := *e
	c.attrPeer = m
	return &c
}
