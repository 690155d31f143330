package sqlite

import (
	"context"
	"database/sql"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// recomputeClaim aggregates a claim's evidence in SQL, like
// recomputeRelationship; its text and cue come from the earliest citation.
// Its speaker and subject links change by difference from the lists its
// row holds, which they always equal.
func recomputeClaim(ctx context.Context, tx *txq, id string) error {
	var (
		c                graph.Claim
		first, last      sql.NullInt64
		maxConf, logMiss sql.NullFloat64
		verbatim         sql.NullBool
		rowid            int64
		oldText          string
		oldLinks         [2]string // speaker_ids, about_ids
	)
	err := tx.QueryRowContext(ctx, `SELECT count(*), min(date), max(date), max(verbatim),
		max(confidence), sum(ln(1 - confidence)) FILTER (WHERE confidence < 1)
		FROM claim_evidence WHERE claim_id = ?`, id).
		Scan(&c.EvidenceCount, &first, &last, &verbatim, &maxConf, &logMiss)
	if err != nil {
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT rowid, text, speaker_ids, about_ids FROM claims WHERE id = ?`, id).
		Scan(&rowid, &oldText, &oldLinks[0], &oldLinks[1])
	exists := err == nil
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if c.EvidenceCount == 0 {
		if !exists {
			return nil
		}
		for _, q := range []string{`DELETE FROM claim_speakers WHERE claim_id = ?`, `DELETE FROM claim_about WHERE claim_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
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
	if c.SpeakerIDs, c.AboutIDs, err = claimEntities(ctx, tx, id); err != nil {
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
		}
	} else {
		oldLinks = [2]string{"[]", "[]"}
		err := tx.QueryRowContext(ctx, `INSERT INTO claims (id, text, normalized, verbatim, cue,
			speaker_ids, about_ids, evidence_count, first_seen, last_seen, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`, append([]any{id}, args...)...).Scan(&rowid)
		if err != nil {
			return err
		}
	}
	if !exists || oldText != c.Text {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text) VALUES (?, ?)`, rowid, c.Text); err != nil {
			return err
		}
	}
	for i, link := range []struct {
		table string
		ids   []string
	}{{"claim_speakers", c.SpeakerIDs}, {"claim_about", c.AboutIDs}} {
		old, err := stringsOf(oldLinks[i])
		if err != nil {
			return err
		}
		for _, eid := range old {
			if !slices.Contains(link.ids, eid) {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+link.table+` WHERE entity_id = ? AND claim_id = ?`, eid, id); err != nil {
					return err
				}
			}
		}
		for _, eid := range link.ids {
			if !slices.Contains(old, eid) {
				if _, err := tx.ExecContext(ctx, `INSERT INTO `+link.table+` (entity_id, claim_id) VALUES (?, ?)`, eid, id); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// claimEntities returns the unions, sorted, of the speakers and of the
// subjects of a claim's evidence, in one query.
func claimEntities(ctx context.Context, tx *txq, claimID string) (speakers, about []string, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT 0, j.value FROM claim_evidence ce, json_each(ce.speaker_ids) j WHERE ce.claim_id = ?1
		UNION SELECT 1, j.value FROM claim_evidence ce, json_each(ce.about_ids) j WHERE ce.claim_id = ?1
		ORDER BY 1, 2`, claimID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			which int
			id    string
		)
		if err := rows.Scan(&which, &id); err != nil {
			return nil, nil, err
		}
		if which == 0 {
			speakers = append(speakers, id)
		} else {
			about = append(about, id)
		}
	}
	return speakers, about, rows.Err()
}
