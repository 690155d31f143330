package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/graph"
)

// Handler does a task: for ingest, it extracts the article and writes the
// extraction, and returns only once the store committed it. An error with
// code INVALID is final; any other is retried.
type Handler func(ctx context.Context, t *Task) (Counts, error)

// stateTimeout bounds each step of a delivery's bookkeeping (state
// writes, acknowledgements), which goes on after a shutdown began.
const stateTimeout = 10 * time.Second

// Consume runs n workers that take tasks from the queue and do them with
// h, until ctx ends; it then returns nil once the workers stopped. A task
// running at that moment is cancelled and delivered again later, to this
// process or another.
//
// Tasks are fetched only for idle workers, never ahead of them: a task
// waiting in a client-side buffer is not kept alive by heartbeats, and one
// that waits there longer than AckWait (a slow machine, a long queue of
// group commits) is delivered again while its first copy is still to be
// done, so that two copies end up at work at once.
func (q *Queue) Consume(ctx context.Context, n int, h Handler) error {
	n = max(n, 1)
	idle := make(chan struct{}, n) // a token per idle worker
	for range n {
		idle <- struct{}{}
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-idle:
		case <-ctx.Done():
			return nil
		}
		k := 1
	more:
		for k < n {
			select {
			case <-idle:
				k++
			default:
				break more
			}
		}
		got, err := q.fetch(ctx, k, func(m jetstream.Msg) {
			if ctx.Err() != nil {
				_ = m.Nak() // arrived as the workers stop
				idle <- struct{}{}
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { idle <- struct{}{} }()
				q.deliver(ctx, m, h)
			}()
		})
		for range k - got {
			idle <- struct{}{}
		}
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			// A server restarting, a connection being re-established:
			// fetching works again once it is back.
			q.opts.Log.Debug().Err(err).Msg("waiting for the queue")
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

// fetchWait bounds one pull request: the idle workers it leaves out (those
// that became idle while it waited for tasks) wait for it at most this long.
const fetchWait = 2 * time.Second

// fetch asks for up to k tasks and calls do with each as it arrives,
// returning how many arrived.
func (q *Queue) fetch(ctx context.Context, k int, do func(jetstream.Msg)) (int, error) {
	const op = "queue.Consume"
	fctx, cancel := context.WithTimeout(ctx, fetchWait)
	defer cancel()
	batch, err := q.cons.Fetch(k, jetstream.FetchContext(fctx))
	if err != nil {
		return 0, jsError(op, "cannot take tasks from the queue", err)
	}
	got := 0
	for m := range batch.Messages() {
		got++
		do(m)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return got, jsError(op, "cannot take tasks from the queue", err)
	}
	return got, nil
}

// deliver does one delivery of a task and records its outcome.
func (q *Queue) deliver(ctx context.Context, m jetstream.Msg, h Handler) {
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), q.opts.stateTimeout)
	defer cancel()
	log := q.opts.Log
	var t Task
	if err := json.Unmarshal(m.Data(), &t); err != nil || t.Article.ID == "" {
		// Not ours, or corrupt: no state to record it under.
		log.Error().Err(err).Msg("undecodable task dropped")
		_ = m.TermWithReason("undecodable task")
		return
	}
	attempt := 1
	if meta, err := m.Metadata(); err == nil {
		attempt = int(meta.NumDelivered)
	}
	id := JobID(&t.Article)
	job, _, err := q.state(bg, id)
	if err != nil {
		log.Warn().Err(err).Str("job", id).Msg("job state unreadable; the task is delivered again later")
		_ = m.NakWithDelay(time.Second)
		return
	}
	if job == nil {
		job = &Job{ID: id, ArticleID: t.Article.ID, Location: t.Location, Title: t.Article.Title,
			CreatedAt: q.opts.Now().UTC()}
	}
	if job.Status == Done && job.Enqueues >= t.Run {
		// Done, and its worker stopped before acknowledging.
		_ = m.Ack()
		return
	}
	job.Enqueues = max(job.Enqueues, t.Run)
	job.Attempts, job.Worker = attempt, q.opts.Worker
	if attempt > q.opts.MaxAttempts {
		// Earlier attempts ended without a word: the worker died on them.
		if job.Code == "" {
			job.Code, job.Reason = graph.Internal, fmt.Sprintf("no attempt of %d finished (the worker stopped)", q.opts.MaxAttempts)
		}
		job.Attempts = q.opts.MaxAttempts
		q.bury(bg, m, job, job.Code, job.Reason)
		return
	}
	job.Status, job.StartedAt, job.FinishedAt = Running, q.opts.Now().UTC(), time.Time{}
	q.record(bg, job)

	counts, herr := q.run(ctx, m, &t, h)
	// The outcome's bookkeeping gets time of its own: the run may have
	// outlasted the first (a task waits in the handler for its extraction
	// slot and its group commit), and a done state that cannot be written
	// leaves the job running for ever once the task is acknowledged.
	bg, cancelAfter := context.WithTimeout(context.WithoutCancel(ctx), q.opts.stateTimeout)
	defer cancelAfter()
	switch {
	case herr == nil:
		job.Status, job.Counts, job.Code, job.Reason = Done, counts, "", ""
		job.FinishedAt = q.opts.Now().UTC()
		q.record(bg, job)
		// A plain ack: should it be lost, the task comes back, finds its
		// job done, and is acknowledged then.
		if err := m.Ack(); err != nil {
			log.Warn().Err(err).Str("job", id).Msg("acknowledgement lost; the task is delivered again and found done")
		}
	case ctx.Err() != nil:
		if q.doneMeanwhile(bg, id, t.Run) {
			_ = m.Ack()
			return
		}
		job.Status = Queued
		q.record(bg, job)
		_ = m.Nak()
	default:
		code, reason := graph.ErrorCode(herr), graph.ErrorMessage(herr)
		if code == graph.Invalid || attempt >= q.opts.MaxAttempts {
			log.Warn().Str("job", id).Str("location", t.Location).Str("code", string(code)).
				Int("attempt", attempt).Err(herr).Msg("job failed")
			q.bury(bg, m, job, code, reason)
			return
		}
		job.Status, job.Code, job.Reason = Queued, code, reason
		q.record(bg, job)
		log.Info().Str("job", id).Str("code", string(code)).Int("attempt", attempt).Err(herr).Msg("job retried later")
		_ = m.NakWithDelay(q.opts.Backoff(attempt))
	}
}

