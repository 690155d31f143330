package ner

import (
	"math"
	"sync"

	"github.com/viterin/vek/vek32"
)

// The LSTM step of the neural tagger: it is most of the cost of tagging a
// sentence. Go does not vectorise loops, so the recurrent product is
// vek's, whose amd64 kernel uses AVX2 and FMA where the processor has
// them (plain Go elsewhere): the previous hidden state, a 1×h matrix,
// times the stored [h][4h] weights. The gates' nonlinearities are read
// from tables instead of computed with float64 math.Exp and math.Tanh.
// Both change the results in the last bits only:
// TestNeuralMatchesReference holds them to the plain inference.

// lstmStep advances one direction by a token. x holds the token's gate
// inputs (i, f, g, o, h each), prev the previous hidden state (empty at the
// first token), c the cell state, updated in place, z 4h floats of
// scratch; the new hidden state goes to hs. wh is the direction's
// recurrent weights as stored, [h][4h]: row k the weights from hidden
// unit k to the gates i, f, g, o of every unit.
func lstmStep(x, prev, hs, c, z, wh []float32) {
	h := len(hs)
	x, z, c = x[:4*h], z[:4*h], c[:h]
	if len(prev) > 0 {
		vek32.MatMul_Into(z, prev, wh, h)
		vek32.Add_Inplace(z, x)
	} else {
		copy(z, x)
	}
	zi, zf, zg, zo := z[:h], z[h:2*h], z[2*h:3*h], z[3*h:]
	for j := range hs {
		cj := sigmoidTab(zf[j])*c[j] + sigmoidTab(zi[j])*tanhTab(zg[j])
		c[j] = cj
		hs[j] = sigmoidTab(zo[j]) * tanhTab(cj)
	}
}

// The tables of tanh over [-8, 8) and of the logistic function over
// [-16, 16), actIdx entries each, hold at entry i the value at the i-th
// point and the step to the next; between points the functions are read
// by linear interpolation, within 5e-7 of math.Tanh and math.Exp. Beyond
// the ranges tanh is ±1 and the logistic 0 or 1 to within 3e-7.
const (
	actIdx       = 1 << 13
	tanhPerUnit  = actIdx / 16
	sigmaPerUnit = actIdx / 32
)

var (
	tanhTable, sigmoidTable [actIdx][2]float32
	actTablesOnce           sync.Once
)

// fillActTables fills the tables once; buildNeural calls it, so that
// programs that never load the tagger do not pay for it.
func fillActTables() {
	actTablesOnce.Do(func() {
		fill := func(t *[actIdx][2]float32, perUnit float64, f func(float64) float64) {
			for i := range t {
				y0 := f(float64(i-actIdx/2) / perUnit)
				y1 := f(float64(i+1-actIdx/2) / perUnit)
				t[i] = [2]float32{float32(y0), float32(y1 - y0)}
			}
		}
		fill(&tanhTable, tanhPerUnit, math.Tanh)
		fill(&sigmoidTable, sigmaPerUnit, func(x float64) float64 { return 1 / (1 + math.Exp(-x)) })
	})
}

// tanhTab is tanh read from tanhTable.
func tanhTab(x float32) float32 {
	if x >= 8 {
		return 1
	} else if x < -8 {
		return -1
	}
	// s is exact (a power-of-two scale), so the fraction f keeps the
	// full precision of x; an index off by one near a boundary only
	// extrapolates the neighbouring segment by a hair. The mask changes
	// no index in range, keeps any other (from NaN) in the table, and
	// spares the bounds check.
	s := x * tanhPerUnit
	i := int32(s + actIdx/2)
	f := s - float32(i-actIdx/2)
	e := &tanhTable[i&(actIdx-1)]
	return e[0] + f*e[1]
}

// sigmoidTab is the logistic function 1/(1+e^-x) read from sigmoidTable.
func sigmoidTab(x float32) float32 {
	if x >= 16 {
		return 1
	} else if x < -16 {
		return 0
	}
	s := x * sigmaPerUnit
	i := int32(s + actIdx/2)
	f := s - float32(i-actIdx/2)
	e := &sigmoidTable[i&(actIdx-1)]
	return e[0] + f*e[1]
}
