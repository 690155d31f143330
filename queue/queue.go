package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
)

// Defaults of Options.
const (
	DefaultNamespace   = "newsgraph"
	DefaultMaxAttempts = 5
	DefaultAckWait     = 30 * time.Second
	DefaultJobTimeout  = 2 * time.Minute
	// DefaultSetupWait is how long Open keeps trying external servers
	// that are reachable but cannot yet create the streams.
	DefaultSetupWait = 30 * time.Second
	// DefaultMaxMessage is the largest task the streams accept: an article
	// of the default 2 MiB text limit, with room for its JSON escaping. An
	// external server needs a max_payload at least this large for such
	// articles (its default is 1 MiB).
	DefaultMaxMessage = 8 << 20
)

// Options configure a Queue. The zero value is usable.
type Options struct {
	// Namespace prefixes the names of the streams, the consumer, the
	// bucket and the subjects, so that several graphs (or tests) share one
	// NATS without seeing each other's work. Letters, digits, '-' and '_'.
	Namespace string
	// MaxAttempts is how many times a task is tried before it goes to the
	// dead-letter stream (DefaultMaxAttempts).
	MaxAttempts int
	// AckWait is how long JetStream waits for a worker's acknowledgement,
	// or its next heartbeat, before delivering the task again
	// (DefaultAckWait). Heartbeats go every AckWait/3.
	AckWait time.Duration
	// JobTimeout bounds one attempt of a task's handler (DefaultJobTimeout).
	JobTimeout time.Duration
	// Backoff returns how long a failed attempt waits before the next one;
	// the default doubles from one second, capped at a minute.
	Backoff func(attempt int) time.Duration
	// Replicas is the number of copies of the streams and the bucket on a
	// NATS cluster (1 when zero; the embedded server has one node).
	Replicas int
	// SetupWait bounds how long Open retries the creation of the streams,
	// the consumer and the bucket on external servers that time out or
	// have no JetStream yet (DefaultSetupWait): a worker started with its
	// servers, or while one restarts, waits for them instead of failing.
	SetupWait time.Duration
	// Worker names this process in job states (who ran a job); the default
	// is the host name and process id.
	Worker string
	// Log receives the queue's own events; the default discards.
	Log zerolog.Logger
	// Now is the clock of job timings (time.Now when nil).
	Now func() time.Time
	// Observe, when set, is called with every state a worker of this
	// process writes (running, then done, failed or queued again), for
	// metrics. It must be quick and safe for concurrent use.
	Observe func(*Job)

	stateTimeout time.Duration // stateTimeout unless a test shortens it
}

