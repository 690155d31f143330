package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Attributions the tagger finds whose cue is no speech or cognition act
// ("refused to", "voted for", "endorsed") are attributions as PolNeAR
// defines them, but no claims: the graph keeps only what someone said or
// thought. They are kept aside as acts, with no effect on the claims (they
// take part in no overlap check and resolve no later pronoun), so that
// attribution scoring sees what the extractor found.

// rejectAct records the attribution with content [c0, c1), cue [k0, k1)
// and source [s0, s1) that the claim rules turned down. c1 <= c0 records
// one whose content was not found, s1 <= s0 one with no source.
func (d *doc) rejectAct(si, c0, c1, k0, k1, s0, s1 int) {
	if k1 <= k0 {
		return
	}
	ev := graph.ClaimEvidence{Cue: d.span(k0, k1)}
	if s1 > s0 {
		ev.Source = d.span(d.withDeterminer(s0, s1), s1)
	}
	content := d.span(c0, c1)
	ev.Citation = graph.Citation{ArticleID: d.art.ID, SentenceIndex: si, Start: content.Start, End: content.End}
	d.rejected = append(d.rejected, rejectedAct{ev: ev, support: d.cueSupport(si, k0, k1)})
}

// rejectedAct is an attribution the claim rules turned down, with what
// backs its cue (taggedacts.go).
type rejectedAct struct {
	ev      graph.ClaimEvidence
	support cueSupport
}

// addRejectedActs appends to the acts the rejected attributions whose cue
// no claim or act holds, each without the parts nothing backs (cueSupport).
func (d *doc) addRejectedActs() {
	// Those with a content first: a cue found twice keeps its content.
	sort.SliceStable(d.rejected, func(i, j int) bool {
		a, b := d.rejected[i].ev.Citation, d.rejected[j].ev.Citation
		return a.End > a.Start && b.End <= b.Start
	})
	n := len(d.actClaims)
	var support []cueSupport
	for _, ra := range d.rejected {
		r := ra.ev
		taken := false
		for _, list := range [][]graph.ClaimEvidence{d.claims, d.actClaims} {
			for _, c := range list {
				if c.Cue.Start < r.Cue.End && r.Cue.Start < c.Cue.End {
					taken = true
					break
				}
			}
		}
		if !taken {
			d.actClaims = append(d.actClaims, r)
			support = append(support, ra.support)
		}
	}
	// Only now, with every cue compared, the unbacked parts go.
	for i, sup := range support {
		sup.trim(&d.actClaims[n+i])
	}
}

// rejectTagged records a tagged cue the claim rules turned down, with the
// tagged source nearest to it (left unused for the claims).
func (d *doc) rejectTagged(si, c0, c1 int, cue *attrSpan, ts *attrSentence) {
	k0, k1 := d.trimContent(cue.t0, cue.t1)
	s0, s1 := 0, 0
	if src := nearestSpan(ts.sources, cue); src != nil {
		s0, s1 = d.trimContent(src.t0, src.t1)
	}
	d.rejectAct(si, c0, c1, k0, k1, s0, s1)
}
