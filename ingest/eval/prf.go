package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// PRF counts matches between a gold and a predicted set of items.
type PRF struct {
	TP, FP, FN int
}

// Add accumulates o into p.
func (p *PRF) Add(o PRF) { p.TP += o.TP; p.FP += o.FP; p.FN += o.FN }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (p PRF) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (p PRF) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// chunk is a typed token span [start, end).
type chunk struct {
	start, end int
	typ        string
}

// chunks reads typed spans from a BIO/IOB1/IOBES label sequence the way
// conlleval does: a chunk starts at B-/S-, at an I- whose type differs from
// the previous label's, or at an I- after O; it ends before O, B-, S-, a
// change of type, or after E-/S-.
func chunks(labels []string) []chunk {
	var out []chunk
	open := -1
	openType := ""
	prefix := func(l string) (string, string) {
		if l == "" || l == "O" || len(l) < 2 || l[1] != '-' {
			return "O", ""
		}
		return l[:1], l[2:]
	}
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, chunk{open, i, openType})
			open = -1
		}
	}
	for i, l := range labels {
		p, t := prefix(l)
		switch {
		case p == "O":
			closeAt(i)
		case p == "B" || p == "S" || p == "U" || open < 0 || t != openType:
			closeAt(i)
			open, openType = i, t
		}
		if p == "E" || p == "S" || p == "U" || p == "L" {
			closeAt(i + 1)
		}
	}
	closeAt(len(labels))
	return out
}

// Table is a per-type score table with a micro-averaged total.
type Table struct {
	ByType map[string]PRF
}

// Micro sums the counts of the given types (all types when none given).
func (t Table) Micro(types ...string) PRF {
	var p PRF
	if len(types) == 0 {
		for _, c := range t.ByType {
			p.Add(c)
		}
		return p
	}
	for _, ty := range types {
		p.Add(t.ByType[ty])
	}
	return p
}

// Add adds u's counts to t, type by type (pooling folds).
func (t *Table) Add(u Table) {
	if t.ByType == nil {
		t.ByType = map[string]PRF{}
	}
	for ty, c := range u.ByType {
		s := t.ByType[ty]
		s.Add(c)
		t.ByType[ty] = s
	}
}

// Types lists the types in the table, sorted.
func (t Table) Types() []string {
	var out []string
	for ty := range t.ByType {
		out = append(out, ty)
	}
	sort.Strings(out)
	return out
}

// ScoreBIO adds to t the entity-level exact-match counts of one sentence,
// as conlleval counts them: a predicted chunk is correct when its start,
// end and type all match a gold chunk.
func (t *Table) ScoreBIO(gold, pred []string) {
	if t.ByType == nil {
		t.ByType = map[string]PRF{}
	}
	g, p := chunks(gold), chunks(pred)
	goldSet := make(map[chunk]bool, len(g))
	for _, c := range g {
		goldSet[c] = true
	}
	predSet := make(map[chunk]bool, len(p))
	for _, c := range p {
		predSet[c] = true
		s := t.ByType[c.typ]
		if goldSet[c] {
			s.TP++
		} else {
			s.FP++
		}
		t.ByType[c.typ] = s
	}
	for _, c := range g {
		if !predSet[c] {
			s := t.ByType[c.typ]
			s.FN++
			t.ByType[c.typ] = s
		}
	}
}

// Write prints the table with one row per type and the given micro rows.
func (t Table) Write(w io.Writer, micro map[string][]string) {
	fmt.Fprintf(w, "  %-14s %7s %7s %7s %6s %6s %6s\n", "type", "P", "R", "F1", "TP", "FP", "FN")
	row := func(name string, p PRF) {
		fmt.Fprintf(w, "  %-14s %7.4f %7.4f %7.4f %6d %6d %6d\n", name, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
	}
	for _, ty := range t.Types() {
		row(ty, t.ByType[ty])
	}
	names := make([]string, 0, len(micro))
	for n := range micro {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		row(n, t.Micro(micro[n]...))
	}
}

// String renders the table with an overall micro row.
func (t Table) String() string {
	var b strings.Builder
	t.Write(&b, map[string][]string{"micro(all)": nil})
	return b.String()
}
