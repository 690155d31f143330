package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/graph"
)

// Extractor turns one article into its extraction. ingest/extract provides
// the rule-based one.
type Extractor interface {
	Extract(ctx context.Context, a *graph.Article) (*graph.Extraction, error)
}

// Writer is what ingest needs of a store.
type Writer = graph.ExtractionWriter

// statser is implemented by stores that can count what they hold; the
// summary reports those counts after a batch when the writer is one.
type statser interface {
	Stats(ctx context.Context) (graph.Stats, error)
}

// Defaults of an Ingester.
const (
	DefaultWorkers      = 4
	DefaultMaxTextBytes = 2 << 20  // 2 MiB of article text
	DefaultMaxFetch     = 10 << 20 // 10 MiB of HTTP response body
	DefaultFetchTimeout = 30 * time.Second
)

// Ingester reads articles from sources, extracts them and writes the
// extractions, with a pool of workers. An article that fails is recorded in
// the Summary with its location and reason, and the batch goes on. It is
// safe for concurrent use.
type Ingester struct {
	extractor Extractor
	writer    Writer
	log       zerolog.Logger
	now       func() time.Time
	workers   int
	slots     chan struct{} // one per worker: extractions running at once
	// yielding, when set, bounds the extractions that start while the
	// writer is behind them (see claimExtraction).
	yielding  chan struct{}
	maxText   int64
	maxFetch  int64
	client    *http.Client
	userAgent string
	progress  func(Result)
	timings   func(stage string, d time.Duration)
	reextract bool
	commits   Writer // writer, or group commits to it when it can write batches
}

// New returns an Ingester that extracts with x and writes to w.
func New(x Extractor, w Writer, opts ...Option) *Ingester {
	in := &Ingester{
		extractor: x,
		writer:    w,
		log:       zerolog.Nop(),
		now:       time.Now,
		workers:   DefaultWorkers,
		maxText:   DefaultMaxTextBytes,
		maxFetch:  DefaultMaxFetch,
		client:    &http.Client{Timeout: DefaultFetchTimeout},
		userAgent: "newsgraph",
	}
	for _, o := range opts {
		o(in)
	}
	in.slots = make(chan struct{}, in.workers)
	if bw, ok := w.(batchWriter); ok {
		in.commits = &groupWriter{w: bw, arrived: make(chan struct{}, 1),
			coming: func() int { return len(in.slots) }}
		if n := max(1, min(in.workers, runtime.GOMAXPROCS(0))-1); n < in.workers {
			in.yielding = make(chan struct{}, n)
		}
	} else {
		in.commits = w
	}
	return in
}

// Result is the outcome of one article.
type Result struct {
	Location      string // where it was read: a path, "path:line", a URL
	ArticleID     string // "" when the article could not be read
	Title         string
	Entities      int
	Mentions      int
	Relationships int
	Claims        int
	Unchanged     bool  // already stored with the same content: not extracted again, counts are 0
	Err           error // nil on success
}

// Failure is an article that could not be ingested.
type Failure struct {
	Location  string
	ArticleID string     // "" when the article could not be read
	Code      graph.Code // graph.Invalid for bad input, graph.Unavailable for a source that cannot be reached, ...
	Reason    string     // safe to show: see graph.ErrorMessage
	Err       error      // the whole cause, for logs
}

// String renders the failure as "location: reason (CODE)".
func (f Failure) String() string {
	return fmt.Sprintf("%s: %s (%s)", f.Location, f.Reason, f.Code)
}

// Summary counts what a batch extracted and wrote. Entities, Mentions,
// Relationships and Claims are summed over articles (an entity in two
// articles counts twice); Stats holds the store's distinct totals after the
// batch.
type Summary struct {
	Articles      int
	Entities      int
	Mentions      int
	Relationships int
	Claims        int
	Unchanged     int          // articles of Articles already stored with the same content: not extracted again
	Failures      []Failure    // in the order the sources were read
	Skipped       []Skip       // files of folders that are not articles (a README, a licence), in the order read
	Stats         *graph.Stats // nil when the writer cannot count
}

// String renders the summary line the CLI prints.
func (s *Summary) String() string {
	return fmt.Sprintf("articles=%d entities=%d relationships=%d claims=%d failures=%d",
		s.Articles, s.Entities, s.Relationships, s.Claims, len(s.Failures))
}

// job is one article to ingest; load reads it, in a worker, so that files
// are read and linked pages fetched in parallel.
type job struct {
	seq      int
	location string
	load     func(ctx context.Context) (*graph.Article, error)
}

// failed is a job whose article could not even be listed (a missing path, a
// malformed JSON line).
func failed(location string, err error) job {
	return job{location: location, load: func(context.Context) (*graph.Article, error) { return nil, err }}
}

