package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// CoNLL04 (Roth & Yih 2004; the SpERT split) holds single news sentences
// with their entities and the relations between them. Four of its five
// relation types have a counterpart among ours; the mapping is stated
// here, and the fifth (Live_In: a person lives in a place) is not scored,
// since our graph has no residence relation:
//
//	Work_For    person → organisation  LEADER_OF or MEMBER_OF
//	OrgBased_In organisation → place   LOCATED_IN
//	Located_In  place → place          LOCATED_IN
//	Kill        person → person        ATTACKED
//
// Predictions of our other types (RIVAL_OF, HOSTED, …) have no gold here
// and are not counted.
var conll04Classes = map[string]string{
	"Work_For":    "work_for",
	"OrgBased_In": "located_in",
	"Located_In":  "located_in",
	"Kill":        "kill",
}

// relationClass is the CoNLL04 class one of our relation types is scored
// as, or "" for types CoNLL04 has no gold for.
func relationClass(t graph.RelationType) string {
	switch t {
	case graph.LeaderOf, graph.MemberOf:
		return "work_for"
	case graph.LocatedIn:
		return "located_in"
	case graph.Attacked:
		return "kill"
	}
	return ""
}

// conll04Sentence is one CoNLL04 sentence: its text (tokens joined by
// spaces), its entities as code-point spans, and its gold relations by
// class.
type conll04Sentence struct {
	Text      string
	Entities  []Mention
	Relations []conll04Relation
}

type conll04Relation struct {
	Class      string
	Head, Tail int // indices into Entities
}

type conll04JSON struct {
	Tokens    []string `json:"tokens"`
	Tags      []string `json:"tags"`
	Relations []struct {
		Head int    `json:"head"`
		Tail int    `json:"tail"`
		Type string `json:"type"`
	} `json:"relations"`
}

