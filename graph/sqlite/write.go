package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// WriteExtraction replaces everything extracted from x.Article with x, in one
// transaction, and recomputes the aggregates it touched (see graph.Store).
func (s *Store) WriteExtraction(ctx context.Context, x *graph.Extraction) error {
	return s.write1(ctx, "sqlite.WriteExtraction", []*graph.Extraction{x})
}

// WriteExtractions writes a batch of extractions in one transaction, with
// the same result as writing them one by one in order, but recomputing
// each touched aggregate once for the whole batch: the bulk loader of
// imports and benchmarks. Either every extraction is written or none is; a
// nil or invalid one makes the batch Invalid.
func (s *Store) WriteExtractions(ctx context.Context, xs []*graph.Extraction) error {
	return s.write1(ctx, "sqlite.WriteExtractions", xs)
}

func (s *Store) write1(ctx context.Context, op string, xs []*graph.Extraction) error {
	for _, x := range xs {
		if x == nil {
			return graph.Errorf(op, graph.Invalid, "nil extraction")
		}
		if err := x.Validate(); err != nil {
			return graph.E(op, graph.Invalid, err)
		}
	}
	return s.inTx(ctx, op, func(tx *txq) error {
		merged, err := loadMerges(ctx, tx)
		if err != nil {
			return err
		}
		t := newCountedTouched()
		for _, x := range xs {
			if err := s.writeArticle(ctx, tx, x, merged, t); err != nil {
				return err
			}
		}
		return recompute(ctx, tx, t)
	})
}

// writeArticle replaces an article's evidence with x's, noting what the
// old and the new evidence touched.
func (s *Store) writeArticle(ctx context.Context, tx *txq, x *graph.Extraction, merged merges, t *touched) error {
	var ingested sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT ingested_at FROM articles WHERE id = ?`, x.Article.ID).Scan(&ingested)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return err
	default:
		if err := removeEvidence(ctx, tx, x.Article.ID, t); err != nil {
			return err
		}
	}
	a := x.Article
	switch {
	case ingested.Valid:
		a.IngestedAt = timeOf(ingested) // an article keeps the date it first arrived
	case a.IngestedAt.IsZero():
		a.IngestedAt = s.now()
	}
	a.IngestedAt = truncate(a.IngestedAt)
	a.PublishedAt = truncate(a.PublishedAt)
	if err := upsertArticle(ctx, tx, &a); err != nil {
		return err
	}
	return insertEvidence(ctx, tx, x, a.Date().UnixMicro(), merged, t)
}

// DeleteArticle removes an article and its evidence, and recomputes or
// removes what that evidence supported.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	const op = "sqlite.DeleteArticle"
	return s.inTx(ctx, op, func(tx *txq) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return graph.Errorf(op, graph.NotFound, "article %q not found", id)
		}
		t := newCountedTouched()
		if err := removeEvidence(ctx, tx, id, t); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
			return err
		}
		return recompute(ctx, tx, t)
	})
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, op string, fn func(*txq) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fail(ctx, op, err)
	}
	q := &txq{tx: tx, cache: &s.stmts}
	err = fn(q)
	if err != nil {
		tx.Rollback()
	} else {
		err = tx.Commit()
	}
	if len(q.missed) > 0 && ctx.Err() == nil {
		s.stmts.prepare(ctx, q.missed)
	}
	return fail(ctx, op, err)
}

// touched collects the ids whose aggregates a write must recompute.
type touched struct {
	entities, relationships, claims map[string]bool
	// forms counts the forms of the articles written, not yet in
	// entity_forms (see addForms and flushForms).
	forms map[formKey]int
	// mentions is the net change in mentions of each entity (by resolved
	// id) when the write counts them as it adds and removes them; nil
	// when it cannot (merges rewrite mentions in bulk), and they are
	// counted again.
	mentions map[string]int
}

func newTouched() *touched {
	return &touched{entities: map[string]bool{}, relationships: map[string]bool{}, claims: map[string]bool{}}
}

// newCountedTouched is newTouched for writes that add and remove mentions
// by article, counting them as they go.
func newCountedTouched() *touched {
	t := newTouched()
	t.mentions = map[string]int{}
	return t
}

// removeEvidence deletes an article's evidence, noting what it supported.
func removeEvidence(ctx context.Context, tx *txq, articleID string, t *touched) error {
	collect := []struct {
		query string
		into  map[string]bool
	}{
		// Every entity an extraction refers to is declared in it.
		{`SELECT entity_id FROM entity_declarations WHERE article_id = ?`, t.entities},
		{`SELECT DISTINCT relationship_id FROM relationship_evidence WHERE article_id = ?`, t.relationships},
		{`SELECT DISTINCT claim_id FROM claim_evidence WHERE article_id = ?`, t.claims},
	}
	for _, c := range collect {
		if err := collectIDs(ctx, tx, c.query, articleID, c.into); err != nil {
			return err
		}
	}
	if err := countMentions(ctx, tx, articleID, t); err != nil {
		return err
	}
	// The forms counted in memory go first: this article's may be among
	// them, and subtracting its stored ones must find them.
	if err := flushForms(ctx, tx, t); err != nil {
		return err
	}
	if err := countForms(ctx, tx, articleID, -1); err != nil {
		return err
	}
	for _, table := range []string{"entity_declarations", "entity_external_ids", "mentions", "relationship_evidence", "claim_evidence"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, articleID); err != nil {
			return err
		}
	}
	return nil
}

// countForms adds delta to the reference counts of the forms (names,
// aliases, surface forms, roles, external-id keys) an article's declarations
// and mentions give their entities, and drops the forms nothing refers to any
// more. Counting from the stored rows on both the way in and the way out
// keeps the counts exact. Forms belong to the entity the extraction wrote,
// not the one a merge resolved it to, so that unmerging gives them back.
func countForms(ctx context.Context, tx *txq, articleID string, delta int) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO entity_forms (entity_id, kind, value, refs)
		SELECT DISTINCT entity_id, kind, v, ?2 FROM (
			SELECT entity_id, kind, trim(value, ' ' || char(9, 10, 13)) AS v FROM (
				SELECT entity_id, 'alias' AS kind, name AS value FROM entity_declarations WHERE article_id = ?1
				UNION ALL SELECT d.entity_id, 'alias', j.value FROM entity_declarations d, json_each(d.aliases) j WHERE d.article_id = ?1
				UNION ALL SELECT coalesce(written_entity_id, entity_id), 'alias', text FROM mentions WHERE article_id = ?1
				UNION ALL SELECT d.entity_id, 'role', j.value FROM entity_declarations d, json_each(d.roles) j WHERE d.article_id = ?1
				UNION ALL SELECT coalesce(written_entity_id, entity_id), 'role', role FROM mentions WHERE article_id = ?1
				UNION ALL SELECT d.entity_id, 'extkey', j.key FROM entity_declarations d, json_each(d.external_ids) j WHERE d.article_id = ?1
			)
		) WHERE v != ''
		ON CONFLICT (entity_id, kind, value) DO UPDATE SET refs = refs + excluded.refs`, articleID, delta); err != nil {
		return err
	}
	if delta >= 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM entity_forms WHERE refs <= 0`)
	return err
}

// countMentions subtracts an article's mentions, about to be removed, from
// the mention counts of their entities, when t counts them.
func countMentions(ctx context.Context, tx *txq, articleID string, t *touched) error {
	if t.mentions == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT entity_id, count(*) FROM mentions WHERE article_id = ? GROUP BY entity_id`, articleID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			n  int
		)
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		t.mentions[id] -= n
	}
	return rows.Err()
}

