package extract

import (
	"sort"
	"strconv"
	"strings"
)

// abstract is a sentence rewritten for pattern matching: lower-case tokens
// separated by single spaces, each resolved mention replaced by a slot
// "E<n>" ("the two groups" by "E<n> and E<m>"). Relation and claim patterns
// are regular expressions over it, so matching is linear in its length.
type abstract struct {
	s     string
	pos   []int     // byte offset in s of each item
	tok0  []int     // first token of each item
	tok1  []int     // token after each item
	slots []slot    // the entities behind "E<n>"
	pairs bytePairs // of s, for the patterns' prefilters
}

// slot is one entity occurrence in an abstract.
type slot struct {
	m   *mention
	ent *entity
}

// abstractOf builds the abstract of sentence si.
func (d *doc) abstractOf(si int) *abstract {
	s := d.sents[si]
	a := &abstract{}
	var b strings.Builder
	ms := d.bySent[si]
	k := 0
	item := func(text string, t0, t1 int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		a.pos = append(a.pos, b.Len())
		a.tok0 = append(a.tok0, t0)
		a.tok1 = append(a.tok1, t1)
		b.WriteString(text)
	}
	for t := s.T0; t < s.T1; {
		for k < len(ms) && ms[k].T0 < t {
			k++
		}
		if k < len(ms) && ms[k].T0 == t {
			m := ms[k]
			item(d.slotName(a, m, m.Ent), m.T0, m.T1)
			if m.Other != nil {
				item("and", m.T0, m.T1)
				item(d.slotName(a, m, m.Other), m.T0, m.T1)
			}
			t = m.T1
			continue
		}
		w := d.lower[t]
		if t > s.T0 && d.nameWord(t) && !isTitle(w) && !roleNouns[w] && !roleModifiers[w] && !commonCapitalised[w] {
			// A capitalised word no source recognised is likely part of a
			// name: keep lower-case fillers ({W}) from matching it.
			w = "~" + w
		}
		if w == "’s" || w == "'s" {
			w = "'s"
		} else if w == "“" || w == "”" || w == "\"" || w == "''" || w == "``" {
			w = "\""
		}
		item(w, t, t+1)
		t++
	}
	a.s = b.String()
	a.pairs.set(a.s)
	return a
}

func (d *doc) slotName(a *abstract, m *mention, e *entity) string {
	a.slots = append(a.slots, slot{m: m, ent: e})
	return "E" + strconv.Itoa(len(a.slots)-1)
}

// item returns the index of the item at byte offset off of a.s.
func (a *abstract) item(off int) int {
	i := sort.SearchInts(a.pos, off+1) - 1
	if i < 0 {
		i = 0
	}
	return i
}

// tokens maps the byte range [b0, b1) of a.s to a token range.
func (a *abstract) tokens(b0, b1 int) (int, int) {
	if b1 <= b0 {
		return 0, 0
	}
	return a.tok0[a.item(b0)], a.tok1[a.item(b1-1)]
}

// slotAt returns the slot named by the text at [b0, b1), "E<n>".
func (a *abstract) slotAt(b0, b1 int) *slot {
	if b0 < 0 || b1-b0 < 2 || a.s[b0] != 'E' {
		return nil
	}
	n, err := strconv.Atoi(a.s[b0+1 : b1])
	if err != nil || n >= len(a.slots) {
		return nil
	}
	return &a.slots[n]
}
