package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// widenSpans gives a claim the whole source phrase the attribution
// tagger marked around its speaker's name ("Dana Whitfield, a lecturer at
// the institute," rather than "Dana Whitfield") and the whole cue around
// its reporting word ("said in a statement", "has said"). Citations quote
// the source as the article wrote it, with the role that makes the speaker
// worth quoting, as PolNeAR marks sources; the speaker entities stay those
// the name resolved to. A tagged phrase is taken only when it holds the
// rule's span whole and stays clear of the claim's other parts.
func (d *doc) widenSpans() {
	for i := range d.claims {
		c := &d.claims[i]
		content := graph.Span{Start: c.Citation.Start, End: c.Citation.End}
		if w, ok := d.widerTagged(d.taggedSources, c.Source, c.Cue, outside(content, c.Source)); ok {
			c.Source = w
		}
		if w, ok := d.widerTagged(d.taggedCues, c.Cue, c.Source, outside(content, c.Cue)); ok {
			c.Cue, c.Citation.Trigger = w, w.Text
		}
	}
}

// widerTagged returns the tagged phrase that holds sp and more, trimmed of
// surrounding punctuation, when it overlaps none of the others. Tagged
// phrases come in text order and never overlap (one label per token), so
// only the last one starting at or before sp can hold it: a binary search
// keeps this linear in the claims of a long article.
func (d *doc) widerTagged(tagged []*attrSpan, sp graph.Span, others ...graph.Span) (graph.Span, bool) {
	if sp.End <= sp.Start {
		return sp, false
	}
	i := sort.Search(len(tagged), func(i int) bool { return d.toks[tagged[i].t0].R0 > sp.Start }) - 1
	if i < 0 {
		return sp, false
	}
	t0, t1 := d.trimContent(tagged[i].t0, tagged[i].t1)
	t0 = d.participleCue(t0, t1)
	if t1 <= t0 {
		return sp, false
	}
	wide := d.span(t0, t1)
	if wide.Start > sp.Start || wide.End < sp.End || wide.End-wide.Start == sp.End-sp.Start {
		return sp, false
	}
	for _, o := range others {
		if overlaps(wide.Start, wide.End, o.Start, o.End) {
			return sp, false
		}
	}
	return wide, true
}

// outside returns the content span to keep sp clear of, or an empty span
// when sp stands inside it: a content bounded across its own attribution
// (a quote and its continuation around "X said") has no words there.
func outside(content, sp graph.Span) graph.Span {
	if overlaps(content.Start, content.End, sp.Start, sp.End) {
		return graph.Span{}
	}
	return content
}

// overlaps reports whether [a0, a1) and [b0, b1) share a position.
func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }
