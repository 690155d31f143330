package ner

import (
	"bytes"
	"math"
	"testing"
)

// refNeural is the straightforward inference the tuned one in
// neural_infer.go must reproduce, as the package ran it before tuning: a
// token's input as its five feature rows added one by one, the recurrent
// weights as stored ([h][4h], row k the weights of hidden unit k), a
// scalar matrix-vector loop, and float64 math.Exp and math.Tanh for every
// gate.
type refNeural struct {
	n                                  *Neural
	fwh, bwh                           []float32
	wproj, sproj, shproj, pproj, oproj []float32
}

// newRefNeural decodes the embedded model twice: once as the package does,
// once for the recurrent weights as stored in the file and the input
// projections table by table.
func newRefNeural(t *testing.T) *refNeural {
	t.Helper()
	n, err := LoadAttributionNeural()
	if err != nil {
		t.Fatal(err)
	}
	f, err := readNeural(bytes.NewReader(embeddedNeural))
	if err != nil {
		t.Fatal(err)
	}
	r := &refNeural{n: n, fwh: f.t["f_wh"], bwh: f.t["b_wh"]}
	r.wproj, r.sproj, r.shproj, r.pproj, r.oproj = projectInputs(f.hd, f.t)
	return r
}

// emissions returns the network's emissions, [len(tokens)][n.nt]
// flattened, given the perceptron's tags perc and the third input's rows
// cls.
func (r *refNeural) emissions(tokens []string, perc, cls []int) []float32 {
	n := r.n
	h, w := n.h, 8*n.h
	m := len(tokens)
	x := make([]float32, m*w)
	for i, tok := range tokens {
		xi := x[i*w : (i+1)*w]
		norm := normWord(tok)
		wi, ok := n.words[norm]
		if !ok {
			wi = 1
		}
		si, ok := n.sufs[suffix3(norm)]
		if !ok {
			si = 1
		}
		sh := wordShape(tok)
		for j := range xi {
			xi[j] = r.wproj[int(wi)*w+j]
			xi[j] += r.sproj[int(si)*w+j]
			xi[j] += r.shproj[sh*w+j]
			xi[j] += r.pproj[perc[i]*w+j]
			xi[j] += r.oproj[cls[i]*w+j]
		}
	}
	hf := refLSTM(x, m, h, 0, r.fwh, false)
	hb := refLSTM(x, m, h, 4*h, r.bwh, true)
	nt := n.nt
	em := make([]float32, m*nt)
	for i := range m {
		e := em[i*nt : (i+1)*nt]
		copy(e, n.outB[:nt])
		for k, v := range hf[i*h : (i+1)*h] {
			for j := range e {
				e[j] += v * n.outW[k][j]
			}
		}
		for k, v := range hb[i*h : (i+1)*h] {
			for j := range e {
				e[j] += v * n.outW[h+k][j]
			}
		}
	}
	return em
}

// refLSTM runs one direction over m tokens whose gate inputs start at
// column off of each 8h-wide row of x; it returns the hidden states in
// token order.
func refLSTM(x []float32, m, h, off int, wh []float32, reverse bool) []float32 {
	out := make([]float32, m*h)
	z, c := make([]float32, 4*h), make([]float32, h)
	var prev []float32
	for step := range m {
		i := step
		if reverse {
			i = m - 1 - step
		}
		copy(z, x[i*8*h+off:i*8*h+off+4*h])
		for k, v := range prev {
			for j := range z {
				z[j] += v * wh[k*4*h+j]
			}
		}
		hs := out[i*h : (i+1)*h]
		for j := range h {
			ig := refSigmoid(z[j])
			fg := refSigmoid(z[h+j])
			g := refTanh(z[2*h+j])
			og := refSigmoid(z[3*h+j])
			c[j] = fg*c[j] + ig*g
			hs[j] = og * refTanh(c[j])
		}
		prev = hs
	}
	return out
}

func refSigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }

func refTanh(x float32) float32 { return float32(math.Tanh(float64(x))) }

