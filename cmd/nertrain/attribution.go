package main

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// trainAttribution trains the attribution tagger on polnear/train and
// scores it, span by span, on polnear/dev.
//
// With holdout > 0 every holdout-th training article is kept out of
// training and the model is scored on those instead of dev: model choices
// are made on train, dev stays a test.
func trainAttribution(data, out string, opt ner.TrainOptions, dev bool, holdout, stack int) error {
	docs, err := eval.LoadPolNeAR(data, "train")
	if err != nil {
		return err
	}
	var held []eval.AttributionDoc
	if holdout > 0 {
		var keep []eval.AttributionDoc
		for i, d := range docs {
			if i%holdout == 0 {
				held = append(held, d)
			} else {
				keep = append(keep, d)
			}
		}
		docs = keep
	}
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
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, trained in %s\n", out, buf.Len(), time.Since(start).Round(time.Second))
	if !dev {
		return nil
	}
	split, devDocs := "held-out train", held
	if holdout <= 0 {
		split = "dev"
		if devDocs, err = eval.LoadPolNeAR(data, "dev"); err != nil {
			return err
		}
	}
	names := map[string]string{ner.AttrSource: "Source", ner.AttrCue: "Cue", ner.AttrContent: "Content"}
	exact, overlap := map[string]*eval.PRF{}, map[string]*eval.PRF{}
	for _, n := range names {
		exact[n], overlap[n] = &eval.PRF{}, &eval.PRF{}
	}
	for _, d := range devDocs {
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
	return nil
}
