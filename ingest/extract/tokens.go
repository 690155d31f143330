package extract

// Token is one token of a text as the extractor splits it, with its span in
// code points (End exclusive).
type Token struct {
	Text       string
	Start, End int
	Attached   bool // no white space between this token and the one before
	Newlines   int  // line breaks in the white space before the token
}

// Tokenize splits text into sentences of tokens exactly as Extract does, so
// that models trained outside the package (cmd/nertrain) see the tokens
// they will be given.
func Tokenize(text string) [][]Token {
	toks := tokenize(text)
	sents := splitSentences(text, toks)
	out := make([][]Token, len(sents))
	for i, s := range sents {
		ts := make([]Token, 0, s.T1-s.T0)
		for k := s.T0; k < s.T1; k++ {
			t := toks[k]
			ts = append(ts, Token{Text: text[t.B0:t.B1], Start: t.R0, End: t.R1, Attached: k > 0 && toks[k-1].B1 == t.B0, Newlines: t.NL})
		}
		out[i] = ts
	}
	return out
}
