package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// evalData is a tiny evaluation data set, invented for this test, laid out
// as ../shared/eval-data lays out the real ones.
var evalData = map[string]string{
	// CoNLL-2003: token, POS, chunk, label; 3 PER, 2 ORG, 2 LOC in gold.
	"conllpp/conllpp_dev.txt": `-DOCSTART- -X- -X- O

Maria NNP B-NP B-PER
Okafor NNP I-NP I-PER
met VBD B-VP O
Tomas NNP B-NP B-PER
Berg NNP I-NP I-PER
in IN B-PP O
Lagos NNP B-NP B-LOC
. . O O

The DT B-NP O
Harbour NNP I-NP B-ORG
Authority NNP I-NP I-ORG
of IN B-PP O
Valdor NNP B-NP B-LOC
hired VBD B-VP O
Anna NNP B-NP B-PER
from IN B-PP O
Kestrel NNP B-NP B-ORG
Bank NNP I-NP I-ORG
. . O O
`,
	// PolNeAR: brat standoff over the text; one annotator per article.
	"polnear/dev/text/invented-1.txt": "The mayor said taxes will fall next year. Aides reported that the budget was ready.",
	"polnear/dev/attributions/invented-1_a1.ann": "T1\tSource 0 9\tThe mayor\n" +
		"T2\tCue 10 14\tsaid\n" +
		"T3\tContent 15 40\ttaxes will fall next year\n" +
		"E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n" +
		"T4\tSource 42 47\tAides\n" +
		"T5\tCue 48 56\treported\n" +
		"T6\tContent 57 82\tthat the budget was ready\n" +
		"E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n",
	// PolNeAR train: one article annotated twice, for the agreement rows.
	"polnear/train/text/invented-2.txt": "Officials said the vote was fair.",
	"polnear/train/attributions/invented-2_a1.ann": "T1\tSource 0 9\tOfficials\n" +
		"T2\tCue 10 14\tsaid\n" +
		"T3\tContent 15 32\tthe vote was fair\n" +
		"E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
	"polnear/train/attributions/invented-2_b2.ann": "T1\tCue 10 14\tsaid\n" +
		"T2\tContent 15 32\tthe vote was fair\n" +
		"E1\tAttribution:T1 Cue:T1 Content:T2\n",
	// WikiEvents: one document, one attack by the rebels on the base.
	"wikievents/dev.jsonl": `{"doc_id":"inv-1","text":"Rebels of the Red Hill Front attacked the army base in Sarno.",` +
		`"tokens":["Rebels","of","the","Red","Hill","Front","attacked","the","army","base","in","Sarno","."],` +
		`"entity_mentions":[{"id":"e1","start":3,"end":6,"text":"Red Hill Front"},{"id":"e2","start":8,"end":10,"text":"army base"}],` +
		`"event_mentions":[{"event_type":"Conflict.Attack.Unspecified","arguments":[{"entity_id":"e1","role":"Attacker"},{"entity_id":"e2","role":"Target"}]}]}` + "\n",
	// CoNLL04: one sentence, one person working for an organisation.
	"conll04/conll04_dev.json": `[{"tokens":["Ann","Lee",",","a","spokeswoman","for","the","Kestrel","Bank",",","spoke","."],` +
		`"tags":["B-Peop","L-Peop","O","O","O","O","O","B-Org","L-Org","O","O","O"],"relations":[{"head":0,"tail":1,"type":"Work_For"}]}]`,
	// GUM: CoNLL-U with CorefUD entity brackets.
	"gum-news/dep/invented.conllu": strings.Join([]string{
		"# newdoc id = invented",
		"# newpar",
		"# text = Mayor Ann Lee visited Oslo.",
		"1\tMayor\tmayor\tNOUN\tNN\t_\t3\tcompound\t_\tEntity=(1-person-new-x-x-2-coref",
		"2\tAnn\tAnn\tPROPN\tNNP\t_\t3\tflat\t_\t_",
		"3\tLee\tLee\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)",
		"4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
		"5\tOslo\tOslo\tPROPN\tNNP\t_\t4\tobj\t_\tEntity=(2-place-new-x-x-1-sgl-Oslo)|SpaceAfter=No",
		"6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
		"",
	}, "\n"),
}

// writeEvalData writes the files of evalData whose path starts with one of
// prefixes (all when none) under a new directory.
func writeEvalData(t *testing.T, prefixes ...string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range evalData {
		if len(prefixes) > 0 && !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(name, p) }) {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// section returns the report's section for a data set and task prefix.
func section(out, header string) string {
	i := strings.Index(out, "== "+header)
	if i < 0 {
		return ""
	}
	s := out[i:]
	if j := strings.Index(s, "\n\n"); j >= 0 {
		s = s[:j]
	}
	return s
}

// goldCount reads a row's TP+FN, which is the number of gold items
// whatever the system predicts.
func goldCount(t *testing.T, sec, row string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(row) + `\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+\d+\s+(\d+)$`).FindStringSubmatch(sec)
	if m == nil {
		t.Fatalf("no row %q with counts in:\n%s", row, sec)
	}
	tp, _ := strconv.Atoi(m[1])
	fn, _ := strconv.Atoi(m[2])
	return tp + fn
}

