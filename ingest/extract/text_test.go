package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func tokenTexts(text string) []string {
	var out []string
	for _, t := range tokenize(text) {
		out = append(out, text[t.B0:t.B1])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"hyphenated acronym and possessive", "IS-K's ranks", []string{"IS-K", "'s", "ranks"}},
		{"curly possessive", "the Taliban’s agenda", []string{"the", "Taliban", "’s", "agenda"}},
		{"dotted acronym", "by the U.S., IS-K", []string{"by", "the", "U.S.", ",", "IS-K"}},
		{"capitals joined by an ampersand", "AT&T and S&P, Tom & Jerry, Johnson&son", []string{"AT&T", "and", "S&P", ",", "Tom", "&", "Jerry", ",", "Johnson", "&", "son"}},
		{"numbers", "£1,400 and 3.5%", []string{"£", "1,400", "and", "3.5", "%"}},
		{"apostrophe inside", "O'Brien didn't go", []string{"O'Brien", "didn't", "go"}},
		{"plural possessive", "the groups' leaders", []string{"the", "groups", "'", "leaders"}},
		{"quotes", "“No,” he said.", []string{"“", "No", ",", "”", "he", "said", "."}},
		{"al- prefix", "al-Qaeda fighters", []string{"al-Qaeda", "fighters"}},
		{"parenthesis", "Khorasan (IS-K)", []string{"Khorasan", "(", "IS-K", ")"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tokenTexts(tt.in)); diff != "" {
				t.Errorf("tokenize(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokenOffsetsAreCodePoints(t *testing.T) {
	tests := []struct {
		name, text, word string
		start, end       int
	}{
		{"ascii", "The Taliban said", "Taliban", 4, 11},
		{"accents before", "Élysée café: Macron spoke", "Macron", 13, 19},
		{"cjk before", "北京 and Beijing", "Beijing", 7, 14},
		{"emoji before", "🔥🔥 Kabul", "Kabul", 3, 8},
		{"arabic word", "the word داعش means Daesh", "داعش", 9, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.text)
			for _, tok := range tokenize(tt.text) {
				if tt.text[tok.B0:tok.B1] != tt.word {
					continue
				}
				if tok.R0 != tt.start || tok.R1 != tt.end {
					t.Errorf("%q at [%d,%d), want [%d,%d)", tt.word, tok.R0, tok.R1, tt.start, tt.end)
				}
				if got := string(runes[tok.R0:tok.R1]); got != tt.word {
					t.Errorf("code-point span gives %q", got)
				}
				return
			}
			t.Errorf("token %q not found in %q", tt.word, tokenTexts(tt.text))
		})
	}
}

func sentenceTexts(text string) []string {
	toks := tokenize(text)
	var out []string
	for _, s := range splitSentences(text, toks) {
		out = append(out, text[s.B0:s.B1])
	}
	return out
}

func TestSplitSentencesBoundsLength(t *testing.T) {
	text := strings.Repeat("word, ", 2000)
	for _, s := range splitSentences(text, tokenize(text)) {
		if n := s.T1 - s.T0; n > maxSentenceTokens {
			t.Fatalf("sentence of %d tokens, bound is %d", n, maxSentenceTokens)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"title abbreviation", "Dr. Okafor spoke. She left.", []string{"Dr. Okafor spoke.", "She left."}},
		{"initials", "J. K. Rowling wrote it. Then she rested.", []string{"J. K. Rowling wrote it.", "Then she rested."}},
		{"dotted acronym mid-sentence", "Strikes by the U.S. military hit it. Nobody died.", []string{"Strikes by the U.S. military hit it.", "Nobody died."}},
		{"dotted acronym ends sentence", "They met in the U.S. The talks failed.", []string{"They met in the U.S.", "The talks failed."}},
		{"dotted acronym before comma", "bombings by the U.S., IS-K survived.", []string{"bombings by the U.S., IS-K survived."}},
		{"heading line", "Clashes with the Taliban\n\nThe fighting went on.", []string{"Clashes with the Taliban", "The fighting went on."}},
		{"title then text on next line", "Rival militias clash\nFighters met at dawn.", []string{"Rival militias clash", "Fighters met at dawn."}},
		{"hard-wrapped line", "The fighting went on\nfor hours.", []string{"The fighting went on\nfor hours."}},
		{"closing quote stays", "He said: “We will win.” Then he left.", []string{"He said: “We will win.”", "Then he left."}},
		{"paragraph break", "First paragraph without stop\n\nSecond one.", []string{"First paragraph without stop", "Second one."}},
		{"month abbreviation", "It began on Jan. 5 in Kabul.", []string{"It began on Jan. 5 in Kabul."}},
		{"firm suffix ends sentence before a role modifier", "The group renamed itself Vexa Corp. Former chief Ann Lee quit.",
			[]string{"The group renamed itself Vexa Corp.", "Former chief Ann Lee quit."}},
		{"firm suffix ends sentence before a pronoun", "Shares rose at Vexa Ltd. It gained 5%.", []string{"Shares rose at Vexa Ltd.", "It gained 5%."}},
		{"firm suffix before a title in apposition", "Vexa Inc. Chief Executive Ann Lee spoke.", []string{"Vexa Inc. Chief Executive Ann Lee spoke."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.in)); diff != "" {
				t.Errorf("splitSentences(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
