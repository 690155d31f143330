package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the write path's statements prepared on the writer
// connection: preparing dominated the cost of a write before.
type stmtCache struct {
	mu    sync.Mutex
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stmts[query]
}

// prepare adds queries to the cache. It must run outside any transaction:
// the writer has one connection, and preparing on the pool waits for it.
func (c *stmtCache) prepare(ctx context.Context, queries []string) {
	for _, q := range queries {
		if c.get(q) != nil {
			continue
		}
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			return // the next transaction prepares it for itself again
		}
		c.mu.Lock()
		if c.stmts == nil {
			c.stmts = map[string]*sql.Stmt{}
		}
		if _, ok := c.stmts[q]; ok {
			st.Close()
		} else {
			c.stmts[q] = st
		}
		c.mu.Unlock()
	}
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// txq is a write transaction whose statements come from the cache. Its
// methods mirror *sql.Tx's.
type txq struct {
	tx    *sql.Tx
	cache *stmtCache
	local map[string]*sql.Stmt
	// missed lists the queries prepared for this transaction only, to be
	// added to the cache once it ends.
	missed []string
}

func (q *txq) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := q.local[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if parent := q.cache.get(query); parent != nil {
		// Tx.StmtContext reuses the statement already prepared on this
		// connection; the returned *Stmt is closed with the transaction.
		st = q.tx.StmtContext(ctx, parent)
	} else {
		var err error
		if st, err = q.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		q.missed = append(q.missed, query)
	}
	if q.local == nil {
		q.local = map[string]*sql.Stmt{}
	}
	q.local[query] = st
	return st, nil
}

func (q *txq) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (q *txq) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// row is a *sql.Row that may carry the error of preparing its statement.
type row struct {
	r   *sql.Row
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.r.Scan(dest...)
}

func (q *txq) QueryRowContext(ctx context.Context, query string, args ...any) row {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return row{err: err}
	}
	return row{r: st.QueryRowContext(ctx, args...)}
}
