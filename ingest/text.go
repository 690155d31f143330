package ingest

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// maxTitleRunes bounds the first line of a plain-text article that is taken
// as its title: a longer line is the first paragraph of the body.
const maxTitleRunes = 150

// dateHeader matches a leading "date YYYY-MM-DD" marker, the way scraped
// articles such as the seed carry their publication date in the text.
var dateHeader = regexp.MustCompile(`(?i)^\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b`)

// TextArticle builds the article of a plain-text document. name is the
// document's name without directory (a file name, "stdin"), used as the
// title when the text has no short first line; url is where it came from
// ("file:///abs/path", or "" when unknown).
//
// The text is kept verbatim, so that citation offsets count code points from
// the first character of the document as read (a UTF-8 byte-order mark
// aside). The title and a leading "date YYYY-MM-DD" marker are read from the
// text but not removed from it.
//
// Plain-text articles are keyed by content, not by path: the id is
// graph.ArticleID("", ContentHash(text)). Re-ingesting a file, or a copy of
// it from another directory or another clone, writes the same article again
// and changes nothing; an edited file is a new article, and its old version
// stays until it is deleted. Ids therefore do not depend on where the
// repository is checked out.
func TextArticle(name, url, text string) *graph.Article {
	text = strings.TrimPrefix(text, "\uFEFF")
	a := &graph.Article{
		URL:  url,
		Text: text,
	}
	body := text
	if m := dateHeader.FindStringSubmatchIndex(text); m != nil {
		if t, err := time.Parse(time.DateOnly, text[m[2]:m[3]]); err == nil {
			a.PublishedAt = t.UTC()
			body = text[m[1]:]
		}
	}
	a.Title = titleOf(body, name)
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID("", a.ContentHash)
	return a
}

// titleOf returns the first non-empty line of body when it is short enough
// to be a headline and more text follows it, else name without its
// extension.
func titleOf(body, name string) string {
	body = strings.TrimSpace(body)
	first, rest, _ := strings.Cut(body, "\n")
	first = strings.TrimSpace(strings.TrimLeft(first, "#")) // a Markdown heading
	if first != "" && strings.TrimSpace(rest) != "" && utf8.RuneCountInString(first) <= maxTitleRunes {
		return first
	}
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// parseDate reads the publication dates sources give: RFC 3339 (with or
// without a zone), a bare date, and the RFC 822/1123 forms of RSS feeds.
// Times without a zone are taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		time.DateOnly,
		time.RFC1123Z,
		time.RFC1123,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"2 Jan 2006 15:04:05 -0700",
		time.RFC822Z,
		time.RFC822,
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
