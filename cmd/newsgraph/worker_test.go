package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestWorkerOps runs "newsgraph worker --metrics-addr" in-process and
// probes what it serves: /healthz, /readyz (store and queue) and /metrics
// with the queue's depth; SIGTERM's stand-in, the end of the context,
// stops it cleanly.
func TestWorkerOps(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	var stderr bytes.Buffer
	m := &Main{Stdout: &bytes.Buffer{}, Stderr: &stderr, Now: time.Now, OnListen: func(a net.Addr) { addrc <- a }}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"worker", "-n", "1", "--metrics-addr", "127.0.0.1:0",
			"--store", "sqlite:" + filepath.Join(t.TempDir(), "g.db")})
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatalf("worker stopped: %v\n%s", err, stderr.String())
	}
	for _, tc := range []struct{ path, want string }{
		{"/healthz", `{"status":"ok"}`},
		{"/readyz", `{"queue":"ok","store":"ok"}`},
	} {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || strings.TrimSpace(b.String()) != tc.want {
			t.Errorf("GET %s: %d %s, want %s", tc.path, resp.StatusCode, b.String(), tc.want)
		}
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("/metrics: %v", err)
	}
	for _, name := range []string{"newsgraph_queue_depth", "newsgraph_articles_ingested_total", "newsgraph_extract_seconds"} {
		if _, ok := families[name]; !ok {
			t.Errorf("/metrics has no %s", name)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("worker after cancel: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("worker did not stop")
	}
	if err := m.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