func (o *Options) defaults() {
	if o.Namespace == "" {
		o.Namespace = DefaultNamespace
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = DefaultJobTimeout
	}
	if o.Backoff == nil {
		o.Backoff = defaultBackoff
	}
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.SetupWait <= 0 {
		o.SetupWait = DefaultSetupWait
	}
	if o.Worker == "" {
		host, _ := os.Hostname()
		o.Worker = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.stateTimeout <= 0 {
		o.stateTimeout = stateTimeout
	}
}

func defaultBackoff(attempt int) time.Duration {
	d := time.Second << min(max(attempt-1, 0), 6)
	return min(d, time.Minute)
}

// Queue is a durable work queue of ingest tasks. It is safe for concurrent
// use.
type Queue struct {
	opts   Options
	spec   string // for logs: "embedded" or the URLs
	ns     *server.Server
	lock   *os.File // of the embedded server's folder
	nc     *nats.Conn
	js     jetstream.JetStream
	tasks  jetstream.Stream
	dead   jetstream.Stream
	cons   jetstream.Consumer
	states jetstream.KeyValue
}

// Open opens the queue spec names:
//
//	"" or "embedded"              a JetStream server inside this process, storing in dir
//	"nats://host:4222[,host2...]" NATS servers with JetStream (the scheme may be left
//	                              out after the first URL; tls:// works too)
//
// It creates the streams, the consumer and the bucket when they do not
// exist. Close releases it (and stops the embedded server).
func Open(ctx context.Context, spec, dir string, opts Options) (*Queue, error) {
	const op = "queue.Open"
	opts.defaults()
	if !validName(opts.Namespace) {
		return nil, graph.Errorf(op, graph.Invalid, "queue namespace %q: want letters, digits, - and _", opts.Namespace)
	}
	q := &Queue{opts: opts}
	var err error
	switch s := strings.TrimSpace(spec); {
	case s == "" || strings.EqualFold(s, "embedded"):
		if dir == "" {
			return nil, graph.Errorf(op, graph.Invalid, "the embedded queue needs a folder")
		}
		q.spec = "embedded"
		err = q.startEmbedded(dir)
	case strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://"):
		q.spec = s
		err = q.connect(s)
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown queue %q: want embedded or nats://HOST:4222", spec)
	}
	if err != nil {
		q.Close()
		return nil, err
	}
	if err := q.setupRetrying(ctx); err != nil {
		q.Close()
		return nil, err
	}
	return q, nil
}

// setupRetrying runs setup, and again while external servers time out
// or answer that JetStream is unavailable, for up to SetupWait: a server
// that has just started, or a cluster electing a leader, accepts
// connections before it can create streams.
func (q *Queue) setupRetrying(ctx context.Context) error {
	deadline := time.Now().Add(q.opts.SetupWait)
	pause := 100 * time.Millisecond
	for {
		err := q.setup(ctx)
		if err == nil || q.ns != nil || !retryable(err) || time.Now().Add(pause).After(deadline) {
			return err
		}
		q.opts.Log.Warn().Err(err).Dur("retry_in", pause).Msg("queue not ready")
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 2*time.Second)
	}
}

// retryable reports whether setup's error may go away by itself.
func retryable(err error) bool {
	switch graph.ErrorCode(err) {
	case graph.Timeout, graph.Unavailable:
		return true
	}
	return false
}

func validName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return s != ""
}

// startEmbedded runs a JetStream server in the process, reachable only
// from it (no port is opened).
func (q *Queue) startEmbedded(dir string) error {
	const op = "queue.Open"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return graph.E(op, graph.Unavailable, "cannot create the queue folder "+dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return err
	}
	q.lock = lock
	ns, err := server.NewServer(&server.Options{
		ServerName: "newsgraph-embedded",
		JetStream:  true,
		StoreDir:   dir,
		DontListen: true,
		NoSigs:     true,
		NoLog:      true,
		MaxPayload: DefaultMaxMessage,
	})
	if err != nil {
		return graph.E(op, graph.Internal, "cannot configure the embedded queue", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return graph.Errorf(op, graph.Unavailable, "the embedded queue in %s did not start", dir)
	}
	q.ns = ns
	nc, err := nats.Connect("", nats.InProcessServer(ns), nats.Name("newsgraph "+q.opts.Worker))
	if err != nil {
		return graph.E(op, graph.Unavailable, "cannot connect to the embedded queue", err)
	}
	q.nc = nc
	return nil
}

// connect connects to external NATS servers, reconnecting for as long as
// the queue is open: workers must outlive a restart of the servers.
func (q *Queue) connect(spec string) error {
	const op = "queue.Open"
	var urls []string
	for _, u := range strings.Split(spec, ",") {
		if u = strings.TrimSpace(u); u == "" {
			continue
		}
		if !strings.Contains(u, "://") {
			u = "nats://" + u
		}
		urls = append(urls, u)
	}
	log := q.opts.Log
	nc, err := nats.Connect(strings.Join(urls, ","),
		nats.Name("newsgraph "+q.opts.Worker),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.RetryOnFailedConnect(false),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			log.Warn().Err(err).Msg("queue disconnected")
		}),
		nats.ReconnectHandler(func(c *nats.Conn) {
			log.Info().Str("server", c.ConnectedUrlRedacted()).Msg("queue reconnected")
		}),
	)
	if err != nil {
		return graph.E(op, graph.Unavailable, "cannot reach the queue at "+redact(spec), err)
	}
	q.nc = nc
	return nil
}

