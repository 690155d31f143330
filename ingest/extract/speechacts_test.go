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
		{"noun of statements as a verb", "Most shops polled for the study stayed open.", "polled for", false},
		{"noun of statements in the plural", "Opinion polls show the party ahead.", "polls", true},
		{"pressing is no press conference", "The visitors kept pressing in the second half.", "kept pressing", false},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: tt.sentence})
			k0, k1 := cueTokens(t, d, tt.cue)
			if got := d.speechCue(k0, k1); got != tt.want {
				t.Errorf("speechCue(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}

// cueTokens finds the tokens of cue, by its first word, in d.
func cueTokens(t *testing.T, d *doc, cue string) (k0, k1 int) {
	t.Helper()
	words := strings.Fields(cue)
	for i, w := range d.words {
		if w == words[0] {
			return i, i + len(words)
		}
	}
	t.Fatalf("no token %q", words[0])
	return 0, 0
}

func TestImpersonalPassive(t *testing.T) {
	tests := []struct {
		name, sentence, cue string
		want                bool
	}{
		{"expletive it", "It is thought that the plant will close.", "is thought", true},
		{"auxiliary left out of the cue", "It was widely believed the plant would close.", "believed", true},
		{"perfect passive", "It has been suggested that fees will rise.", "has been suggested", true},
		{"raising", "The regulator is expected to rule soon.", "is expected", true},
		{"accused of", "Two directors are accused of fraud.", "are accused of", true},
		{"headline passive", "Harbor mayor accused of hiding losses", "accused", true},
		{"reduced passive with to", "Staff told to leave the plant by May", "told", true},
		{"told a paper named with To", "The sprinter told To Vesti daily she would run again.", "told", false},
		{"active with an object", "The mayor accused the firm of hiding losses.", "accused", false},
		{"active warned of", "The mayor warned of losses at the plant.", "warned", false},
		{"active", "The regulator expected a ruling soon.", "expected", false},
		{"perfect active", "The regulator has suggested that fees will rise.", "has suggested", false},
		{"progressive", "The regulator is saying that fees will rise.", "is saying", false},
		{"attitude", "The mayor is convinced the ferry will run.", "is convinced", false},
		{"agent named", "It was announced by the council that fees will rise.", "was announced", false},
		{"quoted as saying", "The mayor was quoted as saying fees will rise.", "was quoted as saying", false},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: tt.sentence})
			k0, k1 := cueTokens(t, d, tt.cue)
			if got := d.impersonalPassive(k0, k1); got != tt.want {
				t.Errorf("impersonalPassive(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}
