package ner

import (
	"bytes"
	_ "embed"
	"fmt"
)

// Attribution models: the same tagger, trained by cmd/nertrain -task
// attribution on PolNeAR, labels who said (Source), the cue (Cue) and what
// was said (Content). Such a model reuses the tagger's label slots; these
// constants name them.
const (
	AttrSource  = "PER"
	AttrCue     = "ORG"
	AttrContent = "LOC"
)

//go:embed attribution.bin.gz
var embeddedAttribution []byte

// LoadAttribution returns the attribution model shipped with the package
// (trained by `go run ./cmd/nertrain -task attribution`).
func LoadAttribution() (*Model, error) {
	m, err := Decode(bytes.NewReader(embeddedAttribution))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded attribution model: %w", err)
	}
	return m, nil
}
