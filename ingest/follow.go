package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// FeedState is what a follower keeps of a feed between polls, across
// restarts: the validators of its last answer, for conditional GETs, and
// its consecutive failures, for backoff.
type FeedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Failures     int       `json:"failures,omitempty"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
}

// FeedItem is an item of a polled feed.
type FeedItem struct {
	// URL is the item's link, the key by which followers tell items they
	// have seen; "" when the item has none.
	URL      string
	Location string // the link, or "feed#N"
	// Digest is a hash of what the feed says of the item (title, link,
	// date, text): a follower that found the item broken for good knows it
	// again by it, and tries again only once the feed changes the item.
	Digest string
	load   func(ctx context.Context) (*graph.Article, error)
}

// Article reads the item's article, fetching its page when the item is a
// teaser, and checks it as Load does.
func (it FeedItem) Article(ctx context.Context, in *Ingester) (*graph.Article, error) {
	a, err := it.load(ctx)
	if err != nil {
		return nil, err
	}
	return a, in.check(a)
}

// PollFeed GETs a feed with the validators of st (If-None-Match,
// If-Modified-Since). A feed that did not change (304) has no items and
// notModified is set; otherwise its items come with the new validators in
// next. Failures and NextPoll are the caller's to keep.
func (in *Ingester) PollFeed(ctx context.Context, feedURL string, st FeedState) (items []FeedItem, next FeedState, notModified bool, err error) {
	const op = "ingest.PollFeed"
	next = st
	u, err := url.Parse(feedURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, next, false, graph.Errorf(op, graph.Invalid, "%q is not an http(s) URL", feedURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, next, false, graph.E(op, graph.Invalid, "cannot build the request", err)
	}
	req.Header.Set("User-Agent", in.userAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := in.client.Do(req)
	if err != nil {
		return nil, next, false, netError(op, u.Host, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, next, true, nil
	}
	if err := statusError(op, resp.StatusCode); err != nil {
		return nil, next, false, err
	}
	body, err := readAll(op, resp.Body, in.maxFetch, "the feed")
	if err != nil {
		return nil, next, false, err
	}
	outlet, parsed, err := parseFeed(body, feedURL)
	if err != nil {
		return nil, next, false, graph.E(op, graph.Invalid, "malformed feed: "+err.Error(), err)
	}
	next.ETag, next.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	for i, it := range parsed {
		loc := it.link
		if loc == "" {
			loc = feedURL + "#" + strconv.Itoa(i+1)
		}
		items = append(items, FeedItem{URL: it.link, Location: loc, Digest: it.digest(), load: func(ctx context.Context) (*graph.Article, error) {
			return in.itemArticle(ctx, outlet, it)
		}})
	}
	return items, next, false, nil
}

// PoliteTransport wraps base (http.DefaultTransport when nil) so that it
// sends one request at a time to each host, gap apart: a follower of many
// feeds, and of the pages their items link to, must not hammer a site.
func PoliteTransport(base http.RoundTripper, gap time.Duration) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &politeTransport{base: base, gap: gap, hosts: map[string]*hostGate{}}
}

type politeTransport struct {
	base  http.RoundTripper
	gap   time.Duration
	mu    sync.Mutex
	hosts map[string]*hostGate
}

// hostGate is a host's turn: one request holds it, and the next waits for
// the gap after the last one ended.
type hostGate struct {
	turn chan struct{}
	last time.Time
}

func (p *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	p.mu.Lock()
	g, ok := p.hosts[req.URL.Host]
	if !ok {
		g = &hostGate{turn: make(chan struct{}, 1)}
		p.hosts[req.URL.Host] = g
	}
	p.mu.Unlock()
	select {
	case g.turn <- struct{}{}:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	if wait := p.gap - time.Since(g.last); wait > 0 && !g.last.IsZero() {
		select {
		case <-time.After(wait):
		case <-req.Context().Done():
			<-g.turn
			return nil, req.Context().Err()
		}
	}
	resp, err := p.base.RoundTrip(req)
	if err != nil {
		g.last = time.Now()
		<-g.turn
		return nil, err
	}
	// The turn is held until the body is read: the request is not over
	// before.
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: func() {
		g.last = time.Now()
		<-g.turn
	}}
	return resp, nil
}

type releasingBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

// digest hashes the item's fields, each length-prefixed so that no two
// items share one by moving text from a field to the next.
func (it feedItem) digest() string {
	h := sha256.New()
	for _, f := range []string{it.title, it.link, it.published, it.text} {
		h.Write([]byte(strconv.Itoa(len(f)) + ":" + f))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
