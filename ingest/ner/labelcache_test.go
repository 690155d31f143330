package ner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestContextCaseIndex checks that contextCase numbers its values one to
// one, so that no two contexts share a table row.
func TestContextCaseIndex(t *testing.T) {
	seen := make([]bool, numContextCases)
	n := 0
	forEachContextCase(func(c contextCase) {
		n++
		i := c.index()
		if i < 0 || int(i) >= numContextCases || seen[i] {
			t.Fatalf("case %+v: index %d out of range or taken", c, i)
		}
		seen[i] = true
	})
	if n != numContextCases {
		t.Errorf("%d cases enumerated, want %d", n, numContextCases)
	}
}

// TestTablesSumTheirKeys checks the shipped attribution model's dense
// rows against lookups of the keys they stand for: the context features
// of every token of the test sentences, the label pairs, and the features
// of a word after each label.
func TestTablesSumTheirKeys(t *testing.T) {
	m, err := LoadAttribution()
	if err != nil {
		t.Fatal(err)
	}
	for _, sent := range cacheSentences {
		toks := make([]token, len(sent)+4)
		m.lex.annotate(toks, sent)
		addContext(toks[2:len(sent)+2], sent, false)
		for i := range sent {
			tk := &toks[i+2]
			if tk.ctxCase == 0 {
				t.Fatalf("%q token %d: no context case", strings.Join(sent, " "), i)
			}
			var want labelRow
			m.sumKeys(&want, contextKeys(nil, tk))
			if diff := cmp.Diff(want, m.contextRows()[tk.ctxCase-1]); diff != "" {
				t.Errorf("%q token %d: context row (-lookups +table):\n%s", strings.Join(sent, " "), i, diff)
			}
			e := m.lookupWord(sent[i])
			for prev := range numLabels {
				var want, buf labelRow
				m.sumKeys(&want, wordLabelKeys(nil, &tk.tokenBase, prev))
				if diff := cmp.Diff(want, *m.wordLabels(e, &tk.tokenBase, prev, &buf)); diff != "" {
					t.Errorf("%q token %d after %d: word-label row (-lookups +cache):\n%s", strings.Join(sent, " "), i, prev, diff)
				}
			}
		}
	}
	for prev2 := range numLabels {
		for prev := range numLabels {
			var want labelRow
			m.sumKeys(&want, labelKeys(nil, prev, prev2))
			if diff := cmp.Diff(want, m.transitionRows()[prev2*numLabels+prev]); diff != "" {
				t.Errorf("labels %d %d: (-lookups +table):\n%s", prev2, prev, fmt.Sprint(diff))
			}
		}
	}
}
