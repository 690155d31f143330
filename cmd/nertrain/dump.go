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

// dumpRow is one PolNeAR train sentence as tools/neural reads it: the
// words, the gold BIO labels, and the BIO labels of a stacked perceptron
// that did not see the sentence's article.
type dumpRow struct {
	Doc    int      `json:"doc"`
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
				var train []ner.Sentence
				for _, s := range sents {
					if s.Doc%folds != f {
						train = append(train, s)
					}
				}
				m, err := ner.TrainStacked(train, opt, stack)
				if err != nil {
					errs[f] = fmt.Errorf("fold %d: %w", f, err)
					continue
				}
				for i, s := range sents {
					if s.Doc%folds == f {
						perc[i] = spansToBIO(len(s.Tokens), m.QuotedSpans(s.Tokens, s.OpenQuote))
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
			return err
		}
	}
	fh, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	enc := json.NewEncoder(w)
	for i, s := range sents {
		if err := enc.Encode(dumpRow{Doc: s.Doc, Open: s.OpenQuote, Tokens: s.Tokens, Gold: s.Labels, Perc: perc[i]}); err != nil {
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
