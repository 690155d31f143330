package sqlite

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"

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
		rowid            sql.NullInt64
		oldText          sql.NullString
		oldLinks         [2]sql.NullString // speaker_ids, about_ids
		text, cue, trig  sql.NullString    // of the earliest citation
		speakers, about  sql.NullString    // each citation's JSON list, joined by char(31)
	)
	// One statement: the evidence's aggregates and its speaker and subject
	// lists (an index range scan), its earliest citation (an index seek)
	// and the stored row.
	err := tx.QueryRowContext(ctx, `SELECT a.n, a.first, a.last, a.verbatim, a.max_conf, a.log_miss,
			f.text, f.cue_text, f.trigger_, a.speakers, a.about,
			c.rowid, c.text, c.speaker_ids, c.about_ids
		FROM (SELECT count(*) AS n, min(date) AS first, max(date) AS last, max(verbatim) AS verbatim,
				max(confidence) AS max_conf, sum(ln(1 - confidence)) FILTER (WHERE confidence < 1) AS log_miss,
				group_concat(speaker_ids, char(31)) AS speakers, group_concat(about_ids, char(31)) AS about
			FROM claim_evidence WHERE claim_id = ?1) a
		LEFT JOIN (SELECT text, cue_text, trigger_ FROM claim_evidence WHERE claim_id = ?1
			ORDER BY date, article_id, start, seq LIMIT 1) f
		LEFT JOIN claims c ON c.id = ?1`, id).
		Scan(&c.EvidenceCount, &first, &last, &verbatim, &maxConf, &logMiss, &text, &cue, &trig,
			&speakers, &about, &rowid, &oldText, &oldLinks[0], &oldLinks[1])
	if err != nil {
		return err
	}
	exists := rowid.Valid
	if c.EvidenceCount == 0 {
		if !exists {
			return nil
		}
		for _, q := range []string{`DELETE FROM claim_speakers WHERE claim_id = ?`, `DELETE FROM claim_about WHERE claim_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid.Int64); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE rowid = ?`, rowid.Int64)
		return err
	}
	c.Text, c.Cue = text.String, cue.String
	trigger := trig.String
	if c.Cue == "" {
		c.Cue = trigger
	}
	c.Verbatim = verbatim.Bool
	c.Confidence = 1
	if maxConf.Float64 < 1 {
		c.Confidence = -math.Expm1(logMiss.Float64)
	}
	if c.SpeakerIDs, err = unionOfLists(speakers); err != nil {
		return err
	}
	if c.AboutIDs, err = unionOfLists(about); err != nil {
		return err
	}
	args := []any{c.Text, graph.NormalizeClaim(c.Text), c.Verbatim, c.Cue,
		jsonText(nonNil(c.SpeakerIDs)), jsonText(nonNil(c.AboutIDs)), c.EvidenceCount, first, last, c.Confidence}
	if exists {
		if _, err := tx.ExecContext(ctx, `UPDATE claims SET text = ?, normalized = ?, verbatim = ?, cue = ?,
			speaker_ids = ?, about_ids = ?, evidence_count = ?, first_seen = ?, last_seen = ?, confidence = ?
			WHERE rowid = ?`, append(args, rowid.Int64)...); err != nil {
			return err
		}
		if oldText.String != c.Text {
			if _, err := tx.ExecContext(ctx, `DELETE FROM claims_fts WHERE rowid = ?`, rowid.Int64); err != nil {
				return err
			}
		}
	} else {
		oldLinks = [2]sql.NullString{{String: "[]"}, {String: "[]"}}
		// LastInsertId rather than RETURNING, which SQLite implements
		// with a temporary table per statement.
		res, err := tx.ExecContext(ctx, `INSERT INTO claims (id, text, normalized, verbatim, cue,
			speaker_ids, about_ids, evidence_count, first_seen, last_seen, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		if rowid.Int64, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	if !exists || oldText.String != c.Text {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text) VALUES (?, ?)`, rowid.Int64, c.Text); err != nil {
			return err
		}
	}
	for i, link := range []struct {
		table string
		ids   []string
	}{{"claim_speakers", c.SpeakerIDs}, {"claim_about", c.AboutIDs}} {
		old, err := stringsOf(oldLinks[i].String)
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

// unionOfLists returns the union, sorted, of JSON lists of ids that
// group_concat joined with char(31), which JSON text never holds raw; NULL
// is no list.
func unionOfLists(joined sql.NullString) ([]string, error) {
	if !joined.Valid {
		return nil, nil
	}
	var out []string
	for _, list := range strings.Split(joined.String, "\x1f") {
		ids, err := stringsOf(list)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}
