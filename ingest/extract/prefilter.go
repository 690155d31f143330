package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// A filteredRegexp is a regular expression with a cheap necessary
// condition: a set of literal strings one of which every match contains
// (the cue verbs of a claim pattern, the trigger words of a relation),
// derived from the expression's syntax tree. A text that holds none of
// them cannot match, and the regular expression, whose backtracking over
// a whole sentence costs far more than a few substring searches, is not
// run. The condition is necessary, never sufficient, so the matches are
// those of the regular expression alone.
type filteredRegexp struct {
	*regexp.Regexp
	need []string // nil: no useful condition, always run
}

// mustCompileFiltered compiles expr with its literal prefilter.
func mustCompileFiltered(expr string) *filteredRegexp {
	re := regexp.MustCompile(expr)
	return &filteredRegexp{Regexp: re, need: requiredLiterals(expr)}
}

// mayMatch reports whether s holds one of the required literals. pairs,
// if not nil, is s's byte-pair filter, which rules out most absent
// literals without a search.
func (r *filteredRegexp) mayMatch(s string, pairs *bytePairs) bool {
	if r.need == nil {
		return true
	}
	for _, lit := range r.need {
		if (pairs == nil || pairs.mayHold(lit)) && strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

// findIn is FindStringSubmatchIndex on the abstract's text.
func (r *filteredRegexp) findIn(a *abstract) []int {
	if !r.mayMatch(a.s, &a.pairs) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(a.s)
}

// findAllIn is FindAllStringSubmatchIndex on the abstract's text.
func (r *filteredRegexp) findAllIn(a *abstract, n int) [][]int {
	if !r.mayMatch(a.s, &a.pairs) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(a.s, n)
}

// FindStringSubmatchIndex is regexp's, after the prefilter.
func (r *filteredRegexp) FindStringSubmatchIndex(s string) []int {
	if !r.mayMatch(s, nil) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringSubmatchIndex is regexp's, after the prefilter.
func (r *filteredRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.mayMatch(s, nil) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// maxLiterals bounds the sets the analysis builds: a longer list of
// alternatives costs more substring searches than it saves.
const maxLiterals = 128

// litSet is what the analysis knows of the strings a subexpression
// matches: every match contains one of set (exact: every match is one of
// set). A nil set knows nothing.
type litSet struct {
	set   []string
	exact bool
}

// requiredLiterals returns literals one of which every match of expr
// contains, or nil when the analysis finds no useful set (one holding the
// empty string, or none at all).
func requiredLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	ls := literals(re.Simplify())
	if ls.set == nil || slices.Contains(ls.set, "") {
		return nil
	}
	return minimal(ls.set)
}

// minimal drops the literals that contain another of the set: a text
// holding the longer one holds the shorter.
func minimal(set []string) []string {
	var out []string
	for i, s := range set {
		redundant := false
		for j, t := range set {
			if j != i && strings.Contains(s, t) && (len(t) < len(s) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

func literals(re *syntax.Regexp) litSet {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return litSet{}
		}
		return litSet{set: []string{string(re.Rune)}, exact: true}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litSet{set: []string{""}, exact: true}
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) == 8 {
					return litSet{}
				}
				set = append(set, string(r))
			}
		}
		return litSet{set: set, exact: true}
	case syntax.OpCapture:
		return literals(re.Sub[0])
	case syntax.OpQuest:
		sub := literals(re.Sub[0])
		if !sub.exact || len(sub.set) >= maxLiterals {
			return litSet{}
		}
		return litSet{set: union(sub.set, []string{""}), exact: true}
	case syntax.OpPlus:
		sub := literals(re.Sub[0])
		return litSet{set: sub.set}
	case syntax.OpRepeat:
		if re.Min < 1 {
			return litSet{}
		}
		return litSet{set: literals(re.Sub[0]).set}
	case syntax.OpAlternate:
		var set []string
		exact := true
		for _, sub := range re.Sub {
			ls := literals(sub)
			if ls.set == nil || len(set)+len(ls.set) > maxLiterals {
				return litSet{}
			}
			set, exact = union(set, ls.set), exact && ls.exact
		}
		return litSet{set: set, exact: exact}
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	}
	return litSet{}
}

// concatLiterals joins runs of adjacent exact parts into their products
// and keeps the most selective requirement of the parts.
func concatLiterals(subs []*syntax.Regexp) litSet {
	var best litSet
	consider := func(ls litSet) {
		if ls.set == nil {
			return
		}
		set := minimal(ls.set)
		if best.set == nil || better(set, best.set) {
			best = litSet{set: set}
		}
	}
	run := []string{""}
	allExact := true
	for _, sub := range subs {
		ls := literals(sub)
		if ls.exact && len(run)*len(ls.set) <= maxLiterals {
			run = product(run, ls.set)
			continue
		}
		allExact = false
		consider(litSet{set: run})
		consider(ls)
		run = []string{""}
		if ls.exact {
			run = ls.set
		}
	}
	if allExact {
		return litSet{set: run, exact: true}
	}
	consider(litSet{set: run})
	return best
}

// better reports whether the requirement a is more selective than b: its
// shortest literal is longer, or as long with fewer literals to search.
func better(a, b []string) bool {
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return union(nil, out)
}

// union returns a ∪ b without repeats, in first-seen order.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// bytePairs is a Bloom filter of the pairs of adjacent bytes of a text
// (4,096 bits): a word whose pairs are not all in it is not in the text.
// The relation rules test a sentence for each of some 250 trigger words;
// most are absent, and the filter rules them out without a search.
type bytePairs [64]uint64

// pairBit numbers the pair of bytes a, b in the filter.
func pairBit(a, b byte) uint32 { return (uint32(a)<<8 | uint32(b)) * 0x9e3779b1 >> 20 }

// set makes f the filter of text s.
func (f *bytePairs) set(s string) {
	*f = bytePairs{}
	for i := 0; i+1 < len(s); i++ {
		h := pairBit(s[i], s[i+1])
		f[h>>6] |= 1 << (h & 63)
	}
}

// mayHold reports whether the text may contain w: false when a pair of
// w's bytes is missing from the text.
func (f *bytePairs) mayHold(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if h := pairBit(w[i], w[i+1]); f[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}
