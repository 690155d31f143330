package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestProposition(t *testing.T) {
	tests := []struct {
		name, sentence, content string
		want                    bool
	}{
		{"clause", "The minister said the road would reopen soon.", "the road would reopen soon", true},
		{"that complement", "The mayor warned that taxes will rise.", "that taxes will rise", true},
		{"whether", "Critics asked whether the plan can work.", "whether the plan can work", true},
		{"object and infinitive", "Unions urged the board to drop the cuts.", "the board to drop the cuts", true},
		{"past tense verb", "She said profits climbed sharply.", "profits climbed sharply", true},
		{"plural subject, bare verb", "Survey: most farmers expect a dry year", "most farmers expect a dry year", true},
		{"contraction", "He said they're ready.", "they're ready", true},
		{"interjection first", "She said: well, we think it works.", "well , we think it works", true},
		{"noun phrase", "The company announced a new plan for its stores.", "a new plan for its stores", false},
		{"criticised the deal", "The senator criticised the proposed merger of the two banks.", "the proposed merger of the two banks", false},
		{"noun with its own infinitive", "The banks have agreed plans to merge next year.", "plans to merge next year", false},
		{"quoted noun phrase", `The institute questioned the "long-term viability" of news.`, `the " long-term viability " of news`, false},
		{"possessive noun", "He denied the minister's claims of fraud.", "the minister 's claims of fraud", false},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(x, &graph.Article{ID: "art_t", Text: tt.sentence})
			words := strings.Fields(tt.content)
			c0 := -1
			for i := range d.words {
				if i+len(words) <= len(d.words) && strings.EqualFold(strings.Join(d.words[i:i+len(words)], " "), tt.content) {
					c0 = i
					break
				}
			}
			if c0 < 0 {
				t.Fatalf("no tokens %q in %q", tt.content, d.words)
			}
			if got := d.proposition(c0, c0+len(words), false); got != tt.want {
				t.Errorf("proposition(%q) = %v, want %v", tt.content, got, tt.want)
			}
		})
	}
}
