package graph

// Citation points at the evidence for a fact: a span of one sentence of one
// article, the words that triggered the extraction, the extractor that made
// it and how confident it was.
//
// Offsets count Unicode code points from the start of the article text (as
// brat, spaCy and the W3C TextPositionSelector do), End exclusive.
type Citation struct {
	ArticleID     string
	SentenceIndex int    // 0-based index of the sentence in the article
	SentenceText  string // the sentence, so a citation can be shown without the article
	Start         int
	End           int
	Trigger       string  // the words that triggered the extraction
	Extractor     string  // which extractor (and rule) produced it
	Confidence    float64 // in [0, 1]
}

// Span is a stretch of article text, in code points, End exclusive.
type Span struct {
	Start int
	End   int
	Text  string
}
