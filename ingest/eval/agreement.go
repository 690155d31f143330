package eval

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// agreementTask names the PolNeARAgreement result in reports.
const agreementTask = "inter-annotator agreement (human ceiling)"

// PolNeARAgreement measures how well people agree on PolNeAR's attribution
// spans, with the very scorer PolNeAR applies to the extractor, so that the
// extractor's rows can be read against a human ceiling.
//
// On each article of the given splits that has two or more annotation
// files, every unordered pair of its annotators is scored: the smaller
// annotator id is the gold (as in LoadPolNeAR), the other the prediction.
// Counts are summed over all pairs of all articles, so that the ceiling
// rests on every pair of people who annotated the same text rather than on
// the one pair that happens to sort first. Docs counts articles, not pairs.
// Splits not on disk are skipped and named in a note; when none is on disk
// the result is absent, as PolNeAR's is.
func PolNeARAgreement(dataDir string, splits ...string) (Result, error) {
	if len(splits) == 0 {
		return Result{}, errors.New("polnear agreement: no split given")
	}
	task := agreementTask
	parts := []string{"Source", "Cue", "Content"}
	exact := map[string]*PRF{}
	overlap := map[string]*PRF{}
	for _, p := range parts {
		exact[p], overlap[p] = &PRF{}, &PRF{}
	}
	var (
		scored, missing []string
		absentErrs      []string
		docs, pairs     int
		people          = map[string]bool{} // annotator ids, for the note
		peoplePairs     = map[string]bool{} // "gold vs other" ids, for the note
	)
	for _, split := range splits {
		base := filepath.Join(dataDir, "polnear", split)
		names, anns, err := polnearAnnotations(base)
		if err != nil {
			if isAbsent(err) {
				missing = append(missing, split)
				absentErrs = append(absentErrs, err.Error())
				continue
			}
			return Result{}, err
		}
		scored = append(scored, split)
		for _, art := range names {
			if len(anns[art]) < 2 {
				continue
			}
			// anns[art] is sorted by annotator id, so i < j puts the
			// smaller id on the gold side.
			versions := make([]AttributionDoc, len(anns[art]))
			for i, path := range anns[art] {
				if versions[i], err = loadBrat(base, art, path); err != nil {
					return Result{}, err
				}
				people[versions[i].Annotator] = true
			}
			text := []rune(versions[0].Text)
			for i, gold := range versions {
				for _, other := range versions[i+1:] {
					for _, p := range parts {
						e, o := SpanScores(text, gold.Spans[p], other.Spans[p])
						exact[p].Add(e)
						overlap[p].Add(o)
					}
					pairs++
					peoplePairs[gold.Annotator+" vs "+other.Annotator] = true
				}
			}
			docs++
		}
	}
	if len(scored) == 0 {
		// One line, because the report prints the reason on one.
		return absent(agreementDataset(splits), task, errors.New(strings.Join(absentErrs, "; "))), nil
	}
	res := Result{Dataset: agreementDataset(scored), Task: task, Docs: docs}
	for _, p := range parts {
		res.Rows = append(res.Rows,
			Row{Name: strings.ToLower(p) + " exact", PRF: *exact[p]},
			Row{Name: strings.ToLower(p) + " overlap", PRF: *overlap[p]})
	}
	res.Notes = append(res.Notes,
		"per article, every unordered pair of annotators is scored, the smaller id as gold; counts are summed over all pairs",
		"F1 is symmetric: swapping the two annotators of a pair swaps P and R only")
	if docs == 0 {
		res.Notes = append(res.Notes, "no article has two annotators: nothing to compare")
	} else {
		res.Notes = append(res.Notes, fmt.Sprintf("annotator pairs scored: %d over %d articles (%d distinct pairs of people); distinct annotators: %d",
			pairs, docs, len(peoplePairs), len(people)))
	}
	if len(missing) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("split(s) %s not on disk under %s: skipped", strings.Join(missing, ", "), filepath.Join(dataDir, "polnear")))
	}
	return res, nil
}

// agreementDataset names the result after the splits it covers, so that a
// partial run does not pass for the full one.
func agreementDataset(splits []string) string {
	return "polnear/" + strings.Join(splits, "+") + " agreement"
}
