package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Confidence factors for speakers found indirectly.
const (
	groupSpeakerFactor   = 0.6 // "the experts" the article names no one for
	pronounSpeakerFactor = 0.8 // "he said" resolved to the last person named
	// resolvedGroupFactor is for "the experts" resolved to the experts the
	// article named: an anaphor resolved as a pronoun is, by the roles
	// the article gave them, so it is trusted as a pronoun is.
	resolvedGroupFactor = pronounSpeakerFactor
	quoteConfidence     = 0.85
	groupSpeakerWindow  = 40 // sentences a group speaker looks back for the people it stands for
)

// speaker is who an attribution names: its text span and the entities it
// resolves to.
type speaker struct {
	t0, t1 int
	ents   []*entity
	factor float64
}

// findClaims finds direct quotes, the attributions the PolNeAR-trained
// tagger labels, and, in sentences where it found none, reported speech
// and "according to" by rule. The tagger's claims win overlaps: its spans
// follow the PolNeAR conventions; reported speech overlapping a quote is
// dropped.
func (d *doc) findClaims() {
	at := d.mentionIndex()
	d.tagSentences()
	d.seedTaggedSpeakers()
	d.findQuotes(at)
	quotes := d.claims
	d.claims = nil
	d.findTaggedClaims()
	tagged := d.claims
	hasTagged := make(map[int]bool, len(tagged))
	for _, c := range tagged {
		hasTagged[c.Citation.SentenceIndex] = true
	}
	d.claims = quotes
	quoted := len(d.claims)
	var pairs bytePairs
	for si := range d.sents {
		low := strings.ToLower(d.sentenceText(si))
		if hasTagged[si] && !strings.Contains(low, "according to") {
			continue // the tagger's attribution stands; the rules would only be dropped
		}
		if pairs.set(low); !claimKeys(low, &pairs) {
			continue
		}
		a := d.abstractOf(si)
		var taken [][2]int
		for pi := range compiledClaims {
			p := &compiledClaims[pi]
			m := p.re.findIn(a)
			if m == nil {
				continue
			}
			d.claimMatch(si, a, p, m, at, &taken, quoted)
		}
	}
	// Attributed quotes and "according to" are precise constructions: their
	// rules win. Elsewhere the tagger's spans, which follow PolNeAR's
	// conventions, win, and the other rules fill in where it found nothing.
	rules := d.claims
	d.claims = nil
	for _, c := range rules {
		if preciseRule(c.Citation.Extractor) {
			d.claims = append(d.claims, c)
		}
	}
	for _, group := range [][]graph.ClaimEvidence{tagged, rules} {
		for _, c := range group {
			if !preciseRule(c.Citation.Extractor) && !d.overlapsClaim(c) {
				d.claims = append(d.claims, c)
			}
		}
	}
	d.findHeadlineClaims()
	d.widenSpans()
	sort.SliceStable(d.claims, func(i, j int) bool {
		x, y := d.claims[i].Citation, d.claims[j].Citation
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return d.claims[i].Cue.Start < d.claims[j].Cue.Start
	})
	d.capSubjectless()
	d.splitActs()
	d.addTaggedActs()
	d.addRejectedActs()
}

// mentionIndex maps the first token of each mention, and of its role
// phrase, to the mention.
func (d *doc) mentionIndex() map[int]*mention {
	at := make(map[int]*mention, 2*len(d.mentions))
	for _, m := range d.mentions {
		if _, ok := at[m.T0]; !ok {
			at[m.T0] = m
		}
		if _, ok := at[m.RoleT0]; !ok {
			at[m.RoleT0] = m
		}
	}
	return at
}

