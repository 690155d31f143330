package main

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/metrics"
	"github.com/newsgraph/newsgraph/queue"
)

// DefaultQueue is the queue every command uses without --queue: a
// JetStream server inside the process, storing beside the embedded store.
const DefaultQueue = "embedded"

// queueFlags name the queue of a command.
type queueFlags struct {
	spec        string
	dir         string
	maxAttempts int
	ackWait     time.Duration
}

func (f *queueFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.spec, "queue", DefaultQueue,
		"the work queue: embedded (a JetStream server in this process), or nats://HOST:4222[,HOST2...]")
	fs.StringVar(&f.dir, "queue-dir", "", "the embedded queue's folder (default: beside the SQLite store, or newsgraph-HASH.queue naming the store)")
	fs.IntVar(&f.maxAttempts, "max-attempts", queue.DefaultMaxAttempts, "attempts of an article before it goes to the dead letters")
	fs.DurationVar(&f.ackWait, "ack-wait", queue.DefaultAckWait, "how long a silent worker keeps a task before it is delivered again")
}

// queueDir is the embedded queue's folder: next to a SQLite store
// ("newsgraph.db" → "newsgraph.queue"), else newsgraph-HASH.queue in the
// working directory, HASH naming the store (its URL without credentials).
// The queue remembers the jobs it finished and skips them when asked
// again, so two stores must not share one: ingesting into a second Neo4j
// graph from the same folder would have written nothing.
func queueDir(f queueFlags, s storeFlags) string {
	if f.dir != "" {
		return f.dir
	}
	if scheme, rest, ok := strings.Cut(s.url, ":"); ok && strings.EqualFold(scheme, "sqlite") {
		if p := sqlitePath(rest); p != "" {
			return strings.TrimSuffix(p, filepath.Ext(p)) + ".queue"
		}
	}
	key := s.url
	if u, err := url.Parse(s.url); err == nil {
		u.User = nil
		key = u.String()
	}
	sum := sha256.Sum256([]byte(key))
	return fmt.Sprintf("newsgraph-%x.queue", sum[:6])
}

// openQueue opens the queue and closes it with m.
func (m *Main) openQueue(ctx context.Context, f queueFlags, s storeFlags, log zerolog.Logger, observe func(*queue.Job)) (*queue.Queue, error) {
	q, err := queue.Open(ctx, f.spec, queueDir(f, s), queue.Options{
		MaxAttempts: f.maxAttempts,
		AckWait:     f.ackWait,
		Log:         log,
		Now:         m.Now,
		Observe:     observe,
	})
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, q)
	log.Debug().Stringer("queue", q).Msg("queue open")
	return q, nil
}

// pipelineFlags are the flags of the commands that ingest through the
// queue: ingest, worker and serve.
type pipelineFlags struct {
	common commonFlags
	store  storeFlags
	ingest ingestFlags
	queue  queueFlags
}

func (f *pipelineFlags) register(fs *flag.FlagSet) {
	f.common.register(fs)
	f.store.register(fs)
	f.ingest.register(fs)
	f.queue.register(fs)
}

// pipeline is what those commands open: the logger, the store, the queue
// and the ingest pipeline writing to the store.
type pipeline struct {
	log     zerolog.Logger
	store   graph.Store
	queue   *queue.Queue
	in      *ingest.Ingester
	models  *loadingExtractor // in's extractor, loading when the pipeline opens
	reg     *prometheus.Registry
	metrics *metrics.Metrics
}

// openPipeline opens a pipeline, closed with m.
func (m *Main) openPipeline(ctx context.Context, f pipelineFlags) (*pipeline, error) {
	log, err := m.logger(f.common)
	if err != nil {
		return nil, err
	}
	kind, err := extract.ParseModels(f.ingest.extractor)
	if err != nil {
		return nil, usageError(err.Error())
	}
	models := loadExtractor(kind)
	store, err := m.openStore(ctx, f.store, log)
	if err != nil {
		return nil, err
	}
	reg := prometheus.NewRegistry()
	mx := metrics.New(reg)
	q, err := m.openQueue(ctx, f.queue, f.store, log, mx.ObserveJob)
	if err != nil {
		return nil, err
	}
	metrics.WatchQueue(reg, q)
	in := m.newIngester(store, models, f.ingest, log, ingest.WithTimings(mx.ObserveStage))
	return &pipeline{log: log, store: store, queue: q, in: in, models: models, reg: reg, metrics: mx}, nil
}

// ingestHandler is the work of a queue worker: the ingest pipeline on the
// task's article, done once the store committed it.
func ingestHandler(in *ingest.Ingester) queue.Handler {
	return func(ctx context.Context, t *queue.Task) (queue.Counts, error) {
		a := t.Article
		r := in.IngestArticle(ctx, &a)
		return queue.Counts{Entities: r.Entities, Mentions: r.Mentions, Relationships: r.Relationships, Claims: r.Claims}, r.Err
	}
}

