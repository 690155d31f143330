package extract

import (
	"unicode"
	"unicode/utf8"
)

// headlineClaimConfidence is for "Speaker: content" headlines: the form is
// unambiguous, but a heading's names are typed with less context.
const headlineClaimConfidence = 0.5

// headlineSpeakerWords is how long a headline's speaker may be, in tokens
// ("Former AG Mukasey at RNC").
const headlineSpeakerWords = 6

// headlineJoiners may stand lower-case inside a headline's speaker.
var headlineJoiners = map[string]bool{"of": true, "at": true, "the": true, "and": true, "for": true, "de": true, "van": true, "von": true, "al": true, "bin": true}

// headlineReports head a headline that cites a document rather than a
// person: "Poll: …", "Report: …".
var headlineReports = map[string]bool{
	"poll": true, "polls": true, "report": true, "study": true, "survey": true, "audit": true,
	"memo": true, "analysis": true, "review": true, "investigation": true, "inquiry": true, "leak": true,
}

// findHeadlineClaims adds the attributions headlines make with a colon:
// "Mayor Lane: ‘The bridge reopens in May’", "Survey: Most farmers expect
// a dry year". News sites write a speaker's words this way in titles, where
// there is no reporting verb for the rules or the tagger (which skips
// headings) to find. The part before the colon must be a short run of
// capitalised words naming someone the article knows, or a report noun.
func (d *doc) findHeadlineClaims() {
	for si, s := range d.sents {
		if !d.heading[si] && si != 0 {
			continue
		}
		colon := -1
		for t := s.T0 + 1; t < s.T1 && t <= s.T0+headlineSpeakerWords; t++ {
			if d.words[t] == ":" {
				colon = t
				break
			}
		}
		if colon < 0 || !d.headlineSpeaker(s.T0, colon) {
			continue
		}
		c0, c1 := d.trimContent(colon+1, s.T1)
		if c1-c0 < 3 || d.contentTaken(c0, c1) || d.claimAt(colon, colon+1) {
			continue
		}
		spk := d.sourceSpeaker(s.T0, colon)
		if len(spk.ents) == 0 && !(colon-s.T0 == 1 && headlineReports[d.lower[s.T0]]) {
			continue
		}
		// Headlines quote with single marks as often as double ones.
		first := d.words[colon+1]
		verbatim := isQuoteToken(first) || first == "‘" || first == "'"
		d.addClaim(si, c0, c1, colon, colon+1, spk, verbatim, "headline", headlineClaimConfidence)
	}
}

// headlineSpeaker reports whether tokens [t0, t1) read as a headline's
// speaker: capitalised words and the joiners names use.
func (d *doc) headlineSpeaker(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		r, _ := utf8.DecodeRuneInString(d.words[t])
		if !unicode.IsUpper(r) && !headlineJoiners[d.lower[t]] && d.words[t] != "." && d.words[t] != "-" {
			return false
		}
	}
	return true
}

// headlineLine reports whether sentence si is a line of its own that ends
// in a word, with no final punctuation: a headline or a heading, whatever
// its case. Headlines drop verbs and write "and" as a comma.
func (d *doc) headlineLine(si int) bool {
	s := d.sents[si]
	if s.T1 <= s.T0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.words[s.T1-1])
	if !isWordRune(r) {
		return false
	}
	startsLine := s.T0 == 0 || d.toks[s.T0].NL > 0
	endsLine := s.T1 == len(d.toks) || d.toks[s.T1].NL > 0
	return startsLine && endsLine
}
