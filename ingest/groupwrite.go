package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// batchWriter is implemented by stores that write many extractions in one
// transaction, recomputing each touched aggregate once (graph/sqlite and
// graph/neo4j: see graph.BatchWriter).
type batchWriter interface {
	WriteExtractions(ctx context.Context, xs []*graph.Extraction) error
}

// Bounds of group commits.
const (
	maxGroup     = 64
	groupTimeout = time.Minute
)

// groupWriter commits the extractions of concurrent workers together: a
// store with one writer (SQLite) spends most of a small write on the commit
// and on recomputing aggregates that the next article touches again, so
// while one group is being written the next one gathers. Each caller
// returns once its own extraction is committed, with its own error: a group
// that fails is written again one extraction at a time, so a bad article
// fails alone.
type groupWriter struct {
	w batchWriter

	mu      sync.Mutex
	pending []*groupReq
	leading bool // some caller is writing a group
}

type groupReq struct {
	x    *graph.Extraction
	done chan error    // the outcome of this extraction
	lead chan struct{} // closed when this caller is to write the next group
}

func (g *groupWriter) WriteExtraction(ctx context.Context, x *graph.Extraction) error {
	r := &groupReq{x: x, done: make(chan error, 1), lead: make(chan struct{})}
	g.mu.Lock()
	g.pending = append(g.pending, r)
	if g.leading {
		g.mu.Unlock()
		select {
		case err := <-r.done:
			return err
		case <-r.lead:
		}
		g.mu.Lock()
	}
	g.leading = true
	n := min(len(g.pending), maxGroup)
	group := g.pending[:n:n]
	g.pending = g.pending[n:]
	g.mu.Unlock()

	g.commit(ctx, group)

	g.mu.Lock()
	if len(g.pending) > 0 {
		close(g.pending[0].lead) // the next group is the first waiter's to write
	} else {
		g.leading = false
	}
	g.mu.Unlock()
	return <-r.done
}

// commit writes a group in one transaction, or one by one when that fails.
// The transaction outlives the caller that writes it, since it carries
// other callers' work: it is bounded by groupTimeout instead.
func (g *groupWriter) commit(ctx context.Context, group []*groupReq) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), groupTimeout)
	defer cancel()
	xs := make([]*graph.Extraction, len(group))
	for i, r := range group {
		xs[i] = r.x
	}
	err := g.w.WriteExtractions(ctx, xs)
	if err == nil || len(group) == 1 {
		for _, r := range group {
			r.done <- err
		}
		return
	}
	for _, r := range group {
		r.done <- g.w.WriteExtractions(ctx, []*graph.Extraction{r.x})
	}
}
