package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark. Byte offsets slice the
// article text; rune offsets are what citations report.
type token struct {
	B0, B1 int // byte span in the text
	R0, R1 int // code-point span in the text, End exclusive
	NL     int // newlines in the white space before the token
}

// tokenize splits text into tokens in one pass. Words keep internal hyphens
// and apostrophes ("IS-K", "O'Brien", "al-Qaeda"), dotted acronyms keep their
// dots ("U.S."), numbers keep their separators ("1,400", "3.5"); a trailing
// possessive "'s" is its own token so that "IS-K's" yields "IS-K".
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	b, r, nl := 0, 0, 0
	for b < len(text) {
		c, w := utf8.DecodeRuneInString(text[b:])
		if unicode.IsSpace(c) {
			if c == '\n' {
				nl++
			}
			b += w
			r++
			continue
		}
		t := token{B0: b, R0: r, NL: nl}
		nl = 0
		switch {
		case isWordRune(c):
			b, r = scanWord(text, b, r)
		case (c == '\'' || c == '`') && b+1 < len(text) && text[b+1] == byte(c):
			b, r = b+2, r+2 // '' and ``, quotation marks in some house styles
		case isApostrophe(c) && b+w < len(text) && (text[b+w] == 's' || text[b+w] == 'S') && !isWordRuneAt(text, b+w+1):
			b, r = b+w+1, r+2 // the possessive "'s"
		default:
			b += w
			r++
		}
		t.B1, t.R1 = b, r
		toks = append(toks, t)
	}
	return toks
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// scanWord scans a word starting at byte b (rune r) and returns the offsets
// just past it.
func scanWord(text string, b, r int) (int, int) {
	start := b
	letters := 0 // letters since the last dot, for dotted acronyms
	dotted := false
	for b < len(text) {
		c, w := utf8.DecodeRuneInString(text[b:])
		if isWordRune(c) {
			b += w
			r++
			letters++
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[b+w:])
		switch {
		case c == '-' || c == '‑':
			if isWordRune(next) {
				b += w
				r++
				letters = 0
				continue
			}
		case isApostrophe(c):
			// Split a possessive: "IS-K's", "Taliban’s", "groups'".
			if (next == 's' || next == 'S') && !isWordRuneAt(text, b+w+1) {
				return b, r
			}
			if unicode.IsLetter(next) {
				b += w
				r++
				continue
			}
		case c == '.':
			// "U.S.", "U.N.": single letters separated by dots.
			if letters == 1 && (unicode.IsLetter(next) || dotted) {
				b += w
				r++
				letters = 0
				dotted = true
				continue
			}
			// "3.5"
			if isDigits(text[start:b]) && unicode.IsDigit(next) {
				b += w
				r++
				continue
			}
		case c == '&':
			// "AT&T", "S&P", "M&S": capitals joined by an ampersand
			// are one name, as CoNLL's tokens have them.
			if letters == b-start && letters <= 3 && isUpperASCII(text[start:b]) && next >= 'A' && next <= 'Z' {
				b += w
				r++
				letters = 0
				continue
			}
		case c == ',':
			if isDigits(text[start:b]) && unicode.IsDigit(next) {
				b += w
				r++
				continue
			}
		}
		break
	}
	return b, r
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func isWordRuneAt(text string, b int) bool {
	if b >= len(text) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[b:])
	return isWordRune(c)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !unicode.IsDigit(c) && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// sentence is a span of tokens [T0, T1) and of runes [R0, R1).
type sentence struct {
	Index  int
	T0, T1 int
	R0, R1 int
	B0, B1 int
}

// Sentence length bounds, in tokens: past the soft bound a sentence ends at
// the next comma or semicolon, at the hard bound anywhere.
const (
	softSentenceTokens = 250
	maxSentenceTokens  = 400
)

func isClauseBreak(w string) bool {
	return w == "," || w == ";" || w == "—" || w == "–" || w == ":"
}

// abbreviations never end a sentence when followed by a period.
var abbreviations = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
	"sen", "rep", "gov", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "rev", "hon", "adm",
	"cmdr", "pres", "supt", "insp", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "approx", "dept", "univ", "est", "fig", "al")

// sentenceStarters are capitalised words that, after a dotted acronym such
// as "U.S.", show that the acronym ended the sentence.
var sentenceStarters = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in",
	"on", "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "however", "meanwhile",
	"after", "before", "when", "while", "as", "at", "for", "if", "since", "some", "many", "one")

