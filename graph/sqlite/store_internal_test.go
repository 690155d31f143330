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
