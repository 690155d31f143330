// Package ner is a statistical mention detector: an averaged-perceptron
// sequence tagger that labels PER, ORG, LOC and MISC names in tokenised
// sentences. It is pure Go, trained by cmd/nertrain from the CoNLL-2003
// training split (labels) and PolNeAR training texts (unlabelled word
// statistics), and shipped as an embedded model file (model.bin.gz).
//
// Tokens are expected roughly as CoNLL/Penn Treebank splits them:
// punctuation apart, "'s" apart, abbreviations such as "U.S." whole.
//
// The tagger decodes greedily left to right over BILOU labels, with hashed
// features on the word, its shape, affixes, a ±2 window, how often the word
// is capitalised in running text, word clusters, a gazetteer of names seen
// in training, and the two previous labels. A Model's weights are
// immutable after Load, and it is safe for concurrent use (its word cache,
// wordcache.go, is shared by the goroutines that tag with it).
//
// The same tagger, trained by cmd/nertrain -task attribution on PolNeAR
// with sentence-wide context features, labels attribution sources, cues
// and contents (LoadAttribution; AttrSource, AttrCue and AttrContent name
// its label slots). That model is stacked (TrainStacked): a second tagger
// reads the first one's labels over the whole sentence, so that a source
// or content can depend on a cue that comes after it.
package ner

import (
	"math"
	"sync"
)

// Span is one mention: tokens [Start, End) of type Label, one of PER, ORG,
// LOC, MISC.
type Span struct {
	Start, End int
	Label      string
}

// Model is a trained tagger. The zero value is not usable; get one from
// Load or Decode.
type Model struct {
	feats featureTable
	lex   lexicon
	first *Model // the first pass of a stacked model, or nil
	// sharedLex is set when the first pass reads tokens exactly as this
	// model does (TrainStacked trains both on one lexicon).
	sharedLex bool
	// beam is the number of label histories decoding keeps: 1 is greedy
	// (the fast models), more is beam search (the accurate ones).
	beam    int
	scratch sync.Pool
	words   wordCache
	trans   transitions
	ctxRows contextTable
}

// featureTable is an open-addressing hash table from feature key to its
// weights. Keys sit in their own array, eight to a cache line, apart from
// the weights: most lookups are for features the model pruned away, and
// such a miss then probes one or two cache lines of keys instead of a run
// of 80-byte slots. Weights are held as 16-bit multiples of one scale per
// table (the largest weight maps to 32767): a row takes 34 bytes instead
// of 68, so a hit touches fewer cache lines, the table takes half the
// memory, and tagging, which is bound by memory latency, gets faster; the argmax over sums of 16-bit
// weights is what the float weights give, bar ties. Keys are never 0 after
// remapping, so 0 marks an empty slot.
type featureTable struct {
	keys  []uint64
	rows  [][numLabels]int16
	scale float32 // weight = row value * scale
	mask  uint64
	n     int
}

// newFeatureTable sizes a table for n keys at a load of at most 1/2, for
// weights of magnitude at most maxAbs.
func newFeatureTable(n int, maxAbs float32) featureTable {
	size := 1
	for size < n*2 {
		size <<= 1
	}
	scale := maxAbs / math.MaxInt16
	if scale <= 0 || math.IsInf(float64(scale), 0) || math.IsNaN(float64(scale)) {
		scale = 1
	}
	return featureTable{keys: make([]uint64, size), rows: make([][numLabels]int16, size), scale: scale, mask: uint64(size - 1)}
}

// maxAbsWeight returns the largest weight magnitude in ws.
func maxAbsWeight(ws ...*[numLabels]float32) float32 {
	var m float32
	for _, w := range ws {
		for _, v := range w {
			m = max(m, v, -v)
		}
	}
	return m
}

// weights returns row i as floats.
func (t *featureTable) weights(i int) [numLabels]float32 {
	var w [numLabels]float32
	for l, q := range t.rows[i] {
		w[l] = float32(q) * t.scale
	}
	return w
}

