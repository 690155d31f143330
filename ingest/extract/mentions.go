package extract

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// MentionSource proposes entity mentions in a sentence. It is how a
// statistical tagger plugs into the extractor (see WithSource).
// Implementations must be safe for concurrent use.
type MentionSource interface {
	// Name identifies the source in citations, e.g. "ner/perceptron-1".
	Name() string
	// Mentions returns typed spans over the tokens of one sentence.
	Mentions(s Sentence) []Candidate
}

// Sentence is what a MentionSource sees of one sentence.
type Sentence struct {
	Index  int
	Tokens []string // token texts, as the extractor tokenised them
}

// Candidate is a proposed mention: tokens [Start, End) of a Sentence.
type Candidate struct {
	Start, End int
	Kind       graph.EntityKind
	Confidence float64
}

// candidate is a proposed mention in document token positions.
type candidate struct {
	T0, T1 int // token span of the name
	Kind   graph.EntityKind
	Conf   float64
	Gaz    *gazEntry
	Role   string // role phrase attached before the name, e.g. "political expert"
	RoleT0 int    // first token of the role phrase; T0 when there is none
	Rule   string
	Prio   int // breaks ties between spans of equal length
}

// Priorities of the built-in sources.
const (
	prioCaps = 1
	prioNER  = 2
	prioGaz  = 3
)

// findMentions runs every mention source over every sentence and keeps,
// per sentence, the best non-overlapping candidates.
func (d *doc) findMentions(ctx context.Context) error {
	d.cands = make([][]candidate, len(d.sents))
	if d.x.tagger != nil {
		d.products = d.productNames()
		d.nerSpans = d.documentNames()
	}
	var buf []candidate
	for si, s := range d.sents {
		if si%256 == 0 {
			if err := ctx.Err(); err != nil {
				return graph.E("extract.findMentions", graph.Timeout, err)
			}
		}
		buf = buf[:0]
		gaz := d.gazetteerMentions(s, buf)
		buf = d.capitalisedMentions(s, gaz)
		if d.x.tagger != nil {
			buf = d.taggerMentions(s, buf, len(gaz))
		}
		for _, src := range d.x.sources {
			buf = d.externalMentions(src, s, buf)
		}
		d.trimTrailingMarks(buf)
		d.cands[si] = d.attachRoles(d.numberedStations(s, mergeCandidates(buf)))
	}
	return nil
}

// trimTrailingMarks drops the marks a source may leave at the end of a
// name: the apostrophe of a plural possessive ("the Kestrel Democrats'
// leader") or a comma, which no name ends in.
func (d *doc) trimTrailingMarks(c []candidate) {
	for i := range c {
		for c[i].T1-c[i].T0 > 1 {
			switch d.words[c[i].T1-1] {
			case "'", "’", ",":
				c[i].T1--
				continue
			}
			break
		}
	}
}

// mergeCandidates keeps the longest candidates, higher priority first on
// ties, that do not overlap one already kept; the result is in text order.
func mergeCandidates(c []candidate) []candidate {
	sort.SliceStable(c, func(i, j int) bool {
		li, lj := c[i].T1-c[i].T0, c[j].T1-c[j].T0
		if li != lj {
			return li > lj
		}
		if c[i].Prio != c[j].Prio {
			return c[i].Prio > c[j].Prio
		}
		return c[i].T0 < c[j].T0
	})
	var kept []candidate
	taken := map[int]bool{}
	for _, x := range c {
		ok := true
		for t := x.T0; t < x.T1; t++ {
			if taken[t] {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, x)
			for t := x.T0; t < x.T1; t++ {
				taken[t] = true
			}
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].T0 < kept[j].T0 })
	return kept
}

