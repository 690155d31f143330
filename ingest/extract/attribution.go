package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// The attribution tagger (ner.LoadAttribution, trained on PolNeAR) labels
// the source, cue and content tokens of each sentence; the rules below
// assemble them into claims. It runs after the quote and reported-speech
// rules and only adds attributions they did not find, so that the rules'
// precise spans stand where they apply.

// taggedClaimConfidence is below the rules': the tagger's cue precision on
// PolNeAR dev is about 0.7.
const taggedClaimConfidence = 0.6

// unlistedCueConfidence is for tagged cues without a known reporting word.
const unlistedCueConfidence = 0.3

var (
	defaultAttributor = &sharedModel[ner.Model]{load: ner.LoadAttribution}
	// The accurate extractor's tagger is the neural one, stacked on the
	// accurate perceptron (ner.LoadAttributionNeural).
	accurateAttributor = &sharedModel[ner.Neural]{load: ner.LoadAttributionNeural}
)

// attrSpan is a tagged span in document token positions.
type attrSpan struct {
	t0, t1 int
	used   bool
}

// attrSentence holds the tagged spans of one sentence.
type attrSentence struct {
	sources, cues, contents []*attrSpan
	quoted                  bool // the sentence starts inside a quotation
	ran                     bool // the tagger ran on the sentence
}

// tagSentences runs the attribution tagger over the sentences that may
// hold an attribution (cueHint) and the ones right after them.
func (d *doc) tagSentences() {
	m := d.x.attributor
	if m == nil {
		return
	}
	tagged := make([]attrSentence, len(d.sents))
	prevHint, open := false, false
	for si, s := range d.sents {
		hint := d.cueHint(s)
		// The sentence after one with a cue may carry on its content.
		run := hint || prevHint && d.toks[s.T0].NL < 2
		prevHint = hint
		quoted := open && d.toks[s.T0].NL == 0
		for k := s.T0; k < s.T1; k++ {
			open = quoteOpenAfter(open, d.words[k], d.toks[k].NL)
		}
		if d.heading[si] || !run {
			continue
		}
		tagged[si].quoted, tagged[si].ran = quoted, true
		for _, sp := range m.QuotedSpans(d.words[s.T0:s.T1], quoted) {
			a := &attrSpan{t0: s.T0 + sp.Start, t1: s.T0 + sp.End}
			switch sp.Label {
			case ner.AttrSource:
				tagged[si].sources = append(tagged[si].sources, a)
				d.taggedSources = append(d.taggedSources, a)
			case ner.AttrCue:
				tagged[si].cues = append(tagged[si].cues, a)
				d.taggedCues = append(d.taggedCues, a)
			case ner.AttrContent:
				tagged[si].contents = append(tagged[si].contents, a)
			}
		}
	}
	d.tagged = tagged
}

