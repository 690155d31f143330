package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// evalSet is one data set eval can score, and the runs that score it.
type evalSet struct {
	name  string
	about string
	runs  []func(ctx context.Context, dir string, t eval.Tagger, x eval.Extractor) (eval.Result, error)
}

// evalSets are the data sets of "newsgraph eval --only". Together they run
// what eval.Run runs (TestEvalSetsMatchRun checks it).
var evalSets = []evalSet{
	{"conll", "CoNLL-2003 dev (conllpp): PER/ORG/LOC mentions, the tagger and the extractor", []func(context.Context, string, eval.Tagger, eval.Extractor) (eval.Result, error){
		func(_ context.Context, dir string, t eval.Tagger, _ eval.Extractor) (eval.Result, error) {
			return eval.CoNLL(dir, t)
		},
		func(ctx context.Context, dir string, _ eval.Tagger, x eval.Extractor) (eval.Result, error) {
			return eval.CoNLLExtract(ctx, dir, x)
		},
	}},
	{"gum", "GUM news: entity kinds and within-document coreference", []func(context.Context, string, eval.Tagger, eval.Extractor) (eval.Result, error){
		func(_ context.Context, dir string, t eval.Tagger, _ eval.Extractor) (eval.Result, error) {
			return eval.GUMTagger(dir, t)
		},
		func(ctx context.Context, dir string, _ eval.Tagger, x eval.Extractor) (eval.Result, error) {
			return eval.GUM(ctx, dir, x)
		},
	}},
	{"polnear", "PolNeAR dev: claim attribution (source, cue, content); train+dev annotator agreement", []func(context.Context, string, eval.Tagger, eval.Extractor) (eval.Result, error){
		func(ctx context.Context, dir string, _ eval.Tagger, x eval.Extractor) (eval.Result, error) {
			return eval.PolNeAR(ctx, dir, "dev", x)
		},
		// The human ceiling, printed under the extractor's rows so that
		// they are read against it.
		func(_ context.Context, dir string, _ eval.Tagger, _ eval.Extractor) (eval.Result, error) {
			return eval.PolNeARAgreement(dir, "train", "dev")
		},
	}},
	{"wikievents", "WikiEvents dev: attack relations (attacker → target/victim)", []func(context.Context, string, eval.Tagger, eval.Extractor) (eval.Result, error){
		func(ctx context.Context, dir string, _ eval.Tagger, x eval.Extractor) (eval.Result, error) {
			return eval.WikiEvents(ctx, dir, x)
		},
	}},
	{"conll04", "CoNLL04 dev: relationships (Work_For, OrgBased_In, Located_In, Kill mapped to ours)", []func(context.Context, string, eval.Tagger, eval.Extractor) (eval.Result, error){
		func(ctx context.Context, dir string, _ eval.Tagger, x eval.Extractor) (eval.Result, error) {
			return eval.CoNLL04(ctx, dir, "dev", x)
		},
	}},
}

func evalSetNames() []string {
	var names []string
	for _, s := range evalSets {
		names = append(names, s.name)
	}
	return names
}

// selectEvalSets parses --only: a comma-separated list of set names, all
// when empty.
func selectEvalSets(only string) ([]evalSet, error) {
	if strings.TrimSpace(only) == "" {
		return evalSets, nil
	}
	want := map[string]bool{}
	for _, n := range strings.Split(only, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		if !slices.Contains(evalSetNames(), n) {
			return nil, usageError(fmt.Sprintf("--only: unknown data set %q: want some of %s", n, strings.Join(evalSetNames(), ",")))
		}
		want[n] = true
	}
	var out []evalSet
	for _, s := range evalSets {
		if want[s.name] {
			out = append(out, s)
		}
	}
	return out, nil
}

