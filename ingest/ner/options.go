package ner

// The recipes of the shipped models: cmd/nertrain trains with them by
// default, and `newsgraph eval --cv` cross-validates them, so that the
// k-fold scores are those of the recipe that made the shipped files.
var (
	// NEROptions train the name tagger (model.bin.gz) on CoNLL++ train;
	// Unlabeled is set by the caller (PolNeAR train's running text).
	NEROptions = TrainOptions{Epochs: 8, Seed: 1, Folds: 10, Prune: 0.01}
	// AttributionOptions train the attribution tagger
	// (attribution.bin.gz) on PolNeAR train, stacked over
	// AttributionStackFolds jackknife folds: 10 epochs (chosen on held-out
	// train articles), weights below 1 pruned (half the size, the same
	// scores), misses of attribution labels weighted 1.5.
	AttributionOptions = TrainOptions{Epochs: 10, Seed: 1, Folds: 10, Prune: 1, Context: true, MissWeight: 1.5}
)

// AttributionStackFolds is the number of article folds the stacked
// attribution tagger's first pass is jackknifed over.
const AttributionStackFolds = 5

// The accurate models' recipes: the same features, decoded with a beam of
// label histories and trained as a structured perceptron (beam.go), with
// word clusters and case statistics from more unlabelled news
// (AccurateUnlabeled). cmd/nertrain -accurate trains them into
// model_accurate.bin.gz and attribution_accurate.bin.gz.
var (
	NERAccurateOptions         = TrainOptions{Epochs: 8, Seed: 1, Folds: 10, Prune: 0.01, Beam: 4}
	AttributionAccurateOptions = TrainOptions{Epochs: 10, Seed: 1, Folds: 10, Prune: 1, Context: true, MissWeight: 1.5, Beam: 4}
)

// Unlabelled running text the recipes read, as folders under the eval-data
// directory: PolNeAR train's articles for the fast NER model; for the
// accurate models also the BBC folder (no gold of ours is scored on its
// words: it serves speed and judged-precision samples only).
var (
	FastUnlabeled     = []string{"polnear/train/text"}
	AccurateUnlabeled = []string{"polnear/train/text", "bbc-news/business", "bbc-news/entertainment", "bbc-news/politics", "bbc-news/sport", "bbc-news/tech"}
)
