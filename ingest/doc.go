// Package ingest reads articles from files, folders, JSON lines, web pages
// and RSS/Atom feeds, extracts them and writes the extractions to a store,
// with a pool of workers.
//
// A broken article fails alone: every failure is recorded in the Summary
// with where the article was read (a path, "path:line", a URL) and a reason
// carrying a graph error code, and the rest of the batch goes on.
//
// How articles are keyed decides what re-ingesting does. Plain-text files
// are keyed by content (see TextArticle), so ingesting the same file twice,
// or from two clones, changes nothing. JSON records and web articles that
// carry a URL are keyed by it, so a corrected version replaces the old one.
//
// Articles above the text limit (2 MiB by default, see WithMaxTextBytes)
// fail with an Invalid error rather than being truncated; oversized files
// and JSON lines are refused without being read whole.
package ingest
