package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
)

const testKey = "k3y-for-tests"

// postWith is post with request headers.
func postWith(t testing.TB, ts *httptest.Server, header http.Header, query string, vars map[string]any) (gqlResponse, int) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, raw)
	}
	return out, resp.StatusCode
}

func bearer(key string) http.Header { return http.Header{"Authorization": {"Bearer " + key}} }

// codes lists the codes of a response's errors.
func codes(resp gqlResponse) []string {
	var cs []string
	for _, e := range resp.Errors {
		cs = append(cs, e.code())
	}
	return cs
}

func TestAPIKeys(t *testing.T) { eachStore(t, testAPIKeys) }

func testAPIKeys(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, _ := world(t, store)
	const (
		read     = `{ stats { articles } }`
		mutation = `mutation($id: ID!) { retractArticle(id: $id) }`
	)
	missing := map[string]any{"id": "art_000000000000000000000000"} // NOT_FOUND once authorized
	open := serve(t, store, api.WithAPIKeys(testKey, "another"))
	closed := serve(t, store, api.WithAPIKeys(testKey), api.WithReadAuth(true))
	keyless := serve(t, store)
	tests := []struct {
		name   string
		ts     *httptest.Server
		header http.Header
		query  string
		want   []string // error codes; nil for success
	}{
		{"reads are open by default", open, nil, read, nil},
		{"mutation without a key", open, nil, mutation, []string{"UNAUTHORIZED"}},
		{"mutation with a wrong key", open, bearer("nope"), mutation, []string{"UNAUTHORIZED"}},
		{"mutation with a key of another scheme", open, http.Header{"Authorization": {"Basic " + testKey}}, mutation, []string{"UNAUTHORIZED"}},
		{"mutation with a bearer key", open, bearer(testKey), mutation, []string{"NOT_FOUND"}},
		{"mutation with the second key", open, bearer("another"), mutation, []string{"NOT_FOUND"}},
		{"mutation with X-API-Key", open, http.Header{"X-Api-Key": {testKey}}, mutation, []string{"NOT_FOUND"}},
		{"no keys configured: no mutations", keyless, bearer(testKey), mutation, []string{"UNAUTHORIZED"}},
		{"read auth: read without a key", closed, nil, read, []string{"UNAUTHORIZED"}},
		{"read auth: read with a key", closed, bearer(testKey), read, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, status := postWith(t, tt.ts, tt.header, tt.query, missing)
			if status != 200 {
				t.Errorf("status %d", status)
			}
			if got := codes(resp); !equalStrings(got, tt.want) {
				t.Errorf("codes = %v, want %v (%+v)", got, tt.want, resp.Errors)
			}
		})
	}
	// With read auth, /healthz still answers, without the store's counts.
	status, _, body := get(t, closed.URL, "/healthz")
	if status != 200 || strings.Contains(string(body), "stats") || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("healthz with read auth, no key: %d %s", status, body)
	}
	// An unauthorized mutation changed nothing.
	if _, err := store.Article(t.Context(), courier.ID); err != nil {
		t.Errorf("article gone after refused mutations: %v", err)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRetractArticle retracts the Courier's article: its evidence goes, the
// facts it alone supported disappear, the warning keeps Meridian's citation.
func TestRetractArticle(t *testing.T) { eachStore(t, testRetractArticle) }

func testRetractArticle(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	courier, meridian := world(t, store)
	ts := serve(t, store, api.WithAPIKeys(testKey))
	ids := worldIDs(courier, meridian)
	resp, _ := postWith(t, ts, bearer(testKey), `mutation($id: ID!) { retractArticle(id: $id) }`, map[string]any{"id": courier.ID})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	runCases(t, ts, ids, []queryCase{{
		name:  "after the retraction",
		query: `{ stats { articles relationships claims } relationships { nodes { type } } claim(id: "{claim}") { evidenceCount firstAppearance { article { id } } } old: node(id: "{courier}") { id } }`,
		want:  `{"stats": {"articles": 1, "relationships": 1, "claims": 1}, "relationships": {"nodes": [{"type": "HOSTED"}]}, "claim": {"evidenceCount": 1, "firstAppearance": {"article": {"id": "{meridian}"}}}, "old": null}`,
	}})
	resp, _ = postWith(t, ts, bearer(testKey), `mutation($id: ID!) { retractArticle(id: $id) }`, map[string]any{"id": courier.ID})
	if got := codes(resp); !equalStrings(got, []string{"NOT_FOUND"}) {
		t.Errorf("retracting twice: codes %v, want NOT_FOUND", got)
	}
}

// newPipeline is the real ingest pipeline on store.
func newPipeline(t *testing.T, store graph.Store, opts ...ingest.Option) api.Ingester {
	t.Helper()
	x, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	return api.PipelineIngester(ingest.New(x, store, opts...), t.TempDir())
}

// job is the Job of the schema.
type job struct {
	ID        string
	Status    string
	ArticleID string
	Error     *struct{ Code, Message string }
	Article   *struct{ Title, Outlet, PublishedAt string }
}

// awaitJob polls a job until it has finished.
func awaitJob(t *testing.T, ts *httptest.Server, id string) job {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, _ := post(t, ts, `query($id: ID!) { job(id: $id) { id status articleId error { code message } article { title outlet publishedAt } } }`, map[string]any{"id": id})
		if len(resp.Errors) > 0 {
			t.Fatalf("job: %+v", resp.Errors)
		}
		var data struct{ Job *job }
		decodeInto(t, resp.Data, &data)
		if data.Job == nil {
			t.Fatalf("job %s unknown", id)
		}
		if data.Job.Status == "SUCCEEDED" || data.Job.Status == "FAILED" {
			return *data.Job
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s still %s", id, data.Job.Status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestIngestArticle runs the mutation's jobs on the server's own workers
// (jobs in memory) and on a durable queue (an embedded JetStream, with
// workers of the real pipeline), on each backend.
func TestIngestArticle(t *testing.T) {
	eachStore(t, func(t *testing.T, openStore func(testing.TB) graph.Store) {
		t.Run("in memory", func(t *testing.T) {
			store := openStore(t)
			testIngestArticle(t, store, api.WithIngestWorkers(2),
				api.WithIngester(newPipeline(t, store, ingest.WithMaxTextBytes(400))))
		})
		t.Run("durable queue", func(t *testing.T) {
			store := openStore(t)
			q := newQueue(t, store, ingest.WithMaxTextBytes(400))
			ts := testIngestArticle(t, store, api.WithQueue(q))
			testJobsQuery(t, ts)
		})
	})
}

func testIngestArticle(t *testing.T, store graph.Store, opts ...api.Option) *httptest.Server {
	srv := api.NewServer(store, append([]api.Option{api.WithAPIKeys(testKey)}, opts...)...)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.Close() })

	const mutation = `mutation($in: IngestArticleInput!) { ingestArticle(input: $in) { id status articleId } }`
	text := "The Northern Front clashed with the Valley Guard near Eastport on Tuesday, residents said."
	tests := []struct {
		name       string
		input      map[string]any
		wantCode   string // of the mutation itself
		wantStatus string // of the job
		wantJobErr string
	}{
		{"an article", map[string]any{"url": "https://courier.example/tuesday", "title": "Clashes again", "outlet": "Lakeside Courier",
			"publishedAt": "2024-03-12T10:00:00Z", "text": text}, "", "SUCCEEDED", ""},
		{"no text", map[string]any{"title": "Empty", "outlet": "Lakeside Courier", "text": "  "}, "INVALID", "", ""},
		{"no outlet", map[string]any{"title": "Nobody's", "outlet": "", "text": text}, "INVALID", "", ""},
		{"not an http URL", map[string]any{"url": "ftp://x", "title": "T", "outlet": "O", "text": text}, "INVALID", "", ""},
		{"too large for the pipeline", map[string]any{"title": "Long", "outlet": "Lakeside Courier", "text": string(bytes.Repeat([]byte("word "), 100))},
			"", "FAILED", "INVALID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := postWith(t, ts, bearer(testKey), mutation, map[string]any{"in": tt.input})
			if tt.wantCode != "" {
				if got := codes(resp); !equalStrings(got, []string{tt.wantCode}) {
					t.Fatalf("codes %v, want %s", got, tt.wantCode)
				}
				return
			}
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			var data struct{ IngestArticle job }
			decodeInto(t, resp.Data, &data)
			j := data.IngestArticle
			if j.Status != "QUEUED" && j.Status != "RUNNING" && j.Status != "SUCCEEDED" && j.Status != "FAILED" {
				t.Errorf("new job status %q", j.Status)
			}
			done := awaitJob(t, ts, j.ID)
			if done.Status != tt.wantStatus {
				t.Fatalf("job %s, want %s (%+v)", done.Status, tt.wantStatus, done.Error)
			}
			if tt.wantJobErr != "" {
				if done.Error == nil || done.Error.Code != tt.wantJobErr || done.Article != nil {
					t.Errorf("failed job: error %+v, article %+v; want code %s, no article", done.Error, done.Article, tt.wantJobErr)
				}
				return
			}
			want := graph.ArticleID(tt.input["url"].(string), graph.ContentHash(text))
			if done.ArticleID != want || done.Article == nil || done.Article.Title != "Clashes again" || done.Article.PublishedAt != "2024-03-12T10:00:00Z" {
				t.Errorf("job %+v, article %+v; want article %s", done, done.Article, want)
			}
			a, err := store.Article(t.Context(), want)
			if err != nil || a.Outlet != "Lakeside Courier" {
				t.Errorf("stored article %+v, %v", a, err)
			}
		})
	}
	t.Run("unknown job", func(t *testing.T) {
		resp, _ := post(t, ts, `{ job(id: "job_000000000000000000000000") { id } node(id: "job_000000000000000000000000") { id } }`, nil)
		if len(resp.Errors) > 0 || string(resp.Data) != `{"job":null,"node":null}` {
			t.Errorf("data %s, errors %+v", resp.Data, resp.Errors)
		}
	})
	t.Run("without an ingester", func(t *testing.T) {
		other := serve(t, store, api.WithAPIKeys(testKey))
		resp, _ := postWith(t, other, bearer(testKey), mutation, map[string]any{"in": map[string]any{"title": "T", "outlet": "O", "text": text}})
		if got := codes(resp); !equalStrings(got, []string{"UNAVAILABLE"}) {
			t.Errorf("codes %v, want UNAVAILABLE", got)
		}
	})
	return ts
}
