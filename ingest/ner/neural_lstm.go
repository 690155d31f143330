package ner

import (
	"math"
	"sync"
)

// The LSTM step of the neural tagger, tuned: it is most of the cost of
// tagging a sentence, and Go does not vectorise, so the loops are written
// for the scalar units. The recurrent product keeps four independent
// accumulators and adds four terms at a time as a tree, so that the adds
// of one unit do not wait on each other; the weights are read in the order
// they are stored; the gates' nonlinearities are read from tables instead
// of computed with float64 math.Exp and math.Tanh. Both change the results
// in the last bits only: TestNeuralMatchesReference holds them to the
// plain inference.

// packRecurrent reorders recurrent weights wh, [h][4h] as stored (row k the
// weights from hidden unit k to the gates i, f, g, o of every unit), unit
// by unit and, within a unit, four inputs at a time: entry u*h/4+q holds
// the weights of units 4q..4q+3 to the gates of unit u, input by input,
// so that a unit's pre-activations read one contiguous run and each pass
// of lstmStep's inner loop one entry. h must be a multiple of 4.
func packRecurrent(wh []float32, h int) [][16]float32 {
	out := make([][16]float32, h*h/4)
	for u := range h {
		for k := range h {
			for g := range 4 {
				out[(u*h+k)/4][k%4*4+g] = wh[k*4*h+g*h+u]
			}
		}
	}
	return out
}

// lstmStep advances one direction by a token. x holds the token's gate
// inputs (i, f, g, o, h each), prev the previous hidden state (empty at the
// first token), c the cell state, updated in place, z 4h floats of
// scratch; the new hidden state goes to hs. wp is packRecurrent's. Hidden
// states come four units an entry, so that the inner loop reads prev and
// wp in step without bounds checks.
func lstmStep(x []float32, prev, hs [][4]float32, c, z []float32, wp [][16]float32) {
	h := 4 * len(hs)
	x, z, c = x[:4*h], z[:4*h], c[:h]
	for u := range h {
		a0, a1, a2, a3 := x[u], x[h+u], x[2*h+u], x[3*h+u]
		ws := wp[u*h/4 : u*h/4+len(prev)]
		pv := prev[:len(ws)]
		for q := range ws {
			w, v := &ws[q], &pv[q]
			v0, v1, v2, v3 := v[0], v[1], v[2], v[3]
			a0 += (v0*w[0] + v1*w[4]) + (v2*w[8] + v3*w[12])
			a1 += (v0*w[1] + v1*w[5]) + (v2*w[9] + v3*w[13])
			a2 += (v0*w[2] + v1*w[6]) + (v2*w[10] + v3*w[14])
			a3 += (v0*w[3] + v1*w[7]) + (v2*w[11] + v3*w[15])
		}
		z[u], z[h+u], z[2*h+u], z[3*h+u] = a0, a1, a2, a3
	}
	// The gates in a second pass: the table reads then overlap each
	// other rather than stall the product.
	zi, zf, zg, zo := z[:h], z[h:2*h], z[2*h:3*h], z[3*h:]
	for q := range hs {
		for r := range 4 {
			j := 4*q + r
			cj := sigmoidTab(zf[j])*c[j] + sigmoidTab(zi[j])*tanhTab(zg[j])
			c[j] = cj
			hs[q][r] = sigmoidTab(zo[j]) * tanhTab(cj)
		}
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
