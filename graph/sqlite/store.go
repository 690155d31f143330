// Package sqlite is newsgraph's embedded store: graph.Store on SQLite through
// modernc.org/sqlite (pure Go, no cgo), so that a fresh machine runs the whole
// system with no server.
//
// The database runs in WAL mode with one writer connection, so writes are
// serialised in the process while a pool of read connections serves queries
// concurrently. Aggregates (mention counts, evidence counts, first/last-seen
// dates, confidences) are stored, not computed on read, and recomputed inside
// the write transaction that changes their evidence.
//
// Exploring stays fast on hubs because an entity's ties are read from
// indexes ordered by weight that cover every column of a relationship:
// reading the 50 strongest ties of an entity with 30,000 costs 50 index
// entries. Multi-query reads (batches, networks, paths, timelines) run in
// one read transaction, so they see one snapshot. Merges keep the entity
// ids each extraction wrote next to the ids they resolve to, so that an
// unmerge restores exactly (see migrations/0003_explore.sql).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is a graph.Store kept in one SQLite file.
type Store struct {
	write *sql.DB // one connection: SQLite has one writer at a time anyway
	read  *sql.DB
	now   func() time.Time
	stmts stmtCache // statements of the write path, on the writer
}

var (
	_ graph.Store    = (*Store)(nil)
	_ graph.Explorer = (*Store)(nil)
	_ graph.Curator  = (*Store)(nil)
)

// Option configures a Store.
type Option func(*options)

type options struct {
	now         func() time.Time
	busyTimeout time.Duration
	readConns   int
	cacheMiB    int
	// writeCacheMiB is the writer's page cache: private memory that an
	// ingest fills, unlike the readers', which map the file.
	writeCacheMiB int
}

// WithClock sets the clock that dates articles written without an
// IngestedAt. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WithBusyTimeout sets how long a statement waits for a lock held by another
// process before failing with graph.Unavailable. The default is 5s.
func WithBusyTimeout(d time.Duration) Option {
	return func(o *options) { o.busyTimeout = d }
}

// WithCacheSize sets the page cache of each connection, the writer's
// included, in MiB. The defaults are 64 for readers, which keeps the
// indexes of a large graph in memory for reads, and 16 for the writer
// (defaultWriteCacheMiB); a bulk load into a large file goes faster with
// more, as it touches pages all over its indexes.
func WithCacheSize(mib int) Option {
	return func(o *options) { o.cacheMiB, o.writeCacheMiB = mib, mib }
}

// defaultWriteCacheMiB is the writer's page cache unless WithCacheSize
// sets it. The writer's cache is private memory that an ingest fills to
// the brim; at 64 MiB a whole-folder BBC ingest peaked at 455 MiB RSS
// (fast models) and 574 MiB (accurate), at 16 MiB at 354 and 476 MiB, in
// the same time (docs/quality.md, Session 12: memory).
const defaultWriteCacheMiB = 16

// WithReadConns sets the size of the read connection pool. The default is
// the number of CPUs, at least 2.
func WithReadConns(n int) Option {
	return func(o *options) { o.readConns = n }
}

