package ner

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Word clusters stand in for Brown clusters: each frequent word is
// described by the words seen just before and after it in running text,
// that description is projected to a few dense dimensions and grouped with
// spherical k-means at two granularities. Words that share contexts
// ("Monday"/"Tuesday", "Inc"/"Corp") then share features, which helps on
// names the labelled data never showed.

const (
	clusterMinCount = 3
	clusterContexts = 1000
	clusterDims     = 64
	clustersFine    = 384
	clustersCoarse  = 48
	clusterIters    = 10
)

// buildClusters maps lowercase hashes to (coarse<<10 | fine) cluster codes.
// Codes start at 1; 0 means no cluster.
func buildClusters(corpus [][]string, seed uint64) map[uint64]uint16 {
	var tk token
	count := map[uint64]int{}
	ids := make([][]uint64, len(corpus))
	for i, s := range corpus {
		ids[i] = make([]uint64, len(s))
		for j, w := range s {
			analyse(w, &tk)
			ids[i][j] = tk.lower
			count[tk.lower]++
		}
	}
	type wc struct {
		h uint64
		n int
	}
	var vocab []wc
	for h, n := range count {
		if n >= clusterMinCount {
			vocab = append(vocab, wc{h, n})
		}
	}
	slices.SortFunc(vocab, func(a, b wc) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.h, b.h)) })
	if len(vocab) < clustersFine*2 {
		return nil
	}
	row := make(map[uint64]int, len(vocab))
	for i, v := range vocab {
		row[v.h] = i
	}
	ctx := make(map[uint64]int, clusterContexts)
	for i := 0; i < clusterContexts && i < len(vocab); i++ {
		ctx[vocab[i].h] = i
	}
	// Context counts: left neighbour in dims [0,C), right in [C,2C).
	counts := make([]map[int32]float32, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	for _, s := range ids {
		for j, h := range s {
			r, ok := row[h]
			if !ok {
				continue
			}
			if j > 0 {
				if c, ok := ctx[s[j-1]]; ok {
					counts[r][int32(c)]++
				}
			}
			if j+1 < len(s) {
				if c, ok := ctx[s[j+1]]; ok {
					counts[r][int32(clusterContexts+c)]++
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed+1))
	proj := make([]float32, 2*clusterContexts*clusterDims)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([]float32, len(vocab)*clusterDims)
	for r, cs := range counts {
		v := vecs[r*clusterDims : (r+1)*clusterDims]
		keys := make([]int32, 0, len(cs))
		for c := range cs {
			keys = append(keys, c)
		}
		slices.Sort(keys) // fixed summation order: reproducible floats
		for _, c := range keys {
			w := float32(math.Sqrt(float64(cs[c])))
			p := proj[int(c)*clusterDims : int(c+1)*clusterDims]
			for d := range v {
				v[d] += w * p[d]
			}
		}
		normalize(v)
	}
	fine := kmeans(vecs, len(vocab), clustersFine, clusterDims)
	coarse := kmeans(vecs, len(vocab), clustersCoarse, clusterDims)
	out := make(map[uint64]uint16, len(vocab))
	for r, v := range vocab {
		out[v.h] = uint16(coarse[r]+1)<<10 | uint16(fine[r]+1)
	}
	return out
}

func normalize(v []float32) {
	var s float32
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(float64(s)))
	for i := range v {
		v[i] *= inv
	}
}

// kmeans is spherical k-means over n unit vectors, seeded with evenly
// spaced words of the frequency-sorted vocabulary.
func kmeans(vecs []float32, n, k, dims int) []int {
	cent := make([]float32, k*dims)
	for c := 0; c < k; c++ {
		src := c * n / k
		copy(cent[c*dims:], vecs[src*dims:(src+1)*dims])
	}
	assign := make([]int, n)
	for it := 0; it < clusterIters; it++ {
		for i := 0; i < n; i++ {
			v := vecs[i*dims : (i+1)*dims]
			best, bestSim := 0, float32(-2)
			for c := 0; c < k; c++ {
				cv := cent[c*dims : (c+1)*dims]
				var s float32
				for d, x := range v {
					s += x * cv[d]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			assign[i] = best
		}
		clear(cent)
		for i, c := range assign {
			cv := cent[c*dims : (c+1)*dims]
			for d, x := range vecs[i*dims : (i+1)*dims] {
				cv[d] += x
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*dims : (c+1)*dims])
		}
	}
	return assign
}