// tags adds the bonus for the perceptron's own tag to em and returns the
// Viterbi path over the CRF.
func (r *refNeural) tags(em []float32, perc []int) []int {
	n := r.n
	m, numNeuralTags := len(perc), r.n.nt
	for i, p := range perc {
		em[i*numNeuralTags+p] += n.bonus
	}
	score := make([]float32, numNeuralTags)
	back := make([][]int, m)
	for j := range score {
		score[j] = n.start[j] + em[j]
	}
	for i := 1; i < m; i++ {
		next := make([]float32, numNeuralTags)
		back[i] = make([]int, numNeuralTags)
		for j := range numNeuralTags {
			best, arg := float32(math.Inf(-1)), 0
			for k := range numNeuralTags {
				if v := score[k] + n.trans[k][j]; v > best {
					best, arg = v, k
				}
			}
			next[j] = best + em[i*numNeuralTags+j]
			back[i][j] = arg
		}
		score = next
	}
	best, arg := float32(math.Inf(-1)), 0
	for j := range numNeuralTags {
		if v := score[j] + n.end[j]; v > best {
			best, arg = v, j
		}
	}
	tags := make([]int, m)
	for i := m - 1; i > 0; i-- {
		tags[i] = arg
		arg = back[i][arg]
	}
	tags[0] = arg
	return tags
}

// TestNeuralMatchesReference checks the tuned inference against refNeural
// on neuralSentences and the sentences of testdata/neural_vectors.json,
// each run with the perceptron's own tags and, so that the network also
// sees tags the perceptron would not give, with every perceptron tag
// shifted by one: the same tags, emissions within 1e-4.
func TestNeuralMatchesReference(t *testing.T) {
	r := newRefNeural(t)
	sents, _ := neuralTokenSentences()
	for _, v := range loadNeuralVectors(t) {
		sents = append(sents, tokenSentence{v.Tokens, v.Open})
	}
	worst := 0.0
	for si, s := range sents {
		perc := neuralPercTags(r.n, s.tokens, s.open)
		nt := r.n.nt
		shifted := make([]int, len(perc))
		for i, p := range perc {
			shifted[i] = (p + 1) % nt
		}
		for _, p := range [][]int{perc, shifted} {
			sc := r.n.getScratch(len(s.tokens))
			copy(sc.perc, p)
			sc.setOpen(s.open)
			want := r.emissions(s.tokens, p, sc.cls)
			r.n.emissions(sc, s.tokens)
			for i := range len(s.tokens) {
				for j := range nt {
					got := sc.em[i*maxNeuralTags+j]
					d := math.Abs(float64(got - want[i*nt+j]))
					worst = max(worst, d)
					if d > 1e-4 {
						t.Errorf("sentence %d token %d tag %d: emission %v, reference %v", si, i, j, got, want[i*nt+j])
					}
				}
			}
			wantTags := r.tags(want, p)
			r.n.tag(sc, s.tokens)
			for i, tag := range sc.tags {
				if tag != wantTags[i] {
					t.Errorf("sentence %d token %d (%s): tag %s, reference %s", si, i, s.tokens[i], neuralTags[tag], neuralTags[wantTags[i]])
				}
			}
			r.n.pool.Put(sc)
		}
	}
	t.Logf("%d sentences, largest emission difference %.2g", len(sents), worst)
}

// TestActivationTables checks the table-read tanh and logistic function
// against math.Tanh and math.Exp on a fine grid across and beyond the
// tables' ranges.
func TestActivationTables(t *testing.T) {
	fillActTables()
	worstTanh, worstSigmoid := 0.0, 0.0
	for i := -400000; i <= 400000; i++ {
		x := float32(i) * 5e-5 // [-20, 20]
		worstTanh = max(worstTanh, math.Abs(float64(tanhTab(x))-math.Tanh(float64(x))))
		worstSigmoid = max(worstSigmoid, math.Abs(float64(sigmoidTab(x))-1/(1+math.Exp(-float64(x)))))
	}
	if worstTanh > 1e-6 || worstSigmoid > 1e-6 {
		t.Errorf("largest errors: tanh %.2g, logistic %.2g; want at most 1e-6", worstTanh, worstSigmoid)
	}
	t.Logf("largest errors: tanh %.2g, logistic %.2g", worstTanh, worstSigmoid)
}
