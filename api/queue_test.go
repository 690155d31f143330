package api_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/queue"
)

// newQueue opens an embedded queue in a temporary folder, with two workers
// running the real pipeline into store until the test ends.
func newQueue(t *testing.T, store graph.Store, opts ...ingest.Option) *queue.Queue {
	t.Helper()
	q, err := queue.Open(context.Background(), "", t.TempDir(), queue.Options{
		MaxAttempts: 2, Backoff: func(int) time.Duration { return 10 * time.Millisecond }})
	if err != nil {
		t.Fatalf("queue.Open: %v", err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New: %v", err)
	}
	in := ingest.New(x, store, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- q.Consume(ctx, 2, func(ctx context.Context, t *queue.Task) (queue.Counts, error) {
			a := t.Article
			r := in.IngestArticle(ctx, &a)
			return queue.Counts{Entities: r.Entities}, r.Err
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Consume: %v", err)
		}
		q.Close()
	})
	return q
}

// testJobsQuery reads the jobs testIngestArticle left, a page at a time
// and by status.
func testJobsQuery(t *testing.T, ts *httptest.Server) {
	const query = `query($status: JobStatus, $after: String) {
	  jobs(status: $status, first: 1, after: $after) {
	    totalCount
	    edges { cursor node { id status attempts location startedAt finishedAt error { code } } }
	    pageInfo { hasNextPage hasPreviousPage endCursor }
	  }
	}`
	type page struct {
		Jobs struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct {
					ID, Status            string
					Attempts              int
					Location              *string
					StartedAt, FinishedAt *string
					Error                 *struct{ Code string }
				}
			}
			PageInfo struct {
				HasNextPage, HasPreviousPage bool
				EndCursor                    *string
			}
		}
	}
	get := func(vars map[string]any) page {
		t.Helper()
		resp, _ := post(t, ts, query, vars)
		if len(resp.Errors) > 0 {
			t.Fatalf("jobs: %+v", resp.Errors)
		}
		var p page
		decodeInto(t, resp.Data, &p)
		return p
	}
	// Two jobs: the article, which succeeded, and the one too large.
	first := get(nil)
	if first.Jobs.TotalCount != 2 || len(first.Jobs.Edges) != 1 || !first.Jobs.PageInfo.HasNextPage || first.Jobs.PageInfo.HasPreviousPage {
		t.Fatalf("first page %+v", first.Jobs)
	}
	second := get(map[string]any{"after": *first.Jobs.PageInfo.EndCursor})
	if len(second.Jobs.Edges) != 1 || second.Jobs.PageInfo.HasNextPage || !second.Jobs.PageInfo.HasPreviousPage ||
		second.Jobs.Edges[0].Node.ID <= first.Jobs.Edges[0].Node.ID {
		t.Fatalf("second page %+v after %+v", second.Jobs, first.Jobs)
	}
	failed := get(map[string]any{"status": "FAILED"})
	if failed.Jobs.TotalCount != 1 {
		t.Fatalf("failed jobs %+v", failed.Jobs)
	}
	f := failed.Jobs.Edges[0].Node
	if f.Error == nil || f.Error.Code != "INVALID" || f.Attempts != 1 || f.FinishedAt == nil || f.StartedAt == nil {
		t.Errorf("failed job %+v", f)
	}
	ok := get(map[string]any{"status": "SUCCEEDED"})
	if ok.Jobs.TotalCount != 1 || ok.Jobs.Edges[0].Node.Location == nil || *ok.Jobs.Edges[0].Node.Location != "https://courier.example/tuesday" {
		t.Errorf("succeeded jobs %+v", ok.Jobs)
	}
	resp, _ := post(t, ts, `{ jobs(after: "bm9wZQ") { totalCount } }`, nil)
	if got := codes(resp); !equalStrings(got, []string{"INVALID"}) {
		t.Errorf("bad cursor: codes %v, want INVALID", got)
	}
}
