package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api/internal/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Ingester ingests one article on behalf of Mutation.ingestArticle: it
// checks, extracts and writes it as the ingest pipeline does any article,
// and fails with a coded error (Invalid for bad input) when it cannot.
// PipelineIngester adapts the ingest pipeline to it.
type Ingester interface {
	IngestArticle(ctx context.Context, a *graph.Article) error
}

// Bounds of the job queue.
const (
	jobPrefix          = "job_"
	DefaultJobTimeout  = 2 * time.Minute
	defaultQueueLength = 64
	maxKeptJobs        = 1000
)

// jobQueue runs ingest jobs on a few workers of its own, so that a
// mutation answers at once and the client polls Query.job. Jobs live in
// memory: the most recent maxKeptJobs are kept, and a restart forgets them
// (the articles they wrote stay in the store).
type jobQueue struct {
	ingester Ingester
	log      zerolog.Logger
	now      func() time.Time
	timeout  time.Duration

	mu       sync.Mutex
	jobs     map[string]*model.Job
	finished []string // ids of finished jobs, oldest first, for eviction
	queue    chan queuedJob
	closed   bool

	ctx    context.Context // cancelled by close
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type queuedJob struct {
	id      string
	article *graph.Article
}

func newJobQueue(in Ingester, workers int, log zerolog.Logger, now func() time.Time, timeout time.Duration) *jobQueue {
	ctx, cancel := context.WithCancel(context.Background())
	q := &jobQueue{ingester: in, log: log, now: now, timeout: timeout, jobs: map[string]*model.Job{},
		queue: make(chan queuedJob, defaultQueueLength), ctx: ctx, cancel: cancel}
	for range max(workers, 1) {
		q.wg.Add(1)
		go q.work()
	}
	return q
}

// submit queues an article and returns its job.
func (q *jobQueue) submit(a *graph.Article) (*model.Job, error) {
	const op = "api.ingestArticle"
	id, err := newJobID()
	if err != nil {
		return nil, graph.E(op, graph.Internal, err)
	}
	job := &model.Job{ID: id, Status: model.JobQueued, ArticleID: a.ID, CreatedAt: q.now().UTC()}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return nil, graph.Errorf(op, graph.Unavailable, "the server is shutting down")
	}
	select {
	case q.queue <- queuedJob{id, a}:
	default:
		return nil, graph.Errorf(op, graph.Unavailable, "the ingest queue is full; try again later")
	}
	q.jobs[id] = job
	snapshot := *job
	return &snapshot, nil
}

// get returns a snapshot of a job, nil when it is unknown.
func (q *jobQueue) get(id string) *model.Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok {
		return nil
	}
	snapshot := *j
	return &snapshot
}

func (q *jobQueue) work() {
	defer q.wg.Done()
	for {
		select {
		case <-q.ctx.Done():
			return
		case qj := <-q.queue:
			q.run(qj)
		}
	}
}

func (q *jobQueue) run(qj queuedJob) {
	q.set(qj.id, func(j *model.Job) { j.Status = model.JobRunning })
	ctx, cancel := context.WithTimeout(q.ctx, q.timeout)
	defer cancel()
	err := q.ingestSafely(ctx, qj.article)
	q.set(qj.id, func(j *model.Job) {
		j.FinishedAt = q.now().UTC()
		if err != nil {
			j.Status = model.JobFailed
			j.Error = &model.JobError{Code: string(codeOf(err)), Message: graph.ErrorMessage(err)}
			return
		}
		j.Status = model.JobSucceeded
	})
	if err != nil {
		q.log.Warn().Str("job", qj.id).Str("article", qj.article.ID).Str("code", string(codeOf(err))).Err(err).Msg("ingest job failed")
	} else {
		q.log.Info().Str("job", qj.id).Str("article", qj.article.ID).Msg("ingest job done")
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.finished = append(q.finished, qj.id)
	for len(q.finished) > maxKeptJobs {
		delete(q.jobs, q.finished[0])
		q.finished = q.finished[1:]
	}
}

// ingestSafely runs the ingester, turning a panic into an Internal error:
// a crash on one article must not take the server down.
func (q *jobQueue) ingestSafely(ctx context.Context, a *graph.Article) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = graph.E("api.ingestArticle", graph.Internal, "ingest crashed on this article (a bug: please report it)",
				fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	return q.ingester.IngestArticle(ctx, a)
}

func (q *jobQueue) set(id string, f func(*model.Job)) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j, ok := q.jobs[id]; ok {
		f(j)
	}
}

// close stops the workers: a running job's context is cancelled, so it
// fails with code TIMEOUT (its article is written whole or not at all);
// queued jobs are never started.
func (q *jobQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cancel()
	q.wg.Wait()
}

func newJobID() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return jobPrefix + hex.EncodeToString(b[:]), nil
}

// articleOf builds the article of an ingestArticle input, with the id the
// pipeline gives it (keyed by URL when there is one, by content otherwise).
func articleOf(url, title, outlet string, published *time.Time, text string) (*graph.Article, error) {
	const op = "api.ingestArticle"
	a := &graph.Article{URL: strings.TrimSpace(url), Title: strings.TrimSpace(title), Outlet: strings.TrimSpace(outlet), Text: text}
	if published != nil {
		a.PublishedAt = published.UTC()
	}
	switch {
	case strings.TrimSpace(text) == "":
		return nil, graph.Errorf(op, graph.Invalid, "the article has no text")
	case a.Title == "":
		return nil, graph.Errorf(op, graph.Invalid, "the article has no title")
	case a.Outlet == "":
		return nil, graph.Errorf(op, graph.Invalid, "the article has no outlet")
	case a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://"):
		return nil, graph.Errorf(op, graph.Invalid, "url must be an http(s) URL")
	}
	a.ContentHash = graph.ContentHash(text)
	a.ID = graph.ArticleID(a.URL, a.ContentHash)
	return a, nil
}