// Ingest ingests every target: files, folders (recursively: .txt, .md,
// .jsonl, .json), JSON-lines files, http(s) URLs of pages or RSS/Atom feeds.
// Failures of single articles, or of targets that cannot be read, are in the
// summary; the error is non-nil only when ctx ended the batch early (the
// summary then counts what was done) or the store could not be counted.
func (in *Ingester) Ingest(ctx context.Context, targets ...string) (*Summary, error) {
	const op = "ingest.Ingest"
	var (
		mu    sync.Mutex
		sum   = &Summary{}
		tally Tally
	)
	in.pool(ctx, targets, func(j job) {
		r := in.process(ctx, j)
		if r.Err != nil && ctx.Err() != nil {
			return // cut short by the end of the batch, not a failure of its own
		}
		mu.Lock()
		if reason := SkipReason(r.Err); reason != "" {
			tally.Skip(j.seq, Skip{Location: r.Location, Reason: reason})
		} else if r.Err != nil {
			tally.Fail(j.seq, failureOf(r))
		} else {
			sum.Articles++
			if r.Unchanged {
				sum.Unchanged++
			}
			sum.Entities += r.Entities
			sum.Mentions += r.Mentions
			sum.Relationships += r.Relationships
			sum.Claims += r.Claims
		}
		mu.Unlock()
		if in.progress != nil {
			in.progress(r)
		}
	})

	tally.AddTo(sum)
	if err := ctx.Err(); err != nil {
		code := graph.Internal
		if errors.Is(err, context.DeadlineExceeded) {
			code = graph.Timeout
		}
		return sum, graph.E(op, code, "ingest interrupted before the end of the batch", err)
	}
	if s, ok := in.writer.(statser); ok {
		st, err := s.Stats(ctx)
		if err != nil {
			return sum, graph.E(op, err)
		}
		sum.Stats = &st
	}
	return sum, nil
}

// pool lists the articles of targets and calls do with each, on
// in.workers goroutines, until every article was seen or ctx ended.
func (in *Ingester) pool(ctx context.Context, targets []string, do func(job)) {
	jobs := make(chan job, in.workers)
	go func() {
		defer close(jobs)
		seq := 0
		emit := func(j job) bool {
			j.seq = seq
			seq++
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, t := range targets {
			if !in.produceSafely(ctx, t, emit) {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range in.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // drain: the batch is over
				}
				do(j)
			}
		}()
	}
	wg.Wait()
}

// Loaded is an article read from a source, checked and keyed, or why it
// could not be read.
type Loaded struct {
	Seq      int // the article's place in the listing of the targets
	Location string
	Article  *graph.Article // nil when Err is set
	Err      error
}

// Load reads the articles of targets, as Ingest does, without extracting
// them: for a batch that hands them to a queue. It calls emit with each,
// from up to WithWorkers goroutines at once, so emit must be safe for
// concurrent use. An article that cannot be read, or that no extraction
// should be attempted on (no text, too large, not UTF-8), comes with its
// error. Load returns early, with ctx's error, when ctx ends.
func (in *Ingester) Load(ctx context.Context, emit func(Loaded), targets ...string) error {
	in.pool(ctx, targets, func(j job) {
		l := Loaded{Seq: j.seq, Location: j.location}
		l.Article, l.Err = in.loadSafely(ctx, j)
		if l.Err != nil && ctx.Err() != nil {
			return
		}
		if l.Err != nil {
			l.Article = nil
		}
		emit(l)
	})
	return ctx.Err()
}

// loadSafely reads and checks one article; a panic (a bug) fails it alone.
func (in *Ingester) loadSafely(ctx context.Context, j job) (a *graph.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = graph.E("ingest.Load", graph.Internal, "reading crashed (a bug: please report it)",
				fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	if a, err = j.load(ctx); err != nil {
		return nil, err
	}
	return a, in.check(a)
}

// produceSafely lists the articles of a target; a panic while reading it (a
// bug) fails the rest of that target alone.
func (in *Ingester) produceSafely(ctx context.Context, target string, emit func(job) bool) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			ok = emit(failed(target, graph.E("ingest.Read", graph.Internal,
				"reading crashed (a bug: please report it)", fmt.Errorf("panic: %v\n%s", p, debug.Stack()))))
		}
	}()
	return in.produce(ctx, target, emit)
}

func failureOf(r Result) Failure {
	return Failure{
		Location:  r.Location,
		ArticleID: r.ArticleID,
		Code:      graph.ErrorCode(r.Err),
		Reason:    graph.ErrorMessage(r.Err),
		Err:       r.Err,
	}
}

