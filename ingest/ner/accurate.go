package ner

import (
	"bytes"
	_ "embed"
	"fmt"
)

// The accurate models: trained by cmd/nertrain -accurate with the recipes
// NERAccurateOptions and AttributionAccurateOptions (beam decoding, more
// unlabelled text for the word clusters). They are slower than the fast
// models (model.bin.gz, attribution.bin.gz), which stay the default.

//go:embed model_accurate.bin.gz
var embeddedAccurate []byte

//go:embed attribution_accurate.bin.gz
var embeddedAttributionAccurate []byte

// LoadAccurate returns the accurate name tagger shipped with the package.
func LoadAccurate() (*Model, error) {
	m, err := Decode(bytes.NewReader(embeddedAccurate))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded accurate model: %w", err)
	}
	return m, nil
}

// LoadAttributionAccurate returns the accurate attribution tagger shipped
// with the package.
func LoadAttributionAccurate() (*Model, error) {
	m, err := Decode(bytes.NewReader(embeddedAttributionAccurate))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded accurate attribution model: %w", err)
	}
	return m, nil
}

// Beam returns the number of label histories m keeps while decoding: 1 for
// the greedy fast models.
func (m *Model) Beam() int { return max(m.beam, 1) }
