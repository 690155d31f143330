package ner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAddContextOpenQuote checks that a sentence that starts inside a
// quotation reads its words as quoted up to the closing mark, and not
// after it.
func TestAddContextOpenQuote(t *testing.T) {
	words := []string{"It", "opens", "in", "May", ",", "”", "she", "said", "."}
	tests := []struct {
		name string
		open bool
		want []uint64
	}{
		{"opened in an earlier sentence", true, []uint64{1, 1, 1, 1, 1, 1, 0, 0, 0}},
		{"no quotation open", false, []uint64{0, 0, 0, 0, 0, 0, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := make([]token, len(words))
			addContext(toks, words, tt.open)
			got := make([]uint64, len(toks))
			for i, tk := range toks {
				// index() order: left, right, inQ, quoteRight, that, end
				got[i] = uint64(tk.ctxCase-1) / (4 * 2 * 6) % 2
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("inside quotation per token (-want +got):\n%s", diff)
			}
		})
	}
}
