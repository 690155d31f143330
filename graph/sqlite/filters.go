package sqlite

import (
	"context"
	"database/sql"
	"math"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// conds collects the conditions of a WHERE clause and their arguments, in
// textual order (plain ? placeholders).
type conds struct {
	where []string
	args  []any
}

func (c *conds) add(cond string, args ...any) {
	c.where = append(c.where, cond)
	c.args = append(c.args, args...)
}

// and renders the conditions joined by AND, "1" when there are none.
func (c *conds) and() string {
	if len(c.where) == 0 {
		return "1"
	}
	return strings.Join(c.where, " AND ")
}

// checkRange validates a date range and a minimum confidence.
func checkRange(op string, since, until time.Time, minConf float64) error {
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return graph.Errorf(op, graph.Invalid, "until is before since")
	}
	if math.IsNaN(minConf) || minConf < 0 || minConf > 1 {
		return graph.Errorf(op, graph.Invalid, "minimum confidence %v outside [0,1]", minConf)
	}
	return nil
}

// evidenceExists is the condition that some evidence row of table, linked
// to the outer row by link (e.g. "ev.relationship_id = r.id"), is dated in
// [since, until) and comes from an article of outlet. It returns "" when
// no bound is set.
func evidenceExists(c *conds, table, link string, since, until time.Time, outlet string) {
	if since.IsZero() && until.IsZero() && outlet == "" {
		return
	}
	var (
		where = []string{link}
		args  []any
		join  string
	)
	if outlet != "" {
		join = ` JOIN articles a ON a.id = ev.article_id AND a.outlet_key = ?`
		args = append(args, outletKey(outlet))
	}
	if !since.IsZero() {
		where = append(where, `ev.date >= ?`)
		args = append(args, since.UnixMicro())
	}
	if !until.IsZero() {
		where = append(where, `ev.date < ?`)
		args = append(args, until.UnixMicro())
	}
	c.add(`EXISTS (SELECT 1 FROM `+table+` ev`+join+` WHERE `+strings.Join(where, " AND ")+`)`, args...)
}

func kindArgs(op string, kinds []graph.EntityKind) ([]any, error) {
	args := make([]any, len(kinds))
	for i, k := range kinds {
		if !k.Valid() {
			return nil, graph.Errorf(op, graph.Invalid, "unknown entity kind %q", k)
		}
		args[i] = string(k)
	}
	return args, nil
}

func typeArgs(op string, types []graph.RelationType) ([]any, error) {
	args := make([]any, len(types))
	for i, t := range types {
		if !t.Valid() {
			return nil, graph.Errorf(op, graph.Invalid, "unknown relationship type %q", t)
		}
		args[i] = string(t)
	}
	return args, nil
}

// querier is what the read pool and a read transaction share.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// list runs a query and scans every row with scan.
func list[T any](ctx context.Context, q querier, query string, args []any, scan func(sc interface{ Scan(...any) error }) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func count(ctx context.Context, q querier, query string, args []any) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}
