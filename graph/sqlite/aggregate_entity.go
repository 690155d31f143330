package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// recomputeEntity merges an entity's declarations and mentions. Its name and
// kind come from the declaration of the latest-dated article (ties: the
// greatest article id), so the result does not depend on the order in which
// articles were written; aliases (declared names and aliases, mention
// surface forms) and roles are unions; each external id comes from the
// latest article that declares it. Every step is an index lookup or a scan
// of the entity's distinct forms, never of all its mentions.
//
// members is the entity and the entities merged into it (see
// merges.membersOf), whose declarations and forms count for it.
func recomputeEntity(ctx context.Context, tx *txq, id string, members []string) error {
	const op = "sqlite.recomputeEntity"
	var (
		count       int
		first, last sql.NullInt64
		linked      bool
	)
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM mentions WHERE entity_id = ?1),
		(SELECT min(date) FROM mentions WHERE entity_id = ?1),
		(SELECT max(date) FROM mentions WHERE entity_id = ?1)`, id).
		Scan(&count, &first, &last); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM relationships WHERE source_id = ?1) OR
		EXISTS (SELECT 1 FROM relationships WHERE target_id = ?1) OR
		EXISTS (SELECT 1 FROM claim_speakers WHERE entity_id = ?1) OR
		EXISTS (SELECT 1 FROM claim_about WHERE entity_id = ?1)`, id).Scan(&linked); err != nil {
		return err
	}
	if count == 0 && !linked {
		return deleteEntity(ctx, tx, id)
	}
	// The declarations of the entity and of every entity merged into it;
	// its own come first, so that it keeps its name and kind.
	in, args := memberList(members)
	var kind, name string
	err := tx.QueryRowContext(ctx, `SELECT kind, name FROM entity_declarations WHERE entity_id IN (`+in+`)
		ORDER BY entity_id = ?1 DESC, date DESC, article_id DESC LIMIT 1`, args...).Scan(&kind, &name)
	if err == sql.ErrNoRows {
		return graph.Errorf(op, graph.Internal, "entity %s has evidence but no declaration", id)
	}
	if err != nil {
		return err
	}
	var clash bool
	// Merging may join entities of different kinds on purpose; only the
	// entity's own declarations must agree.
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM entity_declarations WHERE entity_id = ? AND kind != ?)`,
		id, kind).Scan(&clash); err != nil {
		return err
	}
	if clash {
		return graph.Errorf(op, graph.Conflict, "entity %s is declared with two kinds", id)
	}
	f, err := forms(ctx, tx, in, args)
	if err != nil {
		return err
	}
	aliases := slices.DeleteFunc(f["alias"], func(a string) bool { return a == name })
	roles, keys := f["role"], f["extkey"]
	ext := make(map[string]string, len(keys))
	for _, k := range keys {
		var v string
		if err := tx.QueryRowContext(ctx, `SELECT value FROM entity_external_ids WHERE entity_id IN (`+in+`) AND key = ?`+
			strconv.Itoa(len(args)+1)+` ORDER BY entity_id = ?1 DESC, date DESC, article_id DESC LIMIT 1`,
			append(args, k)...).Scan(&v); err != nil {
			return err
		}
		ext[k] = v
	}

	newRow := entityRow{kind: kind, name: name, nameKey: graph.CanonicalKey(name), aliases: jsonText(nonNil(aliases)),
		roles: jsonText(nonNil(roles)), externalIDs: jsonText(ext), first: first, last: last, count: count}
	var old entityRow
	err = tx.QueryRowContext(ctx, `SELECT kind, name, name_key, aliases, roles, external_ids, first_seen, last_seen, mention_count
		FROM entities WHERE id = ?`, id).
		Scan(&old.kind, &old.name, &old.nameKey, &old.aliases, &old.roles, &old.externalIDs, &old.first, &old.last, &old.count)
	existed := err == nil
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if existed && old == newRow {
		return nil // most rewrites change nothing: spare the writes
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO entities
		(id, kind, name, aliases, roles, external_ids, first_seen, last_seen, mention_count, name_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
		kind = excluded.kind, name = excluded.name, name_key = excluded.name_key,
		aliases = excluded.aliases, roles = excluded.roles,
		external_ids = excluded.external_ids, first_seen = excluded.first_seen,
		last_seen = excluded.last_seen, mention_count = excluded.mention_count`,
		id, newRow.kind, newRow.name, newRow.aliases, newRow.roles, newRow.externalIDs,
		first, last, count, newRow.nameKey); err != nil {
		return err
	}
	if existed && old.name == newRow.name && old.aliases == newRow.aliases {
		return nil // names unchanged: the search index stays as it is
	}
	return indexNames(ctx, tx, id, append([]string{name}, aliases...))
}

// entityRow is an entities row as stored, to tell whether it changes.
type entityRow struct {
	kind, name, nameKey, aliases, roles, externalIDs string
	first, last                                      sql.NullInt64
	count                                            int
}

// memberList renders members as the numbered placeholders of an IN list
// ("?1, ?2") and their arguments: the entity itself is ?1.
func memberList(members []string) (string, []any) {
	var b strings.Builder
	args := make([]any, len(members))
	for i, m := range members {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("?" + strconv.Itoa(i+1))
		args[i] = m
	}
	return b.String(), args
}

// forms returns an entity's forms by kind (alias, role, extkey), with those
// of the entities merged into it, each sorted: one index range scan.
func forms(ctx context.Context, tx *txq, in string, args []any) (map[string][]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT kind, value FROM entity_forms WHERE entity_id IN (`+in+`)
		ORDER BY kind, value`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var kind, v string
		if err := rows.Scan(&kind, &v); err != nil {
			return nil, err
		}
		out[kind] = append(out[kind], v)
	}
	return out, rows.Err()
}

// indexNames replaces an entity's rows in the name search index.
func indexNames(ctx context.Context, tx *txq, id string, names []string) error {
	if err := unindexNames(ctx, tx, id); err != nil {
		return err
	}
	for _, n := range names {
		var rowid int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO entity_names (entity_id, name, key) VALUES (?, ?, ?) RETURNING rowid`,
			id, n, graph.CanonicalKey(n)).Scan(&rowid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_names_fts (rowid, name) VALUES (?, ?)`, rowid, n); err != nil {
			return err
		}
	}
	return nil
}

func unindexNames(ctx context.Context, tx *txq, id string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM entity_names_fts WHERE rowid IN
		(SELECT rowid FROM entity_names WHERE entity_id = ?)`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM entity_names WHERE entity_id = ?`, id)
	return err
}

func deleteEntity(ctx context.Context, tx *txq, id string) error {
	if err := unindexNames(ctx, tx, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, id)
	return err
}
