package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats.go"

	"github.com/newsgraph/newsgraph/graph"
)

// The contract suite runs on the embedded server always, and on the NATS
// servers of $NATS_URL when it is set: CI starts Debian's nats-server
// (.ci/nats.sh). Under CI=true a missing NATS_URL fails the external run.

// backend opens queues of one kind; every queue a test opens shares the
// test's namespace, as the processes of one deployment do.
type backend struct {
	name string
	// open opens the test's queue; client opens another connection to the
	// same queue, as another worker process would.
	open   func(t *testing.T, opts Options) *Queue
	client func(t *testing.T, q *Queue, opts Options) *Queue
}

func backends(t *testing.T) []backend {
	embedded := backend{
		name: "embedded",
		open: func(t *testing.T, opts Options) *Queue {
			return openQueue(t, "", t.TempDir(), opts)
		},
		client: func(t *testing.T, q *Queue, opts Options) *Queue {
			opts.defaults()
			c := &Queue{opts: opts, spec: "embedded"}
			nc, err := nats.Connect("", nats.InProcessServer(q.ns))
			if err != nil {
				t.Fatal(err)
			}
			c.nc = nc
			if err := c.setup(context.Background()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { nc.Close() })
			return c
		},
	}
	bs := []backend{embedded}
	url := os.Getenv("NATS_URL")
	switch {
	case url != "":
		ext := backend{name: "external", open: func(t *testing.T, opts Options) *Queue {
			return openQueue(t, url, "", opts)
		}}
		ext.client = func(t *testing.T, _ *Queue, opts Options) *Queue { return ext.open(t, opts) }
		bs = append(bs, ext)
	case os.Getenv("CI") == "true":
		t.Error("NATS_URL is not set: under CI=true the queue suite must run on an external nats-server (see .ci/nats.sh)")
	default:
		t.Log("NATS_URL not set: the suite runs on the embedded server only (set NATS_URL=nats://localhost:4222 to run it on a nats-server with JetStream too)")
	}
	return bs
}

func openQueue(t *testing.T, spec, dir string, opts Options) *Queue {
	t.Helper()
	q, err := Open(context.Background(), spec, dir, opts)
	if err != nil {
		t.Fatalf("Open(%q): %v", spec, err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// testOptions are quick options in a namespace of the test's own.
func testOptions(t *testing.T) Options {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return Options{
		Namespace:   "t" + hex.EncodeToString(b[:]),
		MaxAttempts: 3,
		AckWait:     time.Second,
		Backoff:     func(int) time.Duration { return 20 * time.Millisecond },
		Worker:      "test",
	}
}

// article returns a keyed article with text s.
func article(s string) Task {
	name := s[:min(len(s), 20)]
	a := graph.Article{Title: "T " + name, Outlet: "Test", Text: s}
	a.ContentHash = graph.ContentHash(s)
	a.ID = graph.ArticleID("", a.ContentHash)
	return Task{Location: name + ".txt", Article: a}
}

// consume runs workers until the test ends.
func consume(t *testing.T, q *Queue, n int, h Handler) context.CancelFunc {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- q.Consume(ctx, n, h) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Consume: %v", err)
		}
	}
	t.Cleanup(stop)
	return stop
}

// await polls a job until it is in state want.
func await(t *testing.T, q *Queue, id string, want Status) *Job {
	t.Helper()
	var j *Job
	eventually(t, 30*time.Second, func() (bool, string) {
		var err error
		j, err = q.Job(context.Background(), id)
		return err == nil && j.Status == want, fmt.Sprintf("job %s: %+v, %v; want status %s", id, j, err, want)
	})
	return j
}

// awaitEmpty waits until nothing is waiting, in flight or dead: a job's
// state says done just before its acknowledgement reaches the server.
func awaitEmpty(t *testing.T, q *Queue) {
	t.Helper()
	eventually(t, 10*time.Second, func() (bool, string) {
		d, err := q.Depth(context.Background())
		return err == nil && d == (Depth{}), fmt.Sprintf("depth %+v, %v; want empty", d, err)
	})
}

// eventually polls cond until it holds, failing with its last message after
// timeout.
func eventually(t *testing.T, timeout time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, msg := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// calls counts handler calls per article id.
type calls struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *calls) add(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[id]++
	return c.n[id]
}

func (c *calls) get(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[id]
}

func TestQueue(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Run("done once", func(t *testing.T) { testDoneOnce(t, b) })
			t.Run("retries", func(t *testing.T) { testRetries(t, b) })
			t.Run("dead letter and retry", func(t *testing.T) { testDeadLetter(t, b) })
			t.Run("worker dies", func(t *testing.T) { testWorkerDies(t, b) })
			t.Run("heartbeats", func(t *testing.T) { testHeartbeats(t, b) })
			t.Run("handler outlasts the state timeout", func(t *testing.T) { testSlowerThanState(t, b) })
			t.Run("list", func(t *testing.T) { testList(t, b) })
			t.Run("bad input", func(t *testing.T) { testBadInput(t, b) })
		})
	}
}

