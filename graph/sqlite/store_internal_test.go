package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// TestWriterPragmas checks that the writer connection runs with the
// settings the acknowledge-after-commit contract and bulk loads rely on.
func TestWriterPragmas(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		pragma, want string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"}, // FULL: a commit is on disk when it returns
		{"wal_autocheckpoint", "10000"},
	} {
		var got string
		if err := s.write.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

// TestStatsLeavesTheReaderMapped: Stats counts without the file mapped (see
// Stats), and the reader it used maps the file again for what follows.
func TestStatsLeavesTheReaderMapped(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "graph.db"), WithReadConns(1))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mapped := func() (n int64) {
		if err := s.read.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := mapped()
	if before == 0 {
		t.Fatal("the reader does not map the file")
	}
	if _, err := s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if after := mapped(); after != before {
		t.Errorf("mmap_size after Stats = %d, want %d as before", after, before)
	}
}
