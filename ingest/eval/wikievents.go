package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// EventDoc is one WikiEvents document reduced to what the attack scorer
// needs: its text, its entity clusters as character spans, and the gold
// attacker → target pairs between clusters.
type EventDoc struct {
	ID       string
	Text     string
	Clusters [][]Mention // coreference clusters; singletons for unclustered mentions
	Attacks  [][2]int    // (attacker cluster, target cluster)
}

// Mention is a gold mention: its code-point span and text.
type Mention struct {
	Start, End int
	Text       string
}

// attackRoles lists, per event family, which argument roles attack and
// which are attacked. Killers and injurers are attackers of their victims.
var attackRoles = map[string]struct{ from, to []string }{
	"Conflict.Attack": {[]string{"Attacker"}, []string{"Target", "Victim"}},
	"Life.Die":        {[]string{"Killer"}, []string{"Victim"}},
	"Life.Injure":     {[]string{"Injurer"}, []string{"Victim"}},
}

type wikiDoc struct {
	DocID    string   `json:"doc_id"`
	Text     string   `json:"text"`
	Tokens   []string `json:"tokens"`
	Entities []struct {
		ID    string `json:"id"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"entity_mentions"`
	Events []struct {
		Type string `json:"event_type"`
		Args []struct {
			EntityID string `json:"entity_id"`
			Role     string `json:"role"`
		} `json:"arguments"`
	} `json:"event_mentions"`
}

type wikiCoref struct {
	DocKey   string     `json:"doc_key"`
	Clusters [][]string `json:"clusters"`
}

// LoadWikiEvents reads wikievents/dev.jsonl and coref/dev.jsonlines.
// Token offsets in the distributed files do not always match the text, so
// tokens are re-aligned to the text here.
func LoadWikiEvents(dataDir string) ([]EventDoc, error) {
	base := filepath.Join(dataDir, "wikievents")
	if err := checkDir(base); err != nil {
		return nil, err
	}
	coref := map[string][][]string{}
	if err := readJSONLines(filepath.Join(base, "coref", "dev.jsonlines"), func(b []byte) error {
		var c wikiCoref
		if err := json.Unmarshal(b, &c); err != nil {
			return err
		}
		coref[c.DocKey] = c.Clusters
		return nil
	}); err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var docs []EventDoc
	err := readJSONLines(filepath.Join(base, "dev.jsonl"), func(b []byte) error {
		var w wikiDoc
		if err := json.Unmarshal(b, &w); err != nil {
			return err
		}
		d, err := buildEventDoc(w, coref[w.DocID])
		if err != nil {
			return fmt.Errorf("%s: %w", w.DocID, err)
		}
		docs = append(docs, d)
		return nil
	})
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s: %w", base, ErrAbsent)
	}
	return docs, err
}