// splitSentences groups tokens into sentences. A sentence ends at ".", "!"
// or "?" (with any closing quotes or brackets) unless the period belongs to
// an abbreviation or an initial; at a blank line; and at a line break when
// the line ends without punctuation (headings, titles, datelines) unless the
// next line starts in lower case, which marks a hard-wrapped line.
func splitSentences(text string, toks []token) []sentence {
	var out []sentence
	start := 0
	emit := func(end int) {
		if end <= start {
			return
		}
		s := sentence{Index: len(out), T0: start, T1: end}
		s.R0, s.R1 = toks[start].R0, toks[end-1].R1
		s.B0, s.B1 = toks[start].B0, toks[end-1].B1
		out = append(out, s)
		start = end
	}
	for i := 0; i < len(toks); i++ {
		// Text without sentence punctuation is cut into bounded pieces, so
		// that the work per sentence stays bounded.
		if n := i - start; n >= softSentenceTokens && isClauseBreak(text[toks[i-1].B0:toks[i-1].B1]) || n >= maxSentenceTokens {
			emit(i)
		}
		if i > start && toks[i].NL > 0 {
			prev := text[toks[i-1].B0:toks[i-1].B1]
			first, _ := utf8.DecodeRuneInString(text[toks[i].B0:])
			if toks[i].NL > 1 || !(unicode.IsLower(first) || prev == "," || prev == "-") {
				emit(i)
			}
		}
		w := text[toks[i].B0:toks[i].B1]
		end := false
		switch w {
		case "!", "?":
			end = true
		case ".":
			end = !abbreviationBefore(text, toks, i) || postNominalEnd(text, toks, i)
		default:
			// A dotted acronym swallows its final period: "the U.S. The ..."
			if strings.HasSuffix(w, ".") && i+1 < len(toks) && toks[i+1].NL == 0 {
				next := strings.ToLower(text[toks[i+1].B0:toks[i+1].B1])
				nr, _ := utf8.DecodeRuneInString(text[toks[i+1].B0:])
				end = unicode.IsUpper(nr) && sentenceStarters[next]
			}
		}
		if !end {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].NL == 0 && isCloser(text[toks[j].B0:toks[j].B1]) {
			j++
		}
		if j < len(toks) && toks[j].NL == 0 {
			nr, _ := utf8.DecodeRuneInString(text[toks[j].B0:])
			if w == "." && unicode.IsLower(nr) {
				continue // "e.g. the", "approx. five"
			}
		}
		emit(j)
		i = j - 1
	}
	emit(len(toks))
	return out
}

func abbreviationBefore(text string, toks []token, i int) bool {
	if i == 0 || toks[i-1].B1 != toks[i].B0 {
		return false
	}
	prev := text[toks[i-1].B0:toks[i-1].B1]
	if abbreviations[strings.ToLower(prev)] {
		return true
	}
	// An initial: "J. Smith".
	if utf8.RuneCountInString(prev) == 1 {
		c, _ := utf8.DecodeRuneInString(prev)
		return unicode.IsUpper(c)
	}
	return false
}

// postNominals are abbreviations written after a name ("Kestrel Inc.",
// "John Doe Jr."): the name is whole at their period, so a capitalised
// word after it that cannot go on the sentence in apposition, such as a
// pronoun, an article or a modifier of a role noun ("Inc. Former chief
// executive X"), begins the next sentence. A title may follow in
// apposition ("Kestrel Inc. Chief Executive X") and does not end it.
var postNominals = setOf("inc", "corp", "ltd", "co", "jr", "sr")

// sentenceRoleModifiers after a post-nominal abbreviation start a sentence:
// written in capitals only there.
var sentenceRoleModifiers = setOf("former", "ex", "then", "outgoing", "incoming", "acting", "interim")

func postNominalEnd(text string, toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || toks[i+1].NL > 0 || !postNominals[strings.ToLower(text[toks[i-1].B0:toks[i-1].B1])] {
		return false
	}
	next := text[toks[i+1].B0:toks[i+1].B1]
	if r, _ := utf8.DecodeRuneInString(next); !unicode.IsUpper(r) {
		return false
	}
	lw := strings.ToLower(next)
	return sentenceStarters[lw] || sentenceRoleModifiers[lw]
}

func isCloser(w string) bool {
	switch w {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
