package eval

import (
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// AttributionSentences turns PolNeAR articles into labelled sentences,
// tokenised and split as the extractor tokenises and splits (the extractor
// tags sentence by sentence), with Source, Cue and Content tokens labelled
// in the tagger's slots (ner.AttrSource, ...). Contents running over
// several sentences become one span per sentence; the extractor joins them.
func AttributionSentences(docs []AttributionDoc) []ner.Sentence {
	var out []ner.Sentence
	for di, d := range docs {
		// span id and type per code point
		n := len([]rune(d.Text))
		typ := make([]string, n)
		id := make([]int, n)
		next := 1
		// Contents first: an attribution nested inside another's content
		// keeps its own source and cue labels, written over the content.
		for _, part := range []struct{ name, label string }{{"Content", ner.AttrContent}, {"Source", ner.AttrSource}, {"Cue", ner.AttrCue}} {
			for _, e := range d.Spans[part.name] {
				frags := e.Parts
				if len(frags) == 0 {
					frags = [][2]int{{e.Start, e.End}}
				}
				for _, f := range frags {
					for r := f[0]; r < f[1] && r < n; r++ {
						typ[r], id[r] = part.label, next
					}
					next++
				}
			}
		}
		sents := extract.Tokenize(d.Text)
		open := extract.OpenQuotes(sents)
		for si, sent := range sents {
			s := ner.Sentence{Doc: di, OpenQuote: open[si]}
			prev := 0
			for _, t := range sent {
				s.Tokens = append(s.Tokens, t.Text)
				l := "O"
				// a token is labelled by the span holding its first code point
				if t.Start < n && typ[t.Start] != "" {
					p := "I-"
					if id[t.Start] != prev {
						p = "B-"
					}
					l = p + typ[t.Start]
					prev = id[t.Start]
				} else {
					prev = 0
				}
				s.Labels = append(s.Labels, l)
			}
			out = append(out, s)
		}
	}
	return out
}
