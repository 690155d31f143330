package sqlite

import (
	"context"
	"database/sql"
	"unicode/utf8"
)

// entityState is what recomputing an entity reads before it writes: the
// stored row, the mentions' dates (and their count when the stored one
// cannot be trusted: a new entity has few mentions, a merge moved them in
// bulk), the entity's latest own declaration and whether its own
// declarations disagree on the kind.
type entityState struct {
	existed      bool
	old          entityRow
	recounted    sql.NullInt64
	first, last  sql.NullInt64
	dKind, dName sql.NullString // the latest own declaration's
	clash        bool
}

// loadEntityStates reads the states of entities ids with one statement
// for them all, each part an index seek: the statement's own cost (cursors
// opened, values bound and scanned) is paid once per group commit rather
// than once per entity. Merging may join entities of different kinds on
// purpose; only the entity's own declarations must agree.
func loadEntityStates(ctx context.Context, tx *txq, ids []string, counted bool) (map[string]*entityState, error) {
	out := make(map[string]*entityState, len(ids))
	for _, tab := range idTables(ids) {
		if err := readEntityStates(ctx, tx, tab.from, tab.arg, counted, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// idTable is a table expression listing ids, as column value, in the
// order given, as column key, given ?1 = arg.
type idTable struct {
	from string
	arg  any
}

// idTables lists ids for statements that read many at once: one JSON
// array for those that are valid UTF-8, and one table each for the others,
// not ours but not to be lost: JSON would mangle them.
func idTables(ids []string) []idTable {
	var (
		out    []idTable
		listed []string
	)
	for _, id := range ids {
		if utf8.ValidString(id) {
			listed = append(listed, id)
			continue
		}
		out = append(out, idTable{`(SELECT ?1 AS value, 0 AS key)`, id})
	}
	if len(listed) > 0 {
		out = append(out, idTable{`json_each(?1)`, jsonText(listed)})
	}
	return out
}

// readEntityStates reads into out the states of the entities whose ids
// the table expression from lists, as column value, given ?1 = arg.
func readEntityStates(ctx context.Context, tx *txq, from string, arg any, counted bool, out map[string]*entityState) error {
	rows, err := tx.QueryContext(ctx, `SELECT x.id, x.existed, x.kind, x.name, x.name_key, x.aliases, x.roles, x.external_ids,
			x.first_seen, x.last_seen, x.mention_count, x.recounted, x.first, x.last, d.kind, d.name,
			EXISTS (SELECT 1 FROM entity_declarations WHERE entity_id = x.id AND kind < d.kind) OR
			EXISTS (SELECT 1 FROM entity_declarations WHERE entity_id = x.id AND kind > d.kind)
		FROM (SELECT ids.value AS id, e.id IS NOT NULL AS existed, e.kind, e.name, e.name_key, e.aliases, e.roles,
				e.external_ids, e.first_seen, e.last_seen, e.mention_count,
				CASE WHEN e.id IS NULL OR NOT ?2 THEN (SELECT count(*) FROM mentions WHERE entity_id = ids.value) END AS recounted,
				(SELECT min(date) FROM mentions WHERE entity_id = ids.value) AS first,
				(SELECT max(date) FROM mentions WHERE entity_id = ids.value) AS last,
				(SELECT article_id FROM entity_declarations WHERE entity_id = ids.value
					ORDER BY date DESC, article_id DESC LIMIT 1) AS latest
			FROM `+from+` ids LEFT JOIN entities e ON e.id = ids.value) x
		LEFT JOIN entity_declarations d ON d.article_id = x.latest AND d.entity_id = x.id`, arg, counted)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      string
			st      entityState
			text    [6]sql.NullString // kind, name, name_key, aliases, roles, external_ids
			oldSeen [2]sql.NullInt64
			stored  sql.NullInt64
			clash   sql.NullBool
		)
		if err := rows.Scan(&id, &st.existed, &text[0], &text[1], &text[2], &text[3], &text[4], &text[5],
			&oldSeen[0], &oldSeen[1], &stored, &st.recounted, &st.first, &st.last, &st.dKind, &st.dName, &clash); err != nil {
			return err
		}
		if st.existed {
			st.old = entityRow{kind: text[0].String, name: text[1].String, nameKey: text[2].String,
				aliases: text[3].String, roles: text[4].String, externalIDs: text[5].String,
				first: oldSeen[0], last: oldSeen[1], count: int(stored.Int64)}
		}
		st.clash = clash.Bool
		out[id] = &st
	}
	return rows.Err()
}
