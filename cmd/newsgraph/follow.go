package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queue"
)

// Defaults of follow.
const (
	defaultEvery   = 10 * time.Minute
	defaultHostGap = time.Second
	maxBackoff     = 24 * time.Hour
)

// follow runs "newsgraph follow": polls feeds every --every, and queues
// the items it has not seen before.
func (m *Main) follow(ctx context.Context, args []string) error {
	fs := m.newFlagSet("follow", "FEED_URL...",
		"Polls RSS/Atom feeds every --every and ingests the items not seen before, through\n"+
			"the queue (--workers of them in this process). Polls are conditional\n"+
			"(If-None-Match, If-Modified-Since): a feed that did not change costs a 304.\n"+
			"Seen item URLs and the validators are kept in the queue, across restarts and\n"+
			"processes; a feed that fails is polled again after a backoff that doubles;\n"+
			"requests to one host go one at a time, --host-gap apart.")
	var (
		f       pipelineFlags
		every   time.Duration
		hostGap time.Duration
		once    bool
	)
	f.register(fs)
	fs.DurationVar(&every, "every", defaultEvery, "how often to poll each feed")
	fs.DurationVar(&hostGap, "host-gap", defaultHostGap, "the least time between two requests to one host")
	fs.BoolVar(&once, "once", false, "poll each feed once, wait for its new items, print a summary and exit")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError("follow needs at least one FEED_URL")
	}
	if every <= 0 {
		return usageError("--every must be positive")
	}
	f.ingest.client = &http.Client{Timeout: f.ingest.timeout, Transport: ingest.PoliteTransport(nil, hostGap)}
	p, err := m.openPipeline(ctx, f)
	if err != nil {
		return err
	}
	if err := p.models.Wait(ctx); err != nil {
		return err
	}
	fl, err := newFollower(ctx, p, every, m.Now, fs.Args())
	if err != nil {
		return err
	}
	stop := consumeInBackground(ctx, p.queue, f.ingest.workers, p.in, p.log)
	defer stop()
	if !once {
		fl.run(ctx)
		return nil
	}
	sum, polls, err := fl.poll(ctx)
	if err == nil {
		err = addStats(ctx, sum, p.store)
	}
	if err != nil {
		return err
	}
	printSummary(m.Stdout, sum)
	fmt.Fprintln(m.Stdout, polls.String())
	if n := len(sum.Failures); n > 0 {
		return fmt.Errorf("%d of %d %w (listed above)", n, n+sum.Articles, errFailed)
	}
	return nil
}

// newFollower returns a follower of feeds, keeping its memory in the
// pipeline's queue.
func newFollower(ctx context.Context, p *pipeline, every time.Duration, now func() time.Time, feeds []string) (*follower, error) {
	fl := &follower{p: p, every: every, now: now, feeds: feeds}
	var err error
	if fl.state, err = p.queue.Memo(ctx, "feeds"); err != nil {
		return nil, err
	}
	if fl.seen, err = p.queue.Memo(ctx, "seen"); err != nil {
		return nil, err
	}
	if fl.invalid, err = p.queue.Memo(ctx, "invalid"); err != nil {
		return nil, err
	}
	return fl, nil
}

// run polls the feeds every fl.every until ctx ends, logging each round.
func (fl *follower) run(ctx context.Context) {
	for {
		sum, polls, err := fl.poll(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			fl.p.log.Error().Err(err).Msg("feed poll failed")
		} else {
			for _, f := range sum.Failures {
				fl.p.log.Warn().Str("location", f.Location).Str("code", string(f.Code)).Str("reason", f.Reason).Msg("article failed")
			}
			fl.p.log.Info().Int("articles", sum.Articles).Int("failures", len(sum.Failures)).
				Str("feeds", polls.String()).Msg("feeds polled")
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(fl.every):
		}
	}
}

// follower polls a set of feeds.
type follower struct {
	p     *pipeline
	every time.Duration
	now   func() time.Time
	feeds []string
	state *queue.Memo // feed URL → ingest.FeedState
	seen  *queue.Memo // item URL → when it was queued
	// invalid remembers the items that could not be read for good
	// (INVALID): item key → ingest.FeedItem.Digest, so that a broken item
	// is reported once, not on every poll, until the feed changes it.
	invalid *queue.Memo
}

// pollCounts count what one round of polls did.
type pollCounts struct {
	polled, notModified, failed, backingOff, seen, items, invalid atomic.Int64
}

