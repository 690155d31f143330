package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// wordTagger is a MentionSource that tags every occurrence of one word,
// standing in for a statistical tagger.
type wordTagger struct {
	word string
	kind graph.EntityKind
}

func (w wordTagger) Name() string { return "test-tagger" }

func (w wordTagger) Mentions(s Sentence) []Candidate {
	var out []Candidate
	for i, t := range s.Tokens {
		if t == w.word {
			out = append(out, Candidate{Start: i, End: i + 1, Kind: w.kind, Confidence: 0.9})
		}
	}
	// Out-of-range and empty spans must be ignored, not crash the extractor.
	return append(out, Candidate{Start: -1, End: 99, Kind: w.kind}, Candidate{Start: 2, End: 2, Kind: w.kind})
}

func TestWithSource(t *testing.T) {
	base := newExtractor(t).RulesOnly()
	x := base.WithSource(wordTagger{word: "Zorvia", kind: graph.Place})
	text := "Aid reached Zorvia on Monday."
	for _, tt := range []struct {
		name string
		x    *Extractor
		want bool
	}{
		{"without the source", base, false},
		{"with the source", x, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ex := extractOK(t, tt.x, &graph.Article{ID: "a", Text: text})
			found := false
			for _, m := range ex.Mentions {
				if m.Text == "Zorvia" && m.Citation.Extractor == "rules/"+version+":test-tagger" {
					found = true
				}
			}
			if found != tt.want {
				t.Errorf("tagger mention found = %v, want %v (mentions %+v)", found, tt.want, ex.Mentions)
			}
		})
	}
}

// TestTaggerPluggedIn checks that the default and the accurate extractors
// type unknown names with their statistical taggers (the accurate one with
// its name network), and that RulesOnly does not.
func TestTaggerPluggedIn(t *testing.T) {
	text := "Talks resumed in Vardenholm on Monday, where Marisol Quenby met officials of Brantwell Holdings."
	accurate, err := NewWith(Accurate)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		x      *Extractor
		tagger string
		want   int
	}{
		{"default", newExtractor(t), "ner/perceptron-1", 1},
		{"accurate", accurate, "ner/neural-1", 1},
		{"rules only", newExtractor(t).RulesOnly(), "ner/perceptron-1", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ex := extractOK(t, tt.x, &graph.Article{ID: "a", Text: text})
			got := 0
			for _, m := range ex.Mentions {
				if strings.HasPrefix(m.Citation.Extractor, "rules/"+version) && strings.HasSuffix(m.Citation.Extractor, ":"+tt.tagger) {
					got++
				}
			}
			if tt.want > 0 && got == 0 || tt.want == 0 && got > 0 {
				t.Errorf("%d tagger mentions, want %s (mentions %+v)", got, map[bool]string{true: "some", false: "none"}[tt.want > 0], ex.Mentions)
			}
		})
	}
}
