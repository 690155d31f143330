package ner

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// Sentence is one training sentence: tokens with their BIO labels and the
// index of the document it came from (documents pick gazetteer folds).
type Sentence struct {
	Tokens []string
	Labels []string
	Doc    int
	// OpenQuote says the sentence starts inside a quotation opened in an
	// earlier sentence of its paragraph (read by context models only).
	OpenQuote bool
}

// ReadCoNLL reads CoNLL-2003 formatted text: "token ... label" per line,
// blank lines between sentences, -DOCSTART- lines between documents.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			doc++
		case len(f) < 2:
			return nil, fmt.Errorf("ner: line %d: want token and label, got %q", line, sc.Text())
		default:
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Labels = append(cur.Labels, f[len(f)-1])
		}
	}
	flush()
	return out, sc.Err()
}

// TrainOptions fix everything a training run depends on, so that runs are
// reproducible.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Folds  int // gazetteer jackknife folds; training sentences never see their own fold's names
	// Unlabeled adds running text (sentences of tokens) to the case statistics.
	Unlabeled [][]string
	// Vectors, if set, make the word clusters (vectorClusters) in place of
	// the training and unlabelled text's contexts.
	Vectors *WordVectors
	// Prune drops averaged weights whose magnitude is below it.
	Prune float32
	// Context adds sentence-wide features (quotation state, distance to
	// the nearest cue-like word either side): for attribution models,
	// whose spans depend on words far from the token.
	Context bool
	// MissWeight, if above 1, scales the update made when a token whose
	// gold label is not O is mistagged: attribution labels are rare, and the
	// plain perceptron trades their recall for O's precision.
	MissWeight float32
	// Beam, if above 1, trains a structured perceptron that decodes with a
	// beam of that many label histories (beam.go), and the model decodes so.
	Beam int
	// Progress, if set, is called after each epoch with the training token accuracy.
	Progress func(epoch int, acc float64)

	// first and firstLabels make a stacked model (TrainStacked): the first
	// pass and its jackknifed labels of each training sentence.
	first       *Model
	firstLabels [][]int
}

// trainer holds the perceptron state: current weights w and the running
// sum u of step-weighted updates, so that the average is w - u/c.
type trainer struct {
	index map[uint64]int32
	w     []float32
	u     []float64
	c     float64
}

func (t *trainer) row(k uint64, create bool) int32 {
	r, ok := t.index[k]
	if !ok {
		if !create {
			return -1
		}
		r = int32(len(t.index))
		t.index[k] = r
		t.w = append(t.w, make([]float32, numLabels)...)
		t.u = append(t.u, make([]float64, numLabels)...)
	}
	return r
}

// Train fits a model on sents.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 || opt.Folds < 2 {
		return nil, fmt.Errorf("ner: need epochs > 0 and folds >= 2")
	}
	m := &Model{}
	m.lex.context = opt.Context
	m.first = opt.first
	m.lex.caseBins = caseStatistics(sents, opt.Unlabeled)
	corpus := make([][]string, 0, len(sents)+len(opt.Unlabeled))
	for _, s := range sents {
		corpus = append(corpus, s.Tokens)
	}
	if opt.Vectors != nil {
		m.lex.clusters = vectorClusters(opt.Vectors)
	} else {
		m.lex.clusters = buildClusters(append(corpus, opt.Unlabeled...), opt.Seed)
	}
	gz := buildGazetteer(sents, opt.Folds)
	m.lex.gaz, m.lex.maxGaz = gz.full(), gz.maxLen

	m.beam = max(opt.Beam, 1)
	// Annotate every sentence once; gazetteer marks come from other folds.
	data := make([]prepared, len(sents))
	for i, s := range sents {
		toks := make([]token, len(s.Tokens)+4)
		lx := m.lex
		lx.gaz = nil
		lx.annotate(toks, s.Tokens)
		fold := s.Doc % opt.Folds
		lx.markGazetteer(toks[2:len(s.Tokens)+2], func(k uint64) uint8 { return gz.without(k, fold) })
		if opt.Context {
			addContext(toks[2:len(s.Tokens)+2], s.Tokens, s.OpenQuote)
		}
		if opt.first != nil {
			addStacked(toks[2:len(s.Tokens)+2], opt.firstLabels[i])
		}
		data[i] = prepared{toks: toks, gold: toBILOU(s.Labels), headline: isHeadline(toks[2 : len(s.Tokens)+2])}
	}

	t := &trainer{index: make(map[uint64]int32, 1<<20)}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, numLabels)
	var keys []uint64
	var pred []int
	var beam beamState
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			d := &data[si]
			if opt.Beam > 1 {
				nt, nc, k, p := t.trainBeam(d, &beam, opt.Beam, &opt, keys, pred)
				keys, pred = k, p
				total += nt
				correct += nc
				continue
			}
			prev, prev2 := labelO, labelO
			n := len(d.gold)
			for i := 0; i < n; i++ {
				keys = staticKeys(keys[:0], d.toks, i, d.headline, opt.Context)
				keys = dynamicKeys(keys, d.toks, i, prev, prev2)
				for l := range scores {
					scores[l] = 0
				}
				for _, k := range keys {
					if r := t.row(k, false); r >= 0 {
						for l, w := range t.w[int(r)*numLabels : int(r+1)*numLabels] {
							scores[l] += w
						}
					}
				}
				pred := bestAllowed(scores, prev, i == n-1)
				gold := d.gold[i]
				t.c++
				if pred != gold {
					step := float32(1)
					if gold != labelO && opt.MissWeight > 1 {
						step = opt.MissWeight
					}
					for _, k := range keys {
						r := int(t.row(k, true)) * numLabels
						t.w[r+gold] += step
						t.w[r+pred] -= step
						t.u[r+gold] += float64(step) * t.c
						t.u[r+pred] -= float64(step) * t.c
					}
				} else {
					correct++
				}
				total++
				// Gold history (teacher forcing): on CoNLL dev it beats
				// training on the model's own predictions by about a point.
				prev2, prev = prev, gold
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(correct)/float64(total))
		}
	}

	// Average, prune and pack into the lookup table.
	type kept struct {
		key uint64
		row int32
	}
	var rows []kept
	for k, r := range t.index {
		base := int(r) * numLabels
		any := false
		for l := 0; l < numLabels; l++ {
			avg := t.w[base+l] - float32(t.u[base+l]/t.c)
			if avg < opt.Prune && avg > -opt.Prune {
				avg = 0
			}
			t.w[base+l] = avg
			any = any || avg != 0
		}
		if any {
			rows = append(rows, kept{k, r})
		}
	}
	slices.SortFunc(rows, func(a, b kept) int { return cmp.Compare(a.key, b.key) })
	ws := make([]*[numLabels]float32, len(rows))
	for i, kr := range rows {
		ws[i] = new([numLabels]float32)
		copy(ws[i][:], t.w[int(kr.row)*numLabels:int(kr.row+1)*numLabels])
	}
	m.feats = newFeatureTable(len(rows), maxAbsWeight(ws...))
	for i, kr := range rows {
		m.feats.put(kr.key, ws[i])
	}
	return m, nil
}