// findTaggedClaims adds the attributions the rules missed from the
// tagger's spans.
func (d *doc) findTaggedClaims() {
	tagged := d.tagged
	for si := range tagged {
		ts := &tagged[si]
		var made []madeClaim
		for _, cue := range ts.cues {
			if d.claimAt(cue.t0, cue.t1) {
				continue
			}
			content := nearestSpan(ts.contents, cue)
			if content == nil {
				content = d.neighbourContent(tagged, si)
			}
			if content == nil {
				content = d.restOfSentence(si, cue)
			}
			if content == nil {
				d.rejectTagged(si, 0, 0, cue, ts)
				continue
			}
			c0, c1 := d.trimContent(content.t0, content.t1)
			// A content running to the end of its sentence may go on in
			// the next ones, when they hold content and no cue of their own.
			for sj := si + 1; sj < len(tagged) && c1 >= d.sents[sj-1].T1-2 && len(tagged[sj].cues) == 0 && d.quotedRun(c0, c1); sj++ {
				cs := tagged[sj].contents
				if len(cs) == 0 || cs[0].used || cs[0].t0 > d.sents[sj].T0+1 || d.toks[d.sents[sj].T0].NL > 1 || d.speechOutsideQuotes(sj) {
					break // "... The minister hit back by saying ...": another speaker
				}
				cs[0].used = true
				_, c1 = d.trimContent(c0, cs[0].t1)
			}
			c1 = d.secondAttribution(c0, d.dashAsideEnd(si, d.subordinateTail(si, c0, d.clauseTail(si, c0, c1))))
			if k, _ := d.trimContent(cue.t0, cue.t1); c1 <= k {
				if n0 := d.clauseBeforeCue(si, c0, c1, k); n0 < c0 && !d.contentTaken(n0, c1) && !cueWithin(ts.cues, n0, c0) {
					c0 = n0 // "Prices - which rose - fell, he said": the whole clause
				}
			}
			if c1-c0 < 2 || d.contentTaken(c0, c1) {
				d.rejectTagged(si, 0, 0, cue, ts)
				continue
			}
			content.used = true
			k0, k1 := d.trimContent(cue.t0, cue.t1)
			k0 = d.coordinatedCue(k0, k1)
			if d.quoteInside(k0, k1) {
				continue // a cue across a quotation ('should "invest" in') is a mislabel
			}
			if k1 <= k0 || k1-k0 == 1 && violenceVerbs[d.lower[k0]] && !isQuoteToken(d.words[c0-1]) && d.lower[c0] != "that" {
				d.rejectTagged(si, c0, c1, cue, ts)
				continue // "the group attacked the army" is an event, not speech
			}
			participle := -1
			if c0 >= k1 && c0 <= k1+1 && k1-k0 == 1 && strings.HasSuffix(d.lower[k0], "ed") && !speechVerbs[d.lower[k0]] && k0 > 0 && !anaphors[d.lower[k0-1]] && speechVerbs[d.lower[c0]] && c1-c0 > 3 {
				// "half of those questioned said they ...": the participle
				// describes the speakers; the verb after it is the cue.
				participle, k0, k1 = k0, c0, c0+1
				c0, c1 = d.trimContent(c0+1, c1)
			}
			var nested *speaker
			if qs, q0, q1, ok := d.quotedAsSaying(k0, k1); ok {
				// "“...,” the newspaper quoted X as saying": X speaks what
				// stands before the outer source.
				end := k0
				if src := nearestSpan(ts.sources, cue); src != nil && src.t1 <= k0 {
					src.used, end = true, src.t0
				}
				if n0, n1 := d.trimContent(d.sents[si].T0, end); n1-n0 >= 2 {
					c0, c1, k0, k1, nested = n0, n1, q0, q1, qs
					for _, o := range ts.contents {
						if o.t0 < q1 && k0 <= o.t1 {
							o.used = true
						}
					}
				}
			}
			conf := taggedClaimConfidence
			if !d.reportingCue(k0, k1, c0, c1) {
				conf = unlistedCueConfidence // "has fought the government": rarely speech
			}
			spk := nested
			if src := nearestSpan(ts.sources, cue); spk == nil && src != nil && d.subjectOfContent(src, k1, c0) {
				// "X, an economist, said [the report] was weak": the
				// "source" after the cue is the content's subject.
				src.used = true
				c0 = src.t0
			} else if spk == nil && src != nil {
				src.used = true
				if s0, s1 := d.trimContent(src.t0, src.t1); s1 > s0 {
					s0, s1 = d.wholeMentions(s0, s1)
					spk = d.sourceSpeaker(s0, s1)
				}
			}
			if spk == nil {
				spk = d.speakerBefore(k0)
			}
			if participle >= 0 && spk.t1 == participle {
				spk.t1 = participle + 1 // "those questioned"
			}
			if spk.t1 <= spk.t0 && c1 <= k0 {
				spk = d.speakerAfter(k1, spk) // "..., said Microsoft"
			}
			if spk.t1 <= spk.t0 && c0 == k1 && k0-d.sents[si].T0 < 4 {
				// "But, said Mr Hale, the plan is sound": the name after
				// the cue speaks; the content follows its comma.
				none := &speaker{factor: 1}
				if a := d.speakerAfter(k1, none); a != none && a.t0 == k1 && a.t1 < c1 && d.words[a.t1] == "," {
					if n0, n1 := d.trimContent(a.t1+1, c1); n1-n0 >= 3 && !relativeWords[d.lower[n0]] {
						spk, c0 = a, n0
					}
				}
			}
			if spk.t1 <= spk.t0 {
				if is, n0, n1, ok := d.invertedContent(si, c0, k0, k1); ok {
					spk, c0, c1 = is, n0, n1 // "..., said Mr Pollmann."
				}
			}
			if spk.t1 <= spk.t0 && k0 > d.sents[si].T0 && d.words[k0-1] == "," && strings.HasSuffix(d.lower[k0], "ing") {
				if n := d.nounSubject(d.sents[si].T0, k0-1); n != nil {
					spk = n // "The council rejected the plan, saying ...": the council speaks
				}
			}
			if spk.t1-spk.t0 <= 2 && noSpeaker[strings.ToLower(d.span(spk.t0, spk.t1).Text)] {
				d.rejectAct(si, c0, c1, k0, k1, spk.t0, spk.t1)
				continue // "no one knows how": nobody is said to say anything
			}
			if spk.t1 <= spk.t0 && k0 == d.sents[si].T0 && strings.HasSuffix(d.lower[k0], "ing") {
				d.rejectAct(si, c0, c1, k0, k1, 0, 0)
				continue // "Adding extras will raise the price": a gerund subject, no speech
			}
			if conf > unlistedCueConfidence && d.showCue(k0, k1) && !d.recordSource(spk) {
				conf = unlistedCueConfidence // "the striker showed his class": a demonstration, not speech (evidential.go)
			}
			verbatim := c0 > 0 && isQuoteToken(d.words[c0-1])
			// The span keeps "that" as PolNeAR does; the claim text drops it.
			n := len(d.claims)
			d.addClaim(si, c0, c1, k0, k1, spk, verbatim, "tagger", conf)
			if len(d.claims) > n {
				made = append(made, madeClaim{idx: n, c0: c0, c1: c1, k0: k0})
			}
		}
		d.joinFragments(ts, made)
		d.orphanContents(si, ts)
	}
}