// TestEval scores the shipped tagger and the extractor on the invented data
// sets: every set is read and scored against all of its gold items.
func TestEval(t *testing.T) {
	dir := writeEvalData(t)
	out, stderr, err := run(t, context.Background(), "", "eval", "--data", dir)
	if err != nil {
		t.Fatalf("eval: %v\n%s\n%s", err, out, stderr)
	}
	if strings.Contains(out, "absent") {
		t.Errorf("a data set is reported absent:\n%s", out)
	}
	tagger := section(out, "conllpp/dev — tagger")
	for row, want := range map[string]int{"PER": 3, "ORG": 2, "LOC": 2, "micro PER+ORG+LOC": 7} {
		if got := goldCount(t, tagger, row); got != want {
			t.Errorf("CoNLL tagger %s: %d gold mentions scored, want %d", row, got, want)
		}
	}
	if got := goldCount(t, section(out, "conllpp/dev — extractor"), "micro PER+ORG+LOC"); got != 7 {
		t.Errorf("CoNLL extractor: %d gold mentions scored, want 7", got)
	}
	polnear := section(out, "polnear/dev")
	for _, row := range []string{"cue exact", "content overlap"} {
		if got := goldCount(t, polnear, row); got != 2 {
			t.Errorf("PolNeAR %s: %d gold spans scored, want 2\n%s", row, got, polnear)
		}
	}
	// One article with two annotators is one pair, so each row's TP+FN is
	// a1's spans of that kind: one each.
	agreement := section(out, "polnear/train+dev agreement")
	for _, row := range []string{"source exact", "cue exact", "content overlap"} {
		if got := goldCount(t, agreement, row); got != 1 {
			t.Errorf("PolNeAR agreement %s: %d gold spans scored, want 1\n%s", row, got, agreement)
		}
	}
	if !strings.Contains(agreement, "docs 1") {
		t.Errorf("PolNeAR agreement: want the one doubly annotated article scored:\n%s", agreement)
	}
	if !strings.Contains(agreement, "annotator pairs scored: 1 over 1 articles") {
		t.Errorf("PolNeAR agreement: want the one pair of annotators noted:\n%s", agreement)
	}
	if got := goldCount(t, section(out, "wikievents/dev"), "attacked"); got != 1 {
		t.Errorf("WikiEvents: %d gold attacks scored, want 1", got)
	}
	if got := goldCount(t, section(out, "conll04/dev"), "work_for"); got != 1 {
		t.Errorf("CoNLL04: %d gold Work_For relations scored, want 1", got)
	}
	if !strings.Contains(section(out, "gum-news — named"), "docs 1") {
		t.Errorf("GUM: want one document scored:\n%s", out)
	}
}

// TestEvalAbsentAndOnly: absent data sets are named, --only scores only
// what it names, and no data at all is an error.
func TestEvalAbsentAndOnly(t *testing.T) {
	ctx := context.Background()
	out, _, err := run(t, ctx, "", "eval", "--data", writeEvalData(t, "conllpp/", "polnear/"))
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, out)
	}
	absent := regexp.MustCompile(`(?m)^absent data sets \(not scored\): (.*) — looked under`).FindStringSubmatch(out)
	if absent == nil || absent[1] != "gum-news, wikievents/dev, conll04/dev" {
		t.Errorf("absent line %q, want gum-news, wikievents/dev and conll04/dev:\n%s", absent, out)
	}

	out, _, err = run(t, ctx, "", "eval", "--data", writeEvalData(t), "--only", "polnear, wikievents")
	if err != nil {
		t.Fatal(err)
	}
	if section(out, "polnear/dev") == "" || section(out, "wikievents/dev") == "" ||
		section(out, "conllpp/dev") != "" || section(out, "gum-news") != "" {
		t.Errorf("--only polnear,wikievents printed:\n%s", out)
	}

	out, _, err = run(t, ctx, "", "eval", "--data", t.TempDir())
	if err == nil || exitCode(err) != 1 || strings.Count(out, "absent:") != 8 {
		t.Errorf("eval on an empty dir: %v, want an error and eight absent results:\n%s", err, out)
	}
}

// TestEvalSetsMatchRun: the sets of --only together run what eval.Run runs.
func TestEvalSetsMatchRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tagger, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Run(ctx, dir, tagger, x)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, r := range rep.Results {
		want = append(want, r.Dataset+" "+r.Task)
	}
	for _, s := range evalSets {
		for _, run := range s.runs {
			r, err := run(ctx, dir, tagger, x)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r.Dataset+" "+r.Task)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("eval sets run %q, eval.Run runs %q", got, want)
	}
}