// gazetteerMentions finds the longest gazetteer form starting at each token.
func (d *doc) gazetteerMentions(s sentence, out []candidate) []candidate {
	g := d.x.gaz
	allCaps := d.allCaps(s)
	for i := s.T0; i < s.T1; i++ {
		if !hasUpperOrDigit(d.words[i]) {
			continue // names have a capital somewhere: "Kabul", "al-Qaeda"
		}
		n := g.maxLen[d.lower[i]]
		if n == 0 {
			continue
		}
		if i+n > s.T1 {
			n = s.T1 - i
		}
		for l := n; l >= 1; l-- {
			key := strings.Join(d.lower[i:i+l], " ")
			a, ok := g.forms[key]
			if !ok {
				continue
			}
			if a.exact != "" && (allCaps || strings.Join(d.words[i:i+l], " ") != a.exact) {
				continue
			}
			if last := d.lower[i+l-1]; a.capEnd && !hasUpperOrDigit(d.words[i+l-1]) && headWords[last] == "" {
				continue // "Noranda aluminum", but "the Labour party"
			}
			if l == 1 && i == s.T0 && a.exact == "" && d.lowered[strings.ToLower(d.words[i])] {
				continue // a sentence-initial common word that is also a name
			}
			t0 := i
			if l > 1 && d.lower[i] == "the" {
				t0++ // "The United States": the article is not part of the name
			}
			out = append(out, candidate{T0: t0, T1: i + l, Kind: a.entry.Kind, Conf: 0.9, Gaz: a.entry, RoleT0: t0, Rule: "gazetteer", Prio: prioGaz})
			i += l - 1
			break
		}
	}
	return out
}

func hasUpperOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// allCaps reports whether a sentence is written in capitals, where
// acronyms cannot be told from words.
func (d *doc) allCaps(s sentence) bool {
	letters, upper := 0, 0
	for i := s.T0; i < s.T1 && letters < 200; i++ {
		for _, r := range d.words[i] {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	return letters >= 12 && upper*10 >= letters*8
}

// externalMentions adapts a MentionSource to document positions.
func (d *doc) externalMentions(src MentionSource, s sentence, out []candidate) []candidate {
	for _, c := range src.Mentions(Sentence{Index: s.Index, Tokens: d.words[s.T0:s.T1]}) {
		if c.Start < 0 || c.End > s.T1-s.T0 || c.End <= c.Start || !c.Kind.Valid() {
			continue
		}
		out = append(out, candidate{T0: s.T0 + c.Start, T1: s.T0 + c.End, Kind: c.Kind, Conf: clamp(c.Confidence),
			RoleT0: s.T0 + c.Start, Rule: src.Name(), Prio: prioNER})
	}
	return out
}

func clamp(c float64) float64 {
	switch {
	case c < 0:
		return 0
	case c > 1:
		return 1
	}
	return c
}

// attachRoles finds role phrases right before person-like names: a title
// ("President", "Dr.") or a role noun with its modifiers ("political
// expert"). A name with a role is a person.
func (d *doc) attachRoles(cs []candidate) []candidate {
	for k := range cs {
		c := &cs[k]
		if c.Kind != graph.Person && c.Kind != "" {
			continue
		}
		j := c.T0 - 1
		lo := 0
		for p := k - 1; p >= 0 && p >= k-4; p-- {
			if cs[p].Kind != "" || cs[p].Gaz != nil {
				lo = cs[p].T1 // an untyped word ("Political") may be a role modifier
				break
			}
		}
		if j < lo || j < 0 || d.toks[j+1].NL > 0 {
			continue
		}
		if d.words[j] == "." && j > lo && isTitle(d.lower[j-1]) {
			j-- // "Dr. X"
		}
		w := d.lower[j]
		start := j
		switch {
		case roleNouns[w] && (!d.nameWord(j) || d.sentenceInitial(d.sents[d.sentenceOf(j)], j) || j > lo && isTitle(d.lower[j-1])):
			for start-1 >= lo && start > j-2 && isRoleModifier(d.lower[start-1]) && d.toks[start].NL == 0 {
				start--
			}
		case isTitle(w) && d.nameWord(j):
			for start-1 >= lo && d.nameWord(start-1) && roleModifiers[d.lower[start-1]] {
				start--
			}
		default:
			continue
		}
		if titles[w] != "" || roleNouns[w] {
			c.Role = strings.ToLower(strings.Join(d.words[start:j+1], " "))
		}
		c.RoleT0 = start
		c.Kind = graph.Person
		if c.Conf < 0.8 {
			c.Conf = 0.8
		}
	}
	return cs
}

func isRoleModifier(w string) bool {
	if roleModifiers[w] {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	for _, suf := range []string{"al", "ic", "ical", "ary", "ian", "ist", "ive"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}
