package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// feedServer serves an RSS feed of our own items, answering 304 to a
// request whose If-None-Match is the feed's current ETag, and records the
// validators each request sent.
type feedServer struct {
	mu       sync.Mutex
	items    []string // item slugs
	version  int
	requests []string // "If-None-Match|If-Modified-Since" of each request
	status   int      // when set, every answer has this status
}

// itemText is a made-up report, long enough to be an item's article.
func itemText(slug string) string {
	return fmt.Sprintf("The Harbour Council of Westmere met on Tuesday to discuss the %s report. "+
		"Councillor Ana Ribeiro, who chairs the transport committee, said the ferry service would keep its winter timetable. "+
		"The Westmere Ferry Company told the council that two of its boats needed repairs before the spring. "+
		"Residents of the island villages asked for an extra crossing on market days, and the council agreed to study the request. "+
		"A spokesman for the company said it would publish a new timetable in March after talks with the unions.", slug)
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
	if s.status != 0 {
		w.WriteHeader(s.status)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, s.version)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Westmere Herald</title>`)
	for _, slug := range s.items {
		fmt.Fprintf(&b, `<item><title>Council on %s</title><link>http://%s/news/%s</link><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate><description>%s</description></item>`,
			slug, r.Host, slug, itemText(slug))
	}
	b.WriteString(`</channel></rss>`)
	_, _ = w.Write([]byte(b.String()))
}

func (s *feedServer) set(f func(*feedServer)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *feedServer) lastRequest() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[len(s.requests)-1], len(s.requests)
}

// TestFollow polls a feed of a test server with follow --once: the first
// poll ingests its items; the second sends the validators, gets 304 and
// writes nothing; a new item is ingested once, the old ones are known by
// URL even when the server ignores the validators; a failing feed backs
// off.
func TestFollow(t *testing.T) {
	fsrv := &feedServer{items: []string{"budget", "ferry"}, version: 1}
	ts := httptest.NewServer(fsrv)
	defer ts.Close()
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer bad.Close()
	store := "sqlite:" + filepath.Join(t.TempDir(), "g.db")
	follow := func(feeds ...string) (string, error) {
		t.Helper()
		out, _, err := run(t, context.Background(), "", append([]string{"follow", "--once", "--host-gap", "0", "--store", store}, feeds...)...)
		return out, err
	}
	storeLine := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "store: ") {
				return l
			}
		}
		t.Fatalf("no store line:\n%s", out)
		return ""
	}

	out, err := follow(ts.URL + "/feed.xml")
	if err != nil {
		t.Fatalf("first poll: %v\n%s", err, out)
	}
	if got := summaryCounts(t, out); got["articles"] != 2 || got["failures"] != 0 {
		t.Errorf("first poll: %v, want 2 articles", got)
	}
	if req, _ := fsrv.lastRequest(); req != "|" {
		t.Errorf("first poll sent validators %q", req)
	}
	first := storeLine(out)
	if !strings.HasPrefix(first, "store: articles=2 ") {
		t.Errorf("after the first poll: %s", first)
	}

	out, err = follow(ts.URL + "/feed.xml")
	if err != nil {
		t.Fatalf("second poll: %v\n%s", err, out)
	}
	if req, _ := fsrv.lastRequest(); req != `"v1"|Tue, 01 Dec 2026 10:00:00 GMT` {
		t.Errorf("second poll sent validators %q, want the first answer's", req)
	}
	if got := summaryCounts(t, out); got["articles"] != 0 || !strings.Contains(out, "not-modified=1 ") {
		t.Errorf("second poll: %v\n%s", got, out)
	}
	if got := storeLine(out); got != first {
		t.Errorf("the 304 changed the store: %s, was %s", got, first)
	}

	fsrv.set(func(s *feedServer) { s.items, s.version = append(s.items, "harbour"), 2 })
	out, err = follow(ts.URL + "/feed.xml")
	if err != nil {
		t.Fatalf("third poll: %v\n%s", err, out)
	}
	if got := summaryCounts(t, out); got["articles"] != 1 || !strings.Contains(out, "items=1 seen-before=2") {
		t.Errorf("third poll: %v, want the new item only\n%s", got, out)
	}
	if got := storeLine(out); !strings.HasPrefix(got, "store: articles=3 ") {
		t.Errorf("after the new item: %s", got)
	}

	// A server that ignores the validators: the items are known by URL.
	fsrv.set(func(s *feedServer) { s.version = 3 })
	out, err = follow(ts.URL + "/feed.xml")
	if err != nil {
		t.Fatalf("fourth poll: %v\n%s", err, out)
	}
	if got := summaryCounts(t, out); got["articles"] != 0 || !strings.Contains(out, "items=0 seen-before=3") {
		t.Errorf("fourth poll: %v, want nothing new\n%s", got, out)
	}

	// A failing feed fails alone, then backs off: the next poll (at the
	// same time on the test clock) leaves it alone.
	out, err = follow(ts.URL+"/feed.xml", bad.URL+"/feed.xml")
	if exitCode(err) != 1 || !strings.Contains(out, bad.URL+"/feed.xml: HTTP Service Unavailable (UNAVAILABLE)") {
		t.Errorf("failing feed: %v\n%s", err, out)
	}
	out, err = follow(ts.URL+"/feed.xml", bad.URL+"/feed.xml")
	if err != nil || !strings.Contains(out, "backing-off=1 ") {
		t.Errorf("failing feed after its failure: %v\n%s", err, out)
	}
	if _, _, err := run(t, context.Background(), "", "follow", "--store", store); exitCode(err) != 2 {
		t.Errorf("follow without feeds: %v, want a usage error", err)
	}
}

