package ner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStackedModel checks that a stacked model trains reproducibly, keeps
// its first pass through Encode and Decode, tags as trained after the
// round trip, and re-encodes to the same bytes (16-bit weights are stable
// under decoding).
func TestStackedModel(t *testing.T) {
	opt := TrainOptions{Epochs: 3, Seed: 7, Folds: 3, Context: true}
	train := func() (*Model, []byte) {
		m, err := TrainStacked(invented(), opt, 3)
		if err != nil {
			t.Fatal(err)
		}
		return m, encodeModel(t, m)
	}
	m, enc := train()
	if _, enc2 := train(); !bytes.Equal(enc, enc2) {
		t.Error("two stacked trainings with the same options gave different model files")
	}
	if m.first == nil || m.first.first != nil {
		t.Fatal("a stacked model has exactly one first pass")
	}
	d, err := Decode(bytes.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	if d.first == nil || !d.lex.context || !d.first.lex.context {
		t.Fatal("decoded stacked model lost its first pass or context flag")
	}
	sent := strings.Fields("Tess Arlow told reporters in Lunport that Quarry Bank would grow .")
	want := []string{"B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"}
	if diff := cmp.Diff(want, m.Tag(sent)); diff != "" {
		t.Errorf("trained stacked model (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(m.Tag(sent), d.Tag(sent)); diff != "" {
		t.Errorf("decoded stacked model differs (-trained +decoded):\n%s", diff)
	}
	if !bytes.Equal(enc, encodeModel(t, d)) {
		t.Error("decoding and re-encoding a stacked model changed its bytes")
	}
	if _, err := Decode(bytes.NewReader(enc[:len(enc)*9/10])); err == nil {
		t.Error("stacked model cut in its first pass: want an error")
	}
	if _, err := TrainStacked(invented(), opt, 1); err == nil {
		t.Error("one fold: want an error")
	}
	d.Tag(sent) // warm the scratch pools
	one := testing.AllocsPerRun(50, func() { d.first.Tag(sent) })
	if n := testing.AllocsPerRun(50, func() { d.Tag(sent) }); n > 2*one {
		t.Errorf("stacked Tag allocates %.1f times per call, want at most twice the first pass's %.1f", n, one)
	}
}

// TestAddStacked checks the first-pass features a token sees: the same
// label sequence gives the same features, and a cue to the right changes
// what the tokens before it see.
func TestAddStacked(t *testing.T) {
	words := strings.Fields("Odo Venn said the bridge would reopen")
	src, cue, content := label(prefB, 0), label(prefU, 1), label(prefB, 2)
	withCue := []int{src, label(prefL, 0), cue, content, label(prefI, 2), label(prefI, 2), label(prefL, 2)}
	noCue := []int{labelO, labelO, labelO, labelO, labelO, labelO, labelO}
	feats := func(first []int) [][numStk]uint64 {
		toks := make([]token, len(words))
		for i, w := range words {
			analyse(w, &toks[i])
		}
		addStacked(toks, first)
		out := make([][numStk]uint64, len(toks))
		for i := range toks {
			if toks[i].nstk != numStk {
				t.Fatalf("token %d has %d stacked features, want %d", i, toks[i].nstk, numStk)
			}
			out[i] = toks[i].stk
		}
		return out
	}
	a, b := feats(withCue), feats(withCue)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("stacked features are not a function of the labels:\n%s", diff)
	}
	c := feats(noCue)
	if a[0] == c[0] {
		t.Error("the source before a cue sees the same features as a token with no attribution around")
	}
}

// TestFeatureTableQuantised checks that weights come back within half a
// step of the table's scale, that the largest one is exact, and that
// absent keys are absent.
func TestFeatureTableQuantised(t *testing.T) {
	ws := []*[numLabels]float32{{0: 12.5, 3: -0.75}, {1: -3.25, 16: 0.001}, {2: 0.5}}
	tab := newFeatureTable(len(ws), maxAbsWeight(ws...))
	for i, w := range ws {
		tab.put(uint64(i*7919+1), w)
	}
	for i, w := range ws {
		row := tab.get(uint64(i*7919 + 1))
		if row == nil {
			t.Fatalf("key %d missing", i)
		}
		for l, v := range w {
			got := float32(row[l]) * tab.scale
			if d := got - v; d > tab.scale/2 || d < -tab.scale/2 {
				t.Errorf("key %d label %d: got %g, want %g within %g", i, l, got, v, tab.scale/2)
			}
		}
	}
	if got := float32(tab.get(1)[0]) * tab.scale; got != 12.5 {
		t.Errorf("largest weight: got %g, want 12.5 exactly", got)
	}
	if tab.get(424242) != nil {
		t.Error("absent key found")
	}
}

// TestSharedLexicon checks that a stacked model's second pass, reusing the
// first pass's token table, labels exactly as when it reads the words
// itself, on the shipped attribution model and on a freshly trained one.
func TestSharedLexicon(t *testing.T) {
	sents := []string{
		"Odo Venn said that the bridge would reopen on Monday .",
		"“ We will not close the harbour , ” the mayor told reporters on Friday .",
		"According to a council report , the roads cost twice as much as planned .",
		"Tess Arlow , a lecturer at the college , argued in a column that the tax was unfair .",
		"Rain fell all day .",
		"Officials say the storm caused no damage ; residents disagree .",
	}
	trained, err := TrainStacked(invented(), TrainOptions{Epochs: 3, Seed: 7, Folds: 3, Context: true}, 3)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := LoadAttribution()
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*Model{"shipped": shipped, "trained": trained} {
		if !m.sharedLex {
			t.Fatalf("%s: the passes of a stacked model should share their lexicon", name)
		}
		apart, err := Decode(bytes.NewReader(encodeModel(t, m)))
		if err != nil {
			t.Fatal(err)
		}
		apart.sharedLex = false
		for _, s := range sents {
			words := strings.Fields(s)
			if diff := cmp.Diff(apart.Tag(words), m.Tag(words)); diff != "" {
				t.Errorf("%s, %q: shared token table differs (-apart +shared):\n%s", name, s, diff)
			}
		}
	}
}
