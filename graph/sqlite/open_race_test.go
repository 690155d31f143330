package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// openChildEnv names the file a child process of TestOpenAtOnce opens.
const openChildEnv = "NEWSGRAPH_SQLITE_OPEN_CHILD"

// TestOpenAtOnce opens one new file from several processes at the same
// time, as worker processes started together do: each must open it, the
// first creating it and the others waiting for its schema, none failing
// busy. Processes, not goroutines: SQLite's file locks do not conflict
// within one process.
func TestOpenAtOnce(t *testing.T) {
	if path := os.Getenv(openChildEnv); path != "" {
		s, err := sqlite.Open(context.Background(), path)
		if err == nil {
			err = s.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if testing.Short() {
		t.Skip("starts processes; -short skips it")
	}
	for round := range 40 {
		path := filepath.Join(t.TempDir(), "graph.db")
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestOpenAtOnce$")
				cmd.Env = append(os.Environ(), openChildEnv+"="+path)
				if out, err := cmd.CombinedOutput(); err != nil {
					errs[i] = fmt.Errorf("%v: %s", err, out)
				}
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, process %d: %v", round, i, err)
			}
		}
	}
}
