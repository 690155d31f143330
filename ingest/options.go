package ingest

import (
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// Option configures an Ingester.
type Option func(*Ingester)

// WithLogger sets the logger; the default discards.
func WithLogger(l zerolog.Logger) Option { return func(in *Ingester) { in.log = l } }

// WithClock sets the clock that stamps IngestedAt.
func WithClock(now func() time.Time) Option { return func(in *Ingester) { in.now = now } }

// WithWorkers sets the number of articles processed at once (at least 1).
func WithWorkers(n int) Option {
	return func(in *Ingester) { in.workers = max(n, 1) }
}

// WithMaxTextBytes sets the largest article text accepted, in bytes; zero
// or less means no limit. A larger article fails with an Invalid error
// rather than being truncated: a cut article would carry a partial, silently
// wrong record of what it says.
func WithMaxTextBytes(n int64) Option { return func(in *Ingester) { in.maxText = n } }

// WithMaxFetchBytes sets the largest HTTP response body read; zero or less
// means no limit.
func WithMaxFetchBytes(n int64) Option { return func(in *Ingester) { in.maxFetch = n } }

// WithHTTPClient sets the client for URL and feed sources; the default has a
// timeout of DefaultFetchTimeout.
func WithHTTPClient(c *http.Client) Option { return func(in *Ingester) { in.client = c } }

// WithUserAgent sets the User-Agent of HTTP requests.
func WithUserAgent(ua string) Option { return func(in *Ingester) { in.userAgent = ua } }

// WithProgress sets a function called after each article, from the worker
// that processed it (so concurrently: it must be safe for that).
func WithProgress(f func(Result)) Option { return func(in *Ingester) { in.progress = f } }

// WithTimings sets a function called with the time each stage of an
// article took (StageExtract, StageWrite), for metrics; concurrently, like
// WithProgress's.
func WithTimings(f func(stage string, d time.Duration)) Option {
	return func(in *Ingester) { in.timings = f }
}
