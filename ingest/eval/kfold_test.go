package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// memo is a tagger that labels each token as it was labelled in training
// (O when unseen): perfect on sentences it was trained on, so a fold
// scored by a model that saw it would show.
type memo map[string]string

func (m memo) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		if l, ok := m[t]; ok {
			out[i] = l
		} else {
			out[i] = "O"
		}
	}
	return out
}

// TestCoNLLCrossValidatedHoldsOut: each document is scored exactly once,
// by a model whose training set did not hold it.
func TestCoNLLCrossValidatedHoldsOut(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	const docs = 7
	for d := range docs {
		// Each document names a person no other document names.
		fmt.Fprintf(&b, "-DOCSTART- O\n\nName%d B-PER\nspoke O\n\nThe O\nend O\n\n", d)
	}
	if err := os.MkdirAll(filepath.Join(dir, "conllpp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "conllpp", "conllpp_train.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{2, 3, 7} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			trained := map[int]int{} // doc -> folds it was trained in
			calls := 0
			results, err := CoNLLCrossValidated(context.Background(), dir, k, func(_ int, train []CoNLLSentence) (Tagger, error) {
				calls++
				m := memo{}
				for _, s := range train {
					trained[s.Doc]++
					for i, tok := range s.Tokens {
						m[tok] = s.Labels[i]
					}
				}
				return m, nil
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(results) != 1 {
				t.Fatalf("%d results without an extractor, want 1", len(results))
			}
			res := results[0]
			if calls != k {
				t.Errorf("trained %d models, want %d", calls, k)
			}
			for d := 1; d <= docs; d++ {
				// Two sentences per document, each in k-1 training sets.
				if trained[d] != 2*(k-1) {
					t.Errorf("doc %d in %d training sentence sets, want %d", d, trained[d], 2*(k-1))
				}
			}
			// Every held-out name is unseen, so nothing is found; a leak
			// would find them.
			row, _ := res.Row("micro PER+ORG+LOC")
			if row.TP != 0 || row.FN != docs {
				t.Errorf("pooled counts %+v, want TP 0 and FN %d (each name scored once, by a model that never saw it)", row.PRF, docs)
			}
		})
	}
}

func TestFoldOf(t *testing.T) {
	// Contiguous, balanced, every fold used.
	got := make([]int, 10)
	for i := range got {
		got[i] = foldOf(i, 10, 3)
	}
	want := []int{0, 0, 0, 0, 1, 1, 1, 2, 2, 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("folds %v, want %v", got, want)
	}
}
