package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// shutdownTimeout bounds how long serve waits for requests in flight when
// it is asked to stop.
const shutdownTimeout = 10 * time.Second

// serve runs "newsgraph serve": the GraphQL API, after ingesting the
// --ingest paths.
func (m *Main) serve(ctx context.Context, args []string) error {
	const op = "newsgraph.serve"
	fs := m.newFlagSet("serve", "",
		"Serves the explorer at /, GraphiQL at /graphiql, the GraphQL endpoint at\n"+
			"/graphql, /healthz, /readyz (the store and the queue answer) and\n"+
			"Prometheus metrics at /metrics.\n"+
			"With --ingest, ingests those paths or URLs first, so that the API answers\n"+
			"with them from its first request; failures are logged and do not stop it.\n"+
			"--workers articles are ingested at once in this process, from the queue\n"+
			"(0: by \"newsgraph worker\" processes only).")
	var (
		f       pipelineFlags
		addr    string
		targets []string
	)
	f.register(fs)
	fs.StringVar(&addr, "addr", ":8080", "address to listen on")
	fs.Func("ingest", "a PATH or URL to ingest before serving (repeatable)", func(s string) error {
		targets = append(targets, s)
		return nil
	})
	var (
		feeds       []string
		followEvery time.Duration
		hostGap     time.Duration
	)
	fs.Func("follow", "an RSS/Atom feed to follow while serving, as newsgraph follow does (repeatable)", func(s string) error {
		feeds = append(feeds, s)
		return nil
	})
	fs.DurationVar(&followEvery, "follow-every", defaultEvery, "how often to poll the --follow feeds")
	fs.DurationVar(&hostGap, "host-gap", defaultHostGap, "the least time between two requests to one host, for --follow")
	var apiKeys, corsOrigins []string
	fs.Func("api-key", "an API key that authorizes mutations (repeatable; also $NEWSGRAPH_API_KEYS, comma-separated)", func(s string) error {
		apiKeys = append(apiKeys, s)
		return nil
	})
	fs.Func("cors-origin", "an origin allowed to call the API from a browser, or * (repeatable)", func(s string) error {
		corsOrigins = append(corsOrigins, s)
		return nil
	})
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError("serve takes no arguments; use --ingest PATH to ingest")
	}
	if followEvery <= 0 {
		return usageError("--follow-every must be positive")
	}
	if len(feeds) > 0 {
		f.ingest.client = &http.Client{Timeout: f.ingest.timeout, Transport: ingest.PoliteTransport(nil, hostGap)}
	}
	p, err := m.openPipeline(ctx, f)
	if err != nil {
		return err
	}
	if err := p.models.Wait(ctx); err != nil {
		return err
	}
	log, store, q := p.log, p.store, p.queue
	stopWorkers := consumeInBackground(ctx, q, f.ingest.workers, p.in, log)
	defer stopWorkers()
	if len(targets) > 0 {
		start := time.Now()
		sum, err := enqueueBatch(ctx, q, p.in, targets, f.ingest.reextract, nil)
		if err == nil {
			err = addStats(ctx, sum, store)
		}
		if err != nil {
			return err
		}
		for _, f := range sum.Failures {
			log.Warn().Str("location", f.Location).Str("code", string(f.Code)).Str("reason", f.Reason).
				AnErr("cause", f.Err).Msg("article failed")
		}
		ev := log.Info().Dur("elapsed", time.Since(start)).Int("articles", sum.Articles).
			Int("entities", sum.Entities).Int("relationships", sum.Relationships).
			Int("claims", sum.Claims).Int("failures", len(sum.Failures))
		if st := sum.Stats; st != nil {
			ev = ev.Dict("store", zerolog.Dict().Int("articles", st.Articles).Int("entities", st.Entities).
				Int("relationships", st.Relationships).Int("claims", st.Claims).Int("citations", st.Citations))
		}
		ev.Msg("ingest done")
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return graph.E(op, graph.Unavailable, "cannot listen on "+addr, err)
	}
	if env := os.Getenv("NEWSGRAPH_API_KEYS"); env != "" {
		apiKeys = append(apiKeys, strings.Split(env, ",")...)
	}
	apiServer := api.NewServer(store, api.WithLogger(log), api.WithClock(m.Now),
		api.WithAPIKeys(apiKeys...), api.WithCORSOrigins(corsOrigins...),
		api.WithQueue(q), api.WithOperationObserver(p.metrics.ObserveOperation))
	defer apiServer.Close()
	srv := &http.Server{
		Handler:           p.opsHandler(apiServer.Handler()),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if len(feeds) > 0 {
		fl, err := newFollower(ctx, p, followEvery, m.Now, feeds)
		if err != nil {
			return err
		}
		followCtx, stopFollowing := context.WithCancel(ctx)
		following := make(chan struct{})
		go func() {
			defer close(following)
			fl.run(followCtx)
		}()
		defer func() {
			stopFollowing()
			<-following
		}()
	}
	log.Info().Str("addr", ln.Addr().String()).Stringer("store", f.store).Msg("serving the explorer at /, GraphiQL at /graphiql, GraphQL at /graphql")
	if m.OnListen != nil {
		m.OnListen(ln.Addr())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return graph.E(op, graph.Unavailable, "the server stopped", err)
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return graph.E(op, graph.Timeout, "requests still running at shutdown", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return graph.E(op, "the server failed", err)
	}
	return nil
}