// LoadCoNLL04 reads conll04/conll04_SPLIT.json (split dev or test).
func LoadCoNLL04(dataDir, split string) ([]conll04Sentence, error) {
	path := filepath.Join(dataDir, "conll04", "conll04_"+split+".json")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrAbsent)
	}
	if err != nil {
		return nil, err
	}
	var raw []conll04JSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]conll04Sentence, 0, len(raw))
	for i, r := range raw {
		s, err := buildCoNLL04(r)
		if err != nil {
			return nil, fmt.Errorf("%s: sentence %d: %w", path, i, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// buildCoNLL04 joins the tokens into text and reads the BILOU tags into
// entity spans, in order of appearance (the relations' indices).
func buildCoNLL04(r conll04JSON) (conll04Sentence, error) {
	var s conll04Sentence
	if len(r.Tags) != len(r.Tokens) {
		return s, fmt.Errorf("%d tags for %d tokens", len(r.Tags), len(r.Tokens))
	}
	spans := make([][2]int, len(r.Tokens))
	var text strings.Builder
	at := 0
	for i, tok := range r.Tokens {
		if i > 0 {
			text.WriteByte(' ')
			at++
		}
		n := len([]rune(tok))
		spans[i] = [2]int{at, at + n}
		text.WriteString(tok)
		at += n
	}
	s.Text = text.String()
	open := -1
	for i, tag := range r.Tags {
		switch {
		case strings.HasPrefix(tag, "U-"):
			s.Entities = append(s.Entities, Mention{Start: spans[i][0], End: spans[i][1], Text: r.Tokens[i]})
		case strings.HasPrefix(tag, "B-"):
			open = i
		case strings.HasPrefix(tag, "L-") && open >= 0:
			s.Entities = append(s.Entities, Mention{Start: spans[open][0], End: spans[i][1], Text: strings.Join(r.Tokens[open:i+1], " ")})
			open = -1
		}
	}
	for _, rel := range r.Relations {
		if rel.Head < 0 || rel.Tail < 0 || rel.Head >= len(s.Entities) || rel.Tail >= len(s.Entities) {
			return s, fmt.Errorf("relation %s: entity index out of range (%d entities)", rel.Type, len(s.Entities))
		}
		// A pair labelled both OrgBased_In and Located_In is one
		// LOCATED_IN.
		g := conll04Relation{Class: conll04Classes[rel.Type], Head: rel.Head, Tail: rel.Tail}
		if g.Class != "" && !slices.Contains(s.Relations, g) {
			s.Relations = append(s.Relations, g)
		}
	}
	return s, nil
}

// CoNLL04 scores an extractor's relationships on a CoNLL04 split against
// the gold relations, mapped as conll04Classes states: per sentence, each
// predicted (class, source, target) once; a prediction is right when its
// source matches the gold head entity and its target the gold tail (a
// mention overlaps, or a name equals, the gold entity's text), and each
// gold relation is matched at most once.
func CoNLL04(ctx context.Context, dataDir, split string, x Extractor) (Result, error) {
	dataset := "conll04/" + split
	const task = "relationships: Work_For→LEADER_OF|MEMBER_OF, OrgBased_In|Located_In→LOCATED_IN, Kill→ATTACKED"
	sents, err := LoadCoNLL04(dataDir, split)
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task, Docs: len(sents)}
	classes := []string{"work_for", "located_in", "kill"}
	scores := map[string]*PRF{}
	for _, c := range classes {
		scores[c] = &PRF{}
	}
	for i, s := range sents {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		ex := runExtractor(ctx, x, article(fmt.Sprintf("conll04-%s-%d", split, i), s.Text), &res)
		var pred []classedPair
		if ex != nil {
			pred = classedPairs(ex)
		}
		for c, prf := range scoreCoNLL04(s, pred) {
			scores[c].Add(prf)
		}
	}
	var all PRF
	for _, c := range classes {
		res.Rows = append(res.Rows, Row{Name: c, PRF: *scores[c]})
		all.Add(*scores[c])
	}
	res.Rows = append(res.Rows, Row{Name: "mapped relations, micro", PRF: all})
	res.Notes = append(res.Notes,
		"Live_In (person → place) is not scored: the graph has no residence relation; our other relation types have no CoNLL04 gold and are not counted",
		"an endpoint matches a gold entity when one of its mentions overlaps it or one of its names equals its text")
	return res, nil
}

// classedPair is a predicted relationship reduced to its CoNLL04 class.
type classedPair struct {
	Class string
	PredictedPair
}

// classedPairs returns an extraction's relationships of the scored
// classes, each (class, source, target) once.
func classedPairs(ex *graph.Extraction) []classedPair {
	ents := predictedEntities(ex)
	seen := map[[3]string]bool{}
	var out []classedPair
	for _, r := range ex.Relationships {
		c := relationClass(r.Type)
		k := [3]string{c, r.SourceID, r.TargetID}
		if c == "" || seen[k] || ents[r.SourceID] == nil || ents[r.TargetID] == nil {
			continue
		}
		seen[k] = true
		out = append(out, classedPair{Class: c, PredictedPair: PredictedPair{Source: *ents[r.SourceID], Target: *ents[r.TargetID]}})
	}
	return out
}

// scoreCoNLL04 scores one sentence's predictions, by class.
func scoreCoNLL04(s conll04Sentence, pred []classedPair) map[string]PRF {
	out := map[string]PRF{}
	used := make([]bool, len(s.Relations))
	for _, p := range pred {
		prf := out[p.Class]
		hit := false
		// Spans first, then names: a sentence may name two entities
		// alike ("Washington" the city and the state).
		for _, byName := range []bool{false, true} {
			for gi, g := range s.Relations {
				if hit || used[gi] || g.Class != p.Class {
					continue
				}
				var sn, tn []string
				if byName {
					sn, tn = p.Source.Names, p.Target.Names
				}
				if clusterMatches([]Mention{s.Entities[g.Head]}, p.Source.Spans, sn) &&
					clusterMatches([]Mention{s.Entities[g.Tail]}, p.Target.Spans, tn) {
					used[gi], hit = true, true
				}
			}
		}
		if hit {
			prf.TP++
		} else {
			prf.FP++
		}
		out[p.Class] = prf
	}
	for gi, g := range s.Relations {
		if !used[gi] {
			prf := out[g.Class]
			prf.FN++
			out[g.Class] = prf
		}
	}
	return out
}
