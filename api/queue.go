package api

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/newsgraph/newsgraph/api/internal/gen"
	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queue"
)

// JobQueue is the durable queue behind Mutation.ingestArticle, Query.job
// and Query.jobs on a server that has one (WithQueue): jobs survive
// restarts, and workers of any process run them.
type JobQueue interface {
	Enqueue(ctx context.Context, t *queue.Task) (*queue.Job, error)
	Job(ctx context.Context, id string) (*queue.Job, error)
	List(ctx context.Context, f queue.Filter) (*queue.Page, error)
	Ping(ctx context.Context) error
}

var _ JobQueue = (*queue.Queue)(nil)

// WithQueue makes Mutation.ingestArticle queue articles on q, and Query.job
// and Query.jobs read q's durable job states. It takes precedence over
// WithIngester; the workers that run the jobs are the caller's.
func WithQueue(q JobQueue) Option { return func(s *Server) { s.queue = q } }

// durableJob is the API's view of a durable job.
func durableJob(j *queue.Job) *model.Job {
	m := &model.Job{ID: j.ID, ArticleID: j.ArticleID, CreatedAt: j.CreatedAt, Attempts: j.Attempts,
		StartedAt: j.StartedAt}
	if j.Location != "" {
		loc := j.Location
		m.Location = &loc
	}
	switch j.Status {
	case queue.Queued:
		m.Status = model.JobQueued
	case queue.Running:
		m.Status = model.JobRunning
	case queue.Done:
		m.Status, m.FinishedAt = model.JobSucceeded, j.FinishedAt
	case queue.Failed:
		m.Status, m.FinishedAt = model.JobFailed, j.FinishedAt
		m.Error = &model.JobError{Code: string(j.Code), Message: j.Reason}
	}
	return m
}

// enqueue queues an ingestArticle's article on the durable queue.
func (r *Resolver) enqueue(ctx context.Context, a *graph.Article) (*model.Job, error) {
	j, err := r.queue.Enqueue(ctx, &queue.Task{Location: a.URL, Article: *a})
	if err != nil {
		return nil, graph.E("api.ingestArticle", err)
	}
	return durableJob(j), nil
}

// queuedJobByID reads a durable job; nil when there is none.
func (r *Resolver) queuedJobByID(ctx context.Context, id string) (*model.Job, error) {
	j, err := r.queue.Job(ctx, id)
	if graph.ErrorCode(err) == graph.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, graph.E("api.job", err)
	}
	return durableJob(j), nil
}

// jobStatuses maps the schema's statuses onto the queue's.
var jobStatuses = map[model.JobStatus]queue.Status{
	model.JobQueued: queue.Queued, model.JobRunning: queue.Running,
	model.JobSucceeded: queue.Done, model.JobFailed: queue.Failed,
}

func (q queryResolver) Jobs(ctx context.Context, status *model.JobStatus, first *int, after *string) (*gen.JobConnection, error) {
	const op = "api.jobs"
	p, err := pageOf(first, nil, graph.DefaultLimit)
	if err != nil {
		return nil, err
	}
	conn := &gen.JobConnection{Edges: []*gen.JobEdge{}, Nodes: []*model.Job{}, PageInfo: &model.PageInfo{}}
	if q.queue == nil || p.Limit == 0 {
		return conn, nil
	}
	f := queue.Filter{First: p.Limit}
	if status != nil {
		f.Status = jobStatuses[*status]
	}
	if after != nil && *after != "" {
		id, err := base64.RawURLEncoding.DecodeString(*after)
		if err != nil || !strings.HasPrefix(string(id), jobPrefix) {
			return nil, graph.Errorf(op, graph.Invalid, "after is not a job cursor")
		}
		f.After = string(id)
		conn.PageInfo.HasPreviousPage = true
	}
	page, err := q.queue.List(ctx, f)
	if err != nil {
		return nil, graph.E(op, err)
	}
	conn.TotalCount = page.Total
	conn.PageInfo.HasNextPage = page.HasNext
	for _, j := range page.Jobs {
		cursor := base64.RawURLEncoding.EncodeToString([]byte(j.ID))
		node := durableJob(j)
		conn.Edges = append(conn.Edges, &gen.JobEdge{Cursor: cursor, Node: node})
		conn.Nodes = append(conn.Nodes, node)
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}
