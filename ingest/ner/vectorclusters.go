package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
)

// WordVectors are pretrained word vectors (GloVe's, in its text format)
// from which a model's word clusters can be made instead of from the
// training text's contexts: 6 billion words of unlabelled text group far
// more words, and more surely, than the training split's few hundred
// thousand. An experiment (nertrain -vectors, eval --cv-vectors): the
// shipped fast models still cluster the training text, because with
// these clusters GUM's kinds fell below their target (docs/quality.md,
// Session 18).
type WordVectors struct {
	Words []string // most frequent first
	Dim   int
	Vecs  []float32 // [len(Words)][Dim]

	once     sync.Once
	clusters map[uint64]uint16
}

// ClusterVectorWords is how many of GloVe's most frequent words
// vectorClusters groups by default (nertrain -vectors-limit).
const ClusterVectorWords = 100000

// OpenWordVectors reads up to limit words of the GloVe text file at path
// (ReadWordVectors).
func OpenWordVectors(path string, limit int) (*WordVectors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: word vectors: %w", err)
	}
	defer f.Close()
	return ReadWordVectors(f, limit)
}

// ReadWordVectors reads up to limit words (0: all) of GloVe's text format:
// a word, then its values, separated by spaces, one word a line.
func ReadWordVectors(r io.Reader, limit int) (*WordVectors, error) {
	wv := &WordVectors{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() && (limit == 0 || len(wv.Words) < limit) {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		if wv.Dim == 0 {
			wv.Dim = len(f) - 1
		}
		if len(f)-1 != wv.Dim {
			return nil, fmt.Errorf("ner: word vectors: %q has %d values, want %d", f[0], len(f)-1, wv.Dim)
		}
		for _, x := range f[1:] {
			v, err := strconv.ParseFloat(x, 32)
			if err != nil {
				return nil, fmt.Errorf("ner: word vectors: %q: %w", f[0], err)
			}
			wv.Vecs = append(wv.Vecs, float32(v))
		}
		wv.Words = append(wv.Words, f[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: word vectors: %w", err)
	}
	if len(wv.Words) < 2*clustersFine {
		return nil, fmt.Errorf("ner: word vectors: %d words, too few to cluster", len(wv.Words))
	}
	return wv, nil
}

// vectorClusters maps lowercase hashes to (coarse<<10 | fine) cluster
// codes, as buildClusters, grouping the words by spherical k-means over
// their vectors.
// They are made once per WordVectors: a jackknifed training trains
// several models with the same clusters.
func vectorClusters(wv *WordVectors) map[uint64]uint16 {
	wv.once.Do(func() { wv.clusters = clusterVectors(wv) })
	return wv.clusters
}

func clusterVectors(wv *WordVectors) map[uint64]uint16 {
	n, dim := len(wv.Words), wv.Dim
	vecs := make([]float32, n*dim)
	copy(vecs, wv.Vecs)
	for i := range n {
		normalize(vecs[i*dim : (i+1)*dim])
	}
	fine := kmeans(vecs, n, clustersFine, dim)
	coarse := kmeans(vecs, n, clustersCoarse, dim)
	var tk token
	out := make(map[uint64]uint16, n)
	for i, w := range wv.Words {
		analyse(w, &tk)
		if _, dup := out[tk.lower]; !dup {
			out[tk.lower] = uint16(coarse[i]+1)<<10 | uint16(fine[i]+1)
		}
	}
	return out
}
