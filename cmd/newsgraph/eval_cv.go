package main

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// errNoFolds says a data set has no k-fold run for a kind of models.
var errNoFolds = fmt.Errorf("no cross-validation for this model")

// cvRun is one k-fold run of "newsgraph eval --cv K".
type cvRun struct {
	dir  string // eval-data directory
	k    int
	kind extract.Models     // whose recipe is fitted
	x    *extract.Extractor // the extractor of kind, whose models the folds replace
	// names is a file name pattern with one %d, the fold: the accurate
	// name network trained without that fold (tools/neural/train.py
	// --task ner --fold K --write-held). Empty: the accurate folds run
	// the perceptron alone, as their results say.
	names string
	// vectors, if set, make the fast folds' word clusters, as nertrain
	// -vectors does (an experiment: the shipped fast models cluster the
	// training text).
	vectors *ner.WordVectors
}

// crossValidations are the k-fold runs of "newsgraph eval --cv K", by
// data set name: each fits the recipe of the kind of models scored (the
// fast or the accurate one, as cmd/nertrain trains it) k times on the
// train split and scores the fold left out. A run returns errNoFolds for a
// kind it cannot train.
var crossValidations = map[string]func(ctx context.Context, r cvRun) ([]eval.Result, error){
	// CoNLL folds score the tagger alone and, when the extractor has a
	// name tagger, the whole extractor running each fold's tagger.
	"conll": func(ctx context.Context, r cvRun) ([]eval.Result, error) {
		opt, dirs := ner.NEROptions, ner.FastUnlabeled
		if r.kind == extract.Accurate {
			opt, dirs = ner.NERAccurateOptions, ner.AccurateUnlabeled
		}
		text, err := eval.ReadUnlabeledDirs(r.dir, dirs)
		if err != nil {
			text = nil // as nertrain without the unlabeled text; the scores say which recipe ran
		}
		opt.Unlabeled = text
		if r.kind == extract.Fast {
			opt.Vectors = r.vectors
		}
		network := r.kind == extract.Accurate && r.names != ""
		var withTagger eval.NERExtractor
		if r.x != nil && r.x.NameTagger() != nil {
			withTagger = func(t eval.Tagger) (eval.Extractor, error) {
				if nm, ok := t.(*ner.Names); ok {
					return r.x.WithNameNetwork(nm), nil
				}
				return r.x.WithNameTagger(t.(*ner.Model)), nil
			}
		}
		results, err := eval.CoNLLCrossValidated(ctx, r.dir, r.k, func(fold int, train []eval.CoNLLSentence) (eval.Tagger, error) {
			sents := make([]ner.Sentence, len(train))
			for i, s := range train {
				sents[i] = ner.Sentence{Tokens: s.Tokens, Labels: s.Labels, Doc: s.Doc}
			}
			m, err := ner.Train(sents, opt)
			if err != nil || !network {
				return m, err
			}
			return loadFoldNames(fmt.Sprintf(r.names, fold), m)
		}, withTagger)
		if err == nil && r.kind == extract.Fast && r.vectors != nil {
			for i := range results {
				results[i].Notes = append(results[i].Notes, vectorsNote)
			}
		}
		if err == nil && r.kind == extract.Accurate && !network {
			for i := range results {
				results[i].Notes = append(results[i].Notes, "the accurate perceptron alone: without --cv-names, no fold has the name network")
			}
		}
		return results, err
	},
	"polnear": func(ctx context.Context, r cvRun) ([]eval.Result, error) {
		if r.kind != extract.Fast {
			// The accurate stacked tagger trains six beam perceptrons per
			// fold: hours on our machine. Not offered rather than run
			// with the fast recipe under the accurate label.
			return nil, errNoFolds
		}
		res, err := eval.PolNeARCrossValidated(ctx, r.dir, r.k, func(_ context.Context, train []eval.AttributionDoc) (eval.Extractor, error) {
			opt := ner.AttributionOptions
			opt.Vectors = r.vectors
			m, err := ner.TrainStacked(eval.AttributionSentences(train), opt, ner.AttributionStackFolds)
			if err != nil {
				return nil, err
			}
			return r.x.WithAttributor(m), nil
		})
		if err == nil && r.vectors != nil {
			res.Notes = append(res.Notes, vectorsNote)
		}
		return []eval.Result{res}, err
	},
}

// vectorsNote marks fast folds whose word clusters come from
// --cv-vectors, not the shipped recipe.
const vectorsNote = "the fast folds' word clusters come from --cv-vectors (nertrain -vectors), an experiment: the shipped fast models cluster the training text"

// loadFoldNames reads a fold's name network and stacks it on that fold's
// perceptron.
func loadFoldNames(path string, perc *ner.Model) (*ner.Names, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.DecodeNames(f, perc)
}