func (c *pollCounts) String() string {
	return fmt.Sprintf("feeds: polled=%d not-modified=%d failed=%d backing-off=%d items=%d seen-before=%d invalid-before=%d",
		c.polled.Load(), c.notModified.Load(), c.failed.Load(), c.backingOff.Load(), c.items.Load(), c.seen.Load(),
		c.invalid.Load())
}

// poll polls every feed not backing off, concurrently (requests to one
// host still go one at a time), queues the items not seen before, and
// waits for their jobs.
func (fl *follower) poll(ctx context.Context) (*ingest.Summary, *pollCounts, error) {
	counts := &pollCounts{}
	var seq atomic.Int64
	load := func(emit func(ingest.Loaded)) error {
		var wg sync.WaitGroup
		for _, feed := range fl.feeds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fl.pollFeed(ctx, feed, counts, func(l ingest.Loaded) {
					l.Seq = int(seq.Add(1))
					emit(l)
				})
			}()
		}
		wg.Wait()
		return ctx.Err()
	}
	queued := func(l ingest.Loaded) error {
		if !isHTTP(l.Location) {
			return nil
		}
		stamp, _ := json.Marshal(fl.now().UTC())
		return fl.seen.Put(ctx, l.Location, stamp)
	}
	sum, err := enqueueLoaded(ctx, fl.p.queue, load, func(*graph.Article) bool { return false }, queued, nil)
	return sum, counts, err
}

// pollFeed polls one feed and emits its new items; a feed that fails is
// emitted as a failure and backs off.
func (fl *follower) pollFeed(ctx context.Context, feed string, counts *pollCounts, emit func(ingest.Loaded)) {
	log := fl.p.log.With().Str("feed", feed).Logger()
	var st ingest.FeedState
	if data, ok, err := fl.state.Get(ctx, feed); err != nil {
		emit(ingest.Loaded{Location: feed, Err: err})
		return
	} else if ok {
		_ = json.Unmarshal(data, &st)
	}
	now := fl.now()
	if now.Before(st.NextPoll) {
		counts.backingOff.Add(1)
		log.Debug().Time("next", st.NextPoll).Msg("feed backing off")
		return
	}
	items, next, notModified, err := fl.p.in.PollFeed(ctx, feed, st)
	counts.polled.Add(1)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		counts.failed.Add(1)
		next.Failures = st.Failures + 1
		next.NextPoll = now.Add(backoff(fl.every, next.Failures))
		log.Warn().Err(err).Int("failures", next.Failures).Time("next", next.NextPoll).Msg("feed failed")
		fl.saveState(ctx, feed, next)
		emit(ingest.Loaded{Location: feed, Err: err})
		return
	}
	next.Failures, next.NextPoll = 0, time.Time{}
	if notModified {
		counts.notModified.Add(1)
	}
	for _, it := range items {
		if it.URL != "" {
			if _, seen, err := fl.seen.Get(ctx, it.URL); err == nil && seen {
				counts.seen.Add(1)
				continue
			}
		}
		key := itemKey(feed, it)
		if d, known, err := fl.invalid.Get(ctx, key); err == nil && known && string(d) == it.Digest {
			counts.invalid.Add(1)
			continue
		}
		counts.items.Add(1)
		a, err := it.Article(ctx, fl.p.in)
		if graph.ErrorCode(err) == graph.Invalid {
			if perr := fl.invalid.Put(ctx, key, []byte(it.Digest)); perr != nil {
				log.Warn().Err(perr).Str("item", it.Location).Msg("broken item not remembered")
			}
		}
		emit(ingest.Loaded{Location: it.Location, Article: a, Err: err})
	}
	fl.saveState(ctx, feed, next)
}

func (fl *follower) saveState(ctx context.Context, feed string, st ingest.FeedState) {
	data, _ := json.Marshal(st)
	if err := fl.state.Put(ctx, feed, data); err != nil {
		fl.p.log.Warn().Err(err).Str("feed", feed).Msg("feed state not saved")
	}
}

// backoff is how long a feed that failed n times in a row waits: every,
// doubled for each failure, at most a day.
func backoff(every time.Duration, n int) time.Duration {
	d := every
	for range n {
		if d *= 2; d >= maxBackoff {
			return maxBackoff
		}
	}
	return d
}

// itemKey names an item in the memory of broken items: its link, or, for
// an item without one, its feed and digest.
func itemKey(feed string, it ingest.FeedItem) string {
	if it.URL != "" {
		return it.URL
	}
	return feed + "#" + it.Digest
}

func isHTTP(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
