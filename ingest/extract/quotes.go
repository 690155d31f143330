package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// maxQuoteTokens bounds a direct quote, so that an unbalanced quotation
// mark cannot swallow a paragraph.
const maxQuoteTokens = 300

// findQuotes finds direct quotes and attributes each to the speaker named
// right after it ("“...,” X said", "..., said X") or right before it ("X
// said: “...”").
func (d *doc) findQuotes(at map[int]*mention) {
	open := -1
	var last *quoteAttribution // the attribution of the previous quote
	emit := func(o, c int) {
		d.quoted = append(d.quoted, [2]int{o, c})
		a := d.quote(o, c, at)
		if a != nil && last != nil && a.k0 == last.k0 && a.idx == len(d.claims)-1 {
			// “...,” X said, “...” or “...,” X said. “...”: the second
			// quote was given the first one's cue; it carries the first on.
			d.claims = d.claims[:a.idx]
			a = nil
		}
		if a == nil && last != nil && d.runsOn(last, o, c) {
			// A quote running on from an attributed one: “...,” X said.
			// “...” The speaker's words go on: one claim holds both
			// pieces, as one quotation does, with the attribution left out
			// of its text (PolNeAR bounds such a content from the first
			// piece to the last).
			if c0, c1 := d.trimContent(o+1, c); c1-c0 >= 2 && d.continueQuote(last, c0, c1) {
				a = last
			}
		}
		if a != nil {
			a.end = c
		}
		last = a
	}
	for i := range d.toks {
		if d.toks[i].NL > 1 {
			open = -1 // quotes do not run across paragraphs here
			last = nil
		}
		w := d.words[i]
		opener, closer := w == "“" || w == "``", w == "”"
		if w == "\"" || w == "''" {
			// A straight quote opens when it is stuck to the word after it
			// and not to the one before; otherwise it closes.
			before := i > 0 && d.toks[i-1].B1 == d.toks[i].B0 && !isOpenBracket(d.words[i-1])
			after := i+1 < len(d.toks) && d.toks[i+1].B0 == d.toks[i].B1
			opener = !before && after
			closer = before || open >= 0 && !after
		}
		switch {
		case opener:
			if open >= 0 && i-open > 2 {
				emit(open, i) // an unclosed quote ends where the next one opens
			}
			open = i
		case closer && open >= 0:
			emit(open, i)
			open = -1
		case open >= 0 && i-open > maxQuoteTokens:
			open = -1
		}
	}
}

// quoteAttribution is who a quote was attributed to, and by which cue.
type quoteAttribution struct {
	spk    *speaker
	k0, k1 int // the cue
	end    int // the closing quotation mark
	c0, c1 int // the quoted words, continuations included
	idx    int // the claim in d.claims, or -1
}

// quoteClaim records a quote's attribution and returns it.
func (d *doc) quoteClaim(si, c0, c1, k0, k1 int, spk *speaker, rule string) *quoteAttribution {
	n := len(d.claims)
	text := d.span(c0, c1).Text
	for t := c0; c0 > 0 && !isQuoteToken(d.words[c0-1]) && t < c1; t++ {
		if isQuoteToken(d.words[t]) {
			// A clause completed by the quote (clauseBeforeQuote): the
			// text leaves the opening mark out.
			text = d.span(c0, t).Text + " " + d.span(t+1, c1).Text
			break
		}
	}
	d.addClaimText(si, c0, c1, text, k0, k1, spk, true, rule, quoteConfidence)
	a := &quoteAttribution{spk: spk, k0: k0, k1: k1, end: c1, idx: -1, c0: c0, c1: c1}
	if len(d.claims) > n {
		a.idx = n
	}
	return a
}

// runsOn reports whether the quote between tokens o and c carries on
// quote a: it opens right after a's attribution, in the sentence of a's
// cue or at the start of the next one, and its own sentence holds no
// reporting word outside the quotation marks ("“...,” X said. “...”", not
// "“...,” X said. “...,” Y added").
func (d *doc) runsOn(a *quoteAttribution, o, c int) bool {
	if o-a.end <= 3 {
		return true // “...” “...”: one quotation with a stray mark, or two back to back
	}
	if a.k0 < a.end || o-a.end > 24 {
		return false // an attribution before the quote, or a long way back
	}
	cue, si := d.sentenceOf(a.k0), d.sentenceOf(o)
	if si != cue && !(si == cue+1 && d.sents[si].T0 == o) {
		return false
	}
	s := d.sents[d.sentenceOf(c)]
	for t := max(s.T0, a.k1); t < s.T1; t++ {
		if (t < o || t > c) && d.reportingWord(t) {
			return false
		}
	}
	return true
}

