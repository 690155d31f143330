package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Migrations are numbered files, NNNN_name.sql, applied in order, each in its
// own transaction together with its row in schema_migrations. A released
// migration is never edited: changes go in a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", base)
		}
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate applies the migrations the database has not seen yet.
func migrate(ctx context.Context, db *sql.DB) error {
	const op = "sqlite.migrate"
	ms, err := loadMigrations()
	if err != nil {
		return graph.E(op, graph.Internal, err)
	}
	// In a transaction of its own, which the writer begins IMMEDIATE: as a
	// statement on its own it would read first and then upgrade to a write,
	// and in WAL mode an upgrade after another process committed (one that
	// opened the same new file at the same moment) fails busy at once,
	// without waiting for the busy timeout.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail(ctx, op, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at INTEGER NOT NULL
	) STRICT`); err != nil {
		return fail(ctx, op, err)
	}
	if err := tx.Commit(); err != nil {
		return fail(ctx, op, err)
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	op := "sqlite.migrate " + m.name
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail(ctx, op, err)
	}
	defer tx.Rollback()
	var n int
	// Checked inside the write transaction, so two processes opening the
	// same new file do not both apply it.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return fail(ctx, op, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fail(ctx, op, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CAST(unixepoch('subsec') * 1000000 AS INTEGER))`, m.version, m.name); err != nil {
		return fail(ctx, op, err)
	}
	return fail(ctx, op, tx.Commit())
}
