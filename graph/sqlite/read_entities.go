package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

const entityColumns = `e.id, e.kind, e.name, e.aliases, e.roles, e.external_ids, e.first_seen, e.last_seen, e.mention_count`

func scanEntity(sc interface{ Scan(...any) error }, extra ...any) (*graph.Entity, error) {
	var (
		e           graph.Entity
		as, rs, xs  string
		first, last sql.NullInt64
	)
	dest := append([]any{&e.ID, &e.Kind, &e.Name, &as, &rs, &xs, &first, &last, &e.MentionCount}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if e.Aliases, err = stringsOf(as); err != nil {
		return nil, err
	}
	if e.Roles, err = stringsOf(rs); err != nil {
		return nil, err
	}
	if e.ExternalIDs, err = mapOf(xs); err != nil {
		return nil, err
	}
	e.FirstSeen, e.LastSeen = timeOf(first), timeOf(last)
	return &e, nil
}

// Entity returns the entity with the given id.
func (s *Store) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	const op = "sqlite.Entity"
	e, err := scanEntity(s.read.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(op, graph.NotFound, "entity %q not found", id)
	}
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return e, nil
}

// EntitiesByID returns the entities with the given ids, in order, nil for
// unknown ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	const op = "sqlite.EntitiesByID"
	byID := make(map[string]*graph.Entity, len(ids))
	for _, chunk := range chunks(ids, 500) {
		rows, err := s.read.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				e, err := scanEntity(rows)
				if err != nil {
					return err
				}
				byID[e.ID] = e
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, fail(ctx, op, err)
		}
	}
	out := make([]*graph.Entity, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// entityQuery builds the FROM and WHERE of an entity list, its arguments
// and its ORDER BY. ok is false when the query has words but none that can
// match: the list is empty.
func entityQuery(op string, f graph.EntityFilter) (from string, args []any, order string, ok bool, err error) {
	if err := checkRange(op, f.Since, f.Until, 0); err != nil {
		return "", nil, "", false, err
	}
	var c conds
	if len(f.Kinds) > 0 {
		ks, err := kindArgs(op, f.Kinds)
		if err != nil {
			return "", nil, "", false, err
		}
		c.add(`e.kind IN (`+placeholders(len(ks))+`)`, ks...)
	}
	evidenceExists(&c, "mentions", "ev.entity_id = e.id", f.Since, f.Until, f.Outlet)
	switch f.Order {
	case graph.EntitiesByRelevance, graph.EntitiesByMentions:
		order = `e.mention_count DESC, e.id`
	case graph.EntitiesByName:
		order = `e.name_key, e.id`
	case graph.EntitiesByLastSeen:
		order = `e.last_seen DESC, e.id` // never seen (NULL) last
	default:
		return "", nil, "", false, graph.Errorf(op, graph.Invalid, "unknown entity order %q", f.Order)
	}
	from = `entities e`
	if strings.TrimSpace(f.Query) != "" {
		match, words := ftsQuery(f.Query, true)
		if !words {
			return "", nil, "", false, nil
		}
		// One row per entity with a matching name or alias, flagged when
		// one of them is the query itself.
		from = `entities e JOIN (SELECT n.entity_id AS id, max(n.key = ?) AS exact
			FROM entity_names_fts JOIN entity_names n ON n.rowid = entity_names_fts.rowid
			WHERE entity_names_fts MATCH ? GROUP BY n.entity_id) h ON h.id = e.id`
		args = append(args, graph.CanonicalKey(f.Query), match)
		if f.Order == graph.EntitiesByRelevance {
			order = `h.exact DESC, ` + order
		}
	}
	return from + ` WHERE ` + c.and(), append(args, c.args...), order, true, nil
}

// SearchEntities lists the entities matching f (see graph.Reader).
func (s *Store) SearchEntities(ctx context.Context, f graph.EntityFilter) ([]*graph.Entity, error) {
	const op = "sqlite.SearchEntities"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	from, args, order, ok, err := entityQuery(op, f)
	if err != nil || !ok {
		return nil, err
	}
	out, err := list(ctx, s.read, `SELECT `+entityColumns+` FROM `+from+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, p.Limit, p.Offset), scanEntityRow)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// CountEntities counts the entities SearchEntities would list unpaged.
func (s *Store) CountEntities(ctx context.Context, f graph.EntityFilter) (int, error) {
	const op = "sqlite.CountEntities"
	from, args, _, ok, err := entityQuery(op, f)
	if err != nil || !ok {
		return 0, err
	}
	n, err := count(ctx, s.read, `SELECT count(*) FROM `+from, args)
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}

func scanEntityRow(sc interface{ Scan(...any) error }) (*graph.Entity, error) { return scanEntity(sc) }

// Mentions lists mentions by article id, then start offset.
func (s *Store) Mentions(ctx context.Context, f graph.MentionFilter) ([]*graph.Mention, error) {
	const op = "sqlite.Mentions"
	if f.EntityID == "" && f.ArticleID == "" {
		return nil, graph.Errorf(op, graph.Invalid, "a mention filter needs an entity or an article id")
	}
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	where, args := mentionWhere(f)
	rows, err := s.read.QueryContext(ctx, `SELECT entity_id, text, role, article_id, sentence_index, sentence_text,
		start, end_, trigger_, extractor, confidence, kind_in_context
		FROM mentions WHERE `+where+`
		ORDER BY article_id, start, end_, entity_id, seq LIMIT ? OFFSET ?`, append(args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	defer rows.Close()
	var out []*graph.Mention
	for rows.Next() {
		var m graph.Mention
		c := &m.Citation
		if err := rows.Scan(&m.EntityID, &m.Text, &m.Role, &c.ArticleID, &c.SentenceIndex, &c.SentenceText,
			&c.Start, &c.End, &c.Trigger, &c.Extractor, &c.Confidence, &m.KindInContext); err != nil {
			return nil, fail(ctx, op, err)
		}
		out = append(out, &m)
	}
	if err := rows.Err(); err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// mentionWhere is the condition of a mention filter with an id set.
func mentionWhere(f graph.MentionFilter) (string, []any) {
	var (
		where []string
		args  []any
	)
	if f.EntityID != "" {
		where = append(where, `entity_id = ?`)
		args = append(args, f.EntityID)
	}
	if f.ArticleID != "" {
		where = append(where, `article_id = ?`)
		args = append(args, f.ArticleID)
	}
	return strings.Join(where, ` AND `), args
}

// CountMentions counts what Mentions would list unpaged.
func (s *Store) CountMentions(ctx context.Context, f graph.MentionFilter) (int, error) {
	const op = "sqlite.CountMentions"
	if f.EntityID == "" && f.ArticleID == "" {
		return 0, graph.Errorf(op, graph.Invalid, "a mention filter needs an entity or an article id")
	}
	where, args := mentionWhere(f)
	n, err := count(ctx, s.read, `SELECT count(*) FROM mentions WHERE `+where, args)
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}