// continueQuote extends the claim of quote a with the quoted tokens
// [c0, c1) that follow it, and reports whether it could.
func (d *doc) continueQuote(a *quoteAttribution, c0, c1 int) bool {
	if a.idx < 0 {
		return false
	}
	c := &d.claims[a.idx]
	// The claim's text so far, not the span from its first piece to its
	// last: after one continuation that span holds the attribution.
	first, second := c.Text, d.span(c0, c1).Text
	sep := " "
	if r, _ := utf8.DecodeRuneInString(second); unicode.IsUpper(r) && !strings.ContainsAny(first[len(first)-1:], ".!?") {
		sep = ". " // “The bridge is safe,” she said. “It reopens today.”
	}
	text := claimText(first+sep+second, true)
	id := graph.ClaimID(graph.NormalizeClaim(text))
	if id == graph.ClaimID("") {
		return false
	}
	c.Text, c.ClaimID = text, id
	c.Citation.End = d.span(c0, c1).End
	d.appendAbout(c, c0, c1)
	a.c1 = c1
	return true
}

// clauseBeforeQuote returns where the content of a quote attributed after
// it starts: the quote's first word c0, or, when the quotation completes a
// clause that opens earlier in its sentence ("The plan was “a disaster for
// the town”, she said"), the clause's first word, as PolNeAR bounds such a
// content. The words before the quote must hold no other quotation,
// reporting word or clause break (":" or ";").
func (d *doc) clauseBeforeQuote(o, c0 int) int {
	s := d.sents[d.sentenceOf(o)]
	if o <= s.T0 || o-s.T0 > 30 {
		return c0
	}
	for t := s.T0; t < o; t++ {
		w := d.words[t]
		if isQuoteToken(w) || w == ":" || w == ";" || w == "(" || w == "." || w == "?" || w == "!" || d.reportingWord(t) || d.lower[t] == "according" {
			return c0
		}
	}
	n0, n1 := d.trimContent(s.T0, o)
	if n1-n0 < 2 || d.words[o-1] == "," {
		return c0 // a lone word, or "Then, “...”": no clause
	}
	return n0
}

func isOpenBracket(w string) bool { return w == "(" || w == "[" || w == "—" || w == "–" }

