package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// The name tagger's view of the extractor's tokens: CoNLL's tokenisation,
// and the document the name network reads at once.

// documentNames tags every sentence of the document at once when the
// tagger is the name network (which reads how the perceptron labelled a
// word elsewhere in the document); nil otherwise. Sentences without a name
// (hasName) get no spans but their words still count.
func (d *doc) documentNames() [][]ner.Span {
	nm := d.x.tagger.names
	if nm == nil {
		return nil
	}
	words := make([][]string, len(d.sents))
	maps := make([]*tokenMap, len(d.sents))
	tag := make([]bool, len(d.sents))
	for si, s := range d.sents {
		words[si], maps[si] = taggerTokens(d.words[s.T0:s.T1], func(i int) bool {
			return d.toks[s.T0+i-1].B1 == d.toks[s.T0+i].B0
		})
		tag[si] = d.hasName(s)
	}
	spans := nm.DocumentSpans(words, tag)
	for si := range spans {
		spans[si] = maps[si].spans(spans[si])
	}
	return spans
}

// tokenMap maps the tagger's tokens back onto the extractor's; nil when
// they are the same.
type tokenMap struct {
	lo, hi []int  // tagger token -> given tokens [lo, hi)
	clitic []bool // the tagger token is a contraction's ending
}

// taggerTokens returns tokens as the tagger reads them. The tagger learnt
// from CoNLL's tokens, where initials and abbreviations keep their period
// ("G.", "Calif.") and contractions are split ("is n't", "I 'm"), so the
// given tokens are joined and split that way for it. attached(i) reports
// whether token i touches token i-1; nil means "assume it does".
func taggerTokens(tokens []string, attached func(i int) bool) ([]string, *tokenMap) {
	retokenise := false
	for i := 0; i < len(tokens) && !retokenise; i++ {
		retokenise = i > 0 && i+1 < len(tokens) && tokens[i] == "." && abbreviationToken(tokens[i-1]) && (attached == nil || attached(i)) ||
			contractionAt(tokens[i]) > 0
	}
	if !retokenise {
		return tokens, nil
	}
	words := make([]string, 0, len(tokens)+2)
	m := &tokenMap{lo: make([]int, 0, len(tokens)+2), hi: make([]int, 0, len(tokens)+2), clitic: make([]bool, 0, len(tokens)+2)}
	add := func(w string, l, h int, c bool) {
		words, m.lo, m.hi, m.clitic = append(words, w), append(m.lo, l), append(m.hi, h), append(m.clitic, c)
	}
	for i := 0; i < len(tokens); i++ {
		if i+2 < len(tokens) && tokens[i+1] == "." && abbreviationToken(tokens[i]) && (attached == nil || attached(i+1)) {
			add(tokens[i]+".", i, i+2, false)
			i++
			continue
		}
		if k := contractionAt(tokens[i]); k > 0 {
			add(tokens[i][:k], i, i+1, false)
			add(tokens[i][k:], i, i+1, true)
			continue
		}
		add(tokens[i], i, i+1, false)
	}
	return words, m
}

// spans maps the tagger's spans back onto the given tokens; a span that
// holds only a contraction's ending is dropped.
func (m *tokenMap) spans(sp []ner.Span) []ner.Span {
	if m == nil {
		return sp
	}
	out := sp[:0]
	for _, x := range sp {
		if x.End-x.Start == 1 && m.clitic[x.Start] {
			continue
		}
		x.Start, x.End = m.lo[x.Start], m.hi[x.End-1]
		out = append(out, x)
	}
	return out
}

// contractionAt returns where a contraction's ending starts in w, as
// CoNLL splits it ("is|n't", "I|'m", "they|'ll"), or 0 when w is none.
// The possessive "'s" is split by the extractor's tokeniser already.
func contractionAt(w string) int {
	if len(w) < 3 || strings.IndexAny(w, "'’") < 0 {
		return 0
	}
	l := lowerASCII(w)
	for _, end := range []string{"n't", "n’t", "'m", "’m", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d"} {
		if strings.HasSuffix(l, end) && len(l) > len(end) {
			return len(w) - len(end)
		}
	}
	return 0
}

// abbreviationToken reports whether w takes a period in CoNLL-style
// tokens: an initial or a known abbreviation.
func abbreviationToken(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	return abbreviations[lowerASCII(w)]
}
