package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

const relationshipColumns = `id, type, source_id, target_id, directed, evidence_count, first_seen, last_seen, confidence`

func scanRelationship(sc interface{ Scan(...any) error }) (*graph.Relationship, error) {
	var (
		r           graph.Relationship
		first, last sql.NullInt64
	)
	if err := sc.Scan(&r.ID, &r.Type, &r.SourceID, &r.TargetID, &r.Directed, &r.EvidenceCount,
		&first, &last, &r.Confidence); err != nil {
		return nil, err
	}
	r.FirstSeen, r.LastSeen = timeOf(first), timeOf(last)
	return &r, nil
}

// relQuery is a relationship list: its branches (one per endpoint column
// when f names an entity, each an index range scan in the list's order),
// their shared conditions and the order.
type relQuery struct {
	branches []conds
	order    string
}

// relationshipQuery builds the query of f; f.EntityID, when set, is the
// endpoint.
func relationshipQuery(op string, f graph.RelationshipFilter) (*relQuery, error) {
	if err := checkRange(op, f.Since, f.Until, f.MinConfidence); err != nil {
		return nil, err
	}
	q := &relQuery{}
	switch f.Order {
	case graph.RelationshipsByEvidence:
		q.order = `evidence_count DESC, id`
	case graph.RelationshipsByConfidence:
		q.order = `confidence DESC, id`
	case graph.RelationshipsByLastSeen:
		q.order = `last_seen DESC, id`
	case graph.RelationshipsByFirstSeen:
		q.order = `first_seen, id`
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown relationship order %q", f.Order)
	}
	switch f.Direction {
	case graph.Any, graph.Outgoing, graph.Incoming:
	default:
		return nil, graph.Errorf(op, graph.Invalid, "unknown direction %q", f.Direction)
	}
	var shared conds
	if len(f.Types) > 0 {
		ts, err := typeArgs(op, f.Types)
		if err != nil {
			return nil, err
		}
		col := `r.type`
		if f.EntityID != "" {
			// The unary + keeps SQLite on the endpoint indexes, which are
			// far more selective than a type on a large graph.
			col = `+r.type`
		}
		shared.add(col+` IN (`+placeholders(len(ts))+`)`, ts...)
	}
	if f.MinConfidence > 0 {
		shared.add(`+r.confidence >= ?`, f.MinConfidence)
	}
	evidenceExists(&shared, "relationship_evidence", "ev.relationship_id = r.id", f.Since, f.Until, f.Outlet)
	branch := func(cond string) {
		var c conds
		c.add(cond, f.EntityID)
		c.where = append(c.where, shared.where...)
		c.args = append(c.args, shared.args...)
		q.branches = append(q.branches, c)
	}
	switch {
	case f.EntityID == "" && f.Direction != graph.Any:
		return nil, graph.Errorf(op, graph.Invalid, "a direction needs an entity id")
	case f.EntityID == "":
		q.branches = []conds{shared}
	case f.Direction == graph.Any:
		// Undirected relationships match every direction; no relationship
		// joins an entity to itself, so the branches never overlap.
		branch(`r.source_id = ?`)
		branch(`r.target_id = ?`)
	case f.Direction == graph.Outgoing:
		branch(`r.source_id = ?`)
		branch(`r.target_id = ? AND NOT r.directed`)
	case f.Direction == graph.Incoming:
		branch(`r.target_id = ?`)
		branch(`r.source_id = ? AND NOT r.directed`)
	}
	return q, nil
}

// page renders the query of one page: each branch is cut at offset+limit
// rows in its index order before the branches are merged, so an entity
// with tens of thousands of ties costs a page, not its neighbourhood.
func (q *relQuery) page(p graph.Page) (string, []any) {
	return q.pageOf(relationshipColumns, p)
}

// pageOf is page with the given columns.
func (q *relQuery) pageOf(columns string, p graph.Page) (string, []any) {
	if len(q.branches) == 1 {
		b := q.branches[0]
		return `SELECT ` + columns + ` FROM relationships r WHERE ` + b.and() +
			` ORDER BY ` + q.order + ` LIMIT ? OFFSET ?`, append(b.args, p.Limit, p.Offset)
	}
	var parts []string
	var args []any
	for _, b := range q.branches {
		parts = append(parts, `SELECT * FROM (SELECT `+columns+` FROM relationships r WHERE `+b.and()+
			` ORDER BY `+q.order+` LIMIT ?)`)
		args = append(append(args, b.args...), p.Limit+p.Offset)
	}
	return strings.Join(parts, ` UNION ALL `) + ` ORDER BY ` + q.order + ` LIMIT ? OFFSET ?`, append(args, p.Limit, p.Offset)
}

