package extract

import "strings"

// Where a tagged content ends and starts: before a second attribution it
// runs into, at the start of a clause set off before its cue, on past a
// dash aside to the clause's verb. claimfix.go's repairs use these.

// secondAttribution cuts a content before a second attribution that it
// runs into: "16% said none had been replaced, while 30% said only some
// had" ends at the comma; "X said the deal was off and added that ..."
// and "... but rivals think ..." end before the conjunction, whose
// clause is another statement (of the same or another speaker). "and
// that ..." goes on with the same content, and a quotation keeps its
// words.
func (d *doc) secondAttribution(c0, c1 int) int {
	for t := c0 + 2; t+2 < c1; t++ {
		comma := d.words[t] == ","
		if comma {
			if n := d.lower[t+1]; strings.HasSuffix(n, "ing") && n != "including" && !d.inQuote(t) && d.speechCue(t+1, t+2) {
				return t // "denied X made the remark, insisting: ...": a second attribution
			}
			if d.pronounCue(t + 1) {
				return t // "... would close, he insisted, and ...": the speaker's own cue ends the content
			}
			if d.narratorAdjunct(t+1) && !d.inQuote(t) {
				return t // "... was sound, amid reports that ...": the writer's circumstance, not the speaker's words
			}
		}
		j := t
		if comma {
			j = t + 1
		}
		switch d.lower[j] {
		case "while", "whereas", "but", "and":
		default:
			continue
		}
		if d.lower[j+1] == "that" || !comma && d.inQuote(j) {
			continue
		}
		reach := j + 5 // "but most of those asked said"
		if !comma && d.lower[j] == "and" {
			// "X and Y thought": a bare "and" may join subjects; only
			// "and (has) added" is a second cue of the same speaker.
			reach = j + 1
			if auxiliaries[d.lower[j+1]] || strings.HasSuffix(d.lower[j+1], "ly") || d.lower[j+1] == "also" {
				reach = j + 2
			}
		}
		for k := j + 1; k < c1 && k <= reach; k++ {
			if (speechVerbs[d.lower[k]] || reach > j+2 && k <= j+4 && secondCue(d.lower[k])) && !d.inQuote(k) {
				return t
			}
			if d.clauseEnds(k) {
				break
			}
		}
	}
	return c1
}

// clauseBeforeCue returns where the content [c0, c1) of an attribution
// set off after its clause (", he said.") starts: at the start of the
// sentence, when the tagger began it inside the clause (after a dash
// aside or a subject) and nothing before it is quoted or attributed. The
// parenthetical attribution covers the whole clause before it.
func (d *doc) clauseBeforeCue(si, c0, c1, k0 int) int {
	s := d.sents[si]
	if c1 > k0 || c0 <= s.T0 || k0-c1 > 3 || d.words[c1] != "," && d.words[c1-1] != "," {
		return c0
	}
	t0 := s.T0
	for t0 < c0 && (isTrimmable(d.words[t0]) || sentenceOpeners[d.lower[t0]]) {
		t0++ // "But prices fell, he said": the content is the clause, not its link
	}
	for t := t0; t < c0; t++ {
		w := d.lower[t]
		if isQuoteToken(w) || w == ":" || w == ";" || speechVerbs[w] || w == "according" {
			return c0
		}
	}
	if c0-t0 > 25 {
		return c0
	}
	return t0
}

// dashAsideEnd returns where a content ending right before a dash aside
// ("investment in a resort - the mainstay - could run to $40m") ends: after
// the aside, at the end of the clause that goes on after it. c1 when the
// content does not stop at such an aside.
func (d *doc) dashAsideEnd(si, c1 int) int {
	s := d.sents[si]
	if c1 >= s.T1-2 || !isDash(d.words[c1]) {
		return c1
	}
	for t := c1 + 1; t < s.T1 && t <= c1+10; t++ {
		if d.words[t] == "," || d.words[t] == ";" || isQuoteToken(d.words[t]) {
			return c1
		}
		if isDash(d.words[t]) {
			// The clause goes on with its verb: "- could run to $40m".
			if t+1 < s.T1 && (finiteVerbs[d.lower[t+1]] || auxiliaries[d.lower[t+1]]) {
				_, end := d.trimContent(t+1, s.T1)
				return end
			}
			return c1
		}
	}
	return c1
}

func isDash(w string) bool { return w == "-" || w == "—" || w == "–" || w == "--" }

// narratorAdjunct reports whether an adjunct set off by a comma starts at
// t that belongs to the attribution, not to its content: "amid" places the
// report among events the writer adds; "without" with a gerund has the
// matrix clause's subject, the speaker, as its own ("says sales rose,
// without giving figures").
func (d *doc) narratorAdjunct(t int) bool {
	switch d.lower[t] {
	case "amid", "amidst":
		return true
	case "without":
		return t+1 < len(d.lower) && strings.HasSuffix(d.lower[t+1], "ing")
	}
	return false
}