func testDoneOnce(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	task := article("one")
	// Queued twice before any worker runs: one job, one message.
	j1, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	j2, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	if j1.ID != j2.ID || j1.Status != Queued || j2.Status != Queued {
		t.Fatalf("jobs %+v and %+v, want one queued job", j1, j2)
	}
	if d, err := q.Depth(ctx); err != nil || d.Waiting != 1 {
		t.Fatalf("depth %+v, %v; want 1 waiting", d, err)
	}
	var c calls
	consume(t, q, 2, func(ctx context.Context, t *Task) (Counts, error) {
		c.add(t.Article.ID)
		return Counts{Entities: 3, Mentions: 4, Relationships: 1, Claims: 2}, nil
	})
	got := await(t, q, j1.ID, Done)
	want := Counts{Entities: 3, Mentions: 4, Relationships: 1, Claims: 2}
	if diff := cmp.Diff(want, got.Counts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if got.Attempts != 1 || got.ArticleID != task.Article.ID || got.Location != "one.txt" || got.Worker != "test" ||
		got.StartedAt.IsZero() || got.FinishedAt.Before(got.StartedAt) {
		t.Errorf("done job %+v", got)
	}
	// Queued again once done: nothing to do.
	j3, err := q.Enqueue(ctx, &task)
	if err != nil || j3.Status != Done {
		t.Fatalf("re-enqueue of a done job: %+v, %v", j3, err)
	}
	time.Sleep(200 * time.Millisecond)
	if n := c.get(task.Article.ID); n != 1 {
		t.Errorf("handler ran %d times, want 1", n)
	}
	awaitEmpty(t, q)

	// Asked for again (re-extraction): the done job runs once more.
	again := task
	again.Again = true
	if _, err := q.Enqueue(ctx, &again); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, func() (bool, string) {
		return c.get(task.Article.ID) == 2, fmt.Sprintf("handler ran %d times after Again, want 2", c.get(task.Article.ID))
	})
	if j := await(t, q, j1.ID, Done); j.Enqueues != 1 {
		t.Errorf("job after Again: %+v, want 1 enqueue after the first", j)
	}
	awaitEmpty(t, q)
}

func testRetries(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	flaky, broken := article("flaky"), article("broken")
	var c calls
	consume(t, q, 1, func(ctx context.Context, t *Task) (Counts, error) {
		n := c.add(t.Article.ID)
		if t.Article.ID == broken.Article.ID || n == 1 {
			return Counts{}, graph.Errorf("test", graph.Unavailable, "store away (attempt %d)", n)
		}
		return Counts{}, nil
	})
	jf, err := q.Enqueue(ctx, &flaky)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := q.Enqueue(ctx, &broken)
	if err != nil {
		t.Fatal(err)
	}
	if got := await(t, q, jf.ID, Done); got.Attempts != 2 || got.Code != "" {
		t.Errorf("flaky job %+v, want done on attempt 2 with no error", got)
	}
	got := await(t, q, jb.ID, Failed)
	if got.Attempts != 3 || got.Code != graph.Unavailable || got.Reason != "store away (attempt 3)" {
		t.Errorf("broken job %+v, want failed after 3 attempts with the last reason", got)
	}
	if n := c.get(broken.Article.ID); n != 3 {
		t.Errorf("broken article tried %d times, want 3", n)
	}
}

