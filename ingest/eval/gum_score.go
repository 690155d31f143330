package eval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// gumScored lists the GUM entity types newsgraph kinds map onto.
var gumScored = []string{"person", "organization", "place"}

// kindToGUM maps an entity kind to a GUM type; "" for kinds GUM has no
// type for (programmes), which are left out of the scores.
func kindToGUM(k graph.EntityKind) string {
	switch k {
	case graph.Person:
		return "person"
	case graph.Place:
		return "place"
	case graph.Group, graph.Organization, graph.Outlet:
		return "organization"
	}
	return ""
}

// PredictedMention is a predicted mention as the GUM scorer sees it.
type PredictedMention struct {
	Entity     string           // predicted entity id: mentions sharing it corefer
	Type       string           // GUM type the kind maps to
	Kind       graph.EntityKind // the extractor's kind, when an extractor predicted it
	Start, End int
}

// headMatch reports whether p is a mention of g: inside g's span and
// overlapping its head (so "Trump" matches "President Donald Trump").
func headMatch(g GUMMention, p PredictedMention) bool {
	return p.Start >= g.Start && p.End <= g.End && p.Start < g.Head[1] && g.Head[0] < p.End
}

// alignMentions pairs each predicted mention with at most one gold mention
// (the shortest head-matching one not yet taken), first the predictions
// whose type agrees with such a gold mention, then the others: where two
// predictions fall inside one gold mention ("US President" and "Barack
// Obama" inside the person "US President Barack Obama"), the one of the
// right type is its match and the other an extra mention, rather than the
// first in text order taking it and both counting as errors. It returns,
// per predicted mention, the index of its gold mention or -1.
func alignMentions(gold []GUMMention, pred []PredictedMention) []int {
	out := make([]int, len(pred))
	used := make([]bool, len(gold))
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return gold[order[a]].End-gold[order[a]].Start < gold[order[b]].End-gold[order[b]].Start
	})
	for pi := range out {
		out[pi] = -1
	}
	for _, sameType := range []bool{true, false} {
		for pi, p := range pred {
			if out[pi] >= 0 {
				continue
			}
			for _, gi := range order {
				if !used[gi] && (!sameType || gold[gi].Type == p.Type) && headMatch(gold[gi], p) {
					used[gi], out[pi] = true, gi
					break
				}
			}
		}
	}
	return out
}

// MentionScores scores predicted mentions against gold mentions of one
// document, untyped and typed (a typed match also needs the same type),
// with counts per gold type for the typed score.
func MentionScores(gold []GUMMention, pred []PredictedMention) (untyped PRF, typed map[string]PRF) {
	typed = map[string]PRF{}
	align := alignMentions(gold, pred)
	goldHit := make([]bool, len(gold))
	goldTypedHit := make([]bool, len(gold))
	for pi, gi := range align {
		t := typed[pred[pi].Type]
		if gi < 0 {
			untyped.FP++
			t.FP++
			typed[pred[pi].Type] = t
			continue
		}
		untyped.TP++
		goldHit[gi] = true
		if gold[gi].Type == pred[pi].Type {
			t.TP++
			goldTypedHit[gi] = true
		} else {
			t.FP++
		}
		typed[pred[pi].Type] = t
	}
	for gi, g := range gold {
		if !goldHit[gi] {
			untyped.FN++
		}
		if !goldTypedHit[gi] {
			t := typed[g.Type]
			t.FN++
			typed[g.Type] = t
		}
	}
	return untyped, typed
}

// BCubed computes B³ precision and recall sums over aligned mention pairs:
// for each pair, the overlap of its gold cluster and its predicted cluster
// (both counted in aligned pairs) over the size of each. It returns the
// sums and the number of pairs, so callers can pool documents.
func BCubed(gold []GUMMention, pred []PredictedMention, align []int) (pSum, rSum float64, n int) {
	type pair struct{ g, p int }
	var pairs []pair
	for pi, gi := range align {
		if gi >= 0 {
			pairs = append(pairs, pair{gi, pi})
		}
	}
	for _, a := range pairs {
		both, sameGold, samePred := 0, 0, 0
		for _, b := range pairs {
			sg := gold[a.g].Entity == gold[b.g].Entity
			sp := pred[a.p].Entity == pred[b.p].Entity
			if sg {
				sameGold++
			}
			if sp {
				samePred++
			}
			if sg && sp {
				both++
			}
		}
		pSum += float64(both) / float64(samePred)
		rSum += float64(both) / float64(sameGold)
	}
	return pSum, rSum, len(pairs)
}

