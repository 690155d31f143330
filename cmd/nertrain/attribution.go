package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// attributionRun says what trainAttribution does besides training.
type attributionRun struct {
	dev     bool // score the model (on dev, or on the held-out articles)
	holdout int  // keep every holdout-th training article out (0: none)
	stack   int  // stacked tagger's jackknife folds (0: one pass)
	// model, when set, is a model file scored instead of a trained one.
	model string
	// extract also scores the whole extractor (models) with the model:
	// the tagger's spans are only an input to the claim rules.
	extract bool
	models  extract.Models
	// peer, when set, is the model file of the accurate extractor's second
	// tagger (taggedacts.go); with -holdout, one trained with the same
	// -holdout, or the held-out articles leak into the scores.
	peer string
	// neural, when set, is a neural model file (tools/neural/train.py)
	// stacked on the perceptron that the extractor is scored with; with
	// -holdout, one trained with the same --holdout.
	neural string
}

// trainAttribution trains the attribution tagger on polnear/train and
// scores it, span by span, on polnear/dev.
//
// With holdout > 0 every holdout-th training article is kept out of
// training and the model is scored on those instead of dev: model choices
// are made on train, dev stays a test.
func trainAttribution(data, out string, opt ner.TrainOptions, run attributionRun) error {
	docs, err := eval.LoadPolNeAR(data, "train")
	if err != nil {
		return err
	}
	var held []eval.AttributionDoc
	if run.holdout > 0 {
		var keep []eval.AttributionDoc
		for i, d := range docs {
			if i%run.holdout == 0 {
				held = append(held, d)
			} else {
				keep = append(keep, d)
			}
		}
		docs = keep
	}
	var m *ner.Model
	if run.model != "" {
		if m, err = loadModel(run.model); err != nil {
			return err
		}
	} else if m, err = trainAndWrite(docs, out, opt, run.stack); err != nil {
		return err
	}
	if !run.dev {
		return nil
	}
	split, devDocs := "held-out train", held
	if run.holdout <= 0 {
		split = "dev"
		if devDocs, err = eval.LoadPolNeAR(data, "dev"); err != nil {
			return err
		}
	}
	scoreTagger(m, split, devDocs)
	if run.extract {
		var peer *ner.Model
		if run.peer != "" {
			if peer, err = loadModel(run.peer); err != nil {
				return err
			}
		}
		var attr extract.Attributor = m
		if run.neural != "" {
			if attr, err = loadNeural(run.neural, m); err != nil {
				return err
			}
		}
		return scoreExtractor(attr, peer, run.models, split, devDocs)
	}
	return nil
}

// trainAndWrite trains the tagger on docs and writes it to out.
func trainAndWrite(docs []eval.AttributionDoc, out string, opt ner.TrainOptions, stack int) (*ner.Model, error) {
	sents := eval.AttributionSentences(docs)
	start := time.Now()
	opt.Progress = func(epoch int, acc float64) {
		fmt.Fprintf(os.Stderr, "epoch %d: train token accuracy %.4f (%s)\n", epoch, acc, time.Since(start).Round(time.Second))
	}
	train := ner.Train
	if stack > 0 {
		train = func(s []ner.Sentence, o ner.TrainOptions) (*ner.Model, error) { return ner.TrainStacked(s, o, stack) }
	}
	m, err := train(sents, opt)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return nil, err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, trained in %s\n", out, buf.Len(), time.Since(start).Round(time.Second))
	return m, nil
}

// loadModel reads a model file written by nertrain.
func loadModel(path string) (*ner.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("nertrain: reading %s: %w", path, err)
	}
	return m, nil
}

// loadNeural reads a neural model file stacked on perc.
func loadNeural(path string, perc *ner.Model) (*ner.Neural, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	n, err := ner.DecodeNeural(f, perc)
	if err != nil {
		return nil, fmt.Errorf("nertrain: reading %s: %w", path, err)
	}
	return n, nil
}

// scoreTagger prints the tagger's own source, cue and content scores on
// docs, tagging sentence by sentence as the extractor does.
func scoreTagger(m *ner.Model, split string, docs []eval.AttributionDoc) {
	names := map[string]string{ner.AttrSource: "Source", ner.AttrCue: "Cue", ner.AttrContent: "Content"}
	exact, overlap := map[string]*eval.PRF{}, map[string]*eval.PRF{}
	for _, n := range names {
		exact[n], overlap[n] = &eval.PRF{}, &eval.PRF{}
	}
	for _, d := range docs {
		pred := map[string][]eval.Extent{}
		sents := extract.Tokenize(d.Text)
		open := extract.OpenQuotes(sents)
		for si, sent := range sents {
			words := make([]string, len(sent))
			for i, t := range sent {
				words[i] = t.Text
			}
			for _, sp := range m.QuotedSpans(words, open[si]) {
				if n, ok := names[sp.Label]; ok {
					pred[n] = append(pred[n], eval.Extent{Start: sent[sp.Start].Start, End: sent[sp.End-1].End})
				}
			}
		}
		text := []rune(d.Text)
		for _, n := range names {
			e, o := eval.SpanScores(text, d.Spans[n], pred[n])
			exact[n].Add(e)
			overlap[n].Add(o)
		}
	}
	for _, n := range []string{"Source", "Cue", "Content"} {
		fmt.Fprintf(os.Stderr, "polnear %s %-8s exact P %.3f R %.3f F1 %.3f   overlap P %.3f R %.3f F1 %.3f\n", split, n,
			exact[n].Precision(), exact[n].Recall(), exact[n].F1(), overlap[n].Precision(), overlap[n].Recall(), overlap[n].F1())
	}
}

// scoreExtractor prints the scores of the whole extractor (models) with m
// as its attribution tagger, and peer (nil: none) as its second one, on
// docs, as `newsgraph eval` scores PolNeAR.
func scoreExtractor(m extract.Attributor, peer *ner.Model, models extract.Models, split string, docs []eval.AttributionDoc) error {
	x, err := extract.NewWith(models)
	if err != nil {
		return err
	}
	x = x.WithAttributor(m)
	if peer != nil {
		x = x.WithPeerAttributor(peer)
	}
	res, err := eval.PolNeARArticles(context.Background(), "polnear "+split, docs, x)
	if err != nil {
		return err
	}
	// Four places: held-out choices between close settings are made on
	// these lines, and three places tie too often.
	for _, r := range res.Rows {
		fmt.Fprintf(os.Stderr, "extractor (%s) %s %-24s P %.4f R %.4f F1 %.4f\n", models, split, r.Name, r.Precision(), r.Recall(), r.F1())
	}
	return nil
}
