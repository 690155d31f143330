package main

import (
	"context"

	"github.com/newsgraph/newsgraph/queue"
)

// worker runs "newsgraph worker": ingest workers on the queue until a
// signal stops them. Any number of worker processes, on any machines, share
// one external queue and one store.
func (m *Main) worker(ctx context.Context, args []string) error {
	fs := m.newFlagSet("worker", "",
		"Runs -n ingest workers that take articles from the queue, extract them and\n"+
			"write them to the store, until SIGINT or SIGTERM. An article is acknowledged\n"+
			"only once the store committed it; one a stopped or killed worker held is\n"+
			"delivered again to another.")
	var (
		f           pipelineFlags
		metricsAddr string
	)
	f.register(fs)
	fs.StringVar(&metricsAddr, "metrics-addr", "", "when set, serve /metrics, /healthz and /readyz on this address (e.g. :9090)")
	fs.IntVar(&f.ingest.workers, "n", f.ingest.workers, "the same as --workers")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError("worker takes no arguments")
	}
	p, err := m.openPipeline(ctx, f)
	if err != nil {
		return err
	}
	if err := p.models.Wait(ctx); err != nil {
		return err
	}
	log := p.log
	if metricsAddr != "" {
		stop, err := m.serveOps(ctx, metricsAddr, p)
		if err != nil {
			return err
		}
		defer stop()
	}
	log.Info().Stringer("queue", p.queue).Stringer("store", f.store).Int("workers", f.ingest.workers).Msg("worker started")
	if err := p.queue.Consume(ctx, p.in.InFlight(), ingestHandler(p.in)); err != nil {
		return err
	}
	log.Info().Msg("worker stopped")
	return nil
}

var _ queue.Handler = ingestHandler(nil)
