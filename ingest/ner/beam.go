package ner

// Beam decoding, and the structured perceptron that trains for it: the
// accurate models. The greedy decoder commits to each label before it has
// scored the next token; a beam keeps the best few label histories of the
// sentence so far, so that a later token (the cue after a source, the
// "Inc" after a company's first word) can overturn an earlier choice. The
// label-transition features are the greedy tagger's own (the previous label,
// the previous two, the previous label with the word); histories that end in
// the same two labels score every later token alike, so only the best of
// them is kept (as Viterbi would), and the beam holds distinct states.
//
// Training is Collins' structured perceptron with early update (Collins and
// Roark 2004): each sentence is decoded with the beam under the current
// weights; when the gold history falls out of the beam, or the sentence ends
// with a wrong best history, the weights move towards the gold prefix and
// away from the best predicted one, and the sentence stops there.

// hyp is one label history in the beam: its score, its last two labels, and
// where it came from (slot of the previous position's beam).
type hyp struct {
	score       float64
	prev, prev2 int
	parent      int
	gold        bool // the history is the gold prefix (training only)
}

// beamState holds the histories of one sentence: slot j of position i is
// hist[i*k+j].
type beamState struct {
	k    int
	cur  []hyp
	next []hyp
	hist []hyp // label of hist[i*k+j] is its .prev
	size []int // beam size per position
}

func (b *beamState) reset(n, k int) {
	b.k = k
	if cap(b.hist) < n*k {
		b.hist = make([]hyp, n*k)
		b.size = make([]int, n)
	}
	b.hist, b.size = b.hist[:n*k], b.size[:n]
	b.cur, b.next = b.cur[:0], b.next[:0]
}

// offer puts candidate c into next, keeping at most k histories, distinct
// in their last two labels, best first.
func (b *beamState) offer(c hyp) {
	for j := range b.next {
		if b.next[j].prev == c.prev && b.next[j].prev2 == c.prev2 {
			if c.score <= b.next[j].score {
				return
			}
			// A better history to the same state: it replaces the old one.
			b.next = append(b.next[:j], b.next[j+1:]...)
			break
		}
	}
	if len(b.next) == b.k && c.score <= b.next[len(b.next)-1].score {
		return
	}
	pos := len(b.next)
	for pos > 0 && b.next[pos-1].score < c.score {
		pos--
	}
	if len(b.next) < b.k {
		b.next = append(b.next, hyp{})
	}
	copy(b.next[pos+1:], b.next[pos:len(b.next)-1])
	b.next[pos] = c
}

// advance makes next the current beam of position i.
func (b *beamState) advance(i int) {
	copy(b.hist[i*b.k:], b.next)
	b.size[i] = len(b.next)
	b.cur, b.next = append(b.cur[:0], b.next...), b.next[:0]
}

// backtrack writes the labels of slot j at position i, and its ancestors,
// into dst[0..i].
func (b *beamState) backtrack(dst []int, i, j int) {
	for ; i >= 0; i-- {
		h := b.hist[i*b.k+j]
		dst[i] = h.prev
		j = h.parent
	}
}

// beamLabels labels the annotated tokens of s with a beam of m.beam
// histories.
func (m *Model) beamLabels(s *scratch, n int, headline bool) {
	b := &s.beam
	b.reset(n, m.beam)
	b.cur = append(b.cur, hyp{prev: labelO, prev2: labelO, parent: -1})
	trans := m.transitionRows()
	for i := range n {
		static := m.staticScores(s, i, headline)
		last := i == n-1
		for j, h := range b.cur {
			acc := static
			t, w := &trans[h.prev2*numLabels+h.prev], m.wordLabels(s.ents[i+2], &s.toks[i+2].tokenBase, h.prev, &s.row)
			for l := range acc {
				acc[l] += t[l] + w[l]
			}
			for l, v := range acc {
				if !allowed(h.prev, l) || last && !allowedLast(l) {
					continue
				}
				b.offer(hyp{score: h.score + float64(v), prev: l, prev2: h.prev, parent: j})
			}
		}
		b.advance(i)
	}
	b.backtrack(s.labels, n-1, 0)
}

