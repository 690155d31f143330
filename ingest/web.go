package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/graph"
)

// response is a fetched document.
type response struct {
	url         string // the URL asked for: the article's key
	contentType string
	body        []byte
}

// fetch GETs a URL, reading at most the fetch limit of its body.
func (in *Ingester) fetch(ctx context.Context, rawURL string) (*response, error) {
	const op = "ingest.Fetch"
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, graph.Errorf(op, graph.Invalid, "%q is not an http(s) URL", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, graph.E(op, graph.Invalid, "cannot build the request", err)
	}
	req.Header.Set("User-Agent", in.userAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := in.client.Do(req)
	if err != nil {
		return nil, netError(op, u.Host, err)
	}
	defer resp.Body.Close()
	if err := statusError(op, resp.StatusCode); err != nil {
		return nil, err
	}
	if in.maxFetch > 0 && resp.ContentLength > in.maxFetch {
		return nil, tooLarge(op, "the response", resp.ContentLength, in.maxFetch)
	}
	var body io.Reader = resp.Body
	if in.maxFetch > 0 {
		body = io.LimitReader(resp.Body, in.maxFetch+1)
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, netError(op, u.Host, err)
	}
	if in.maxFetch > 0 && int64(len(data)) > in.maxFetch {
		return nil, tooLarge(op, "the response", -1, in.maxFetch)
	}
	return &response{url: rawURL, contentType: resp.Header.Get("Content-Type"), body: data}, nil
}

// netError classifies a transport error.
func netError(op, host string, err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return graph.E(op, "fetch canceled", err)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return graph.E(op, graph.Timeout, host+" did not answer in time", err)
	}
	return graph.E(op, graph.Unavailable, "cannot fetch from "+host, err)
}

// statusError classifies an HTTP status; nil for success.
func statusError(op string, status int) error {
	msg := "HTTP " + http.StatusText(status)
	switch {
	case status >= 200 && status < 300:
		return nil
	case status == http.StatusNotFound, status == http.StatusGone:
		return graph.Errorf(op, graph.NotFound, "%s", msg)
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return graph.Errorf(op, graph.Unauthorized, "%s", msg)
	case status == http.StatusTooManyRequests, status >= 500:
		return graph.Errorf(op, graph.Unavailable, "%s", msg)
	}
	return graph.Errorf(op, graph.Invalid, "%s", msg)
}

// produceURL fetches a URL given as a target: a feed lists its items, a
// page is one article. The target is fetched here, in the producer, since
// only its content says how many articles it holds; feed items are fetched
// by the workers.
func (in *Ingester) produceURL(ctx context.Context, target string, emit func(job) bool) bool {
	resp, err := in.fetch(ctx, target)
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return emit(failed(target, err))
	}
	if isFeed(resp.contentType, resp.body) {
		return in.produceFeed(ctx, target, resp.body, emit)
	}
	a, err := pageArticle(resp)
	if err == nil {
		hostOutlet(a)
	}
	return emit(job{location: target, load: func(context.Context) (*graph.Article, error) { return a, err }})
}

// hostOutlet names the outlet of a web article that does not name it by the
// host of its URL.
func hostOutlet(a *graph.Article) {
	if u, err := url.Parse(a.URL); err == nil && a.Outlet == "" {
		a.Outlet = strings.TrimPrefix(u.Hostname(), "www.")
	}
}

// fetchArticle fetches one linked article.
func (in *Ingester) fetchArticle(ctx context.Context, rawURL string) (*graph.Article, error) {
	resp, err := in.fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return pageArticle(resp)
}

// pageArticle builds the article of a fetched page: HTML is reduced to its
// main text, plain text is kept as is. The outlet is left empty unless the
// page names it. Web articles are keyed by their URL,
// so a corrected version replaces the old one.
func pageArticle(resp *response) (*graph.Article, error) {
	const op = "ingest.Page"
	mediaType, _, _ := mime.ParseMediaType(resp.contentType)
	var a *graph.Article
	if mediaType == "text/plain" {
		r, err := charset.NewReader(bytes.NewReader(resp.body), resp.contentType)
		if err != nil {
			return nil, graph.E(op, graph.Invalid, "unknown character set", err)
		}
		text, err := io.ReadAll(r)
		if err != nil {
			return nil, graph.E(op, graph.Invalid, "cannot decode the text", err)
		}
		name := resp.url
		if u, err := url.Parse(resp.url); err == nil {
			name = path.Base(u.Path)
		}
		a = TextArticle(name, resp.url, string(text))
	} else {
		p, err := parsePage(resp.body, resp.contentType)
		if err != nil {
			return nil, graph.E(op, graph.Invalid, "cannot parse the page", err)
		}
		a = &graph.Article{URL: resp.url, Title: p.title, Outlet: p.site, Text: p.text}
		if t, ok := parseDate(p.published); ok {
			a.PublishedAt = t
		}
		a.ContentHash = graph.ContentHash(a.Text)
	}
	a.ID = graph.ArticleID(resp.url, a.ContentHash)
	return a, nil
}
