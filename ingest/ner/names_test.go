package ner

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNamesMatchPython checks that the Go inference gives the training
// script's document classes, emissions and tags on its test document.
func TestNamesMatchPython(t *testing.T) {
	vecs := readVectors(t, "testdata/names_vectors.json")
	nm, err := DecodeNames(bytes.NewReader(embeddedNames), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := nm.n
	tagID := map[string]int{}
	for i, name := range nameTags {
		tagID[name] = i
	}
	sents := make([][]string, len(vecs))
	perc := make([][]int, len(vecs))
	for i, v := range vecs {
		sents[i] = v.Tokens
		for _, l := range v.Perc {
			perc[i] = append(perc[i], tagID[l])
		}
	}
	classes := docClasses(sents, perc)
	for i, v := range vecs {
		if diff := cmp.Diff(v.Classes, classes[i]); diff != "" {
			t.Errorf("sentence %d document classes (-python +go):\n%s", i, diff)
		}
		s := n.getScratch(len(v.Tokens))
		copy(s.perc, perc[i])
		copy(s.cls, v.Classes)
		n.emissions(s, v.Tokens)
		for k, row := range v.Emissions {
			for j, want := range row {
				if got := s.em[k*maxNeuralTags+j]; math.Abs(float64(got-want)) > 1e-3 {
					t.Fatalf("sentence %d emission %d/%d = %v, want %v", i, k, j, got, want)
				}
			}
		}
		n.tag(s, v.Tokens)
		var got []string
		for _, tg := range s.tags {
			got = append(got, nameTags[tg])
		}
		if diff := cmp.Diff(v.Tags, got); diff != "" {
			t.Errorf("sentence %d tags (-python +go):\n%s", i, diff)
		}
		n.pool.Put(s)
	}
}

// TestNetworkKinds checks that each decoder takes only its own kind of
// network: the file says which tags a network has, and a name network
// read as the attribution tagger (or the reverse) would label nonsense.
func TestNetworkKinds(t *testing.T) {
	if _, err := DecodeNeural(bytes.NewReader(embeddedNames), nil); err == nil {
		t.Error("DecodeNeural took the name network")
	}
	if _, err := DecodeNames(bytes.NewReader(embeddedNeural), nil); err == nil {
		t.Error("DecodeNames took the attribution network")
	}
	if _, err := DecodeNeural(bytes.NewReader(embeddedNeural), nil); err != nil {
		t.Errorf("DecodeNeural on the attribution network: %v", err)
	}
}

// TestDocClasses checks the document classes on an invented document.
func TestDocClasses(t *testing.T) {
	// Tags: 0 O, 1/2 PER, 3/4 ORG, 5/6 LOC, 7/8 MISC.
	sents := [][]string{
		{"Orvel", "Bank", "said", "Orvel", "grew", "."},
		{"Orvel", "met", "Lina", "in", "Tarsk", "."},
		{"Tarsk", "and", "bank", "and", "The", "end"},
		{"The", "Lina", "Tarsk"},
	}
	tags := [][]int{
		{3, 4, 0, 1, 0, 0},
		{3, 0, 1, 0, 5, 0},
		{0, 0, 0, 0, 0, 0},
		{0, 1, 1},
	}
	want := [][]int{
		// Orvel elsewhere: PER once, ORG once (tie: PER first) for the first;
		// ORG twice for the PER one; the last sees ORG and PER (tie, PER).
		{docTypeClass + 0, docNone, docNone, docTypeClass + 1, docNone, docNone},
		{docTypeClass + 0, docNone, docTypeClass + 0, docNone, docTypeClass + 0, docNone},
		// Tarsk: elsewhere LOC once and PER once: tie, PER; "bank" is not
		// capitalised; "The" elsewhere never in a name.
		{docTypeClass + 0, docNone, docNone, docNone, docOutside, docNone},
		{docOutside, docTypeClass + 0, docTypeClass + 2},
	}
	got := docClasses(sents, tags)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("document classes (-want +got):\n%s", diff)
	}
}

// TestNamesDocument checks the shipped network end to end: a document
// tagged at once gives spans for every sentence asked, none for those
// not asked, and Tag gives a sentence's own labels.
func TestNamesDocument(t *testing.T) {
	nm, err := LoadAccurateNames()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		{"Vesna", "Korhonen", "runs", "the", "Harbour", "Trust", "in", "Oslo", "."},
		{"Korhonen", "said", "the", "Trust", "would", "grow", "."},
	}
	spans := nm.DocumentSpans(doc, []bool{true, false})
	if len(spans[0]) == 0 || len(spans[1]) != 0 {
		t.Errorf("spans %v: want some in the first sentence, none in the second (not asked)", spans)
	}
	labels := nm.Tag(doc[0])
	if len(labels) != len(doc[0]) || !slices.Contains(labels, "B-PER") {
		t.Errorf("Tag(%v) = %v, want a label per token and a person", doc[0], labels)
	}
}

// BenchmarkNames tags neuralSentences as one document with the accurate
// name tagger (perceptron, document classes and network), and with its
// perceptron alone sentence by sentence for comparison.
func BenchmarkNames(b *testing.B) {
	nm, err := LoadAccurateNames()
	if err != nil {
		b.Fatal(err)
	}
	sents, tokens := neuralTokenSentences()
	doc := make([][]string, len(sents))
	for i, s := range sents {
		doc[i] = s.tokens
	}
	for _, bb := range []struct {
		name string
		tag  func()
	}{
		{"document", func() { nm.DocumentSpans(doc, nil) }},
		{"perceptron", func() {
			for _, s := range doc {
				nm.Perceptron().Spans(s)
			}
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			cpu0 := cpuSeconds()
			for range b.N {
				bb.tag()
			}
			reportTokens(b, tokens, cpu0)
		})
	}
}