// quote attributes the quote between tokens o and c (the quotation marks).
func (d *doc) quote(o, c int, at map[int]*mention) *quoteAttribution {
	c0, c1 := d.trimContent(o+1, c)
	if c1-c0 < 2 {
		return nil
	}
	si := d.sentenceOf(c)
	// After: “...,” X said / “...,” said X / “...,” he said.
	k := c + 1
	end := d.sents[si].T1
	if k < end && d.words[k] == "," {
		k++
	}
	if k < len(d.toks) && k >= end && d.words[c-1] != "," {
		// "“....” X said." may start the next sentence only after a comma.
		k = len(d.toks)
	}
	// “...” ― Name: a dash before a name attributes a quote in vox pops.
	if c+2 < len(d.toks) && (d.words[c+1] == "―" || d.words[c+1] == "—") {
		if m := at[c+2]; m != nil && !m.Anaphor && m.Ent.Kind == graph.Person {
			return d.quoteClaim(d.sentenceOf(c+1), c0, c1, c+1, c+2, d.slotSpeaker(&slot{m: m, ent: m.Ent}), "quote-dash")
		}
	}
	if spk, k0, k1 := d.speakerThenVerb(k, o, c, at); spk != nil {
		return d.quoteClaim(d.sentenceOf(k0), d.clauseBeforeQuote(o, c0), c1, k0, k1, spk, "quote-after")
	}
	if k < len(d.toks) && speechVerbs[d.lower[k]] {
		for j := k + 1; j < len(d.toks) && j <= k+4; j++ {
			if m := at[j]; m != nil && !m.Anaphor {
				return d.quoteClaim(d.sentenceOf(k), d.clauseBeforeQuote(o, c0), c1, k, k+1, d.slotSpeaker(&slot{m: m, ent: m.Ent}), "quote-after-inverted")
			}
			if d.lower[j] == "he" || d.lower[j] == "she" {
				if spk := d.quotePronounSpeaker(j, o, c); spk != nil {
					return d.quoteClaim(d.sentenceOf(k), d.clauseBeforeQuote(o, c0), c1, k, k+1, spk, "quote-after-inverted")
				}
				return nil
			}
		}
	}
	// Before: X said: “...” / X said, “...”.
	k = o - 1
	if k >= 0 && (d.words[k] == ":" || d.words[k] == ",") {
		k--
	}
	if k < 0 || !speechVerbs[d.lower[k]] && !(k > 0 && speechVerbs[d.lower[k-1]]) {
		return nil
	}
	if !speechVerbs[d.lower[k]] {
		k-- // "X told reporters:"
	}
	verb := k
	for j := verb - 1; j >= 0 && j >= verb-16; j-- {
		if m := at[j]; m != nil && m.T1 <= verb && !m.Anaphor && !(m.Ent.Kind == graph.Place && m.RoleT0 > 0 && placePrepositions[d.lower[m.RoleT0-1]]) {
			// "X said:", "X told reporters:", "X, who led the survey, said:"
			relative := m.T1+1 < verb && d.words[m.T1] == "," && d.words[verb-1] == "," &&
				(d.lower[m.T1+1] == "who" || d.lower[m.T1+1] == "which")
			if gap := verb - m.T1; gap <= 1 || relative {
				if p := d.personBeforeBody(m, verb, at); p != nil {
					m = p // "Anna Berg, from the Kestrel Trust, said:"
				}
				return d.quoteClaim(d.sentenceOf(verb), c0, c1, verb, verb+1, d.slotSpeaker(&slot{m: m, ent: m.Ent}), "quote-before")
			}
		}
		if j >= verb-2 && (d.lower[j] == "he" || d.lower[j] == "she") {
			if spk := d.quotePronounSpeaker(j, o, c); spk != nil {
				return d.quoteClaim(d.sentenceOf(verb), c0, c1, verb, verb+1, spk, "quote-before")
			}
			return nil
		}
		if d.words[j] == "." || d.toks[j+1].NL > 1 {
			return nil
		}
	}
	return nil
}

// afterSpeaker skips what may stand between a speaker's name and the
// verb: "of the Sierra Club", ", a writer for The Atlantic,". It returns
// the token where the verb should be.
func (d *doc) afterSpeaker(j int, at map[int]*mention) int {
	if j+1 < len(d.toks) && d.lower[j] == "of" {
		k := j + 1
		if d.lower[k] == "the" {
			k++
		}
		if m := at[k]; m != nil {
			return m.T1
		}
	}
	if j < len(d.toks) && d.words[j] == "," {
		for k := j + 1; k < len(d.toks) && k <= j+16 && d.toks[k].NL == 0; k++ {
			switch d.words[k] {
			case ",":
				return k + 1
			case ".", "\"", "“", "”", ":", ";":
				return j
			}
		}
	}
	return j
}

// speakerThenVerb reads "X said" (or "he said", "officials said") starting
// at token k, after the quote between tokens o and c, and returns the
// speaker and the cue's token span.
func (d *doc) speakerThenVerb(k, o, c int, at map[int]*mention) (*speaker, int, int) {
	if k >= len(d.toks) {
		return nil, 0, 0
	}
	if d.lower[k] == "he" || d.lower[k] == "she" {
		if k+1 < len(d.toks) && speechVerbs[d.lower[k+1]] {
			if spk := d.quotePronounSpeaker(k, o, c); spk != nil {
				return spk, k + 1, k + 2
			}
		}
		return nil, 0, 0
	}
	if m := at[k]; m != nil && !m.Anaphor {
		if v := d.afterSpeaker(m.T1, at); v < len(d.toks) && speechVerbs[d.lower[v]] {
			return d.slotSpeaker(&slot{m: m, ent: m.Ent}), v, v + 1
		}
	}
	// "officials said", "the experts said"
	for j := k; j < len(d.toks) && j <= k+2; j++ {
		if groupSpeakers[d.lower[j]] != nil && j+1 < len(d.toks) && speechVerbs[d.lower[j+1]] {
			return d.groupSpeaker(k, j+1, j), j + 1, j + 2
		}
	}
	return nil, 0, 0
}
