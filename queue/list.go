package queue

import (
	"context"
	"encoding/json"
	"sort"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/graph"
)

// Filter selects jobs for List.
type Filter struct {
	Status Status // "" for every state
	First  int    // at most this many (every one when zero or less)
	After  string // the jobs after this job id, in id order
}

// Page is a page of jobs, in id order.
type Page struct {
	Jobs    []*Job
	HasNext bool // more jobs match after the last one
	Total   int  // jobs matching the status, on every page
}

// List returns the jobs that match f, in id order, which a job keeps
// whatever happens to it, so that paging with After neither skips nor
// repeats jobs that change state meanwhile.
//
// It reads every state in the bucket: listing is for people and tools,
// not for the hot path.
func (q *Queue) List(ctx context.Context, f Filter) (*Page, error) {
	const op = "queue.List"
	if f.Status != "" && !f.Status.Valid() {
		return nil, graph.Errorf(op, graph.Invalid, "unknown job status %q: want queued, running, done or failed", f.Status)
	}
	jobs, err := q.all(ctx)
	if err != nil {
		return nil, err
	}
	p := &Page{}
	for _, j := range jobs {
		if f.Status != "" && j.Status != f.Status {
			continue
		}
		p.Total++
		if f.After != "" && j.ID <= f.After {
			continue
		}
		if f.First > 0 && len(p.Jobs) == f.First {
			p.HasNext = true
			continue
		}
		p.Jobs = append(p.Jobs, j)
	}
	return p, nil
}

// all reads every job state, in id order.
func (q *Queue) all(ctx context.Context) ([]*Job, error) {
	const op = "queue.List"
	w, err := q.states.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, jsError(op, "cannot read the jobs", err)
	}
	defer w.Stop()
	var jobs []*Job
	for {
		select {
		case <-ctx.Done():
			return nil, jsError(op, "cannot read the jobs", ctx.Err())
		case e, ok := <-w.Updates():
			if !ok {
				return nil, graph.Errorf(op, graph.Unavailable, "the job listing was cut short")
			}
			if e == nil { // the end of the values present at the start
				sort.Slice(jobs, func(i, k int) bool { return jobs[i].ID < jobs[k].ID })
				return jobs, nil
			}
			var j Job
			if err := json.Unmarshal(e.Value(), &j); err != nil {
				q.opts.Log.Warn().Str("job", e.Key()).Err(err).Msg("corrupt job state skipped")
				continue
			}
			jobs = append(jobs, &j)
		}
	}
}

// Depth is what waits in the queue.
type Depth struct {
	Waiting     int // tasks not yet delivered to a worker
	InFlight    int // delivered, not yet acknowledged
	Redelivered int // of those in flight, delivered more than once
	Dead        int // in the dead-letter stream
}

// Depth reads the queue's depth from the consumer and the streams.
func (q *Queue) Depth(ctx context.Context) (Depth, error) {
	const op = "queue.Depth"
	ci, err := q.cons.Info(ctx)
	if err != nil {
		return Depth{}, jsError(op, "cannot read the queue's depth", err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return Depth{}, jsError(op, "cannot read the dead-letter stream", err)
	}
	return Depth{
		Waiting:     int(ci.NumPending),
		InFlight:    ci.NumAckPending,
		Redelivered: ci.NumRedelivered,
		Dead:        int(di.State.Msgs),
	}, nil
}

// Watcher follows the job states written after it started.
type Watcher struct {
	w    jetstream.KeyWatcher
	jobs chan *Job
	done chan struct{}
}

// Watch starts following the job states written from now on; a batch
// starts it before it enqueues, so that it sees every job to its end.
// Stop ends it.
func (q *Queue) Watch(ctx context.Context) (*Watcher, error) {
	const op = "queue.Watch"
	kw, err := q.states.WatchAll(ctx, jetstream.UpdatesOnly(), jetstream.IgnoreDeletes())
	if err != nil {
		return nil, jsError(op, "cannot watch the jobs", err)
	}
	w := &Watcher{w: kw, jobs: make(chan *Job, 256), done: make(chan struct{})}
	go func() {
		defer close(w.jobs)
		for e := range kw.Updates() {
			if e == nil {
				continue
			}
			var j Job
			if err := json.Unmarshal(e.Value(), &j); err != nil {
				continue
			}
			select {
			case w.jobs <- &j:
			case <-w.done:
				return
			}
		}
	}()
	return w, nil
}

// Jobs delivers the states as they are written; it is closed when the
// watch ends.
func (w *Watcher) Jobs() <-chan *Job { return w.jobs }

// Stop ends the watch.
func (w *Watcher) Stop() {
	select {
	case <-w.done:
	default:
		close(w.done)
		_ = w.w.Stop()
	}
}
