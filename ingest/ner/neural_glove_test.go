package ner

import (
	"bytes"
	"slices"
	"testing"
)

// TestNamesReadGlove checks that the shipped name network reads GloVe's
// vectors: a word GloVe knows changes its token's gate inputs, and a word
// it does not know leaves them as the trained tables make them.
func TestNamesReadGlove(t *testing.T) {
	nm, err := DecodeNames(bytes.NewReader(embeddedNames), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := nm.n
	if n.glove == nil {
		t.Fatal("the shipped name network reads no GloVe vectors")
	}
	tests := []struct {
		name  string
		word  string
		known bool
	}{
		{"common word", "Minister", true},
		{"city", "Kestrelford", false},
		{"name GloVe knows", "Nairobi", true},
		{"digits", "1,234", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := n.glove.row(gloveKey(tt.word)); ok != tt.known {
				t.Fatalf("GloVe knows %q: %v, want %v", tt.word, ok, tt.known)
			}
			with := n.getScratch(1)
			defer n.pool.Put(with)
			with.perc[0], with.cls[0] = 0, docNone
			n.emissions(with, []string{tt.word})
			got := slices.Clone(with.x[:8*n.h])
			g := n.glove
			n.glove = nil
			n.emissions(with, []string{tt.word})
			n.glove = g
			if changed := !slices.Equal(got, with.x[:8*n.h]); changed != tt.known {
				t.Errorf("%q: gate inputs changed by its vector: %v, want %v", tt.word, changed, tt.known)
			}
		})
	}
}
