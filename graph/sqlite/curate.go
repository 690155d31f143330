package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// MergeEntities merges entity from into entity into (see graph.Curator):
// the evidence of from is re-resolved to into, the merge recorded, and the
// aggregates of everything it touched recomputed in the same transaction.
func (s *Store) MergeEntities(ctx context.Context, into, from string) (*graph.Merge, error) {
	const op = "sqlite.MergeEntities"
	if into == from {
		return nil, graph.Errorf(op, graph.Invalid, "an entity cannot be merged into itself")
	}
	var m *graph.Merge
	err := s.inTx(ctx, op, func(tx *txq) error {
		merged, err := loadMerges(ctx, tx)
		if err != nil {
			return err
		}
		if _, ok := merged[into]; ok {
			return graph.Errorf(op, graph.Invalid, "entity %q is itself merged into another", into)
		}
		if _, ok := merged[from]; ok {
			return graph.Errorf(op, graph.Invalid, "entity %q is already merged", from)
		}
		var fromName, fromKind string
		for _, id := range []string{into, from} {
			err := tx.QueryRowContext(ctx, `SELECT name, kind FROM entities WHERE id = ?`, id).Scan(&fromName, &fromKind)
			if err == sql.ErrNoRows {
				return graph.Errorf(op, graph.NotFound, "entity %q not found", id)
			}
			if err != nil {
				return err
			}
		}
		m = &graph.Merge{Into: into, From: from, FromName: fromName, FromKind: graph.EntityKind(fromKind), MergedAt: truncate(s.now())}
		if _, err := tx.ExecContext(ctx, `INSERT INTO merges (from_id, into_id, from_name, from_kind, merged_at) VALUES (?, ?, ?, ?, ?)`,
			from, into, fromName, fromKind, m.MergedAt.UnixMicro()); err != nil {
			return err
		}
		merged[from] = into
		t := newTouched()
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET written_entity_id = coalesce(written_entity_id, entity_id), entity_id = ?
			WHERE entity_id = ?`, into, from); err != nil {
			return err
		}
		if err := reresolve(ctx, tx, merged, from, t); err != nil {
			return err
		}
		if err := deleteEntity(ctx, tx, from); err != nil {
			return err
		}
		t.entities[into] = true
		return recompute(ctx, tx, t)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// UnmergeEntities undoes the merge of from (see graph.Curator).
func (s *Store) UnmergeEntities(ctx context.Context, from string) error {
	const op = "sqlite.UnmergeEntities"
	return s.inTx(ctx, op, func(tx *txq) error {
		merged, err := loadMerges(ctx, tx)
		if err != nil {
			return err
		}
		if _, ok := merged[from]; !ok {
			return graph.Errorf(op, graph.NotFound, "entity %q is not merged", from)
		}
		root := merged.resolve(from)
		// The written ids whose evidence counts for from again: from and
		// the entities merged into it, directly or not.
		var members []any
		for id := range merged {
			if id == from || slices.Contains(chain(merged, id), from) {
				members = append(members, id)
			}
		}
		delete(merged, from)
		if _, err := tx.ExecContext(ctx, `DELETE FROM merges WHERE from_id = ?`, from); err != nil {
			return err
		}
		t := newTouched()
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET entity_id = ?, written_entity_id = nullif(written_entity_id, ?)
			WHERE written_entity_id IN (`+placeholders(len(members))+`) AND entity_id = ?`,
			append(append([]any{from, from}, members...), root)...); err != nil {
			return err
		}
		if err := reresolve(ctx, tx, merged, root, t); err != nil {
			return err
		}
		t.entities[root] = true
		t.entities[from] = true
		return recompute(ctx, tx, t)
	})
}

// chain lists the ids id resolves through, id excluded.
func chain(m merges, id string) []string {
	var out []string
	for range len(m) + 1 {
		into, ok := m[id]
		if !ok {
			break
		}
		out = append(out, into)
		id = into
	}
	return out
}

