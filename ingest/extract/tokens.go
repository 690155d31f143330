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

// OpenQuotes reports, for each sentence of Tokenize's, whether it starts
// inside a quotation opened in an earlier sentence of its paragraph
// ("“A. B,” she said": B's sentence does), as the attribution tagger is
// told (ner.Model.QuotedSpans).
func OpenQuotes(sents [][]Token) []bool {
	out := make([]bool, len(sents))
	open := false
	for i, s := range sents {
		if len(s) > 0 && s[0].Newlines > 0 {
			open = false
		}
		out[i] = open
		for _, t := range s {
			open = quoteOpenAfter(open, t.Text, t.Newlines)
		}
	}
	return out
}

// quoteOpenAfter returns whether a quotation is open after the token w,
// preceded by newlines line breaks, given whether one was open before it.
// Curly and doubled marks open and close; a straight mark toggles. A line
// break ends a quotation: a quoted paragraph that goes on opens the next
// one with a mark of its own.
func quoteOpenAfter(open bool, w string, newlines int) bool {
	if newlines > 0 {
		open = false
	}
	switch w {
	case "“", "``":
		return true
	case "”", "''":
		return false
	case "\"":
		return !open
	}
	return open
}