// orphanCueConfidence is for claims whose cue the tagger missed: a
// reporting word right next to a tagged content.
const orphanCueConfidence = 0.4

// orphanContents makes claims of the contents the tagger labelled without
// a cue, when a reporting word (cueLexicon) stands right before the content
// ("X said [that] ...") or right after it ("..., X said"), at most
// orphanCueReach tokens away within the sentence.
func (d *doc) orphanContents(si int, ts *attrSentence) {
	s := d.sents[si]
	for _, o := range ts.contents {
		if o.used {
			continue
		}
		c0, c1 := d.trimContent(o.t0, o.t1)
		if c1-c0 < minRestContent || d.contentTaken(c0, c1) {
			continue
		}
		k := -1
		for j := c0 - 1; j >= s.T0 && j >= c0-orphanCueReach; j-- {
			if d.reportingWord(j) {
				k = j
				break
			}
		}
		if k < 0 {
			for j := c1; j < s.T1 && j < c1+orphanCueReach; j++ {
				if d.reportingWord(j) {
					k = j
					break
				}
			}
		}
		if k < 0 || d.claimAt(k, k+1) {
			continue
		}
		o.used = true
		var spk *speaker
		if src := nearestSpan(ts.sources, &attrSpan{t0: k, t1: k + 1}); src != nil {
			src.used = true
			if s0, s1 := d.trimContent(src.t0, src.t1); s1 > s0 {
				s0, s1 = d.wholeMentions(s0, s1)
				spk = d.sourceSpeaker(s0, s1)
			}
		}
		if spk == nil {
			spk = d.speakerBefore(k)
		}
		if spk.t1 <= spk.t0 && c1 <= k {
			spk = d.speakerAfter(k+1, spk)
		}
		verbatim := c0 > 0 && isQuoteToken(d.words[c0-1])
		d.addClaim(si, c0, c1, k, k+1, spk, verbatim, "tagger", orphanCueConfidence)
	}
}

