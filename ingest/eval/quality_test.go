package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/eval"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestQuality scores the shipped tagger and the default extractor on every
// shared data set and logs the report docs/quality.md quotes:
//
//	go test ./ingest/eval -run TestQuality -v
//
// Set NEWSGRAPH_EVAL_SPLIT=train to score PolNeAR train and CoNLL04 test
// instead (for development; dev is the score).
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the full evaluation")
	}
	dir := filepath.Join("..", "..", eval.DefaultDataDir)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared eval data not found at %s: skipping", dir)
	}
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if split := os.Getenv("NEWSGRAPH_EVAL_SPLIT"); split != "" {
		res, err := eval.PolNeAR(ctx, dir, split, x)
		if err != nil {
			t.Fatal(err)
		}
		// CoNLL04 has no train split: its test split is the one to
		// develop against.
		rel, err := eval.CoNLL04(ctx, dir, "test", x)
		if err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + eval.Report{Results: []eval.Result{res, rel}}.String())
		return
	}
	rep, err := eval.Run(ctx, dir, m, x)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
	for _, r := range rep.Results {
		if r.Failed > 0 {
			t.Errorf("%s: %d documents failed, first: %s", r.Dataset, r.Failed, r.FirstErr)
		}
	}
}
