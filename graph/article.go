package graph

import "time"

// Article is one piece of coverage: the unit of ingest, of atomic writes and
// of retraction. Its text is kept so that every citation can be re-read in
// context.
type Article struct {
	ID          string
	URL         string
	Title       string
	Outlet      string
	PublishedAt time.Time // zero when the source gave no date
	IngestedAt  time.Time
	ContentHash string
	Text        string
}

// Date is the date the article's facts are dated by: its publication date, or
// its ingest date when it has none. First/last-seen dates of entities,
// relationships and claims are computed from it.
func (a *Article) Date() time.Time {
	if !a.PublishedAt.IsZero() {
		return a.PublishedAt
	}
	return a.IngestedAt
}
