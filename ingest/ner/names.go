package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"unicode"
	"unicode/utf8"
)

// The accurate name tagger: a BiLSTM-CRF stacked on the accurate name
// perceptron (LoadAccurate), as the attribution network is stacked on its
// perceptron, that reads a whole document. Besides each word, its suffix,
// shape and the perceptron's label, the network reads the word's document
// class: how the perceptron labelled the same capitalised word elsewhere in
// the document. A company the perceptron took for a person in one sentence
// ("Zenith said") is then read knowing it was a company in another
// ("Zenith Electronics Corp"). Trained by tools/neural/train.py --task ner
// on CoNLL++ train with jackknifed perceptron labels.

//go:embed names_neural.bin.gz
var embeddedNames []byte

// Document classes (docClasses), as tools/neural/feats.py DOC_*: a word
// seen nowhere else in its document (or not capitalised), seen elsewhere
// but never in a name, or seen elsewhere most often as a name of type t
// (docTypeClass + t, t indexing typeNames).
const (
	docNone      = 0
	docOutside   = 1
	docTypeClass = 2
)

// Names is the accurate name tagger. It is safe for concurrent use.
type Names struct {
	n *Neural
}

// LoadAccurateNames returns the neural name tagger shipped with the
// package, stacked on the accurate perceptron.
func LoadAccurateNames() (*Names, error) {
	perc, err := LoadAccurate()
	if err != nil {
		return nil, err
	}
	nm, err := DecodeNames(bytes.NewReader(embeddedNames), perc)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded name network: %w", err)
	}
	return nm, nil
}

// DecodeNames reads a name network written by tools/neural/train.py
// --task ner --doc; perc is the perceptron whose labels it reads.
func DecodeNames(r io.Reader, perc *Model) (*Names, error) {
	f, err := readNeural(r)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(f.hd.Tags, nameTags) {
		return nil, fmt.Errorf("ner: not a name network (tags %v)", f.hd.Tags)
	}
	n, err := buildNeural(f, perc)
	if err != nil {
		return nil, err
	}
	return &Names{n: n}, nil
}

// Perceptron returns the perceptron the network is stacked on.
func (nm *Names) Perceptron() *Model { return nm.n.perc }

// DocumentSpans returns the name spans of each sentence of one document,
// in order. Every sentence's words count towards the document classes;
// only sentences with tag[i] true (all when tag is nil) are tagged, the
// others get no spans.
func (nm *Names) DocumentSpans(sents [][]string, tag []bool) [][]Span {
	n := nm.n
	perc := make([][]int, len(sents))
	for i, toks := range sents {
		if len(toks) == 0 {
			continue
		}
		ps := n.perc.getScratch(len(toks))
		n.perc.decode(ps, toks, false)
		perc[i] = make([]int, len(toks))
		for j, l := range ps.labels {
			perc[i][j] = n.percTag(l)
		}
		n.perc.scratch.Put(ps)
	}
	var cls [][]int
	if n.doc {
		cls = docClasses(sents, perc)
	}
	out := make([][]Span, len(sents))
	for i, toks := range sents {
		if len(toks) == 0 || tag != nil && !tag[i] {
			continue
		}
		s := n.getScratch(len(toks))
		copy(s.perc, perc[i])
		if cls != nil {
			copy(s.cls, cls[i])
		} else {
			clear(s.cls) // a network without document classes: its third input's first row
		}
		n.tag(s, toks)
		out[i] = tagSpans(s.tags)
		n.pool.Put(s)
	}
	return out
}

// TagDocument is DocumentSpans as BIO labels, every sentence tagged
// (eval.DocumentTagger).
func (nm *Names) TagDocument(sents [][]string) [][]string {
	spans := nm.DocumentSpans(sents, nil)
	out := make([][]string, len(sents))
	for i, toks := range sents {
		out[i] = make([]string, len(toks))
		for j := range out[i] {
			out[i][j] = "O"
		}
		for _, sp := range spans[i] {
			out[i][sp.Start] = "B-" + sp.Label
			for j := sp.Start + 1; j < sp.End; j++ {
				out[i][j] = "I-" + sp.Label
			}
		}
	}
	return out
}

// docClasses returns each token's document class given the network tags
// the perceptron gave the document's sentences (tools/neural/feats.py
// doc_classes): for a capitalised word, the type it had most often at its
// other occurrences in the document (ties to the first in typeNames),
// docOutside when it is in no name there, docNone when it occurs nowhere
// else.
func docClasses(sents [][]string, tags [][]int) [][]int {
	type tally struct {
		n     int
		types [numTypes]int
	}
	words := map[string]*tally{}
	for i, toks := range sents {
		for j, w := range toks {
			if !capitalised(w) {
				continue
			}
			t := words[w]
			if t == nil {
				t = &tally{}
				words[w] = t
			}
			t.n++
			if tg := tags[i][j]; tg > 0 {
				t.types[(tg-1)/2]++
			}
		}
	}
	out := make([][]int, len(sents))
	for i, toks := range sents {
		out[i] = make([]int, len(toks))
		for j, w := range toks {
			t := words[w]
			if t == nil || t.n < 2 {
				continue
			}
			counts := t.types
			if tg := tags[i][j]; tg > 0 {
				counts[(tg-1)/2]-- // the other occurrences only
			}
			best := 0
			for k := range counts {
				if counts[k] > counts[best] {
					best = k
				}
			}
			out[i][j] = docOutside
			if counts[best] > 0 {
				out[i][j] = docTypeClass + best
			}
		}
	}
	return out
}

// capitalised reports whether w starts with an upper-case letter
// (feats.py: w[:1].isupper()).
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Tag labels one sentence, read as a document of one (eval.Tagger).
func (nm *Names) Tag(tokens []string) []string {
	return nm.TagDocument([][]string{tokens})[0]
}