// TestEvalExtractorModels: --extractor both prints one table per data set
// and model, each named by its model; one model's report is unlabelled;
// an unknown value is a usage error.
func TestEvalExtractorModels(t *testing.T) {
	ctx := context.Background()
	dir := writeEvalData(t, "conllpp/")
	out, _, err := run(t, ctx, "", "eval", "--data", dir, "--only", "conll", "--extractor", "both")
	if err != nil {
		t.Fatalf("eval --extractor both: %v\n%s", err, out)
	}
	for _, kind := range []string{"fast", "accurate"} {
		// conll scores the tagger and the extractor: two tables a model.
		if got := strings.Count(out, " ["+kind+"] — "); got != 2 {
			t.Errorf("%d tables labelled [%s], want 2:\n%s", got, kind, out)
		}
	}
	single, _, err := run(t, ctx, "", "eval", "--data", dir, "--only", "conll", "--extractor", "accurate")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(single, "[accurate]") {
		t.Errorf("one model's report labels its tables:\n%s", single)
	}
	if _, _, err := run(t, ctx, "", "eval", "--data", dir, "--extractor", "huge"); exitCode(err) != 2 {
		t.Errorf("--extractor huge: %v, want a usage error (exit 2)", err)
	}
}

// TestCrossValidationsRecipes checks that PolNeAR has no folds for the
// accurate models rather than folds of the fast recipe under their name.
func TestCrossValidationsRecipes(t *testing.T) {
	_, err := crossValidations["polnear"](context.Background(), cvRun{dir: t.TempDir(), k: 5, kind: extract.Accurate})
	if !errors.Is(err, errNoFolds) {
		t.Fatalf("polnear --cv for the accurate models: got %v, want errNoFolds", err)
	}
}

// TestCrossValidatedCoNLLExtractor checks that CoNLL folds score the whole
// extractor as well as the tagger: every train document extracted once,
// with every gold name counted, by the fast models, by the accurate ones
// with a name network per fold, and by the accurate perceptron alone.
func TestCrossValidatedCoNLLExtractor(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	const docs = 4
	for d := range docs {
		// Invented: per document 2 PER, 1 ORG, 1 LOC.
		fmt.Fprintf(&b, "-DOCSTART- -X- -X- O\n\nMaria NNP B-NP B-PER\nOkafor%d NNP I-NP I-PER\nvisited VBD B-VP O\nValdor%d NNP B-NP B-LOC\n. . O O\n\n", d, d)
		fmt.Fprintf(&b, "Anna%d NNP B-NP B-PER\njoined VBD B-VP O\nKestrel NNP B-NP B-ORG\nBank%d NNP I-NP I-ORG\n. . O O\n\n", d, d)
	}
	path := filepath.Join(dir, "conllpp", "conllpp_train.txt")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// The accurate folds read the shipped name network for each fold
	// when given one, and say so when not.
	model, err := os.ReadFile(filepath.Join("..", "..", "ingest", "ner", "names_neural.bin.gz"))
	if err != nil {
		t.Fatal(err)
	}
	for k := range 2 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("names%d.bin.gz", k)), model, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Invented vectors, enough words to cluster: the fast folds make
	// their clusters from them, and say so.
	var vb strings.Builder
	for i := range 800 {
		fmt.Fprintf(&vb, "w%d %d %d 1\n", i, i%7, i%11)
	}
	vectors, err := ner.ReadWordVectors(strings.NewReader(vb.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		kind      extract.Models
		names     string
		vectors   *ner.WordVectors
		aloneNote bool
	}{
		{"fast, clusters of the training text", extract.Fast, "", nil, false},
		{"fast, clusters of word vectors", extract.Fast, "", vectors, false},
		{"accurate, network per fold", extract.Accurate, filepath.Join(dir, "names%d.bin.gz"), nil, false},
		{"accurate, perceptron alone", extract.Accurate, "", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x, err := extract.NewWith(tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			results, err := crossValidations["conll"](context.Background(), cvRun{dir: dir, k: 2, kind: tt.kind, x: x, names: tt.names, vectors: tt.vectors})
			if err != nil {
				t.Fatal(err)
			}
			if len(results) != 2 {
				t.Fatalf("%d results, want the tagger's and the extractor's", len(results))
			}
			for i, res := range results {
				row, ok := res.Row("micro PER+ORG+LOC")
				if !ok {
					t.Fatalf("result %d (%s) has no micro row", i, res.Task)
				}
				if gold := row.TP + row.FN; gold != 4*docs {
					t.Errorf("%s: %d gold names scored, want %d (each document once)", res.Task, gold, 4*docs)
				}
				alone := strings.Contains(strings.Join(res.Notes, "\n"), "perceptron alone")
				if alone != tt.aloneNote {
					t.Errorf("%s: notes %q, want a perceptron-alone note: %v", res.Task, res.Notes, tt.aloneNote)
				}
				if got, want := slices.Contains(res.Notes, vectorsNote), tt.vectors != nil; got != want {
					t.Errorf("%s: notes %q, want the vectors note: %v", res.Task, res.Notes, want)
				}
			}
			if !strings.Contains(results[1].Task, "extractor") || results[1].Docs != docs {
				t.Errorf("second result %q over %d documents, want the extractor's over %d", results[1].Task, results[1].Docs, docs)
			}
		})
	}
	if _, err := crossValidations["conll"](context.Background(), cvRun{dir: dir, k: 2, kind: extract.Accurate, names: filepath.Join(dir, "missing%d.bin.gz")}); err == nil {
		t.Error("--cv-names naming no file: no error")
	}
}
