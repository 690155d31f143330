package eval

import "context"

// Run scores whatever it is given on every data set it applies to and
// returns one report: the tagger on CoNLL dev and GUM, the extractor on
// CoNLL dev, PolNeAR dev, WikiEvents dev, CoNLL04 dev and GUM, and, next to the
// extractor's PolNeAR rows, the PolNeAR inter-annotator agreement on train
// and dev, the human ceiling those rows are read against. A nil tagger or
// extractor skips its rows; the agreement needs neither and always runs.
// Absent data sets appear as absent.
func Run(ctx context.Context, dataDir string, tagger Tagger, x Extractor) (Report, error) {
	var rep Report
	var runs []func() (Result, error)
	if tagger != nil {
		runs = append(runs,
			func() (Result, error) { return CoNLL(dataDir, tagger) },
			func() (Result, error) { return GUMTagger(dataDir, tagger) },
		)
	}
	if x != nil {
		runs = append(runs,
			func() (Result, error) { return CoNLLExtract(ctx, dataDir, x) },
			func() (Result, error) { return PolNeAR(ctx, dataDir, "dev", x) },
		)
	}
	runs = append(runs, func() (Result, error) { return PolNeARAgreement(dataDir, "train", "dev") })
	if x != nil {
		runs = append(runs,
			func() (Result, error) { return WikiEvents(ctx, dataDir, x) },
			func() (Result, error) { return CoNLL04(ctx, dataDir, "dev", x) },
			func() (Result, error) { return GUM(ctx, dataDir, x) },
		)
	}
	for _, run := range runs {
		res, err := run()
		if err != nil {
			return rep, err
		}
		rep.Add(res)
	}
	return rep, nil
}
