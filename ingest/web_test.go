package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

const pageHTML = `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Clashes in the east | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-26T08:30:00+04:30">
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<article>
<h1>Clashes in the east</h1>
<p>Taliban forces and a rival   armed group
fought near Jalalabad on Monday.</p>
<script>var tracking = "Taliban";</script>
<figure><img src="x.jpg"><figcaption>A photo</figcaption></figure>
<p>A provincial official said the road &amp; the bridge were closed.<br>Traffic resumed later.</p>
<div aria-hidden="true">Share this</div>
</article>
<aside>Most read: something else</aside>
<footer>© Example News</footer>
</body></html>`

const pageText = "Clashes in the east\n\nTaliban forces and a rival armed group fought near Jalalabad on Monday.\n\n" +
	"A provincial official said the road & the bridge were closed.\n\nTraffic resumed later."

// longItem is feed content long enough to be ingested without fetching.
var longItem = strings.Repeat("The Taliban announced a new programme for the provinces. ", 12)

// newsServer serves a page, feeds and failing paths, and counts hits.
func newsServer(t *testing.T) (*httptest.Server, func(path string) int) {
	var mu sync.Mutex
	hits := map[string]int{}
	block := make(chan struct{})
	mux := http.NewServeMux()
	count := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[r.URL.Path]++
			mu.Unlock()
			h(w, r)
		}
	}
	page := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pageHTML)
	}
	mux.HandleFunc("/page", count(page))
	mux.HandleFunc("/story", count(page))
	mux.HandleFunc("/plain.txt", count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Headline\n\nThe Taliban spoke.")
	}))
	mux.HandleFunc("/latin1", count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><body><p>Caf\xe9 owners in Kabul said the Taliban closed the market.</p></body></html>"))
	}))
	mux.HandleFunc("/missing", count(http.NotFound))
	mux.HandleFunc("/broken", count(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusBadGateway)
	}))
	mux.HandleFunc("/huge", count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 64 {
			fmt.Fprint(w, strings.Repeat("<p>Taliban</p>", 1024))
		}
	}))
	mux.HandleFunc("/slow", count(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-block:
		}
	}))
	mux.HandleFunc("/feed.rss", count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Feed</title>
<item><title>Full item</title><link>/full</link><pubDate>Tue, 26 Mar 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>
<item><title>Teaser item</title><link>/story</link><description>Clashes, in short.</description></item>
<item><title>Gone item</title><link>/missing</link><description>Short.</description></item>
</channel></rss>`, longItem)
	}))
	mux.HandleFunc("/atom", count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Atom entry</title><link href="https://example.org/atom-entry"/><published>2024-03-27T00:00:00Z</published>
<content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>
</feed>`, longItem)
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { close(block); srv.Close() })
	return srv, func(path string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[path]
	}
}

func TestIngestURLs(t *testing.T) {
	srv, hits := newsServer(t)
	store := newStore(t)
	in := ingest.New(newExtractor(t), store,
		ingest.WithHTTPClient(&http.Client{Timeout: 300 * time.Millisecond}),
		ingest.WithMaxFetchBytes(256<<10))
	sum, err := in.Ingest(context.Background(),
		srv.URL+"/page", srv.URL+"/plain.txt", srv.URL+"/latin1", srv.URL+"/missing", srv.URL+"/broken",
		srv.URL+"/huge", srv.URL+"/slow", "http://", srv.URL+"/feed.rss", srv.URL+"/atom")
	if err != nil {
		t.Fatal(err)
	}
	want := []failureKey{
		{srv.URL + "/missing", graph.NotFound},
		{srv.URL + "/broken", graph.Unavailable},
		{srv.URL + "/huge", graph.Invalid},
		{srv.URL + "/slow", graph.Timeout},
		{"http://", graph.Invalid},
		{srv.URL + "/missing", graph.NotFound}, // the feed's third item
	}
	if diff := cmp.Diff(want, failureKeys("", sum.Failures)); diff != "" {
		t.Errorf("failures (-want +got):\n%s\nall: %v", diff, sum.Failures)
	}
	if sum.Articles != 6 {
		t.Errorf("Articles = %d, want 6 (page, plain, latin1, 2 feed items, atom entry)", sum.Articles)
	}
	if n := hits("/full"); n != 0 {
		t.Errorf("a feed item with full content was fetched %d times", n)
	}

	arts, err := store.Articles(context.Background(), graph.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]*graph.Article{}
	for _, a := range arts {
		byURL[a.URL] = a
	}
	type meta struct {
		ID, Title, Outlet string
		Published         time.Time
		Text              string
	}
	check := func(url string, want meta) {
		t.Helper()
		a := byURL[url]
		if a == nil {
			t.Errorf("no article for %s", url)
			return
		}
		got := meta{a.ID, a.Title, a.Outlet, a.PublishedAt, a.Text}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("article %s (-want +got):\n%s", url, diff)
		}
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	host = host[:strings.LastIndex(host, ":")]
	check(srv.URL+"/page", meta{graph.ArticleID(srv.URL+"/page", ""), "Clashes in the east | Example News", "Example News",
		time.Date(2024, 3, 26, 4, 0, 0, 0, time.UTC), pageText})
	check(srv.URL+"/story", meta{graph.ArticleID(srv.URL+"/story", ""), "Teaser item", "Example News",
		time.Date(2024, 3, 26, 4, 0, 0, 0, time.UTC), pageText})
	check(srv.URL+"/plain.txt", meta{graph.ArticleID(srv.URL+"/plain.txt", ""), "Headline", host,
		time.Time{}, "Headline\n\nThe Taliban spoke."})
	check(srv.URL+"/latin1", meta{graph.ArticleID(srv.URL+"/latin1", ""), "", host,
		time.Time{}, "Café owners in Kabul said the Taliban closed the market."})
	check(srv.URL+"/full", meta{graph.ArticleID(srv.URL+"/full", ""), "Full item", "Example Feed",
		time.Date(2024, 3, 26, 10, 0, 0, 0, time.UTC), strings.TrimSpace(longItem)})
	check("https://example.org/atom-entry", meta{graph.ArticleID("https://example.org/atom-entry", ""), "Atom entry", "Example Atom",
		time.Date(2024, 3, 27, 0, 0, 0, 0, time.UTC), strings.TrimSpace(longItem)})
}

// TestFeedFile ingests a feed saved as a file: items with content of their
// own are read from it, teasers fetched from their link.
func TestFeedFile(t *testing.T) {
	srv, hits := newsServer(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"saved.rss": fmt.Sprintf(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Saved Feed</title>
<item><title>Own content</title><description>&lt;p&gt;%s&lt;/p&gt;</description></item>
<item><title>Linked</title><link>%s/story</link><description>Teaser.</description></item>
</channel></rss>`, longItem, srv.URL)})
	store := newStore(t)
	sum, err := ingest.New(newExtractor(t), store).Ingest(context.Background(), dir+"/saved.rss")
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("Ingest: %v %v", err, sum.Failures)
	}
	if sum.Articles != 2 || hits("/story") != 1 {
		t.Errorf("Articles = %d, /story fetched %d times; want 2 and 1", sum.Articles, hits("/story"))
	}
	arts, err := store.Articles(context.Background(), graph.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range arts {
		titles = append(titles, a.Title+" / "+a.Outlet)
	}
	sort.Strings(titles)
	if diff := cmp.Diff([]string{"Linked / Example News", "Own content / Saved Feed"}, titles); diff != "" {
		t.Errorf("titles / outlets (-want +got):\n%s", diff)
	}
}
