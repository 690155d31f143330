package sqlite

import (
	"context"
	"math/bits"
	"strings"
	"sync"
)

// maxInsertRows bounds the rows of one multi-row INSERT: 64 rows of the
// widest evidence table bind 1,472 parameters, far below SQLite's limit.
const maxInsertRows = 64

// rowInserter inserts many rows into one table with few statements: one
// statement per power of two of rows, so that an article's mentions cost
// a handful of statements instead of one each, and the write path keeps at
// most seven statements per table prepared.
type rowInserter struct {
	head string // INSERT INTO t (a, b, c) VALUES
	tail string // after the rows: an upsert clause, or nothing
	cols int

	mu      sync.Mutex
	queries map[int]string // by number of rows
}

func newRowInserter(table string, columns ...string) *rowInserter {
	return &rowInserter{
		head: `INSERT INTO ` + table + ` (` + strings.Join(columns, `, `) + `) VALUES `,
		cols: len(columns),
	}
}

func (r *rowInserter) query(rows int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if q, ok := r.queries[rows]; ok {
		return q
	}
	var b strings.Builder
	b.WriteString(r.head)
	row := `(?` + strings.Repeat(`, ?`, r.cols-1) + `)`
	for i := range rows {
		if i > 0 {
			b.WriteString(`, `)
		}
		b.WriteString(row)
	}
	b.WriteString(r.tail)
	if r.queries == nil {
		r.queries = map[int]string{}
	}
	r.queries[rows] = b.String()
	return r.queries[rows]
}

// exec inserts the rows whose values args holds, one row after another.
func (r *rowInserter) exec(ctx context.Context, tx *txq, args []any) error {
	for len(args) > 0 {
		rows := min(len(args)/r.cols, maxInsertRows)
		rows = 1 << (bits.Len(uint(rows)) - 1) // the largest power of two not above it
		n := rows * r.cols
		if _, err := tx.ExecContext(ctx, r.query(rows), args[:n]...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}