// GUM scores an extractor's mentions, kinds and within-document
// coreference on the GUM news documents. Gold mentions are the named ones
// (proper-noun head) of type person, organization or place; a predicted
// mention matches a gold one when it lies inside it and overlaps its head.
// Coreference is B³ over the aligned mentions (predicted clusters are
// entity ids), so it measures linking apart from detection.
func GUM(ctx context.Context, dataDir string, x Extractor) (Result, error) {
	const dataset, task = "gum-news", "named mentions, kinds (head match) and coreference (B³)"
	docs, err := LoadGUM(dataDir)
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task, Docs: len(docs)}
	var untyped PRF
	typed := map[string]PRF{}
	var entityOnly PRF // kinds micro with every mention typed by its entity's kind
	var pSum, rSum float64
	var pairs int
	confused := map[string]int{} // "gold type←our kind" of aligned mentions typed wrong
	bySplit := map[string]*PRF{"train": {}, "dev": {}, "test": {}}
	entityOnlyBySplit := map[string]*PRF{"train": {}, "dev": {}, "test": {}}
	inContext := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		var gold []GUMMention
		for _, m := range d.Mentions {
			if m.Named && contains(gumScored, m.Type) {
				gold = append(gold, m)
			}
		}
		var pred, predEntity []PredictedMention
		if ex := runExtractor(ctx, x, article("gum-"+d.Name, d.Text), &res); ex != nil {
			pred, predEntity = predictedMentions(ex, true), predictedMentions(ex, false)
			for _, m := range ex.Mentions {
				if m.KindInContext != "" {
					inContext++
				}
			}
		}
		u, ty := MentionScores(gold, pred)
		untyped.Add(u)
		for k, v := range ty {
			t := typed[k]
			t.Add(v)
			typed[k] = t
			bySplit[gumSplit(d.Name)].Add(v)
		}
		_, tyEntity := MentionScores(gold, predEntity)
		for _, v := range tyEntity {
			entityOnly.Add(v)
			entityOnlyBySplit[gumSplit(d.Name)].Add(v)
		}
		align := alignMentions(gold, pred)
		for pi, gi := range align {
			if gi >= 0 && gold[gi].Type != pred[pi].Type {
				confused[gold[gi].Type+"←"+string(pred[pi].Kind)]++
			}
		}
		p, r, n := BCubed(gold, pred, align)
		pSum, rSum, pairs = pSum+p, rSum+r, pairs+n
	}
	res.Rows = append(res.Rows, Row{Name: "mentions (untyped)", PRF: untyped})
	var all PRF
	for _, t := range gumScored {
		res.Rows = append(res.Rows, Row{Name: "kind " + t, PRF: typed[t]})
		all.Add(typed[t])
	}
	res.Rows = append(res.Rows, Row{Name: "kinds micro", PRF: all})
	for _, sp := range []string{"train", "dev", "test"} {
		res.Rows = append(res.Rows, Row{Name: "kinds micro, GUM " + sp, PRF: *bySplit[sp]})
	}
	res.Rows = append(res.Rows, Row{Name: "kinds micro, entity kinds only", PRF: entityOnly})
	for _, sp := range []string{"train", "dev", "test"} {
		res.Rows = append(res.Rows, Row{Name: "kinds micro, entity kinds only, GUM " + sp, PRF: *entityOnlyBySplit[sp]})
	}
	b := Score{}
	if pairs > 0 {
		b = Score{P: pSum / float64(pairs), R: rSum / float64(pairs)}
	}
	res.Rows = append(res.Rows, Row{Name: "coref B³ (aligned)", Score: &b})
	res.Notes = append(res.Notes, "GUM's own splits: dev = homeopathic, iodine; test = nasa, sensitive; train = the other news documents (no model is trained on GUM; rules were developed on its train documents)",
		"PROGRAM mentions are not scored (GUM has no such type); GROUP, ORGANIZATION and OUTLET count as organization",
		fmt.Sprintf("kind rows score each mention's kind in context where the extractor gives one (a country as a team or a state, a name in a body's context, a list a class noun introduces, an office's title, a people: %d mentions), else its entity's kind, as GUM types mentions in context; the 'entity kinds only' rows score every mention by its entity's kind", inContext),
		"found but typed wrong (gold type←our kind): "+countsByFrequency(confused))
	return res, nil
}

