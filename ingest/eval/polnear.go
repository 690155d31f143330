package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
)

// Extent is a stretch of text in code points, End exclusive. Discontinuous
// brat spans keep their fragments in Parts; Start and End then bound them.
type Extent struct {
	Start, End int
	Parts      [][2]int
}

// fragments returns the pieces of e.
func (e Extent) fragments() [][2]int {
	if len(e.Parts) > 0 {
		return e.Parts
	}
	return [][2]int{{e.Start, e.End}}
}

// Overlaps reports whether e and o share at least one code point.
func (e Extent) Overlaps(o Extent) bool {
	for _, a := range e.fragments() {
		for _, b := range o.fragments() {
			if a[0] < b[1] && b[0] < a[1] {
				return true
			}
		}
	}
	return false
}

// Attribution is one gold attribution relation. Source is absent (zero,
// HasSource false) for attributions with no stated source.
type Attribution struct {
	Source, Cue, Content Extent
	HasSource            bool
}

// AttributionDoc is one PolNeAR article with the attributions of one annotator.
type AttributionDoc struct {
	Name      string // article file name without extension
	Annotator string
	Text      string
	Spans     map[string][]Extent // "Source", "Cue", "Content" -> the spans of every attribution
	Relations []Attribution
}

// LoadPolNeAR reads polnear/<split>/{text,attributions}. Articles annotated
// by several people are scored against one annotator only: the smallest
// annotator id, so that the choice is deterministic.
func LoadPolNeAR(dataDir, split string) ([]AttributionDoc, error) {
	base := filepath.Join(dataDir, "polnear", split)
	names, anns, err := polnearAnnotations(base)
	if err != nil {
		return nil, err
	}
	var docs []AttributionDoc
	for _, art := range names {
		doc, err := loadBrat(base, art, anns[art][0])
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// polnearAnnotations lists the articles of one split directory in file-name
// order and, for each, its .ann paths sorted by annotator id, so that
// LoadPolNeAR and PolNeARAgreement agree on which annotator comes first.
func polnearAnnotations(base string) (names []string, anns map[string][]string, err error) {
	if err := checkDir(base); err != nil {
		return nil, nil, err
	}
	paths, err := filepath.Glob(filepath.Join(base, "attributions", "*.ann"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(paths)
	anns = map[string][]string{}
	for _, p := range paths {
		stem := strings.TrimSuffix(filepath.Base(p), ".ann")
		i := strings.LastIndexByte(stem, '_')
		if i < 0 {
			return nil, nil, fmt.Errorf("%s: no annotator id in file name", p)
		}
		art := stem[:i]
		if _, ok := anns[art]; !ok {
			names = append(names, art)
		}
		anns[art] = append(anns[art], p)
	}
	return names, anns, nil
}

// loadBrat reads the annotations in path over the text of article art.
func loadBrat(base, art, path string) (AttributionDoc, error) {
	text, err := os.ReadFile(filepath.Join(base, "text", art+".txt"))
	if err != nil {
		return AttributionDoc{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return AttributionDoc{}, err
	}
	defer f.Close()
	doc, err := ParseBrat(f, string(text))
	if err != nil {
		return AttributionDoc{}, fmt.Errorf("%s: %w", path, err)
	}
	stem := strings.TrimSuffix(filepath.Base(path), ".ann")
	doc.Name, doc.Annotator = art, stem[len(art)+1:]
	return doc, nil
}

// ParseBrat reads PolNeAR brat standoff annotations over text.
func ParseBrat(r io.Reader, text string) (AttributionDoc, error) {
	doc := AttributionDoc{Text: text, Spans: map[string][]Extent{}}
	type tb struct {
		typ string
		ext Extent
	}
	tbs := map[string]tb{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "" {
			continue
		}
		switch cols[0][0] {
		case 'T':
			sp := strings.IndexByte(cols[1], ' ')
			if sp < 0 {
				return doc, fmt.Errorf("line %d: text-bound annotation without offsets", line)
			}
			typ := cols[1][:sp]
			ext, err := parseFragments(cols[1][sp+1:])
			if err != nil {
				return doc, fmt.Errorf("line %d: %w", line, err)
			}
			tbs[cols[0]] = tb{typ, ext}
		case 'E':
			events = append(events, strings.Fields(cols[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return doc, err
	}
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			t, ok := tbs[id]
			if !ok {
				return doc, fmt.Errorf("event refers to unknown %s", id)
			}
			switch role {
			case "Source", "Cue", "Content":
				doc.Spans[role] = append(doc.Spans[role], t.ext)
			}
			switch role {
			case "Source":
				a.Source, a.HasSource = t.ext, true
			case "Cue":
				a.Cue = t.ext
			case "Content":
				a.Content = t.ext
			}
		}
		doc.Relations = append(doc.Relations, a)
	}
	return doc, nil
}

// parseFragments reads "12 20" or "12 20;25 30".
func parseFragments(s string) (Extent, error) {
	var e Extent
	for i, frag := range strings.Split(s, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		if !ok {
			return e, fmt.Errorf("bad span %q", frag)
		}
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || end < start {
			return e, fmt.Errorf("bad span %q", frag)
		}
		e.Parts = append(e.Parts, [2]int{start, end})
		if i == 0 || start < e.Start {
			e.Start = start
		}
		if end > e.End {
			e.End = end
		}
	}
	if len(e.Parts) == 1 {
		e.Parts = nil
	}
	return e, nil
}

// trimExtent narrows e past surrounding spaces, quotation marks and
// punctuation, so that exact match does not hinge on whether a quote mark
// or final period was included.
func trimExtent(text []rune, e Extent) Extent {
	s, t := e.Start, min(e.End, len(text))
	trim := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.In(r, unicode.Pi, unicode.Pf)
	}
	for s < t && trim(text[s]) {
		s++
	}
	for t > s && trim(text[t-1]) {
		t--
	}
	return Extent{Start: s, End: t}
}

// SpanScores compares predicted spans with gold spans of one document.
// Exact: a span is matched when, trimmed of surrounding space and
// punctuation, its bounds equal those of a span on the other side.
// Overlap: when it shares a code point with one. Precision counts matched
// predictions, recall matched gold spans; duplicates count once.
func SpanScores(text []rune, gold, pred []Extent) (exact, overlap PRF) {
	gold, pred = dedupe(text, gold), dedupe(text, pred)
	matched := func(x Extent, others []Extent, eq func(a, b Extent) bool) bool {
		for _, o := range others {
			if eq(x, o) {
				return true
			}
		}
		return false
	}
	same := func(a, b Extent) bool {
		ta, tb := trimExtent(text, a), trimExtent(text, b)
		return ta.Start == tb.Start && ta.End == tb.End
	}
	over := func(a, b Extent) bool { return a.Overlaps(b) }
	for _, p := range pred {
		if matched(p, gold, same) {
			exact.TP++
		} else {
			exact.FP++
		}
		if matched(p, gold, over) {
			overlap.TP++
		} else {
			overlap.FP++
		}
	}
	for _, g := range gold {
		if !matched(g, pred, same) {
			exact.FN++
		}
		if !matched(g, pred, over) {
			overlap.FN++
		}
	}
	return exact, overlap
}

// dedupe drops spans whose trimmed bounds repeat an earlier one, and empty spans.
func dedupe(text []rune, xs []Extent) []Extent {
	seen := map[[2]int]bool{}
	var out []Extent
	for _, x := range xs {
		t := trimExtent(text, x)
		k := [2]int{t.Start, t.End}
		if t.End <= t.Start || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

// PolNeAR scores an extractor's claims on PolNeAR (split "dev" or "train"):
// the source, cue and content spans of each ClaimEvidence against the gold
// attributions, exact and overlap.
func PolNeAR(ctx context.Context, dataDir, split string, x Extractor) (Result, error) {
	dataset, task := "polnear/"+split, "claim attribution spans (source, cue, content)"
	docs, err := LoadPolNeAR(dataDir, split)
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	return scorePolNeAR(ctx, Result{Dataset: dataset, Task: task}, docs, x)
}

// PolNeARArticles scores x on the given PolNeAR articles, as PolNeAR
// scores a split: for held-out training articles (cmd/nertrain -holdout
// -extract), whose scores guide model choices while dev stays unread.
func PolNeARArticles(ctx context.Context, dataset string, docs []AttributionDoc, x Extractor) (Result, error) {
	return scorePolNeAR(ctx, Result{Dataset: dataset, Task: "claim attribution spans (source, cue, content)"}, docs, x)
}

// scorePolNeAR scores x on docs into res.
func scorePolNeAR(ctx context.Context, res Result, docs []AttributionDoc, x Extractor) (Result, error) {
	res.Docs = len(docs)
	parts := []string{"Source", "Cue", "Content"}
	exact := map[string]*PRF{}
	overlap := map[string]*PRF{}
	claimsOnly := map[string]*PRF{}
	visible := map[string]*PRF{}
	for _, p := range parts {
		exact[p], overlap[p], claimsOnly[p], visible[p] = &PRF{}, &PRF{}, &PRF{}, &PRF{}
	}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		ex := runExtractor(ctx, x, article("polnear-"+d.Name, d.Text), &res)
		var claims, acts []graph.ClaimEvidence
		if ex != nil {
			claims, acts = ex.Claims, ex.Acts
		}
		// PolNeAR annotates attributions, noun-phrase contents too: the
		// extractor's acts count with its claims; the claims alone are
		// scored on the side (what the graph keeps).
		pred, predClaims := attributionExtents(append(append([]graph.ClaimEvidence{}, claims...), acts...)), attributionExtents(claims)
		predVisible := attributionExtents(firmClaims(claims))
		text := []rune(d.Text)
		for _, p := range parts {
			e, o := SpanScores(text, d.Spans[p], pred[p])
			exact[p].Add(e)
			overlap[p].Add(o)
			for _, side := range []struct {
				pred map[string][]Extent
				into map[string]*PRF
			}{{predClaims, claimsOnly}, {predVisible, visible}} {
				e, o = SpanScores(text, d.Spans[p], side.pred[p])
				if p == "Content" {
					e = o
				}
				side.into[p].Add(e)
			}
		}
	}
	for _, p := range parts {
		res.Rows = append(res.Rows, Row{Name: strings.ToLower(p) + " exact", PRF: *exact[p]}, Row{Name: strings.ToLower(p) + " overlap", PRF: *overlap[p]})
	}
	res.Rows = append(res.Rows, Row{Name: "claims: source exact", PRF: *claimsOnly["Source"]},
		Row{Name: "claims: cue exact", PRF: *claimsOnly["Cue"]}, Row{Name: "claims: content overlap", PRF: *claimsOnly["Content"]},
		Row{Name: "firm: source exact", PRF: *visible["Source"]},
		Row{Name: "firm: cue exact", PRF: *visible["Cue"]}, Row{Name: "firm: content overlap", PRF: *visible["Content"]})
	res.Notes = append(res.Notes, "claims: without the attributions whose content is a noun phrase (acts), which the graph does not keep as claims")
	res.Notes = append(res.Notes, fmt.Sprintf("firm: the claims the API lists by default, without the tentative ones (noisy-or confidence over the article's citations below %.2f)", graph.TentativeClaimConfidence))
	res.Notes = append(res.Notes, "one annotator per article (smallest id); exact match ignores surrounding space, quotes and punctuation")
	return res, nil
}

// firmClaims leaves out the tentative claims: those whose confidence, a
// noisy-or over their citations in the article as a store would combine
// them, is below graph.TentativeClaimConfidence.
func firmClaims(cs []graph.ClaimEvidence) []graph.ClaimEvidence {
	miss := map[string]float64{} // claim id -> product of (1 - confidence)
	for _, c := range cs {
		if _, ok := miss[c.ClaimID]; !ok {
			miss[c.ClaimID] = 1
		}
		miss[c.ClaimID] *= 1 - c.Citation.Confidence
	}
	var out []graph.ClaimEvidence
	for _, c := range cs {
		if 1-miss[c.ClaimID] >= graph.TentativeClaimConfidence {
			out = append(out, c)
		}
	}
	return out
}

// attributionExtents collects the source, cue and content spans of
// attributions.
func attributionExtents(cs []graph.ClaimEvidence) map[string][]Extent {
	pred := map[string][]Extent{}
	for _, c := range cs {
		if c.Source.End > c.Source.Start {
			pred["Source"] = append(pred["Source"], Extent{Start: c.Source.Start, End: c.Source.End})
		}
		if c.Cue.End > c.Cue.Start {
			pred["Cue"] = append(pred["Cue"], Extent{Start: c.Cue.Start, End: c.Cue.End})
		}
		pred["Content"] = append(pred["Content"], Extent{Start: c.Citation.Start, End: c.Citation.End})
	}
	return pred
}
