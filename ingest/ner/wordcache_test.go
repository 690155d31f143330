package ner

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cacheSentences are written for these tests: names, quotes, cues,
// headline casing, contractions and odd tokens.
var cacheSentences = [][]string{
	strings.Fields(`Lena Ortiz flew from Madrid to Boston on Tuesday to meet Acme Corp executives .`),
	strings.Fields(`" We will not sign this deal , " the finance minister told reporters in Oslo .`),
	strings.Fields(`MARKETS RALLY AS CENTRAL BANK HOLDS RATES`),
	strings.Fields(`The U.S. firm said its profit rose 12.5 % to $ 3.1bn , according to analysts at Brightwater & Co .`),
	strings.Fields(`Officials say the talks , which began in 2019 , have stalled .`),
	strings.Fields(`He 's been told that the plan was n't ready , she said .`),
	{"Zürich", "-", "based", "Ölwerk", "AG", "reported", "a", "loss", "."},
	{"x"},
}

// TestCachedKeysCoverStaticKeys checks that the word-alone templates at
// the five window positions and the pair templates are, together, exactly
// the static templates: the cached scores are then those of staticKeys.
func TestCachedKeysCoverStaticKeys(t *testing.T) {
	lx := lexicon{caseBins: map[uint64]uint8{}, clusters: map[uint64]uint16{}}
	for _, w := range []string{"lena", "madrid", "minister", "the"} {
		var tk token
		analyse(w, &tk)
		lx.caseBins[tk.lower] = 3
		lx.clusters[tk.lower] = 2<<10 | 7
	}
	for _, sent := range cacheSentences {
		for _, lean := range []bool{false, true} {
			for _, headline := range []bool{false, true} {
				toks := make([]token, len(sent)+4)
				lx.annotate(toks, sent)
				// marks of the sentence, as the gazetteer and the context
				// and stacked passes set them
				toks[2].gaz[0], toks[2].ngaz = 9, 1
				if len(sent) > 1 {
					toks[3].gaz = [2]uint64{3, 11}
					toks[3].ngaz = 2
				}
				addContext(toks[2:len(sent)+2], sent, false)
				first := make([]int, len(sent))
				first[0] = label(prefU, 1)
				addStacked(toks[2:len(sent)+2], first)
				for i := range sent {
					want := staticKeys(nil, toks, i, headline, lean)
					var got []uint64
					for at, j := range [numAt]int{atC: i + 2, atM1: i + 1, atP1: i + 3, atM2: i, atP2: i + 4} {
						got = wordKeys(got, &toks[j], at, lean)
					}
					got = pairKeys(got, toks, i, headline, lean)
					got = contextKeys(got, &toks[i+2])
					slices.Sort(want)
					slices.Sort(got)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("%q token %d lean=%v headline=%v: keys differ (-static +cached):\n%s", strings.Join(sent, " "), i, lean, headline, diff)
					}
				}
			}
		}
	}
}

// referenceLabels is the greedy decoder without the word cache: every
// static key looked up for every token, as the model was trained.
func referenceLabels(m *Model, words []string) []int {
	n := len(words)
	toks := make([]token, n+4)
	m.lex.annotate(toks, words)
	if m.lex.context {
		addContext(toks[2:n+2], words, false)
	}
	if m.first != nil {
		first := referenceLabels(m.first, words)
		if !hasCue(first) {
			return first
		}
		addStacked(toks[2:n+2], first)
	}
	headline := isHeadline(toks[2 : n+2])
	labels := make([]int, n)
	prev, prev2 := labelO, labelO
	for i := range words {
		var acc [numLabels]int32
		keys := staticKeys(nil, toks, i, headline, m.lex.context)
		keys = dynamicKeys(keys, toks, i, prev, prev2)
		for _, k := range keys {
			if row := m.feats.get(k); row != nil {
				for l, q := range row {
					acc[l] += int32(q)
				}
			}
		}
		var scores [numLabels]float32
		for l, v := range acc {
			scores[l] = float32(v)
		}
		labels[i] = bestAllowed(scores[:], prev, i == n-1)
		prev2, prev = prev, labels[i]
	}
	return labels
}

