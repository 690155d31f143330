package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestSpeechCue(t *testing.T) {
	tests := []struct {
		name, sentence, cue string
		want                bool
	}{
		{"said", "The minister said the road is open.", "said", true},
		{"inflected lemma", "The mayor reiterated that taxes will fall.", "reiterated", true},
		{"doubled consonant", "The firm admitted errors.", "admitted", true},
		{"dropped e", "She was arguing that costs rose.", "arguing", true},
		{"y to ied", "The union denied the report.", "denied", true},
		{"phrasal", "The panel touched upon the budget.", "touched upon", true},
		{"cognition", "Analysts fear a slowdown.", "fear", true},
		{"statement noun", "The club said in a statement that it would appeal.", "in a statement", true},
		{"according to", "According to the police, two men fled.", "According to", true},
		{"colon", "Minister: talks will resume", ":", true},
		{"physical act", "Rebels kept launching attacks on the town.", "launching attacks", false},
		{"fighting", "The group has fought the army for years.", "has fought", false},
		{"phrasal without particle", "The player touched the ball twice.", "touched", false},
		{"building", "The company built a new plant.", "built", false},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: tt.sentence})
			words := strings.Fields(tt.cue)
			k0 := -1
			for i, w := range d.words {
				if w == words[0] {
					k0 = i
					break
				}
			}
			if k0 < 0 {
				t.Fatalf("no token %q", words[0])
			}
			k1 := k0 + len(words)
			if got := d.speechCue(k0, k1); got != tt.want {
				t.Errorf("speechCue(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}