// process reads, checks, extracts and writes one article. A panic in any
// step (a bug, most likely in an extraction rule) fails this article alone.
func (in *Ingester) process(ctx context.Context, j job) (r Result) {
	r = Result{Location: j.location}
	defer func() {
		if p := recover(); p != nil {
			r.Err = graph.E("ingest.process", graph.Internal, "ingest crashed on this article (a bug: please report it)",
				fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	a, err := j.load(ctx)
	if err != nil {
		r.Err = err
		in.log.Debug().Str("location", j.location).Err(err).Msg("article not read")
		return r
	}
	r = in.IngestArticle(ctx, a)
	r.Location = j.location
	return r
}

// IngestArticle checks, extracts and writes one article that is already
// read and keyed (ID and ContentHash set): what a queue worker does with a
// task. It returns only once the store committed the extraction; the error
// is in the Result (INVALID for an article no extraction should be
// attempted on). Calls beyond the number of workers wait for a worker to
// extract (see InFlight).
func (in *Ingester) IngestArticle(ctx context.Context, a *graph.Article) (r Result) {
	const op = "ingest.process"
	r = Result{ArticleID: a.ID, Title: a.Title, Location: a.URL}
	if err := in.check(a); err != nil {
		r.Err = err
		return r
	}
	if in.Unchanged(ctx, a) {
		r.Unchanged = true
		return r
	}
	release, err := in.claimExtraction(ctx)
	if err != nil {
		r.Err = graph.E(op, graph.Timeout, err)
		return r
	}
	a.IngestedAt = in.now().UTC()
	start := time.Now()
	x, err := in.extractor.Extract(ctx, a)
	in.observe(StageExtract, start)
	release() // the write waits for its group with no worker held
	if err != nil {
		r.Err = graph.E(op, "extraction failed", err)
		return r
	}
	start = time.Now()
	err = in.commits.WriteExtraction(ctx, x)
	in.observe(StageWrite, start)
	if err != nil {
		r.Err = graph.E(op, "the store did not accept the extraction", err)
		return r
	}
	r.Entities, r.Mentions = len(x.Entities), len(x.Mentions)
	r.Relationships, r.Claims = len(x.Relationships), len(x.Claims)
	in.log.Debug().Str("article", a.ID).
		Int("entities", r.Entities).Int("relationships", r.Relationships).Int("claims", r.Claims).
		Msg("article ingested")
	return r
}

// claimExtraction waits for a worker to extract with, and returns the
// function that gives it back. While the single writer of group commits
// is behind the extractions, fewer of them start, so that the writer keeps
// a core to itself: with as many extractions as cores, the Go scheduler
// shares the cores among them and the writer alike, the writer falls
// behind, and its backlog is written at the end of a batch with the other
// cores idle.
func (in *Ingester) claimExtraction(ctx context.Context) (release func(), err error) {
	select {
	case in.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	g, _ := in.commits.(*groupWriter)
	if in.yielding == nil || g == nil || !g.behind() {
		return func() { <-in.slots }, nil
	}
	select {
	case in.yielding <- struct{}{}:
		return func() { <-in.yielding; <-in.slots }, nil
	case <-ctx.Done():
		<-in.slots
		return nil, ctx.Err()
	}
}

// InFlight is how many articles a queue consumer should hand
// IngestArticle at once: one per worker extracting, and a group commit's
// worth and a half more waiting for their write. Extraction runs on at
// most workers of them at a time; the others wait for the commit of their
// group, so that the single writer of a store like SQLite commits many
// articles per transaction while the workers extract the next ones. More
// than one group: with one, a commit as large as a group held every
// article in flight, and the workers, with nothing left to extract, idled
// until it ended (on the BBC folder, a core idle about a fifth of the
// batch). Once half a group waits, the writer is behind and the
// extractions slow down for it (see claimExtraction), so that half is
// enough; each article waiting holds its extraction in memory.
func (in *Ingester) InFlight() int {
	if _, ok := in.commits.(*groupWriter); !ok {
		return in.workers // no group commits: nothing to gather
	}
	return in.workers + maxGroup + gatherGroup
}

// Stages of IngestArticle that WithTimings reports.
const (
	StageExtract = "extract"
	StageWrite   = "write"
)

func (in *Ingester) observe(stage string, start time.Time) {
	if in.timings != nil {
		in.timings(stage, time.Since(start))
	}
}

// check rejects articles no extraction should be attempted on.
func (in *Ingester) check(a *graph.Article) error {
	const op = "ingest.check"
	switch {
	case strings.TrimSpace(a.Text) == "":
		return graph.Errorf(op, graph.Invalid, "article has no text")
	case in.maxText > 0 && int64(len(a.Text)) > in.maxText:
		return tooLarge(op, "article text", int64(len(a.Text)), in.maxText)
	case !utf8.ValidString(a.Text):
		return graph.Errorf(op, graph.Invalid, "article text is not valid UTF-8 (a binary file, or another encoding)")
	}
	return nil
}

// tooLarge is the error for input above a size limit; size is negative
// when the input was not read to its end.
func tooLarge(op, what string, size, limit int64) error {
	if size < 0 {
		return graph.Errorf(op, graph.Invalid, "%s exceeds the limit of %s", what, byteSize(limit))
	}
	return graph.Errorf(op, graph.Invalid, "%s is %s, above the limit of %s", what, byteSize(size), byteSize(limit))
}

func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
