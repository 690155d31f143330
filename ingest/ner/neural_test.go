package ner

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"testing"
)

// neuralVector is one sentence of testdata/neural_vectors.json (or of
// names_vectors.json, the name network's test document), written by
// tools/neural/train.py with its numpy reference inference of the shipped
// model.
type neuralVector struct {
	Tokens    []string    `json:"tokens"`
	Perc      []string    `json:"perc"`
	Open      bool        `json:"open"`
	Classes   []int       `json:"classes"` // the name network's document classes
	Emissions [][]float32 `json:"emissions"`
	Tags      []string    `json:"tags"`
}

// TestNeuralMatchesPython checks that the Go inference gives the training
// script's emissions and tags on its test sentences.
func TestNeuralMatchesPython(t *testing.T) {
	vecs := loadNeuralVectors(t)
	n, err := DecodeNeural(bytes.NewReader(embeddedNeural), nil)
	if err != nil {
		t.Fatal(err)
	}
	tagID := map[string]int{}
	for i, name := range neuralTags {
		tagID[name] = i
	}
	for _, v := range vecs {
		t.Run(v.Tokens[0]+"-"+v.Tokens[1], func(t *testing.T) {
			s := n.getScratch(len(v.Tokens))
			defer n.pool.Put(s)
			for i, l := range v.Perc {
				s.perc[i] = tagID[l]
			}
			s.setOpen(v.Open)
			n.emissions(s, v.Tokens)
			for i, row := range v.Emissions {
				for j, want := range row {
					if got := s.em[i*maxNeuralTags+j]; math.Abs(float64(got-want)) > 1e-3 {
						t.Fatalf("emission %d/%d = %v, want %v", i, j, got, want)
					}
				}
			}
			if n.ungated || hasCueTag(s.perc) {
				n.tag(s, v.Tokens)
			} else {
				copy(s.tags, s.perc)
			}
			for i, want := range v.Tags {
				if got := neuralTags[s.tags[i]]; got != want {
					t.Errorf("tag %d (%s) = %s, want %s", i, v.Tokens[i], got, want)
				}
			}
		})
	}
}

// TestNeuralFeatures checks the word features shared with
// tools/neural/feats.py on hand-picked words.
func TestNeuralFeatures(t *testing.T) {
	tests := []struct {
		name, word, norm, suffix string
		shape                    int
	}{
		{"quote", "\u201c", "\u201c", "\u201c", 1},
		{"comma", ",", ",", ",", 2},
		{"number", "3.5", "0.0", "0.0", 3},
		{"acronym", "NATO", "nato", "ato", 4},
		{"title", "Smith", "smith", "ith", 5},
		{"lower", "said", "said", "aid", 6},
		{"mixed", "iPhone", "iphone", "one", 7},
		{"accents", "Zürich", "zürich", "ich", 5},
		{"short", "he", "he", "he", 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := normWord(tc.word)
			if n != tc.norm || suffix3(n) != tc.suffix || wordShape(tc.word) != tc.shape {
				t.Errorf("got %q %q %d, want %q %q %d", n, suffix3(n), wordShape(tc.word), tc.norm, tc.suffix, tc.shape)
			}
		})
	}
}

// TestNeuralLoads checks that the shipped tagger loads and labels a
// sentence of our own with a source, a cue and a content.
func TestNeuralLoads(t *testing.T) {
	n, err := LoadAttributionNeural()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"The", "mayor", "said", "the", "bridge", "would", "reopen", "in", "spring", "."}
	spans, sure := n.QuotedSpansSure(words, false)
	if len(spans) != len(sure) {
		t.Fatalf("%d spans, %d sure flags", len(spans), len(sure))
	}
	labels := map[string]bool{}
	for _, sp := range spans {
		labels[sp.Label] = true
	}
	if !labels[AttrCue] {
		t.Errorf("spans %v: no cue", spans)
	}
}

// loadNeuralVectors reads the test vectors train.py wrote for the
// embedded model.
func loadNeuralVectors(t *testing.T) []neuralVector {
	t.Helper()
	return readVectors(t, "testdata/neural_vectors.json")
}

// readVectors reads a test vector file.
func readVectors(t *testing.T, path string) []neuralVector {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var vecs []neuralVector
	if err := json.Unmarshal(raw, &vecs); err != nil {
		t.Fatal(err)
	}
	return vecs
}
