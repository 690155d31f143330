package main

import (
	"context"
	"path/filepath"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// crossValidations are the k-fold runs of "newsgraph eval --cv K", by
// data set name: each fits the shipped model's recipe (ner.NEROptions,
// ner.AttributionOptions) k times on the train split and scores the fold
// left out.
var crossValidations = map[string]func(ctx context.Context, dir string, k int, x *extract.Extractor) (eval.Result, error){
	"conll": func(_ context.Context, dir string, k int, _ *extract.Extractor) (eval.Result, error) {
		text, err := eval.ReadUnlabeled(filepath.Join(dir, "polnear", "train", "text"))
		if err != nil {
			text = nil // as nertrain without the unlabeled text; the scores say which recipe ran
		}
		return eval.CoNLLCrossValidated(dir, k, func(train []eval.CoNLLSentence) (eval.Tagger, error) {
			sents := make([]ner.Sentence, len(train))
			for i, s := range train {
				sents[i] = ner.Sentence{Tokens: s.Tokens, Labels: s.Labels, Doc: s.Doc}
			}
			opt := ner.NEROptions
			opt.Unlabeled = text
			return ner.Train(sents, opt)
		})
	},
	"polnear": func(ctx context.Context, dir string, k int, x *extract.Extractor) (eval.Result, error) {
		return eval.PolNeARCrossValidated(ctx, dir, k, func(_ context.Context, train []eval.AttributionDoc) (eval.Extractor, error) {
			m, err := ner.TrainStacked(eval.AttributionSentences(train), ner.AttributionOptions, ner.AttributionStackFolds)
			if err != nil {
				return nil, err
			}
			return x.WithAttributor(m), nil
		})
	},
}