func testDeadLetter(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	task := article("invalid until fixed")
	var fixed atomic.Bool
	var c calls
	consume(t, q, 1, func(ctx context.Context, t *Task) (Counts, error) {
		c.add(t.Article.ID)
		if !fixed.Load() {
			return Counts{}, graph.Errorf("test", graph.Invalid, "article text is not valid UTF-8")
		}
		return Counts{Entities: 1}, nil
	})
	j, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	got := await(t, q, j.ID, Failed)
	if got.Attempts != 1 || got.Code != graph.Invalid || got.Reason != "article text is not valid UTF-8" {
		t.Errorf("failed job %+v, want INVALID after 1 attempt", got)
	}
	msg, err := q.dead.GetLastMsgForSubject(ctx, q.deadSubject(j.ID))
	if err != nil {
		t.Fatalf("dead letter: %v", err)
	}
	if code, reason := msg.Header.Get(headerCode), msg.Header.Get(headerReason); code != "INVALID" || reason != got.Reason {
		t.Errorf("dead letter says %s %q", code, reason)
	}
	eventually(t, 10*time.Second, func() (bool, string) { // the state is written before the task is let go
		d, err := q.Depth(ctx)
		return err == nil && d == Depth{Dead: 1}, fmt.Sprintf("depth %+v, %v; want 1 dead, none waiting", d, err)
	})
	if _, err := q.Retry(ctx, "job_nosuch"); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Retry(unknown) = %v, want NOT_FOUND", err)
	}
	fixed.Store(true)
	if r, err := q.Retry(ctx, j.ID); err != nil || r.Status == Failed || r.Enqueues != 1 && r.Status == Queued {
		t.Fatalf("Retry = %+v, %v", r, err)
	}
	if got := await(t, q, j.ID, Done); got.Attempts != 1 || got.Counts.Entities != 1 {
		t.Errorf("retried job %+v", got)
	}
	if _, err := q.Retry(ctx, j.ID); graph.ErrorCode(err) != graph.Conflict {
		t.Errorf("Retry(done) = %v, want CONFLICT", err)
	}
	awaitEmpty(t, q)
	if n := c.get(task.Article.ID); n != 2 {
		t.Errorf("handler ran %d times, want 2", n)
	}
}

// testWorkerDies drops a worker's connection while it runs a task: the
// task goes to the other worker after the ack wait.
func testWorkerDies(t *testing.T, b backend) {
	ctx := context.Background()
	opts := testOptions(t)
	q := b.open(t, opts)
	dying := b.client(t, q, opts)
	started := make(chan struct{})
	release := make(chan struct{})
	consume(t, dying, 1, func(ctx context.Context, _ *Task) (Counts, error) {
		close(started)
		<-release
		return Counts{}, nil
	})
	task := article("survives")
	j, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	<-started
	dying.nc.Close() // the worker is gone: no ack, no heartbeat
	close(release)
	if got := await(t, q, j.ID, Running); got.Attempts != 1 {
		t.Errorf("job %+v, want running attempt 1", got)
	}
	var c calls
	consume(t, q, 1, func(ctx context.Context, t *Task) (Counts, error) {
		c.add(t.Article.ID)
		return Counts{}, nil
	})
	if got := await(t, q, j.ID, Done); got.Attempts != 2 {
		t.Errorf("job %+v, want done on attempt 2", got)
	}
	if n := c.get(task.Article.ID); n != 1 {
		t.Errorf("second worker ran the task %d times, want 1", n)
	}
}

// testHeartbeats runs a task for three ack waits: heartbeats keep it from
// being delivered again meanwhile.
func testHeartbeats(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	var c calls
	consume(t, q, 2, func(ctx context.Context, t *Task) (Counts, error) {
		c.add(t.Article.ID)
		time.Sleep(3 * time.Second)
		return Counts{}, nil
	})
	task := article("slow")
	j, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	if got := await(t, q, j.ID, Done); got.Attempts != 1 {
		t.Errorf("job %+v, want done on attempt 1", got)
	}
	if n := c.get(task.Article.ID); n != 1 {
		t.Errorf("slow task ran %d times, want 1", n)
	}
}

// testSlowerThanState checks that a job whose handler takes longer than
// the bookkeeping's timeout (an article waiting for a slow group commit)
// is still recorded done.
func testSlowerThanState(t *testing.T, b backend) {
	ctx := context.Background()
	opts := testOptions(t)
	opts.stateTimeout = 500 * time.Millisecond
	q := b.open(t, opts)
	consume(t, q, 1, func(ctx context.Context, t *Task) (Counts, error) {
		time.Sleep(3 * opts.stateTimeout)
		return Counts{Entities: 1}, nil
	})
	task := article("slower than the state timeout")
	j, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	if got := await(t, q, j.ID, Done); got.Counts.Entities != 1 {
		t.Errorf("job %+v, want done with its counts", got)
	}
}

