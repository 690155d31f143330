package sqlite

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// formKey is an entity_forms row's key.
type formKey struct{ entity, kind, value string }

// formRows upserts reference counts of forms, many rows per statement.
var formRows = &rowInserter{
	head: `INSERT INTO entity_forms (entity_id, kind, value, refs) VALUES `,
	tail: ` ON CONFLICT (entity_id, kind, value) DO UPDATE SET refs = refs + excluded.refs`,
	cols: 4,
}

// addForms counts, in t, the forms x's declarations and mentions give
// their entities: what countForms(+1) reads back from the rows just
// inserted, taken from x itself. Counting a group's forms in memory and
// writing them once (flushForms) updates a hub's forms once per group
// instead of once per article. It reports false, counting nothing, for an
// extraction with a form that is not valid UTF-8, whose JSON round trip
// in SQL this does not reproduce: countForms must count that one.
func addForms(t *touched, decls map[string]graph.Entity, ms []graph.Mention) bool {
	own := map[formKey]bool{} // an article counts once per form
	add := func(entity, kind, v string) bool {
		if !utf8.ValidString(v) {
			return false
		}
		if v = strings.Trim(v, " \t\n\r"); v != "" {
			own[formKey{entity, kind, v}] = true
		}
		return true
	}
	for id, e := range decls {
		ok := add(id, "alias", e.Name)
		for _, a := range e.Aliases {
			ok = add(id, "alias", a) && ok
		}
		for _, r := range e.Roles {
			ok = add(id, "role", r) && ok
		}
		for k := range e.ExternalIDs {
			ok = add(id, "extkey", k) && ok
		}
		if !ok {
			return false
		}
	}
	for _, m := range ms {
		// Under the id the extraction wrote (coalesce(written_entity_id,
		// entity_id) in countForms).
		if !add(m.EntityID, "alias", m.Text) || !add(m.EntityID, "role", m.Role) {
			return false
		}
	}
	if t.forms == nil {
		t.forms = map[formKey]int{}
	}
	for k := range own {
		t.forms[k]++
	}
	return true
}

// flushForms writes the form counts t gathered, in key order. It must run
// before anything reads entity_forms or counts forms from the stored rows.
func flushForms(ctx context.Context, tx *txq, t *touched) error {
	if len(t.forms) == 0 {
		return nil
	}
	keys := slices.SortedFunc(maps.Keys(t.forms), cmpForm)
	args := make([]any, 0, len(keys)*formRows.cols)
	for _, k := range keys {
		args = append(args, k.entity, k.kind, k.value, t.forms[k])
	}
	clear(t.forms)
	return formRows.exec(ctx, tx, args)
}

func cmpForm(a, b formKey) int {
	if c := strings.Compare(a.entity, b.entity); c != 0 {
		return c
	}
	if c := strings.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	return strings.Compare(a.value, b.value)
}
