package extract

// A cue with no reporting word that the peer tagger merely overlaps is
// right too rarely to keep (docs/quality.md, "Session 11: tagger acts").
// When the peer labels the very same words as a cue, the two taggers,
// trained on different features, agree on its bounds as well: on held-out
// PolNeAR train (every 5th article, the taggers trained on the rest) such
// cues were exact about 4 times in 10, above the F1/2 (about 0.34) that
// adding spans needs to raise the cue score, while the merely overlapped
// ones were not (docs/quality.md, "Session 12: PolNeAR acts").

// peerSameCue reports whether the peer tagger labels a cue of sentence si
// spanning exactly tokens [k0, k1) once trimmed as the act's own cue is.
func (d *doc) peerSameCue(si, k0, k1 int) bool {
	p := d.peerTags(si)
	if p == nil {
		return false
	}
	for _, c := range p.cues {
		if c0, c1 := d.trimContent(c.t0, c.t1); c0 == k0 && c1 == k1 {
			return true
		}
	}
	return false
}
