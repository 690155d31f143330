package queue

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/graph"
)

// Headers of dead-letter messages.
const (
	headerCode   = "Newsgraph-Code"
	headerReason = "Newsgraph-Reason"
)

// Enqueue queues an article and returns its job. An article whose job is
// already queued, running or done is not queued again: Enqueue returns that
// job as it stands, unless t.Again asks to run a done job anew. A failed
// job is queued again, from its first attempt.
//
// The task is published before its state is written, so that a crash in
// between leaves a task without a state (which its worker then writes),
// never a queued state without a task.
func (q *Queue) Enqueue(ctx context.Context, t *Task) (*Job, error) {
	const op = "queue.Enqueue"
	a := &t.Article
	if a.ID == "" || a.ContentHash == "" {
		return nil, graph.Errorf(op, graph.Invalid, "the article has no id or content hash")
	}
	id := JobID(a)
	prev, rev, err := q.state(ctx, id)
	if err != nil {
		return nil, err
	}
	job := &Job{ID: id, ArticleID: a.ID, Location: t.Location, Title: a.Title, Status: Queued,
		CreatedAt: q.opts.Now().UTC()}
	if prev != nil {
		if !prev.Finished() || (prev.Status == Done && !t.Again) {
			return prev, nil
		}
		job.Enqueues = prev.Enqueues + 1
	}
	t.Run = job.Enqueues
	data, err := json.Marshal(t)
	if err != nil {
		return nil, graph.E(op, graph.Internal, "cannot encode the task", err)
	}
	if err := q.publish(ctx, id, job.Enqueues, data); err != nil {
		return nil, err
	}
	if prev == nil {
		if _, err := q.putState(ctx, job, 0, true); errors.Is(err, jetstream.ErrKeyExists) {
			// A worker was faster and wrote the state itself: the run is
			// this call's, so it is reported as queued by it, never as a
			// job finished before it (a producer would count that
			// unchanged); the watch or a poll reports how it ended.
			return job, nil
		} else if err != nil {
			return nil, err
		}
		return job, nil
	}
	if _, err := q.putState(ctx, job, rev, false); err != nil && !errors.Is(err, jetstream.ErrKeyExists) {
		return nil, err
	}
	return job, nil
}

// publish sends a task. The first run of a job is published under a
// message id of its own, which makes queueing the same article again a
// no-op; a run after a failure (run > 0) gets a unique one, since it must
// never be dropped as a duplicate of an earlier run.
func (q *Queue) publish(ctx context.Context, id string, run int, data []byte) error {
	const op = "queue.Enqueue"
	if max := q.nc.MaxPayload(); int64(len(data)) > max {
		return graph.Errorf(op, graph.Invalid, "the article is %d bytes encoded, above the queue's limit of %d (the NATS max_payload)", len(data), max)
	}
	msg := &nats.Msg{Subject: q.taskSubject(), Data: data}
	msgID := id + ".0"
	if run > 0 {
		msgID = id + "." + strconv.Itoa(run) + "." + strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	if _, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(msgID)); err != nil {
		return jsError(op, "cannot queue the article", err)
	}
	return nil
}

// state reads a job's state and its revision; nil when there is none.
func (q *Queue) state(ctx context.Context, id string) (*Job, uint64, error) {
	const op = "queue.Job"
	e, err := q.states.Get(ctx, id)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return nil, 0, nil
	case err != nil:
		return nil, 0, jsError(op, "cannot read the job", err)
	}
	var j Job
	if err := json.Unmarshal(e.Value(), &j); err != nil {
		return nil, 0, graph.E(op, graph.Internal, "the job's state is corrupt", err)
	}
	return &j, e.Revision(), nil
}

// putState writes a job's state: create only when create is set (failing
// with jetstream.ErrKeyExists when there is one), at revision rev when it
// is not zero (failing the same way when another wrote since), blindly
// otherwise.
func (q *Queue) putState(ctx context.Context, j *Job, rev uint64, create bool) (uint64, error) {
	const op = "queue.putState"
	data, err := json.Marshal(j)
	if err != nil {
		return 0, graph.E(op, graph.Internal, "cannot encode the job", err)
	}
	switch {
	case create:
		rev, err = q.states.Create(ctx, j.ID, data)
	case rev != 0:
		rev, err = q.states.Update(ctx, j.ID, data, rev)
	default:
		rev, err = q.states.Put(ctx, j.ID, data)
	}
	if errors.Is(err, jetstream.ErrKeyExists) || isWrongSequence(err) {
		return 0, jetstream.ErrKeyExists
	}
	if err != nil {
		return 0, jsError(op, "cannot record the job's state", err)
	}
	return rev, nil
}

// isWrongSequence reports the error of an Update whose revision is stale.
func isWrongSequence(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

// Job returns the state of a job; a NotFound error when there is none.
func (q *Queue) Job(ctx context.Context, id string) (*Job, error) {
	j, _, err := q.state(ctx, id)
	if err != nil {
		return nil, err
	}
	if j == nil {
		return nil, graph.Errorf("queue.Job", graph.NotFound, "no job %s", id)
	}
	return j, nil
}

// Retry queues a failed job again, from its first attempt, with the task
// kept in the dead-letter stream, which it then leaves. Only a failed job
// can be retried (Conflict otherwise).
func (q *Queue) Retry(ctx context.Context, id string) (*Job, error) {
	const op = "queue.Retry"
	if !strings.HasPrefix(id, jobPrefix) || !validName(id) {
		return nil, graph.Errorf(op, graph.Invalid, "%q is not a job id", id)
	}
	j, rev, err := q.state(ctx, id)
	if err != nil {
		return nil, err
	}
	if j == nil {
		return nil, graph.Errorf(op, graph.NotFound, "no job %s", id)
	}
	if j.Status != Failed {
		return nil, graph.Errorf(op, graph.Conflict, "job %s is %s: only a failed job can be retried", id, j.Status)
	}
	msg, err := q.dead.GetLastMsgForSubject(ctx, q.deadSubject(id))
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil, graph.Errorf(op, graph.NotFound, "the task of job %s is no longer in the dead-letter stream", id)
	} else if err != nil {
		return nil, jsError(op, "cannot read the dead-letter stream", err)
	}
	next := *j
	next.Status, next.Attempts, next.Enqueues = Queued, 0, j.Enqueues+1
	next.Code, next.Reason = "", ""
	next.StartedAt, next.FinishedAt = time.Time{}, time.Time{}
	if err := q.publish(ctx, id, next.Enqueues, msg.Data); err != nil {
		return nil, err
	}
	ret := &next
	if _, err := q.putState(ctx, &next, rev, false); errors.Is(err, jetstream.ErrKeyExists) {
		// A worker took the task already and wrote its state.
		if cur, _, err := q.state(ctx, id); err == nil && cur != nil {
			ret = cur
		}
	} else if err != nil {
		return nil, err
	}
	if err := q.dead.DeleteMsg(ctx, msg.Sequence); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		q.opts.Log.Warn().Err(err).Str("job", id).Msg("retried job left in the dead-letter stream")
	}
	return ret, nil
}
