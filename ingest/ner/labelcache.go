package ner

import "sync"

// Label features with fewer lookups. Of the six features on the previous
// labels (dynamicKeys), two read the labels alone and four the labels with
// the current word; greedy decoding looks all six up for every token, and
// a beam for every history. The first two take few values (one per pair
// of labels), so a model sums them once into a dense table; the other four
// are summed into the word's cache entry for the two labels that precede
// most tokens (cachedPrev), and looked up as before after the others. As
// with the word cache, the sums are integers, exact in any order.

// cachedPrev are the previous labels whose word-label rows a cache entry
// holds: O, before most tokens of any model, and inside a LOC, which in
// the attribution models (LOC is AttrContent) comes before about half
// the tokens, those inside a content.
var cachedPrev = [2]int{labelO, label(prefI, 2)} // typeNames[2] is LOC

// labelRow is the summed weights of some features, per label.
type labelRow = [numLabels]int32

// transitions holds the summed weights of labelKeys for every pair of
// previous labels: row prev2*numLabels+prev.
type transitions struct {
	once sync.Once
	rows [numLabels * numLabels]labelRow
}

// labelKeys appends the keys of the features on the two previous labels
// alone.
func labelKeys(keys []uint64, prev, prev2 int) []uint64 {
	return append(keys, key1(tPrevTag, uint64(prev)), key2(tPrevTags, uint64(prev2), uint64(prev)))
}

// wordLabelKeys appends the keys of the features on the previous label
// and the word of t.
func wordLabelKeys(keys []uint64, t *tokenBase, prev int) []uint64 {
	return append(keys,
		key2(tPrevTagLower, uint64(prev), t.lower),
		key2(tPrevTagShort, uint64(prev), t.short),
		key3(tPrevTagShape, uint64(prev), t.shape, uint64(t.flags&flagAllCaps)),
		key2(tPrevTagCluster, uint64(prev), t.fine),
	)
}

// sumKeys adds the weights of keys to acc.
func (m *Model) sumKeys(acc *labelRow, keys []uint64) {
	for _, k := range keys {
		if row := m.feats.get(k); row != nil {
			for l, q := range row {
				acc[l] += int32(q)
			}
		}
	}
}

// transitionRows returns m's table of labelKeys sums, computing it on
// first use.
func (m *Model) transitionRows() *[numLabels * numLabels]labelRow {
	t := &m.trans
	t.once.Do(func() {
		var keys []uint64
		for prev2 := range numLabels {
			for prev := range numLabels {
				keys = labelKeys(keys[:0], prev, prev2)
				m.sumKeys(&t.rows[prev2*numLabels+prev], keys)
			}
		}
	})
	return &t.rows
}

// wordLabels returns the summed weights of wordLabelKeys for the word
// of e (whose token is tk) after the label prev: from e's rows for the
// labels of cachedPrev, else looked up into buf.
func (m *Model) wordLabels(e *wordFeats, tk *tokenBase, prev int, buf *labelRow) *labelRow {
	switch prev {
	case cachedPrev[0]:
		return &e.after[0]
	case cachedPrev[1]:
		return &e.after[1]
	}
	var keys [4]uint64
	*buf = labelRow{}
	m.sumKeys(buf, wordLabelKeys(keys[:0], tk, prev))
	return buf
}

// sumWordLabels sets e's rows of the word-label features after the labels
// of cachedPrev.
func (m *Model) sumWordLabels(e *wordFeats, tk *tokenBase) {
	var keys [4]uint64
	for j, prev := range cachedPrev {
		e.after[j] = labelRow{}
		m.sumKeys(&e.after[j], wordLabelKeys(keys[:0], tk, prev))
	}
}
