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
	// maxGroup bounds a group. Groups this large form only when the
	// writer is behind the extractions (the commit before took long
	// enough for this many to gather), and then they cost it less per
	// article: the writer alone, BenchmarkWriteExtractions, about 10% less
	// CPU per article in groups of 256 than of 128.
	maxGroup     = 256
	groupTimeout = time.Minute
	// A writer about to commit a group smaller than gatherGroup while
	// articles are still being extracted waits up to maxGather for them:
	// each commit rewrites every index page it touched, so the single
	// writer's cost per article falls with the size of its groups (SQLite
	// writer alone on the BBC extractions: 6.6 ms per article in groups
	// of 2, 3.6 in groups of 32, 2.9 in groups of 128), CPU the
	// extraction then has. A lone article, with nothing else being
	// extracted, is committed at once. With gatherGroup articles waiting
	// while a group commits, the writer is behind (see behind).
	gatherGroup = maxGroup / 2
	maxGather   = 100 * time.Millisecond
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
	// coming, when set, counts the articles being extracted, which will
	// soon ask to be written.
	coming  func() int
	arrived chan struct{} // a new extraction is pending; buffered, 1

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
	select {
	case g.arrived <- struct{}{}:
	default:
	}
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
	g.gather()
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

// gather waits, with g.mu held across its checks, for the articles being
// extracted to join the group, as long as it is small and for at most
// maxGather.
func (g *groupWriter) gather() {
	if g.coming == nil {
		return
	}
	var deadline *time.Timer
	for len(g.pending) < gatherGroup && g.coming() > 0 {
		if deadline == nil {
			deadline = time.NewTimer(maxGather)
			defer deadline.Stop()
		}
		g.mu.Unlock()
		select {
		case <-g.arrived:
			g.mu.Lock()
		case <-deadline.C:
			g.mu.Lock()
			return
		}
	}
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

// behind reports whether the writer is behind the extractions: a group is
// being written (or gathered) with gatherGroup or more articles already
// waiting for the next one.
func (g *groupWriter) behind() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.leading && len(g.pending) >= gatherGroup
}