// prepared is one annotated training sentence.
type prepared struct {
	toks     []token
	gold     []int
	headline bool
}

// caseStatistics buckets each lowercase form by how often it is written
// capitalised away from the start of a sentence: names are, common words
// are not, which is what a title-case first word cannot tell by itself.
func caseStatistics(sents []Sentence, unlabeled [][]string) map[uint64]uint8 {
	type counts struct{ lower, upper int }
	c := make(map[uint64]*counts)
	var tk token
	add := func(words []string) {
		for i, w := range words {
			if i == 0 {
				continue
			}
			analyse(w, &tk)
			if tk.flags&(flagPunct|flagAllDigit) != 0 {
				continue
			}
			e := c[tk.lower]
			if e == nil {
				e = &counts{}
				c[tk.lower] = e
			}
			if tk.flags&flagHasUpper != 0 {
				e.upper++
			} else {
				e.lower++
			}
		}
	}
	for _, s := range sents {
		add(s.Tokens)
	}
	for _, s := range unlabeled {
		add(s)
	}
	out := make(map[uint64]uint8, len(c))
	for k, e := range c {
		n := e.lower + e.upper
		if n < 2 {
			continue
		}
		r := float64(e.upper) / float64(n)
		var bin uint8
		switch {
		case r < 0.05:
			bin = 1
		case r < 0.3:
			bin = 2
		case r < 0.7:
			bin = 3
		case r < 0.95:
			bin = 4
		default:
			bin = 5
		}
		if n >= 20 {
			bin += 5 // frequent words are a class of their own
		}
		out[k] = bin
	}
	return out
}

// gazetteer counts training names per type and per fold, so that each
// training sentence can be annotated with names from the other folds only.
type gazetteer struct {
	total  map[uint64]*[4]int
	byFold []map[uint64]*[4]int
	maxLen int
}

func buildGazetteer(sents []Sentence, folds int) *gazetteer {
	g := &gazetteer{total: map[uint64]*[4]int{}, byFold: make([]map[uint64]*[4]int, folds), maxLen: 1}
	for i := range g.byFold {
		g.byFold[i] = map[uint64]*[4]int{}
	}
	var tk token
	for _, s := range sents {
		labels := toBILOU(s.Labels)
		start := -1
		for i, l := range labels {
			if l == labelO {
				continue
			}
			switch labelPrefix(l) {
			case prefB, prefU:
				start = i
			}
			if p := labelPrefix(l); p != prefL && p != prefU {
				continue
			}
			if i+1-start > 6 {
				continue
			}
			h := uint64(gazSeed)
			for j := start; j <= i; j++ {
				analyse(s.Tokens[j], &tk)
				h = gazHash(h, tk.word)
			}
			g.maxLen = max(g.maxLen, i+1-start)
			typ := labelType(l)
			for _, m := range []map[uint64]*[4]int{g.total, g.byFold[s.Doc%folds]} {
				e := m[h]
				if e == nil {
					e = &[4]int{}
					m[h] = e
				}
				e[typ]++
			}
		}
	}
	return g
}

func (g *gazetteer) without(k uint64, fold int) uint8 {
	e := g.total[k]
	if e == nil {
		return 0
	}
	f := g.byFold[fold][k]
	var mask uint8
	for t, n := range e {
		if f != nil {
			n -= f[t]
		}
		if n > 0 {
			mask |= 1 << t
		}
	}
	return mask
}

func (g *gazetteer) full() map[uint64]uint8 {
	out := make(map[uint64]uint8, len(g.total))
	for k, e := range g.total {
		var mask uint8
		for t, n := range e {
			if n > 0 {
				mask |= 1 << t
			}
		}
		out[k] = mask
	}
	return out
}