// evaluate runs "newsgraph eval": the shipped tagger and the extractor
// ingest runs, scored on the public gold data.
func (m *Main) evaluate(ctx context.Context, args []string) error {
	var sets strings.Builder
	for _, s := range evalSets {
		fmt.Fprintf(&sets, "  %-11s %s\n", s.name, s.about)
	}
	fs := m.newFlagSet("eval", "",
		"Scores the shipped NER tagger and the extractor on public gold data (see\n"+
			"../shared/eval-data/README.md) and prints one table per data set. Data\n"+
			"sets not on disk are listed as absent. Data sets:\n"+strings.TrimRight(sets.String(), "\n"))
	var (
		common  commonFlags
		dir     string
		only    string
		cv      int
		cvNames string
		cvVecs  string
		models  string
	)
	common.register(fs)
	fs.StringVar(&dir, "data", eval.DefaultDataDir, "the evaluation data directory")
	fs.StringVar(&only, "only", "", "comma-separated data sets to score ("+strings.Join(evalSetNames(), ",")+"); all when empty")
	fs.StringVar(&models, "extractor", string(extract.Fast), "models to score: fast (the default), accurate, or both (a table per model, each data set's name followed by the model)")
	fs.StringVar(&cvNames, "cv-names", "", "with --cv: the accurate name networks of the CoNLL folds, a file name pattern with %d for the fold (tools/neural/train.py --task ner --fold K --write-held); unset, the accurate folds score the perceptron alone")
	fs.StringVar(&cvVecs, "cv-vectors", "", "with --cv: word vectors (GloVe's text format, tools/neural/glove.py --txt) the fast folds make their word clusters from, as nertrain -vectors (an experiment; unset, the fast folds cluster the training text, as the shipped fast models do)")
	fs.IntVar(&cv, "cv", 0, "also score conll and polnear by K-fold cross-validation over their train splits, training K models of the scored models' recipe (slow: minutes per fold; polnear folds for the fast recipe only); 0 for none")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError("eval takes no arguments")
	}
	chosen, err := selectEvalSets(only)
	if err != nil {
		return err
	}
	if len(chosen) == 0 {
		return usageError("--only names no data set")
	}
	log, err := m.logger(common)
	if err != nil {
		return err
	}
	kinds, err := evalModels(models)
	if err != nil {
		return err
	}

	var vectors *ner.WordVectors
	if cv > 0 && cvVecs != "" {
		if vectors, err = ner.OpenWordVectors(cvVecs, ner.ClusterVectorWords); err != nil {
			return err
		}
	}
	start := time.Now()
	var rep eval.Report
	for _, kind := range kinds {
		tagger, x, err := loadEvalModels(kind)
		if err != nil {
			return err
		}
		for _, s := range chosen {
			for _, run := range s.runs {
				res, err := run(ctx, dir, tagger, x)
				if err != nil {
					return fmt.Errorf("eval %s: %w", s.name, err)
				}
				rep.Add(labelResult(res, kind, len(kinds)))
			}
			run := crossValidations[s.name]
			if cv == 0 || run == nil {
				continue
			}
			log.Info().Str("set", s.name).Str("extractor", string(kind)).Int("folds", cv).Msg("cross-validating: training one model per fold")
			results, err := run(ctx, cvRun{dir: dir, k: cv, kind: kind, x: x, names: cvNames, vectors: vectors})
			if errors.Is(err, errNoFolds) {
				log.Warn().Str("set", s.name).Str("extractor", string(kind)).Msg("--cv: no folds for this model's recipe")
				continue
			}
			if err != nil {
				return fmt.Errorf("eval %s --cv: %w", s.name, err)
			}
			for _, res := range results {
				// Folds always name the recipe they trained, even when
				// one kind of models is scored.
				res.Dataset += " [" + string(kind) + " recipe]"
				rep.Add(res)
			}
		}
	}
	if err := rep.Write(m.Stdout); err != nil {
		return err
	}
	var absent, scored []string
	for _, r := range rep.Results {
		if r.Absent {
			absent = append(absent, r.Dataset)
		} else {
			scored = append(scored, r.Dataset)
		}
	}
	absent, scored = slices.Compact(absent), slices.Compact(scored)
	if len(absent) > 0 {
		fmt.Fprintf(m.Stdout, "absent data sets (not scored): %s — looked under %s\n", strings.Join(absent, ", "), dir)
	}
	log.Info().Dur("elapsed", time.Since(start)).Strs("scored", scored).Strs("absent", absent).Msg("eval done")
	if len(scored) == 0 {
		return fmt.Errorf("no evaluation data under %s: nothing was scored (use --data DIR)", dir)
	}
	return nil
}

// evalModels parses eval's --extractor: one kind of models, or both.
func evalModels(s string) ([]extract.Models, error) {
	if strings.EqualFold(strings.TrimSpace(s), "both") {
		return []extract.Models{extract.Fast, extract.Accurate}, nil
	}
	kind, err := extract.ParseModels(s)
	if err != nil {
		return nil, usageError("--extractor: want fast, accurate or both")
	}
	return []extract.Models{kind}, nil
}

// loadEvalModels returns the name tagger and the extractor of one kind of
// models, as ingest would run them. The tagger is the extractor's own, so
// that one copy is in memory.
func loadEvalModels(kind extract.Models) (eval.Tagger, *extract.Extractor, error) {
	x, err := extract.NewWith(kind)
	if err != nil {
		return nil, nil, err
	}
	if nm := x.NameNetwork(); nm != nil {
		return nm, x, nil // the accurate tagger: the network on its perceptron
	}
	return x.NameTagger(), x, nil
}

// labelResult names the models in a result's data set when several kinds
// are scored in one report, so that each table says whose it is.
func labelResult(r eval.Result, kind extract.Models, kinds int) eval.Result {
	if kinds > 1 {
		r.Dataset += " [" + string(kind) + "]"
	}
	return r
}