// consumeInBackground runs n workers of in on q (none when n is 0) until
// the returned function is called, which waits for them to stop.
func consumeInBackground(ctx context.Context, q *queue.Queue, n int, in *ingest.Ingester, log zerolog.Logger) (stop func()) {
	if n <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := q.Consume(ctx, in.InFlight(), ingestHandler(in)); err != nil {
			log.Error().Err(err).Msg("workers stopped")
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// enqueueBatch reads the articles of targets, queues them, and waits until
// the workers (of this process or others) finished every one; the summary
// counts what they did. An article the queue ingested before is counted as
// it was then, and as unchanged, unless again queues it anew (--reextract)
// or the store no longer holds it unchanged: the queue's record outlives a
// store deleted or replaced since, and the article must be written again.
// progress, when set, is called once per article.
func enqueueBatch(ctx context.Context, q *queue.Queue, in *ingest.Ingester, targets []string, again bool, progress func()) (*ingest.Summary, error) {
	anew := func(a *graph.Article) bool { return again || !in.Unchanged(ctx, a) }
	return enqueueLoaded(ctx, q, func(emit func(ingest.Loaded)) error { return in.Load(ctx, emit, targets...) }, anew, nil, progress)
}

// enqueueLoaded is enqueueBatch on the articles load emits (concurrently);
// anew says which articles to queue again even if an earlier run of theirs
// is done; queued, when set, is called with each article queued.
func enqueueLoaded(ctx context.Context, q *queue.Queue, load func(emit func(ingest.Loaded)) error,
	anew func(*graph.Article) bool, queued func(ingest.Loaded) error, progress func()) (*ingest.Summary, error) {
	const op = "newsgraph.ingest"
	w, err := q.Watch(ctx)
	if err != nil {
		return nil, err
	}
	defer w.Stop()

	type pendingJob struct {
		seq int
		job *queue.Job
	}
	var tally ingest.Tally
	fail := func(seq int, f ingest.Failure) {
		tally.Fail(seq, f)
		if progress != nil {
			progress()
		}
	}
	enq := make(chan pendingJob, 64)
	loadDone := make(chan error, 1)
	go func() {
		loadDone <- load(func(l ingest.Loaded) {
			if reason := ingest.SkipReason(l.Err); reason != "" {
				tally.Skip(l.Seq, ingest.Skip{Location: l.Location, Reason: reason})
				return
			}
			if l.Err != nil {
				fail(l.Seq, failureOf(l.Location, "", l.Err))
				return
			}
			j, err := q.Enqueue(ctx, &queue.Task{Location: l.Location, Article: *l.Article, Again: anew(l.Article)})
			if err == nil && queued != nil {
				err = queued(l)
			}
			if err != nil {
				fail(l.Seq, failureOf(l.Location, l.Article.ID, err))
				return
			}
			select {
			case enq <- pendingJob{l.Seq, j}:
			case <-ctx.Done():
			}
		})
		close(enq)
	}()

	sum := &ingest.Summary{}
	pending := map[string]int{}         // job id → seq, of jobs not finished yet
	finished := map[string]*queue.Job{} // finished jobs seen before they were pending
	counted := map[string]bool{}
	finish := func(seq int, j *queue.Job) {
		delete(pending, j.ID)
		if counted[j.ID] {
			return // the same article read twice: one job
		}
		counted[j.ID] = true
		if j.Status == queue.Failed {
			fail(seq, ingest.Failure{Location: j.Location, ArticleID: j.ArticleID, Code: j.Code, Reason: j.Reason})
			return
		}
		sum.Articles++
		sum.Entities += j.Counts.Entities
		sum.Mentions += j.Counts.Mentions
		sum.Relationships += j.Counts.Relationships
		sum.Claims += j.Counts.Claims
		if progress != nil {
			progress()
		}
	}
	// Poll what the watch may have missed (a reconnect) when nothing moves.
	poll := time.NewTicker(3 * time.Second)
	defer poll.Stop()
	jobs, loading := w.Jobs(), true
	for loading || len(pending) > 0 {
		select {
		case <-ctx.Done():
			return sum, graph.E(op, graph.Internal, "ingest interrupted before the end of the batch", ctx.Err())
		case qd, ok := <-enq:
			if !ok {
				enq, loading = nil, false
				if err := <-loadDone; err != nil {
					return sum, graph.E(op, graph.Internal, "ingest interrupted before the end of the batch", err)
				}
				continue
			}
			switch {
			case qd.job.Finished():
				// Done before this batch: the same content was ingested then.
				if qd.job.Status == queue.Done && !counted[qd.job.ID] {
					sum.Unchanged++
				}
				finish(qd.seq, qd.job)
			case finished[qd.job.ID] != nil:
				finish(qd.seq, finished[qd.job.ID])
			case counted[qd.job.ID]:
			default:
				pending[qd.job.ID] = qd.seq
			}
		case j, ok := <-jobs:
			if !ok {
				jobs = nil // polling alone from now on
				continue
			}
			if !j.Finished() {
				continue
			}
			if seq, ok := pending[j.ID]; ok {
				finish(seq, j)
			} else {
				finished[j.ID] = j
			}
		case <-poll.C:
			for id, seq := range pending {
				if j, err := q.Job(ctx, id); err == nil && j.Finished() {
					finish(seq, j)
				}
			}
		}
	}
	tally.AddTo(sum)
	return sum, nil
}

func failureOf(location, articleID string, err error) ingest.Failure {
	return ingest.Failure{Location: location, ArticleID: articleID,
		Code: graph.ErrorCode(err), Reason: graph.ErrorMessage(err), Err: err}
}

// addStats fills in what the store holds, when it can count.
func addStats(ctx context.Context, sum *ingest.Summary, st graph.Store) error {
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	sum.Stats = &s
	return nil
}