func nonZero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// put stores the weights of key k; k must not be in the table yet.
func (t *featureTable) put(k uint64, w *[numLabels]float32) {
	k = nonZero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 {
			t.keys[i] = k
			for l, v := range w {
				q := math.Round(float64(v / t.scale))
				t.rows[i][l] = int16(max(-math.MaxInt16, min(math.MaxInt16, q)))
			}
			t.n++
			return
		}
	}
}

// get returns the weights of key k, or nil.
func (t *featureTable) get(k uint64) *[numLabels]int16 {
	k = nonZero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return &t.rows[i]
		case 0:
			return nil
		}
	}
}

// lexicon holds the word statistics the features read: case bins by
// lowercase hash and gazetteer entries by hash of their word sequence.
type lexicon struct {
	caseBins map[uint64]uint8
	gaz      map[uint64]uint8 // entry hash -> bitmask of typeNames indices
	maxGaz   int
	clusters map[uint64]uint16 // lowercase hash -> coarse<<10 | fine
	context  bool              // add sentence-wide context features (attribution models)
}

// gazHash is the hash of a sequence of word hashes, as gazetteer entries are keyed.
func gazHash(h, word uint64) uint64 { return mix(h, word) }

const gazSeed = 0x5bd1e995

// annotate fills the per-sentence token table: two pads each side, case
// bins and gazetteer marks.
func (lx *lexicon) annotate(toks []token, words []string) {
	toks[0], toks[1] = padLeft, padLeft
	n := len(words)
	toks[n+2], toks[n+3] = padRight, padRight
	for i, w := range words {
		lx.base(w, &toks[i+2])
	}
	lx.markGazetteer(toks[2:n+2], nil)
}

// base sets tk to the word w as the lexicon reads it, with no marks of
// the sentence (gazetteer, context, stacked labels).
func (lx *lexicon) base(w string, tk *token) {
	analyse(w, tk)
	tk.caseBin = uint64(lx.caseBins[tk.lower]) + 100
	if c := lx.clusters[tk.lower]; c != 0 {
		tk.fine, tk.coarse = uint64(c&1023), uint64(c>>10)
	}
}

// markGazetteer marks tokens covered by gazetteer entries with (type,
// position) hashes. If gaz is non-nil it is used instead of lx.gaz (the
// trainer uses per-fold gazetteers).
func (lx *lexicon) markGazetteer(toks []token, gaz func(uint64) uint8) {
	if gaz == nil {
		if len(lx.gaz) == 0 {
			return
		}
		gaz = func(k uint64) uint8 { return lx.gaz[k] }
	}
	for i := range toks {
		if toks[i].flags&flagHasUpper == 0 {
			continue // entries start with a capital; skip most lookups
		}
		h := uint64(gazSeed)
		for l := 1; l <= lx.maxGaz && i+l <= len(toks); l++ {
			h = gazHash(h, toks[i+l-1].word)
			mask := gaz(h)
			if mask == 0 {
				continue
			}
			for t := range typeNames {
				if mask&(1<<t) == 0 {
					continue
				}
				for j := i; j < i+l; j++ {
					pos := prefI
					switch {
					case l == 1:
						pos = prefU
					case j == i:
						pos = prefB
					case j == i+l-1:
						pos = prefL
					}
					tk := &toks[j]
					tk.gmask |= 1 << t
					if tk.ngaz < len(tk.gaz) {
						tk.gaz[tk.ngaz] = uint64(t*8 + pos + 1)
						tk.ngaz++
					}
				}
			}
		}
	}
}

type scratch struct {
	toks   []token
	keys   []uint64
	labels []int
	first  []int // the first pass's labels, for stacked models
	scores [numLabels]float32
	row    labelRow // word-label features looked up (labelcache.go)
	beam   beamState
	ents   []*wordFeats // the words' cached features, pads included, as toks
}

func (m *Model) getScratch(n int) *scratch {
	s, _ := m.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	if cap(s.toks) < n+4 {
		s.toks = make([]token, n+4)
		s.labels = make([]int, n)
		s.first = make([]int, n)
		s.ents = make([]*wordFeats, n+4)
	}
	s.toks = s.toks[:n+4]
	s.ents = s.ents[:n+4]
	s.labels = s.labels[:n]
	s.first = s.first[:n]
	return s
}