// trainBeam runs one structured-perceptron step on sentence d: decode with
// the beam under t's current weights, update on the first error the beam
// cannot recover from. It reports the number of tokens decoded and how many
// of them matched gold.
func (t *trainer) trainBeam(d *prepared, b *beamState, k int, opt *TrainOptions, keys []uint64, pred []int) (total, correct int, _ []uint64, _ []int) {
	n := len(d.gold)
	b.reset(n, k)
	b.cur = append(b.cur, hyp{prev: labelO, prev2: labelO, parent: -1, gold: true})
	var scores [numLabels]float32
	stop := n - 1
	for i := range n {
		for l := range scores {
			scores[l] = 0
		}
		keys = staticKeys(keys[:0], d.toks, i, d.headline, opt.Context)
		t.addScores(keys, scores[:])
		static := scores
		last := i == n-1
		for j, h := range b.cur {
			scores = static
			keys = dynamicKeys(keys[:0], d.toks, i, h.prev, h.prev2)
			t.addScores(keys, scores[:])
			for l, v := range scores {
				if !allowed(h.prev, l) || last && !allowedLast(l) {
					continue
				}
				b.offer(hyp{score: h.score + float64(v), prev: l, prev2: h.prev, parent: j, gold: h.gold && l == d.gold[i]})
			}
		}
		b.advance(i)
		t.c += 1
		inBeam := false
		for _, h := range b.cur {
			inBeam = inBeam || h.gold
		}
		if !inBeam {
			stop = i
			break
		}
	}
	if cap(pred) < n {
		pred = make([]int, n)
	}
	pred = pred[:n]
	b.backtrack(pred, stop, 0)
	for i := 0; i <= stop; i++ {
		if pred[i] == d.gold[i] {
			correct++
		}
	}
	total = stop + 1
	if b.hist[stop*k].gold {
		return total, correct, keys, pred // the best history is gold: nothing to learn
	}
	label := func(seq []int, j int) int {
		if j < 0 {
			return labelO
		}
		return seq[j]
	}
	for i := 0; i <= stop; i++ {
		g, p := d.gold[i], pred[i]
		gp, gp2 := label(d.gold, i-1), label(d.gold, i-2)
		pp, pp2 := label(pred, i-1), label(pred, i-2)
		if g == p && gp == pp && gp2 == pp2 {
			continue
		}
		step := float32(1)
		if g != labelO && opt.MissWeight > 1 {
			step = opt.MissWeight
		}
		if g != p {
			keys = staticKeys(keys[:0], d.toks, i, d.headline, opt.Context)
			t.update(keys, g, p, step)
		}
		keys = dynamicKeys(keys[:0], d.toks, i, gp, gp2)
		t.update(keys, g, -1, step)
		keys = dynamicKeys(keys[:0], d.toks, i, pp, pp2)
		t.update(keys, -1, p, step)
	}
	return total, correct, keys, pred
}

// addScores adds the current weights of keys to scores.
func (t *trainer) addScores(keys []uint64, scores []float32) {
	for _, k := range keys {
		if r := t.row(k, false); r >= 0 {
			for l, w := range t.w[int(r)*numLabels : int(r+1)*numLabels] {
				scores[l] += w
			}
		}
	}
}

// update moves the weights of keys towards label up and away from label
// down (either may be -1: none), as the averaged perceptron does.
func (t *trainer) update(keys []uint64, up, down int, step float32) {
	for _, k := range keys {
		r := int(t.row(k, true)) * numLabels
		if up >= 0 {
			t.w[r+up] += step
			t.u[r+up] += float64(step) * t.c
		}
		if down >= 0 {
			t.w[r+down] -= step
			t.u[r+down] -= float64(step) * t.c
		}
	}
}
