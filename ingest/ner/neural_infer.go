package ner

import "math"

// neuralScratch is the per-call working memory of Neural, pooled.
type neuralScratch struct {
	perc   []int     // the perceptron's tags (neural tag ids)
	cls    []int     // the third input's row per token (setOpen, or document classes)
	x      []float32 // [n][8h] input projections
	hf, hb []float32 // [n][h] hidden states
	em     []float32 // [n][maxNeuralTags] emissions
	z, c   []float32 // [4h] gate pre-activations, [h] cell state
	gv, gx []float32 // a GloVe vector and its [8h] projection
	back   []int8
	tags   []int
}

func (n *Neural) getScratch(words int) *neuralScratch {
	s, _ := n.pool.Get().(*neuralScratch)
	if s == nil {
		s = &neuralScratch{z: make([]float32, 4*n.h), c: make([]float32, n.h)}
		if n.glove != nil {
			s.gv, s.gx = make([]float32, n.glove.dim), make([]float32, 8*n.h)
		}
	}
	grow := func(b []float32, size int) []float32 {
		if cap(b) < size {
			return make([]float32, size)
		}
		return b[:size]
	}
	s.x = grow(s.x, words*8*n.h)
	s.hf, s.hb = grow(s.hf, words*n.h), grow(s.hb, words*n.h)
	s.em = grow(s.em, words*maxNeuralTags)
	if cap(s.perc) < words {
		s.perc, s.cls, s.tags, s.back = make([]int, words), make([]int, words), make([]int, words), make([]int8, words*maxNeuralTags)
	}
	s.perc, s.cls, s.tags, s.back = s.perc[:words], s.cls[:words], s.tags[:words], s.back[:words*maxNeuralTags]
	return s
}

// setOpen sets every token's third input to the attribution network's
// open-quotation class.
func (s *neuralScratch) setOpen(open bool) {
	o := 0
	if open {
		o = 1
	}
	for i := range s.cls {
		s.cls[i] = o
	}
}

// percTag maps a perceptron label (BILOU over the entity slots) to the
// network's BIO tag id; a type the network has no tags for is O.
func (n *Neural) percTag(l int) int {
	if l == labelO {
		return 0
	}
	typ := labelType(l)
	if 1+2*typ >= n.nt {
		return 0
	}
	switch labelPrefix(l) {
	case prefB, prefU:
		return 1 + 2*typ
	}
	return 2 + 2*typ
}

// QuotedSpans returns the attribution spans of tokens, as Model.QuotedSpans
// (open: the sentence starts inside a quotation). A gated model leaves the
// perceptron's labels on sentences where it finds no cue (every
// attribution has a cue, and the network then runs on a third of the
// sentences); an ungated one relabels every sentence, finding some cues
// the perceptron missed.
func (n *Neural) QuotedSpans(tokens []string, open bool) []Span {
	spans, _ := n.QuotedSpansSure(tokens, open)
	return spans
}

// QuotedSpansSure is QuotedSpans that also says, span by span, whether the
// perceptron underneath found the identical span (a surer span).
func (n *Neural) QuotedSpansSure(tokens []string, open bool) ([]Span, []bool) {
	if len(tokens) == 0 {
		return nil, nil
	}
	ps := n.perc.getScratch(len(tokens))
	n.perc.decode(ps, tokens, open)
	s := n.getScratch(len(tokens))
	for i, l := range ps.labels {
		s.perc[i] = n.percTag(l)
	}
	n.perc.scratch.Put(ps)
	s.setOpen(open)
	if n.ungated || hasCueTag(s.perc) {
		n.tag(s, tokens)
	} else {
		copy(s.tags, s.perc)
	}
	spans := tagSpans(s.tags)
	percSpans := tagSpans(s.perc)
	sure := make([]bool, len(spans))
	for i, sp := range spans {
		for _, q := range percSpans {
			if q == sp {
				sure[i] = true
			}
		}
	}
	n.pool.Put(s)
	return spans, sure
}

// hasCueTag reports whether tags hold a cue.
func hasCueTag(tags []int) bool {
	for _, t := range tags {
		if t == 3 || t == 4 {
			return true
		}
	}
	return false
}

// tagSpans reads spans from BIO tag ids; an I- that does not continue a
// span of its type starts one (as tools/neural/train.py spans).
func tagSpans(tags []int) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		typ := (t - 1) / 2
		if t != 0 && t%2 == 0 && cur >= 0 && out[cur].Label == typeNames[typ] && out[cur].End == i {
			out[cur].End = i + 1
			continue
		}
		cur = -1
		if t != 0 {
			out = append(out, Span{Start: i, End: i + 1, Label: typeNames[typ]})
			cur = len(out) - 1
		}
	}
	return out
}