// TestServeFollow: serve --follow ingests a feed's items while serving.
func TestServeFollow(t *testing.T) {
	fsrv := &feedServer{items: []string{"budget", "ferry", "harbour"}, version: 1}
	ts := httptest.NewServer(fsrv)
	defer ts.Close()
	base := startServe(t, "--follow", ts.URL+"/feed.xml", "--host-gap", "0")
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { articles } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Data struct{ Stats struct{ Articles int } }
		}
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.Data.Stats.Articles == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server holds %d articles of the followed feed's 3", got.Data.Stats.Articles)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestFollowBrokenItem: an item whose article cannot be read for good
// (INVALID: its page has no text) is reported by the poll that finds it,
// not by the next ones, even from a feed that ignores validators; once the
// feed changes the item, it is tried again.
func TestFollowBrokenItem(t *testing.T) {
	var (
		mu      sync.Mutex
		teaser  = "Read more"
		fetches int
	)
	var ts *httptest.Server
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/news/empty" {
			fetches++
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(`<html><head><title>Empty</title></head><body></body></html>`))
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Westmere Herald</title>`+
			`<item><title>Council on the budget</title><link>%[1]s/news/budget</link><description>%[2]s</description></item>`+
			`<item><title>Nothing here</title><link>%[1]s/news/empty</link><description>%[3]s</description></item>`+
			`</channel></rss>`, ts.URL, itemText("budget"), teaser)
	}))
	defer ts.Close()
	store := "sqlite:" + filepath.Join(t.TempDir(), "g.db")
	follow := func() (string, error) {
		t.Helper()
		out, _, err := run(t, context.Background(), "", "follow", "--once", "--host-gap", "0", "--store", store, ts.URL+"/feed.xml")
		return out, err
	}
	broken := ts.URL + "/news/empty: "
	tests := []struct {
		name        string
		change      func()
		wantFailure bool
		wantCounts  string
		wantFetches int
	}{
		{name: "first poll reports it", wantFailure: true, wantCounts: "items=2 seen-before=0 invalid-before=0", wantFetches: 1},
		{name: "next poll knows it", wantCounts: "items=0 seen-before=1 invalid-before=1", wantFetches: 1},
		{name: "changed item is tried again", change: func() { teaser = "Read more, updated" }, wantFailure: true,
			wantCounts: "items=1 seen-before=1 invalid-before=0", wantFetches: 2},
		{name: "and then known again", wantCounts: "items=0 seen-before=1 invalid-before=1", wantFetches: 2},
	}
	for _, tt := range tests {
		if tt.change != nil {
			mu.Lock()
			tt.change()
			mu.Unlock()
		}
		out, err := follow()
		reported := strings.Contains(out, broken) && strings.Contains(out, "(INVALID)")
		if reported != tt.wantFailure {
			t.Errorf("%s: the broken item reported: %v, want %v\n%s", tt.name, reported, tt.wantFailure, out)
		}
		if failed := err != nil; failed != tt.wantFailure || (failed && exitCode(err) != 1) {
			t.Errorf("%s: error %v, want one (exit code 1): %v", tt.name, err, tt.wantFailure)
		}
		if !strings.Contains(out, tt.wantCounts) {
			t.Errorf("%s: want %q in\n%s", tt.name, tt.wantCounts, out)
		}
		mu.Lock()
		if fetches != tt.wantFetches {
			t.Errorf("%s: the broken page was fetched %d times, want %d", tt.name, fetches, tt.wantFetches)
		}
		mu.Unlock()
	}
}
