package ingest

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// WithReextract makes every article be extracted and written again even
// when the store already holds it with the same content: for a store
// written by an older extractor. By default an unchanged article is skipped
// (see Ingester.Ingest), since extraction is what a batch spends its time
// on and writing the same extraction again changes nothing.
func WithReextract(on bool) Option { return func(in *Ingester) { in.reextract = on } }

// articleReader is implemented by stores that can read an article back;
// with one, ingest skips the articles it already holds.
type articleReader interface {
	Article(ctx context.Context, id string) (*graph.Article, error)
}

// Unchanged reports whether the store already holds a with the same content
// and metadata (title, outlet, date), so that extracting and writing it again would change
// nothing. Any error reading it back (NotFound most often) means "extract",
// and so does WithReextract. A queue's producer asks it too: the queue's
// record of an earlier run lives apart from the store, which may have been
// deleted or replaced since.
func (in *Ingester) Unchanged(ctx context.Context, a *graph.Article) bool {
	r, ok := in.writer.(articleReader)
	if in.reextract || !ok {
		return false
	}
	old, err := r.Article(ctx, a.ID)
	if err != nil || old == nil {
		return false
	}
	// The URL is left out: an article with one is keyed by it, and a text
	// file is keyed by content, so that a copy elsewhere is the same article
	// and where it was last seen is not worth a new extraction.
	return old.ContentHash == a.ContentHash && old.Title == a.Title && old.Outlet == a.Outlet &&
		old.PublishedAt.Equal(a.PublishedAt.UTC().Truncate(time.Microsecond))
}