// decode labels the words into s.labels; open is addContext's.
func (m *Model) decode(s *scratch, words []string, open bool) {
	var first []int
	annotated := false
	if m.first != nil {
		s1 := m.first.getScratch(len(words))
		m.first.decode(s1, words, open)
		first = s.first[:len(words)]
		copy(first, s1.labels)
		if m.sharedLex {
			// The first pass read the words as this one would: take its
			// token table rather than annotating again.
			copy(s.toks, s1.toks)
			annotated = true
		}
		m.first.scratch.Put(s1)
		if !hasCue(first) {
			// Every attribution has a cue: where the first pass found
			// none, the second is skipped, at 7% of the extractor's time
			// for 0.003 of F1 on PolNeAR train.
			copy(s.labels, first)
			return
		}
	}
	m.wordTokens(s, words, !annotated)
	if !annotated && m.lex.context {
		addContext(s.toks[2:len(words)+2], words, open)
	}
	if first != nil {
		addStacked(s.toks[2:len(words)+2], first)
	}
	headline := isHeadline(s.toks[2 : len(words)+2])
	if m.beam > 1 {
		m.beamLabels(s, len(words), headline)
		return
	}
	trans := m.transitionRows()
	prev, prev2 := labelO, labelO
	for i := range words {
		acc := m.staticScores(s, i, headline)
		t, w := &trans[prev2*numLabels+prev], m.wordLabels(s.ents[i+2], &s.toks[i+2].tokenBase, prev, &s.row)
		for l, v := range acc {
			s.scores[l] = float32(v + t[l] + w[l])
		}
		best := bestAllowed(s.scores[:], prev, i == len(words)-1)
		s.labels[i] = best
		prev2, prev = prev, best
	}
}

// hasCue reports whether an attribution model's labels hold a cue (the
// AttrCue slot).
func hasCue(labels []int) bool {
	for _, l := range labels {
		if l != labelO && labelType(l) == cueType {
			return true
		}
	}
	return false
}

// bestAllowed picks the highest-scoring label that may follow prev.
func bestAllowed(scores []float32, prev int, last bool) int {
	best := -1
	for l, sc := range scores {
		if !allowed(prev, l) || last && !allowedLast(l) {
			continue
		}
		if best < 0 || sc > scores[best] {
			best = l
		}
	}
	return best
}

// Tag returns one BIO label per token ("B-PER", "I-ORG", "O", ...).
func (m *Model) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	if len(tokens) == 0 {
		return out
	}
	s := m.getScratch(len(tokens))
	m.decode(s, tokens, false)
	for i, l := range s.labels {
		out[i] = bioNames[l]
	}
	m.scratch.Put(s)
	return out
}

// Spans returns the mentions found in tokens, in order.
func (m *Model) Spans(tokens []string) []Span { return m.QuotedSpans(tokens, false) }

// QuotedSpans is Spans for a sentence that starts inside a quotation
// opened in an earlier sentence of its paragraph when open is true: an
// attribution model reads its words as quoted until a mark closes the
// quotation. Models without context features ignore open.
func (m *Model) QuotedSpans(tokens []string, open bool) []Span {
	if len(tokens) == 0 {
		return nil
	}
	s := m.getScratch(len(tokens))
	m.decode(s, tokens, open)
	var out []Span
	start := -1
	for i, l := range s.labels {
		if l == labelO {
			continue
		}
		switch labelPrefix(l) {
		case prefB:
			start = i
		case prefU:
			out = append(out, Span{Start: i, End: i + 1, Label: typeNames[labelType(l)]})
		case prefL:
			out = append(out, Span{Start: start, End: i + 1, Label: typeNames[labelType(l)]})
		}
	}
	m.scratch.Put(s)
	return out
}

// UsuallyLower reports whether the word is mostly written in lower case
// away from the start of a sentence in the text the model learnt from
// ("Emergence" in a title-case heading is a common word, "Kabul" is not).
// Unknown words report false.
func (m *Model) UsuallyLower(word string) bool {
	var tk token
	analyse(word, &tk)
	switch m.lex.caseBins[tk.lower] {
	case 1, 2, 6, 7:
		return true
	}
	return false
}
