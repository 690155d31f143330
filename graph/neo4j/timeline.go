package neo4j

import (
	"context"
	"slices"
	"strings"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// bucketUnits maps bucket widths to Cypher's datetime.truncate units, which
// start weeks on Mondays, as graph.Bucket does.
var bucketUnits = map[graph.Bucket]string{graph.Day: "day", graph.Week: "week", graph.Month: "month", graph.Year: "year"}

// Timeline buckets an entity's evidence by article date, in Neo4j: one
// statement, and a second in the same transaction only when the first
// finds nothing, to tell an unknown entity from a quiet one.
func (s *Store) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.TimelineBucket, error) {
	const op = "neo4j.Timeline"
	if q.Bucket == "" {
		q.Bucket = graph.Month
	}
	unit, ok := bucketUnits[q.Bucket]
	if !ok {
		return nil, graph.Errorf(op, graph.Invalid, "unknown bucket %q", q.Bucket)
	}
	if err := checkRange(op, q.Since, q.Until, 0); err != nil {
		return nil, err
	}
	var out []graph.TimelineBucket
	err := s.readTx(ctx, op, func(run runFunc) error {
		recs, err := run(cypherTimeline, map[string]any{
			"id": q.EntityID, "unit": unit, "since": timeParam(q.Since), "until": timeParam(q.Until),
		})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			found, err := run(cypherEntityExists, map[string]any{"id": q.EntityID})
			if err != nil {
				return err
			}
			if len(found) == 0 {
				return graph.Errorf(op, graph.NotFound, "entity %q not found", q.EntityID)
			}
		}
		out = decodeTimeline(recs, q.Bucket)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// decodeTimeline folds the rows of cypherTimeline, ordered by bucket start,
// into buckets.
func decodeTimeline(recs []*neo4jdrv.Record, b graph.Bucket) []graph.TimelineBucket {
	var out []graph.TimelineBucket
	for _, r := range recs {
		p := props(r.AsMap())
		start := p.time("start")
		if len(out) == 0 || !out[len(out)-1].Start.Equal(start) {
			out = append(out, graph.TimelineBucket{Start: start, End: bucketEnd(start, b), Articles: p.int("articles")})
		}
		bk := &out[len(out)-1]
		n := p.int("n")
		switch p.str("kind") {
		case "M":
			bk.Mentions += n
		case "R":
			bk.Relationships = append(bk.Relationships, graph.TypeCount{Type: graph.RelationType(p.str("type")), Count: n})
		case "B":
			bk.ClaimsBy += n
		case "A":
			bk.ClaimsAbout += n
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Relationships, func(a, b graph.TypeCount) int {
			return strings.Compare(string(a.Type), string(b.Type))
		})
	}
	return out
}

// bucketEnd returns the start of the bucket after the one starting at t.
func bucketEnd(t time.Time, b graph.Bucket) time.Time {
	switch b {
	case graph.Day:
		return t.AddDate(0, 0, 1)
	case graph.Week:
		return t.AddDate(0, 0, 7)
	case graph.Year:
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 1, 0)
}

// CoOccurrences lists the entities mentioned in the same sentence (or
// article) as an entity, most frequent first (ties by id), in one
// statement; a second in the same transaction tells an unknown entity from
// one that co-occurs with nothing.
func (s *Store) CoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) ([]graph.CoOccurrence, error) {
	const op = "neo4j.CoOccurrences"
	page, err := q.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	params, err := coOccurrenceParams(op, q)
	if err != nil {
		return nil, err
	}
	params["offset"], params["limit"] = page.Offset, page.Limit
	var out []graph.CoOccurrence
	err = s.readTx(ctx, op, func(run runFunc) error {
		recs, err := run(cypherCoOccurrences, params)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			if err := mustExist(run, op, q.EntityID); err != nil {
				return err
			}
		}
		out = make([]graph.CoOccurrence, 0, len(recs))
		for _, r := range recs {
			p := props(r.AsMap())
			out = append(out, graph.CoOccurrence{
				EntityID: p.str("entityId"), Count: p.int("count"), Articles: p.int("articles"),
				FirstSeen: p.time("firstSeen"), LastSeen: p.time("lastSeen"),
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// coOccurrenceParams checks a co-occurrence query and returns the
// parameters its statements share.
func coOccurrenceParams(op string, q graph.CoOccurrenceQuery) (map[string]any, error) {
	if q.Scope == "" {
		q.Scope = graph.SentenceScope
	}
	if q.Scope != graph.SentenceScope && q.Scope != graph.ArticleScope {
		return nil, graph.Errorf(op, graph.Invalid, "unknown co-occurrence scope %q", q.Scope)
	}
	if err := checkRange(op, q.Since, q.Until, 0); err != nil {
		return nil, err
	}
	kinds, err := kindStrings(op, q.Kinds)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"id": q.EntityID, "sentence": q.Scope == graph.SentenceScope, "kinds": kinds,
		"since": timeParam(q.Since), "until": timeParam(q.Until),
	}, nil
}

// mustExist returns NotFound when no visible entity has the id.
func mustExist(run runFunc, op, id string) error {
	found, err := run(cypherEntityExists, map[string]any{"id": id})
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return graph.Errorf(op, graph.NotFound, "entity %q not found", id)
	}
	return nil
}

// CountCoOccurrences counts what CoOccurrences would list unpaged, in one
// transaction with the check that tells an unknown entity apart.
func (s *Store) CountCoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) (int, error) {
	const op = "neo4j.CountCoOccurrences"
	params, err := coOccurrenceParams(op, q)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.readTx(ctx, op, func(run runFunc) error {
		recs, err := run(cypherCountCoOccurrences, params)
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			n = props(recs[0].AsMap()).int("n")
		}
		if n == 0 {
			return mustExist(run, op, q.EntityID)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