// doneMeanwhile reports whether another delivery of the task finished its
// job while this one ran. Two deliveries of one task can overlap: after a
// NATS server restart, heartbeats lost while it was down let the task be
// delivered again while the first delivery is still at work. The one
// interrupted later by a stopping worker must not write its job back to
// queued over the done state, or the job stays queued with no task left.
func (q *Queue) doneMeanwhile(ctx context.Context, id string, run int) bool {
	cur, _, err := q.state(ctx, id)
	return err == nil && cur != nil && cur.Status == Done && cur.Enqueues >= run
}

// run calls the handler with a deadline, keeping the delivery alive with
// heartbeats while it runs; a panic fails the attempt.
func (q *Queue) run(ctx context.Context, m jetstream.Msg, t *Task, h Handler) (c Counts, err error) {
	hctx, cancel := context.WithTimeout(ctx, q.opts.JobTimeout)
	defer cancel()
	beat := time.NewTicker(q.opts.AckWait / 3)
	defer beat.Stop()
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-beat.C:
				_ = m.InProgress()
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			err = graph.E("queue.run", graph.Internal, "ingest crashed on this article (a bug: please report it)",
				fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	return h(hctx, t)
}

// bury moves a task that failed for good to the dead-letter stream, then
// marks its job failed and ends its delivery.
func (q *Queue) bury(ctx context.Context, m jetstream.Msg, job *Job, code graph.Code, reason string) {
	msg := &nats.Msg{Subject: q.deadSubject(job.ID), Data: m.Data(), Header: nats.Header{}}
	msg.Header.Set(headerCode, string(code))
	msg.Header.Set(headerReason, reason)
	if _, err := q.js.PublishMsg(ctx, msg); err != nil {
		q.opts.Log.Warn().Err(err).Str("job", job.ID).Msg("dead-letter publish failed; the task is delivered again later")
		_ = m.NakWithDelay(time.Second)
		return
	}
	job.Status, job.Code, job.Reason, job.FinishedAt = Failed, code, reason, q.opts.Now().UTC()
	q.record(ctx, job)
	_ = m.Term()
}

// record writes a job's state; a failure is logged, not fatal: the state
// is bookkeeping, the message is what carries the work.
func (q *Queue) record(ctx context.Context, job *Job) {
	if _, err := q.putState(ctx, job, 0, false); err != nil {
		q.opts.Log.Warn().Err(err).Str("job", job.ID).Str("status", string(job.Status)).Msg("job state not recorded")
	}
	if q.opts.Observe != nil {
		q.opts.Observe(job)
	}
}