// emissions fills s.em for tokens whose perceptron tags are in s.perc and
// third inputs in s.cls.
func (n *Neural) emissions(s *neuralScratch, tokens []string) {
	h, w := n.h, 8*n.h
	for i, tok := range tokens {
		x := s.x[i*w : (i+1)*w]
		lower := gloveKey(tok)
		norm := foldDigits(lower)
		wi, ok := n.words[norm]
		if !ok {
			wi = 1
		}
		si, ok := n.sufs[suffix3(norm)]
		if !ok {
			si = 1
		}
		add3(x, n.wproj[int(wi)*w:], n.sproj[int(si)*w:], n.fixed[n.fixedRow(wordShape(tok), s.perc[i], s.cls[i])*w:])
		if n.glove != nil {
			n.glove.add(x, lower, s.gv, s.gx)
		}
	}
	m := len(tokens)
	n.lstm(s, m, 0, n.fwh, s.hf, false)
	n.lstm(s, m, 4*h, n.bwh, s.hb, true)
	for i := range m {
		em := (*[maxNeuralTags]float32)(s.em[i*maxNeuralTags:])
		*em = n.outB
		emit(em, s.hf[i*h:(i+1)*h], n.outW[:h])
		emit(em, s.hb[i*h:(i+1)*h], n.outW[h:])
	}
}

// emit adds to em the hidden state hs times the output weights w, one row
// per hidden unit (tags past the network's are zero weights). The sums
// live in registers, not in em, while the units are added up.
func emit(em *[maxNeuralTags]float32, hs []float32, w [][maxNeuralTags]float32) {
	e0, e1, e2, e3, e4, e5, e6, e7, e8 := em[0], em[1], em[2], em[3], em[4], em[5], em[6], em[7], em[8]
	w = w[:len(hs)]
	for k, v := range hs {
		row := &w[k]
		e0 += v * row[0]
		e1 += v * row[1]
		e2 += v * row[2]
		e3 += v * row[3]
		e4 += v * row[4]
		e5 += v * row[5]
		e6 += v * row[6]
		e7 += v * row[7]
		e8 += v * row[8]
	}
	*em = [maxNeuralTags]float32{e0, e1, e2, e3, e4, e5, e6, e7, e8}
}

// add adds src to dst element by element.
func add(dst, src []float32) {
	src = src[:len(dst)]
	for i := range dst {
		dst[i] += src[i]
	}
}

// add3 sets dst to a+b+c element by element.
func add3(dst, a, b, c []float32) {
	a, b, c = a[:len(dst)], b[:len(dst)], c[:len(dst)]
	for i := range dst {
		dst[i] = a[i] + b[i] + c[i]
	}
}

// lstm runs one direction over m tokens: its gate inputs start at column
// off of each s.x row; hidden states go to out, in token order. wh is the
// direction's recurrent weights.
func (n *Neural) lstm(s *neuralScratch, m, off int, wh, out []float32, reverse bool) {
	h := n.h
	clear(s.c)
	var prev []float32
	for step := range m {
		i := step
		if reverse {
			i = m - 1 - step
		}
		hs := out[i*h : (i+1)*h]
		lstmStep(s.x[i*8*h+off:i*8*h+off+4*h], prev, hs, s.c, s.z, wh)
		prev = hs
	}
}

// tag labels tokens into s.tags: emissions, the bonus for the perceptron's
// own tag, and Viterbi over the CRF.
func (n *Neural) tag(s *neuralScratch, tokens []string) {
	n.emissions(s, tokens)
	m, nt := len(tokens), n.nt
	for i, p := range s.perc {
		s.em[i*maxNeuralTags+p] += n.bonus
	}
	var score, next [maxNeuralTags]float32
	for j := range nt {
		score[j] = n.start[j] + s.em[j]
	}
	for i := 1; i < m; i++ {
		for j := range nt {
			best, arg := float32(math.Inf(-1)), 0
			for k := range nt {
				if v := score[k] + n.trans[k][j]; v > best {
					best, arg = v, k
				}
			}
			next[j] = best + s.em[i*maxNeuralTags+j]
			s.back[i*maxNeuralTags+j] = int8(arg)
		}
		score = next
	}
	best, arg := float32(math.Inf(-1)), 0
	for j := range nt {
		if v := score[j] + n.end[j]; v > best {
			best, arg = v, j
		}
	}
	for i := m - 1; i >= 0; i-- {
		s.tags[i] = arg
		arg = int(s.back[i*maxNeuralTags+arg])
	}
}