// redact drops credentials from NATS URLs.
func redact(spec string) string {
	parts := strings.Split(spec, ",")
	for i, p := range parts {
		if at := strings.LastIndex(p, "@"); at >= 0 {
			if s := strings.Index(p, "://"); s >= 0 && s < at {
				parts[i] = p[:s+3] + "xxxxx" + p[at:]
			}
		}
	}
	return strings.Join(parts, ",")
}

// Names of the JetStream objects, under the namespace.
func (q *Queue) taskSubject() string          { return q.opts.Namespace + ".tasks" }
func (q *Queue) deadSubject(id string) string { return q.opts.Namespace + ".dead." + id }
func (q *Queue) streamName(s string) string   { return strings.ToUpper(q.opts.Namespace) + "_" + s }

// setup creates (or updates) the streams, the consumer and the bucket.
func (q *Queue) setup(ctx context.Context) error {
	const op = "queue.Open"
	js, err := jetstream.New(q.nc)
	if err != nil {
		return graph.E(op, graph.Internal, "cannot use JetStream", err)
	}
	q.js = js
	maxMsg := int32(min(DefaultMaxMessage, q.nc.MaxPayload()))
	q.tasks, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.streamName("TASKS"),
		Description: "newsgraph: articles waiting for an ingest worker",
		Subjects:    []string{q.taskSubject()},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    q.opts.Replicas,
		MaxMsgSize:  maxMsg,
		Duplicates:  10 * time.Minute,
	})
	if err != nil {
		return jsError(op, "cannot create the task stream", err)
	}
	q.dead, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:              q.streamName("DEAD"),
		Description:       "newsgraph: tasks that failed for good, one per job",
		Subjects:          []string{q.opts.Namespace + ".dead.>"},
		Retention:         jetstream.LimitsPolicy,
		Storage:           jetstream.FileStorage,
		Replicas:          q.opts.Replicas,
		MaxMsgSize:        maxMsg,
		MaxMsgsPerSubject: 1,
	})
	if err != nil {
		return jsError(op, "cannot create the dead-letter stream", err)
	}
	q.cons, err = q.tasks.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       "workers",
		Description:   "newsgraph ingest workers, all processes",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxDeliver:    -1, // attempts are counted by the workers, which dead-letter
		MaxAckPending: 10_000,
	})
	if err != nil {
		return jsError(op, "cannot create the worker consumer", err)
	}
	q.states, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      q.opts.Namespace + "_jobs",
		Description: "newsgraph: the state of every ingest job",
		History:     1,
		Storage:     jetstream.FileStorage,
		Replicas:    q.opts.Replicas,
	})
	if err != nil {
		return jsError(op, "cannot create the job bucket", err)
	}
	return nil
}

// jsError classifies a NATS or JetStream error: most mean the servers
// cannot be reached or cannot store, which retrying may fix.
func jsError(op, msg string, err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrTimeout):
		return graph.E(op, graph.Timeout, msg, err)
	case errors.Is(err, context.Canceled):
		return graph.E(op, graph.Internal, msg, err)
	}
	return graph.E(op, graph.Unavailable, msg, err)
}

// String names the queue for logs: "embedded" or its URLs without
// credentials.
func (q *Queue) String() string { return redact(q.spec) }

// MaxAttempts is the number of attempts a task gets.
func (q *Queue) MaxAttempts() int { return q.opts.MaxAttempts }

// Ping checks that the queue answers, for readiness checks.
func (q *Queue) Ping(ctx context.Context) error {
	if _, err := q.tasks.Info(ctx); err != nil {
		return jsError("queue.Ping", "the queue does not answer", err)
	}
	return nil
}

// Close closes the connection and stops the embedded server. Workers
// (Consume) should have returned first; a task they still hold is delivered
// again later.
func (q *Queue) Close() error {
	if q.nc != nil {
		q.nc.Close()
	}
	if q.ns != nil {
		q.ns.Shutdown()
		q.ns.WaitForShutdown()
	}
	if q.lock != nil {
		q.lock.Close()
	}
	return nil
}
