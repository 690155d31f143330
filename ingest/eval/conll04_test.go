package eval

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestCoNLL04ScoresGoldPerfectly feeds the scorer the gold relations of
// the shared dev split, typed as our relations, and expects every mapped
// class to score (almost) 1; a prediction with its ends swapped must score 0.
func TestCoNLL04ScoresGoldPerfectly(t *testing.T) {
	dir := dataDir(t)
	sents, err := LoadCoNLL04(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 231 { // SOURCE.txt: dev 231 sentences
		t.Errorf("got %d dev sentences, want 231", len(sents))
	}
	types := map[string]graph.RelationType{"work_for": graph.MemberOf, "located_in": graph.LocatedIn, "kill": graph.Attacked}
	for _, swap := range []bool{false, true} {
		o := oracle{}
		for _, s := range sents {
			o[s.Text] = func(a *graph.Article) *graph.Extraction {
				ex := &graph.Extraction{Article: *a}
				for i, e := range s.Entities {
					id := fmt.Sprint("e", i)
					ex.Entities = append(ex.Entities, graph.Entity{ID: id, Name: e.Text, Kind: graph.Organization})
					ex.Mentions = append(ex.Mentions, graph.Mention{EntityID: id, Citation: graph.Citation{Start: e.Start, End: e.End}})
				}
				for _, r := range s.Relations {
					h, tl := r.Head, r.Tail
					if swap {
						h, tl = tl, h
					}
					ex.Relationships = append(ex.Relationships, graph.RelationshipEvidence{Type: types[r.Class], SourceID: fmt.Sprint("e", h), TargetID: fmt.Sprint("e", tl)})
				}
				return ex
			}
		}
		res, err := CoNLL04(context.Background(), dir, "dev", o)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"work_for", "located_in", "kill", "mapped relations, micro"} {
			row, _ := res.Row(name)
			if row.TP+row.FN == 0 {
				t.Errorf("%s: no gold relations", name)
			}
			// Not quite 1: the split repeats a few sentences with
			// different gold ("BANGKOK , Thailand ( AP )" three times),
			// and the oracle answers by text.
			if f := row.F1(); !swap && f < 0.99 || swap && f > 0.05 {
				t.Errorf("swap=%v %s F1 %.4f", swap, name, f)
			}
		}
	}
}