func testList(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	var ids []string
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		task := article(s)
		j, err := q.Enqueue(ctx, &task)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	bad := article("bad")
	consume(t, q, 1, func(ctx context.Context, t *Task) (Counts, error) {
		if t.Article.ID == bad.Article.ID {
			return Counts{}, graph.Errorf("test", graph.Invalid, "bad")
		}
		return Counts{}, nil
	})
	jb, err := q.Enqueue(ctx, &bad)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		await(t, q, id, Done)
	}
	await(t, q, jb.ID, Failed)
	// Every done job, two at a time.
	var got []string
	after := ""
	for range 10 {
		p, err := q.List(ctx, Filter{Status: Done, First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 5 {
			t.Errorf("total %d, want 5", p.Total)
		}
		for _, j := range p.Jobs {
			got = append(got, j.ID)
		}
		if !p.HasNext {
			break
		}
		after = p.Jobs[len(p.Jobs)-1].ID
	}
	want := append([]string(nil), ids...)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("done jobs (-want +got):\n%s", diff)
	}
	p, err := q.List(ctx, Filter{Status: Failed})
	if err != nil || len(p.Jobs) != 1 || p.Jobs[0].ID != jb.ID || p.HasNext {
		t.Errorf("failed jobs %+v, %v", p, err)
	}
	if _, err := q.List(ctx, Filter{Status: "lost"}); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("List(lost) = %v, want INVALID", err)
	}
	if _, err := q.Job(ctx, "job_nosuch"); graph.ErrorCode(err) != graph.NotFound {
		t.Errorf("Job(unknown) = %v, want NOT_FOUND", err)
	}
}

func testBadInput(t *testing.T, b backend) {
	ctx := context.Background()
	q := b.open(t, testOptions(t))
	huge := article(strings.Repeat("word ", int(q.nc.MaxPayload()/5)+1))
	if _, err := q.Enqueue(ctx, &huge); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("Enqueue(huge) = %v, want INVALID", err)
	}
	if _, err := q.Enqueue(ctx, &Task{}); graph.ErrorCode(err) != graph.Invalid {
		t.Errorf("Enqueue(no id) = %v, want INVALID", err)
	}
	// A 3 MiB article fits.
	big := article(strings.Repeat("word ", 3<<20/5))
	if _, err := q.Enqueue(ctx, &big); err != nil {
		t.Errorf("Enqueue(3 MiB) = %v", err)
	}
}

// TestEmbeddedRestart closes the embedded queue and opens it again on the
// same folder: queued tasks and job states are still there.
func TestEmbeddedRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := testOptions(t)
	q, err := Open(ctx, "embedded", dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	task := article("kept")
	j, err := q.Enqueue(ctx, &task)
	if err != nil {
		t.Fatal(err)
	}
	q.Close()
	q = openQueue(t, "embedded", dir, opts)
	if got, err := q.Job(ctx, j.ID); err != nil || got.Status != Queued {
		t.Fatalf("after restart: %+v, %v", got, err)
	}
	consume(t, q, 1, func(context.Context, *Task) (Counts, error) { return Counts{}, nil })
	await(t, q, j.ID, Done)
}

// TestEmbeddedLocked: a second embedded queue on a folder in use fails
// clearly instead of corrupting it.
func TestEmbeddedLocked(t *testing.T) {
	dir := t.TempDir()
	openQueue(t, "", dir, testOptions(t))
	q, err := Open(context.Background(), "", dir, testOptions(t))
	if err == nil {
		q.Close()
	}
	if graph.ErrorCode(err) != graph.Unavailable || !strings.Contains(graph.ErrorMessage(err), "in use by another process") {
		t.Errorf("second Open = %v, want UNAVAILABLE, in use", err)
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name, spec, dir string
		opts            Options
		want            graph.Code
	}{
		{"unknown scheme", "redis://x", "", Options{}, graph.Invalid},
		{"embedded without folder", "embedded", "", Options{}, graph.Invalid},
		{"bad namespace", "", "x", Options{Namespace: "a.b"}, graph.Invalid},
		{"nobody listening", "nats://127.0.0.1:1", "", Options{}, graph.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Open(context.Background(), tt.spec, tt.dir, tt.opts)
			if err == nil {
				q.Close()
			}
			if got := graph.ErrorCode(err); got != tt.want {
				t.Errorf("Open = %v (%s), want %s", err, got, tt.want)
			}
			var ge *graph.Error
			if !errors.As(err, &ge) {
				t.Errorf("error %T is not a *graph.Error", err)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	if got := redact("nats://u:secret@h1:4222,nats://h2:4222"); got != "nats://xxxxx@h1:4222,nats://h2:4222" {
		t.Errorf("redact = %q", got)
	}
}
