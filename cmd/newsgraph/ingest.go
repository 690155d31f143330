package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"github.com/rs/zerolog"
	"github.com/schollz/progressbar/v3"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

// The rule-based extractor is what ingest runs.
var _ ingest.Extractor = (*extract.Extractor)(nil)

// ingestFlags configure an Ingester; serve takes them too.
type ingestFlags struct {
	workers   int
	maxText   byteSize
	maxFetch  byteSize
	timeout   time.Duration
	reextract bool
	extractor string
	client    *http.Client // when set, instead of a client with timeout
}

func (f *ingestFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.workers, "workers", ingest.DefaultWorkers, "articles processed at once in this process")
	f.maxText = ingest.DefaultMaxTextBytes
	fs.Var(&f.maxText, "max-article-size", "largest article text accepted (e.g. 2MB); larger articles fail")
	f.maxFetch = ingest.DefaultMaxFetch
	fs.Var(&f.maxFetch, "max-fetch-size", "largest HTTP response read (e.g. 10MB)")
	fs.DurationVar(&f.timeout, "fetch-timeout", ingest.DefaultFetchTimeout, "timeout of each HTTP request")
	fs.StringVar(&f.extractor, "extractor", string(extract.Fast), "statistical models: fast (greedy taggers, the default) or accurate (beam decoding, slower)")
	fs.BoolVar(&f.reextract, "reextract", false, "extract articles the store already holds unchanged again (after an extractor upgrade)")
}

func (f ingestFlags) httpClient() *http.Client {
	if f.client != nil {
		return f.client
	}
	return &http.Client{Timeout: f.timeout}
}

// newIngester builds the ingest pipeline on x.
func (m *Main) newIngester(w ingest.Writer, x ingest.Extractor, f ingestFlags, log zerolog.Logger, opts ...ingest.Option) *ingest.Ingester {
	opts = append([]ingest.Option{
		ingest.WithLogger(log),
		ingest.WithClock(m.Now),
		ingest.WithWorkers(f.workers),
		ingest.WithMaxTextBytes(int64(f.maxText)),
		ingest.WithMaxFetchBytes(int64(f.maxFetch)),
		ingest.WithHTTPClient(f.httpClient()),
		ingest.WithUserAgent("newsgraph/" + version()),
		ingest.WithReextract(f.reextract),
	}, opts...)
	return ingest.New(x, w, opts...)
}

// ingest runs "newsgraph ingest": one batch through the queue, a summary,
// each failure.
func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.newFlagSet("ingest", "PATH|URL...",
		"Ingests files, folders (.txt, .md, .jsonl, .json), JSON-lines files, web pages\n"+
			"and RSS/Atom feeds into the store, then prints a summary and every failure.\n"+
			"The articles go through the queue; --workers of them are ingested in this\n"+
			"process (0: by \"newsgraph worker\" processes only), and the command waits\n"+
			"until every one is done or failed. Exits with status 1 when any article\n"+
			"failed; the others are ingested.")
	var (
		f          pipelineFlags
		cpuProfile string
	)
	f.register(fs)
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the batch to this file (for go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError("ingest needs at least one PATH or URL")
	}
	p, err := m.openPipeline(ctx, f)
	if err != nil {
		return err
	}
	var (
		progress func()
		endBar   = func() {}
	)
	if m.Terminal {
		bar := progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(m.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		endBar = func() { _ = bar.Finish() }
		progress = func() { _ = bar.Add(1) }
	}
	if cpuProfile != "" {
		stopProfile, err := startCPUProfile(cpuProfile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	start := time.Now()
	// The batch is read and queued while the models load; should they fail
	// to load (a damaged binary), the batch stops with that error.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		if err := p.models.Wait(ctx); err != nil {
			cancel(err)
		}
	}()
	stop := consumeInBackground(ctx, p.queue, f.ingest.workers, p.in, p.log)
	sum, err := enqueueBatch(ctx, p.queue, p.in, fs.Args(), f.ingest.reextract, progress)
	stop()
	if cause := context.Cause(ctx); cause != nil && ctx.Err() != nil && err != nil {
		err = cause
	}
	endBar()
	if err == nil {
		err = addStats(ctx, sum, p.store)
	}
	if sum != nil {
		printSummary(m.Stdout, sum)
		p.log.Info().Dur("elapsed", time.Since(start)).Int("articles", sum.Articles).
			Int("failures", len(sum.Failures)).Msg("ingest done")
	}
	if err != nil {
		return err
	}
	if n := len(sum.Failures); n > 0 {
		return fmt.Errorf("%d of %d %w (listed above)", n, n+sum.Articles, errFailed)
	}
	return nil
}

// printSummary prints the summary line, each failure, and what the store
// holds.
func printSummary(w io.Writer, sum *ingest.Summary) {
	fmt.Fprintln(w, sum.String())
	for _, f := range sum.Failures {
		fmt.Fprintln(w, "failed:", f.String())
	}
	if sum.Unchanged > 0 || len(sum.Skipped) > 0 {
		fmt.Fprintf(w, "unchanged=%d skipped=%d\n", sum.Unchanged, len(sum.Skipped))
	}
	for _, s := range sum.Skipped {
		fmt.Fprintln(w, "skipped:", s.String())
	}
	if st := sum.Stats; st != nil {
		fmt.Fprintln(w, storeLine(*st))
	}
}

func storeLine(st graph.Stats) string {
	return fmt.Sprintf("store: articles=%d entities=%d mentions=%d relationships=%d claims=%d citations=%d",
		st.Articles, st.Entities, st.Mentions, st.Relationships, st.Claims, st.Citations)
}

// startCPUProfile profiles the process's CPU into path until the returned
// function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, graph.E("newsgraph.ingest", graph.Unavailable, "cannot create the CPU profile", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, graph.E("newsgraph.ingest", graph.Internal, "cannot profile", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
