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
