// Package eval scores newsgraph's extractors against public gold data:
// entity mentions on CoNLL-2003 (conlleval-style exact match), claim
// attribution on PolNeAR (source, cue, content; exact and overlap),
// attack relations on WikiEvents, and entity kinds and within-document
// coreference on GUM news.
//
// Loaders read from a data directory (by default ../shared/eval-data
// relative to the repository). A data set that is not there yields a
// Result marked Absent rather than an error, so a machine without the data
// still runs everything else.
package eval
