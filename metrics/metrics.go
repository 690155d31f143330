// Package metrics holds newsgraph's Prometheus metrics: what the ingest
// workers did (articles ingested, failed by code, redeliveries), how long
// extraction and store writes take, the queue's depth, and GraphQL request
// latency by operation and status. It registers on a registry it is given,
// never on the global default, so that tests and embedders own theirs.
package metrics

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queue"
)

// maxOperations bounds the operation names kept as label values: clients
// choose them, and each costs a series. Later names are counted as "other".
const maxOperations = 200

// Metrics are the collectors, registered together by New.
type Metrics struct {
	ingested    prometheus.Counter
	failed      *prometheus.CounterVec
	redelivered prometheus.Counter
	extract     prometheus.Histogram
	storeWrite  prometheus.Histogram
	graphql     *prometheus.HistogramVec
	mu          sync.Mutex
	operations  map[string]bool
}

// latencyBuckets span a quick store write (a millisecond) to a slow
// extraction of a long article (tens of seconds).
var latencyBuckets = prometheus.ExponentialBuckets(0.0005, 2.5, 14)

// New registers newsgraph's collectors, and Go's and the process's, on reg.
func New(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		ingested: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_articles_ingested_total",
			Help: "Articles the workers of this process extracted and wrote to the store.",
		}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_articles_failed_total",
			Help: "Articles the workers of this process gave up on, by error code.",
		}, []string{"code"}),
		redelivered: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_queue_redeliveries_total",
			Help: "Tasks this process's workers received again after an earlier attempt (a crash, a timeout, a retry).",
		}),
		extract: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsgraph_extract_seconds",
			Help:    "Time to extract one article.",
			Buckets: latencyBuckets,
		}),
		storeWrite: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsgraph_store_write_seconds",
			Help:    "Time to write one article's extraction to the store.",
			Buckets: latencyBuckets,
		}),
		graphql: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_graphql_request_seconds",
			Help:    "Time to answer a GraphQL operation, by operation name and status (ok, or the first error's code).",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation", "status"}),
		operations: map[string]bool{},
	}
	// Every code has a series from the start, so that rates and alerts
	// see zero rather than nothing.
	for _, c := range []graph.Code{graph.Invalid, graph.Internal, graph.Unavailable, graph.Timeout,
		graph.NotFound, graph.Conflict, graph.Unauthorized} {
		m.failed.WithLabelValues(string(c))
	}
	reg.MustRegister(m.ingested, m.failed, m.redelivered, m.extract, m.storeWrite, m.graphql,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveJob counts what a worker did with a job; it is the queue's
// Options.Observe.
func (m *Metrics) ObserveJob(j *queue.Job) {
	switch j.Status {
	case queue.Running:
		if j.Attempts > 1 {
			m.redelivered.Inc()
		}
	case queue.Done:
		m.ingested.Inc()
	case queue.Failed:
		m.failed.WithLabelValues(string(j.Code)).Inc()
	}
}

// ObserveStage records the time of an ingest stage; it is what
// ingest.WithTimings calls.
func (m *Metrics) ObserveStage(stage string, d time.Duration) {
	switch stage {
	case "extract":
		m.extract.Observe(d.Seconds())
	case "write":
		m.storeWrite.Observe(d.Seconds())
	}
}

// ObserveOperation records the time of a GraphQL operation.
func (m *Metrics) ObserveOperation(name, status string, d time.Duration) {
	m.mu.Lock()
	if !m.operations[name] {
		if len(m.operations) >= maxOperations {
			name = "other"
		} else {
			m.operations[name] = true
		}
	}
	m.mu.Unlock()
	m.graphql.WithLabelValues(name, status).Observe(d.Seconds())
}

// Depther is what the depth gauges read: the queue.
type Depther interface {
	Depth(ctx context.Context) (queue.Depth, error)
}

var _ Depther = (*queue.Queue)(nil)

// depthTimeout bounds reading the queue's depth during a scrape.
const depthTimeout = 2 * time.Second

// depthCollector reads the queue's depth at each scrape.
type depthCollector struct {
	q    Depther
	desc *prometheus.Desc
}

// WatchQueue registers newsgraph_queue_depth{state}: tasks waiting,
// in flight and dead, read from q at each scrape.
func WatchQueue(reg prometheus.Registerer, q Depther) {
	reg.MustRegister(&depthCollector{q: q, desc: prometheus.NewDesc("newsgraph_queue_depth",
		"Tasks in the queue: waiting for a worker, in flight (delivered, not acknowledged), redelivered (of those in flight), dead (in the dead letters).",
		[]string{"state"}, nil)})
}

func (c *depthCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *depthCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), depthTimeout)
	defer cancel()
	d, err := c.q.Depth(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for state, n := range map[string]int{"waiting": d.Waiting, "in_flight": d.InFlight, "redelivered": d.Redelivered, "dead": d.Dead} {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), state)
	}
}

// Handler serves the metrics of reg in Prometheus's text format (or
// OpenMetrics, when the scraper asks).
func Handler(reg *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg, EnableOpenMetrics: true})
}
