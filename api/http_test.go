package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

// get fetches path from the test server and returns status, content type
// and body.
func get(t *testing.T, base, path string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

func TestRoutes(t *testing.T) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		wantType   string
		wantBody   []string // substrings
	}{
		{"the explorer at the root", "/", 200, "text/html", []string{"<title>newsgraph"}},
		{"GraphiQL", "/graphiql", 200, "text/html", []string{"graphiql"}},
		{"query over GET", "/graphql?query=" + url.QueryEscape(`{ stats { articles } }`), 200, "application/json", []string{`{"data":{"stats":{"articles":2}}}`}},
		{"unknown path", "/nothing", 404, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, ctype, body := get(t, ts.URL, tt.path)
			if status != tt.wantStatus {
				t.Errorf("status = %d, want %d", status, tt.wantStatus)
			}
			if !strings.HasPrefix(ctype, tt.wantType) {
				t.Errorf("Content-Type = %q, want %q", ctype, tt.wantType)
			}
			for _, s := range tt.wantBody {
				if !strings.Contains(strings.ToLower(string(body)), strings.ToLower(s)) {
					t.Errorf("body lacks %q:\n%.300s", s, body)
				}
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	store := openStore(t)
	world(t, store)
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	ts := serve(t, store, api.WithClock(func() time.Time { return now }))

	status, ctype, body := get(t, ts.URL, "/healthz")
	if status != 200 || ctype != "application/json" {
		t.Fatalf("status %d, Content-Type %q", status, ctype)
	}
	want := map[string]any{"status": "ok", "time": "2025-01-02T03:04:05Z", "stats": map[string]any{
		"articles": 2.0, "entities": 7.0, "mentions": 9.0, "relationships": 3.0, "claims": 1.0, "citations": 5.0,
	}}
	if diff := cmp.Diff(want, decode(t, body)); diff != "" {
		t.Errorf("healthy answer mismatch (-want +got):\n%s", diff)
	}

	store.Close()
	status, _, body = get(t, ts.URL, "/healthz")
	var got map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("unhealthy answer is not JSON: %v\n%s", err, body)
	}
	if status != http.StatusServiceUnavailable || got["status"] != "unavailable" || got["code"] == "" {
		t.Errorf("with the store closed: status %d, body %s; want 503, unavailable, a code", status, body)
	}
}

// TestPaging walks every entity page by page with cursors, and checks that
// the pages join up to the one-page list with nothing lost or repeated.
func TestPaging(t *testing.T) { eachStore(t, testPaging) }

func testPaging(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)

	resp, _ := post(t, ts, `{ entities(first: 1000) { totalCount nodes { id } } }`, nil)
	var all struct {
		Entities struct {
			TotalCount int
			Nodes      []struct{ ID string }
		}
	}
	if err := json.Unmarshal(resp.Data, &all); err != nil || len(resp.Errors) > 0 {
		t.Fatalf("full list: %v %+v", err, resp.Errors)
	}
	if all.Entities.TotalCount != len(all.Entities.Nodes) || len(all.Entities.Nodes) != 7 {
		t.Fatalf("totalCount %d, %d nodes; want 7 and 7", all.Entities.TotalCount, len(all.Entities.Nodes))
	}

	var paged []string
	var after *string
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		resp, _ := post(t, ts, `query($after: String) { entities(first: 3, after: $after) {
			edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
			map[string]any{"after": after})
		var page struct {
			Entities struct {
				Edges []struct {
					Cursor string
					Node   struct{ ID string }
				}
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       *string
				}
			}
		}
		if err := json.Unmarshal(resp.Data, &page); err != nil || len(resp.Errors) > 0 {
			t.Fatalf("page %d: %v %+v", pages, err, resp.Errors)
		}
		e := page.Entities
		if e.PageInfo.HasPreviousPage != (pages > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", pages, e.PageInfo.HasPreviousPage)
		}
		for _, edge := range e.Edges {
			paged = append(paged, edge.Node.ID)
		}
		if n := len(e.Edges); n > 0 && (*e.PageInfo.StartCursor != e.Edges[0].Cursor || *e.PageInfo.EndCursor != e.Edges[n-1].Cursor) {
			t.Errorf("page %d: start/end cursors do not match the edges", pages)
		}
		if !e.PageInfo.HasNextPage {
			break
		}
		after = e.PageInfo.EndCursor
	}
	var want []string
	for _, n := range all.Entities.Nodes {
		want = append(want, n.ID)
	}
	if diff := cmp.Diff(want, paged); diff != "" {
		t.Errorf("paged ids differ from the full list (-want +got):\n%s", diff)
	}
}

// TestCitationsPointIntoTheArticle checks every citation the API returns
// against the text of the article it names: the offsets, in code points,
// must select a span of the cited sentence, and the sentence must be in the
// text.
func TestCitationsPointIntoTheArticle(t *testing.T) { eachStore(t, testCitationsPointIntoTheArticle) }

func testCitationsPointIntoTheArticle(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	resp, _ := post(t, ts, `{
		relationships { nodes { citations { sentence start end trigger article { text } } } }
		claims { nodes { citations { sentence start end text source { start end text } cue { start end text } article { text } } } } }`, nil)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	type span struct {
		Start, End int
		Text       string
	}
	var data struct {
		Relationships struct {
			Nodes []struct {
				Citations []struct {
					Sentence, Trigger string
					Start, End        int
					Article           struct{ Text string }
				}
			}
		}
		Claims struct {
			Nodes []struct {
				Citations []struct {
					Sentence, Text string
					Start, End     int
					Source, Cue    span
					Article        struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		t.Fatal(err)
	}
	checks := 0
	check := func(what, text, sentence string, start, end int, wantSpan string) {
		t.Helper()
		checks++
		runes := []rune(text)
		if start < 0 || end > len(runes) || start > end {
			t.Errorf("%s: [%d,%d) outside a text of %d code points", what, start, end, len(runes))
			return
		}
		got := string(runes[start:end])
		if !strings.Contains(text, sentence) || !strings.Contains(sentence, got) {
			t.Errorf("%s: span %q is not in sentence %q of the article", what, got, sentence)
		}
		if wantSpan != "" && got != wantSpan {
			t.Errorf("%s: offsets select %q, want %q", what, got, wantSpan)
		}
	}
	for _, r := range data.Relationships.Nodes {
		for _, c := range r.Citations {
			check("relationship", c.Article.Text, c.Sentence, c.Start, c.End, "")
			if !strings.Contains(string([]rune(c.Article.Text)[c.Start:c.End]), c.Trigger) {
				t.Errorf("relationship span lacks its trigger %q", c.Trigger)
			}
		}
	}
	for _, cl := range data.Claims.Nodes {
		for _, c := range cl.Citations {
			check("claim content", c.Article.Text, c.Sentence, c.Start, c.End, c.Text)
			check("claim source", c.Article.Text, c.Sentence, c.Source.Start, c.Source.End, c.Source.Text)
			check("claim cue", c.Article.Text, c.Sentence, c.Cue.Start, c.Cue.End, c.Cue.Text)
		}
	}
	if checks != 3+3*2 {
		t.Errorf("checked %d spans, want 9: the fixture's citations did not all come back", checks)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) lines(t *testing.T) []map[string]any {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, l := range bytes.Split(bytes.TrimSpace(b.buf.Bytes()), []byte("\n")) {
		var m map[string]any
		decodeInto(t, l, &m)
		out = append(out, m)
	}
	return out
}

// TestLogging checks the request log line, and that an internal error is
// logged with its cause, which the client never sees.
func TestLogging(t *testing.T) {
	store := openStore(t)
	world(t, store)
	var logs syncBuffer
	ts := serve(t, store, api.WithLogger(zerolog.New(&logs)))

	post(t, ts, `query Counts { stats { articles } }`, nil)
	store.Close()
	post(t, ts, `query Broken { stats { articles } }`, nil)

	var requests, internal []map[string]any
	for _, l := range logs.lines(t) {
		switch l["message"] {
		case "request":
			requests = append(requests, l)
		case "internal error":
			internal = append(internal, l)
		}
	}
	if len(requests) != 2 || requests[0]["operation"] != "Counts" || requests[0]["path"] != "/graphql" ||
		requests[0]["status"] != 200.0 || requests[1]["operation"] != "Broken" {
		t.Errorf("request lines = %v", requests)
	}
	if len(internal) != 1 || !strings.Contains(fmt.Sprint(internal[0]["error"]), "sqlite.Stats") {
		t.Errorf("internal error lines = %v, want one naming sqlite.Stats", internal)
	}
}
