package extract

import "github.com/newsgraph/newsgraph/graph"

// The tagger labels contents that no claim or act ends up holding: their
// cue was tagged in another sentence, dropped by a check, or missed. Such
// a content still marks what someone is reported to have said, and on
// held-out PolNeAR train (every 5th article, the taggers trained on the
// rest) recording it alone, with no cue or source, raised the content
// overlap F1 of both models (docs/quality.md, "Session 12: PolNeAR
// acts"). It becomes an act only: the claims, and so the graph, do not
// change.

// leftoverContents records, as rejected attributions with a content only,
// the tagged contents of sentence si of at least minRestContent tokens
// (shorter ones are mostly stray words) that overlap no content a claim,
// an act or an earlier rejection holds.
func (d *doc) leftoverContents(si int, ts *attrSentence) {
	for _, cnt := range ts.contents {
		if cnt.used {
			continue
		}
		c0, c1 := d.trimContent(cnt.t0, cnt.t1)
		if c1-c0 < minRestContent || d.contentHeld(c0, c1) {
			continue
		}
		sp := d.span(c0, c1)
		ev := graph.ClaimEvidence{Citation: graph.Citation{ArticleID: d.art.ID, SentenceIndex: si, Start: sp.Start, End: sp.End}}
		// No cue or source to back: the content is kept as it is.
		d.rejected = append(d.rejected, rejectedAct{ev: ev, support: cueSupport{word: true}})
	}
}

// contentHeld reports whether a claim, an act or a rejected attribution
// holds a content overlapping tokens [c0, c1).
func (d *doc) contentHeld(c0, c1 int) bool {
	return d.attributionHolds(c0, c1, func(c graph.ClaimEvidence) graph.Span {
		return graph.Span{Start: c.Citation.Start, End: c.Citation.End}
	})
}
