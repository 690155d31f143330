package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/metrics"
)

// readyTimeout bounds each check of /readyz.
const readyTimeout = 2 * time.Second

// check is one dependency /readyz checks.
type check struct {
	name string
	run  func(ctx context.Context) error
}

// readyz answers 200 when every check passes in time, 503 otherwise, with
// each check's outcome ("ok", or its code and safe message) in a JSON body.
func readyz(log zerolog.Logger, checks ...check) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		status, body := http.StatusOK, map[string]string{}
		for _, c := range checks {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			err := c.run(ctx)
			cancel()
			if err != nil {
				log.Warn().Str("check", c.name).Err(err).Msg("not ready")
				status = http.StatusServiceUnavailable
				body[c.name] = string(graph.ErrorCode(err)) + ": " + graph.ErrorMessage(err)
				continue
			}
			body[c.name] = "ok"
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// readyChecks are the checks of a pipeline: the store answers, the queue
// answers.
func (p *pipeline) readyChecks() []check {
	return []check{
		{"store", func(ctx context.Context) error { _, err := p.store.Stats(ctx); return err }},
		{"queue", p.queue.Ping},
	}
}

// opsHandler serves what operators scrape and probe: /metrics, /readyz,
// and next for everything else (nil: /healthz, alive while the process
// answers).
func (p *pipeline) opsHandler(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler(p.reg))
	mux.HandleFunc("GET /readyz", readyz(p.log, p.readyChecks()...))
	if next == nil {
		mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
		})
	} else {
		mux.Handle("/", next)
	}
	return mux
}

// serveOps serves the ops handler on addr until ctx ends; for workers,
// which have no API server.
func (m *Main) serveOps(ctx context.Context, addr string, p *pipeline) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, graph.E("newsgraph.worker", graph.Unavailable, "cannot listen on "+addr, err)
	}
	srv := &http.Server{Handler: p.opsHandler(nil), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	p.log.Info().Str("addr", ln.Addr().String()).Msg("serving /metrics, /healthz, /readyz")
	if m.OnListen != nil {
		m.OnListen(ln.Addr())
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}, nil
}
