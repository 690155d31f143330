package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestDumpBBC writes the extraction of every BBC file, one JSON line each,
// to the file named by NEWSGRAPH_DUMP (with the models named by
// NEWSGRAPH_DUMP_MODELS, fast by default). It is a tool for checking that
// a change meant to be output-neutral (speed work) is: dump before and
// after, and diff. Without the variable it is skipped.
func TestDumpBBC(t *testing.T) {
	out := os.Getenv("NEWSGRAPH_DUMP")
	if out == "" {
		t.Skip("NEWSGRAPH_DUMP not set")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval-data", "bbc-news", "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("bbc-news not available in ../shared/eval-data")
	}
	models := Fast
	if m := os.Getenv("NEWSGRAPH_DUMP_MODELS"); m != "" {
		models = Models(m)
	}
	x, err := NewWith(models)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := &graph.Article{ID: filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p), Text: strings.ToValidUTF8(string(data), "\uFFFD")}
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			if err := enc.Encode(map[string]string{"id": a.ID, "error": err.Error()}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := enc.Encode(ex); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
