package eval

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// Cross-validation: the dev splits are what the models were developed
// against, so their scores flatter them a little. K-fold scores over the
// train split say how well the training recipe generalises: the split's
// documents are cut into k contiguous blocks (contiguous, so that articles
// of one day or one story stay together, as they would across a real
// split), and each block is scored by a model fitted on the other k-1
// alone. Counts are pooled over the folds; the spread of per-fold F1 is
// given in a note.

// NERTrainer fits a tagger on training sentences, those outside fold
// fold.
type NERTrainer func(fold int, train []CoNLLSentence) (Tagger, error)

// ExtractorTrainer fits an extractor (its attribution model) on training
// articles.
type ExtractorTrainer func(ctx context.Context, train []AttributionDoc) (Extractor, error)

// foldOf returns the fold of document i of n, for k contiguous folds.
func foldOf(i, n, k int) int { return i * k / n }

// NERExtractor returns the extractor that runs tagger, a fold's model, as
// its name tagger.
type NERExtractor func(tagger Tagger) (Extractor, error)

// CoNLLCrossValidated scores a training recipe by k-fold cross-validation
// over CoNLL++ train, folds by document: the tagger trained on k-1 folds
// tags the held-out fold, PER/ORG/LOC exact match as conlleval counts.
// With extractor set, the extractor running each fold's tagger also
// extracts the fold's documents, scored as CoNLLExtract scores dev: a
// second result, pooled the same way.
func CoNLLCrossValidated(ctx context.Context, dataDir string, k int, train NERTrainer, extractor NERExtractor) ([]Result, error) {
	dataset := fmt.Sprintf("conllpp/train %d-fold", k)
	const task = "tagger entity mentions, cross-validated (each fold by a model not trained on it)"
	const xtask = "extractor mentions as PER/ORG/LOC, cross-validated (each fold by a tagger not trained on it)"
	if k < 2 {
		return nil, fmt.Errorf("eval: k-fold needs k >= 2, got %d", k)
	}
	sents, err := LoadCoNLL(dataDir, "train")
	if err != nil {
		if isAbsent(err) {
			out := []Result{absent(dataset, task, err)}
			if extractor != nil {
				out = append(out, absent(dataset, xtask, err))
			}
			return out, nil
		}
		return nil, err
	}
	nDocs := sents[len(sents)-1].Doc + 1
	res := Result{Dataset: dataset, Task: task, Docs: len(sents)}
	xres := Result{Dataset: dataset, Task: xtask}
	var pooled, xpooled Table
	var f1s, xf1s []float64
	for fold := range k {
		var fit, held []CoNLLSentence
		for _, s := range sents {
			if foldOf(s.Doc, nDocs, k) == fold {
				held = append(held, s)
			} else {
				fit = append(fit, s)
			}
		}
		tagger, err := train(fold, fit)
		if err != nil {
			return nil, fmt.Errorf("eval: training fold %d: %w", fold, err)
		}
		var t Table
		if err := tagCoNLL(tagger, held, &res, &t); err != nil {
			return nil, err
		}
		pooled.Add(t)
		f1s = append(f1s, t.Micro("PER", "ORG", "LOC").F1())
		if extractor == nil {
			continue
		}
		x, err := extractor(tagger)
		if err != nil {
			return nil, fmt.Errorf("eval: extractor for fold %d: %w", fold, err)
		}
		var xt Table
		extractCoNLL(ctx, x, fmt.Sprintf("conll-train-fold%d", fold), held, &xres, &xt)
		xpooled.Add(xt)
		xf1s = append(xf1s, xt.Micro("PER", "ORG", "LOC").F1())
	}
	res.Rows = conllRows(pooled)
	res.Notes = append(res.Notes, foldNote("micro PER+ORG+LOC", f1s))
	if extractor == nil {
		return []Result{res}, nil
	}
	xres.Rows = conllRows(xpooled)
	xres.Notes = append(xres.Notes, foldNote("micro PER+ORG+LOC", xf1s), conllKindsNote)
	return []Result{res, xres}, nil
}

// PolNeARCrossValidated scores a training recipe by k-fold
// cross-validation over PolNeAR train, folds by article: the extractor
// whose attribution model was trained on k-1 folds extracts the held-out
// fold, scored as PolNeAR scores dev.
func PolNeARCrossValidated(ctx context.Context, dataDir string, k int, train ExtractorTrainer) (Result, error) {
	dataset := fmt.Sprintf("polnear/train %d-fold", k)
	const task = "claim attribution spans, cross-validated (each fold by a model not trained on it)"
	if k < 2 {
		return Result{}, fmt.Errorf("eval: k-fold needs k >= 2, got %d", k)
	}
	docs, err := LoadPolNeAR(dataDir, "train")
	if err != nil {
		if isAbsent(err) {
			return absent(dataset, task, err), nil
		}
		return Result{}, err
	}
	res := Result{Dataset: dataset, Task: task}
	byName := map[string]*PRF{}
	var order []string
	var f1s []float64
	for fold := range k {
		var fit, held []AttributionDoc
		for i, d := range docs {
			if foldOf(i, len(docs), k) == fold {
				held = append(held, d)
			} else {
				fit = append(fit, d)
			}
		}
		x, err := train(ctx, fit)
		if err != nil {
			return Result{}, fmt.Errorf("eval: training fold %d: %w", fold, err)
		}
		r, err := scorePolNeAR(ctx, Result{}, held, x)
		if err != nil {
			return Result{}, err
		}
		res.Docs += r.Docs
		res.Words += r.Words
		res.Elapsed += r.Elapsed
		res.CPU += r.CPU
		res.Failed += r.Failed
		if res.FirstErr == "" {
			res.FirstErr = r.FirstErr
		}
		for _, row := range r.Rows {
			if byName[row.Name] == nil {
				byName[row.Name] = &PRF{}
				order = append(order, row.Name)
			}
			byName[row.Name].Add(row.PRF)
			if row.Name == "source exact" {
				f1s = append(f1s, row.F1())
			}
		}
	}
	for _, name := range order {
		res.Rows = append(res.Rows, Row{Name: name, PRF: *byName[name]})
	}
	res.Notes = append(res.Notes, foldNote("source exact", f1s),
		"one annotator per article (smallest id); exact match ignores surrounding space, quotes and punctuation")
	return res, nil
}

// foldNote renders per-fold F1 scores with their mean and standard
// deviation.
func foldNote(what string, f1s []float64) string {
	var sum, sq float64
	parts := make([]string, len(f1s))
	for i, f := range f1s {
		sum += f
		parts[i] = fmt.Sprintf("%.4f", f)
	}
	mean := sum / float64(len(f1s))
	for _, f := range f1s {
		sq += (f - mean) * (f - mean)
	}
	sd := 0.0
	if len(f1s) > 1 {
		sd = math.Sqrt(sq / float64(len(f1s)-1))
	}
	return fmt.Sprintf("%s F1 per fold: %s (mean %.4f, sd %.4f)", what, strings.Join(parts, " "), mean, sd)
}