func (d *doc) claimMatch(si int, a *abstract, p *compiledClaim, m []int, at map[int]*mention, taken *[][2]int, quoted int) {
	group := func(name string) (int, int) {
		i := p.re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return -1, -1
		}
		return m[2*i], m[2*i+1]
	}
	cb0, cb1 := group("content")
	kb0, kb1 := group("c")
	if cb0 < 0 || kb0 < 0 {
		return
	}
	c0, c1 := a.tokens(cb0, cb1)
	c0, c1 = d.trimContent(c0, c1)
	c1 = d.secondAttribution(c0, c1)
	if p.name == "reported-bare" {
		for c0 < c1 && timeWords[d.lower[c0]] {
			c0++
		}
		if c0 >= c1 || notClauseStart[d.lower[c0]] || !d.clauseFollows(c0, c1) {
			return
		}
	}
	if p.name == "according-initial" {
		// "According to X, chief economist at Y, prices will fall": the
		// speaker's apposition is no part of what was said.
		c0, c1 = d.trimContent(d.pastApposition(c0, c1), c1)
		if c0 < c1 && relativeWords[d.lower[c0]] {
			return // "..., according to X, director of Y, which ...": a relative clause on the speaker, no content
		}
	}
	text := d.span(c0, c1).Text
	if rb0, rb1 := group("rest"); rb0 >= 0 {
		// "X, according to Y, Z": the content spans X to Z; its text leaves
		// the attribution out.
		r0, r1 := a.tokens(rb0, rb1)
		r0, r1 = d.trimContent(d.pastApposition(r0, r1), r1)
		if r1 > r0 {
			text += " " + d.span(r0, r1).Text
			c1 = r1
		}
	}
	if c1-c0 < 3 {
		return
	}
	for _, t := range *taken {
		if c0 < t[1] && t[0] < c1 {
			return
		}
	}
	for _, q := range d.claims[:quoted] {
		if sp := d.span(c0, c1); sp.Start < q.Citation.End && q.Citation.Start < sp.End {
			return
		}
	}
	k0, k1 := a.tokens(kb0, kb1)
	var spk *speaker
	if b0, b1 := group("s"); b0 >= 0 {
		s := a.slotAt(b0, b1)
		if s == nil {
			return
		}
		spk = d.slotSpeaker(s)
	} else if b0, b1 := group("g"); b0 >= 0 {
		t0, t1 := a.tokens(b0, b1)
		spk = d.groupSpeaker(t0, t1, t1-1)
	} else if b0, b1 := group("pr"); b0 >= 0 {
		t0, _ := a.tokens(b0, b1)
		spk = d.pronounSpeaker(t0)
	}
	if spk == nil {
		return
	}
	*taken = append(*taken, [2]int{c0, c1})
	d.addClaimText(si, c0, c1, text, k0, k1, spk, false, p.name, p.conf)
}

// clauseFollows reports whether tokens [c0, c1) look like a clause: a
// finite verb within the first few words ("the plan is", "Clinton once
// described", "parents still want").
func (d *doc) clauseFollows(c0, c1 int) bool {
	for k := c0; k < c1 && k < c0+8; k++ {
		w := d.lower[k]
		if finiteVerbs[w] || len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) && k > c0 {
			return true
		}
	}
	return false
}

// pastApposition skips the apposition that may open the rest of an
// "according to" content: in "X, according to Y, chief economist at Z,
// will fall" the rest is "will fall", not the speaker's role. An
// apposition is a phrase up to a comma that holds a role noun and no
// finite verb.
func (d *doc) pastApposition(r0, r1 int) int {
	role := false
	for t := r0; t < r1 && t < r0+appositionReach; t++ {
		if d.words[t] == "," {
			if role && t+1 < r1 {
				return t + 1
			}
			return r0
		}
		if finiteVerbs[d.lower[t]] || clauseVerbs[d.lower[t]] {
			return r0
		}
		role = role || isRoleNoun(d.lower[t])
	}
	return r0
}

// finiteVerbs are common auxiliaries and verbs that mark a clause.
var finiteVerbs = setOf("is", "are", "was", "were", "will", "would", "could", "can", "should", "must", "may",
	"might", "has", "have", "had", "did", "does", "do", "shall", "won't", "can't", "didn't", "doesn't", "isn't",
	"wasn't", "aren't", "weren't", "want", "need", "think", "believe", "know", "feel", "hope", "plan", "expect")

// attributionInside returns where content [c0, c1) ends once its own cue
// [k0, k1) and source, standing inside it at its end, are cut off: the
// tagger sometimes takes a whole inverted sentence ("X was right, said
// Ann Lee, the mayor") for content. c1 when they are not inside it.
func (d *doc) attributionInside(c0, c1, k0, k1 int, spk *speaker) int {
	if spk.t1 <= spk.t0 || k0 <= c0 || k0 >= c1 || spk.t0 <= c0 || spk.t0 >= c1 {
		return c1
	}
	start, end := min(k0, spk.t0), max(k1, spk.t1)
	if _, e := d.trimContent(end, c1); e > end {
		return c1 // words of the content follow the attribution: "X, said Ann Lee, was right"
	}
	if n0, n1 := d.trimContent(c0, start); n0 == c0 && n1-n0 >= 2 {
		return n1
	}
	return c1
}