func readJSONLines(path string, each func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := each(sc.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}

// alignTokens finds each token in text, in order, returning code-point spans.
func alignTokens(text string, tokens []string) ([][2]int, error) {
	spans := make([][2]int, len(tokens))
	byteAt, runeAt := 0, 0
	for i, tok := range tokens {
		j := strings.Index(text[byteAt:], tok)
		if j < 0 {
			return nil, fmt.Errorf("token %d %q not found in text", i, tok)
		}
		runeAt += utf8.RuneCountInString(text[byteAt : byteAt+j])
		byteAt += j
		n := utf8.RuneCountInString(tok)
		spans[i] = [2]int{runeAt, runeAt + n}
		runeAt += n
		byteAt += len(tok)
	}
	return spans, nil
}

func buildEventDoc(w wikiDoc, clusters [][]string) (EventDoc, error) {
	d := EventDoc{ID: w.DocID, Text: w.Text}
	toks, err := alignTokens(w.Text, w.Tokens)
	if err != nil {
		return d, err
	}
	clusterOf := map[string]int{}
	for _, c := range clusters {
		for _, id := range c {
			clusterOf[id] = len(d.Clusters)
		}
		d.Clusters = append(d.Clusters, nil)
	}
	for _, e := range w.Entities {
		if e.Start < 0 || e.End > len(toks) || e.End <= e.Start {
			return d, fmt.Errorf("entity %s: token span [%d,%d) out of range", e.ID, e.Start, e.End)
		}
		c, ok := clusterOf[e.ID]
		if !ok {
			c = len(d.Clusters)
			clusterOf[e.ID] = c
			d.Clusters = append(d.Clusters, nil)
		}
		d.Clusters[c] = append(d.Clusters[c], Mention{Start: toks[e.Start][0], End: toks[e.End-1][1], Text: e.Text})
	}
	seen := map[[2]int]bool{}
	for _, ev := range w.Events {
		fam := ev.Type
		if i := strings.IndexByte(fam, '.'); i >= 0 {
			if j := strings.IndexByte(fam[i+1:], '.'); j >= 0 {
				fam = fam[:i+1+j]
			}
		}
		roles, ok := attackRoles[fam]
		if !ok {
			continue
		}
		for _, a := range ev.Args {
			if !contains(roles.from, a.Role) {
				continue
			}
			for _, t := range ev.Args {
				if !contains(roles.to, t.Role) {
					continue
				}
				ca, oka := clusterOf[a.EntityID]
				ct, okt := clusterOf[t.EntityID]
				p := [2]int{ca, ct}
				if oka && okt && ca != ct && !seen[p] {
					seen[p] = true
					d.Attacks = append(d.Attacks, p)
				}
			}
		}
	}
	return d, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// clusterMatches reports whether a predicted entity (its mention spans and
// names) refers to gold cluster c: a mention overlaps one of the cluster's
// mentions, or a name equals one of their texts, ignoring case.
func clusterMatches(c []Mention, spans [][2]int, names []string) bool {
	for _, m := range c {
		for _, s := range spans {
			if s[0] < m.End && m.Start < s[1] {
				return true
			}
		}
		for _, n := range names {
			if n != "" && strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(m.Text)) {
				return true
			}
		}
	}
	return false
}

// AttackScores scores predicted attack pairs (source → target entity)
// against a document's gold pairs. A prediction is correct when its
// source matches the gold attacker's cluster and its target the gold
// target's (see clusterMatches); each gold pair is matched at most once.
func AttackScores(d EventDoc, pred []PredictedPair) PRF {
	var s PRF
	used := make([]bool, len(d.Attacks))
	for _, p := range pred {
		hit := false
		for gi, g := range d.Attacks {
			if used[gi] {
				continue
			}
			if clusterMatches(d.Clusters[g[0]], p.Source.Spans, p.Source.Names) &&
				clusterMatches(d.Clusters[g[1]], p.Target.Spans, p.Target.Names) {
				used[gi], hit = true, true
				break
			}
		}
		if hit {
			s.TP++
		} else {
			s.FP++
		}
	}
	for _, u := range used {
		if !u {
			s.FN++
		}
	}
	return s
}

// PredictedEntity is what the scorers know of a predicted entity.
type PredictedEntity struct {
	Spans [][2]int // its mentions in the document, code points
	Names []string // canonical name and aliases
}

// PredictedPair is one predicted relationship, deduplicated per document.
type PredictedPair struct{ Source, Target PredictedEntity }

// predictedEntities indexes an extraction's entities with their mentions.
func predictedEntities(ex *graph.Extraction) map[string]*PredictedEntity {
	out := map[string]*PredictedEntity{}
	for _, e := range ex.Entities {
		out[e.ID] = &PredictedEntity{Names: append([]string{e.Name}, e.Aliases...)}
	}
	for _, m := range ex.Mentions {
		if p := out[m.EntityID]; p != nil {
			p.Spans = append(p.Spans, [2]int{m.Citation.Start, m.Citation.End})
		}
	}
	return out
}

// WikiEvents scores an extractor's ATTACKED relationships on WikiEvents dev
// against attacker → target/victim pairs (attack events, plus killer →
// victim and injurer → victim), per document, unique entity pairs.
func WikiEvents(ctx context.Context, dataDir string, x Extractor) (Result, error) {
	const dataset, task = "wikievents/dev", "ATTACKED relations: attacker → target/victim"
	docs, err := LoadWikiEvents(dataDir)
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task, Docs: len(docs)}
	var total PRF
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		ex := runExtractor(ctx, x, article("wikievents-"+d.ID, d.Text), &res)
		var pred []PredictedPair
		if ex != nil {
			ents := predictedEntities(ex)
			seen := map[[2]string]bool{}
			for _, r := range ex.Relationships {
				k := [2]string{r.SourceID, r.TargetID}
				if r.Type != graph.Attacked || seen[k] || ents[r.SourceID] == nil || ents[r.TargetID] == nil {
					continue
				}
				seen[k] = true
				pred = append(pred, PredictedPair{Source: *ents[r.SourceID], Target: *ents[r.TargetID]})
			}
		}
		total.Add(AttackScores(d, pred))
	}
	res.Rows = []Row{{Name: "attacked", PRF: total}}
	res.Notes = append(res.Notes, "an endpoint matches a gold argument when one of its mentions overlaps, or one of its names equals, a mention of the argument's coreference cluster")
	return res, nil
}