// TestWordCacheSameLabels checks the shipped fast models against the
// reference decoder, with the cache cold, warm, and after words of no use
// here have pushed most of the sentences' words out of it.
func TestWordCacheSameLabels(t *testing.T) {
	for _, load := range []struct {
		name string
		f    func() (*Model, error)
	}{{"ner", Load}, {"attribution", LoadAttribution}} {
		m, err := load.f()
		if err != nil {
			t.Fatal(err)
		}
		for _, phase := range []string{"cold", "warm", "replaced"} {
			if phase == "replaced" {
				for i := range 2 * wordCacheMax {
					m.lookupWord(fmt.Sprintf("filler%d", i))
				}
			}
			for k, sent := range cacheSentences {
				t.Run(fmt.Sprintf("%s/%s/%d", load.name, phase, k), func(t *testing.T) {
					want := referenceLabels(m, sent)
					got := m.labelsInto(make([]int, len(sent)), sent, false)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("labels (-reference +cached):\n%s", diff)
					}
				})
			}
		}
	}
}

// TestWordCacheSnapshots checks that words cached past the first
// snapshot are found again, that the cache stays within its bound, and
// that a word in use survives the words that replace the others.
func TestWordCacheSnapshots(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2000 {
		m.lookupWord(fmt.Sprintf("w%d", i))
	}
	snap := m.words.snap.Load()
	if snap == nil || len(*snap) < 1000 {
		t.Fatalf("after 2000 new words the snapshot holds %v", snap)
	}
	if e := m.lookupWord("w5"); e.word != "w5" || e != (*snap)["w5"] {
		t.Errorf("w5 not served from the snapshot")
	}
	keep := m.lookupWord("keep")
	for i := 2000; i < 4*wordCacheMax; i++ {
		m.lookupWord(fmt.Sprintf("w%d", i))
		if i%64 == 0 && m.lookupWord("keep") != keep {
			t.Fatalf("after %d words, a word looked up all along was replaced", i)
		}
		if n := len(*m.words.snap.Load()) + len(m.words.pending); n > wordCacheMax+wordCacheMax/4 {
			t.Fatalf("after %d words the cache holds %d", i, n)
		}
	}
	if n := len(*m.words.snap.Load()); n > wordCacheMax {
		t.Errorf("snapshot of %d words, bound %d", n, wordCacheMax)
	}
	if _, ok := (*m.words.snap.Load())["w7"]; ok {
		t.Errorf("w7, unused for %d words, still cached", 4*wordCacheMax)
	}
}

// TestCompactBaseKeepsDecoding checks that a cached word's compact token
// gives the keys decoding looks up (the pair, context, stacked and label
// features, the gazetteer's marks) as its full token does.
func TestCompactBaseKeepsDecoding(t *testing.T) {
	m, err := LoadAttribution()
	if err != nil {
		t.Fatal(err)
	}
	lx := &m.lex
	for _, sent := range cacheSentences {
		n := len(sent)
		full := make([]token, n+4)
		lx.annotate(full, sent)
		short := slices.Clone(full)
		for i := range sent {
			b := compact(&full[i+2].tokenBase)
			short[i+2] = token{tokenBase: b.expand()}
		}
		lx.markGazetteer(short[2:n+2], nil)
		for _, toks := range [][]token{full, short} {
			addContext(toks[2:n+2], sent, false)
			first := make([]int, n)
			first[n-1] = label(prefU, 1)
			addStacked(toks[2:n+2], first)
		}
		if isHeadline(full[2:n+2]) != isHeadline(short[2:n+2]) {
			t.Errorf("%q: headline differs", strings.Join(sent, " "))
		}
		for i := range sent {
			for _, headline := range []bool{false, true} {
				for _, lean := range []bool{false, true} {
					want := pairKeys(nil, full, i, headline, lean)
					want = contextKeys(want, &full[i+2])
					got := pairKeys(nil, short, i, headline, lean)
					got = contextKeys(got, &short[i+2])
					for prev := range numLabels {
						want = dynamicKeys(want, full, i, prev, labelO)
						got = dynamicKeys(got, short, i, prev, labelO)
					}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("%q token %d: keys differ (-full +compact):\n%s", strings.Join(sent, " "), i, diff)
					}
				}
			}
		}
	}
}