// trimContent drops punctuation and quotes at the ends of a content span.
func (d *doc) trimContent(c0, c1 int) (int, int) {
	for c0 < c1 && isTrimmable(d.words[c0]) {
		c0++
	}
	for c1 > c0 && isTrimmable(d.words[c1-1]) {
		c1--
	}
	return c0, c1
}

func isTrimmable(w string) bool {
	switch w {
	case ",", ".", ":", ";", "\"", "“", "”", "'", "‘", "’", "-", "—", "–", "''", "``":
		return true
	}
	return false
}

// inQuote reports whether token t lies inside quotation marks.
func (d *doc) inQuote(t int) bool {
	i := sort.Search(len(d.quoted), func(i int) bool { return d.quoted[i][1] > t })
	return i < len(d.quoted) && d.quoted[i][0] < t
}

// withDeterminer widens a source span starting at t0 to the article right
// before it: PolNeAR marks the whole noun phrase ("the Daily News").
func (d *doc) withDeterminer(t0, t1 int) int {
	if t1 > t0 && t0 > 0 && d.toks[t0].NL == 0 {
		switch d.lower[t0-1] {
		case "the", "a", "an":
			return t0 - 1
		}
	}
	return t0
}

// addClaim records one attribution.
func (d *doc) addClaim(si, c0, c1, k0, k1 int, spk *speaker, verbatim bool, rule string, conf float64) {
	d.addClaimText(si, c0, c1, d.span(c0, c1).Text, k0, k1, spk, verbatim, rule, conf)
}

// appendAbout adds to ev the entities mentioned inside tokens [c0, c1)
// that are neither its speakers nor already there.
func (d *doc) appendAbout(ev *graph.ClaimEvidence, c0, c1 int) {
	seen := map[string]bool{}
	for _, id := range ev.SpeakerIDs {
		seen[id] = true
	}
	for _, id := range ev.AboutIDs {
		seen[id] = true
	}
	first := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].T0 >= c0 })
	for _, m := range d.mentions[first:] {
		if m.T0 >= c1 {
			break
		}
		if m.T1 > c1 {
			continue
		}
		for _, e := range []*entity{m.Ent, m.Other} {
			if e != nil && !seen[e.ID] {
				seen[e.ID] = true
				ev.AboutIDs = append(ev.AboutIDs, e.ID)
			}
		}
	}
}