// Open opens, creating it if needed, the store in the SQLite file at path,
// and brings its schema up to date.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	const op = "sqlite.Open"
	o := options{now: time.Now, busyTimeout: 5 * time.Second, readConns: max(2, runtime.NumCPU()), cacheMiB: 64, writeCacheMiB: defaultWriteCacheMiB}
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, graph.Errorf(op, graph.Invalid, "empty database path")
	}
	if path == ":memory:" || strings.ContainsRune(path, '?') || strings.HasPrefix(path, "file:") {
		// Each connection would get its own empty database.
		return nil, graph.Errorf(op, graph.Invalid, "the database must be a plain file path (no :memory:, URI or '?')")
	}
	write, err := sql.Open("sqlite", dsn(path, o, false))
	if err != nil {
		return nil, graph.E(op, graph.Internal, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	s := &Store{write: write, now: o.now, stmts: stmtCache{db: write}}
	if err := migrateWhenFree(ctx, write, o.busyTimeout); err != nil {
		write.Close()
		return nil, graph.E(op, "cannot open the database", err)
	}
	read, err := sql.Open("sqlite", dsn(path, o, true))
	if err != nil {
		write.Close()
		return nil, graph.E(op, graph.Internal, err)
	}
	read.SetMaxOpenConns(o.readConns)
	read.SetMaxIdleConns(o.readConns)
	s.read = read
	return s, nil
}

// migrateWhenFree migrates, trying again for up to wait while the file is
// busy. Processes that open one new file together (workers started at
// once) meet SQLite's locks before the file is in WAL mode, where a
// conflict between a reader and a writer is reported busy at once rather
// than waited for under the busy timeout.
func migrateWhenFree(ctx context.Context, db *sql.DB, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		err := migrate(ctx, db)
		if err == nil || graph.ErrorCode(err) != graph.Unavailable || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause + time.Duration(rand.Int64N(int64(pause)))):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// readerMmap is how much of the file a reader maps (all of it).
const readerMmap = 64 << 30

// dsn builds the modernc connection string. Writers begin IMMEDIATE
// transactions so that a write never fails halfway by upgrading a read lock.
func dsn(path string, o options, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(o.busyTimeout.Milliseconds(), 10))
	q.Set("_foreign_keys", "1")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	// 64 MiB of page cache per reader by default instead of SQLite's
	// 2 MiB: the indexes of a large graph stay in memory. The writer's is
	// smaller (defaultWriteCacheMiB).
	cache := o.cacheMiB
	if !readOnly {
		cache = o.writeCacheMiB
	}
	q.Add("_pragma", "cache_size(-"+strconv.Itoa(cache*1024)+")")
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		// Readers map the file: pages come from the OS page cache without
		// a read call each, shared by every connection.
		q.Add("_pragma", "mmap_size("+strconv.Itoa(readerMmap)+")")
		q.Set("_query_only", "1")
	} else {
		q.Set("_txlock", "immediate")
		// A queue message is acknowledged once the transaction holding its
		// article commits, so a commit must survive the machine, not only
		// the process: with synchronous=NORMAL a WAL commit survives the
		// process being killed but the last ones can roll back after a
		// power loss or an OS crash, once they were acknowledged. FULL
		// syncs the WAL at each commit; group commits make that one sync
		// per group of articles, and the writer waits for it while the
		// workers extract.
		q.Set("_synchronous", "FULL")
		// Checkpoint every 10,000 pages (40 MiB of WAL) instead of
		// SQLite's 1,000: an ingest rewrites the same index pages in
		// commit after commit, and a checkpoint copies each page once
		// however often the WAL holds it. The WAL file is cut back to
		// 64 MiB after a checkpoint.
		q.Add("_pragma", "wal_autocheckpoint(10000)")
		q.Add("_pragma", "journal_size_limit(67108864)")
	}
	return path + "?" + q.Encode()
}

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.close()
	// Lets SQLite refresh the statistics its planner uses, cheaply.
	_, optErr := s.write.Exec(`PRAGMA optimize`)
	errs := []error{optErr}
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	errs = append(errs, s.write.Close())
	if err := errors.Join(errs...); err != nil {
		return graph.E("sqlite.Close", graph.Internal, err)
	}
	return nil
}

// fail wraps a database error with the code its cause calls for. The SQL
// error text stays in Err, where clients never see it.
func fail(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return graph.E(op, err)
	}
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		cause := ctx.Err()
		if cause == nil {
			cause = err
		}
		return graph.E(op, graph.Timeout, errors.Join(cause, err))
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return graph.E(op, graph.Unavailable, err)
		case sqlite3.SQLITE_CONSTRAINT:
			return graph.E(op, graph.Conflict, err)
		case sqlite3.SQLITE_INTERRUPT:
			return graph.E(op, graph.Timeout, err)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY:
			return graph.E(op, graph.Unavailable, err)
		}
	}
	return graph.E(op, graph.Internal, err)
}
