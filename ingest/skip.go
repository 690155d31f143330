package ingest

import (
	"errors"
	"path/filepath"
	"strings"
)

// Skip is a file of a folder that was not read as an article, with why.
type Skip struct {
	Location string
	Reason   string
}

// String renders the skip as "location: reason".
func (s Skip) String() string { return s.Location + ": " + s.Reason }

// notArticleNames are the stems (file names without extension, upper case)
// that, by the conventions of software and data distributions, name a
// document about a folder rather than a piece of coverage in it: a data
// set's README, its licence, where it came from, how to cite it.
var notArticleNames = map[string]bool{
	"README": true, "READ_ME": true, "READ-ME": true,
	"LICENSE": true, "LICENCE": true, "COPYING": true, "COPYRIGHT": true, "NOTICE": true,
	"AUTHORS": true, "CONTRIBUTORS": true, "CONTRIBUTING": true, "MAINTAINERS": true,
	"CHANGELOG": true, "CHANGES": true,
	"INSTALL": true, "MANIFEST": true, "CITATION": true, "SOURCE": true, "SOURCES": true,
	"CODE_OF_CONDUCT": true, "SECURITY": true,
}

// notArticle says why a file met while walking a folder is not an article,
// or "" when it may be one. The rule is by name only, so that it is the
// same whatever the file holds: a stem of notArticleNames, alone or with a
// suffix after a separator ("LICENSE-MIT", "README.en").
func notArticle(path string) string {
	name := filepath.Base(path)
	stem := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	if i := strings.IndexAny(stem, ".-_ "); i > 0 && !notArticleNames[stem] {
		stem = stem[:i]
	}
	if notArticleNames[stem] {
		return "not an article: a folder's " + strings.ToLower(stem) + " file, skipped by name"
	}
	return ""
}

// skipError is what the load of a skipped file returns; the batch counts it
// as a skip, not a failure.
type skipError struct{ reason string }

func (e *skipError) Error() string { return e.reason }

// SkipReason returns the reason of a skip (a file of a folder that is not
// an article), or "" when err is not one. Callers that load articles
// themselves, such as a queue's producer, count a skip apart from failures.
func SkipReason(err error) string {
	var s *skipError
	if errors.As(err, &s) {
		return s.reason
	}
	return ""
}
