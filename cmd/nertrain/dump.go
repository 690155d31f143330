package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// dumpRow is one training sentence as tools/neural reads it: the words,
// the gold BIO labels, and the BIO labels of a perceptron that did not see
// the sentence's document.
type dumpRow struct {
	Doc int `json:"doc"`
	// Fold is the sentence's jackknife fold when folds are not Doc%k
	// (CoNLL's contiguous blocks of documents); tools/neural reads it
	// when present.
	Fold   *int     `json:"fold,omitempty"`
	Open   bool     `json:"open"`
	Tokens []string `json:"tokens"`
	Gold   []string `json:"gold"`
	Perc   []string `json:"perc"`
}

// dumpJackknifed writes every PolNeAR train sentence as a JSON line to out,
// with the labels of a tagger trained (recipe opt, stacked over stack
// folds) on the other folds of train articles: article i is in fold
// i%folds, so with folds 5 fold 0 is nertrain -holdout 5's held-out set.
// The neural tagger learns from these labels how far to trust the
// perceptron on text it has not seen.
func dumpJackknifed(data, out string, opt ner.TrainOptions, stack, folds int) error {
	docs, err := eval.LoadPolNeAR(data, "train")
	if err != nil {
		return err
	}
	sents := eval.AttributionSentences(docs)
	perc, err := labelJackknifed(sents, folds, func(s ner.Sentence) int { return s.Doc % folds },
		func(train []ner.Sentence) (func(ner.Sentence) []string, error) {
			m, err := ner.TrainStacked(train, opt, stack)
			if err != nil {
				return nil, err
			}
			return func(s ner.Sentence) []string {
				return spansToBIO(len(s.Tokens), m.QuotedSpans(s.Tokens, s.OpenQuote))
			}, nil
		})
	if err != nil {
		return err
	}
	rows := make([]dumpRow, len(sents))
	for i, s := range sents {
		rows[i] = dumpRow{Doc: s.Doc, Open: s.OpenQuote, Tokens: s.Tokens, Gold: s.Labels, Perc: perc[i]}
	}
	return writeDump(out, rows)
}

// dumpNERJackknifed writes every CoNLL++ train sentence as a JSON line to
// out, with the labels of a tagger trained (recipe opt) on the other folds
// of train documents. The folds are the contiguous blocks of documents
// that "newsgraph eval --cv" scores (fold f holds documents [f*n/k,
// (f+1)*n/k)), so that the name network can be cross-validated on the
// same folds: the labels of fold f come from exactly the perceptron eval
// --cv trains for fold f.
func dumpNERJackknifed(sents []ner.Sentence, out string, opt ner.TrainOptions, folds int) error {
	if len(sents) == 0 {
		return fmt.Errorf("no training sentences")
	}
	nDocs := sents[len(sents)-1].Doc + 1
	foldOf := func(s ner.Sentence) int { return s.Doc * folds / nDocs }
	perc, err := labelJackknifed(sents, folds, foldOf, func(train []ner.Sentence) (func(ner.Sentence) []string, error) {
		m, err := ner.Train(train, opt)
		if err != nil {
			return nil, err
		}
		return func(s ner.Sentence) []string { return m.Tag(s.Tokens) }, nil
	})
	if err != nil {
		return err
	}
	rows := make([]dumpRow, len(sents))
	for i, s := range sents {
		f := foldOf(s)
		rows[i] = dumpRow{Doc: s.Doc, Fold: &f, Tokens: s.Tokens, Gold: s.Labels, Perc: perc[i]}
	}
	return writeDump(out, rows)
}

// labelJackknifed labels each sentence with the model train fits on the
// sentences of the other folds (two folds at a time, one per core).
func labelJackknifed(sents []ner.Sentence, folds int, foldOf func(ner.Sentence) int, train func([]ner.Sentence) (func(ner.Sentence) []string, error)) ([][]string, error) {
	perc := make([][]string, len(sents))
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, folds)
	work := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				var fit []ner.Sentence
				for _, s := range sents {
					if foldOf(s) != f {
						fit = append(fit, s)
					}
				}
				label, err := train(fit)
				if err != nil {
					errs[f] = fmt.Errorf("fold %d: %w", f, err)
					continue
				}
				for i, s := range sents {
					if foldOf(s) == f {
						perc[i] = label(s)
					}
				}
				fmt.Fprintf(os.Stderr, "fold %d labelled (%s)\n", f, time.Since(start).Round(time.Second))
			}
		}()
	}
	for f := range folds {
		work <- f
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return perc, nil
}

// writeDump writes rows as JSON lines to out.
func writeDump(out string, rows []dumpRow) error {
	fh, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			fh.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// spansToBIO writes spans over n tokens as BIO labels.
func spansToBIO(n int, spans []ner.Span) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			p := "I-"
			if i == sp.Start {
				p = "B-"
			}
			out[i] = p + sp.Label
		}
	}
	return out
}
