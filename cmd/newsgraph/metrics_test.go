package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestServeMetrics scrapes /metrics of a server that ingested the
// examples and answered two GraphQL operations, parses it as Prometheus
// text, and checks what the metrics say; and asks /readyz.
func TestServeMetrics(t *testing.T) {
	base := startServe(t, "--ingest", examples)
	for _, q := range []string{
		`{"query":"query Stats { stats { articles } }","operationName":"Stats"}`,
		`{"query":"query Lost { node(id: \"zzz_1\") { id } }"}`,
	} {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(q))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}

	n := float64(exampleArticles(t))
	// A job's state is written before its message is acknowledged (so that
	// a crash in between redelivers it), so the batch can end a moment
	// before the queue's gauges settle: scrape until they have, for a while.
	var families map[string]*dto.MetricFamily
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		families = scrape(t, base+"/metrics")
		settled := func(family string, labels map[string]string, value func(*dto.Metric) float64, want float64) bool {
			f, ok := families[family]
			m := find(f, labels)
			return ok && m != nil && value(m) == want
		}
		if (settled("newsgraph_queue_depth", map[string]string{"state": "in_flight"}, gauge, 0) &&
			settled("newsgraph_articles_ingested_total", nil, counter, n)) || time.Now().After(deadline) {
			break
		}
	}
	tests := []struct {
		name   string
		family string
		labels map[string]string
		value  func(*dto.Metric) float64
		want   func(float64) bool
	}{
		{"articles ingested", "newsgraph_articles_ingested_total", nil, counter, equal(n)},
		{"none failed invalid", "newsgraph_articles_failed_total", map[string]string{"code": "INVALID"}, counter, equal(0)},
		{"no redeliveries", "newsgraph_queue_redeliveries_total", nil, counter, equal(0)},
		{"queue drained", "newsgraph_queue_depth", map[string]string{"state": "waiting"}, gauge, equal(0)},
		{"nothing in flight", "newsgraph_queue_depth", map[string]string{"state": "in_flight"}, gauge, equal(0)},
		{"no dead letters", "newsgraph_queue_depth", map[string]string{"state": "dead"}, gauge, equal(0)},
		{"an extraction timed per article", "newsgraph_extract_seconds", nil, histogramCount, equal(n)},
		{"a store write timed per article", "newsgraph_store_write_seconds", nil, histogramCount, equal(n)},
		{"extractions take time", "newsgraph_extract_seconds", nil, histogramSum, positive},
		{"named operation", "newsgraph_graphql_request_seconds", map[string]string{"operation": "Stats", "status": "ok"}, histogramCount, equal(1)},
		{"failed operation by code", "newsgraph_graphql_request_seconds", map[string]string{"operation": "Lost", "status": "INVALID"}, histogramCount, equal(1)},
		{"Go runtime", "go_goroutines", nil, gauge, positive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := families[tt.family]
			if !ok {
				t.Fatalf("no metric %s", tt.family)
			}
			m := find(f, tt.labels)
			if m == nil {
				t.Fatalf("%s has no series %v", tt.family, tt.labels)
			}
			if v := tt.value(m); !tt.want(v) {
				t.Errorf("%s%v = %v", tt.family, tt.labels, v)
			}
		})
	}

	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var ready map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&ready); err != nil || resp.StatusCode != http.StatusOK ||
		ready["store"] != "ok" || ready["queue"] != "ok" {
		t.Errorf("/readyz: %d %v %v", resp.StatusCode, ready, err)
	}
}

// find returns the series of f with the given labels (any, when nil).
func find(f *dto.MetricFamily, labels map[string]string) *dto.Metric {
	for _, m := range f.GetMetric() {
		match := 0
		for _, l := range m.GetLabel() {
			if v, ok := labels[l.GetName()]; ok && v == l.GetValue() {
				match++
			}
		}
		if match == len(labels) {
			return m
		}
	}
	return nil
}

func counter(m *dto.Metric) float64        { return m.GetCounter().GetValue() }
func gauge(m *dto.Metric) float64          { return m.GetGauge().GetValue() }
func histogramCount(m *dto.Metric) float64 { return float64(m.GetHistogram().GetSampleCount()) }
func histogramSum(m *dto.Metric) float64   { return m.GetHistogram().GetSampleSum() }
func equal(want float64) func(float64) bool {
	return func(v float64) bool { return v == want }
}
func positive(v float64) bool { return v > 0 }

// scrape reads url as Prometheus text.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("%s is not Prometheus text: %v", url, err)
	}
	return families
}
