// Package external_test runs the crash tests that need nats-server
// processes, in a package of its own for a timeout of its own.
package external_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/cmd/newsgraph/crashtest"
	"github.com/newsgraph/newsgraph/queue"
)

// TestCrashExternal runs an ingest that only queues, and workers on an
// external nats-server: it kills a worker mid-batch and starts another,
// then kills the nats-server and starts it again; the batch still ends
// with every article once.
func TestCrashExternal(t *testing.T) {
	data := crashtest.Data(t)
	nats := crashtest.StartNATS(t)
	want := crashtest.Expected(t, data)
	dir := t.TempDir()
	storePath := filepath.Join(dir, "g.db")
	common := []string{"--store", "sqlite:" + storePath, "--queue", nats.URL, "--ack-wait", "5s"}
	batch := crashtest.Start(t, "ingest", append(append([]string{"ingest", "--workers", "0"}, common...), data)...)
	w1 := crashtest.Start(t, "worker 1", append([]string{"worker", "-n", "2"}, common...)...)
	w1.KillAfter(t, int64(len(want.IDs)/4))
	w2 := crashtest.Start(t, "worker 2", append([]string{"worker", "-n", "2"}, common...)...)
	deadline := time.Now().Add(10 * time.Minute)
	for w2.Ingested.Load() < int64(len(want.IDs)/4) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	nats.Kill()
	t.Logf("nats-server killed after worker 2 ingested %d", w2.Ingested.Load())
	time.Sleep(time.Second)
	nats.Start(t)
	crashtest.CheckSummary(t, batch, want)
	w2.Stop(t)
	q, err := queue.Open(context.Background(), nats.URL, "", queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	jobs := crashtest.CheckOutcome(t, storePath, q, want)
	if crashtest.Redelivered(jobs) == 0 {
		t.Errorf("no job was delivered twice: the kill hit no work in flight")
	}
	t.Logf("%d articles: worker 1 ingested %d before its kill, worker 2 %d; %d jobs redelivered",
		len(want.IDs), w1.Ingested.Load(), w2.Ingested.Load(), crashtest.Redelivered(jobs))
}

// TestThreeWorkers ingests the folder with three worker processes on one
// external nats-server: every article once, and every worker did some.
func TestThreeWorkers(t *testing.T) {
	data := crashtest.Data(t)
	nats := crashtest.StartNATS(t)
	want := crashtest.Expected(t, data)
	dir := t.TempDir()
	storePath := filepath.Join(dir, "g.db")
	common := []string{"--store", "sqlite:" + storePath, "--queue", nats.URL}
	batch := crashtest.Start(t, "ingest", append(append([]string{"ingest", "--workers", "0"}, common...), data)...)
	var workers []*crashtest.Proc
	for i := range 3 {
		workers = append(workers, crashtest.Start(t, fmt.Sprintf("worker %d", i+1), append([]string{"worker", "-n", "1"}, common...)...))
	}
	crashtest.CheckSummary(t, batch, want)
	var spread []string
	for _, w := range workers {
		w.Stop(t)
		spread = append(spread, strconv.FormatInt(w.Ingested.Load(), 10))
		if w.Ingested.Load() == 0 {
			t.Errorf("%s ingested nothing", w.Name)
		}
	}
	q, err := queue.Open(context.Background(), nats.URL, "", queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	jobs := crashtest.CheckOutcome(t, storePath, q, want)
	by := map[string]int{}
	for _, j := range jobs {
		by[j.Worker]++
	}
	if len(by) != 3 {
		t.Errorf("jobs done by %d workers (%v), want 3", len(by), by)
	}
	t.Logf("%d articles, by worker: %s", len(want.IDs), strings.Join(spread, ", "))
}
