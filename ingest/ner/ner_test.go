package ner

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestToBILOU(t *testing.T) {
	tests := []struct {
		name string
		bio  string
		want string
	}{
		{"unit and multi", "B-PER I-PER O B-LOC", "B-PER L-PER O U-LOC"},
		{"long", "B-ORG I-ORG I-ORG", "B-ORG I-ORG L-ORG"},
		{"iob1 start", "I-MISC I-MISC O", "B-MISC L-MISC O"},
		{"adjacent entities", "B-PER B-PER", "U-PER U-PER"},
		{"unknown type", "B-XYZ O", "O O"},
	}
	name := func(l int) string {
		if l == labelO {
			return "O"
		}
		return string("BILU"[labelPrefix(l)]) + "-" + typeNames[labelType(l)]
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range toBILOU(strings.Fields(tt.bio)) {
				got = append(got, name(l))
			}
			if diff := cmp.Diff(strings.Fields(tt.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestAllowed(t *testing.T) {
	b, i, l, u := label(prefB, 0), label(prefI, 0), label(prefL, 0), label(prefU, 0)
	lOrg := label(prefL, 1)
	tests := []struct {
		name      string
		prev, cur int
		want      bool
	}{
		{"O then B", labelO, b, true},
		{"O then I", labelO, i, false},
		{"B then L same type", b, l, true},
		{"B then L other type", b, lOrg, false},
		{"B then O", b, labelO, false},
		{"I then U", i, u, false},
		{"L then U", l, u, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := allowed(tt.prev, tt.cur); got != tt.want {
				t.Errorf("allowed = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAnalyse(t *testing.T) {
	var a, b, c token
	analyse("Paris", &a)
	analyse("PARIS", &b)
	analyse("Tokyo", &c)
	if a.lower != b.lower || a.word == b.word {
		t.Error("case variants should share the lowercase hash only")
	}
	if a.shape != c.shape || a.flags&flagTitle == 0 || b.flags&flagAllCaps == 0 {
		t.Error("Paris and Tokyo share shape Xxxxx; flags title/all-caps wrong")
	}
	if a.suf[1] == c.suf[1] || a.pre[0] == c.pre[0] {
		t.Error("different affixes hash alike")
	}
	var d, e token
	analyse("1996-08-22", &d)
	analyse("", &e)
	if d.flags&flagAllDigit == 0 || d.flags&flagHyphen == 0 {
		t.Errorf("date flags %b", d.flags)
	}
	if e.flags&flagPunct == 0 {
		t.Error("empty token should be treated as punctuation")
	}
}

// invented is a small made-up training set: names recur in fixed frames.
func invented() []Sentence {
	var out []Sentence
	people := []string{"Mara Quill", "Odo Venn", "Tess Arlow", "Bram Kettle"}
	places := []string{"Lunport", "Ossenfeld", "Varnholm"}
	orgs := []string{"Quarry Bank", "Helix Union"}
	doc := 0
	for i := 0; i < 60; i++ {
		p := strings.Fields(people[i%len(people)])
		pl := places[i%len(places)]
		o := strings.Fields(orgs[i%len(orgs)])
		toks := append(append([]string{}, p...), "told", "reporters", "in", pl, "that")
		toks = append(append(toks, o...), "would", "grow", ".")
		labels := []string{"B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"}
		out = append(out, Sentence{Tokens: toks, Labels: labels, Doc: doc})
		if i%5 == 4 {
			doc++
		}
	}
	return out
}

func trainInvented(t *testing.T) (*Model, []byte) {
	t.Helper()
	m, err := Train(invented(), TrainOptions{Epochs: 3, Seed: 7, Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	return m, encodeModel(t, m)
}

// encodeModel returns m's model file.
func encodeModel(t *testing.T, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainEncodeDecode(t *testing.T) {
	m, enc := trainInvented(t)
	_, enc2 := trainInvented(t)
	if !bytes.Equal(enc, enc2) {
		t.Error("two training runs with the same options gave different model files")
	}
	d, err := Decode(bytes.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	sent := strings.Fields("Odo Venn told reporters in Varnholm that Helix Union would grow .")
	want := []string{"B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"}
	if diff := cmp.Diff(want, m.Tag(sent)); diff != "" {
		t.Errorf("trained model (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(m.Tag(sent), d.Tag(sent)); diff != "" {
		t.Errorf("decoded model differs (-trained +decoded):\n%s", diff)
	}
	wantSpans := []Span{{0, 2, "PER"}, {5, 6, "LOC"}, {7, 9, "ORG"}}
	if diff := cmp.Diff(wantSpans, d.Spans(sent)); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
	if _, err := Decode(bytes.NewReader(enc[:len(enc)/2])); err == nil {
		t.Error("truncated model: want an error")
	}
	if _, err := Decode(strings.NewReader("not a model")); err == nil {
		t.Error("garbage: want an error")
	}
}

func TestTrainRejectsBadOptions(t *testing.T) {
	if _, err := Train(invented(), TrainOptions{Epochs: 0, Folds: 3}); err == nil {
		t.Error("zero epochs: want an error")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nsang VBD B-VP O\n\n-DOCSTART- -X- -X- O\n\nOslo NNP B-NP B-LOC\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"Anna", "sang"}, Labels: []string{"B-PER", "O"}, Doc: 1},
		{Tokens: []string{"Oslo"}, Labels: []string{"B-LOC"}, Doc: 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := ReadCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("line without label: want an error")
	}
}

func TestLoadEmbedded(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Invented sentence; common names the model should know from any news.
	sent := strings.Fields("Prime Minister Angela Merkel met officials of the United Nations in Geneva on Monday .")
	got := m.Spans(sent)
	want := []Span{{2, 4, "PER"}, {8, 10, "ORG"}, {11, 12, "LOC"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	if got := m.Spans([]string{""}); got != nil {
		t.Errorf("Spans of an empty token = %v", got)
	}
}

func TestConcurrentTag(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		strings.Fields("Lena Ortiz flew from Madrid to Boston ."),
		strings.Fields("Shares of Acme Corp fell ."),
		strings.Fields("The talks in Kabul ended without a deal , officials said ."),
	}
	want := make([][]string, len(sents))
	for i, s := range sents {
		want[i] = m.Tag(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := (g + i) % len(sents)
				if got := m.Tag(sents[k]); !cmp.Equal(got, want[k]) {
					t.Errorf("concurrent Tag gave %v, want %v", got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestTagAllocations(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sent := strings.Fields("Lena Ortiz flew from Madrid to Boston on Tuesday to meet Acme Corp executives .")
	m.Tag(sent) // warm the scratch pool
	if n := testing.AllocsPerRun(100, func() { m.Tag(sent) }); n > 1 {
		t.Errorf("Tag allocates %.1f times per call, want only its result", n)
	}
}

// TestContextModel checks that a model trained with context features
// keeps them through Encode and Decode, and that the shipped attribution
// model loads and labels a plain attribution.
func TestContextModel(t *testing.T) {
	m, err := Train(invented(), TrainOptions{Epochs: 3, Seed: 7, Folds: 3, Context: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !d.lex.context {
		t.Fatal("decoded model lost its context flag")
	}
	sent := strings.Fields("Odo Venn told reporters in Varnholm that Helix Union would grow .")
	if diff := cmp.Diff(m.Tag(sent), d.Tag(sent)); diff != "" {
		t.Errorf("decoded context model differs (-trained +decoded):\n%s", diff)
	}
	a, err := LoadAttribution()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, sp := range a.Spans(strings.Fields("Odo Venn said that the bridge would reopen on Monday .")) {
		got[sp.Label] = true
	}
	for _, l := range []string{AttrSource, AttrCue, AttrContent} {
		if !got[l] {
			t.Errorf("attribution model found no %s span (got %v)", l, got)
		}
	}
}

// TestMissWeight checks that weighting missed non-O labels is deterministic
// and changes the model, and that a weight of 1 is the plain perceptron.
func TestMissWeight(t *testing.T) {
	encode := func(w float32) []byte {
		m, err := Train(invented(), TrainOptions{Epochs: 3, Seed: 7, Folds: 3, MissWeight: w})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plain, one, heavy := encode(0), encode(1), encode(3)
	if !bytes.Equal(plain, one) {
		t.Error("MissWeight 1 differs from the plain perceptron")
	}
	if !bytes.Equal(heavy, encode(3)) {
		t.Error("MissWeight 3 training is not reproducible")
	}
	if bytes.Equal(plain, heavy) {
		t.Error("MissWeight 3 left the model unchanged")
	}
}
