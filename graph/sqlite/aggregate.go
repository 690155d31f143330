package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// recompute brings the aggregates of everything in t up to date with the
// evidence, deleting what no evidence supports any more. Relationships and
// claims go first: whether an entity survives depends on them.
func recompute(ctx context.Context, tx *txq, t *touched) error {
	if err := flushForms(ctx, tx, t); err != nil {
		return err
	}
	merged, err := loadMerges(ctx, tx)
	if err != nil {
		return err
	}
	entities := map[string]bool{}
	for id := range t.entities {
		// Evidence of a merged entity counts for its survivor; the merged
		// entity itself has no row while the merge is in force.
		entities[merged.resolve(id)] = true
	}
	for _, id := range slices.Sorted(maps.Keys(t.relationships)) {
		if id == "" {
			continue // evidence between two entities merged into one
		}
		if err := recomputeRelationship(ctx, tx, id); err != nil {
			return err
		}
	}
	if err := recomputeClaims(ctx, tx, slices.Sorted(maps.Keys(t.claims))); err != nil {
		return err
	}
	ids := slices.Sorted(maps.Keys(entities))
	states, err := loadEntityStates(ctx, tx, ids, t.mentions != nil)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if states[id] == nil {
			return graph.Errorf("sqlite.recompute", graph.Internal, "entity %s was not read back", id)
		}
		if err := recomputeEntity(ctx, tx, id, merged.membersOf(id), t.mentions[id], states[id]); err != nil {
			return err
		}
	}
	return nil
}

// recomputeRelationship aggregates in SQL, so that a relationship with many
// citations costs one index range scan. The noisy-or is exp(Σ ln(1-c)),
// summed in index order, hence reproducible; a citation of confidence 1 makes
// it 1.
func recomputeRelationship(ctx context.Context, tx *txq, id string) error {
	var (
		r           graph.Relationship
		first, last sql.NullInt64
		maxConf     sql.NullFloat64
		logMiss     sql.NullFloat64
		typ, src    sql.NullString // NULL when there is no evidence left
		tgt         sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT type, source_id, target_id, count(*), min(date), max(date),
		max(confidence), sum(ln(1 - confidence)) FILTER (WHERE confidence < 1)
		FROM relationship_evidence WHERE relationship_id = ?`, id).
		Scan(&typ, &src, &tgt, &r.EvidenceCount, &first, &last, &maxConf, &logMiss)
	if err != nil {
		return err
	}
	if r.EvidenceCount == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM relationships WHERE id = ?`, id)
		return err
	}
	r.Type, r.SourceID, r.TargetID = graph.RelationType(typ.String), src.String, tgt.String
	r.Confidence = 1
	if maxConf.Float64 < 1 {
		r.Confidence = -math.Expm1(logMiss.Float64)
	}
	r.Directed = r.Type.Directed()
	if !r.Directed && r.TargetID < r.SourceID {
		r.SourceID, r.TargetID = r.TargetID, r.SourceID
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO relationships
		(id, type, source_id, target_id, directed, evidence_count, first_seen, last_seen, confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
		evidence_count = excluded.evidence_count, first_seen = excluded.first_seen,
		last_seen = excluded.last_seen, confidence = excluded.confidence`,
		id, string(r.Type), r.SourceID, r.TargetID, r.Directed, r.EvidenceCount, first, last, r.Confidence)
	return err
}
