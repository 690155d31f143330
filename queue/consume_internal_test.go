package queue

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/graph"
)

// TestOverlappingDeliveries runs two deliveries of one task at once, as
// after a NATS restart: the second finishes the job, then the first is
// cancelled by its worker stopping. The job must stay done.
func TestOverlappingDeliveries(t *testing.T) {
	ctx := context.Background()
	q, err := Open(ctx, "", t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	task := &Task{Article: graph.Article{ID: "a1", ContentHash: "h1", Title: "T"}, Location: "a1.txt"}
	job, err := q.Enqueue(ctx, task)
	if err != nil {
		t.Fatal(err)
	}
	batch, err := q.cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := <-batch.Messages()
	if !ok {
		t.Fatalf("no task fetched: %v", batch.Error())
	}

	firstCtx, stopFirst := context.WithCancel(ctx)
	started, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		q.deliver(firstCtx, m, func(ctx context.Context, _ *Task) (Counts, error) {
			close(started)
			<-ctx.Done()
			return Counts{}, ctx.Err()
		})
	}()
	<-started
	q.deliver(ctx, m, func(context.Context, *Task) (Counts, error) { return Counts{Entities: 1}, nil })
	if got, err := q.Job(ctx, job.ID); err != nil || got.Status != Done {
		t.Fatalf("after the second delivery: %+v, %v; want done", got, err)
	}
	stopFirst()
	<-ended
	got, err := q.Job(ctx, job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Done {
		t.Errorf("job %s after the first delivery was cancelled, want %s", got.Status, Done)
	}
}
