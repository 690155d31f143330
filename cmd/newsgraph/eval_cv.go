package main

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// errNoFolds says a data set has no k-fold run for a kind of models.
var errNoFolds = fmt.Errorf("no cross-validation for this model")

// crossValidations are the k-fold runs of "newsgraph eval --cv K", by
// data set name: each fits the recipe of the kind of models scored (the
// fast or the accurate one, as cmd/nertrain trains it) k times on the
// train split and scores the fold left out. A run returns errNoFolds for a
// kind it cannot train.
var crossValidations = map[string]func(ctx context.Context, dir string, k int, kind extract.Models, x *extract.Extractor) (eval.Result, error){
	"conll": func(_ context.Context, dir string, k int, kind extract.Models, _ *extract.Extractor) (eval.Result, error) {
		opt, dirs := ner.NEROptions, ner.FastUnlabeled
		if kind == extract.Accurate {
			opt, dirs = ner.NERAccurateOptions, ner.AccurateUnlabeled
		}
		text, err := eval.ReadUnlabeledDirs(dir, dirs)
		if err != nil {
			text = nil // as nertrain without the unlabeled text; the scores say which recipe ran
		}
		opt.Unlabeled = text
		return eval.CoNLLCrossValidated(dir, k, func(train []eval.CoNLLSentence) (eval.Tagger, error) {
			sents := make([]ner.Sentence, len(train))
			for i, s := range train {
				sents[i] = ner.Sentence{Tokens: s.Tokens, Labels: s.Labels, Doc: s.Doc}
			}
			return ner.Train(sents, opt)
		})
	},
	"polnear": func(ctx context.Context, dir string, k int, kind extract.Models, x *extract.Extractor) (eval.Result, error) {
		if kind != extract.Fast {
			// The accurate stacked tagger trains six beam perceptrons per
			// fold: hours on our machine. Not offered rather than run
			// with the fast recipe under the accurate label.
			return eval.Result{}, errNoFolds
		}
		return eval.PolNeARCrossValidated(ctx, dir, k, func(_ context.Context, train []eval.AttributionDoc) (eval.Extractor, error) {
			m, err := ner.TrainStacked(eval.AttributionSentences(train), ner.AttributionOptions, ner.AttributionStackFolds)
			if err != nil {
				return nil, err
			}
			return x.WithAttributor(m), nil
		})
	},
}