const orphanCueReach = 3

// reportingWord reports whether token t is a reporting word: one of the
// training cues' words or a speech verb; not a violence verb.
func (d *doc) reportingWord(t int) bool {
	w := d.lower[t]
	return (cueLexicon[w] || cueWords[w] || speechVerbs[w]) && !violenceVerbs[w]
}

// madeClaim is a claim the tagger made in the current sentence.
type madeClaim struct {
	idx        int // in d.claims
	c0, c1, k0 int
}

// joinFragments gives a claim the second piece of a content split by its
// attribution ("The talks, he said, have stalled"): an unused content on
// the other side of the claim's cue. The content span then runs from the
// first piece to the second, as PolNeAR bounds a discontinuous content;
// the claim text leaves the attribution out.
func (d *doc) joinFragments(ts *attrSentence, made []madeClaim) {
	for _, o := range ts.contents {
		if o.used {
			continue
		}
		o0, o1 := d.trimContent(o.t0, o.t1)
		if o1-o0 < 2 {
			continue
		}
		for k := range made {
			mc := &made[k]
			before := mc.c1 <= mc.k0 && o0 > mc.k0 // content, cue, piece
			after := mc.c0 > mc.k0 && o1 <= mc.k0  // piece, cue, content
			if !before && !after {
				continue
			}
			if before && d.conjunctionIn(mc.k0, o0) || after && d.conjunctionIn(o1, mc.k0) {
				continue // "A expect X, but many think Y": two clauses, not one content split
			}
			if after && d.onlyPunctuation(o1, mc.k0) {
				// "The firm, which ..., said it ...": the piece is the
				// cue's subject, and speaks when the claim has no source.
				o.used = true
				d.subjectPiece(&d.claims[mc.idx], o0, o1)
				break
			}
			o.used = true
			c := &d.claims[mc.idx]
			first, second := d.span(mc.c0, mc.c1).Text, d.span(o0, o1).Text
			if after {
				first, second = second, first
			}
			c.Text = claimText(first+" "+second, c.Verbatim)
			c.ClaimID = graph.ClaimID(graph.NormalizeClaim(c.Text))
			mc.c0, mc.c1 = min(mc.c0, o0), max(mc.c1, o1)
			sp := d.span(mc.c0, mc.c1)
			c.Citation.Start, c.Citation.End = sp.Start, sp.End
			break
		}
	}
}

// neighbourContent finds the content of a cue whose sentence holds none:
// the last content of the sentence before when it runs to that sentence's
// end ("“...” \n He said."), or else the first content of the sentence
// after when it opens it ("He said: \n “...”"), within one paragraph.
func (d *doc) neighbourContent(tagged []attrSentence, si int) *attrSpan {
	if si > 0 && d.toks[d.sents[si].T0].NL < 2 {
		cs := tagged[si-1].contents
		if n := len(cs); n > 0 && !cs[n-1].used && cs[n-1].t1 >= d.sents[si-1].T1-2 {
			return cs[n-1]
		}
	}
	if si+1 < len(tagged) && d.toks[d.sents[si+1].T0].NL < 2 && len(tagged[si+1].cues) == 0 {
		cs := tagged[si+1].contents
		if len(cs) > 0 && !cs[0].used && cs[0].t0 <= d.sents[si+1].T0+1 {
			return cs[0]
		}
	}
	return nil
}