// addClaimText records one attribution whose content text is given.
func (d *doc) addClaimText(si, c0, c1 int, text string, k0, k1 int, spk *speaker, verbatim bool, rule string, conf float64) {
	k0 = d.participleCue(k0, k1)
	if !d.speechCue(k0, k1) || d.actNotSpeech(k0, k1, c0, c1) {
		if rule == "tagger" {
			d.rejectAct(si, c0, c1, k0, k1, spk.t0, spk.t1)
		}
		return // an act in the world, not a statement: no claim
	}
	spk = d.contentPronounSpeaker(spk, c0, c1)
	if n1 := d.attributionInside(c0, c1, k0, k1, spk); n1 != c1 {
		if text == d.span(c0, c1).Text {
			text = d.span(c0, n1).Text
		}
		c1 = n1 // "X was right, said Ann Lee": the attribution is no part of what was said
	}
	if c0 >= k1 {
		if n1 := d.runOnEnd(c0, c1); n1 != c1 {
			if text == d.span(c0, c1).Text {
				text = d.span(c0, n1).Text
			}
			c1 = n1 // the writer's words after what was said
		}
	}
	if n0 := d.afterSemicolon(c0, c1, spk.t0, k1); n0 != c0 {
		text, c0 = d.span(n0, c1).Text, n0 // "X claims A; Y says B": A is X's, not Y's
	}
	if n1 := d.danglingTail(c0, c1); n1 != c1 {
		if text == d.span(c0, c1).Text {
			text = d.span(c0, n1).Text
		}
		c1 = n1 // "... was one of the leaders but his lawyer": the next clause is another's
	}
	if n0, n1 := d.quoteAfterAddressee(k0, k1, c0, c1); n1 != c1 {
		text, c0, c1 = d.span(n0, n1).Text, n0, n1 // `said to reporters: "..."`: the tagger stopped at the colon
	}
	if n0 := d.skipAddressee(k0, k1, c0, c1); n0 != c0 {
		if text == d.span(c0, c1).Text {
			text = d.span(n0, c1).Text
		}
		c0 = n0 // "told the Post the plant would close": whom, not what
	}
	content := d.span(c0, c1)
	text = claimText(text, verbatim)
	ev := graph.ClaimEvidence{
		ClaimID:  graph.ClaimID(graph.NormalizeClaim(text)),
		Text:     text,
		Verbatim: verbatim,
		Source:   d.span(d.withDeterminer(spk.t0, spk.t1), spk.t1),
		Cue:      d.span(k0, k1),
	}
	if ev.ClaimID == graph.ClaimID("") {
		return
	}
	speakers := map[*entity]bool{}
	for _, e := range spk.ents {
		if !speakers[e] {
			speakers[e] = true
			ev.SpeakerIDs = append(ev.SpeakerIDs, e.ID)
		}
	}
	d.appendAbout(&ev, c0, c1)
	if len(ev.SpeakerIDs) == 0 {
		conf *= unnamedFactor(ev.Source.Text)
	}

	if len(spk.ents) == 1 && spk.ents[0].Kind == graph.Person {
		d.speakers[si] = append(d.speakers[si], spoken{cue: k0, ent: spk.ents[0]})
	} else if len(spk.ents) == 0 {
		d.recordRoleSpeaker(si, k0, spk.t0, spk.t1)
	}
	if spk.t1 > spk.t0 {
		if d.cueSpeakers == nil {
			d.cueSpeakers = map[int]*speaker{}
		}
		d.cueSpeakers[k0] = spk
	}
	ev.Citation = graph.Citation{
		ArticleID: d.art.ID, SentenceIndex: si, SentenceText: d.sentenceText(si),
		Start: content.Start, End: content.End, Trigger: ev.Cue.Text,
		Extractor: d.x.Name() + ":" + rule, Confidence: conf * spk.factor,
	}
	if !d.proposition(c0, c1, verbatim) || d.saysNothing(k0, k1, c0, c1) || d.objectAct(k0, k1, c0, c1, verbatim) ||
		d.directiveAct(k0, k1, c0, c1, verbatim) || d.beCueAct(k0, k1, c0, c1, verbatim) {
		// "announced a plan", "criticised the deal": an act on a thing,
		// nothing said. It takes part in the overlap checks as any
		// attribution does and leaves the claims at the end (splitActs).
		if d.acts == nil {
			d.acts = map[[2]int]bool{}
		}
		d.acts[[2]int{ev.Citation.Start, ev.Cue.Start}] = true
	}
	d.claims = append(d.claims, ev)
}

// unnamedFactor scales the confidence of a claim whose source names no
// entity. A noun phrase ("the company", "a party spokesman") still
// identifies its speaker; a pronoun left unresolved ("he", "which"), an
// indefinite pronoun standing alone ("one", "some", "others") or no source
// at all identifies no one, and such claims are seldom right.
func unnamedFactor(source string) float64 {
	w := strings.ToLower(source)
	if source == "" || !strings.Contains(source, " ") && (anaphors[w] || indefinitePronouns[w]) || pronounSource(source) || negatedSource(w) || bareNumber(w) || bareShare(w) || w == "those" || w == "these" {
		return 0.3
	}
	return 0.75
}

// bareNumber reports whether a source is a number alone, no share ("34"
// cut from "people aged 18 to 34"): it identifies no one; "70%" of those
// polled does.
func bareNumber(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ',' || r == '.') }) < 0
}

// bareShare reports whether a source is a share alone ("12%", "40 per
// cent"): the share of some group that gave an answer identifies no one,
// and the group it counts is named elsewhere if at all.
func bareShare(w string) bool {
	for _, suf := range []string{"%", " %", " per cent", " percent"} {
		if n, ok := strings.CutSuffix(w, suf); ok {
			return bareNumber(n)
		}
	}
	return false
}

// indefinitePronouns stand for people without saying who they are.
var indefinitePronouns = setOf("one", "another", "others", "some", "someone", "somebody", "many", "most", "few",
	"several", "both", "all", "either", "neither", "each", "anyone", "anybody", "everyone", "everybody")

// splitActs moves the attributions whose content is no proposition from
// the claims to the acts.
func (d *doc) splitActs() {
	if len(d.acts) == 0 {
		return
	}
	kept := d.claims[:0]
	for _, c := range d.claims {
		if d.acts[[2]int{c.Citation.Start, c.Cue.Start}] {
			d.actClaims = append(d.actClaims, c)
		} else {
			kept = append(kept, c)
		}
	}
	d.claims = kept
}
