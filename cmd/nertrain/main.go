// Command nertrain trains the ingest/ner mention tagger from CoNLL-2003
// training data and writes the model file that package embeds.
//
// A run is reproducible: fixed seed, fixed epochs, sentences shuffled by a
// seeded generator, model entries written in key order; the same command
// gives a byte-identical model. It trains on conllpp_train.txt only (word
// statistics also read polnear/train/text) and then prints the score on
// conllpp_dev.txt, which it never trains on. From the repository root:
//
//	go run ./cmd/nertrain -data ../shared/eval-data -out ingest/ner/model.bin.gz
//
// With -task attribution it trains the attribution model instead (source,
// cue and content spans, from polnear/train, scored on polnear/dev) and
// writes ingest/ner/attribution.bin.gz:
//
//	go run ./cmd/nertrain -task attribution
//
// With -task attribution -accurate -dump FILE it writes PolNeAR train's
// sentences with gold and jackknifed perceptron labels for tools/neural,
// which trains the accurate extractor's neural attribution tagger; with
// -accurate -dump FILE, CoNLL++ train's, for its name network.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("nertrain", flag.ContinueOnError)
	data := fs.String("data", "../shared/eval-data", "eval-data directory holding conllpp/")
	out := fs.String("out", "ingest/ner/model.bin.gz", "model file to write")
	epochs := fs.Int("epochs", ner.NEROptions.Epochs, "training epochs")
	seed := fs.Uint64("seed", ner.NEROptions.Seed, "shuffle seed")
	folds := fs.Int("folds", ner.NEROptions.Folds, "gazetteer jackknife folds")
	prune := fs.Float64("prune", float64(ner.NEROptions.Prune), "drop averaged weights below this magnitude")
	missWeight := fs.Float64("missweight", 1, "update weight for a mistagged token whose gold label is not O (attribution default 1.5)")
	unlabeled := fs.String("unlabeled", "polnear/train/text", "running text under -data for case statistics and word clusters: comma-separated folders of .txt files (empty: none)")
	beam := fs.Int("beam", 1, "decode with a beam of this many label histories, trained as a structured perceptron (1: greedy, the fast models)")
	accurate := fs.Bool("accurate", false, "train the accurate model's recipe (ner.NERAccurateOptions or ner.AttributionAccurateOptions) and write *_accurate.bin.gz")
	showErrors := fs.Bool("errors", false, "print dev sentences the model gets wrong (stderr; for feature work)")
	dev := fs.Bool("dev", true, "score the trained model on the dev split (never trained on)")
	holdout := fs.Int("holdout", 0, "keep every n-th training document out and score on those instead of dev (0: off)")
	stack := fs.Int("stack", 0, "attribution: train a stacked tagger whose first pass is jackknifed over this many article folds (default 5; 0: one pass)")
	modelFile := fs.String("model", "", "attribution: score this model file instead of training one (with -holdout, one trained with the same -holdout)")
	peerFile := fs.String("peer", "", "attribution, with -extract: the accurate extractor's second tagger, this fast model file (with -holdout, one trained with the same -holdout; unset: none)")
	neuralFile := fs.String("neural", "", "attribution, with -accurate -extract: score the extractor with this neural model file (tools/neural/train.py; with -holdout, one trained with the same --holdout) stacked on the perceptron (unset: the perceptron alone)")
	extractToo := fs.Bool("extract", false, "attribution: also score the whole extractor (fast, or accurate with -accurate) with the model, on the same articles")
	dump := fs.String("dump", "", "write the train split's sentences (PolNeAR's with -task attribution, CoNLL++'s otherwise) with gold and jackknifed perceptron labels as JSON lines to this file (for tools/neural) instead of training")
	dumpFolds := fs.Int("dumpfolds", 5, "-dump: document folds the perceptron labels are jackknifed over")
	vectors := fs.String("vectors", "", "word vectors in GloVe's text format (tools/neural/glove.py --txt): the word clusters are made from them (k-means) instead of from the training text; an experiment, the shipped models cluster the training text (docs/quality.md, Session 18)")
	vectorsLimit := fs.Int("vectors-limit", ner.ClusterVectorWords, "with -vectors: the most frequent words read")
	task := fs.String("task", "ner", "what to train: ner (CoNLL-2003 names) or attribution (PolNeAR source/cue/content)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *task == "attribution" {
		// Defaults for the attribution model: 10 epochs (chosen on held-out
		// train articles, -holdout 5), weights below 1
		// pruned (half the size, the same scores), stacked over 5 jackknife
		// folds (held-out train: source +0.022, cue +0.007, content overlap
		// +0.009), written next to the tagger's model.
		recipe, name := ner.AttributionOptions, "ingest/ner/attribution.bin.gz"
		if *accurate {
			recipe, name = ner.AttributionAccurateOptions, "ingest/ner/attribution_accurate.bin.gz"
		}
		if !set["out"] {
			*out = name
		}
		if !set["epochs"] {
			*epochs = recipe.Epochs
		}
		if !set["prune"] {
			*prune = float64(recipe.Prune)
		}
		if !set["missweight"] {
			*missWeight = float64(recipe.MissWeight)
		}
		if !set["beam"] {
			*beam = recipe.Beam
		}
		if !set["stack"] {
			*stack = ner.AttributionStackFolds
		}
		opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Folds: *folds, Prune: float32(*prune), Context: true, MissWeight: float32(*missWeight), Beam: *beam}
		if *accurate || set["unlabeled"] {
			dirs := ner.AccurateUnlabeled
			if set["unlabeled"] {
				dirs = splitList(*unlabeled)
			}
			var err error
			if opt.Unlabeled, err = eval.ReadUnlabeledDirs(*data, dirs); err != nil {
				return err
			}
		}
		if *vectors != "" {
			var err error
			if opt.Vectors, err = ner.OpenWordVectors(*vectors, *vectorsLimit); err != nil {
				return err
			}
		}
		if *dump != "" {
			return dumpJackknifed(*data, *dump, opt, *stack, *dumpFolds)
		}
		models := extract.Fast
		if *accurate {
			models = extract.Accurate
		}
		return trainAttribution(*data, *out, opt, attributionRun{dev: *dev, holdout: *holdout, stack: *stack, model: *modelFile, extract: *extractToo, models: models, peer: *peerFile, neural: *neuralFile})
	}
	recipe, dirs := ner.NEROptions, ner.FastUnlabeled
	if *accurate {
		recipe, dirs = ner.NERAccurateOptions, ner.AccurateUnlabeled
		if !set["out"] {
			*out = "ingest/ner/model_accurate.bin.gz"
		}
	}
	if !set["epochs"] {
		*epochs = recipe.Epochs
	}
	if !set["prune"] {
		*prune = float64(recipe.Prune)
	}
	if !set["beam"] {
		*beam = max(recipe.Beam, 1)
	}
	if set["unlabeled"] {
		dirs = splitList(*unlabeled)
	}
	sents, err := readFile(filepath.Join(*data, "conllpp", "conllpp_train.txt"))
	if err != nil {
		return err
	}
	if *dump != "" {
		text, err := eval.ReadUnlabeledDirs(*data, dirs)
		if err != nil {
			return err
		}
		return dumpNERJackknifed(sents, *dump, ner.TrainOptions{Epochs: *epochs, Seed: *seed, Folds: *folds, Prune: float32(*prune), Unlabeled: text, Beam: *beam, MissWeight: float32(*missWeight)}, *dumpFolds)
	}
	var held []ner.Sentence
	if *holdout > 0 {
		// Every holdout-th document is kept out and scored instead of dev.
		var keep []ner.Sentence
		for _, s := range sents {
			if s.Doc%*holdout == 0 {
				held = append(held, s)
			} else {
				keep = append(keep, s)
			}
		}
		sents = keep
	}
	text, err := eval.ReadUnlabeledDirs(*data, dirs)
	if err != nil {
		return err
	}
	var wv *ner.WordVectors
	if *vectors != "" {
		if wv, err = ner.OpenWordVectors(*vectors, *vectorsLimit); err != nil {
			return err
		}
	}
	start := time.Now()
	m, err := ner.Train(sents, ner.TrainOptions{
		Epochs: *epochs, Seed: *seed, Folds: *folds, Prune: float32(*prune), Unlabeled: text, Beam: *beam, MissWeight: float32(*missWeight), Vectors: wv,
		Progress: func(epoch int, acc float64) {
			fmt.Fprintf(os.Stderr, "epoch %d: train token accuracy %.4f (%s)\n", epoch, acc, time.Since(start).Round(time.Second))
		},
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, trained in %s\n", *out, buf.Len(), time.Since(start).Round(time.Second))
	if !*dev {
		return nil
	}
	split, devSents := "held-out train", held
	if *holdout <= 0 {
		split = "dev"
		if devSents, err = readFile(filepath.Join(*data, "conllpp", "conllpp_dev.txt")); err != nil {
			return err
		}
	}
	var t eval.Table
	for _, s := range devSents {
		pred := m.Tag(s.Tokens)
		t.ScoreBIO(s.Labels, pred)
		if *showErrors {
			printErrors(s, pred)
		}
	}
	fmt.Fprintf(os.Stderr, "conllpp %s:\n", split)
	t.Write(os.Stderr, map[string][]string{"micro(all)": nil, "micro(PER+ORG+LOC)": {"PER", "ORG", "LOC"}})
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func readFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

func printErrors(s ner.Sentence, pred []string) {
	bad := false
	for i := range pred {
		bad = bad || pred[i] != s.Labels[i]
	}
	if !bad {
		return
	}
	for i, w := range s.Tokens {
		mark := ""
		if pred[i] != s.Labels[i] {
			mark = "<" + pred[i] + ">"
		}
		if s.Labels[i] != "O" || mark != "" {
			fmt.Fprintf(os.Stderr, "%s/%s%s ", w, s.Labels[i], mark)
		} else {
			fmt.Fprintf(os.Stderr, "%s ", w)
		}
	}
	fmt.Fprintln(os.Stderr)
}
