package ner

import (
	"fmt"
	"maps"
)

// Stacking: a second tagger reads the labels of a first one over the whole
// sentence. A greedy left-to-right tagger must label a source or a content
// before it has seen the cue that follows it; the second pass sees where the
// first pass put every cue, source and content, on both sides of the token.
// The first pass's labels on training sentences come from models that did
// not see those sentences (jackknife), so the second pass learns how far to
// trust them on unseen text.

const numStk = 8

// stkPad stands for first-pass labels before and after the sentence.
const stkPad = numLabels + 1

// addStacked sets the stacked features of toks (no pads) from the first
// pass's labels.
func addStacked(toks []token, first []int) {
	n := len(toks)
	lab := func(j int) uint64 {
		if j < 0 || j >= n {
			return stkPad
		}
		return uint64(first[j])
	}
	typ := func(j int) uint64 {
		if j < 0 || j >= n {
			return 7
		}
		if first[j] == labelO {
			return 0
		}
		return uint64(1 + labelType(first[j]))
	}
	cueType := uint64(1 + 1) // typ of AttrCue (ORG slot)
	srcType := uint64(1 + 0)
	contentType := uint64(1 + 2)
	// nearest first-pass cue to the right of each token
	right := make([]int, n)
	next := -1
	cues := 0
	for i := n - 1; i >= 0; i-- {
		right[i] = -1
		if next >= 0 {
			right[i] = next - i
		}
		if typ(i) == cueType {
			next = i
			if i == 0 || typ(i-1) != cueType {
				cues++
			}
		}
	}
	if cues > 2 {
		cues = 2
	}
	var srcLeft, contentLeft uint64
	last := -1
	for i := range toks {
		left := -1
		if last >= 0 {
			left = i - last
		}
		t := typ(i)
		// the right-hand flags count tokens after i only
		sr, cr := uint64(0), uint64(0)
		for j := i + 1; j < n && (sr == 0 || cr == 0); j++ {
			switch typ(j) {
			case srcType:
				sr = 1
			case contentType:
				cr = 1
			}
		}
		tk := &toks[i]
		tk.stk = [numStk]uint64{
			mix(1, lab(i)),
			mix(mix(2, lab(i-1)), lab(i)),
			mix(mix(3, lab(i)), lab(i+1)),
			mix(mix(mix(mix(mix(4, typ(i-2)), typ(i-1)), t), typ(i+1)), typ(i+2)),
			mix(mix(mix(5, distBucket(left)), distBucket(right[i])), t),
			mix(mix(mix(mix(mix(6, srcLeft), sr), contentLeft), cr), t),
			mix(mix(7, lab(i)), tk.lower),
			mix(mix(8, uint64(cues)), t),
		}
		tk.nstk = numStk
		switch t {
		case cueType:
			last = i
		case srcType:
			srcLeft = 1
		case contentType:
			contentLeft = 1
		}
	}
}

// labelsInto runs m on words (open as for QuotedSpans) and copies its label
// indices into dst, which must have room for them.
func (m *Model) labelsInto(dst []int, words []string, open bool) []int {
	s := m.getScratch(len(words))
	m.decode(s, words, open)
	dst = dst[:len(words)]
	copy(dst, s.labels)
	m.scratch.Put(s)
	return dst
}

// TrainStacked trains a first tagger on sents, then a second that reads the
// first one's labels. The labels the second learns from are jackknifed:
// sentences of document fold f are labelled by a first tagger trained on
// the other folds, so that they are as wrong as on unseen text.
func TrainStacked(sents []Sentence, opt TrainOptions, folds int) (*Model, error) {
	if folds < 2 {
		return nil, fmt.Errorf("ner: stacking needs at least 2 folds")
	}
	labels := make([][]int, len(sents))
	progress := opt.Progress
	opt.Progress = nil
	for f := range folds {
		var train []Sentence
		for _, s := range sents {
			if s.Doc%folds != f {
				train = append(train, s)
			}
		}
		m, err := Train(train, opt)
		if err != nil {
			return nil, err
		}
		for i, s := range sents {
			if s.Doc%folds == f {
				labels[i] = m.labelsInto(make([]int, len(s.Tokens)), s.Tokens, s.OpenQuote)
			}
		}
	}
	first, err := Train(sents, opt)
	if err != nil {
		return nil, err
	}
	opt.Progress = progress
	opt.first, opt.firstLabels = first, labels
	m, err := Train(sents, opt)
	if err != nil {
		return nil, err
	}
	m.link()
	return m, nil
}

// link notes whether a stacked model's passes share their lexicon, so that
// the second pass can reuse the first pass's token table.
func (m *Model) link() {
	if f := m.first; f != nil {
		m.sharedLex = f.lex.context == m.lex.context && f.lex.maxGaz == m.lex.maxGaz &&
			maps.Equal(f.lex.caseBins, m.lex.caseBins) && maps.Equal(f.lex.gaz, m.lex.gaz) &&
			maps.Equal(f.lex.clusters, m.lex.clusters)
	}
}
