package extract

import (
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// The tagger labels more attributions than the claims and acts take up:
// a cue whose claim a later check dropped, or one the assembly passed
// over. Those leftovers become acts too (never claims: the graph's claims
// do not change), with the tagger's source and content nearest to the
// cue in its sentence.
//
// An act's parts are only as good as what backs its cue. On held-out
// PolNeAR train (every 5th article, scored by models trained on the
// rest) a tagged cue with no reporting word in it (cueLexicon,
// speechVerbs) was exact 1 time in 4 when the other tagger (the peer)
// also labelled it, and 1 in 10 or fewer when it did not; its source was
// right about half the time with the peer's backing and a fifth to a
// quarter without; its content overlapped a gold content more than half
// the time either way. So an act keeps its cue only when a reporting word
// is in it, its source when a reporting word or the peer backs it, and
// its content always (docs/quality.md, "Session 11: tagger acts"). A cue
// the peer labels word for word is kept too (peersame.go).
//
// Only the accurate models have a peer (the fast tagger, about a third
// more time): giving the fast models the accurate tagger as a peer would
// cost them what the accurate models cost.

// cueSupport says what backs an act's cue.
type cueSupport struct {
	word bool // the cue holds a reporting word
	peer bool // the peer tagger labels a cue over it too
	same bool // the peer labels this very cue, word for word (peersame.go)
}

// cueSupport reports what backs cue [k0, k1) of sentence si. The peer
// tagger is only asked when no reporting word settles it.
func (d *doc) cueSupport(si, k0, k1 int) cueSupport {
	for k := k0; k < k1; k++ {
		if d.reportingWord(k) {
			return cueSupport{word: true}
		}
	}
	return cueSupport{peer: d.peerAgrees(si, k0, k1), same: d.peerSameCue(si, k0, k1)}
}

// trim clears the parts of act a that s does not back.
func (s cueSupport) trim(a *graph.ClaimEvidence) {
	if !s.word && !s.same {
		a.Cue = graph.Span{}
	}
	if !s.word && !s.peer {
		a.Source = graph.Span{}
	}
}

// addTaggedActs records, as rejected attributions (acts.go), the tagger's
// cues that no claim, act or earlier rejection holds, when a reporting
// word or the peer tagger backs them; then, when the extractor has a peer,
// the peer's own cues no one holds that hold a reporting word: in the
// sentences the tagger ran on, the second tagger finds attributions the
// first missed; last, the tagger's contents that nothing holds, as acts
// with a content only (leftcontents.go).
func (d *doc) addTaggedActs() {
	for si := range d.tagged {
		d.leftoverActs(si, &d.tagged[si], false)
	}
	for si := range d.tagged {
		if p := d.peerTags(si); p != nil {
			d.leftoverActs(si, p, true)
		}
	}
	for si := range d.tagged {
		d.leftoverContents(si, &d.tagged[si])
	}
}

// leftoverActs records the cues of ts that no claim or act holds, with
// their nearest source and content in ts. A peer's cue needs a reporting
// word: its own agreement is no evidence.
func (d *doc) leftoverActs(si int, ts *attrSentence, peer bool) {
	for _, cue := range ts.cues {
		k0, k1 := d.trimContent(cue.t0, cue.t1)
		if k1 <= k0 || d.cueTaken(k0, k1) {
			continue
		}
		sup := d.cueSupport(si, k0, k1)
		if peer {
			sup.peer, sup.same = false, false
		}
		if !sup.word && !sup.peer {
			continue
		}
		ev := graph.ClaimEvidence{Cue: d.span(k0, k1)}
		// The source and content may be another attribution's too
		// ("X said A and denied B"): the nearest, used or not.
		if src := nearestAny(ts.sources, cue); src != nil {
			if s0, s1 := d.trimContent(src.t0, src.t1); s1 > s0 {
				ev.Source = d.span(d.withDeterminer(s0, s1), s1)
			}
		}
		ev.Citation = graph.Citation{ArticleID: d.art.ID, SentenceIndex: si}
		if cnt := nearestAny(ts.contents, cue); cnt != nil {
			if c0, c1 := d.trimContent(cnt.t0, cnt.t1); c1 > c0 {
				sp := d.span(c0, c1)
				ev.Citation.Start, ev.Citation.End = sp.Start, sp.End
			}
		}
		d.rejected = append(d.rejected, rejectedAct{ev: ev, support: sup})
	}
}

// cueTaken reports whether a claim, an act or a rejected attribution holds
// a cue overlapping tokens [k0, k1).
func (d *doc) cueTaken(k0, k1 int) bool {
	return d.attributionHolds(k0, k1, func(c graph.ClaimEvidence) graph.Span { return c.Cue })
}

// attributionHolds reports whether the part of a claim, an act or a
// rejected attribution that part picks overlaps tokens [t0, t1).
func (d *doc) attributionHolds(t0, t1 int, part func(graph.ClaimEvidence) graph.Span) bool {
	sp := d.span(t0, t1)
	over := func(c graph.ClaimEvidence) bool { p := part(c); return p.Start < sp.End && sp.Start < p.End }
	for _, list := range [][]graph.ClaimEvidence{d.claims, d.actClaims} {
		for _, c := range list {
			if over(c) {
				return true
			}
		}
	}
	for _, r := range d.rejected {
		if over(r.ev) {
			return true
		}
	}
	return false
}

// nearestAny returns the span closest to cue, used or not.
func nearestAny(spans []*attrSpan, cue *attrSpan) *attrSpan {
	var best *attrSpan
	bestGap := 1 << 30
	for _, s := range spans {
		gap := s.t0 - cue.t1
		if s.t1 <= cue.t0 {
			gap = cue.t0 - s.t1
		}
		if gap = max(gap, 0); gap < bestGap {
			best, bestGap = s, gap
		}
	}
	return best
}

// peerAgrees reports whether the peer tagger labels a cue overlapping
// tokens [k0, k1) of sentence si.
func (d *doc) peerAgrees(si, k0, k1 int) bool {
	p := d.peerTags(si)
	if p == nil {
		return false
	}
	for _, c := range p.cues {
		if c.t0 < k1 && k0 < c.t1 {
			return true
		}
	}
	return false
}

// peerTags returns the peer tagger's spans of sentence si, tagging it on
// first ask; nil without a peer or for a sentence the tagger did not run on.
func (d *doc) peerTags(si int) *attrSentence {
	m := d.x.attrPeer
	if m == nil || si >= len(d.tagged) || !d.tagged[si].ran {
		return nil
	}
	if d.peer == nil {
		d.peer = map[int]*attrSentence{}
	}
	if p, ok := d.peer[si]; ok {
		return p
	}
	s := d.sents[si]
	p := &attrSentence{ran: true}
	for _, sp := range m.QuotedSpans(d.words[s.T0:s.T1], d.tagged[si].quoted) {
		a := &attrSpan{t0: s.T0 + sp.Start, t1: s.T0 + sp.End}
		switch sp.Label {
		case ner.AttrSource:
			p.sources = append(p.sources, a)
		case ner.AttrCue:
			p.cues = append(p.cues, a)
		case ner.AttrContent:
			p.contents = append(p.contents, a)
		}
	}
	d.peer[si] = p
	return p
}
