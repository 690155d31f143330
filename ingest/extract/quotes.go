package extract

import "github.com/newsgraph/newsgraph/graph"

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
		if a == nil && last != nil && o-last.end <= 3 {
			// A quote running on from an attributed one: “...,” X said. “...”
			c0, c1 := d.trimContent(o+1, c)
			if c1-c0 >= 2 {
				a = d.quoteClaim(d.sentenceOf(o), c0, c1, last.k0, last.k1, last.spk, "quote-continued")
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
}

// quoteClaim records a quote's attribution and returns it.
func (d *doc) quoteClaim(si, c0, c1, k0, k1 int, spk *speaker, rule string) *quoteAttribution {
	d.addClaim(si, c0, c1, k0, k1, spk, true, rule, quoteConfidence)
	return &quoteAttribution{spk: spk, k0: k0, k1: k1, end: c1}
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
	if spk, k0, k1 := d.speakerThenVerb(k, at); spk != nil {
		return d.quoteClaim(d.sentenceOf(k0), c0, c1, k0, k1, spk, "quote-after")
	}
	if k < len(d.toks) && speechVerbs[d.lower[k]] {
		for j := k + 1; j < len(d.toks) && j <= k+4; j++ {
			if m := at[j]; m != nil && !m.Anaphor {
				return d.quoteClaim(d.sentenceOf(k), c0, c1, k, k+1, d.slotSpeaker(&slot{m: m, ent: m.Ent}), "quote-after-inverted")
			}
			if d.lower[j] == "he" || d.lower[j] == "she" {
				if spk := d.pronounSpeaker(j); spk != nil {
					return d.quoteClaim(d.sentenceOf(k), c0, c1, k, k+1, spk, "quote-after-inverted")
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
		if m := at[j]; m != nil && m.T1 <= verb && !m.Anaphor {
			// "X said:", "X told reporters:", "X, who led the survey, said:"
			relative := m.T1+1 < verb && d.words[m.T1] == "," && d.words[verb-1] == "," &&
				(d.lower[m.T1+1] == "who" || d.lower[m.T1+1] == "which")
			if gap := verb - m.T1; gap <= 1 || relative {
				return d.quoteClaim(d.sentenceOf(verb), c0, c1, verb, verb+1, d.slotSpeaker(&slot{m: m, ent: m.Ent}), "quote-before")
			}
		}
		if j >= verb-2 && (d.lower[j] == "he" || d.lower[j] == "she") {
			if spk := d.pronounSpeaker(j); spk != nil {
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
// at token k and returns the speaker and the cue's token span.
func (d *doc) speakerThenVerb(k int, at map[int]*mention) (*speaker, int, int) {
	if k >= len(d.toks) {
		return nil, 0, 0
	}
	if d.lower[k] == "he" || d.lower[k] == "she" {
		if k+1 < len(d.toks) && speechVerbs[d.lower[k+1]] {
			if spk := d.pronounSpeaker(k); spk != nil {
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
