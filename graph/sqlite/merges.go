package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"github.com/newsgraph/newsgraph/graph"
)

// merges maps each merged entity id to the id it was merged into. Chains
// are allowed (a was merged into b, then b into c): resolution follows them.
type merges map[string]string

// loadMerges reads the merges in force; there are few.
func loadMerges(ctx context.Context, tx *txq) (merges, error) {
	rows, err := tx.QueryContext(ctx, `SELECT from_id, into_id FROM merges`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := merges{}
	for rows.Next() {
		var from, into string
		if err := rows.Scan(&from, &into); err != nil {
			return nil, err
		}
		m[from] = into
	}
	return m, rows.Err()
}

// resolve returns the entity id evidence written for id counts for.
func (m merges) resolve(id string) string {
	for range len(m) + 1 { // a chain is never longer than the table
		into, ok := m[id]
		if !ok {
			return id
		}
		id = into
	}
	return id
}

// membersOf returns id, then the entities merged into it directly or
// through others, sorted: those whose evidence counts for id.
func (m merges) membersOf(id string) []string {
	out := []string{id}
	for from := range m {
		if from != id && m.resolve(from) == id {
			out = append(out, from)
		}
	}
	slices.Sort(out[1:])
	return out
}

// resolveWritten returns the resolved id and what to store as the written
// id: NULL while the two agree.
func (m merges) resolveWritten(id string) (string, any) {
	r := m.resolve(id)
	if r == id {
		return id, nil
	}
	return r, id
}

// resolveList resolves a JSON list of ids, dropping duplicates the merges
// make, and returns it with the written list (NULL when unchanged).
func (m merges) resolveList(ids []string) (string, any) {
	out := make([]string, 0, len(ids))
	changed := false
	for _, id := range ids {
		r := m.resolve(id)
		changed = changed || r != id
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if !changed {
		return jsonText(nonNil(ids)), nil
	}
	return jsonText(out), jsonText(nonNil(ids))
}

// relationshipID is graph.RelationshipID, or "" for a tie from an entity to
// itself, which a merge makes of a tie between the two merged entities:
// such evidence is kept, so that unmerging restores it, but supports no
// relationship.
func relationshipID(t graph.RelationType, source, target string) string {
	if source == target {
		return ""
	}
	return graph.RelationshipID(t, source, target)
}

// nullString is s, or NULL when s is not valid.
func nullString(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}
