package api

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// BatchIngester is the part of *ingest.Ingester that PipelineIngester uses.
type BatchIngester interface {
	Ingest(ctx context.Context, targets ...string) (*ingest.Summary, error)
}

var _ BatchIngester = (*ingest.Ingester)(nil)

// PipelineIngester returns an Ingester that runs each article through the
// real ingest pipeline of in: the same checks, extraction and atomic write,
// and the same failure codes, as an article read from a JSON file. The
// pipeline reads sources, not values, so each article is written to a
// private JSON file under dir (os.TempDir() when empty) and removed after.
//
// TODO(issue 5): an (*ingest.Ingester).IngestArticle taking the article
// itself would make the file unnecessary; ingest's owner has the request.
func PipelineIngester(in BatchIngester, dir string) Ingester {
	return &pipelineIngester{in: in, dir: dir}
}

type pipelineIngester struct {
	in  BatchIngester
	dir string
}

// record mirrors the JSON article format of package ingest
// (see the README, "a .jsonl file").
type record struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	PublishedAt string `json:"published_at,omitempty"`
	Text        string `json:"text"`
}

func (p *pipelineIngester) IngestArticle(ctx context.Context, a *graph.Article) error {
	const op = "api.PipelineIngester"
	rec := record{URL: a.URL, Title: a.Title, Outlet: a.Outlet, Text: a.Text}
	if !a.PublishedAt.IsZero() {
		rec.PublishedAt = a.PublishedAt.UTC().Format(time.RFC3339Nano)
	}
	f, err := os.CreateTemp(p.dir, "newsgraph-ingest-*.json")
	if err != nil {
		return graph.E(op, graph.Unavailable, "cannot stage the article", err)
	}
	path := f.Name()
	defer os.Remove(path)
	err = json.NewEncoder(f).Encode(rec)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return graph.E(op, graph.Unavailable, "cannot stage the article", err)
	}
	sum, err := p.in.Ingest(ctx, filepath.Clean(path))
	if err != nil {
		return graph.E(op, err)
	}
	if len(sum.Failures) > 0 {
		f := sum.Failures[0]
		return &graph.Error{Op: op, Code: f.Code, Msg: f.Reason, Err: f.Err}
	}
	if sum.Articles != 1 {
		return graph.Errorf(op, graph.Internal, "the pipeline ingested %d articles, want 1", sum.Articles)
	}
	return nil
}
