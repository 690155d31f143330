//go:build unix

package queue

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/newsgraph/newsgraph/graph"
)

// lockDir takes an exclusive lock on the embedded queue's folder, held
// until the returned file is closed (or the process dies): two JetStream
// servers writing one folder would corrupt it.
func lockDir(dir string) (*os.File, error) {
	const op = "queue.Open"
	f, err := os.OpenFile(filepath.Join(dir, "newsgraph.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, graph.E(op, graph.Unavailable, "cannot lock the queue folder "+dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, graph.Errorf(op, graph.Unavailable,
				"the embedded queue in %s is in use by another process; stop it, or share a NATS server between processes (--queue nats://HOST:4222)", dir)
		}
		return nil, graph.E(op, graph.Unavailable, "cannot lock the queue folder "+dir, err)
	}
	return f, nil
}