// restOfSentence is the content of a cue the tagger gave none: the words
// after the cue to the end of its sentence ("X said the talks had
// stalled"), when there are at least minRestContent of them and the cue is
// short and ends in a reporting word (not "is active in ... and recruits").
func (d *doc) restOfSentence(si int, cue *attrSpan) *attrSpan {
	if cue.t1-cue.t0 > 3 || !d.reportingWord(cue.t1-1) {
		return nil
	}
	c0, c1 := d.trimContent(cue.t1, d.sents[si].T1)
	if c1-c0 < minRestContent {
		return nil
	}
	return &attrSpan{t0: c0, t1: c1}
}

const minRestContent = 3

// nearestSpan returns the unused span closest to cue, by tokens between them.
func nearestSpan(spans []*attrSpan, cue *attrSpan) *attrSpan {
	var best *attrSpan
	bestGap := 1 << 30
	for _, s := range spans {
		if s.used {
			continue
		}
		gap := s.t0 - cue.t1
		if s.t1 <= cue.t0 {
			gap = cue.t0 - s.t1
		}
		if gap < 0 {
			gap = 0
		}
		if gap < bestGap {
			best, bestGap = s, gap
		}
	}
	return best
}

// claimAt reports whether a claim found earlier has its cue in [t0, t1).
func (d *doc) claimAt(t0, t1 int) bool {
	sp := d.span(t0, t1)
	for _, c := range d.claims {
		if c.Cue.Start < sp.End && sp.Start < c.Cue.End {
			return true
		}
	}
	return false
}

// contentTaken reports whether a claim found earlier overlaps [c0, c1).
func (d *doc) contentTaken(c0, c1 int) bool {
	sp := d.span(c0, c1)
	for _, c := range d.claims {
		if c.Citation.Start < sp.End && sp.Start < c.Citation.End {
			return true
		}
	}
	return false
}

func isQuoteToken(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// cueHint reports whether a sentence may hold an attribution cue: a word
// of the training cues (cueWords, cueLexicon), a speech verb, "according",
// a quotation mark or a colon. Tagging only such sentences (and the ones
// right after them) keeps the extractor fast.
func (d *doc) cueHint(s sentence) bool {
	for i := s.T0; i < s.T1; i++ {
		w := d.lower[i]
		if speechVerbs[w] || w == "according" || w == ":" || isQuoteToken(w) {
			return true
		}
		if cueWords[w] || cueLexicon[w] {
			return true
		}
	}
	return false
}

// violenceVerbs are cues in political news ("X attacked Y's plan") but
// events in conflict news; as a bare cue they do not make a claim.
var violenceVerbs = setOf("attacked", "attacks", "attack", "struck", "hit", "targeted", "bombed", "killed",
	"fired", "shelled", "raided", "ambushed", "stormed", "assaulted", "blasted", "slammed")

// quotedRun reports whether content [c0, c1) may go on into the next
// sentence: when it is inside quotation marks (a quotation runs over
// sentences), not when it is reported speech ("X said the club was ready.
// The club sold ...": the next sentence is the writer's).
func (d *doc) quotedRun(c0, c1 int) bool {
	for t := max(c0-1, 0); t < c1; t++ {
		if isQuoteToken(d.words[t]) {
			return true
		}
	}
	return false
}

// participleCue returns where cue [k0, k1) starts when the tagger ran it
// over an act and the participle that reports ("opened the bridge,
// saying"): at the participle after the comma. The act is the main
// clause; the participle is the attribution.
func (d *doc) participleCue(k0, k1 int) int {
	for j := k0 + 1; j+1 < k1; j++ {
		if d.words[j] == "," && strings.HasSuffix(d.lower[j+1], "ing") && d.reportingWord(j+1) {
			return j + 1
		}
	}
	return k0
}

// noSpeaker are the subjects that deny there is a speaker.
var noSpeaker = setOf("no one", "nobody", "no-one", "none")

// cueWithin reports whether a tagged cue starts in tokens [t0, t1).
func cueWithin(cues []*attrSpan, t0, t1 int) bool {
	for _, q := range cues {
		if q.t0 >= t0 && q.t0 < t1 {
			return true
		}
	}
	return false
}
