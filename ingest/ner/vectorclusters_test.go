package ner

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// synthVectors writes n words of GloVe's text format: word i's vector is
// its group's direction (i%groups) plus a little noise, so that words of a
// group lie together.
func synthVectors(n, groups, dim int) string {
	rng := rand.New(rand.NewPCG(7, 8))
	dirs := make([][]float64, groups)
	for g := range dirs {
		dirs[g] = make([]float64, dim)
		for d := range dirs[g] {
			dirs[g][d] = rng.NormFloat64()
		}
	}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "w%d", i)
		for d := range dim {
			fmt.Fprintf(&b, " %.4f", dirs[i%groups][d]+0.01*rng.NormFloat64())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestReadWordVectors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		limit int
		words int // 0: an error
	}{
		{"all", synthVectors(900, 3, 4), 0, 900},
		{"limited", synthVectors(900, 3, 4), 800, 800},
		{"too few to cluster", synthVectors(100, 3, 4), 0, 0},
		{"ragged", synthVectors(900, 3, 4) + "odd 1 2\n", 0, 0},
		{"not a number", "x 1 y\n" + synthVectors(900, 3, 2), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wv, err := ReadWordVectors(strings.NewReader(tt.text), tt.limit)
			if tt.words == 0 {
				if err == nil {
					t.Fatalf("no error, %d words", len(wv.Words))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(wv.Words) != tt.words || len(wv.Vecs) != tt.words*wv.Dim {
				t.Fatalf("%d words, %d values of dimension %d; want %d words", len(wv.Words), len(wv.Vecs), wv.Dim, tt.words)
			}
		})
	}
}

// TestVectorClusters checks that words whose vectors lie together share
// their coarse cluster, that words of different groups do not, and that
// the clusters are the same every time.
func TestVectorClusters(t *testing.T) {
	read := func() map[uint64]uint16 {
		wv, err := ReadWordVectors(strings.NewReader(synthVectors(1000, 2, 8)), 0)
		if err != nil {
			t.Fatal(err)
		}
		return vectorClusters(wv)
	}
	c := read()
	var tk token
	code := func(w string) uint16 {
		analyse(w, &tk)
		return c[tk.lower]
	}
	if len(c) != 1000 {
		t.Fatalf("%d words clustered, want 1000", len(c))
	}
	same, other := 0, 0
	for i := 2; i < 1000; i++ {
		if code(fmt.Sprintf("w%d", i))>>10 == code(fmt.Sprintf("w%d", i%2))>>10 {
			same++
		}
		if code(fmt.Sprintf("w%d", i))>>10 == code(fmt.Sprintf("w%d", 1-i%2))>>10 {
			other++
		}
	}
	if other != 0 {
		t.Errorf("%d words share a coarse cluster with the other group", other)
	}
	if same == 0 {
		t.Error("no word shares a coarse cluster with its group's first word")
	}
	if diff := cmp.Diff(c, read()); diff != "" {
		t.Errorf("clusters differ between runs:\n%s", diff)
	}
}
