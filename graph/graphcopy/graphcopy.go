// Package graphcopy copies a graph from one store to another through the
// store contract alone, so it works between any two backends (SQLite to
// Neo4j and back, or SQLite to SQLite).
//
// Stores hold aggregates, not the extractions they were written from, so
// each article's graph.Extraction is rebuilt from the Reader: its mentions,
// the evidence of every relationship and claim it carries, and the entities
// these refer to. Writing the rebuilt extractions into an empty store gives
// a store that reads the same through the whole Reader interface; writing
// them again changes nothing, since WriteExtraction replaces an article's
// evidence.
//
// What does not round-trip: each article's own declaration of an entity.
// A store keeps, per article, the name, aliases, roles and external ids the
// article gave the entity, but reads show only the merged entity. The copy
// declares the merged entity in every article that refers to it, so the
// copied entities read the same, but on the target, deleting or rewriting one
// article no longer removes the aliases, roles or external ids only it had
// contributed. Hand-made merges (graph.Curator) are not copied as merges: the
// copy holds the graph as the merges left it.
package graphcopy

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultBatch is how many articles are rebuilt together, and written
// together to a graph.BatchWriter. Relationships are found through the
// entities of a batch, and a batch written at once recomputes each entity
// once, so a larger batch reads and recomputes each busy entity fewer
// times, at the cost of memory and of longer write transactions.
const DefaultBatch = 200

// Options tune a copy.
type Options struct {
	// Batch is the number of articles rebuilt (and written) together; zero means
	// DefaultBatch, at most graph.MaxLimit.
	Batch int
	// Progress, when set, is called after each article is written or has
	// failed, with the number of articles done so far.
	Progress func(done int)
}

// Summary counts what a copy wrote.
type Summary struct {
	Articles             int // articles written
	Mentions             int
	RelationshipEvidence int
	ClaimEvidence        int
	Failures             []Failure
	Source               graph.Stats // what the source held before the copy
}

// Failure is an article that could not be copied, and why.
type Failure struct {
	ArticleID string
	Title     string
	Err       error
}

func (f Failure) String() string {
	return fmt.Sprintf("%s %q: %s (%s)", f.ArticleID, f.Title, graph.ErrorMessage(f.Err), graph.ErrorCode(f.Err))
}

// Copy writes every article of from, with everything extracted from it, to
// to. An article that cannot be written fails alone and is listed in the
// summary; errors reading from stop the copy. When every article was
// written, Copy checks that it wrote as many mentions and citations as the
// source holds, and returns an Internal error if not, so that a copy is
// never silently partial. from must not change during the copy.
func Copy(ctx context.Context, from graph.Reader, to graph.ExtractionWriter, opt Options) (*Summary, error) {
	const op = "graphcopy.Copy"
	batch := opt.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}
	if batch > graph.MaxLimit {
		batch = graph.MaxLimit
	}
	sum := &Summary{}
	var err error
	if sum.Source, err = from.Stats(ctx); err != nil {
		return nil, graph.E(op, "cannot count the source", err)
	}
	done := 0
	for offset := 0; ; offset += batch {
		arts, err := from.Articles(ctx, graph.ArticleFilter{Page: graph.Page{Limit: batch, Offset: offset}})
		if err != nil {
			return sum, graph.E(op, "cannot list the source's articles", err)
		}
		xs, errs, err := Rebuild(ctx, from, arts)
		if err != nil {
			return sum, graph.E(op, err)
		}
		batchErr := writeBatch(ctx, to, xs, errs)
		for i, x := range xs {
			err := errs[i]
			if err == nil && batchErr != nil {
				err = to.WriteExtraction(ctx, x)
			}
			if ctx.Err() != nil {
				return sum, interrupted(op, ctx.Err())
			}
			if err != nil {
				sum.Failures = append(sum.Failures, Failure{ArticleID: arts[i].ID, Title: arts[i].Title, Err: err})
			} else {
				sum.Articles++
				sum.Mentions += len(x.Mentions)
				sum.RelationshipEvidence += len(x.Relationships)
				sum.ClaimEvidence += len(x.Claims)
			}
			done++
			if opt.Progress != nil {
				opt.Progress(done)
			}
		}
		if len(arts) < batch {
			break
		}
	}
	if len(sum.Failures) == 0 {
		src := sum.Source
		if sum.Articles != src.Articles || sum.Mentions != src.Mentions ||
			sum.RelationshipEvidence+sum.ClaimEvidence != src.Citations {
			return sum, graph.Errorf(op, graph.Internal,
				"the copy is incomplete: wrote %d articles, %d mentions and %d citations of the source's %d, %d and %d",
				sum.Articles, sum.Mentions, sum.RelationshipEvidence+sum.ClaimEvidence,
				src.Articles, src.Mentions, src.Citations)
		}
	}
	return sum, nil
}

// writeBatch writes the rebuilt extractions of a batch (those without an
// error) in one transaction when to is a graph.BatchWriter, so that the
// aggregates the batch shares, hubs above all, are recomputed once. It
// returns nil when it wrote them all, or an error when the caller must
// write them one by one: to writes one at a time, or the batch failed
// (one bad article fails a batch; alone, it fails by itself).
func writeBatch(ctx context.Context, to graph.ExtractionWriter, xs []*graph.Extraction, errs []error) error {
	bw, ok := to.(graph.BatchWriter)
	if !ok {
		return errors.ErrUnsupported
	}
	good := make([]*graph.Extraction, 0, len(xs))
	for i, x := range xs {
		if errs[i] == nil {
			good = append(good, x)
		}
	}
	return bw.WriteExtractions(ctx, good)
}

// interrupted reports a copy stopped by its context.
func interrupted(op string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return graph.E(op, graph.Timeout, "the copy ran out of time", err)
	}
	return graph.E(op, "the copy was interrupted", err)
}
