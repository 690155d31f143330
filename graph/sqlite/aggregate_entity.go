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
// latest article that declares it. Every step is an index seek or a scan
// of the entity's distinct forms, never of all its mentions or
// declarations: a hub cited by thousands of articles costs what a new
// entity does.
//
// members is the entity and the entities merged into it (see
// merges.membersOf), whose declarations and forms count for it. When
// counted, delta is the net change of the entity's mentions in this
// transaction, and the stored mention count plus delta is its new count;
// otherwise (merges rewrite mentions in bulk) the mentions are counted
// (see loadEntityStates, which read st for the whole group).
func recomputeEntity(ctx context.Context, tx *txq, id string, members []string, delta int, st *entityState) error {
	const op = "sqlite.recomputeEntity"
	old, existed, recounted, first, last, dKind, dName := st.old, st.existed, st.recounted, st.first, st.last, st.dKind, st.dName
	count := old.count + delta
	if recounted.Valid {
		count = int(recounted.Int64)
	} else if count < 0 {
		// Never seen; counting again repairs a count that went wrong.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentions WHERE entity_id = ?`, id).Scan(&count); err != nil {
			return err
		}
	}
	if count == 0 {
		var linked bool
		if err := tx.QueryRowContext(ctx, `SELECT
			EXISTS (SELECT 1 FROM relationships WHERE source_id = ?1) OR
			EXISTS (SELECT 1 FROM relationships WHERE target_id = ?1) OR
			EXISTS (SELECT 1 FROM claim_speakers WHERE entity_id = ?1) OR
			EXISTS (SELECT 1 FROM claim_about WHERE entity_id = ?1)`, id).Scan(&linked); err != nil {
			return err
		}
		if !linked {
			return deleteEntity(ctx, tx, id)
		}
	}
	if st.clash {
		return graph.Errorf(op, graph.Conflict, "entity %s is declared with two kinds", id)
	}
	kind, name := dKind.String, dName.String
	if !dKind.Valid {
		// No declaration of its own: the latest of the entities merged
		// into it gives the name and kind.
		found, err := latest(ctx, tx, members[1:], false, `SELECT date, article_id, kind, name FROM entity_declarations
			WHERE entity_id = ? ORDER BY date DESC, article_id DESC LIMIT 1`, nil, &kind, &name)
		if err != nil {
			return err
		}
		if !found {
			return graph.Errorf(op, graph.Internal, "entity %s has evidence but no declaration", id)
		}
	}
	in, args := memberList(members)
	f, err := forms(ctx, tx, in, args)
	if err != nil {
		return err
	}
	aliases := slices.DeleteFunc(f["alias"], func(a string) bool { return a == name })
	roles, keys := f["role"], f["extkey"]
	ext := make(map[string]string, len(keys))
	for _, k := range keys {
		var v string
		if _, err := latest(ctx, tx, members, true, `SELECT date, article_id, value FROM entity_external_ids
			WHERE entity_id = ? AND key = ? ORDER BY date DESC, article_id DESC LIMIT 1`, []any{k}, &v); err != nil {
			return err
		}
		ext[k] = v
	}

	newRow := entityRow{kind: kind, name: name, nameKey: graph.CanonicalKey(name), aliases: jsonText(nonNil(aliases)),
		roles: jsonText(nonNil(roles)), externalIDs: jsonText(ext), first: first, last: last, count: count}
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
	return indexNames(ctx, tx, id, append([]string{name}, aliases...), existed)
}

// latest scans into dest the columns after (date, article_id) of the row
// of the latest article that query finds for a member, where query selects
// date, article_id and then dest's columns of one member, the member's id
// its first argument, then args, ordered latest first (an index seek). With
// own, the first member's rows (the entity's own) win over the others';
// otherwise, and among the others, the latest article wins, the first
// member on a tie. It reports whether any member had a row.
func latest(ctx context.Context, tx *txq, members []string, own bool, query string, args []any, dest ...*string) (bool, error) {
	var (
		found    bool
		bestDate int64
		bestArt  string
		date     int64
		art      string
	)
	row := make([]string, len(dest))
	scan := []any{&date, &art}
	for j := range row {
		scan = append(scan, &row[j])
	}
	for i, m := range members {
		err := tx.QueryRowContext(ctx, query, append([]any{m}, args...)...).Scan(scan...)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return false, err
		}
		if !found || date > bestDate || date == bestDate && art > bestArt {
			found, bestDate, bestArt = true, date, art
			for j, d := range dest {
				*d = row[j]
			}
		}
		if i == 0 && own {
			break // the entity's own rows win
		}
	}
	return found, nil
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

// indexNames makes an entity's rows in the name search index names, by
// difference: the names it keeps keep their rows, so that a hub that gains
// an alias costs one insert, not a rewrite of all its names. An entity
// that had no row has no names indexed either (deleteEntity removes them
// with the row), so existed false spares the lookup.
func indexNames(ctx context.Context, tx *txq, id string, names []string, existed bool) error {
	had := map[string][]int64{}
	if existed {
		if err := indexedNames(ctx, tx, id, had); err != nil {
			return err
		}
	}
	var add []string
	for _, n := range names {
		if ids := had[n]; len(ids) > 0 {
			had[n] = ids[1:]
			continue
		}
		add = append(add, n)
	}
	for _, ids := range had {
		for _, rowid := range ids {
			if _, err := tx.ExecContext(ctx, `DELETE FROM entity_names_fts WHERE rowid = ?`, rowid); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM entity_names WHERE rowid = ?`, rowid); err != nil {
				return err
			}
		}
	}
	for _, n := range add {
		res, err := tx.ExecContext(ctx, `INSERT INTO entity_names (entity_id, name, key) VALUES (?, ?, ?)`,
			id, n, graph.CanonicalKey(n))
		if err != nil {
			return err
		}
		rowid, err := res.LastInsertId() // cheaper than RETURNING, a temporary table per statement
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_names_fts (rowid, name) VALUES (?, ?)`, rowid, n); err != nil {
			return err
		}
	}
	return nil
}

// indexedNames adds to had the rowids of an entity's indexed names, by
// name.
func indexedNames(ctx context.Context, tx *txq, id string, had map[string][]int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT rowid, name FROM entity_names WHERE entity_id = ?`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var (
			rowid int64
			n     string
		)
		if err := rows.Scan(&rowid, &n); err != nil {
			rows.Close()
			return err
		}
		had[n] = append(had[n], rowid)
	}
	rows.Close()
	return rows.Err()
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
