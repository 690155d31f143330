package extract

import "github.com/newsgraph/newsgraph/ingest/ner"

// WithAttributor returns a copy of e whose attribution tagger is m instead
// of the embedded one: for cross-validation, where each fold is extracted
// with a model that was not trained on it.
func (e *Extractor) WithAttributor(m *ner.Model) *Extractor {
	c := *e
	c.attributor = m
	return &c
}