func (q *relQuery) count() (string, []any) {
	var parts []string
	var args []any
	for _, b := range q.branches {
		parts = append(parts, `(SELECT count(*) FROM relationships r WHERE `+b.and()+`)`)
		args = append(args, b.args...)
	}
	return `SELECT ` + strings.Join(parts, ` + `), args
}

// Relationships lists relationships matching f, in f.Order, ties by id.
func (s *Store) Relationships(ctx context.Context, f graph.RelationshipFilter) ([]*graph.Relationship, error) {
	const op = "sqlite.Relationships"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	q, err := relationshipQuery(op, f)
	if err != nil {
		return nil, err
	}
	query, args := q.page(p)
	out, err := list(ctx, s.read, query, args, scanRelationship)
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// CountRelationships counts what Relationships would list unpaged.
func (s *Store) CountRelationships(ctx context.Context, f graph.RelationshipFilter) (int, error) {
	const op = "sqlite.CountRelationships"
	q, err := relationshipQuery(op, f)
	if err != nil {
		return 0, err
	}
	query, args := q.count()
	n, err := count(ctx, s.read, query, args)
	if err != nil {
		return 0, fail(ctx, op, err)
	}
	return n, nil
}

// Relationship returns the relationship with the given id.
func (s *Store) Relationship(ctx context.Context, id string) (*graph.Relationship, error) {
	const op = "sqlite.Relationship"
	r, err := scanRelationship(s.read.QueryRowContext(ctx, `SELECT `+relationshipColumns+` FROM relationships WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, graph.Errorf(op, graph.NotFound, "relationship %q not found", id)
	}
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return r, nil
}

// RelationshipsOf returns each entity's relationships matching f, f.Page
// per entity: one index-ordered, limited query per entity, in one read
// transaction so that the lists agree with each other.
func (s *Store) RelationshipsOf(ctx context.Context, entityIDs []string, f graph.RelationshipFilter) (map[string][]*graph.Relationship, error) {
	const op = "sqlite.RelationshipsOf"
	p, err := f.Page.Normalize()
	if err != nil {
		return nil, graph.E(op, err)
	}
	f.EntityID = "x" // validated with an endpoint, so that a direction is allowed
	if _, err := relationshipQuery(op, f); err != nil {
		return nil, err
	}
	out := map[string][]*graph.Relationship{}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		for _, id := range dedupe(entityIDs) {
			f.EntityID = id
			q, _ := relationshipQuery(op, f)
			query, args := q.page(p)
			rs, err := list(ctx, tx, query, args, scanRelationship)
			if err != nil {
				return err
			}
			if len(rs) > 0 {
				out[id] = rs
			}
		}
		return nil
	})
	if err != nil {
		return nil, fail(ctx, op, err)
	}
	return out, nil
}

// readTx runs fn in a read transaction: one snapshot of the database.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// RelationshipEvidence returns each relationship's citations by article
// date, article id, then start offset; at most perRelationship each when it
// is positive. Unknown ids have no entry.
func (s *Store) RelationshipEvidence(ctx context.Context, ids []string, perRelationship int) (map[string][]graph.Citation, error) {
	const op = "sqlite.RelationshipEvidence"
	out := map[string][]graph.Citation{}
	limit := perRelationship
	if limit <= 0 {
		limit = -1 // no limit
	}
	for _, chunk := range chunks(dedupe(ids), 500) {
		rows, err := s.read.QueryContext(ctx, `SELECT relationship_id, article_id, sentence_index, sentence_text,
			start, end_, trigger_, extractor, confidence FROM (
				SELECT *, row_number() OVER (PARTITION BY relationship_id
					ORDER BY date, article_id, start, seq) AS n
				FROM relationship_evidence WHERE relationship_id IN (`+placeholders(len(chunk))+`)
			) WHERE ?`+itoa(len(chunk)+1)+` < 0 OR n <= ?`+itoa(len(chunk)+1)+`
			ORDER BY relationship_id, n`, append(anys(chunk), limit)...)
		if err != nil {
			return nil, fail(ctx, op, err)
		}
		err = func() error {
			defer rows.Close()
			for rows.Next() {
				var (
					id string
					c  graph.Citation
				)
				if err := rows.Scan(&id, &c.ArticleID, &c.SentenceIndex, &c.SentenceText,
					&c.Start, &c.End, &c.Trigger, &c.Extractor, &c.Confidence); err != nil {
					return err
				}
				out[id] = append(out[id], c)
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, fail(ctx, op, err)
		}
	}
	return out, nil
}

func dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
