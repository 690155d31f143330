package main

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

// loadingExtractor is an extractor whose models are still being decoded.
// Decoding takes about half a second of one core, while a batch's first
// half second goes to reading, hashing and queueing its articles, which
// needs no model: ingest does both at once, and extraction waits for the
// models.
type loadingExtractor struct {
	ready chan struct{}
	x     *extract.Extractor
	err   error
}

var _ ingest.Extractor = (*loadingExtractor)(nil)

// loadExtractor starts decoding the embedded models of kind models.
func loadExtractor(models extract.Models) *loadingExtractor {
	l := &loadingExtractor{ready: make(chan struct{})}
	go func() {
		defer close(l.ready)
		l.x, l.err = extract.NewWith(models)
	}()
	return l
}

// Wait returns once the models are loaded, with the error of loading them.
func (l *loadingExtractor) Wait(ctx context.Context) error {
	select {
	case <-l.ready:
		return l.err
	case <-ctx.Done():
		return graph.E("newsgraph.models", graph.Timeout, ctx.Err())
	}
}

// Extract extracts a once the models are loaded.
func (l *loadingExtractor) Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error) {
	if err := l.Wait(ctx); err != nil {
		return nil, err
	}
	return l.x.Extract(ctx, a)
}