// predictedMentions are an extraction's mentions as the GUM scorer sees
// them: typed by the mention's kind in context where it has one and
// inContext is set, else by its entity's kind.
func predictedMentions(ex *graph.Extraction, inContext bool) []PredictedMention {
	kinds := map[string]graph.EntityKind{}
	for _, e := range ex.Entities {
		kinds[e.ID] = e.Kind
	}
	var out []PredictedMention
	for _, m := range ex.Mentions {
		k := kinds[m.EntityID]
		if inContext && m.KindInContext != "" {
			k = m.KindInContext
		}
		if t := kindToGUM(k); t != "" {
			out = append(out, PredictedMention{Entity: m.EntityID, Type: t, Kind: k, Start: m.Citation.Start, End: m.Citation.End})
		}
	}
	return out
}

// countsByFrequency renders counts as "k1 n1, k2 n2, ...", most frequent
// first, ties by key.
func countsByFrequency(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// conllToGUM maps tagger types to GUM types; MISC has no counterpart.
var conllToGUM = map[string]string{"PER": "person", "ORG": "organization", "LOC": "place"}

// GUMTagger scores a sentence tagger's PER/ORG/LOC mentions on the GUM
// news documents (tokens as GUM gives them), against the same named gold
// mentions as GUM: a measure of the tagger on news it was not trained on.
func GUMTagger(dataDir string, tagger Tagger) (Result, error) {
	const dataset, task = "gum-news", "tagger named mentions, kinds (head match)"
	docs, err := LoadGUM(dataDir)
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task, Docs: len(docs)}
	var untyped PRF
	typed := map[string]PRF{}
	for _, d := range docs {
		var gold []GUMMention
		for _, m := range d.Mentions {
			if m.Named && contains(gumScored, m.Type) {
				gold = append(gold, m)
			}
		}
		var pred []PredictedMention
		forms := make([][]string, len(d.Sentences))
		for si, s := range d.Sentences {
			forms[si] = make([]string, len(s))
			for i, tok := range s {
				forms[si][i] = tok.Form
			}
			res.Words += len(s)
		}
		tm := startTimer()
		tagged := tagDocument(tagger, forms)
		tm.stop(&res)
		for si, s := range d.Sentences {
			for ci, c := range chunks(tagged[si]) {
				if t, ok := conllToGUM[c.typ]; ok {
					pred = append(pred, PredictedMention{Entity: fmt.Sprint(si, ".", ci), Type: t, Start: s[c.start].Start, End: s[c.end-1].End})
				}
			}
		}
		u, ty := MentionScores(gold, pred)
		untyped.Add(u)
		for k, v := range ty {
			t := typed[k]
			t.Add(v)
			typed[k] = t
		}
	}
	res.Rows = append(res.Rows, Row{Name: "mentions (untyped)", PRF: untyped})
	var all PRF
	for _, t := range gumScored {
		res.Rows = append(res.Rows, Row{Name: "kind " + t, PRF: typed[t]})
		all.Add(typed[t])
	}
	res.Rows = append(res.Rows, Row{Name: "kinds micro", PRF: all})
	res.Notes = append(res.Notes, "PER→person, ORG→organization, LOC→place; MISC not scored")
	return res, nil
}

// gumSplit is the partition of GUM's official splits (splits.md of the
// GUM repository) that a news document belongs to.
func gumSplit(name string) string {
	switch strings.TrimPrefix(name, "GUM_news_") {
	case "homeopathic", "iodine":
		return "dev"
	case "nasa", "sensitive":
		return "test"
	}
	return "train"
}