func collectIDs(ctx context.Context, tx *txq, query, arg string, into map[string]bool) error {
	rows, err := tx.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		into[id] = true
	}
	return rows.Err()
}

func upsertArticle(ctx context.Context, tx *txq, a *graph.Article) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO articles
		(id, url, title, outlet, outlet_key, published_at, ingested_at, date, content_hash, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
		url = excluded.url, title = excluded.title, outlet = excluded.outlet,
		outlet_key = excluded.outlet_key, published_at = excluded.published_at,
		ingested_at = excluded.ingested_at, date = excluded.date,
		content_hash = excluded.content_hash, text = excluded.text`,
		a.ID, a.URL, a.Title, a.Outlet, outletKey(a.Outlet), timeArg(a.PublishedAt),
		a.IngestedAt.UnixMicro(), a.Date().UnixMicro(), a.ContentHash, a.Text)
	return err
}

// The evidence tables' multi-row inserts.
var (
	declarationRows = newRowInserter(`entity_declarations`,
		`article_id`, `entity_id`, `date`, `kind`, `name`, `aliases`, `roles`, `external_ids`)
	externalIDRows = newRowInserter(`entity_external_ids`, `entity_id`, `key`, `date`, `article_id`, `value`)
	mentionRows    = newRowInserter(`mentions`,
		`article_id`, `seq`, `entity_id`, `date`, `text`, `role`, `sentence_index`, `sentence_text`, `start`, `end_`,
		`trigger_`, `extractor`, `confidence`, `written_entity_id`, `kind_in_context`)
	relationshipEvidenceRows = newRowInserter(`relationship_evidence`,
		`article_id`, `seq`, `relationship_id`, `type`, `source_id`, `target_id`, `date`,
		`sentence_index`, `sentence_text`, `start`, `end_`, `trigger_`, `extractor`, `confidence`,
		`written_source_id`, `written_target_id`)
	claimEvidenceRows = newRowInserter(`claim_evidence`,
		`article_id`, `seq`, `claim_id`, `date`, `text`, `verbatim`,
		`source_start`, `source_end`, `source_text`, `cue_start`, `cue_end`, `cue_text`, `speaker_ids`, `about_ids`,
		`sentence_index`, `sentence_text`, `start`, `end_`, `trigger_`, `extractor`, `confidence`,
		`written_speaker_ids`, `written_about_ids`)
)

// insertEvidence writes x's declarations and evidence, dated date.
// Declarations stay under the ids x wrote; evidence counts for the entities
// those ids resolve to through the merges in force.
func insertEvidence(ctx context.Context, tx *txq, x *graph.Extraction, date int64, merged merges, t *touched) error {
	id := x.Article.ID
	decls := mergeDeclarations(x.Entities)
	args := make([]any, 0, len(decls)*declarationRows.cols)
	var ext []any
	for _, eid := range slices.Sorted(maps.Keys(decls)) {
		e := decls[eid]
		t.entities[merged.resolve(eid)] = true
		args = append(args, id, eid, date, string(e.Kind), e.Name, jsonText(nonNil(e.Aliases)), jsonText(nonNil(e.Roles)),
			jsonText(nonNilMap(e.ExternalIDs)))
		for _, key := range slices.Sorted(maps.Keys(e.ExternalIDs)) {
			ext = append(ext, eid, key, date, id, e.ExternalIDs[key])
		}
	}
	if err := declarationRows.exec(ctx, tx, args); err != nil {
		return err
	}
	if err := externalIDRows.exec(ctx, tx, ext); err != nil {
		return err
	}
	if err := insertMentions(ctx, tx, id, date, x.Mentions, merged, t); err != nil {
		return err
	}
	if !addForms(t, decls, x.Mentions) {
		if err := countForms(ctx, tx, id, +1); err != nil {
			return err
		}
	}
	if err := insertRelationshipEvidence(ctx, tx, id, date, x.Relationships, merged, t); err != nil {
		return err
	}
	return insertClaimEvidence(ctx, tx, id, date, x.Claims, merged, t)
}

func insertMentions(ctx context.Context, tx *txq, articleID string, date int64, ms []graph.Mention, merged merges, t *touched) error {
	args := make([]any, 0, len(ms)*mentionRows.cols)
	for i, m := range ms {
		c := m.Citation
		eid, written := merged.resolveWritten(m.EntityID)
		if t.mentions != nil {
			t.mentions[eid]++
		}
		args = append(args, articleID, i, eid, date, m.Text, m.Role,
			c.SentenceIndex, c.SentenceText, c.Start, c.End, c.Trigger, c.Extractor, c.Confidence, written, string(m.KindInContext))
	}
	return mentionRows.exec(ctx, tx, args)
}

func insertRelationshipEvidence(ctx context.Context, tx *txq, articleID string, date int64, rs []graph.RelationshipEvidence, merged merges, t *touched) error {
	args := make([]any, 0, len(rs)*relationshipEvidenceRows.cols)
	for i, r := range rs {
		src, wsrc := merged.resolveWritten(r.SourceID)
		tgt, wtgt := merged.resolveWritten(r.TargetID)
		rid := relationshipID(r.Type, src, tgt)
		if rid != "" {
			t.relationships[rid] = true
		}
		c := r.Citation
		args = append(args, articleID, i, rid, string(r.Type), src, tgt, date,
			c.SentenceIndex, c.SentenceText, c.Start, c.End, c.Trigger, c.Extractor, c.Confidence, wsrc, wtgt)
	}
	return relationshipEvidenceRows.exec(ctx, tx, args)
}

func insertClaimEvidence(ctx context.Context, tx *txq, articleID string, date int64, cs []graph.ClaimEvidence, merged merges, t *touched) error {
	args := make([]any, 0, len(cs)*claimEvidenceRows.cols)
	for i, e := range cs {
		t.claims[e.ClaimID] = true
		c := e.Citation
		speakers, wspeakers := merged.resolveList(e.SpeakerIDs)
		about, wabout := merged.resolveList(e.AboutIDs)
		args = append(args, articleID, i, e.ClaimID, date, e.Text, e.Verbatim,
			e.Source.Start, e.Source.End, e.Source.Text, e.Cue.Start, e.Cue.End, e.Cue.Text,
			speakers, about,
			c.SentenceIndex, c.SentenceText, c.Start, c.End, c.Trigger, c.Extractor, c.Confidence,
			wspeakers, wabout)
	}
	return claimEvidenceRows.exec(ctx, tx, args)
}

// mergeDeclarations folds repeated declarations of one entity in an
// extraction into one: the last name, the union of the rest.
func mergeDeclarations(es []graph.Entity) map[string]graph.Entity {
	out := make(map[string]graph.Entity, len(es))
	for _, e := range es {
		prev, ok := out[e.ID]
		if !ok {
			// Cloned so that merging never writes into the caller's slices.
			e.Aliases = slices.Clone(e.Aliases)
			e.Roles = slices.Clone(e.Roles)
			e.ExternalIDs = maps.Clone(e.ExternalIDs)
			out[e.ID] = e
			continue
		}
		if prev.Name != e.Name {
			prev.Aliases = append(prev.Aliases, prev.Name)
		}
		prev.Name = e.Name
		prev.Kind = e.Kind
		prev.Aliases = append(prev.Aliases, e.Aliases...)
		prev.Roles = append(prev.Roles, e.Roles...)
		if prev.ExternalIDs == nil && len(e.ExternalIDs) > 0 {
			prev.ExternalIDs = map[string]string{}
		}
		maps.Copy(prev.ExternalIDs, e.ExternalIDs)
		out[e.ID] = prev
	}
	return out
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
