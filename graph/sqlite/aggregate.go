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
	for _, id := range slices.Sorted(maps.Keys(t.claims)) {
		if err := recomputeClaim(ctx, tx, id); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(entities)) {
		if err := recomputeEntity(ctx, tx, id, merged.membersOf(id)); err != nil {
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

// recomputeClaim aggregates a claim's evidence in SQL, like
// recomputeRelationship; its text and cue come from the earliest citation.
func recomputeClaim(ctx context.Context, tx *txq, id string) error {
	var (
		c                graph.Claim
		first, last      sql.NullInt64
		maxConf, logMiss sql.NullFloat64
		verbatim         sql.NullBool
		rowid            int64
		oldText          string
	)
	err := tx.QueryRowContext(ctx, `SELECT count(*), min(date), max(date), max(verbatim),
		max(confidence), sum(ln(1 - confidence)) FILTER (WHERE confidence < 1)
		FROM claim_evidence WHERE claim_id = ?`, id).
		Scan(&c.EvidenceCount, &first, &last, &verbatim, &maxConf, &logMiss)
	if err != nil {
		return err
	}
	for _, table := range []string{"claim_speakers", "claim_about"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE claim_id = ?`, id); err != nil {
			return err
		}
	}
	err = tx.QueryRowContext(ctx, `SELECT rowid, text FROM claims WHERE id = ?`, id).Scan(&rowid, &oldText)
	exists := err == nil
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if c.EvidenceCount == 0 {
		if !exists {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE rowid = ?`, rowid)
		return err
	}
	var trigger string
	if err := tx.QueryRowContext(ctx, `SELECT text, cue_text, trigger_ FROM claim_evidence WHERE claim_id = ?
		ORDER BY date, article_id, start, seq LIMIT 1`, id).Scan(&c.Text, &c.Cue, &trigger); err != nil {
		return err
	}
	if c.Cue == "" {
		c.Cue = trigger
	}
	c.Verbatim = verbatim.Bool
	c.Confidence = 1
	if maxConf.Float64 < 1 {
		c.Confidence = -math.Expm1(logMiss.Float64)
	}
	if c.SpeakerIDs, err = claimEntities(ctx, tx, id, "speaker_ids"); err != nil {
		return err
	}
	if c.AboutIDs, err = claimEntities(ctx, tx, id, "about_ids"); err != nil {
		return err
	}
	args := []any{c.Text, graph.NormalizeClaim(c.Text), c.Verbatim, c.Cue,
		jsonText(nonNil(c.SpeakerIDs)), jsonText(nonNil(c.AboutIDs)), c.EvidenceCount, first, last, c.Confidence}
	if exists {
		if _, err := tx.ExecContext(ctx, `UPDATE claims SET text = ?, normalized = ?, verbatim = ?, cue = ?,
			speaker_ids = ?, about_ids = ?, evidence_count = ?, first_seen = ?, last_seen = ?, confidence = ?
			WHERE rowid = ?`, append(args, rowid)...); err != nil {
			return err
		}
		if oldText != c.Text {
			if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid); err != nil {
				return err
			}
			exists = false // reindex below
		}
	} else {
		err := tx.QueryRowContext(ctx, `INSERT INTO claims (id, text, normalized, verbatim, cue,
			speaker_ids, about_ids, evidence_count, first_seen, last_seen, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`, append([]any{id}, args...)...).Scan(&rowid)
		if err != nil {
			return err
		}
	}
	if !exists {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text) VALUES (?, ?)`, rowid, c.Text); err != nil {
			return err
		}
	}
	for _, link := range []struct {
		table string
		ids   []string
	}{{"claim_speakers", c.SpeakerIDs}, {"claim_about", c.AboutIDs}} {
		for _, eid := range link.ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+link.table+` (entity_id, claim_id) VALUES (?, ?)`, eid, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// claimEntities returns the union, sorted, of the entity ids in one JSON
// column of a claim's evidence.
func claimEntities(ctx context.Context, tx *txq, claimID, column string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT j.value FROM claim_evidence ce, json_each(ce.`+column+`) j
		WHERE ce.claim_id = ? ORDER BY 1`, claimID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
