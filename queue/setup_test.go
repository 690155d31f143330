package queue

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsgraph/newsgraph/graph"
)

// startPlainServer starts a NATS server on a local port without
// JetStream, as a server is in the moment between accepting connections
// and having its JetStream ready.
func startPlainServer(t *testing.T) *server.Server {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("the test's NATS server did not start")
	}
	t.Cleanup(ns.Shutdown)
	return ns
}

// TestOpenWaitsForJetStream: a worker that connects before its server's
// JetStream is ready waits for it, and gives up after SetupWait with an
// error that says the queue is unavailable.
func TestOpenWaitsForJetStream(t *testing.T) {
	t.Run("ready later", func(t *testing.T) {
		ns := startPlainServer(t)
		dir := t.TempDir()
		go func() {
			time.Sleep(700 * time.Millisecond)
			if err := ns.EnableJetStream(&server.JetStreamConfig{StoreDir: dir}); err != nil {
				t.Errorf("EnableJetStream: %v", err)
			}
		}()
		start := time.Now()
		q, err := Open(context.Background(), ns.ClientURL(), "", Options{Namespace: "setup_wait"})
		if err != nil {
			t.Fatalf("Open = %v, want it to wait for JetStream", err)
		}
		defer q.Close()
		if waited := time.Since(start); waited < 500*time.Millisecond {
			t.Errorf("Open returned after %v, before JetStream was enabled", waited)
		}
	})
	t.Run("never ready", func(t *testing.T) {
		ns := startPlainServer(t)
		start := time.Now()
		q, err := Open(context.Background(), ns.ClientURL(), "", Options{SetupWait: 800 * time.Millisecond})
		if err == nil {
			q.Close()
			t.Fatal("Open succeeded on a server without JetStream")
		}
		if got := graph.ErrorCode(err); got != graph.Unavailable {
			t.Errorf("Open = %v (%s), want %s", err, got, graph.Unavailable)
		}
		if waited := time.Since(start); waited < 500*time.Millisecond || waited > 10*time.Second {
			t.Errorf("Open gave up after %v, want about its SetupWait", waited)
		}
	})
}
