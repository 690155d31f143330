package api

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
)

// Store is what the API needs of a store: the reads, the explorations and
// the curation of the graph, and retraction. Every graph.Store is one; the
// API asks no more of it than this, so that a read replica or a wrapper
// need not offer writes of extractions or Close.
type Store interface {
	graph.Reader
	graph.Explorer
	graph.Curator
	// DeleteArticle retracts an article (see graph.Store).
	DeleteArticle(ctx context.Context, id string) error
}

var _ Store = graph.Store(nil)