// reresolve recomputes, from the written ids and the merges m, the
// resolved ids of the relationship and claim evidence that counts for
// entity id, noting what changes.
func reresolve(ctx context.Context, tx *txq, m merges, id string, t *touched) error {
	type relRow struct {
		article          string
		seq              int
		typ, rid         string
		wsource, wtarget string
	}
	rels, err := list(ctx, txQuerier{tx}, `SELECT article_id, seq, type, relationship_id,
			coalesce(written_source_id, source_id), coalesce(written_target_id, target_id)
		FROM relationship_evidence WHERE relationship_id IN
			(SELECT id FROM relationships WHERE source_id = ?1 UNION ALL SELECT id FROM relationships WHERE target_id = ?1)
		OR (relationship_id = '' AND (source_id = ?1 OR target_id = ?1))`, []any{id},
		func(sc interface{ Scan(...any) error }) (relRow, error) {
			var r relRow
			err := sc.Scan(&r.article, &r.seq, &r.typ, &r.rid, &r.wsource, &r.wtarget)
			return r, err
		})
	if err != nil {
		return err
	}
	for _, r := range rels {
		src, wsrc := m.resolveWritten(r.wsource)
		tgt, wtgt := m.resolveWritten(r.wtarget)
		rid := relationshipID(graph.RelationType(r.typ), src, tgt)
		t.relationships[r.rid] = true
		t.relationships[rid] = true
		t.entities[src] = true
		t.entities[tgt] = true
		if _, err := tx.ExecContext(ctx, `UPDATE relationship_evidence SET relationship_id = ?, source_id = ?, target_id = ?,
			written_source_id = ?, written_target_id = ? WHERE article_id = ? AND seq = ?`,
			rid, src, tgt, wsrc, wtgt, r.article, r.seq); err != nil {
			return err
		}
	}
	type claimRow struct {
		article, claim  string
		seq             int
		speakers, about string
	}
	claims, err := list(ctx, txQuerier{tx}, `SELECT article_id, seq, claim_id,
			coalesce(written_speaker_ids, speaker_ids), coalesce(written_about_ids, about_ids)
		FROM claim_evidence WHERE claim_id IN
			(SELECT claim_id FROM claim_speakers WHERE entity_id = ?1 UNION SELECT claim_id FROM claim_about WHERE entity_id = ?1)`,
		[]any{id}, func(sc interface{ Scan(...any) error }) (claimRow, error) {
			var r claimRow
			err := sc.Scan(&r.article, &r.seq, &r.claim, &r.speakers, &r.about)
			return r, err
		})
	if err != nil {
		return err
	}
	for _, r := range claims {
		var speakers, about []string
		if err := json.Unmarshal([]byte(r.speakers), &speakers); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(r.about), &about); err != nil {
			return err
		}
		sp, wsp := m.resolveList(speakers)
		ab, wab := m.resolveList(about)
		t.claims[r.claim] = true
		if _, err := tx.ExecContext(ctx, `UPDATE claim_evidence SET speaker_ids = ?, about_ids = ?,
			written_speaker_ids = ?, written_about_ids = ? WHERE article_id = ? AND seq = ?`,
			sp, ab, wsp, wab, r.article, r.seq); err != nil {
			return err
		}
		for _, e := range append(speakers, about...) {
			t.entities[m.resolve(e)] = true
		}
	}
	return nil
}

// txQuerier adapts a write transaction to list.
type txQuerier struct{ tx *txq }

func (q txQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.tx.QueryContext(ctx, query, args...)
}

func (q txQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return q.tx.tx.QueryRowContext(ctx, query, args...)
}

// Merges lists the merges in force, newest first, ties by merged id.
func (s *Store) Merges(ctx context.Context, p graph.Page) ([]*graph.Merge, error) {
	const op = "sqlite.Merges"
	p, err := p.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	out, err := list(ctx, s.read, `SELECT into_id, from_id, from_name, from_kind, merged_at FROM merges
		ORDER BY merged_at DESC, from_id LIMIT ? OFFSET ?`, []any{p.Limit, p.Offset},
		func(sc interface{ Scan(...any) error }) (*graph.Merge, error) {
			var (
				m  graph.Merge
				at sql.NullInt64
			)
			err := sc.Scan(&m.Into, &m.From, &m.FromName, &m.FromKind, &at)
			m.MergedAt = timeOf(at)
			return &m, err
		})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}
